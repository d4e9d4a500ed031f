"""The learn–do rhythm on the status screen: journal, idea and runway warnings, and this week's
block of the sprint plan.

`status_contribution` is a status provider (services/status.py composes the report).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hireable.core.alerts import Alert
from hireable.core.journal import learn_trap, momentum, momentum_drop, runway_short
from hireable.core.stages import get_stage
from hireable.core.status import StatusContribution
from hireable.services.ideas import baseline_alert, baseline_due, picked_idea
from hireable.services.plan import current_plan, target_readiness
from hireable.store.models import JournalEntry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from hireable.core.journal import EntryLike
    from hireable.store.models import Profile


# What the rhythm reads of each entry (core/journal.py EntryLike): plain rows, no ORM objects,
# as three years of a journal are a thousand entries read on every Status and Journal request.
RHYTHM_COLUMNS = (
    JournalEntry.type,
    JournalEntry.topic,
    JournalEntry.hours,
    JournalEntry.date,
    JournalEntry.artifact,
)


def rhythm_entries(session: Session) -> Sequence[EntryLike]:
    """Every journal entry as a read-only row of RHYTHM_COLUMNS, oldest first."""
    from sqlalchemy import select

    query = select(*RHYTHM_COLUMNS).order_by(JournalEntry.date, JournalEntry.id)
    return session.execute(query).all()  # type: ignore[return-value]


def rhythm_warnings(
    session: Session,
    profile: Profile | None,
    today: dt.date,
    *,
    entries: Sequence[EntryLike] | None = None,
) -> list[Alert]:
    """learn-trap, momentum-drop, runway-short (needs a profile) and move-on, in that order."""
    if entries is None:
        entries = rhythm_entries(session)
    alerts = [learn_trap(entries, today=today), momentum_drop(momentum(entries, today=today))]
    if profile is not None:
        readiness = target_readiness(session, profile, today)
        alerts.append(
            runway_short(
                runway_months=profile.runway_months,
                stage_id=profile.target_stage,
                typical_months=get_stage(profile.target_stage).typical_months,
                readiness_score=readiness.score,
                hours_per_week=profile.hours_per_week,
            )
        )
    idea = picked_idea(session)
    if idea is not None:
        alerts.append(baseline_alert(idea, today))
    return [a for a in alerts if a is not None]


def status_contribution(session: Session, profile: Profile, today: dt.date) -> StatusContribution:
    """Rhythm warnings, this week's do block as the next action, and a `this_week` section."""
    contribution = StatusContribution(warnings=rhythm_warnings(session, profile, today))
    plan = current_plan(session, today=today, weeks=1, profile=profile)
    if plan.weeks:
        week = plan.weeks[0]
        contribution.next_actions.append(
            f"This week: do: {week.do} ({week.do_hours:g} h) → {week.evidence_kind} evidence "
            f"for {week.stage}"
        )
        if week.market:
            contribution.next_actions.append(
                f"{week.market}: this week's do block makes it show (`hireable jobs skills`)"
            )
        contribution.sections["this_week"] = {
            "text": (
                f"learn: {week.learn} ({week.learn_hours:g} h); do: {week.do} "
                f"({week.do_hours:g} h) → {week.evidence_kind} evidence for {week.stage} "
                f"(serves: {', '.join(week.serves)}; the whole sprint: `hireable plan`)"
            ),
            **week.public(),
        }
    idea = picked_idea(session)
    due = baseline_due(idea) if idea is not None else None
    if idea is not None and due is not None and idea.baseline_at is None:
        if due >= today:
            contribution.next_actions.append(
                f"Get a baseline of idea {idea.id} ({idea.title}) running by {due} "
                f"(`hireable idea baseline {idea.id} --artifact URL`)"
            )
    return contribution
