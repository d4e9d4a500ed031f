"""Use cases of the learn–do journal: log, edit, remove, import, and the weekly report."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from hireable.core.alerts import Alert
from hireable.core.evidence import check_url
from hireable.core.journal import (
    ENTRY_KEYS,
    EntryInput,
    Momentum,
    WeekStats,
    check_entry,
    check_hours,
    check_topic,
    days_ago,
    days_since_do,
    momentum,
    new_entries,
    parse_day,
    validate_entry,
    weekly_stats,
)
from hireable.core.weeks import MAX_REPORT_WEEKS
from hireable.errors import NotFoundError, ValidationError
from hireable.fileio import parse_json, read_text
from hireable.services.evidence import get_evidence
from hireable.services.profile import get_profile
from hireable.services.rhythm import rhythm_entries, rhythm_warnings
from hireable.store.models import JournalEntry
from hireable.store.repo import get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

RECENT_ENTRIES = 10  # entries listed under the chart, newest first


def get_entry(session: Session, entry_id: int) -> JournalEntry:
    return get_or_fail(session, JournalEntry, entry_id, noun="journal entry", listing="journal")


def list_entries(session: Session) -> list[JournalEntry]:
    return list(session.query(JournalEntry).order_by(JournalEntry.date, JournalEntry.id))


def _check_evidence(session: Session, evidence_id: int | None) -> None:
    if evidence_id is not None:
        get_evidence(session, evidence_id)


def build_entry(
    *,
    kind: str,
    topic: str,
    hours: float,
    date: str | None,
    today: dt.date,
    url: str | None = None,
    certificate: bool = False,
    artifact: str | None = None,
    evidence_id: int | None = None,
) -> EntryInput:
    """Validate the fields of `log learn` / `log do` (no date means today)."""
    return validate_entry(
        {
            "type": kind,
            "topic": topic,
            "hours": hours,
            "date": date or today.isoformat(),
            "url": url,
            "certificate": certificate,
            "artifact": artifact,
            "evidence_id": evidence_id,
        },
        today=today,
    )


def log_entry(*, session: Session, entry: EntryInput) -> JournalEntry:
    _check_evidence(session, entry.evidence_id)
    row = JournalEntry(**asdict(entry))
    session.add(row)
    session.flush()
    return row


@dataclass
class EntryChanges:
    topic: str | None = None
    hours: float | None = None
    date: str | None = None
    url: str | None = None  # "" clears
    certificate: bool | None = None
    artifact: str | None = None
    evidence_id: int | None = None  # 0 unlinks


def edit_entry(
    *, session: Session, entry_id: int, changes: EntryChanges, today: dt.date
) -> JournalEntry:
    """Change fields of one entry; the result is validated as a whole before it is stored."""
    row = get_entry(session, entry_id)
    entry = entry_input(row)
    if changes.topic is not None:
        entry.topic = check_topic(changes.topic)
    if changes.hours is not None:
        entry.hours = check_hours(changes.hours)
    if changes.date is not None:
        entry.date = parse_day(changes.date, today=today)
    if changes.url is not None:
        entry.url = check_url(changes.url)
    if changes.certificate is not None:
        entry.certificate = changes.certificate
    if changes.artifact is not None:
        entry.artifact = check_url(changes.artifact)
    if changes.evidence_id is not None:
        entry.evidence_id = changes.evidence_id or None
    check_entry(entry)
    _check_evidence(session, entry.evidence_id)
    for key, value in asdict(entry).items():
        setattr(row, key, value)
    session.flush()
    return row


def remove_entry(*, session: Session, entry_id: int) -> JournalEntry:
    row = get_entry(session, entry_id)
    session.delete(row)
    session.flush()
    return row


def read_records(path: Path) -> list[tuple[str, Any]]:
    """(where, record) pairs of a CSV file (with a header row) or a JSON list."""
    text = read_text(path)
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        header = reader.fieldnames or []
        unknown = [h for h in header if h not in ENTRY_KEYS]
        if not header or unknown:
            what = f"unknown column '{unknown[0]}'" if unknown else "no header row"
            raise ValidationError(
                f"{path}: line 1: {what}; columns are: {', '.join(ENTRY_KEYS)}; "
                "nothing was imported"
            )
        records = []
        for row in reader:
            if None in row:
                raise ValidationError(
                    f"{path}: line {reader.line_num}: more cells than columns; nothing was imported"
                )
            records.append((f"line {reader.line_num}", {k: v or None for k, v in row.items()}))
        return records
    if path.suffix.lower() != ".json":
        raise ValidationError(f"{path}: journal imports are .csv or .json files")
    data = parse_json(text, path)
    if not isinstance(data, list):
        raise ValidationError(f"{path} must hold a JSON list of journal records")
    return [(f"record {index}", record) for index, record in enumerate(data)]


def entry_input(row: JournalEntry) -> EntryInput:
    """A stored entry as the fields it was logged with."""
    return EntryInput(*(getattr(row, name) for name in ENTRY_KEYS))


@dataclass
class EntryImport:
    added: list[JournalEntry]
    already: int  # records the same as a stored entry (or an earlier record), not added again


def import_entries(*, session: Session, path: Path, today: dt.date) -> EntryImport:
    """All or nothing: every record is validated (and its evidence looked up) before any is
    stored. Idempotent: a record the same in every field as a stored entry is not added again
    (`core.journal.new_entries`)."""
    entries = []
    for where, record in read_records(path):
        try:
            entry = validate_entry(record, today=today)
            _check_evidence(session, entry.evidence_id)
        except (ValidationError, NotFoundError) as exc:
            raise ValidationError(f"{path}: {where}: {exc}; nothing was imported") from None
        entries.append(entry)
    stored: list[JournalEntry] = []
    if entries:
        days = JournalEntry.date.between(min(e.date for e in entries), max(e.date for e in entries))
        stored = list(session.scalars(select(JournalEntry).where(days)))
    new = new_entries(entries, [entry_input(row) for row in stored])
    added = [log_entry(session=session, entry=e) for e in new]
    return EntryImport(added, len(entries) - len(new))


def entry_public(row: JournalEntry) -> dict[str, Any]:
    return {
        "id": row.id,
        "type": row.type,
        "topic": row.topic,
        "hours": row.hours,
        "date": row.date.isoformat(),
        "url": row.url,
        "certificate": row.certificate,
        "artifact": row.artifact,
        "evidence_id": row.evidence_id,
    }


@dataclass
class JournalReport:
    weeks: list[WeekStats]
    momentum: Momentum
    days_since_do: int | None
    recent: list[JournalEntry]
    warnings: list[Alert] = field(default_factory=list)

    @property
    def streak(self) -> int:
        return self.momentum.streak

    @property
    def last_do_text(self) -> str:
        return days_ago(self.days_since_do)

    def public(self) -> dict[str, Any]:
        learn = sum(w.learn_hours for w in self.weeks)
        do = sum(w.do_hours for w in self.weeks)
        return {
            "weeks": [w.public() for w in self.weeks],
            "learn_hours": round(learn, 2),
            "do_hours": round(do, 2),
            "do_share": round(100 * do / (learn + do)) if learn + do else None,
            "streak": self.streak,
            "days_since_do": self.days_since_do,
            "momentum": self.momentum.public(),
            "warnings": [w.public() for w in self.warnings],
            "recent": [entry_public(e) for e in self.recent],
        }


def journal_report(session: Session, *, today: dt.date, weeks: int) -> JournalReport:
    if not 1 <= weeks <= MAX_REPORT_WEEKS:
        raise ValidationError(f"weeks must be from 1 to {MAX_REPORT_WEEKS} (got {weeks})")
    entries = rhythm_entries(session)
    newest = JournalEntry.date.desc(), JournalEntry.id.desc()
    recent = session.query(JournalEntry).order_by(*newest).limit(RECENT_ENTRIES)
    return JournalReport(
        weeks=weekly_stats(entries, today=today, weeks=weeks),
        momentum=momentum(entries, today=today),
        days_since_do=days_since_do(entries, today=today),
        recent=list(recent),
        warnings=rhythm_warnings(session, get_profile(session), today, entries=entries),
    )
