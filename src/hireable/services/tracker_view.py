"""What the tracker shows: the board by status with the moves the transition table allows, the
follow-ups due, and for each screen and application what to do next. Read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hireable.core import tracker as pipeline
from hireable.core.evidence import web_url
from hireable.core.outreach import Review, review
from hireable.core.words import plural
from hireable.services.outreach import latest_draft
from hireable.services.tracker import (
    application_public,
    get_application,
    list_applications,
    saved_to_write,
    tracker_warnings,
    when_due,
    with_postings,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.core.alerts import Alert
    from hireable.store.models import Application, Message, Posting

# Interview preparation as the method has it (DESIGN 1.5).
INTERVIEW_PREP = (
    "prepare a 30-second self-introduction and a 30-second story for each key evidence item"
)
# What to do next with one application, by its status (follow-up statuses are worked out from
# the schedule instead).
NEXT_BY_STATUS: dict[str, str] = {
    "interviewing": f"Interviewing: {INTERVIEW_PREP}.",
    "offer": "An offer: congratulations. Once you start, record the job as evidence of paid work.",
    "rejected": "Ask for one piece of feedback, then write to the next company on your list.",
    "withdrawn": "Closed. Write to the next company on your list.",
}


@dataclass(frozen=True)
class Card:
    """One application on the board."""

    row: dict[str, Any]  # application_public, with the posting's title
    moves: list[tuple[str, str]]  # (status, why): only what the transition table allows
    followup: str | None  # "due today", "3 days overdue", "due 2026-12-02"
    step: str | None  # "follow-up 1 of 2": which one is scheduled
    due: bool  # a follow-up is due today or overdue
    overdue: bool  # due before today
    next_followup: dt.date | None


@dataclass(frozen=True)
class Column:
    status: str
    cards: list[Card]


@dataclass(frozen=True)
class TrackerView:
    columns: list[Column]  # one per status, in pipeline order
    due: list[Card]  # follow-ups due today or overdue, the oldest first
    warnings: list[Alert]
    next_steps: list[str]

    @property
    def total(self) -> int:
        return sum(len(c.cards) for c in self.columns)


def _card(app: Application, posting: Posting | None, today: dt.date) -> Card:
    done = app.followups_done or 0
    schedule = pipeline.Schedule(app.contacted_on, app.next_followup, done)
    scheduled = app.next_followup if app.status in pipeline.FOLLOWUP_STATUSES else None
    return Card(
        row=application_public(app, posting),
        moves=pipeline.allowed_moves(app.status),
        followup=when_due(scheduled, today) if scheduled else None,
        step=f"follow-up {done + 1} of {pipeline.FOLLOWUPS}" if scheduled else None,
        due=pipeline.due(schedule, app.status, today),
        overdue=scheduled is not None and scheduled < today,
        next_followup=scheduled,
    )


def next_steps(cards: list[Card], today: dt.date) -> list[str]:
    """The board's answer to "what should I do next?", most urgent first."""
    if not cards:
        return [
            "Nothing tracked yet: add a company you would like to work for, whether or not it "
            "has an opening."
        ]
    steps = []
    due = [c for c in cards if c.due]
    if due:
        late = sum(1 for c in due if c.overdue)
        overdue = f" ({late} overdue)" if late else ""
        them, each = ("them", "each") if len(due) > 1 else ("it", "it")
        steps.append(
            f"{plural(len(due), 'follow-up')} due today{overdue}: send {them}, then record "
            f"{each} as followed up."
        )
    counts = {s: sum(1 for c in cards if c.row["status"] == s) for s in pipeline.STATUSES}
    # Saved companies wait for a first email; due follow-ups come first (their replies are
    # likelier than a new company's).
    which = None if due else saved_to_write({"saved": counts["saved"]})
    if which is not None:
        steps.append(f"Write to {which}: open it and generate a draft to make your own.")
    if counts["interviewing"]:
        steps.append(f"{plural(counts['interviewing'], 'interview')} under way: {INTERVIEW_PREP}.")
    upcoming = sorted((c.next_followup, c.row["id"], c) for c in cards if c.next_followup)
    if not due and upcoming:
        when, _, card = upcoming[0]
        steps.append(f"No follow-up due today; the next is to {card.row['company']} on {when}.")
    if not steps:
        steps.append("Nothing due today: track another company you would like to work for.")
    return steps


def tracker_view(session: Session, today: dt.date) -> TrackerView:
    cards = [_card(a, p, today) for a, p in with_postings(session, list_applications(session))]
    columns = [Column(s, [c for c in cards if c.row["status"] == s]) for s in pipeline.STATUSES]
    due = sorted((c for c in cards if c.due), key=lambda c: (c.next_followup, c.row["id"]))
    return TrackerView(columns, due, tracker_warnings(session, today), next_steps(cards, today))


# -- one application --------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplicationView:
    card: Card
    posting: dict[str, Any] | None  # title, url, location of the posting it tracks
    draft: Message | None  # the latest draft: the one to send
    history: list[Message]  # earlier drafts and the logged follow-ups, the newest first
    review: Review | None  # what to fix in it before sending
    next_step: str


def application_next(app: Application, *, has_draft: bool, today: dt.date) -> str:
    if app.status == "saved":
        if has_draft:
            return (
                "Send the draft below from your email client, then move this to contacted: two "
                "follow-ups a week apart get scheduled."
            )
        return (
            f"Write to {app.company}: generate a draft below, make it yours, and send it from "
            "your email client."
        )
    if app.status in pipeline.FOLLOWUP_STATUSES:
        done = app.followups_done or 0
        if app.next_followup is not None:
            n = f"Follow-up {done + 1} of {pipeline.FOLLOWUPS}"
            if app.next_followup <= today:
                return f"{n} is {when_due(app.next_followup, today)}: send it, then record it."
            return f"{n} is due {app.next_followup}; until then, wait for a reply."
        if done >= pipeline.FOLLOWUPS:
            return "Both follow-ups are sent: wait for a reply, or write to the next company."
        return (
            "No follow-ups are scheduled (there is no contact to write to): find the founder or "
            "hiring manager and write to them too."
        )
    return NEXT_BY_STATUS[app.status]


def application_view(session: Session, application_id: int, today: dt.date) -> ApplicationView:
    app = get_application(session, application_id)
    [(_, posting)] = with_postings(session, [app])
    draft = latest_draft(app)
    return ApplicationView(
        card=_card(app, posting, today),
        posting=(
            {
                "id": posting.id,
                "title": posting.title,
                "url": web_url(posting.url),
                "location": posting.location,
            }
            if posting is not None
            else None
        ),
        draft=draft,
        history=[m for m in reversed(app.messages) if m is not draft],
        review=review(draft.body) if draft is not None else None,
        next_step=application_next(app, has_draft=draft is not None, today=today),
    )
