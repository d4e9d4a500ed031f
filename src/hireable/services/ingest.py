"""Store fetched or imported postings: analyse, upsert, close, reopen, collapse duplicates.

Identity is (source, external id). A posting whose content hash (clean text plus title, company,
location, url, remote flag and salary) matches what is stored is *unchanged*: only its `last_seen`
moves (and its size band, if that was re-decided). A changed hash stores the new fields and re-runs
the analysis. A posting missing from a fresh fetch of its board gets `closed_at`; one that comes
back is reopened (counted as updated). A group of cross-source duplicates is shown through its
canonical posting, so when that one closes while a duplicate is still open, the first open
duplicate takes its place (`_hand_over`). Every call runs inside the caller's transaction, so a
failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, tuple_, update

from hireable.errors import ValidationError
from hireable.postings.analyse import analyse
from hireable.postings.dedupe import DedupeIndex, dedupe_key
from hireable.postings.text import html_to_text
from hireable.services.boards import band_from_open_roles, band_from_text
from hireable.store.models import Board, Posting, utcnow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.sources.jobs.base import PostingIn

Analyse = Callable[..., dict[str, Any]]
ToText = Callable[[str], str]

# Analysis keys copied into their own columns for fast filtering and ranking.
DENORMALISED = ("degree", "degree_level", "seniority", "years_min", "ml")
CHUNK = 500  # ids per IN (...) query, far below every database's parameter limit
PROGRESS_EVERY = 100  # postings between two progress reports


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


def default_analyse() -> Analyse:
    return analyse


def default_to_text() -> ToText:
    return html_to_text


def content_hash(text: str, p: PostingIn) -> str:
    key = [text, p.title, p.company, p.location, p.url, p.remote, p.salary]
    blob = json.dumps(key, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def analysis_columns(p: PostingIn, text: str, analyse: Analyse) -> dict[str, Any]:
    """The analysis dict plus its denormalised columns; the source's own remote/salary win."""
    analysis = _jsonable(analyse(text, p.title))
    columns = {key: analysis.get(key) for key in DENORMALISED}
    salary = p.salary or analysis.get("salary")
    if salary is not None and not isinstance(salary, dict):
        salary = {"text": str(salary)}
    return {
        **columns,
        "analysis": analysis,
        "skills": list(analysis.get("skills") or []),
        "remote": _remote(p, analysis),
        "salary": salary,
    }


