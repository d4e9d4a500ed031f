"""Use cases of the evidence ledger: add, edit, remove, list, import and export; the scored
ledger that status, plan, outreach and the tracker read."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Hashable, Iterable
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from hireable.core.credibility import Assessment, assess
from hireable.core.evidence import (
    RECORD_KEYS,
    EvidenceInput,
    check_kind,
    check_metric_consistency,
    check_url,
    normalise_skills,
    parse_date,
    parse_metric_pairs,
    validate_record,
)
from hireable.core.readiness import Readiness, ScoredItem, all_readiness
from hireable.errors import ValidationError
from hireable.fileio import parse_json, parse_yaml, read_text
from hireable.services.evidence_plan import ADDED, plan_record
from hireable.services.kept import Kept, lent, version_of
from hireable.store.models import Evidence
from hireable.store.repo import get_or_fail

T = TypeVar("T")


def get_evidence(session: Session, evidence_id: int) -> Evidence:
    return get_or_fail(session, Evidence, evidence_id, noun="evidence", listing="evidence list")


def list_evidence(session: Session) -> list[Evidence]:
    return list(session.query(Evidence).order_by(Evidence.id))


def build_input(
    *,
    kind: str,
    title: str,
    date: str | None,
    url: str | None,
    validator: str | None,
    skills: list[str],
    metric_pairs: list[str],
    today: dt.date,
) -> EvidenceInput:
    """Validate the fields of `evidence add` into a record (metrics given as key=value)."""
    check_kind(kind)
    metrics = parse_metric_pairs(kind, metric_pairs)
    return validate_record(
        {
            "kind": kind,
            "title": title,
            "date": date,
            "url": url,
            "validator": validator,
            "skills": skills,
            "metrics": metrics,
        },
        today=today,
    )


def add_evidence(*, session: Session, record: EvidenceInput, flush: bool = True) -> Evidence:
    """Store `record`; `flush=False` leaves the INSERT to the next flush (an import of many
    records flushes once)."""
    item = Evidence(**asdict(record))
    session.add(item)
    if flush:
        session.flush()
    return item


@dataclass(frozen=True)
class Added:
    """An item recorded by hand, and the stored item it may repeat (`find_same`): it is stored
    all the same (two gigs for one client can share a URL), and the learner is told."""

    item: Evidence
    repeats: Evidence | None

    def repeat_note(self) -> str:
        """One sentence naming the earlier item, or "" when there is none."""
        if self.repeats is None:
            return ""
        same = "URL" if self.item.url else "title and date"
        return (
            f"evidence {self.repeats.id} ({self.repeats.title}) has the same kind and {same}: if "
            f"this one is a repeat, remove it"
        )


def record_evidence(*, session: Session, record: EvidenceInput) -> Added:
    """Add an item typed by hand (the CLI's `evidence add`, the dashboard's form), noting an
    earlier item it may repeat."""
    repeats = find_record(session, record)
    return Added(add_evidence(session=session, record=record), repeats)


def edit_evidence(
    *,
    session: Session,
    evidence_id: int,
    today: dt.date,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    validator: str | None = None,
    skills: list[str] | None = None,
    metric_pairs: list[str] | None = None,
    remove_metrics: list[str] | None = None,
) -> Evidence:
    item = get_evidence(session, evidence_id)
    if title is not None:
        if not title.strip():
            raise ValidationError("title must not be empty")
        item.title = title.strip()
    if date is not None:
        item.date = parse_date(date, today=today) if date else None
    if url is not None:
        item.url = check_url(url)
        if item.verification != "api":
            item.verification = "link" if item.url else "self"
    if validator is not None:
        item.validator = validator.strip() or None
    if skills is not None:
        item.skills = normalise_skills(skills)
    if metric_pairs or remove_metrics:
        metrics = dict(item.metrics or {})
        for key in remove_metrics or []:
            if key not in metrics:
                raise ValidationError(f"item {evidence_id} has no metric '{key}' to remove")
            del metrics[key]
        metrics.update(parse_metric_pairs(item.kind, metric_pairs or []))
        check_metric_consistency(item.kind, metrics)
        item.metrics = metrics
    session.flush()
    return item


def remove_evidence(*, session: Session, evidence_id: int) -> Evidence:
    item = get_evidence(session, evidence_id)
    session.delete(item)
    session.flush()
    return item


def read_records(path: Path) -> list[Any]:
    """Read a JSON or YAML list of records; any problem is one clear error."""
    text = read_text(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        data = parse_yaml(text, path)
    else:
        data = parse_json(text, path)
    if not isinstance(data, list):
        raise ValidationError(f"{path} must hold a list of evidence records")
    return data


def find_same(
    session: Session,
    *,
    kind: str,
    url: str | None,
    title: str = "",
    date: str | None = None,
    hand_made: bool = False,
) -> Evidence | None:
    """The stored item a record stands for, by the natural key of evidence: with a URL, the
    item of the same kind at that URL (whatever its title, date or metrics); without one, the
    item of the same kind, title and date that has no URL either. `hand_made`: only items not
    fetched from a source (an API import knows its own by their source key and adopts these).
    The oldest one when several match."""
    query = select(Evidence).where(Evidence.kind == kind)
    if url:
        query = query.where(Evidence.url == url)
    else:
        same_date = Evidence.date == date if date else Evidence.date.is_(None)
        query = query.where(Evidence.url.is_(None), Evidence.title == title, same_date)
    if hand_made:
        query = query.where(Evidence.source_key.is_(None))
    return session.scalar(query.order_by(Evidence.id).limit(1))


def find_record(session: Session, record: EvidenceInput) -> Evidence | None:
    """The stored item `record` stands for (`find_same` on its kind, URL, title and date)."""
    return find_same(
        session, kind=record.kind, url=record.url, title=record.title, date=record.date
    )


class _Keyed(Protocol):
    kind: str
    url: str | None
    title: str
    date: str | None


def _key(item: _Keyed) -> tuple[str | None, ...]:
    """`find_same`'s key as a value: the kind and URL, or without a URL the kind, title and
    date (URLs are never empty: `check_url` reads "" as none)."""
    return (item.kind, item.url) if item.url else (item.kind, None, item.title, item.date)


class LedgerKeys:
    """`find_record` for the many records of one import: the stored items' keys read in one
    query (the oldest item a key) and the items those records match in a few more, the items
    the import adds noted as it goes, instead of a query and a flush a record."""

    def __init__(self, session: Session, records: Iterable[EvidenceInput] = ()) -> None:
        self._session = session
        self._first: dict[tuple[str | None, ...], int | Evidence] = {}
        columns = (Evidence.id, Evidence.kind, Evidence.url, Evidence.title, Evidence.date)
        for row in session.execute(select(*columns).order_by(Evidence.id)):
            self._first.setdefault(_key(row), row.id)
        matched = sorted({i for r in records if isinstance(i := self._first.get(_key(r)), int)})
        for start in range(0, len(matched), _CHUNK):
            chunk = matched[start : start + _CHUNK]
            for item in session.scalars(select(Evidence).where(Evidence.id.in_(chunk))):
                self._first[_key(item)] = item

    def find(self, record: EvidenceInput) -> Evidence | None:
        found = self._first.get(_key(record))
        return self._session.get(Evidence, found) if isinstance(found, int) else found

    def note(self, item: Evidence) -> None:
        self._first.setdefault(_key(item), item)


_CHUNK = 500  # ids an IN (...) list holds: well inside every backend's parameter limit


@dataclass
class FileImport:
    """What `import_evidence` did: the items it added, and the stored items records matched
    (each with the fields the file has otherwise; none when the record is the same)."""

    added: list[Evidence]
    kept: list[tuple[Evidence, list[str]]]


def import_evidence(*, session: Session, path: Path, today: dt.date) -> FileImport:
    """All or nothing: every record is validated before any is stored. Idempotent: a record
    that matches a stored item (`find_same`) is not stored again, and the stored item is kept
    as it is even where the file differs. Within one file, a repeated record is stored once,
    and records that share a key but differ are stored each."""
    records = []
    for index, raw in enumerate(read_records(path)):
        try:
            records.append(validate_record(raw, today=today))
        except ValidationError as exc:
            raise ValidationError(f"{path}: record {index}: {exc}; nothing was imported") from None
    result = FileImport([], [])
    keys = LedgerKeys(session, records)
    for record in records:
        item = keys.find(record)
        same_file = item is not None and any(item is new for new in result.added)
        plan = plan_record(record, item, same_file=same_file)
        if plan.action == ADDED:
            added = add_evidence(session=session, record=record, flush=False)
            keys.note(added)
            result.added.append(added)
        else:
            assert item is not None  # (only a match is kept)
            result.kept.append((item, plan.changes))
    session.flush()
    return result


def _fields(item: Any) -> dict[str, Any]:
    """What the learner recorded, as plain values (shared by export and the public view)."""
    return {
        "kind": item.kind,
        "title": item.title,
        "date": item.date,
        "url": item.url,
        "validator": item.validator,
        "skills": list(item.skills or []),
        "metrics": dict(item.metrics or {}),
    }


def export_record(item: Evidence) -> dict[str, Any]:
    """The import format. API-verified items export as `link`: a file cannot prove what the
    API did; `hireable evidence refresh` verifies them again."""
    verification = item.verification
    if verification == "api":
        verification = "link" if item.url else "self"
    record = {**_fields(item), "verification": verification}
    return {k: record[k] for k in RECORD_KEYS}


def export_evidence(session: Session, fmt: str) -> str:
    records = [export_record(i) for i in list_evidence(session)]
    if fmt == "json":
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(records, sort_keys=False, allow_unicode=True)
    raise ValidationError(f"unknown export format '{fmt}'; use json or yaml")


def assessed(item: Evidence, today: dt.date) -> Assessment:
    return assess(item, today=today)


def evidence_public(item: Evidence, a: Assessment) -> dict[str, Any]:
    return {
        "id": item.id,
        **_fields(item),
        "class": a.evidence_class,
        "resource": a.resource,
        "verification": a.verification,
        "credibility": a.credibility,
        "signals": a.signals,
    }


# The columns scoring and the report need: never the (possibly large) provenance payloads.
LEDGER_COLUMNS = (
    Evidence.id,
    Evidence.kind,
    Evidence.title,
    Evidence.date,
    Evidence.url,
    Evidence.validator,
    Evidence.skills,
    Evidence.metrics,
    Evidence.verification,
)


_SCORED = "hireable.scored_evidence"  # session.info key: the scored ledger of this session
LEDGER_CACHE = "hireable.ledger_cache"  # session.info key: scored ledgers an interface keeps
_VERSION = "hireable.evidence_version"  # session.info key: the version this session read


@dataclass
class LedgerCache(Kept):
    """What is worked out from the ledger, kept between requests (services/kept.py) per
    evidence version: the scored ledger of the day, the learner's skills, the portfolio's
    records and its shown items (with and without self-reported ones); the current ones and
    those before while a change lands."""

    entries: int = 12  # five kinds × two versions, and spare


class ScoredLedger:
    """Every item (a read-only row) with its assessment, strongest first; what readiness reads
    of them and each stage's readiness, worked out when first asked. Shared: read, never change."""

    def __init__(self, pairs: list[tuple[Any, Assessment]]) -> None:
        self.pairs = tuple(pairs)

    @cached_property
    def items(self) -> tuple[ScoredItem, ...]:
        return tuple(scored_items(self.pairs))

    @cached_property
    def readiness(self) -> tuple[Readiness, ...]:
        """Each stage's readiness, in STAGES order."""
        return tuple(all_readiness(list(self.items)))

    @cached_property
    def by_stage(self) -> dict[str, Readiness]:
        return {r.stage.id: r for r in self.readiness}

    def readiness_of(self, stage_id: str) -> Readiness:
        return self.by_stage[stage_id]


