"""Rendering: one Jinja2 environment (autoescape on for every template) and the context every
page shares (navigation, CSRF token, demo banner)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from starlette.templating import Jinja2Templates

from hireable.errors import NotFoundError
from hireable.web.pages import NAV
from hireable.web.redaction import redact

if TYPE_CHECKING:
    from collections.abc import Callable

    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.web.background import Job, JobRegistry

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"


def _shared(request: Request) -> dict[str, Any]:
    state = request.app.state
    served = state.served_pages
    return {
        "nav": [p for p in NAV if p.key in served],
        "csrf_token": state.csrf.token(),
        "demo": state.demo,
        "served": served,
    }


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env, context_processors=[_shared])


def page(
    request: Request, template: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context or {}, status_code=status)


def message(request: Request, text: str) -> str:
    """A service's message made safe to show: tokens hidden."""
    return redact(text, request.app.state.secrets)


def is_fragment(request: Request) -> bool:
    """htmx's own poll asks for the fragment; a boosted link or a reload gets the page."""
    h = request.headers
    polled = h.get("hx-request") == "true"
    return polled and not h.get("hx-boosted") and not h.get("hx-history-restore-request")


def job_page(
    request: Request,
    registry: JobRegistry,
    view: Callable[[Job, Callable[[str], str]], dict[str, Any]],
    *,
    noun: tuple[str, str],
    active: str,
    template: str,
) -> Response:
    """A background job's page (`template`.html), or the fragment htmx polls
    (`template`_part.html); a job the registry has forgotten is a 404 page. `noun`: what a job
    is called, singular and plural."""
    job = registry.get(request.path_params["job"])
    if job is None:
        raise NotFoundError(
            f"there is no {noun[0]} with this address; finished {noun[1]} are forgotten after an "
            "hour"
        )
    context = {"active": active, **view(job, lambda text: message(request, text))}
    shown = f"{template}_part.html" if is_fragment(request) else f"{template}.html"
    return page(request, shown, context)

def shown_at(response: Response, path: str) -> Response:
    """The address a page shows when htmx swapped it in: the page's own, not the POST target
    whose inline error it renders (so reloading it does not resend the form)."""
    response.headers["HX-Replace-Url"] = path
    return response
