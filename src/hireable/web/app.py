"""The app factory: settings, engine, security middleware, pages. Nothing is built at import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from hireable.services.evidence import LEDGER_CACHE, LedgerCache
from hireable.services.rank_cache import RANK_CACHE, RankCache
from hireable.web.background import JobRegistry
from hireable.web.errors import HANDLERS
from hireable.web.once import OnceMiddleware, SubmitLedger
from hireable.web.redaction import redact, secret_values
from hireable.web.render import STATIC_DIR, make_templates
from hireable.web.routes import evidence, ideas, jobs, journal, portfolio, profile, status, tracker
from hireable.web.security import BODY_SECONDS, CsrfGuard, HostPolicy, SecurityMiddleware

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from hireable.config import Settings

# Each served page's routes, keyed as in pages.NAV. A new page adds one line here.
PAGE_ROUTES: dict[str, list[BaseRoute]] = {
    "status": status.routes,
    "evidence": evidence.routes,
    "portfolio": portfolio.routes,
    "journal": journal.routes,
    "ideas": ideas.routes,
    "jobs": jobs.routes,
    "tracker": tracker.routes,
    "profile": profile.routes,
}


def create_app(
    settings: Settings | None = None,
    engine: Engine | None = None,
    *,
    host: str = "127.0.0.1",
    allow_remote: bool = False,
    demo: bool = False,
    today: Callable[[], dt.date] = dt.date.today,
    csrf: CsrfGuard | None = None,
    body_seconds: float = BODY_SECONDS,
) -> Starlette:
    """The dashboard on `engine` (default: the CLI's engine for `settings`). `host` is the
    address it is bound to: the Host header must name it (or localhost). `body_seconds`: how
    long a request's body may take to arrive whole (408 after)."""
    from hireable.config import get_settings

    settings = settings or get_settings()
    if engine is None:
        from hireable.store.db import ensure_schema, make_engine

        engine = make_engine(settings.resolved_database_url())
        ensure_schema(engine)
    routes: list[BaseRoute] = [r for group in PAGE_ROUTES.values() for r in group]
    routes.append(Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"))
    guard = csrf or CsrfGuard()
    ledger = SubmitLedger()
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(
                SecurityMiddleware,
                hosts=HostPolicy.for_bind(host, remote=allow_remote),
                csrf=guard,
                body_seconds=body_seconds,
            ),
            Middleware(OnceMiddleware, ledger=ledger),  # inside: after the CSRF check
        ],
        exception_handlers=HANDLERS,  # type: ignore[arg-type]
    )
    app.state.engine = engine
    app.state.settings = settings
    app.state.csrf = guard
    app.state.submits = ledger  # where each recent form submission went (web/once.py)
    app.state.demo = demo
    app.state.today = today
    app.state.templates = make_templates()
    app.state.secrets = secret_values(settings)
    app.state.jobs = JobRegistry(clean=partial(redact, secrets=app.state.secrets))
    app.state.fetches = JobRegistry(clean=partial(redact, secrets=app.state.secrets))  # boards
    app.state.rank_cache = RankCache()  # rankings kept while postings stay the same
    app.state.ledger_cache = LedgerCache()  # the scored ledger, while evidence stays the same
    # What every request's session carries (web/db.py): the caches above, by session.info key.
    app.state.lent = {RANK_CACHE: app.state.rank_cache, LEDGER_CACHE: app.state.ledger_cache}
    app.state.served_pages = frozenset(PAGE_ROUTES)
    return app
