"""The ledger's items: list, add, one item's explanation, edit and remove (the rules of
`hireable evidence add / explain / edit / remove`, which live in the services)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.errors import HireableError, ValidationError
from hireable.services.evidence import (
    Added,
    assessed,
    build_input,
    edit_evidence,
    get_evidence,
    record_evidence,
    remove_evidence,
)
from hireable.store.models import Evidence
from hireable.web.db import in_session
from hireable.web.forms import path_id, query_id, read_form, text_list
from hireable.web.render import message, page
from hireable.web.routes.evidence.table import INDEX

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

ADD_FIELDS = ("kind", "title", "date", "url", "validator", "skills", "metrics")
EDIT_FIELDS = ADD_FIELDS[1:]
CONFIRM = "confirm"
REFUSE_ADD = INDEX.refuser("add")


def metric_pairs(text: str) -> list[str]:
    """The metrics box: one `key=value` a line (values may hold commas)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def show_value(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def item_values(item: Evidence) -> dict[str, str]:
    return {
        "title": item.title,
        "date": item.date or "",
        "url": item.url or "",
        "validator": item.validator or "",
        "skills": ", ".join(item.skills or []),
        "metrics": "\n".join(f"{k}={show_value(v)}" for k, v in (item.metrics or {}).items()),
    }


def item_id(request: Request) -> int:
    return path_id(request, "evidence_id", "evidence")


# -- list and add -----------------------------------------------------------------------------


def _add(session: Session, values: dict[str, str], today: dt.date) -> Added:
    record = build_input(
        kind=values["kind"],
        title=values["title"],
        date=values["date"] or None,
        url=values["url"] or None,
        validator=values["validator"] or None,
        skills=text_list(values["skills"]),
        metric_pairs=metric_pairs(values["metrics"]),
        today=today,
    )
    return record_evidence(session=session, record=record)


async def add(request: Request) -> Response:
    values = await read_form(request, ADD_FIELDS, REFUSE_ADD)
    try:
        added = await in_session(request, lambda s: _add(s, values, request.app.state.today()))
    except ValidationError as exc:
        return await REFUSE_ADD(request, exc, values)
    repeats = f"&repeats={added.repeats.id}" if added.repeats is not None else ""
    return RedirectResponse(f"/evidence/{added.item.id}?added=1{repeats}", status_code=303)


# -- one item ---------------------------------------------------------------------------------


def _render_item(
    request: Request,
    session: Session,
    evidence_id: int,
    *,
    values: dict[str, str] | None = None,
    error: str = "",
    status: int = 200,
) -> Response:
    item = get_evidence(session, evidence_id)
    a = assessed(item, request.app.state.today())
    raw = sum(f.points for f in a.factors)
    provenance = item.provenance or {}
    context = {
        "active": "evidence",
        "today": request.app.state.today().isoformat(),
        "item": item,
        "a": a,
        "raw_sum": raw,
        "metrics": [(k, show_value(v)) for k, v in (item.metrics or {}).items()],
        "source_url": provenance.get("source_url"),
        "fetched_at": provenance.get("fetched_at"),
        "refreshable": bool(item.source_key) and item.verification == "api",
        "values": values or item_values(item),
        "error_text": error,
        "notice": _notice(request, session, item),
    }
    return page(request, "evidence/item.html", context, status=status)


def _notice(request: Request, session: Session, item: Evidence) -> str:
    if request.query_params.get("added") == "1":
        said = "Added. Here is how it scores; edit it below if something is missing."
        earlier = query_id(request.query_params.get("repeats", ""))
        repeats = session.get(Evidence, earlier) if earlier not in (None, item.id) else None
        if repeats is None:
            return said
        return f"{said} Note: {Added(item, repeats).repeat_note()} below."
    return "Saved." if request.query_params.get("saved") == "1" else ""


async def item_page(request: Request) -> Response:
    evidence_id = item_id(request)
    return await in_session(request, lambda s: _render_item(request, s, evidence_id))


def _edit(session: Session, evidence_id: int, values: dict[str, str], today: dt.date) -> None:
    """The form shows every field, so a metric left out of the box is removed."""
    item = get_evidence(session, evidence_id)
    pairs = metric_pairs(values["metrics"])
    kept = {p.partition("=")[0].strip() for p in pairs}
    edit_evidence(
        session=session,
        evidence_id=evidence_id,
        today=today,
        title=values["title"],
        date=values["date"],
        url=values["url"],
        validator=values["validator"],
        skills=text_list(values["skills"]),
        metric_pairs=pairs,
        remove_metrics=[k for k in item.metrics or {} if k not in kept],
    )


async def _refuse_edit(request: Request, exc: HireableError, values: dict[str, str]) -> Response:
    evidence_id, error = item_id(request), message(request, str(exc))
    return await in_session(
        request,
        lambda s: _render_item(request, s, evidence_id, values=values, error=error, status=422),
    )


async def edit(request: Request) -> Response:
    evidence_id = item_id(request)
    values = await read_form(request, EDIT_FIELDS, _refuse_edit)
    today = request.app.state.today()
    try:
        await in_session(request, lambda s: _edit(s, evidence_id, values, today))
    except ValidationError as exc:
        return await _refuse_edit(request, exc, values)
    return RedirectResponse(f"/evidence/{evidence_id}?saved=1", status_code=303)


# -- remove -----------------------------------------------------------------------------------


def _render_remove(
    request: Request, session: Session, evidence_id: int, *, error: str = "", status: int = 200
) -> Response:
    item = get_evidence(session, evidence_id)
    context = {"active": "evidence", "item": item, "error_text": error}
    return page(request, "evidence/remove.html", context, status=status)


async def remove_page(request: Request) -> Response:
    evidence_id = item_id(request)
    return await in_session(request, lambda s: _render_remove(request, s, evidence_id))


async def _refuse_remove(request: Request, exc: HireableError, values: dict[str, str]) -> Response:
    evidence_id, error = item_id(request), message(request, str(exc))
    return await in_session(
        request, lambda s: _render_remove(request, s, evidence_id, error=error, status=422)
    )


async def remove(request: Request) -> Response:
    evidence_id = item_id(request)
    values = await read_form(request, (CONFIRM,), _refuse_remove)
    if not values[CONFIRM]:
        error = ValidationError("tick the box to confirm; nothing was removed")
        return await _refuse_remove(request, error, values)
    await in_session(request, lambda s: remove_evidence(session=s, evidence_id=evidence_id))
    return RedirectResponse("/evidence?removed=1", status_code=303)


routes: list[BaseRoute] = [
    Route("/evidence", INDEX.show, methods=["GET"], name="evidence"),
    Route("/evidence", add, methods=["POST"], name="evidence-add"),
    Route("/evidence/{evidence_id:int}", item_page, methods=["GET"], name="evidence-item"),
    Route("/evidence/{evidence_id:int}", edit, methods=["POST"], name="evidence-edit"),
    Route("/evidence/{evidence_id:int}/remove", remove_page, methods=["GET"]),
    Route("/evidence/{evidence_id:int}/remove", remove, methods=["POST"], name="evidence-remove"),
]
