"""Ideas and plan: collect ideas, score them on the five questions, shortlist and pick one, record
its baseline; the sprint plan week by week and its calendar (the rules of `hireable idea ...` and
`hireable plan`, which live in the services)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse
from starlette.responses import Response as PlainResponse
from starlette.routing import BaseRoute, Route

from hireable.core.ideas import FIELDS, GOALS, QUESTIONS, SCORE_RANGE
from hireable.core.weeks import MAX_PLAN_WEEKS, PLAN_WEEKS
from hireable.errors import ValidationError
from hireable.services.ideas import (
    BASELINE_DAYS,
    add_idea,
    get_idea,
    ideas_view,
    pick_idea,
    record_baseline,
    score_idea,
)
from hireable.services.plan import current_plan, plan_ics
from hireable.services.profile import get_profile
from hireable.web.db import in_session
from hireable.web.forms import optional_int, path_id, read_form
from hireable.web.render import FormPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.core.plan import Plan
    from hireable.web.render import Forms

ADD_FIELDS = ("title", "url", "note")
SCORE_FIELDS = (*FIELDS, "goal")
CALENDAR_FILE = "hireable-plan.ics"
# What a redirect back to the page says: query key → sentence.
NOTICES = {
    "added": "Idea added. Score it on the five questions when you are ready.",
    "scored": "Scored.",
    "picked": f"Picked. Get a baseline running within {BASELINE_DAYS} days, or move on.",
    "baseline": "Baseline recorded. Now beat it.",
}


def idea_id(request: Request) -> int:
    return path_id(request, "idea_id", "idea")


async def existing_idea(request: Request) -> int:
    """The idea in the path, or a 404 before any form is read."""
    target = idea_id(request)
    await in_session(request, lambda s: get_idea(s, target))
    return target


def _weeks(text: str) -> int:
    weeks = optional_int(text, "weeks")
    return PLAN_WEEKS if weeks is None else weeks


def _plan(session: Session, weeks_text: str, today: dt.date, errors: dict[str, str]) -> Plan | None:
    """The sprint plan when there is a profile; a bad number of weeks plans the default."""
    profile = get_profile(session)
    if profile is None:
        return None
    try:
        weeks = _weeks(weeks_text)
        return current_plan(session, today=today, weeks=weeks, profile=profile)
    except ValidationError as exc:
        errors["weeks"] = str(exc)
        return current_plan(session, today=today, weeks=PLAN_WEEKS, profile=profile)


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    today = request.app.state.today()
    goal = request.query_params.get("goal", "").strip()
    weeks = request.query_params.get("weeks", "").strip()
    try:
        view = ideas_view(session, goal=goal or None, today=today)
    except ValidationError as exc:  # an unknown goal: each idea's own goal instead
        errors["goal"], goal = str(exc), ""
        view = ideas_view(session, goal=None, today=today)
    plan = _plan(session, weeks, today, errors)
    return {
        "active": "ideas",
        "view": view,
        "plan": plan,
        "goal": goal,
        "weeks": weeks or f"{PLAN_WEEKS}",
        "max_weeks": MAX_PLAN_WEEKS,
        "goals": GOALS,
        "questions": QUESTIONS,
        "score_values": list(range(SCORE_RANGE[0], SCORE_RANGE[1] + 1)),
        "notice": next((text for key, text in NOTICES.items() if key in request.query_params), ""),
    }


PAGE = FormPage("ideas/index.html", _context, "/ideas")
REFUSE_ADD, REFUSE_BASELINE = PAGE.refuser("add"), PAGE.refuser("baseline")


async def add(request: Request) -> Response:
    values = await read_form(request, ADD_FIELDS, REFUSE_ADD)

    def work(session: Session) -> int:
        note = values["note"] or None
        return add_idea(
            session=session, title=values["title"], url=values["url"] or None, note=note
        ).id

    try:
        new_id = await in_session(request, work)
    except ValidationError as exc:
        return await REFUSE_ADD(request, exc, values)
    return RedirectResponse(f"/ideas?added={new_id}#idea-{new_id}", status_code=303)


async def score(request: Request) -> Response:
    target = await existing_idea(request)
    refuse = PAGE.refuser(f"score-{target}")
    values = await read_form(request, SCORE_FIELDS, refuse)

    def work(session: Session) -> None:
        scores = {name: optional_int(values[name], name.replace("_", " ")) for name in FIELDS}
        score_idea(session=session, idea_id=target, scores=scores, goal=values["goal"] or None)

    try:
        await in_session(request, work)
    except ValidationError as exc:
        return await refuse(request, exc, values)
    return RedirectResponse(f"/ideas?scored={target}#idea-{target}", status_code=303)


async def pick(request: Request) -> Response:
    target = idea_id(request)
    today = request.app.state.today()
    await in_session(request, lambda s: pick_idea(session=s, idea_id=target, today=today))
    return RedirectResponse(f"/ideas?picked={target}#picked-h", status_code=303)


async def baseline(request: Request) -> Response:
    target = await existing_idea(request)
    values = await read_form(request, ("artifact",), REFUSE_BASELINE)
    today = request.app.state.today()
    try:
        await in_session(
            request,
            lambda s: record_baseline(
                session=s, idea_id=target, artifact=values["artifact"], today=today
            ),
        )
    except ValidationError as exc:
        return await REFUSE_BASELINE(request, exc, values)
    return RedirectResponse(f"/ideas?baseline={target}#picked-h", status_code=303)


async def calendar(request: Request) -> Response:
    """The sprint plan as an iCalendar download; reading it changes nothing."""
    weeks = _weeks(request.query_params.get("weeks", "").strip())
    today = request.app.state.today()
    plan = await in_session(request, lambda s: current_plan(s, today=today, weeks=weeks))
    return PlainResponse(
        plan_ics(plan, now=dt.datetime.now(dt.UTC)),
        media_type="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{CALENDAR_FILE}"'},
    )


routes: list[BaseRoute] = [
    Route("/ideas", PAGE.show, methods=["GET"], name="ideas"),
    Route("/ideas", add, methods=["POST"], name="ideas-add"),
    Route("/ideas/plan.ics", calendar, methods=["GET"], name="ideas-calendar"),
    Route("/ideas/{idea_id:int}/score", score, methods=["POST"], name="ideas-score"),
    Route("/ideas/{idea_id:int}/pick", pick, methods=["POST"], name="ideas-pick"),
    Route("/ideas/{idea_id:int}/baseline", baseline, methods=["POST"], name="ideas-baseline"),
]
