"""Portfolio: a preview of the site `portfolio build` writes, and its downloads (the site, its
portfolio.json, the résumé formats). Every route is a GET that changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Route

from hireable.errors import ConfigError
from hireable.services.portfolio import build_portfolio, site_archive, site_index, site_texts
from hireable.services.resume import PDF_MISSING, export_text, pdf_available, pdf_bytes, resume_of
from hireable.web.db import in_session
from hireable.web.render import message, page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request

    from hireable.core.portfolio import Portfolio
    from hireable.core.resume import Resume

PREVIEW = "/portfolio/site"  # its own headers: web/security.py PATH_HEADERS


class Sources:
    """What the downloads are made from, built once per request and only when needed."""

    def __init__(self, request: Request, session: Session, include_self: bool) -> None:
        self.request, self.session, self.include_self = request, session, include_self

    def portfolio(self) -> Portfolio:
        return build_portfolio(
            self.session,
            now=dt.datetime.now(dt.UTC),
            include_self=self.include_self,
            today=self.request.app.state.today(),
        )

    def resume(self) -> Resume:
        return resume_of(self.session, self.request.app.state.today())


@dataclass(frozen=True)
class Download:
    name: str  # the file name, and the last part of its address
    label: str
    media_type: str
    make: Callable[[Sources], str | bytes]
    follows_toggle: bool = False  # whether "include self-reported" changes it


DOWNLOADS: tuple[Download, ...] = (
    Download(
        "portfolio.json",
        "portfolio.json: every claim with its provenance",
        "application/json",
        lambda src: site_texts(src.portfolio())["portfolio.json"],
        follows_toggle=True,
    ),
    Download(
        "portfolio.zip",
        "The site as a zip (index.html and portfolio.json)",
        "application/zip",
        lambda src: site_archive(src.portfolio()),
        follows_toggle=True,
    ),
    Download(
        "resume.json",
        "Résumé as JSON Resume",
        "application/json",
        lambda src: export_text(src.resume(), "json-resume"),
    ),
    Download(
        "resume.yaml",
        "Résumé as RenderCV YAML",
        "application/yaml",
        lambda src: export_text(src.resume(), "rendercv"),
    ),
    Download(
        "resume.md",
        "Half-page résumé as Markdown",
        "text/markdown",
        lambda src: export_text(src.resume(), "markdown"),
    ),
    Download(
        "resume.pdf", "Half-page résumé as PDF", "application/pdf", lambda s: pdf_bytes(s.resume())
    ),
)
BY_NAME = {d.name: d for d in DOWNLOADS}


def _include_self(request: Request) -> bool:
    return request.query_params.get("include_self") == "1"


async def portfolio_page(request: Request) -> Response:
    include_self = _include_self(request)

    def work(session: Session) -> Response:
        context: dict[str, object] = {
            "active": "portfolio",
            "include_self": include_self,
            "query": "?include_self=1" if include_self else "",
            "downloads": DOWNLOADS,
            "pdf": pdf_available(),
            "pdf_missing": PDF_MISSING,
        }
        try:
            context["portfolio"] = Sources(request, session, include_self).portfolio()
        except ConfigError as exc:  # no profile, no name or no contact yet
            context["problem"] = message(request, str(exc))
        return page(request, "portfolio/index.html", context)

    return await in_session(request, work)


async def preview(request: Request) -> Response:
    include_self = _include_self(request)

    def work(session: Session) -> str:
        return site_index(Sources(request, session, include_self).portfolio())

    return HTMLResponse(await in_session(request, work))


async def download(request: Request) -> Response:
    item = BY_NAME.get(request.path_params["name"])
    if item is None:
        raise HTTPException(404)
    include_self = _include_self(request)
    body = await in_session(request, lambda s: item.make(Sources(request, s, include_self)))
    return Response(
        body,
        media_type=item.media_type,
        headers={"content-disposition": f'attachment; filename="{item.name}"'},
    )


routes: list[BaseRoute] = [
    Route("/portfolio", portfolio_page, methods=["GET"], name="portfolio"),
    Route(PREVIEW, preview, methods=["GET"], name="portfolio-preview"),
    Route("/portfolio/download/{name}", download, methods=["GET"], name="portfolio-download"),
]
