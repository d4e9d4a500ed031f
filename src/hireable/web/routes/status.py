"""Status (home): readiness per stage, gaps, warnings, next actions, this week's block."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.routing import BaseRoute, Route

from hireable.services.profile import get_profile
from hireable.services.status import build_status
from hireable.web.actions import link_actions
from hireable.web.db import in_session
from hireable.web.render import page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response


async def status_page(request: Request) -> Response:
    today = request.app.state.today()

    def work(session: Session) -> Response:
        if get_profile(session) is None:
            return page(request, "status/welcome.html", {"active": "status"})
        report = build_status(session, today)
        return page(
            request,
            "status/index.html",
            {
                "active": "status",
                "report": report,
                "target": report.target(),
                "actions": link_actions(report.next_actions, request.app.state.served_pages),
                "this_week": report.sections.get("this_week"),
            },
        )

    return await in_session(request, work)


routes: list[BaseRoute] = [Route("/", status_page, methods=["GET"], name="status")]
