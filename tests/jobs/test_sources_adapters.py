"""Each adapter turns its service's real response shape into postings."""

from __future__ import annotations

import sys
import types
from typing import Any

import httpx
import pytest

from hireable.config import Settings
from hireable.errors import SourceError, UsageError
from hireable.postings.text import html_to_text
from hireable.sources.jobs.base import PostingIn
from hireable.sources.jobs.registry import adapter, parse_ref


def fetch(client: httpx.Client, settings: Settings, ref: str) -> dict[str, PostingIn]:
    source, name = parse_ref(ref)
    return {p.external_id: p for p in adapter(source)(client, settings, name)}


def test_greenhouse(client: httpx.Client, settings: Settings, server: Any) -> None:
    postings = fetch(client, settings, "greenhouse:acme")
    p = postings["4012345"]
    assert (p.title, p.company, p.location, p.remote) == (
        "Machine Learning Engineer",
        "Acme Robotics",
        "Remote - US",
        True,
    )
    assert p.url == "https://boards.greenhouse.io/acme/jobs/4012345"
    assert p.description.startswith("<p>We build <strong>")  # entities unescaped, HTML kept
    assert "warehouse robots" in html_to_text(p.description)
    assert "<" not in html_to_text(p.description)
    assert p.posted_at is not None and p.posted_at.isoformat() == "2026-10-01T13:00:00"
    assert postings["4012346"].remote is None
    assert server.requests[0].url.params["content"] == "true"


@pytest.mark.parametrize("ref", ["lever:acme", "lever-eu:acme"])
def test_lever(client: httpx.Client, settings: Settings, server: Any, ref: str) -> None:
    postings = fetch(client, settings, ref)
    p = postings["5ac21346-8e0c-4494-8e7a-3eb92ff77902"]
    assert (p.title, p.location, p.remote) == ("Junior Data Scientist", "London, UK", False)
    assert p.url == "https://jobs.lever.co/acme/5ac21346-8e0c-4494-8e7a-3eb92ff77902"
    assert p.salary == {
        "min": 45000,
        "max": 60000,
        "currency": "GBP",
        "period": "per-year-salary",
        "text": "Base salary",
    }
    text = html_to_text(p.description)
    assert "recommendation models" in text and "Deploy them behind an API" in text
    assert "We sponsor visas" in text
    assert postings["7b0e1a9c-2222-4a7e-9f00-000000000002"].remote is True
    host = "api.eu.lever.co" if ref.startswith("lever-eu") else "api.lever.co"
    assert server.requests[0].url.host == host
    assert server.requests[0].url.params["mode"] == "json"


def test_ashby_skips_unlisted_and_reads_compensation(
    client: httpx.Client, settings: Settings
) -> None:
    postings = fetch(client, settings, "ashby:acme")
    assert set(postings) == {
        "88b63239-c9ca-4e21-92f3-09b1dcfce175",
        "00000000-0000-4000-8000-000000000003",
    }
    p = postings["88b63239-c9ca-4e21-92f3-09b1dcfce175"]
    assert (p.title, p.location, p.remote) == ("Applied Scientist, NLP", "UK", True)
    assert p.salary is not None
    assert (p.salary["min"], p.salary["max"], p.salary["currency"]) == (91000, 115000, "GBP")
    onsite = postings["00000000-0000-4000-8000-000000000003"]
    assert onsite.remote is False
    # a plain-text description is kept as plain text, line breaks included
    assert html_to_text(onsite.description).endswith("models & report.\nSecond line.")


def test_ashby_real_response_shape_from_shared_fixtures(
    shared_dir: Any, settings: Settings
) -> None:
    import json

    from hireable.sources.http import make_client

    body = json.loads((shared_dir / "fixtures/ashby/job-board.json").read_text())
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json=body))
    with make_client(settings, transport=transport) as client:
        (p,) = fetch(client, settings, "ashby:Ashby").values()
    assert p.remote is True and p.salary and p.salary["currency"] == "GBP"
    assert "full-stack" in html_to_text(p.description)


def test_ashby_empty_board_counts_as_missing(
    client: httpx.Client, settings: Settings, server: Any
) -> None:
    server.json("api.ashbyhq.com/posting-api/job-board/ghost", {"apiVersion": "1", "jobs": []})
    with pytest.raises(SourceError, match="ashby board 'ghost' does not exist"):
        fetch(client, settings, "ashby:ghost")


