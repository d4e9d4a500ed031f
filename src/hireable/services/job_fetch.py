"""Use cases `jobs fetch` and `jobs import`: get postings, then store them in one transaction each.

A board is fetched completely before anything is written, and written in its own transaction, so a
failing board (404, malformed JSON, rate limit) leaves what is stored untouched while the others
load. Fetching a board that is not followed yet follows it once the fetch succeeds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hireable.errors import HireableError, UsageError
from hireable.services.ingest import IngestResult, store_postings
from hireable.sources.jobs.files import load_file
from hireable.sources.jobs.registry import SOURCES, Source, adapter, label, parse_ref
from hireable.store.models import Board, utcnow

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session

    from hireable.config import Settings

SessionFactory = Callable[[], AbstractContextManager["Session"]]
STORE_ATTEMPTS = 2  # a board's transaction runs again once when a concurrent run got there first
Progress = Callable[[str, IngestResult | None], None]  # (board label, result or None when starting)

# The unique-key conflict that in_transaction retries makes psycopg log that it aborted its
# pipeline; the error is handled, so without a handler of the application's that line is noise.
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def _targets(session_factory: SessionFactory, refs: list[str]) -> list[tuple[Source, str]]:
    if refs:
        return list(dict.fromkeys(parse_ref(ref) for ref in refs))
    with session_factory() as session:
        boards = session.execute(select(Board.source, Board.name).order_by(Board.id)).all()
    if not boards:
        raise UsageError(
            "no boards followed yet; add one with `hireable boards add "
            "greenhouse:TOKEN` or name boards to fetch"
        )
    return [(SOURCES[source], name) for source, name in boards if source in SOURCES]


def fetch_boards(
    *,
    session_factory: SessionFactory,
    client: httpx.Client,
    settings: Settings,
    refs: list[str] | None = None,
    progress: Progress | None = None,
) -> list[IngestResult]:
    """Fetch each board (all followed ones when `refs` is empty); one result per board."""
    results = []
    for source, name in _targets(session_factory, refs or []):
        board_label = label(source, name)
        if progress:
            progress(board_label, None)
        result = _fetch_one(session_factory, client, settings, source, name)
        results.append(result)
        if progress:
            progress(board_label, result)
    return results


def _fetch_one(
    session_factory: SessionFactory,
    client: httpx.Client,
    settings: Settings,
    source: Source,
    name: str,
) -> IngestResult:
    board_label = label(source, name)
    try:
        try:
            postings = adapter(source)(client, settings, name)
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            return IngestResult(
                board_label,
                error=f"{board_label}: unexpected response shape ({type(exc).__name__}: {exc})",
            )

        def store(session: Session) -> IngestResult:
            board = session.scalars(
                select(Board).where(Board.source == source.key, Board.name == name)
            ).one_or_none()
            if board is None:
                board = Board(source=source.key, name=name)
                session.add(board)
                session.flush()
            result = store_postings(
                session,
                postings,
                default_source=board_label,
                board=board,
                single_company=not source.multi_company,
                close_missing=True,
            )
            board.last_fetched = utcnow()
            return result

        result = in_transaction(session_factory, store, what=board_label)
        return result
    except HireableError as exc:
        return IngestResult(board_label, error=str(exc))


def in_transaction(
    session_factory: SessionFactory, store: Callable[[Session], IngestResult], *, what: str
) -> IngestResult:
    """Run `store` in a transaction of its own. When a concurrent fetch or import stored some of
    the same postings between our plan and its writing, the unique key refuses ours: plan again
    against what is stored now, once, then give up with one line (nothing of ours is stored)."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with session_factory() as session:
                return store(session)
        except IntegrityError:
            if attempt == STORE_ATTEMPTS:
                break
    raise HireableError(
        f"{what}: another fetch or import was storing the same postings at the same time; "
        "nothing was stored, run it again"
    )


def import_file(
    session_factory: SessionFactory,
    path: Path,
    *,
    source: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Import every posting of a file in one transaction (nothing is stored if any is bad);
    `progress(n)` hears how many postings have been read so far."""
    postings = load_file(path, source=source, mapping=mapping)
    default = postings[0].source if postings else f"file:{path.stem}"

    def store(session: Session) -> IngestResult:
        return store_postings(
            session,
            postings,
            default_source=default or f"file:{path.stem}",
            single_company=False,
            progress=progress,
        )

    result = in_transaction(session_factory, store, what=str(path))
    result.label = f"file:{source}" if source else str(path.name)
    return result