def evidence_version(session: Session) -> tuple[Any, ...]:
    """(count, largest id, latest updated_at) of the stored evidence: an added item moves the
    count and updated_at, an edited one updated_at, a removed one the count. Scoring reads
    nothing else but the day; learner skills nothing else but the profile."""
    return version_of(
        session, Evidence, func.count(), func.max(Evidence.id), func.max(Evidence.updated_at)
    )


def kept_for_evidence(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, kept per `key` and evidence version in the `LedgerCache` lent to the
    session; computed every time without one (the CLI)."""
    cache = lent(session, LEDGER_CACHE, LedgerCache)
    if cache is None:
        return compute()
    _forget_on_flush()
    version = session.info.get(_VERSION)  # read once per session until it flushes, and
    if version is None:  # before the rows: never newer than them
        version = session.info[_VERSION] = evidence_version(session)
    return cache.get((key, version), compute)


def scored_ledger(session: Session, today: dt.date) -> ScoredLedger:
    """The scored ledger of `today`.

    Computed once per session and day (status, plan and tracker all read it); any flush of the
    session forgets it, so a change made in the same transaction is always seen. With a
    `LedgerCache` lent to the session, computed once per day and evidence version."""
    _forget_on_flush()
    cached = session.info.get(_SCORED)
    if cached is not None and cached[0] == today:
        return cached[1]  # type: ignore[no-any-return]
    ledger = kept_for_evidence(session, ("scored", today), lambda: _score(session, today))
    session.info[_SCORED] = (today, ledger)
    return ledger


def scored_evidence(session: Session, today: dt.date) -> list[tuple[Any, Assessment]]:
    """Every item (a read-only row) with its assessment, strongest first (`scored_ledger`)."""
    return list(scored_ledger(session, today).pairs)


def _score(session: Session, today: dt.date) -> ScoredLedger:
    rows = session.execute(select(*LEDGER_COLUMNS)).all()
    pairs = [(e, assess(e, today=today)) for e in rows]
    pairs.sort(key=lambda p: (-p[1].credibility, p[0].id))
    return ScoredLedger(pairs)


def _forget_on_flush() -> None:
    if not event.contains(Session, "after_flush", _forget_scored):
        event.listen(Session, "after_flush", _forget_scored)


def _forget_scored(session: Session, _context: Any) -> None:
    session.info.pop(_SCORED, None)
    session.info.pop(_VERSION, None)


def scored_items(pairs: Iterable[tuple[Any, Assessment]]) -> list[ScoredItem]:
    return [
        ScoredItem(e.id, e.kind, e.title, a.evidence_class, a.resource, a.credibility)
        for e, a in pairs
    ]
