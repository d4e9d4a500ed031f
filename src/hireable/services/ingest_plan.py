"""Decide what storing a batch of postings changes, without touching the database.

`plan_ingest` takes the fetched postings and a snapshot of what is stored (`Stored`) and says which
postings are new, changed, unchanged, reopened, closed and duplicated; `services.ingest` reads the
snapshot and applies the plan. See `services.ingest` for the rules of identity and change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hireable.errors import ValidationError
from hireable.postings.dedupe import DedupeIndex, dedupe_key
from hireable.services.boards import band_from_open_roles, band_from_text

if TYPE_CHECKING:
    from hireable.sources.jobs.base import PostingIn

Analyse = Callable[..., dict[str, Any]]
ToText = Callable[[str], str]
Key = tuple[str, str]  # (source, external id): a posting's identity

# Analysis keys copied into their own columns for fast filtering and ranking.
DENORMALISED = ("degree", "degree_level", "seniority", "years_min", "ml", "ml_clear")
PROGRESS_EVERY = 100  # postings between two progress reports
MAX_SOURCE = 64  # characters of Posting.source


@dataclass(frozen=True)
class StoredPosting:
    """What the plan needs to know of a posting already stored."""

    id: int
    content_hash: str | None
    closed_at: dt.datetime | None
    board_id: int | None
    size_band: str | None
    size_band_origin: str | None


@dataclass
class Stored:
    """The snapshot a plan is computed against."""

    postings: dict[Key, StoredPosting]  # the batch's postings that are already stored
    open_on_board: list[int] = field(default_factory=list)  # for close_missing: the board's open
    canonical: DedupeIndex = field(default_factory=DedupeIndex)  # stored canonical postings


@dataclass(frozen=True)
class BoardInfo:
    """The board a batch comes from (None for an imported file)."""

    id: int
    name: str
    company: str | None
    size_band: str | None


@dataclass
class IngestPlan:
    # Rows to insert, in order. A new posting is referred to before it has an id as new_ref(i).
    new: list[dict[str, Any]] = field(default_factory=list)
    duplicate_of: dict[int, int] = field(default_factory=dict)  # index in new -> canonical ref
    extra_sources: dict[int, list[str]] = field(default_factory=dict)  # stored canonical -> added
    changed: list[dict[str, Any]] = field(default_factory=list)  # id, last_seen, what moved
    touched: list[int] = field(default_factory=list)  # unchanged: only last_seen moves
    reopened: list[int] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)
    updated: int = 0
    unchanged: int = 0


def new_ref(index: int) -> int:
    """The placeholder id of the index-th new posting: negative, so never a stored id."""
    return -1 - index


def new_index(ref: int) -> int | None:
    return -1 - ref if ref < 0 else None


def content_hash(text: str, p: PostingIn) -> str:
    key = [text, p.title, p.company, p.location, p.url, p.remote, p.salary]
    blob = json.dumps(key, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def analysis_columns(p: PostingIn, text: str, analyse: Analyse) -> dict[str, Any]:
    """The analysis dict plus its denormalised columns; the source's own remote/salary win."""
    analysis = jsonable(analyse(text, p.title))
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


def unique(postings: list[PostingIn], default_source: str) -> list[tuple[str, PostingIn]]:
    """(source, posting) pairs, first occurrence of each (source, external id) kept."""
    seen: dict[Key, tuple[str, PostingIn]] = {}
    for p in postings:
        source = p.source or default_source
        if len(source) > MAX_SOURCE:
            raise ValidationError(f"source name '{source}' is longer than {MAX_SOURCE} characters")
        seen.setdefault((source, p.external_id), (source, p))
    return list(seen.values())


def size_band(
    p: PostingIn, board: BoardInfo | None, count: int, single: bool
) -> tuple[str | None, str | None]:
    """(size_band, origin): the user's --size, else the source's statement, else the proxy."""
    if board is not None and board.size_band:
        return board.size_band, "user"
    stated = band_from_text(p.size_hint)
    if stated:
        return stated, "source"
    if board is not None and single:
        return band_from_open_roles(count), "open-roles proxy"
    return None, None


@dataclass(frozen=True)
class Batch:
    """How one batch is stored: the settings of `store_postings` the plan depends on."""

    default_source: str
    board: BoardInfo | None = None
    single_company: bool = True
    close_missing: bool = False