def _remote(p: PostingIn, analysis: dict[str, Any]) -> bool | None:
    """The source's flag, else the text's, else a location such as "Remote (EU)"."""
    if p.remote is not None:
        return p.remote
    if analysis.get("remote") is not None:
        return bool(analysis["remote"])
    return True if p.location and "remote" in p.location.lower() else None


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _existing(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
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
    found: dict[tuple[str, str], Any] = {}
    for chunk in _chunks(keys):
        rows = session.execute(
            select(*cols).where(tuple_(Posting.source, Posting.external_id).in_(chunk))
        )
        found.update({(r.source, r.external_id): r for r in rows})
    return found


def _size(p: PostingIn, board: Board | None, count: int, single: bool) -> tuple[Any, Any]:
    """(size_band, origin): the user's --size, else the source's statement, else the proxy."""
    if board is not None and board.size_band:
        return board.size_band, "user"
    stated = band_from_text(p.size_hint)
    if stated:
        return stated, "source"
    if board is not None and single:
        return band_from_open_roles(count), "open-roles proxy"
    return None, None


def _unique(postings: list[PostingIn], default_source: str) -> list[tuple[str, PostingIn]]:
    """(source, posting) pairs, first occurrence of each (source, external id) kept."""
    seen: dict[tuple[str, str], tuple[str, PostingIn]] = {}
    for p in postings:
        source = p.source or default_source
        if len(source) > 64:
            raise ValidationError(f"source name '{source}' is longer than 64 characters")
        seen.setdefault((source, p.external_id), (source, p))
    return list(seen.values())


def store_postings(
    session: Session,
    postings: list[PostingIn],
    *,
    default_source: str,
    board: Board | None = None,
    single_company: bool = True,
    close_missing: bool = False,
    analyse: Analyse | None = None,
    to_text: ToText | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestResult:
    """Upsert `postings` (one board's full listing, or an imported file) in `session`;
    `progress(n)` hears of every n-th posting read (analysis is most of the time)."""
    analyse = analyse or default_analyse()
    to_text = to_text or default_to_text()
    now = now or utcnow()
    result = IngestResult(default_source)
    items = _unique(postings, default_source)
    existing = _existing(session, [(s, p.external_id) for s, p in items])
    board_id = board.id if board is not None else None
    new_rows: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    touched: list[int] = []
    reopened: list[int] = []
    seen_ids: set[int] = set()
    for done, (source, p) in enumerate(items, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if board is not None and single_company:
            p.company = board.company or p.company or board.name
        text = to_text(p.description or "")
        digest = content_hash(text, p)
        band, origin = _size(p, board, len(items), single_company)
        old = existing.get((source, p.external_id))
        fields = {
            "company": p.company,
            "title": p.title,
            "location": p.location,
            "url": p.url,
            "description": p.description or "",
            "text": text,
            "content_hash": digest,
            "raw": _jsonable(p.raw),
            "posted_at": p.posted_at,
            "size_band": band,
            "size_band_origin": origin,
        }
        if old is None:
            new_rows.append(
                {
                    **fields,
                    **analysis_columns(p, text, analyse),
                    "source": source,
                    "external_id": p.external_id,
                    "board_id": board_id,
                    "first_seen": now,
                    "last_seen": now,
                    "closed_at": None,
                    "duplicate_of_id": None,
                    "sources": [f"{source}:{p.external_id}"],
                }
            )
            continue
        seen_ids.add(old.id)
        change: dict[str, Any] = {}
        if old.content_hash != digest:
            change = {**fields, **analysis_columns(p, text, analyse)}
        if old.closed_at is not None:
            change["closed_at"] = None
            reopened.append(old.id)
        if change:
            result.updated += 1
        else:
            result.unchanged += 1
        if (old.size_band, old.size_band_origin) != (band, origin):
            change.update(size_band=band, size_band_origin=origin)
        if board_id is not None and old.board_id != board_id:
            change["board_id"] = board_id
        if change:
            changes.append({"id": old.id, "last_seen": now, **change})
        else:
            touched.append(old.id)
    if new_rows:
        # Plain executemany, then one keyed lookup for the ids: RETURNING with ordered rows makes
        # SQLite insert one row per statement, several times slower for a big import.
        session.execute(insert(Posting).execution_options(render_nulls=True), new_rows)
        stored = _existing(session, [(r["source"], r["external_id"]) for r in new_rows])
        ids = [stored[(r["source"], r["external_id"])].id for r in new_rows]
        result.new = len(ids)
        seen_ids.update(ids)
        result.duplicates = _collapse(session, list(zip(ids, new_rows, strict=True)))
    if changes:
        session.execute(update(Posting), changes)
    for chunk in _chunks(touched):
        session.execute(update(Posting).where(Posting.id.in_(chunk)).values(last_seen=now))
    gone: list[int] = []
    if close_missing and board is not None:
        gone = _close_missing(session, board.id, seen_ids, now)
        result.closed = len(gone)
    if gone or reopened:
        _hand_over(session, gone + reopened)
    return result


def _close_missing(session: Session, board_id: int, seen: set[int], now: dt.datetime) -> list[int]:
    open_ids = session.scalars(
        select(Posting.id).where(Posting.board_id == board_id, Posting.closed_at.is_(None))
    ).all()
    gone = [i for i in open_ids if i not in seen]
    for chunk in _chunks(gone):
        session.execute(update(Posting).where(Posting.id.in_(chunk)).values(closed_at=now))
    return gone


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


def _dedupe_index(session: Session, skip: set[int]) -> DedupeIndex:
    def loader(pid: int) -> Callable[[], str]:
        return lambda: session.scalar(select(Posting.text).where(Posting.id == pid)) or ""

    index = DedupeIndex()
    rows = session.execute(
        select(Posting.id, Posting.company, Posting.title, Posting.source).where(
            Posting.duplicate_of_id.is_(None)
        )
    )
    for pid, company, title, source in rows:
        if pid not in skip:
            index.add(dedupe_key(company, title), pid, source, loader(pid))
    return index


def _collapse(session: Session, inserted: list[tuple[int, dict[str, Any]]]) -> int:
    """Point each new posting that duplicates one from another source at the first; returns how
    many collapsed. The canonical posting's `sources` gains the duplicate's."""
    index = _dedupe_index(session, skip={pid for pid, _ in inserted})
    links: dict[int, int] = {}
    for pid, row in inserted:
        key = dedupe_key(row["company"], row["title"])
        canonical = index.find(key, row["source"], row["text"])
        if canonical is None:
            index.add(key, pid, row["source"], _constant(row["text"]))
        else:
            links[pid] = canonical
    if not links:
        return 0
    added: dict[int, list[str]] = {}
    by_id = dict(inserted)
    for pid, canonical in links.items():
        added.setdefault(canonical, []).extend(by_id[pid]["sources"])
    current: dict[int, list[str]] = {}
    for chunk in _chunks(list(added)):
        rows = session.execute(select(Posting.id, Posting.sources).where(Posting.id.in_(chunk)))
        current.update({pid: sources for pid, sources in rows})
    session.execute(
        update(Posting),
        [
            {"id": cid, "sources": list(dict.fromkeys([*(current.get(cid) or []), *extra]))}
            for cid, extra in added.items()
        ],
    )
    session.execute(
        update(Posting), [{"id": pid, "duplicate_of_id": c} for pid, c in links.items()]
    )
    return len(links)


def _constant(text: str) -> Callable[[], str]:
    """A loader for text already in hand (the index loads stored texts lazily)."""
    return lambda: text
