"""Store fetched or imported postings: analyse, upsert, close, reopen, collapse duplicates.

Identity is (source, external id). A posting whose content hash (clean text plus title, company,
location, url, remote flag and salary) matches what is stored is *unchanged*: only its `last_seen`
moves (and its size band, if that was re-decided). A changed hash stores the new fields and re-runs
the analysis. A posting missing from a fresh fetch of its board gets `closed_at`; one that comes
back is reopened (counted as updated). A group of cross-source duplicates is shown through its
canonical posting, so when that one closes while a duplicate is still open, the first open
duplicate takes its place (`_hand_over`). Every call runs inside the caller's transaction, so a
failure leaves nothing half-written.

Decide, then write: `read_stored` takes a snapshot, `ingest_plan.plan_ingest` decides, and
`apply_plan` writes the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, tuple_, update

from hireable import clock
from hireable.postings.analyse import analyse as analyse_posting
from hireable.postings.dedupe import DedupeIndex, dedupe_key
from hireable.postings.text import html_to_text
from hireable.services.ingest_plan import (
    Analyse,
    Batch,
    BoardInfo,
    IngestPlan,
    Key,
    Stored,
    StoredPosting,
    ToText,
    merged_sources,
    new_index,
    plan_ingest,
    unique,
)
from hireable.store.models import Board, Posting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.sources.jobs.base import PostingIn

CHUNK = 500  # ids per IN (...) query, far below every database's parameter limit


@dataclass
class IngestResult:
    label: str
    new: int = 0
    updated: int = 0
    closed: int = 0
    unchanged: int = 0
    duplicates: int = 0  # new postings collapsed into one from another source
    error: str | None = None

    def public(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _existing(session: Session, keys: list[Key]) -> dict[Key, StoredPosting]:
    cols = (
        Posting.id,
        Posting.source,
        Posting.external_id,
        Posting.content_hash,
        Posting.closed_at,
        Posting.board_id,
        Posting.size_band,
        Posting.size_band_origin,
    )
    found: dict[Key, StoredPosting] = {}
    for chunk in _chunks(keys):
        rows = session.execute(
            select(*cols).where(tuple_(Posting.source, Posting.external_id).in_(chunk))
        )
        found.update(
            {
                (r.source, r.external_id): StoredPosting(
                    r.id, r.content_hash, r.closed_at, r.board_id, r.size_band, r.size_band_origin
                )
                for r in rows
            }
        )
    return found


def read_stored(session: Session, keys: list[Key], batch: Batch) -> Stored:
    """The snapshot a plan needs: the batch's stored postings, the board's open ones (when
    closing what is missing) and, when any posting is new, the canonical postings to match."""
    postings = _existing(session, keys)
    stored = Stored(postings)
    if batch.close_missing and batch.board is not None:
        stored.open_on_board = list(
            session.scalars(
                select(Posting.id).where(
                    Posting.board_id == batch.board.id, Posting.closed_at.is_(None)
                )
            )
        )
    if any(key not in postings for key in keys):
        stored.canonical = _dedupe_index(session)
    return stored


def board_info(board: Board | None) -> BoardInfo | None:
    if board is None:
        return None
    return BoardInfo(board.id, board.name, board.company, board.size_band)


def store_postings(
    session: Session,
    postings: list[PostingIn],
    *,
    default_source: str,
    board: Board | None = None,
    single_company: bool = True,
    close_missing: bool = False,
    analyse: Analyse = analyse_posting,
    to_text: ToText = html_to_text,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Upsert `postings` (one board's full listing, or an imported file) in `session`;
    `progress(n)` hears of every n-th posting read (analysis is most of the time)."""
    batch = Batch(default_source, board_info(board), single_company, close_missing)
    items = unique(postings, default_source)
    stored = read_stored(session, [(s, p.external_id) for s, p in items], batch)
    now = now or clock.moment()
    plan = plan_ingest(
        items, stored, batch, analyse=analyse, to_text=to_text, now=now, progress=progress
    )
    apply_plan(session, plan, now)
    return IngestResult(
        default_source,
        new=len(plan.new),
        updated=plan.updated,
        closed=len(plan.closed),
        unchanged=plan.unchanged,
        duplicates=len(plan.duplicate_of),
    )