def plan_ingest(
    items: list[tuple[str, PostingIn]],
    stored: Stored,
    batch: Batch,
    *,
    analyse: Analyse,
    to_text: ToText,
    now: dt.datetime,
    progress: Callable[[int], None] | None = None,
) -> IngestPlan:
    """What storing `items` (from `unique`) changes; `progress(n)` hears of every n-th item."""
    plan = IngestPlan()
    board = batch.board
    index = DedupeIndex({key: list(entries) for key, entries in stored.canonical.by_key.items()})
    seen: set[int] = set()
    for done, (source, p) in enumerate(items, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        if board is not None and batch.single_company:
            p = dataclasses.replace(p, company=board.company or p.company or board.name)
        text = to_text(p.description or "")
        fields = _fields(p, text, size_band(p, board, len(items), batch.single_company))
        old = stored.postings.get((source, p.external_id))
        if old is None:
            plan.new.append(
                _new_row(source, p, fields, analysis_columns(p, text, analyse), batch, now)
            )
        else:
            seen.add(old.id)
            _plan_stored(plan, old, p, text, fields, batch, now, analyse)
    if batch.close_missing and board is not None:
        plan.closed = [i for i in stored.open_on_board if i not in seen]
    _plan_duplicates(plan, index)
    return plan


def _fields(p: PostingIn, text: str, band: tuple[str | None, str | None]) -> dict[str, Any]:
    return {
        "company": p.company,
        "title": p.title,
        "location": p.location,
        "url": p.url,
        "description": p.description or "",
        "text": text,
        "content_hash": content_hash(text, p),
        "raw": jsonable(p.raw),
        "posted_at": p.posted_at,
        "size_band": band[0],
        "size_band_origin": band[1],
    }


def _new_row(
    source: str,
    p: PostingIn,
    fields: dict[str, Any],
    analysis: dict[str, Any],
    batch: Batch,
    now: dt.datetime,
) -> dict[str, Any]:
    return {
        **fields,
        **analysis,
        "source": source,
        "external_id": p.external_id,
        "board_id": batch.board.id if batch.board is not None else None,
        "first_seen": now,
        "last_seen": now,
        "closed_at": None,
        "duplicate_of_id": None,
        "sources": [f"{source}:{p.external_id}"],
    }


def _plan_stored(
    plan: IngestPlan,
    old: StoredPosting,
    p: PostingIn,
    text: str,
    fields: dict[str, Any],
    batch: Batch,
    now: dt.datetime,
    analyse: Analyse,
) -> None:
    """A posting already stored: changed (new hash, or reopened) or unchanged; size band and
    board link follow the batch either way without counting as a change."""
    change: dict[str, Any] = {}
    if old.content_hash != fields["content_hash"]:
        change = {**fields, **analysis_columns(p, text, analyse)}
    if old.closed_at is not None:
        change["closed_at"] = None
        plan.reopened.append(old.id)
    if change:
        plan.updated += 1
    else:
        plan.unchanged += 1
    band = (fields["size_band"], fields["size_band_origin"])
    if (old.size_band, old.size_band_origin) != band:
        change.update(size_band=band[0], size_band_origin=band[1])
    board_id = batch.board.id if batch.board is not None else None
    if board_id is not None and old.board_id != board_id:
        change["board_id"] = board_id
    if change:
        plan.changed.append({"id": old.id, "last_seen": now, **change})
    else:
        plan.touched.append(old.id)


def _plan_duplicates(plan: IngestPlan, index: DedupeIndex) -> None:
    """Each new posting that duplicates a canonical one from another source (stored, or new
    earlier in the batch) points at it, and the canonical posting gains its sources."""
    for i, row in enumerate(plan.new):
        key = dedupe_key(row["company"], row["title"])
        canonical = index.find(key, row["source"], row["text"])
        if canonical is None:
            index.add(key, new_ref(i), row["source"], _constant(row["text"]))
            continue
        plan.duplicate_of[i] = canonical
        target = new_index(canonical)
        if target is None:
            plan.extra_sources.setdefault(canonical, []).extend(row["sources"])
        else:
            head = plan.new[target]
            head["sources"] = merged_sources(head["sources"], row["sources"])


def merged_sources(current: list[str] | None, extra: list[str]) -> list[str]:
    return list(dict.fromkeys([*(current or []), *extra]))


def _constant(text: str) -> Callable[[], str]:
    """A loader for text already in hand (the index loads stored texts lazily)."""
    return lambda: text
