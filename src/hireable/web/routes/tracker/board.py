"""The board: a column per status, follow-ups due at the top, and the add form (the rules of
`hireable track list / next / add`, which live in the services)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.errors import NotFoundError, ValidationError
from hireable.services.tracker import add_application
from hireable.services.tracker_view import tracker_view
from hireable.web.db import in_session
from hireable.web.forms import optional_id, read_form
from hireable.web.render import FormPage

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.web.render import Forms

ADD_FIELDS = ("company", "posting", "contact", "email")
# What a board redirect says once it is done: query key → sentence.
NOTICES = {
    "moved": "Moved.",
    "followed": "Follow-up recorded; the next one is scheduled a week from today if one is left.",
}


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    return {
        "active": "tracker",
        "view": tracker_view(session, request.app.state.today()),
        "form": forms.get("add", {}),
        "notice": next((text for key, text in NOTICES.items() if key in request.query_params), ""),
    }


BOARD = FormPage("tracker/index.html", _context, "/tracker")
REFUSE_ADD = BOARD.refuser("add")


def _add(session: Session, values: dict[str, str]) -> int:
    app = add_application(
        session=session,
        posting_id=optional_id(values["posting"], "posting id"),
        company=values["company"] or None,
        contact=values["contact"] or None,
        email=values["email"] or None,
    )
    return app.id


async def add(request: Request) -> Response:
    values = await read_form(request, ADD_FIELDS, REFUSE_ADD)
    try:
        new_id = await in_session(request, lambda s: _add(s, values))
    except (ValidationError, NotFoundError) as exc:  # a posting id that names nothing included
        return await REFUSE_ADD(request, exc, values)
    return RedirectResponse(f"/tracker/{new_id}?added=1", status_code=303)


routes: list[BaseRoute] = [
    Route("/tracker", BOARD.show, methods=["GET"], name="tracker"),
    Route("/tracker", add, methods=["POST"], name="tracker-add"),
]
