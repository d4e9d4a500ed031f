"""HN 'Who is hiring?': the right thread, top-level comments only, the header line parsed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from hireable.config import Settings
from hireable.errors import SourceError
from hireable.sources.jobs import hn


def test_finds_the_who_is_hiring_thread_not_the_others(
    client: httpx.Client, settings: Settings, server: Any
) -> None:
    assert hn.find_thread(client, settings, "") == ("45800001", "2026-11")
    params = server.requests[0].url.params
    assert params["tags"] == "story,author_whoishiring"


def test_a_given_month_is_searched_in_its_window(
    client: httpx.Client, settings: Settings, server: Any
) -> None:
    assert hn.find_thread(client, settings, "2026-10") == ("45500001", "2026-10")
    assert "created_at_i>=" in server.requests[0].url.params["numericFilters"]


def test_a_month_without_thread_is_reported(client: httpx.Client, settings: Settings) -> None:
    with pytest.raises(SourceError, match="no 'Ask HN: Who is hiring\\?' thread for 2025-01"):
        hn.find_thread(client, settings, "2025-01")


def test_top_level_comments_become_postings(client: httpx.Client, settings: Settings) -> None:
    postings = {p.external_id: p for p in hn.fetch(client, settings, "")}
    # the reply 45800201 and the deleted/dead 45800103/45800104 are ignored
    assert set(postings) == {"45800101", "45800102"}
    first = postings["45800101"]
    assert (first.company, first.title, first.location, first.remote) == (
        "Tiny Vision Co",
        "Machine Learning Engineer",
        "Lisbon, Portugal",
        True,
    )
    assert first.salary is not None and (
        first.salary["min"],
        first.salary["max"],
        first.salary["currency"],
    ) == (60000, 80000, "EUR")
    assert first.url == "https://news.ycombinator.com/item?id=45800101"
    assert first.source == "hn:2026-11"
    assert "<p>" in first.description  # HTML kept
    second = postings["45800102"]
    assert (second.company, second.title, second.location, second.remote) == (
        "DataCorp",  # the analyser's header grammar: "(YC W24)" is no part of the name
        "Data Scientist",
        "New York, NY",
        False,
    )


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "Foo | Berlin, Germany | REMOTE (EU) | Full-time | Data Scientist",
            {
                "company": "Foo",
                "title": "Data Scientist",
                "location": "Berlin, Germany",
                "remote": True,
            },
        ),
        (
            "Bar | Software Engineer, ML Platform | Remote (US only) | https://bar.example",
            {
                "company": "Bar",
                "title": "Software Engineer, ML Platform",
                "location": "US",
                "remote": True,
            },
        ),
        (
            "Baz | Founding Engineer | NYC or Remote | $150-200k + equity",
            {"company": "Baz", "title": "Founding Engineer", "location": "NYC", "remote": True},
        ),
        (
            "Qux | Hybrid (London) | Backend Engineer",
            {"company": "Qux", "title": "Backend Engineer", "location": "London", "remote": False},
        ),
        (
            "Just a sentence with no separators",
            {"company": None, "title": None, "location": None, "remote": None},
        ),
    ],
)
def test_header_line_parsing(line: str, expected: dict[str, Any]) -> None:
    parsed = hn.parse_header(line)
    assert {k: parsed[k] for k in expected} == expected


def test_first_line_stops_at_the_first_paragraph() -> None:
    assert hn.first_line("A &amp; B | <i>ML</i> Engineer<p>More text") == "A & B | ML Engineer"
