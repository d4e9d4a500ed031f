"""One database session per request, on the engine the CLI uses (store.db.session_scope)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from starlette.concurrency import run_in_threadpool

from hireable.store.db import session_scope

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request

T = TypeVar("T")


async def in_session(request: Request, work: Callable[[Session], T]) -> T:
    """Run `work(session)` in one transaction off the event loop: committed when it returns,
    rolled back (nothing stored) when it raises. The session carries the dashboard's caches
    (services/kept.py): its rankings, so every page that ranks — Jobs, Status, the plan — ranks
    once, and its scored ledger, so Status, the journal and the plan score evidence once."""
    state = request.app.state

    def run() -> T:
        with session_scope(state.engine) as session:
            session.info.update(state.lent)
            return work(session)

    return await run_in_threadpool(run)
