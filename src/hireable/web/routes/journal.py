"""Journal: log learn / do, the learn vs do chart of the last 12 weeks, streak, momentum,
warnings, recent entries with remove."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.core.journal import check_hours
from hireable.errors import NotFoundError, ValidationError
from hireable.services.journal import build_entry, journal_report, log_entry, remove_entry
from hireable.web.db import in_session
from hireable.web.forms import optional_int, read_form
from hireable.web.render import FormPage

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.services.journal import JournalReport
    from hireable.web.render import Forms

CHART_WEEKS = 12
# Fields of each form, as `hireable log learn` / `log do` take them.
FORM_FIELDS = {
    "learn": ("topic", "hours", "date", "url", "certificate"),
    "do": ("topic", "hours", "date", "artifact", "evidence"),
}


def chart_data(report: JournalReport) -> dict[str, Any]:
    """What static/hireable.js draws: learn and do bars for each week, labelled by its Monday."""
    return {
        "labels": [f"{w.start:%b} {w.start.day}" for w in report.weeks],
        "y_label": "hours",
        "series": [
            {
                "label": "learn h",
                "color": "--learn",
                "values": [w.learn_hours for w in report.weeks],
            },
            {"label": "do h", "color": "--do", "values": [w.do_hours for w in report.weeks]},
        ],
    }


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    today = request.app.state.today()
    report = journal_report(session, today=today, weeks=CHART_WEEKS)
    return {
        "active": "journal",
        "today": today.isoformat(),
        "report": report,
        "chart": chart_data(report),
        "forms": {kind: forms.get(kind, {}) for kind in FORM_FIELDS},
    }


PAGE = FormPage("journal/index.html", _context, "/journal")


def _store(session: Session, kind: str, values: dict[str, str], today: dt.date) -> None:
    fields: dict[str, Any] = {"date": values["date"] or None}
    if kind == "learn":
        fields |= {"url": values["url"] or None, "certificate": bool(values["certificate"])}
    else:
        fields |= {
            "artifact": values["artifact"] or None,
            "evidence_id": optional_int(values["evidence"], "evidence id"),
        }
    if not values["hours"]:
        raise ValidationError("hours are missing: how long was the session?")
    hours = check_hours(values["hours"])
    entry = build_entry(kind=kind, topic=values["topic"], hours=hours, today=today, **fields)
    log_entry(session=session, entry=entry)


def _log(kind: str) -> Callable[[Request], Awaitable[Response]]:
    refuse = PAGE.refuser(kind)

    async def endpoint(request: Request) -> Response:
        values = await read_form(request, FORM_FIELDS[kind], refuse)
        today = request.app.state.today()
        try:
            await in_session(request, lambda s: _store(s, kind, values, today))
        except (ValidationError, NotFoundError) as exc:
            return await refuse(request, exc, values)
        return RedirectResponse("/journal", status_code=303)

    return endpoint


async def remove(request: Request) -> Response:
    entry_id = request.path_params["entry_id"]
    await in_session(request, lambda s: remove_entry(session=s, entry_id=entry_id))
    return RedirectResponse("/journal", status_code=303)


routes: list[BaseRoute] = [
    Route("/journal", PAGE.show, methods=["GET"], name="journal"),
    Route("/journal/learn", _log("learn"), methods=["POST"], name="journal-learn"),
    Route("/journal/do", _log("do"), methods=["POST"], name="journal-do"),
    Route("/journal/{entry_id:int}/remove", remove, methods=["POST"], name="journal-remove"),
]