def test_workable(client: httpx.Client, settings: Settings) -> None:
    (p,) = fetch(client, settings, "workable:acme").values()
    assert (p.external_id, p.title, p.company) == (
        "A1B2C3D4E5",
        "Computer Vision Engineer",
        "Acme Health",
    )
    assert (p.location, p.remote) == ("Athens, Attica, Greece", True)
    assert p.url == "https://apply.workable.com/j/A1B2C3D4E5"
    assert "medical images" in html_to_text(p.description)


def test_smartrecruiters_pages_and_details(
    client: httpx.Client, settings: Settings, server: Any
) -> None:
    postings = fetch(client, settings, "smartrecruiters:AcmeCorp")
    assert list(postings) == ["744000012345678", "744000012345679"]
    p = postings["744000012345678"]
    assert (p.title, p.company, p.location, p.remote) == (
        "Data Scientist",
        "Acme Corp",
        "Lisbon, pt",
        False,
    )
    assert p.url == "https://jobs.smartrecruiters.com/AcmeCorp/744000012345678-data-scientist"
    text = html_to_text(p.description)
    assert "gradient boosting" in text and "SQL and Python" in text
    second = postings["744000012345679"]
    assert second.remote is True
    assert second.url == "https://jobs.smartrecruiters.com/AcmeCorp/744000012345679"
    offsets = [
        r.url.params.get("offset") for r in server.requests if r.url.path.endswith("postings")
    ]
    assert offsets == ["0", "1"]


@pytest.mark.parametrize(
    "ref, message",
    [
        ("monster:acme", "unknown source 'monster'"),
        ("greenhouse", "is not SOURCE:NAME"),
        ("greenhouse:", "is not SOURCE:NAME"),
        ("lever:a b", "not a valid lever site name"),
        ("hn:2026-13", "not YYYY-MM"),
        ("aggregator:myspace?search=ml", "unknown aggregator site"),
        ("aggregator:linkedin", "needs a search"),
    ],
)
def test_bad_references_are_usage_errors(ref: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_ref(ref)


class FakeFrame:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def to_dict(self, orient: str) -> list[dict[str, Any]]:
        assert orient == "records"
        return self.rows


def test_aggregator_maps_jobspy_rows(
    monkeypatch: pytest.MonkeyPatch, client: httpx.Client, settings: Settings
) -> None:
    calls: list[dict[str, Any]] = []
    row = {
        "id": "li-4000",
        "site": "linkedin",
        "job_url": "https://www.linkedin.com/jobs/view/4000",
        "job_url_direct": float("nan"),
        "title": "ML Engineer",
        "company": "Tiny AI",
        "location": "Berlin, BE, DE",
        "date_posted": "2026-11-01",
        "is_remote": False,
        "min_amount": 70000.0,
        "max_amount": 90000.0,
        "currency": "EUR",
        "interval": "yearly",
        "company_num_employees": "11-50",
        "description": "Build **models**.",
    }

    def scrape_jobs(**kwargs: Any) -> FakeFrame:
        calls.append(kwargs)
        return FakeFrame([row])

    monkeypatch.setitem(sys.modules, "jobspy", types.SimpleNamespace(scrape_jobs=scrape_jobs))
    (p,) = fetch(
        client, settings, "aggregator:linkedin?search=ml engineer&location=Berlin"
    ).values()
    assert calls == [
        {
            "site_name": ["linkedin"],
            "search_term": "ml engineer",
            "results_wanted": 50,
            "location": "Berlin",
        }
    ]
    assert (p.external_id, p.title, p.company, p.remote) == (
        "li-4000",
        "ML Engineer",
        "Tiny AI",
        False,
    )
    assert p.url == "https://www.linkedin.com/jobs/view/4000"
    assert p.salary == {"min": 70000.0, "max": 90000.0, "currency": "EUR", "period": "yearly"}
    assert (p.source, p.size_hint) == ("aggregator:linkedin", "11-50")


def test_aggregator_without_jobspy_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, client: httpx.Client, settings: Settings
) -> None:
    monkeypatch.setitem(sys.modules, "jobspy", None)
    with pytest.raises(SourceError, match=r"pip install 'hireable\[aggregators\]'"):
        fetch(client, settings, "aggregator:indeed?search=ml")
