"""Rendering: one Jinja2 environment (autoescape on for every template) and the context every
page shares (navigation, CSRF token, demo banner)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from starlette.templating import Jinja2Templates

from hireable.web.pages import NAV
from hireable.web.redaction import redact

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

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


def shown_at(response: Response, path: str) -> Response:
    """The address a page shows when htmx swapped it in: the page's own, not the POST target
    whose inline error it renders (so reloading it does not resend the form)."""
    response.headers["HX-Replace-Url"] = path
    return response
