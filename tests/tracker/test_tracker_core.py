"""The pipeline's transition table and the follow-up schedule (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from hireable.core.tracker import (
    CLOSED,
    STATUSES,
    TRANSITIONS,
    Schedule,
    after_followup,
    after_move,
    allowed_moves,
    check_move,
    due,
    first_contact,
)
from hireable.errors import ValidationError

DAY0 = dt.date(2026, 3, 2)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def test_contact_on_day_0_gives_follow_ups_on_day_7_and_14_then_none() -> None:
    s = after_move(Schedule(None, None, 0), "contacted", has_contact=False, today=DAY0)
    assert s == Schedule(DAY0, day(7), 0)
    assert [n for n in range(0, 30) if due(s, "contacted", day(n))][:1] == [7]
    s = after_followup(s, day(7))
    assert s == Schedule(DAY0, day(14), 1)
    assert not due(s, "contacted", day(13)) and due(s, "contacted", day(14))
    s = after_followup(s, day(14))
    assert s == Schedule(DAY0, None, 2)
    assert not any(due(s, "contacted", day(n)) for n in range(14, 200))


def test_a_late_follow_up_keeps_the_week_gap() -> None:
    s = after_followup(first_contact(DAY0), day(10))
    assert s.next_followup == day(17)


def test_applying_with_a_contact_starts_the_schedule_once() -> None:
    empty = Schedule(None, None, 0)
    assert after_move(empty, "applied", has_contact=False, today=DAY0) == empty
    assert after_move(empty, "applied", has_contact=True, today=DAY0) == first_contact(DAY0)
    started = after_followup(first_contact(DAY0), day(7))
    assert after_move(started, "applied", has_contact=True, today=day(9)) == started


@pytest.mark.parametrize("status", ["interviewing", "offer", "rejected", "withdrawn"])
def test_an_answer_or_a_close_stops_the_follow_ups(status: str) -> None:
    s = after_move(first_contact(DAY0), status, has_contact=True, today=day(3))
    assert s.next_followup is None and s.contacted_on == DAY0
    assert not due(s, status, day(7))


def test_forward_moves_only_and_nothing_out_of_closed_statuses() -> None:
    order = {s: i for i, s in enumerate(STATUSES)}
    for current, allowed in TRANSITIONS.items():
        for new in allowed:
            assert order[new] > order[current]
            assert check_move(current, new)
    for closed in CLOSED:
        assert TRANSITIONS[closed] == {}
    for status in set(STATUSES) - CLOSED:
        assert {"rejected", "withdrawn"} <= set(TRANSITIONS[status])


@pytest.mark.parametrize(
    ("current", "new", "message"),
    [
        ("offer", "saved", "cannot move from offer to saved: offer is final"),
        ("applied", "contacted", "cannot move from applied to contacted; from applied you can"),
        ("saved", "saved", "already saved"),
        ("saved", "hired", "unknown status 'hired'"),
    ],
)
def test_illegal_moves_are_errors(current: str, new: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_move(current, new)


def test_the_moves_offered_are_exactly_the_ones_check_move_accepts() -> None:
    for current in STATUSES:
        offered = [status for status, _ in allowed_moves(current)]
        assert offered == [s for s in STATUSES if s in TRANSITIONS[current]]  # pipeline order
        for new in STATUSES:
            if new in offered:
                assert check_move(current, new) == dict(allowed_moves(current))[new]
            else:
                with pytest.raises(ValidationError):
                    check_move(current, new)
    assert allowed_moves("offer") == []