def apply_plan(session: Session, plan: IngestPlan, now: dt.datetime) -> None:
    """Write `plan` in the session's transaction."""
    if plan.new:
        ids = _insert(session, plan.new)
        _link_duplicates(session, plan, ids)
    if plan.changed:
        session.execute(update(Posting), plan.changed)
    _set(session, plan.touched, last_seen=now)
    _set(session, plan.closed, closed_at=now)
    if plan.closed or plan.reopened:
        _hand_over(session, plan.closed + plan.reopened)


def _insert(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert `rows`; their ids, in order."""
    # Plain executemany, then one keyed lookup for the ids: RETURNING with ordered rows makes
    # SQLite insert one row per statement, several times slower for a big import.
    session.execute(insert(Posting).execution_options(render_nulls=True), rows)
    stored = _existing(session, [(r["source"], r["external_id"]) for r in rows])
    return [stored[(r["source"], r["external_id"])].id for r in rows]


def _link_duplicates(session: Session, plan: IngestPlan, ids: list[int]) -> None:
    def resolve(ref: int) -> int:
        index = new_index(ref)
        return ref if index is None else ids[index]

    if not plan.duplicate_of:
        return
    current: dict[int, list[str]] = {}
    for chunk in _chunks(list(plan.extra_sources)):
        rows = session.execute(select(Posting.id, Posting.sources).where(Posting.id.in_(chunk)))
        current.update({pid: sources for pid, sources in rows})
    if plan.extra_sources:
        session.execute(
            update(Posting),
            [
                {"id": cid, "sources": merged_sources(current.get(cid), extra)}
                for cid, extra in plan.extra_sources.items()
            ],
        )
    session.execute(
        update(Posting),
        [{"id": ids[i], "duplicate_of_id": resolve(c)} for i, c in plan.duplicate_of.items()],
    )


def _set(session: Session, ids: list[int], **values: Any) -> None:
    for chunk in _chunks(ids):
        session.execute(update(Posting).where(Posting.id.in_(chunk)).values(**values))


def _hand_over(session: Session, changed: list[int]) -> int:
    """In each duplicate group holding one of `changed` (postings just closed or reopened), a
    closed canonical posting with an open duplicate hands over to the first open one: it becomes
    canonical (with the group's sources) and the rest of the group points at it. Otherwise an
    opening still listed elsewhere would vanish from `jobs list` and `jobs rank`. Returns how many
    groups changed hands."""
    groups: set[int] = set()
    for chunk in _chunks(changed):
        head = func.coalesce(Posting.duplicate_of_id, Posting.id)
        groups.update(session.scalars(select(head).where(Posting.id.in_(chunk))))
    closed: dict[int, list[str]] = {}  # closed canonical posting -> its group's sources
    for chunk in _chunks(sorted(groups)):
        rows = session.execute(
            select(Posting.id, Posting.sources).where(
                Posting.id.in_(chunk), Posting.closed_at.is_not(None)
            )
        )
        closed.update({pid: list(sources or []) for pid, sources in rows})
    heirs: dict[int, int] = {}  # closed canonical -> the first open duplicate
    for chunk in _chunks(sorted(closed)):
        members = session.execute(
            select(Posting.id, Posting.duplicate_of_id)
            .where(Posting.duplicate_of_id.in_(chunk), Posting.closed_at.is_(None))
            .order_by(Posting.id)
        )
        for pid, canonical in members:
            if canonical is not None:
                heirs.setdefault(canonical, pid)
    for old, heir in heirs.items():
        session.execute(
            update(Posting)
            .where(Posting.duplicate_of_id == old, Posting.id != heir)
            .values(duplicate_of_id=heir)
        )
        session.execute(update(Posting).where(Posting.id == old).values(duplicate_of_id=heir))
        session.execute(
            update(Posting)
            .where(Posting.id == heir)
            .values(duplicate_of_id=None, sources=closed[old])
        )
    return len(heirs)


def _dedupe_index(session: Session) -> DedupeIndex:
    """Every stored canonical posting; texts load only when a new posting shares its key."""

    def loader(pid: int) -> Callable[[], str]:
        return lambda: session.scalar(select(Posting.text).where(Posting.id == pid)) or ""

    index = DedupeIndex()
    rows = session.execute(
        select(Posting.id, Posting.company, Posting.title, Posting.source).where(
            Posting.duplicate_of_id.is_(None)
        )
    )
    for pid, company, title, source in rows:
        index.add(dedupe_key(company, title), pid, source, loader(pid))
    return index
