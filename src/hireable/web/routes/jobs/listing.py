"""The ranked list (the ranking of `hireable jobs rank`, filtered and paged by
services/job_listing) and one posting's page (`jobs show`'s analysis and score, the posting's
text sanitised with its decisive sentences marked, and "track this")."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.core.stages import STAGE_IDS
from hireable.errors import ValidationError
from hireable.postings.rank import BASE
from hireable.services.job_listing import JobFilters, list_jobs, source_kinds, view_posting
from hireable.services.tracker import add_application
from hireable.web.db import in_session
from hireable.web.forms import optional_flag, optional_int, query_id
from hireable.web.pages import PATHS
from hireable.web.posting_html import posting_body
from hireable.web.render import message, page

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.services.job_listing import JobPage

# The list's query parameters: the form's field names.
FILTER_FIELDS = ("q", "stage", "source", "remote", "plan_b", "closed", "page")
RANKING_FIELDS = ("stage", "plan_b")  # what a posting's own page needs to score it the same way


def read_filters(values: Mapping[str, str]) -> JobFilters:
    """The query's text as filters; the service checks what they mean."""
    page = optional_int(values["page"], "page")
    return JobFilters(
        stage=values["stage"] or None,
        plan_b=optional_flag(values["plan_b"], "plan B"),
        remote_only=optional_flag(values["remote"], "remote only"),
        source=values["source"],
        include_closed=optional_flag(values["closed"], "include closed"),
        search=values["q"],
        page=1 if page is None else page,
    )


def query(values: Mapping[str, str], **changes: str) -> str:
    """`?a=b&...` of the non-empty values with `changes` applied ("" when nothing is left)."""
    merged = {**values, **changes}
    kept = {k: v for k, v in merged.items() if v}
    return f"?{urlencode(kept)}" if kept else ""


def _render_list(
    request: Request,
    session: Session,
    values: dict[str, str],
    result: JobPage | None,
    *,
    error: str = "",
    status: int = 200,
) -> Response:
    links: dict[str, str] = {}
    if result is not None:
        values = {**values, "stage": result.stage}
        for name, number in result.pager.neighbours().items():
            links[name] = "/jobs" + query(values, page="" if name == "first" else str(number))
    ranking = {k: values[k] for k in RANKING_FIELDS if request.query_params.get(k)}
    context = {
        "active": "jobs",
        "values": values,
        "result": result,
        "error_text": error,
        "stages": STAGE_IDS,
        "sources": result.sources if result is not None else source_kinds(session),
        "links": links,
        "posting_query": query(ranking),
    }
    return page(request, "jobs/index.html", context, status=status)


async def index(request: Request) -> Response:
    values = {name: request.query_params.get(name, "").strip() for name in FILTER_FIELDS}
    state = request.app.state

    def work(session: Session) -> Response:
        try:
            filters = read_filters(values)
            result = list_jobs(session, filters, today=state.today(), cache=state.rank_cache)
        except ValidationError as exc:
            error = message(request, str(exc))
            return _render_list(request, session, values, None, error=error, status=400)
        return _render_list(request, session, values, result)

    return await in_session(request, work)


# -- one posting ------------------------------------------------------------------------------


def _render_posting(
    request: Request, session: Session, posting_id: int, *, error: str = "", status: int = 200
) -> Response:
    params = request.query_params
    view = view_posting(
        session,
        posting_id,
        today=request.app.state.today(),
        stage=params.get("stage") or None,
        plan_b=optional_flag(params.get("plan_b", ""), "plan B"),
    )
    p = view.posting
    tracked = params.get("tracked", "")
    context = {
        "active": "jobs",
        "view": view,
        "p": p,
        "b": view.breakdown,
        "base": BASE,
        "body": posting_body(p.description, p.text, view.quotes),
        "error_text": error,
        "tracked_now": view.application_id is not None and view.application_id == query_id(tracked),
        "tracker": PATHS["tracker"] if "tracker" in request.app.state.served_pages else None,
    }
    return page(request, "jobs/posting.html", context, status=status)


async def posting_page(request: Request) -> Response:
    posting_id: int = request.path_params["posting_id"]
    return await in_session(request, lambda s: _render_posting(request, s, posting_id))


async def track(request: Request) -> Response:
    """Track the posting (status saved); its tracker page (where its outreach draft is
    written) shows it next, when the tracker is served."""
    posting_id: int = request.path_params["posting_id"]
    try:
        app_id = await in_session(
            request, lambda s: add_application(session=s, posting_id=posting_id).id
        )
    except ValidationError as exc:
        error = message(request, str(exc))
        response = await in_session(
            request, lambda s: _render_posting(request, s, posting_id, error=error, status=422)
        )
        response.headers["HX-Replace-Url"] = f"/jobs/{posting_id}"  # the page shown
        return response
    if "tracker" in request.app.state.served_pages:
        return RedirectResponse(f"{PATHS['tracker']}/{app_id}", status_code=303)
    return RedirectResponse(f"/jobs/{posting_id}?tracked={app_id}", status_code=303)


routes: list[BaseRoute] = [
    Route("/jobs", index, methods=["GET"], name="jobs"),
    Route("/jobs/{posting_id:int}", posting_page, methods=["GET"], name="jobs-posting"),
    Route("/jobs/{posting_id:int}/track", track, methods=["POST"], name="jobs-track"),
]
