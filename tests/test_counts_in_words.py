"""A count in a sentence agrees with its noun: "asks 1 year", "1 idea", "2 years"."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from hireable.core.credibility import assess
from hireable.core.ideas import nudges
from hireable.core.stages import get_stage
from hireable.core.words import plural
from hireable.postings.rank import freshness_reason, years_reason

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("n", "noun", "many", "said"),
    [(1, "year", "", "1 year"), (0, "year", "", "0 years"), (2, "year", "", "2 years"),
     (1, "entry", "entries", "1 entry"), (3, "entry", "entries", "3 entries")],
)  # fmt: skip
def test_plural(n: int, noun: str, many: str, said: str) -> None:
    assert plural(n, noun, many) == said


def test_the_years_a_posting_asks_agree_with_their_count() -> None:
    fit = get_stage("ml-engineer").ranking
    one, three = years_reason(1, fit), years_reason(3, fit)
    assert one is not None and three is not None
    assert one.text == "asks 1 year: fits your stage"
    assert three.text.startswith("asks 3 years") or three.text.startswith("asks 3+ years")


def test_a_posting_seen_a_day_ago_says_one_day() -> None:
    reason = freshness_reason(TODAY - dt.timedelta(days=1), TODAY)
    assert reason is not None and reason.text.endswith("(1 day ago)")


def test_work_a_month_old_says_one_month() -> None:
    item = SimpleNamespace(
        kind="project", title="A demo", date="2026-10", url=None, validator=None, metrics={},
        verification="self",
    )  # fmt: skip
    recency = next(f for f in assess(item, today=TODAY).factors if f.name == "recency")
    assert recency.reason.startswith("1 month old")


def test_one_idea_is_one_idea() -> None:
    idea = SimpleNamespace(
        id=2, title="Speech search", note=None, goal=None, impress=None, quick_model=None,
        feasible=None, angle=None, excitement=None,
    )  # fmt: skip
    said = nudges([idea])
    assert any(n.startswith("only 1 idea collected") for n in said)
    assert any(n.startswith("1 idea not scored yet (2)") for n in said)
