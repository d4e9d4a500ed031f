"""Errors become calm pages: a service's error as its one-line message, an unknown id or path as
a 404 page, anything unexpected as a short apology (the traceback stays out of the page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException

from hireable.errors import ConfigError, HireableError, NotFoundError
from hireable.web.forms import Refused
from hireable.web.pages import NAV, Page
from hireable.web.render import message, page
from hireable.web.security import own_styles_allowed

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

# HTTP status for each kind of service error, most specific first.
ERROR_STATUS: tuple[tuple[type[HireableError], int, str], ...] = (
    (NotFoundError, 404, "an id that does not exist is a missing page"),
    (ConfigError, 503, "the workspace is not usable yet (database, settings)"),
    (HireableError, 400, "any other bad input"),
)


def back_to(path: str, served: frozenset[str]) -> Page:
    """The page an error links back to: the served page whose address `path` is under (the
    form's page for a refused POST), else Status."""
    inside = path.rstrip("/") + "/"
    under = [p for p in NAV[1:] if p.key in served and inside.startswith(p.path + "/")]
    return max(under, key=lambda p: len(p.path), default=NAV[0])


def _error_page(request: Request, status: int, title: str, text: str) -> Response:
    path = request.url.path
    back = back_to(path, request.app.state.served_pages)
    context = {"title": title, "text": text, "back": back}
    # Where the stylesheet is blocked (the preview), a page that reads well without it.
    template = "error.html" if own_styles_allowed(path) else "error_plain.html"
    return page(request, template, context, status=status)


async def service_error(request: Request, exc: Exception) -> Response:
    status = next(code for cls, code, _ in ERROR_STATUS if isinstance(exc, cls))
    title = "Not found" if status == 404 else "That did not work"
    return _error_page(request, status, title, message(request, str(exc)))


async def http_error(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    if code == 404:
        return _error_page(request, 404, "Not found", "There is no page at this address.")
    detail = exc.detail if isinstance(exc, HTTPException) else "Something went wrong."
    return _error_page(request, code, "That did not work", message(request, str(detail)))


async def server_error(request: Request, exc: Exception) -> Response:
    return _error_page(
        request,
        500,
        "Something went wrong",
        "hireable hit an unexpected error; nothing was changed. The terminal running "
        "`hireable serve` shows the details.",
    )


async def refused_form(request: Request, exc: Exception) -> Response:
    """A form refused while it was read (forms.read_form): its page, as its route made it."""
    assert isinstance(exc, Refused)
    return exc.response


HANDLERS = {
    HireableError: service_error,
    Refused: refused_form,
    HTTPException: http_error,
    500: server_error,
}
