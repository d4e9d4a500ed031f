"""Rendering: one Jinja2 environment (autoescape on for every template) and the context every
page shares (navigation, CSRF token, demo banner)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import markupsafe
from starlette.templating import Jinja2Templates

from hireable.control_chars import visible
from hireable.errors import NotFoundError
from hireable.web.actions import web_action
from hireable.web.db import in_session
from hireable.web.once import new_token
from hireable.web.pages import NAV
from hireable.web.redaction import redact

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.errors import HireableError
    from hireable.web.background import Job, JobRegistry
    from hireable.web.forms import Refuse

Forms = dict[str, dict[str, str]]  # form key → the values typed in it
# What a page of forms shows: (request, session, forms, errors) → the template's context. It
# may add to `errors` what the address got wrong (a bad page or filter), keyed by where it shows.
Context = Callable[["Request", "Session", Forms, dict[str, str]], dict[str, Any]]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"
LONGEST_WORD = 80  # characters of one unbroken run a message shows (a 5,000-character value)
_LONG = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def _shared(request: Request) -> dict[str, Any]:
    state = request.app.state
    served = state.served_pages
    return {
        "nav": [p for p in NAV if p.key in served],
        "csrf_token": state.csrf.token(),
        "form_token": new_token(),  # one a page load: a form sent twice does its work once
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
    env.globals["web_action"] = web_action  # macros/text.html: a sentence linked to its page
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


def message(request: Request, text: str) -> str:
    """A service's message made safe to show: tokens hidden, on one line, control characters
    spelt out, an over-long run of characters (a value quoted whole) clipped."""
    text = " ".join(redact(text, request.app.state.secrets).split())
    text = visible(text)  # (after the join: no line break or tab is left to keep)
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


@dataclass(frozen=True)
class FormPage:
    """A page with forms on it. Shown plainly, or again after a refused form with that form's
    one-line error beside it and what was typed in it; an address the page's `context` finds
    wrong (`?page=two`) is a 400 with its error shown where it belongs."""

    template: str
    context: Context
    # The address a refused form shows (the page's, with the path's ids filled in), not the
    # POST target, so a reload does not send the form again.
    path: str

    def render(
        self,
        request: Request,
        session: Session,
        *,
        forms: Forms | None = None,
        errors: dict[str, str] | None = None,
        status: int = 200,
    ) -> Response:
        forms, errors = forms or {}, dict(errors or {})
        refused = len(errors)
        context = {"forms": forms, **self.context(request, session, forms, errors)}
        if status == 200 and len(errors) > refused:
            status = 400
        context["errors"] = {key: message(request, text) for key, text in errors.items()}
        response = page(request, self.template, context, status=status)
        if request.method == "POST":
            shown_at(response, self.path.format(**request.path_params))
        return response

    async def show(self, request: Request) -> Response:
        return await in_session(request, lambda s: self.render(request, s))

    async def refuse(
        self,
        request: Request,
        key: str,
        exc: HireableError,
        values: dict[str, str] | None = None,
    ) -> Response:
        """The page again with form `key`'s one-line error (and `values`, what was typed in it);
        nothing stored."""
        forms = {key: values} if values is not None else {}
        errors = {key: str(exc)}
        return await in_session(
            request, lambda s: self.render(request, s, forms=forms, errors=errors, status=422)
        )

    def refuser(self, key: str, *, keep: bool = True) -> Refuse:
        """How form `key` answers any refusal (`keep`: show what was typed in it again; a form
        of hidden fields and buttons has nothing typed to keep)."""

        async def refuse(request: Request, exc: HireableError, values: dict[str, str]) -> Response:
            return await self.refuse(request, key, exc, values if keep else None)

        return refuse
