"""Use cases `jobs fetch` and `jobs import`: get postings, then store them in one transaction each.

A board is fetched completely before anything is written, and written in its own transaction, so a
failing board (404, malformed JSON, rate limit) leaves what is stored untouched while the others
load. Fetching a board that is not followed yet follows it once the fetch succeeds.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hireable import clock
from hireable.errors import HireableError, UsageError
from hireable.services.ingest import IngestResult, store_postings
from hireable.sources.jobs.files import load_file
from hireable.sources.jobs.registry import SOURCES, Source, adapter, label, parse_ref
from hireable.store.models import Board, FetchRun

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session

    from hireable.config import Settings
    from hireable.sources.jobs.base import PostingIn

SessionFactory = Callable[[], AbstractContextManager["Session"]]
# (board label, "fetching" | "storing" | "done", the result once done); called from worker threads
Progress = Callable[[str, str, IngestResult | None], None]
STORE_ATTEMPTS = 2  # a board's transaction runs again once when a concurrent run got there first
DEFAULT_CONCURRENCY = 8
MAX_CONCURRENCY = 32

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


def target_labels(session_factory: SessionFactory, refs: list[str]) -> list[str]:
    """The boards a fetch of `refs` (every followed board when empty) would fetch, as labels;
    a one-line error when none is followed."""
    return [label(source, name) for source, name in _targets(session_factory, refs)]


def fetch_with_own_client(
    *,
    session_factory: SessionFactory,
    settings: Settings,
    refs: list[str] | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> list[IngestResult]:
    """`fetch_boards` with a client of its own, built as `jobs fetch` builds it (the transport
    tests substitute, at most 2 requests at once per host): for work off the CLI, such as the
    dashboard's "fetch now" (on the dashboard's `today`)."""
    from hireable.sources import http
    from hireable.sources.hostlimit import HostLimited

    transport = HostLimited(http.transport_factory())
    with http.make_client(settings, transport=transport) as client:
        return fetch_boards(
            session_factory=session_factory,
            client=client,
            settings=settings,
            refs=refs,
            progress=progress,
            today=today,
        )


def check_concurrency(n: int) -> int:
    if not 1 <= n <= MAX_CONCURRENCY:
        raise UsageError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}, not {n}")
    return n


def fetch_boards(
    *,
    session_factory: SessionFactory,
    client: httpx.Client,
    settings: Settings,
    refs: list[str] | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    concurrency: int = DEFAULT_CONCURRENCY,
    today: dt.date | None = None,
) -> list[IngestResult]:
    """Fetch each board (all followed ones when `refs` is empty); one result per board, in the
    order the boards were named (or followed).

    Up to `concurrency` boards download at once (the client's transport limits each host); this
    thread alone writes, each board in its own transaction as its download completes.
    `should_stop` is asked after each board is written, so Ctrl-C under `jobs fetch --every`
    leaves every board either fully stored or untouched. Every stamp is on `today` (default:
    the shared clock's), so a frozen or moved-on today dates what this run sees."""
    check_concurrency(concurrency)
    targets = _targets(session_factory, refs or [])
    run_id = _start_run(session_factory, clock.moment(today))
    tell = progress or (lambda board, state, result: None)
    results: dict[int, IngestResult] = {}
    pool = ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(targets))))
    try:
        futures = {
            pool.submit(_download, client, settings, source, name, tell): i
            for i, (source, name) in enumerate(targets)
        }
        for future in as_completed(futures):
            i = futures[future]
            source, name = targets[i]
            tell(label(source, name), "storing", None)
            results[i] = _store(session_factory, source, name, future.result(), today)
            tell(label(source, name), "done", results[i])
            if should_stop():
                break  # the boards still downloading are dropped, never half-stored
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    done = [results[i] for i in sorted(results)]
    _finish_run(session_factory, run_id, done, clock.moment(today))
    return done


def _start_run(session_factory: SessionFactory, now: dt.datetime) -> int:
    """Record that a fetch starts now: `jobs list --new` shows what it first sees."""
    with session_factory() as session:
        run = FetchRun(started_at=now)
        session.add(run)
        session.flush()
        return run.id


def _finish_run(
    session_factory: SessionFactory, run_id: int, results: list[IngestResult], now: dt.datetime
) -> None:
    with session_factory() as session:
        run = session.get(FetchRun, run_id)
        if run is not None:
            run.finished_at = now
            run.boards = len(results)
            run.new = sum(r.new for r in results if not r.error)


def _download(
    client: httpx.Client, settings: Settings, source: Source, name: str, tell: Progress
) -> list[PostingIn] | IngestResult:
    """A board's postings as its source lists them, or the result that says why it failed."""
    board_label = label(source, name)
    tell(board_label, "fetching", None)
    try:
        return adapter(source)(client, settings, name)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        return IngestResult(
            board_label,
            error=f"{board_label}: unexpected response shape ({type(exc).__name__}: {exc})",
        )
    except HireableError as exc:
        return IngestResult(board_label, error=str(exc))


def _store(
    session_factory: SessionFactory,
    source: Source,
    name: str,
    postings: list[PostingIn] | IngestResult,
    today: dt.date | None,
) -> IngestResult:
    """Store one downloaded board in its own transaction (following it when it is new)."""
    if isinstance(postings, IngestResult):
        return postings
    board_label = label(source, name)
    now = clock.moment(today)

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
            now=now,
        )
        board.last_fetched = now
        return result

    try:
        return in_transaction(session_factory, store, what=board_label)
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


def fetch_every(fetch_once: Callable[[], object], interval: float, *, stop: threading.Event) -> int:
    """Run `fetch_once` now and then every `interval` seconds until `stop` is set; the runs."""
    runs = 0
    while not stop.is_set():
        fetch_once()
        runs += 1
        stop.wait(interval)
    return runs


def start_background_fetch(
    *,
    session_factory: SessionFactory,
    make_client: Callable[[], httpx.Client],
    settings: Settings,
    interval: float,
    report: Callable[[list[IngestResult]], None],
) -> tuple[threading.Thread, threading.Event]:
    """Fetch every followed board now and every `interval` seconds in a daemon thread, until the
    returned event is set (checked between boards, so no board is half-stored). `report` hears each
    run's results; a run that cannot start (no boards followed yet) is reported as no results."""
    stop = threading.Event()

    def once() -> None:
        try:
            with make_client() as client:
                results = fetch_boards(
                    session_factory=session_factory,
                    client=client,
                    settings=settings,
                    should_stop=stop.is_set,
                )
        except HireableError:
            results = []
        report(results)

    thread = threading.Thread(
        target=fetch_every, args=(once, interval), kwargs={"stop": stop}, daemon=True
    )
    thread.start()
    return thread, stop
