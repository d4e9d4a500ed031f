"""Tracker: the board by status with the moves the transition table allows, follow-ups due at
the top, and each application's page with its outreach draft (generated, edited, never sent)."""

from __future__ import annotations

from starlette.routing import BaseRoute

from hireable.web.routes.tracker import application, board

routes: list[BaseRoute] = [*board.routes, *application.routes]
