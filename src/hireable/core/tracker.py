"""The application pipeline and the follow-up schedule (DESIGN 1.5), as data tables. Pure.

saved → contacted → applied → interviewing → offer, or rejected / withdrawn from any open
status. After the first contact, two follow-ups a week apart, then none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hireable.errors import ValidationError

STATUSES = ("saved", "contacted", "applied", "interviewing", "offer", "rejected", "withdrawn")
CLOSED = frozenset({"offer", "rejected", "withdrawn"})

# Allowed moves, each with its rationale. Forward along the pipeline only; rejected and
# withdrawn from any open status; nothing out of a closed status.
TRANSITIONS: dict[str, dict[str, str]] = {
    "saved": {
        "contacted": "you emailed a founder or hiring manager",
        "applied": "you applied through the posting without writing first",
        "rejected": "they turned you down before any contact",
        "withdrawn": "you dropped it",
    },
    "contacted": {
        "applied": "they asked you to apply, or you applied after writing",
        "interviewing": "your email got you straight into an interview",
        "rejected": "they said no",
        "withdrawn": "you dropped it",
    },
    "applied": {
        "interviewing": "they invited you to interview",
        "rejected": "they said no",
        "withdrawn": "you dropped it",
    },
    "interviewing": {
        "offer": "they made an offer",
        "rejected": "they said no after interviews",
        "withdrawn": "you dropped it",
    },
    "offer": {},
    "rejected": {},
    "withdrawn": {},
}

# Follow-ups after the first contact: days after the contact (or after the previous follow-up).
FOLLOWUP_GAP_DAYS = 7  # "two follow-ups a week apart"
FOLLOWUPS = 2
# Statuses in which follow-ups are still worth sending: no answer yet.
FOLLOWUP_STATUSES = frozenset({"contacted", "applied"})


@dataclass(frozen=True)
class Schedule:
    """The follow-up fields of an application."""

    contacted_on: dt.date | None
    next_followup: dt.date | None
    followups_done: int


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValidationError(f"unknown status '{status}'; choose one of: {', '.join(STATUSES)}")
    return status


def check_move(current: str, new: str) -> str:
    """The rationale of a legal move; an illegal move is a one-line error."""
    check_status(new)
    if new == current:
        raise ValidationError(f"the application is already {current}")
    allowed = TRANSITIONS.get(current, {})
    if new not in allowed:
        if not allowed:
            raise ValidationError(f"cannot move from {current} to {new}: {current} is final")
        raise ValidationError(
            f"cannot move from {current} to {new}; from {current} you can move to: "
            f"{', '.join(allowed)}"
        )
    return allowed[new]


def allowed_moves(current: str) -> list[tuple[str, str]]:
    """The moves the table allows from `current`, in pipeline order: (status, rationale)."""
    allowed = TRANSITIONS.get(current, {})
    return [(status, allowed[status]) for status in STATUSES if status in allowed]


def first_contact(today: dt.date) -> Schedule:
    """Contact made today: the first follow-up is due a week later."""
    return Schedule(today, today + dt.timedelta(days=FOLLOWUP_GAP_DAYS), 0)


def after_move(schedule: Schedule, new: str, *, has_contact: bool, today: dt.date) -> Schedule:
    """The schedule once the application moves to `new`."""
    if new not in FOLLOWUP_STATUSES:
        return Schedule(schedule.contacted_on, None, schedule.followups_done)
    if schedule.contacted_on is None and (new == "contacted" or has_contact):
        return first_contact(today)
    return schedule


def after_followup(schedule: Schedule, today: dt.date) -> Schedule:
    """A follow-up sent today: the next one a week later, none after the last."""
    done = schedule.followups_done + 1
    if done >= FOLLOWUPS:
        return Schedule(schedule.contacted_on, None, done)
    return Schedule(schedule.contacted_on, today + dt.timedelta(days=FOLLOWUP_GAP_DAYS), done)


def due(schedule: Schedule, status: str, today: dt.date) -> bool:
    return (
        status in FOLLOWUP_STATUSES
        and schedule.next_followup is not None
        and schedule.next_followup <= today
    )


def days_overdue(next_followup: dt.date, today: dt.date) -> int:
    return (today - next_followup).days
