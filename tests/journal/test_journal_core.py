"""Weekly stats, streak, momentum and the warning rules of the journal (pure logic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from hireable.core.journal import (
    RULES,
    learn_trap,
    momentum,
    momentum_drop,
    move_on,
    remaining_months,
    runway_short,
    shipped_streak,
    validate_entry,
    week_start,
    weekly_stats,
)
from hireable.errors import ValidationError

TODAY = dt.date(2026, 11, 26)  # a Thursday


@dataclass
class E:
    type: str
    hours: float
    date: dt.date
    artifact: str | None = None
    topic: str = "t"


def learn(days_ago: int, hours: float = 3) -> E:
    return E("learn", hours, TODAY - dt.timedelta(days=days_ago))


def do(days_ago: int, hours: float = 3) -> E:
    return E("do", hours, TODAY - dt.timedelta(days=days_ago), "https://github.com/a/b/pull/1")


def six_weeks_of_learning() -> list[E]:
    return [learn(d) for d in range(0, 42, 3)]


def test_six_weeks_of_learning_only_fires_learn_trap_and_a_do_entry_clears_it() -> None:
    entries = six_weeks_of_learning()
    alert = learn_trap(entries, today=TODAY)
    assert alert is not None and alert.rule == "learn-trap"
    assert "39 days of learning" in alert.message
    assert shipped_streak(entries, today=TODAY) == 0

    entries.append(do(0))
    assert learn_trap(entries, today=TODAY) is None
    assert shipped_streak(entries, today=TODAY) == 1


def test_learn_trap_needs_fourteen_days_and_recent_learning() -> None:
    assert learn_trap([learn(13), learn(0)], today=TODAY) is None
    assert learn_trap([learn(14), learn(1)], today=TODAY) is not None
    # Stopped learning weeks ago: that is a momentum problem, not a learn trap.
    assert learn_trap([learn(60), learn(30)], today=TODAY) is None
    # Learning since the last artefact counts from that artefact.
    assert learn_trap([do(20), learn(10), learn(0)], today=TODAY) is None
    assert learn_trap([do(30), learn(20), learn(0)], today=TODAY) is not None


def test_weekly_stats_are_iso_weeks_oldest_first() -> None:
    monday = week_start(TODAY)
    assert monday == dt.date(2026, 11, 23) and monday.weekday() == 0
    entries = [learn(0, 2), do(1, 4), learn(3, 1), learn(4, 5), do(30, 1)]  # 4 days ago: Sunday
    weeks = weekly_stats(entries, today=TODAY, weeks=2)
    assert [w.start for w in weeks] == [dt.date(2026, 11, 16), dt.date(2026, 11, 23)]
    last, this = weeks
    assert (this.learn_hours, this.do_hours, this.artifacts) == (3, 4, 1)
    assert this.do_share == 57
    assert (last.learn_hours, last.do_hours, last.do_share) == (5, 0, 0)
    assert weekly_stats([], today=TODAY, weeks=1)[0].do_share is None


def test_streak_ends_this_week_or_last_week() -> None:
    # Shipped in each of the last three weeks but not (yet) this week.
    entries = [do(7), do(14), do(21)]
    assert shipped_streak(entries, today=TODAY) == 3
    assert shipped_streak(entries + [do(0)], today=TODAY) == 4
    # A gap of one empty week breaks it.
    assert shipped_streak([do(14), do(21)], today=TODAY) == 0
    # A do entry without an artefact ships nothing.
    assert shipped_streak([E("do", 3, TODAY)], today=TODAY) == 0


def test_momentum_compares_the_last_four_weeks_with_the_four_before() -> None:
    before = [learn(d, 10) for d in (30, 37, 44, 51)]  # 10 h/week
    now = [learn(d, 5) for d in (2, 9, 16, 23)]  # 5 h/week
    m = momentum(before + now, today=TODAY)
    assert (m.recent, m.previous, m.change) == (5, 10, -50)
    alert = momentum_drop(m)
    assert alert is not None and alert.rule == "momentum-drop" and "50%" in alert.message
    # A 40% drop exactly does not fire ("more than 40%").
    m = momentum(before + [learn(d, 6) for d in (2, 9, 16, 23)], today=TODAY)
    assert m.change == -40 and momentum_drop(m) is None
    # No earlier hours: no baseline to drop from.
    assert momentum(now, today=TODAY).change is None


def test_runway_short_states_the_estimate() -> None:
    # ml-entry: 3–12 months → middle 7.5; readiness 40 → 60% left; 20 ref h / 10 h → ×2 = 9.
    assert remaining_months((3, 12), 40, 10) == pytest.approx(9.0)
    alert = runway_short(
        runway_months=6,
        stage_id="ml-entry",
        typical_months=(3, 12),
        readiness_score=40,
        hours_per_week=10,
    )
    assert alert is not None and alert.rule == "runway-short"
    assert "~9.0 months" in alert.message and "7.5 typical months" in alert.message
    fine = dict(stage_id="ml-entry", typical_months=(3, 12), readiness_score=40)
    assert runway_short(runway_months=9, hours_per_week=10, **fine) is None
    assert runway_short(runway_months=None, hours_per_week=10, **fine) is None
    assert runway_short(runway_months=6, hours_per_week=40, **fine) is None


def test_move_on_after_seven_days_without_baseline() -> None:
    picked = TODAY - dt.timedelta(days=8)
    alert = move_on(idea_id=3, title="X", picked_on=picked, has_baseline=False, today=TODAY)
    assert alert is not None and alert.rule == "move-on"
    assert move_on(idea_id=3, title="X", picked_on=picked, has_baseline=True, today=TODAY) is None
    week = TODAY - dt.timedelta(days=RULES["move-on"].threshold)
    assert move_on(idea_id=3, title="X", picked_on=week, has_baseline=False, today=TODAY) is None


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "learn", "topic": "x", "hours": 0, "date": "2026-11-01"}, "more than 0"),
        ({"type": "learn", "topic": "x", "hours": -2, "date": "2026-11-01"}, "more than 0"),
        ({"type": "learn", "topic": "x", "hours": "abc", "date": "2026-11-01"}, "a number"),
        ({"type": "learn", "topic": "x", "hours": 30, "date": "2026-11-01"}, "more than a day"),
        ({"type": "learn", "topic": "x", "hours": 1, "date": "2026-11-27"}, "in the future"),
        ({"type": "learn", "topic": "x", "hours": 1, "date": "01/11/2026"}, "YYYY-MM-DD"),
        ({"type": "learn", "topic": "x", "hours": 1, "date": "2026-02-30"}, "calendar"),
        ({"type": "learn", "topic": " ", "hours": 1, "date": "2026-11-01"}, "topic"),
        ({"type": "rest", "topic": "x", "hours": 1, "date": "2026-11-01"}, "type"),
        ({"type": "do", "topic": "x", "hours": 1, "date": "2026-11-01"}, "needs an artifact URL"),
        (
            {"type": "do", "topic": "x", "hours": 1, "date": "2026-11-01", "artifact": "nope"},
            "http",
        ),
        ({"type": "learn", "topic": "x", "hours": 1, "date": "2026-11-01", "mood": 3}, "mood"),
        (
            {
                "type": "learn",
                "topic": "x",
                "hours": 1,
                "date": "2026-11-01",
                "artifact": "https://a.b",
            },
            "learn entry",
        ),
    ],
)
def test_validate_entry_rejects_bad_records(record: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_entry(record, today=TODAY)


def test_days_ago_in_words() -> None:
    from hireable.core.journal import days_ago

    assert [days_ago(d) for d in (None, 0, 1, 5)] == ["never", "today", "yesterday", "5 days ago"]
