"""The sprint plan: gaps → deliverables, hours, stages, Markdown and iCalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from hireable.core.plan import DELIVERABLES, build_plan, plan_markdown, split_hours
from hireable.core.readiness import ScoredItem
from hireable.errors import ValidationError
from hireable.services.plan import plan_ics

TODAY = dt.date(2026, 11, 26)  # Thursday; week 1 starts Monday 2026-11-23
SECONDARY = [
    ScoredItem(1, "paid-work", "gig", "secondary", "money", 65),
    ScoredItem(2, "content", "post", "secondary", "attention", 60),
    ScoredItem(3, "product", "tool", "secondary", "attention", 60),
]


def plan_for(items: list[ScoredItem], **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = dict(
        target_stage="ml-entry",
        items=items,
        hours_per_week=12.0,
        skills=[],
        idea=None,
        today=TODAY,
        weeks=4,
    )
    args.update(kw)
    return build_plan(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize("weeks", [1, 4, 12])
@pytest.mark.parametrize("hours", [0.5, 1, 5, 7.5, 12, 40])
def test_doing_gets_at_least_half_and_total_never_exceeds_weekly_hours(
    weeks: int, hours: float
) -> None:
    plan = plan_for([], hours_per_week=hours, weeks=weeks)
    assert len(plan.weeks) == weeks
    for w in plan.weeks:
        assert w.learn_hours + w.do_hours <= hours + 1e-9
        assert w.do_hours >= w.learn_hours and w.do_hours >= hours / 2
        assert w.learn_hours >= 0


def test_split_hours_rounds_to_half_hours() -> None:
    assert split_hours(12) == (4, 8)
    assert split_hours(10) == (3, 7)
    assert split_hours(1) == (0, 1)


def test_learner_lacking_only_a_primary_item_does_primary_work() -> None:
    plan = plan_for(SECONDARY, hours_per_week=10, weeks=4)
    assert plan.stage == "ml-entry"
    assert [w.evidence_class for w in plan.weeks] == ["primary"] * 4
    assert all(w.serves == ["primary"] for w in plan.weeks)
    assert all("primary items" in w.gap and "0 of 1" in w.gap for w in plan.weeks)
    assert sum(w.do_hours + w.learn_hours for w in plan.weeks[:1]) <= 10


def test_weeks_are_consecutive_mondays_from_this_week() -> None:
    plan = plan_for([], weeks=3)
    assert [w.start for w in plan.weeks] == [
        dt.date(2026, 11, 23),
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 7),
    ]
    assert [w.number for w in plan.weeks] == [1, 2, 3]


def test_an_empty_ledger_works_on_an_item_that_closes_both_gaps() -> None:
    week = plan_for([]).weeks[0]
    assert week.evidence_class == "primary"
    assert set(week.serves) == {"degree-equivalent", "primary"}
    assert "do:" in week.line() and "→" in week.line() and "for ml-entry" in week.line()


def test_skills_and_picked_idea_choose_the_deliverable() -> None:
    assert plan_for(SECONDARY, skills=["LightGBM"]).weeks[0].deliverable == "kaggle"
    with_idea = plan_for(SECONDARY, idea="Bird calls from cheap mics")
    assert with_idea.weeks[0].deliverable == "benchmark"
    assert "Bird calls from cheap mics" in with_idea.weeks[0].do
    assert with_idea.notes == []
    assert any("no idea picked" in n for n in plan_for(SECONDARY).notes)


def test_met_target_plans_toward_the_next_stage_and_says_so() -> None:
    primary = ScoredItem(4, "open-source", "PR", "primary", "time", 80)
    plan = plan_for(SECONDARY + [primary])
    assert plan.target == "ml-entry" and plan.stage == "ml-junior"
    assert any("ml-entry is already met" in n for n in plan.notes)
    assert all(w.stage == "ml-junior" for w in plan.weeks)


def test_a_long_plan_moves_on_once_the_target_is_projected_met() -> None:
    plan = plan_for(SECONDARY, weeks=8)
    assert [w.stage for w in plan.weeks] == ["ml-entry"] * 4 + ["ml-junior"] * 4
    assert any("projected met after week 4" in n for n in plan.notes)
    # A second primary item for ml-junior comes from a different deliverable.
    assert plan.weeks[4].deliverable != plan.weeks[0].deliverable


def test_swe_intern_plans_shipped_projects() -> None:
    plan = plan_for([], target_stage="swe-intern", weeks=2)
    assert plan.weeks[0].deliverable == "shipped-project"


def test_every_deliverable_has_steps_and_a_rationale() -> None:
    for d in DELIVERABLES:
        assert d.steps and d.rationale


def test_bad_weeks_are_rejected() -> None:
    with pytest.raises(ValidationError, match="weeks must be from 1 to 52"):
        plan_for([], weeks=0)


def test_markdown_names_every_week() -> None:
    text = plan_markdown(plan_for([], weeks=2))
    assert text.startswith("# Sprint plan toward ml-entry")
    assert "## Week 1 — 2026-11-23" in text and "## Week 2 — 2026-11-30" in text
    assert "**Do** (8 h)" in text


def test_ics_parses_with_one_event_per_block_on_the_right_dates() -> None:
    plan = plan_for([], weeks=3, idea="Detect café, bakery; and pastry defects, with cheap cameras")
    text = plan_ics(plan, now=dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC))
    raw = text.encode("utf-8")
    assert raw.count(b"\r\n") == raw.count(b"\n")  # CRLF everywhere
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cal = Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2 * len(plan.weeks)
    assert len({str(e["UID"]) for e in events}) == len(events)
    for week in plan.weeks:
        blocks = [e for e in events if e.decoded("DTSTART") == week.start]
        assert len(blocks) == 2
        assert {str(e["SUMMARY"]).split(" ")[0] for e in blocks} == {"Learn", "Do"}
        for e in blocks:
            assert e.decoded("DTEND") == week.start + dt.timedelta(days=7)
            assert e.decoded("DTSTAMP") == dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)
    summaries = {str(e["SUMMARY"]) for e in events}
    assert f"Do (8 h): {plan.weeks[1].do}" in summaries  # escaped and folded text round-trips


def test_market_gap_shapes_only_the_first_doing_block() -> None:
    from hireable.core.market import SkillDemand

    demand = SkillDemand("docker", 12, 20, "nothing")
    plan = plan_for(SECONDARY, weeks=2, demand=demand)
    first, second = plan.weeks
    assert first.do.endswith(", and make it show docker")
    assert first.market == (
        "12 of your 20 best openings ask for docker and none of your evidence shows it"
    )
    assert second.market is None and "docker" not in second.do
    assert f"- **Market**: {first.market}" in plan_markdown(plan)
    assert plan_for(SECONDARY, weeks=1).weeks[0].market is None


@pytest.mark.parametrize("items", [[], SECONDARY, SECONDARY[:1]])
def test_readiness_already_worked_out_gives_the_same_plan(items: list[ScoredItem]) -> None:
    """The dashboard hands the plan its kept readiness: the plan is the one it would compute."""
    from hireable.core.readiness import all_readiness

    known = {r.stage.id: r for r in all_readiness(items)}
    for weeks in (1, 6):
        assert plan_for(items, weeks=weeks, known_readiness=known) == plan_for(items, weeks=weeks)
