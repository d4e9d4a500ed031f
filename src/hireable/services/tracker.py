"""Use cases of the application tracker: add, move, follow up, list, what is due, status hooks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hireable.core import tracker as pipeline
from hireable.core.alerts import Alert
from hireable.core.status import StatusContribution
from hireable.errors import ValidationError
from hireable.postings.rank import is_famous
from hireable.services.job_queries import get_posting
from hireable.sources.jobs.registry import competition_group
from hireable.store.models import Application, Message, Posting, Profile
from hireable.store.repo import get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]{2,}$")
# Resume-lottery: of the last RECENT applications sent, LOTTERY_SHARE or more went where a
# no-degree candidate is filtered out (degree required, or a famous brand via an aggregator).
RECENT = 5
LOTTERY_MIN = 3  # at least this many sent before judging
LOTTERY_SHARE = 0.5  # strictly more than this share


def get_application(session: Session, application_id: int) -> Application:
    return get_or_fail(
        session, Application, application_id, noun="application", listing="track list"
    )


def application_for_posting(session: Session, posting_id: int) -> Application | None:
    """The application that tracks this posting, if one does."""
    return session.query(Application).filter(Application.posting_id == posting_id).first()


def check_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    email = email.strip()
    if not EMAIL.match(email):
        raise ValidationError(f"'{email}' is not an email address (expected name@example.com)")
    return email


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text is not None else None


def add_application(
    *,
    session: Session,
    posting_id: int | None = None,
    company: str | None = None,
    contact: str | None = None,
    email: str | None = None,
) -> Application:
    """Track a posting or a company (whether or not it has an opening) in status `saved`."""
    email = check_email(email)
    company = _clean(company)
    if posting_id is None and company is None:
        raise ValidationError("name a posting or a company")
    if posting_id is not None:
        posting = get_posting(session, posting_id)
        existing = application_for_posting(session, posting_id)
        if existing is not None:
            raise ValidationError(
                f"posting {posting_id} is already tracked as application {existing.id}"
            )
        company = company or _clean(posting.company)
        if company is None:
            raise ValidationError(
                f"posting {posting_id} has no company name; name the company to track it"
            )
    app = Application(
        posting_id=posting_id,
        company=company,
        contact_name=_clean(contact),
        contact_email=email,
        status="saved",
        followups_done=0,
    )
    session.add(app)
    session.flush()
    return app


def _schedule(app: Application) -> pipeline.Schedule:
    return pipeline.Schedule(app.contacted_on, app.next_followup, app.followups_done or 0)


def _apply(app: Application, schedule: pipeline.Schedule) -> None:
    app.contacted_on = schedule.contacted_on
    app.next_followup = schedule.next_followup
    app.followups_done = schedule.followups_done


def move_application(
    *, session: Session, application_id: int, status: str, today: dt.date
) -> Application:
    app = get_application(session, application_id)
    pipeline.check_move(app.status, status)
    has_contact = bool(app.contact_name or app.contact_email)
    _apply(app, pipeline.after_move(_schedule(app), status, has_contact=has_contact, today=today))
    app.status = status
    session.flush()
    return app


def record_followup(*, session: Session, application_id: int, today: dt.date) -> Application:
    """A follow-up was sent today: log it and schedule the next one (or none after the last)."""
    app = get_application(session, application_id)
    if app.status not in pipeline.FOLLOWUP_STATUSES or app.next_followup is None:
        why = (
            f"all {pipeline.FOLLOWUPS} follow-ups are done"
            if (app.followups_done or 0) >= pipeline.FOLLOWUPS
            else f"it is {app.status}"
        )
        raise ValidationError(f"application {app.id} has no follow-up scheduled: {why}")
    schedule = pipeline.after_followup(_schedule(app), today)
    _apply(app, schedule)
    app.messages.append(
        Message(
            kind="followup",
            subject=None,
            body=f"Follow-up {schedule.followups_done} of {pipeline.FOLLOWUPS} sent on {today}.",
        )
    )
    session.flush()
    return app


def list_applications(session: Session) -> list[Application]:
    return list(session.query(Application).order_by(Application.id))


def due_followups(session: Session, today: dt.date) -> list[Application]:
    """Follow-ups due today or overdue, the oldest first."""
    rows = (
        session.query(Application)
        .filter(
            Application.next_followup.is_not(None),
            Application.next_followup <= today,
            Application.status.in_(sorted(pipeline.FOLLOWUP_STATUSES)),
        )
        .order_by(Application.next_followup, Application.id)
    )
    return list(rows)


def when_due(next_followup: dt.date, today: dt.date) -> str:
    late = pipeline.days_overdue(next_followup, today)
    if late == 0:
        return "due today"
    if late > 0:
        return f"{late} day{'s' if late != 1 else ''} overdue"
    return f"due {next_followup.isoformat()}"


def followup_action(app: Application, today: dt.date) -> str:
    who = f" ({app.contact_name})" if app.contact_name else ""
    n = (app.followups_done or 0) + 1
    return (
        f"Follow up with {app.company}{who} ({when_due(app.next_followup, today)}): "
        f"follow-up {n} of {pipeline.FOLLOWUPS}; then `hireable track followup {app.id}`"
        if app.next_followup
        else f"Follow up with {app.company}{who}"
    )


def application_public(app: Application, posting: Posting | None = None) -> dict[str, Any]:
    return {
        "id": app.id,
        "company": app.company,
        "posting_id": app.posting_id,
        "title": posting.title if posting is not None else None,
        "contact_name": app.contact_name,
        "contact_email": app.contact_email,
        "status": app.status,
        "contacted_on": app.contacted_on.isoformat() if app.contacted_on else None,
        "next_followup": app.next_followup.isoformat() if app.next_followup else None,
        "followups_done": app.followups_done or 0,
    }


def with_postings(
    session: Session, apps: list[Application]
) -> list[tuple[Application, Posting | None]]:
    """Each application beside its posting (None when it tracks a company)."""
    ids = [a.posting_id for a in apps if a.posting_id is not None]
    postings: dict[int, Posting] = {}
    if ids:
        postings = {p.id: p for p in session.query(Posting).filter(Posting.id.in_(ids))}
    return [(a, postings.get(a.posting_id or -1)) for a in apps]


def board(session: Session) -> list[dict[str, Any]]:
    """Every application with its posting's title, in id order."""
    return [application_public(a, p) for a, p in with_postings(session, list_applications(session))]


