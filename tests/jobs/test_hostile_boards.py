"""A board that answers with wrong types fails as one `error:` line and stores nothing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from hireable.sources.jobs.base import to_datetime

GREENHOUSE = "boards-api.greenhouse.io/v1/boards/acme/jobs"
GOOD = {"id": 1, "title": "ML Engineer", "content": "Train models.", "location": {"name": "Remote"}}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"title": 5}, "posting 2: title must be text, not int"),
        ({"content": {"html": "x"}}, "posting 2: description must be text, not dict"),
        ({"absolute_url": ["x"]}, "posting 2: url must be text, not list"),
        ({"company_name": 3.5}, "posting 2: company must be text, not float"),
        ({"absolute_url": "https://x.test/" + "a" * 2000}, "url is longer than 2,000 characters"),
    ],
)
def test_wrong_types_fail_the_board_in_one_line(
    cli: Any, fake_network: Any, bad: dict[str, Any], message: str
) -> None:
    fake_network.json(GREENHOUSE, {"jobs": [GOOD]})
    assert cli("jobs", "fetch", "greenhouse:acme").code == 0
    fake_network.json(GREENHOUSE, {"jobs": [GOOD, {**GOOD, "id": 2, **bad}]})
    r = cli("jobs", "fetch", "greenhouse:acme")
    assert r.code == 1 and "Traceback" not in r.err
    (line,) = r.err.strip().splitlines()
    assert line.startswith("error: greenhouse:acme: unexpected response shape") and message in line
    (kept,) = json.loads(cli("jobs", "list", "--json").out)  # the stored posting is untouched
    assert (kept["title"], kept["closed_at"]) == ("ML Engineer", None)


def test_a_date_beyond_the_calendar_is_no_date(cli: Any, fake_network: Any) -> None:
    fake_network.json(GREENHOUSE, {"jobs": [{**GOOD, "updated_at": 10**20}]})
    r = cli("jobs", "fetch", "greenhouse:acme", "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)[0]["new"] == 1


@pytest.mark.parametrize("value", [10**20, -(10**20), 1e300, float("inf"), float("nan"), 2**70])
def test_to_datetime_out_of_range_is_none(value: float) -> None:
    assert to_datetime(value) is None


def test_a_board_answer_nested_too_deeply_is_malformed(cli: Any, fake_network: Any) -> None:
    body = b'{"jobs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    fake_network.add(GREENHOUSE, httpx.Response(200, content=body))
    r = cli("jobs", "fetch", "greenhouse:acme")
    assert r.code == 1
    assert r.err.strip().splitlines() == [
        "error: greenhouse board 'acme': malformed JSON from "
        "boards-api.greenhouse.io/v1/boards/acme/jobs (it nests more than 100 levels deep)"
    ]


def test_overlong_shown_text_is_clipped_and_stored_on_every_backend(
    cli: Any, fake_network: Any
) -> None:
    long = {**GOOD, "title": "T" * 900, "company_name": "C" * 400, "location": {"name": "L" * 600}}
    fake_network.json(GREENHOUSE, {"jobs": [long]})
    r = cli("jobs", "fetch", "greenhouse:acme")
    assert r.code == 0, r.err
    (stored,) = json.loads(cli("jobs", "list", "--json").out)
    assert stored["title"] == "T" * 499 + "…"
    assert stored["company"] == "C" * 299 + "…"


def test_column_limits_are_the_stored_columns() -> None:
    from hireable.sources.jobs.base import COLUMN_LIMITS
    from hireable.store.models import Posting

    for name, limit in COLUMN_LIMITS.items():
        assert Posting.__table__.columns[name].type.length == limit, name


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-14:00"])
def test_a_date_whose_offset_leaves_the_calendar_is_no_date(when: str) -> None:
    """Valid ISO text, but in UTC it is before year 1 or after 9999: astimezone overflowed."""
    assert to_datetime(when) is None


def test_a_fetched_link_that_is_not_a_web_address_is_dropped(cli: Any, fake_network: Any) -> None:
    """The posting is kept; the `javascript:` link a hostile board sent is not (the tracker's
    page showed posting links as they were stored)."""
    jobs = [
        {**GOOD, "absolute_url": "javascript:alert(1)"},
        {**GOOD, "id": 2, "absolute_url": "https://x.test/a\x1b[2J"},
        {**GOOD, "id": 3, "absolute_url": "https://x.test/jobs/3"},
    ]
    fake_network.json(GREENHOUSE, {"jobs": jobs})
    assert cli("jobs", "fetch", "greenhouse:acme").code == 0
    stored = sorted(json.loads(cli("jobs", "list", "--json").out), key=lambda p: p["id"])
    assert [p["url"] for p in stored] == [None, None, "https://x.test/jobs/3"]


@pytest.mark.parametrize(
    "salary",
    [{"min": 10**400, "max": 10**400}, {"min": "lots", "max": [1]}, {"min": -5, "max": True}],
)
def test_a_salary_figure_beyond_reason_is_dropped(
    cli: Any, fake_network: Any, salary: dict[str, Any]
) -> None:
    """`jobs show` formatted 10**400 as a float: OverflowError."""
    fake_network.add(
        "api.lever.co/v0/postings/acme",
        httpx.Response(200, content=json.dumps([{
            "id": "l1", "text": "ML Engineer", "hostedUrl": "https://jobs.example.test/l1",
            "descriptionPlain": "Train models.", "categories": {"location": "Remote"},
            "salaryRange": {**salary, "currency": "USD", "interval": "per-year-salary"},
        }]).encode()),
    )  # fmt: skip
    assert cli("jobs", "fetch", "lever:acme").code == 0
    shown = cli("jobs", "show", "1")
    assert shown.code == 0 and "Traceback" not in shown.err, shown.err
    assert "USD" in shown.out
    assert "lots" not in shown.out and "1e" not in shown.out


def test_escapes_a_board_sends_are_shown_not_obeyed(cli: Any, fake_network: Any) -> None:
    """Issue 11's item 2 as a board delivers it: the title drives no terminal."""
    evil = {**GOOD, "title": "Evil\x1b[2J\x1b[31m [/b]", "company_name": "Co\x9b2J"}
    fake_network.json(GREENHOUSE, {"jobs": [evil]})
    assert cli("jobs", "fetch", "greenhouse:acme").code == 0
    for args in (("jobs", "list"), ("jobs", "show", "1"), ("jobs", "rank", "--stage", "ml-entry")):
        r = cli(*args)
        assert r.code == 0, r.err
        assert "\x1b" not in r.out + r.err and "\x9b" not in r.out
    assert "Evil\\x1b[2J\\x1b[31m [/b]" in cli("jobs", "show", "1").out
