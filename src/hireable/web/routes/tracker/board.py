"""The board: a column per status, follow-ups due at the top, and the add form (the rules of
`hireable track list / next / add`, which live in the services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.errors import NotFoundError, ValidationError
from hireable.services.tracker import add_application
from hireable.services.tracker_view import tracker_view
from hireable.web.db import in_session
from hireable.web.forms import optional_id, read_form
from hireable.web.render import message, page, shown_at

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

ADD_FIELDS = ("company", "posting", "contact", "email")
# What a board redirect says once it is done: query key → sentence.
NOTICES = {
    "moved": "Moved.",
    "followed": "Follow-up recorded; the next one is scheduled a week from today if one is left.",
}


def render_board(
    request: Request,
    session: Session,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    context = {
        "active": "tracker",
        "view": tracker_view(session, request.app.state.today()),
        "form": form or {},
        "errors": errors or {},
        "notice": next((text for key, text in NOTICES.items() if key in request.query_params), ""),
    }
    return shown_at(page(request, "tracker/index.html", context, status=status), "/tracker")


async def board_page(request: Request) -> Response:
    return await in_session(request, lambda s: render_board(request, s))


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
    values = await read_form(request, ADD_FIELDS)
    try:
        new_id = await in_session(request, lambda s: _add(s, values))
    except (ValidationError, NotFoundError) as exc:  # a posting id that names nothing included
        errors = {"add": message(request, str(exc))}
        return await in_session(
            request, lambda s: render_board(request, s, form=values, errors=errors, status=422)
        )
    return RedirectResponse(f"/tracker/{new_id}?added=1", status_code=303)


routes: list[BaseRoute] = [
    Route("/tracker", board_page, methods=["GET"], name="tracker"),
    Route("/tracker", add, methods=["POST"], name="tracker-add"),
]
