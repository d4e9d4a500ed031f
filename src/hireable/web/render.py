"""Rendering: one Jinja2 environment (autoescape on for every template) and the context every
page shares (navigation, CSRF token, demo banner)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import markupsafe
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
LONGEST_WORD = 80  # characters of one unbroken run a message shows (a 5,000-character value)
# What a message shows spelt out: characters a page would not show (the CLI's literal.py list).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LONG = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


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
    """`template` rendered. A refusal (status 400 and up) whose message the template has no
    place for (an `errors` key no form on the page shows) shows it at the top of the page, so
    no refusal is ever silent."""
    templates: Jinja2Templates = request.app.state.templates
    context = context or {}
    response = templates.TemplateResponse(request, template, context, status_code=status)
    if status >= 400:
        body = bytes(response.body).decode()
        unplaced = [text for text in _messages(context) if markupsafe.escape(text) not in body]
        if unplaced:
            context = {**context, "unplaced_errors": unplaced}
            response = templates.TemplateResponse(request, template, context, status_code=status)
    return response


def _messages(context: dict[str, Any]) -> list[str]:
    errors = context.get("errors") or {}
    texts = [*errors.values(), context.get("error_text") or ""]
    return [text for text in texts if isinstance(text, str) and text]


def _spelt(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def message(request: Request, text: str) -> str:
    """A service's message made safe to show: tokens hidden, on one line, control characters
    spelt out, an over-long run of characters (a value quoted whole) clipped."""
    text = " ".join(redact(text, request.app.state.secrets).split())
    text = _CONTROL.sub(_spelt, text)
    return _LONG.sub(lambda m: m.group()[: LONGEST_WORD - 1] + "…", text)


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