def saved_to_write(counts: dict[str, int]) -> str | None:
    """Which saved company to write to, when none has been written to yet."""
    if not counts.get("saved") or any(counts.get(s) for s in ("contacted", "applied")):
        return None
    n = counts["saved"]
    return "your saved company" if n == 1 else f"one of your {n} saved companies"


def status_counts(session: Session) -> dict[str, int]:
    counts = {s: 0 for s in pipeline.STATUSES}
    for (status,) in session.query(Application.status):
        counts[status] = counts.get(status, 0) + 1
    return counts


@dataclass(frozen=True)
class LotteryCheck:
    sent: int  # recent applications that were sent (not merely saved)
    lottery: list[tuple[Application, str]]  # (application, why it is a lottery ticket)


def lottery_check(session: Session) -> LotteryCheck:
    """How many of the most recent applications sent went where no-degree candidates lose."""
    sent = (
        session.query(Application)
        .filter(Application.status != "saved")
        .order_by(Application.created_at.desc(), Application.id.desc())
        .limit(RECENT)
        .all()
    )
    postings = {
        p.id: p
        for p in session.query(Posting).filter(
            Posting.id.in_([a.posting_id for a in sent if a.posting_id is not None])
        )
    }
    lottery = []
    for app in sent:
        posting = postings.get(app.posting_id or -1)
        if posting is None:
            continue
        if posting.degree == "required":
            lottery.append((app, "degree required"))
        elif competition_group(posting.source) == "aggregator" and (
            is_famous(posting.company or app.company) or posting.size_band == "1000+"
        ):
            lottery.append((app, "a large, famous employer via an aggregator"))
    return LotteryCheck(len(sent), lottery)


def tracker_warnings(session: Session, today: dt.date) -> list[Alert]:
    warnings = []
    check = lottery_check(session)
    if check.sent >= LOTTERY_MIN and len(check.lottery) / check.sent > LOTTERY_SHARE:
        names = ", ".join(f"{a.company} ({why})" for a, why in check.lottery[:3])
        warnings.append(
            Alert(
                "resume-lottery",
                f"{len(check.lottery)} of your last {check.sent} applications went where a "
                f"no-degree candidate is filtered out: {names}. Aim at small companies on their "
                "own boards: `hireable jobs rank`",
            )
        )
    overdue = [
        (a, a.next_followup)
        for a in due_followups(session, today)
        if a.next_followup is not None and a.next_followup < today
    ]
    if overdue:
        names = ", ".join(f"{a.company} ({when_due(due, today)})" for a, due in overdue[:3])
        more = f" and {len(overdue) - 3} more" if len(overdue) > 3 else ""
        warnings.append(
            Alert(
                "followup-overdue",
                f"{len(overdue)} follow-up{'s' if len(overdue) != 1 else ''} overdue: "
                f"{names}{more}. Send them: a polite second email often gets the reply",
            )
        )
    return warnings


def status_contribution(session: Session, profile: Profile, today: dt.date) -> StatusContribution:
    """Warnings and next actions of the tracker for `hireable status`."""
    actions = [followup_action(a, today) for a in due_followups(session, today)]
    counts = status_counts(session)
    which = saved_to_write(counts)
    if which is not None:
        actions.append(f"Write to {which}: `hireable outreach draft ID`")
    return StatusContribution(
        warnings=tracker_warnings(session, today),
        next_actions=actions,
        sections={"applications": counts},
    )
