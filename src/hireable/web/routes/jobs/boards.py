"""Followed boards: follow (the refs and careers URLs `hireable boards add` takes), unfollow, and
"fetch now", which runs `jobs fetch`'s service in the background with a line per board; its page
polls with htmx, or refreshes itself without JavaScript."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.errors import NotFoundError, UsageError, ValidationError
from hireable.services.boards import SIZE_BANDS, add_board, list_boards, ref_examples, remove_board
from hireable.services.job_fetch import fetch_with_own_client, target_labels
from hireable.store.db import session_scope
from hireable.web.background import POLL_SECONDS
from hireable.web.db import in_session
from hireable.web.forms import read_form
from hireable.web.render import FormPage, job_page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.services.ingest import IngestResult
    from hireable.web.background import Job
    from hireable.web.render import Forms

FOLLOW_FIELDS = ("ref", "company", "size")
BAD_INPUT = (UsageError, ValidationError, NotFoundError)  # shown inline beside the form
NOTICES = {
    "followed": "Following it. Fetch it now to see its openings ranked.",
    "updated": "Already followed: its company and size are updated.",
    "unfollowed": "No longer followed; its postings stay stored.",
}
WAITING, FETCHING, STORING, DONE, FAILED = "waiting", "fetching", "storing", "done", "failed"


@dataclass(frozen=True)
class BoardLine:
    """What a fetch reported about one board (the service's progress callback, as a line)."""

    board: str
    state: str
    result: IngestResult | None = None


def _context(
    request: Request, session: Session, forms: Forms, errors: dict[str, str]
) -> dict[str, Any]:
    examples, urls = ref_examples()
    notice = next((text for key, text in NOTICES.items() if request.query_params.get(key)), "")
    return {
        "active": "jobs",
        "boards": list_boards(session),
        "values": forms.get("follow", {}),
        "sizes": SIZE_BANDS,
        "examples": examples,
        "url_shapes": urls,
        "notice": notice,
        "fetches": request.app.state.fetches.recent()[:5],
    }


PAGE = FormPage("jobs/boards.html", _context, "/jobs/boards")
REFUSE_FOLLOW = PAGE.refuser("follow")
REFUSE_BOARD = PAGE.refuser("boards", keep=False)  # a board's buttons: nothing typed


def _follow(session: Session, values: dict[str, str]) -> bool:
    if not values["ref"]:
        raise ValidationError("give a board (such as greenhouse:acme) or its careers page URL")
    _, created = add_board(
        session, values["ref"], company=values["company"] or None, size=values["size"] or None
    )
    return created


async def follow(request: Request) -> Response:
    values = await read_form(request, FOLLOW_FIELDS, REFUSE_FOLLOW)
    try:
        created = await in_session(request, lambda s: _follow(s, values))
    except BAD_INPUT as exc:
        return await REFUSE_FOLLOW(request, exc, values)
    return RedirectResponse(
        f"/jobs/boards?{'followed' if created else 'updated'}=1", status_code=303
    )


async def unfollow(request: Request) -> Response:
    values = await read_form(request, ("board",), REFUSE_BOARD)
    try:
        await in_session(request, lambda s: remove_board(s, values["board"]))
    except BAD_INPUT as exc:
        return await REFUSE_BOARD(request, exc, values)
    return RedirectResponse("/jobs/boards?unfollowed=1", status_code=303)


# -- fetch now ----------------------------------------------------------------------------------


def _work(request: Request, refs: list[str], labels: list[str]) -> Callable[..., Any]:
    """The job: every board shown waiting, then `jobs fetch`'s service with its own client and a
    session per board, each line of its progress kept."""
    engine, settings = request.app.state.engine, request.app.state.settings
    today = request.app.state.today()  # what the fetch sees is seen on the dashboard's today

    def work(progress: Callable[[BoardLine], None]) -> list[IngestResult]:
        for board in labels:
            progress(BoardLine(board, WAITING))
        return fetch_with_own_client(
            session_factory=lambda: session_scope(engine),
            settings=settings,
            refs=refs,
            progress=lambda board, state, result: progress(BoardLine(board, state, result)),
            today=today,
        )

    return work


async def fetch_now(request: Request) -> Response:
    """Fetch every followed board (or the one named); a fetch already running is shown
    instead of starting another beside it."""
    values = await read_form(request, ("board",), REFUSE_BOARD)
    refs = [values["board"]] if values["board"] else []
    fetches = request.app.state.fetches
    running = next((job for job in fetches.recent() if job.running), None)
    if running is not None:
        return RedirectResponse(f"/jobs/boards/fetch/{running.id}", status_code=303)
    engine = request.app.state.engine
    try:
        labels = await run_in_threadpool(target_labels, lambda: session_scope(engine), refs)
    except BAD_INPUT as exc:
        return await REFUSE_BOARD(request, exc, values)
    title = labels[0] if len(labels) == 1 else f"{len(labels)} boards"
    job = fetches.start(title, _work(request, refs, labels))
    return RedirectResponse(f"/jobs/boards/fetch/{job.id}", status_code=303)


@dataclass(frozen=True)
class BoardRow:
    board: str
    state: str
    result: IngestResult | None
    error: str


def fetch_view(job: Job, clean: Callable[[str], str]) -> dict[str, Any]:
    """Each board's latest state, in the order they were listed; a finished fetch's results
    (one per board, errors as one line) replace what the lines said."""
    latest: dict[str, BoardLine] = {}
    for line in job.lines:
        latest[line.board] = line
    for result in job.result or []:
        latest[result.label] = BoardLine(result.label, DONE, result)
    rows = []
    for board, line in latest.items():
        error = clean(line.result.error) if line.result is not None and line.result.error else ""
        rows.append(BoardRow(clean(board), FAILED if error else line.state, line.result, error))
    stored = [r.result for r in rows if r.result is not None and not r.error]
    return {
        "job": job,
        "rows": rows,
        "finished": sum(r.state in (DONE, FAILED) for r in rows),
        "failed": sum(r.state == FAILED for r in rows),
        "new": sum(r.new for r in stored),
        "updated": sum(r.updated for r in stored),
        "closed": sum(r.closed for r in stored),
        "poll": POLL_SECONDS,
    }


async def fetch_page(request: Request) -> Response:
    return job_page(
        request, request.app.state.fetches, fetch_view, noun=("fetch", "fetches"), active="jobs",
        template="jobs/fetch",
    )  # fmt: skip


routes: list[BaseRoute] = [
    Route("/jobs/boards", PAGE.show, methods=["GET"], name="jobs-boards"),
    Route("/jobs/boards", follow, methods=["POST"], name="jobs-follow"),
    Route("/jobs/boards/unfollow", unfollow, methods=["POST"], name="jobs-unfollow"),
    Route("/jobs/boards/fetch", fetch_now, methods=["POST"], name="jobs-fetch"),
    Route("/jobs/boards/fetch/{job}", fetch_page, methods=["GET"], name="jobs-fetch-job"),
]
