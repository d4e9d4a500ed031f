"""Use case of the sprint plan: build it from the ledger, the profile and the picked idea, and
write it as Markdown or iCalendar."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from hireable.core.plan import Plan, build_plan
from hireable.core.readiness import Readiness
from hireable.core.stages import get_stage
from hireable.exporters.ics import Event, calendar
from hireable.services.evidence import scored_ledger
from hireable.services.ideas import picked_idea
from hireable.services.market import market_skills
from hireable.services.profile import require_profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.store.models import Profile

UID_DOMAIN = "hireable.local"


def target_readiness(session: Session, profile: Profile, today: dt.date) -> Readiness:
    return scored_ledger(session, today).readiness_of(get_stage(profile.target_stage).id)


def current_plan(
    session: Session, *, today: dt.date, weeks: int, profile: Profile | None = None
) -> Plan:
    profile = profile or require_profile(session)
    idea = picked_idea(session)
    demand = market_skills(session, today=today).gap
    ledger = scored_ledger(session, today)
    return build_plan(
        target_stage=profile.target_stage,
        items=list(ledger.items),
        known_readiness=ledger.by_stage,
        hours_per_week=profile.hours_per_week,
        skills=list(profile.skills or []),
        idea=idea.title if idea else None,
        today=today,
        weeks=weeks,
        demand=demand,
    )


def plan_events(plan: Plan) -> list[Event]:
    """One all-day event per block: the learn block and the do block of each week, Monday to
    Sunday (DTEND is the next Monday, exclusive)."""
    events = []
    for w in plan.weeks:
        why = f"Gap: {w.gap}\nWhy: {w.rationale}" + (f"\nMarket: {w.market}" if w.market else "")
        events += [
            Event(
                uid=f"{w.start:%Y%m%d}-learn-{w.deliverable}-{w.step}@{UID_DOMAIN}",
                start=w.start,
                end=w.end,
                summary=f"Learn ({w.learn_hours:g} h): {w.learn}",
                description=f"Week {w.number} of the sprint toward {w.stage}.\n{why}",
            ),
            Event(
                uid=f"{w.start:%Y%m%d}-do-{w.deliverable}-{w.step}@{UID_DOMAIN}",
                start=w.start,
                end=w.end,
                summary=f"Do ({w.do_hours:g} h): {w.do}",
                description=(
                    f"Produces {w.evidence_kind} evidence ({w.evidence_class}) for {w.stage}, "
                    f"step {w.step} of {w.steps}.\n{why}"
                ),
            ),
        ]
    return events


def plan_ics(plan: Plan, *, now: dt.datetime) -> str:
    return calendar(plan_events(plan), now=now, name=f"hireable sprint toward {plan.stage}")
