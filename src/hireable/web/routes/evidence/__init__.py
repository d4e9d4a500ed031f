"""Evidence: the ledger as a sortable table, add / edit / remove with the CLI's rules, each item's
credibility factor by factor, and imports that run in the background."""

from __future__ import annotations

from starlette.routing import BaseRoute

from hireable.web.routes.evidence import imports, items

routes: list[BaseRoute] = [*imports.routes, *items.routes]
