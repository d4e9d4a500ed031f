"""One application: its page with the outreach draft (generate, edit, save; never sent), and the
moves and follow-ups posted from the board or from this page (`hireable track move / followup`,
`hireable outreach draft`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.core.outreach import DEFAULT_MAX_WORDS, DEFAULT_TONE, MAX_WORDS, MIN_WORDS, TONES
from hireable.errors import HireableError, NotFoundError, ValidationError
from hireable.services.outreach import draft_outreach, save_draft
from hireable.services.tracker import get_application, move_application, record_followup
from hireable.services.tracker_view import application_view
from hireable.web.db import in_session
from hireable.web.forms import optional_id, optional_int, path_id, read_form
from hireable.web.render import FormPage
from hireable.web.routes.tracker.board import BOARD

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.web.forms import Refuse
    from hireable.web.render import Forms

GENERATE_FIELDS = ("tone", "max_words", "product", "impressed")
SAVE_FIELDS = ("message", "subject", "body")
BACK = "back"  # which page a move or follow-up came from: "item", else the board
NOTICES = {
    "added": "Tracking it (saved). Write to them next: generate a draft below.",
    "drafted": "A new draft is saved below. Make it yours, then copy it into your email client.",
    "saved": "Draft saved.",
    "moved": "Moved.",
    "followed": "Follow-up recorded.",
}


def app_id(request: Request) -> int:
    return path_id(request, "application_id", "application")


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    view = application_view(session, app_id(request), request.app.state.today())
    draft = view.draft
    return {
        "active": "tracker",
        "view": view,
        "r": view.card.row,
        "generate": forms.get(
            "generate", {"tone": DEFAULT_TONE, "max_words": f"{DEFAULT_MAX_WORDS}"}
        ),
        "edit": forms.get(
            "save",
            {
                "message": f"{draft.id}" if draft else "",
                "subject": (draft.subject or "") if draft else "",
                "body": draft.body if draft else "",
            },
        ),
        "tones": TONES,
        "words": (MIN_WORDS, MAX_WORDS),
        "notice": next((text for key, text in NOTICES.items() if key in request.query_params), ""),
    }


ITEM = FormPage("tracker/item.html", _context, "/tracker/{application_id}")


# -- moves and follow-ups, from the board or the item page --------------------------------------


def _refuser(key: str, *, keep: bool = False) -> Refuse:
    """How a change the rules refuse is answered: its one-line error inline where the form was
    (on this page, with what was typed in it when `keep`, or on the board's card), nothing
    changed."""

    async def refuse(request: Request, exc: HireableError, values: dict[str, str]) -> Response:
        if keep or values.get(BACK) == "item":
            return await ITEM.refuse(request, key, exc, values if keep else None)
        return await BOARD.refuse(request, f"{key}-{app_id(request)}", exc)

    return refuse


REFUSE_MOVE, REFUSE_FOLLOWUP = _refuser("moved"), _refuser("followed")
REFUSE_GENERATE, REFUSE_SAVE = _refuser("generate", keep=True), _refuser("save", keep=True)


def _done(application_id: int, key: str, *, on_item: bool) -> Response:
    if on_item:
        return RedirectResponse(f"/tracker/{application_id}?{key}=1", status_code=303)
    return RedirectResponse(
        f"/tracker?{key}={application_id}#app-{application_id}", status_code=303
    )


async def move(request: Request) -> Response:
    application_id = app_id(request)
    values = await read_form(request, ("status", BACK), REFUSE_MOVE)
    on_item = values[BACK] == "item"
    today = request.app.state.today()
    try:
        await in_session(
            request,
            lambda s: move_application(
                session=s, application_id=application_id, status=values["status"], today=today
            ),
        )
    except ValidationError as exc:  # a status the transition table does not allow from here
        return await REFUSE_MOVE(request, exc, values)
    return _done(application_id, "moved", on_item=on_item)


async def followup(request: Request) -> Response:
    application_id = app_id(request)
    values = await read_form(request, (BACK,), REFUSE_FOLLOWUP)
    on_item = values[BACK] == "item"
    today = request.app.state.today()
    try:
        await in_session(
            request,
            lambda s: record_followup(session=s, application_id=application_id, today=today),
        )
    except ValidationError as exc:  # no follow-up scheduled
        return await REFUSE_FOLLOWUP(request, exc, values)
    return _done(application_id, "followed", on_item=on_item)


# -- the outreach draft -------------------------------------------------------------------------


async def generate(request: Request) -> Response:
    application_id = app_id(request)
    values = await read_form(request, GENERATE_FIELDS, REFUSE_GENERATE)
    today = request.app.state.today()

    def work(session: Session) -> None:
        words = optional_int(values["max_words"], "max words")
        draft_outreach(
            session=session,
            today=today,
            application_id=application_id,
            tone=values["tone"] or DEFAULT_TONE,
            max_words=DEFAULT_MAX_WORDS if words is None else words,
            product=values["product"] or None,
            impressed=values["impressed"] or None,
        )

    try:
        await in_session(request, work)
    except ValidationError as exc:
        return await REFUSE_GENERATE(request, exc, values)
    return RedirectResponse(f"/tracker/{application_id}?drafted=1#draft-h", status_code=303)


async def save(request: Request) -> Response:
    application_id = app_id(request)
    values = await read_form(request, SAVE_FIELDS, REFUSE_SAVE)

    def work(session: Session) -> None:
        save_draft(
            session=session,
            application_id=application_id,
            message_id=optional_id(values["message"], "draft id"),
            subject=values["subject"],
            body=values["body"],
        )

    await in_session(request, lambda s: get_application(s, application_id))  # 404 first
    try:
        await in_session(request, work)
    except (ValidationError, NotFoundError) as exc:  # the text typed stays in the form
        return await REFUSE_SAVE(request, exc, values)
    return RedirectResponse(f"/tracker/{application_id}?saved=1#draft-h", status_code=303)


routes: list[BaseRoute] = [
    Route("/tracker/{application_id:int}", ITEM.show, methods=["GET"], name="tracker-item"),
    Route("/tracker/{application_id:int}/move", move, methods=["POST"], name="tracker-move"),
    Route(
        "/tracker/{application_id:int}/followup",
        followup,
        methods=["POST"],
        name="tracker-followup",
    ),
    Route("/tracker/{application_id:int}/draft", generate, methods=["POST"], name="tracker-draft"),
    Route("/tracker/{application_id:int}/draft/save", save, methods=["POST"], name="tracker-save"),
]
