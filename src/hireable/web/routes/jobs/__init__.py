"""Jobs: the ranked openings with filters and pages, one posting with its score explained and
"track this", and the followed boards with follow, unfollow and "fetch now" in the background."""

from __future__ import annotations

from starlette.routing import BaseRoute

from hireable.web.routes.jobs import boards, listing

routes: list[BaseRoute] = [*boards.routes, *listing.routes]
