"""Postings from a local file: JSON (a list, or {"postings": [...]}), JSONL, or CSV.

Columns: id, title, company, location, description, url, posted_at, source; optional remote,
salary, size (or company_size, or meta.Size as in Glassdoor scrapes). Other columns are kept in the
raw payload. `--map old=new` renames columns first. Reading is all-or-nothing: the first bad record
rejects the whole file with its number and the reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any

from hireable.core.evidence import check_url
from hireable.errors import UsageError, ValidationError
from hireable.sources.jobs.base import PostingIn, to_datetime
from hireable.untrusted_json import loads

TEXT_FIELDS = ("title", "company", "location", "description", "url")
_TRUE = {"true", "yes", "y", "1", "remote"}
_FALSE = {"false", "no", "n", "0", "onsite", "on-site"}


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """['job_title=title'] -> {'job_title': 'title'}."""
    mapping = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise UsageError(f"--map '{pair}' is not OLD=NEW (e.g. --map job_title=title)")
        mapping[old.strip()] = new.strip()
    return mapping


def read_records(path: Path) -> list[dict[str, Any]]:
    """The file's records as dicts; format by extension (.json, .jsonl/.ndjson, .csv)."""
    if not path.is_file():
        raise ValidationError(f"cannot read {path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"cannot read {path}: {exc}") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        csv.field_size_limit(2**31 - 1)
        return [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""))]
    if suffix in (".jsonl", ".ndjson") or (
        suffix != ".json" and text.lstrip().startswith("{") and "\n{" in text
    ):
        return _jsonl(path, text)
    try:
        data = loads(text)
    except ValueError as exc:
        raise ValidationError(f"{path.name} is not valid JSON: {exc}") from None
    if isinstance(data, dict):
        data = data.get("postings", data.get("jobs"))
    if not isinstance(data, list):
        raise ValidationError(
            f'{path.name}: expected a list of postings (or {{"postings": [...]}}}})'
        )
    return data


def _jsonl(path: Path, text: str) -> list[dict[str, Any]]:
    records = []
    # "\n" only: str.splitlines would also split at U+2028, which JSON allows inside strings.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(loads(line))
        except ValueError as exc:
            raise ValidationError(f"{path.name}: line {number} is not valid JSON: {exc}") from None
    return records


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # numeric ids are common; a numeric title or url is a wrong column
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {type(value).__name__}")
    return value.strip() or None


def _remote(value: Any) -> bool | None:
    if value is None or value == "" or isinstance(value, bool):
        return value if isinstance(value, bool) else None
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise ValueError(f"remote {value!r} is not true/false")


def _url(value: str | None) -> str | None:
    """The same rule as evidence URLs: http(s) only, so no `javascript:` link is ever shown."""
    try:
        return check_url(value)
    except ValidationError as exc:
        raise ValueError(str(exc)) from None


def _salary(value: Any) -> dict[str, Any] | None:
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        return value
    return {"text": str(value)}


def _posted_at(value: Any) -> Any:
    if value is None or value == "":
        return None
    parsed = to_datetime(value)
    if parsed is None and isinstance(value, str) and value.strip().lstrip("-").isdigit():
        parsed = to_datetime(int(value))
    if parsed is None:
        raise ValueError(f"posted_at {value!r} is not an ISO date or epoch seconds")
    return parsed


def _size_hint(record: dict[str, Any]) -> Any:
    meta = record.get("meta")
    if not isinstance(meta, dict):
        meta = {}
    return record.get("size") or record.get("company_size") or meta.get("Size") or meta.get("size")


def to_posting(record: dict[str, Any], source: str) -> PostingIn:
    """One validated record; raises ValueError with the reason."""
    fields = {key: _text(record, key) for key in TEXT_FIELDS}
    if not fields["title"]:
        raise ValueError("title is missing")
    external_id = _text(record, "id")
    if external_id is None:  # stable across re-imports of the same file
        basis = "|".join(fields[k] or "" for k in ("company", "title", "location", "url"))
        external_id = "h:" + hashlib.sha1(basis.encode()).hexdigest()[:16]
    return PostingIn(
        external_id=external_id,
        title=fields["title"],
        company=fields["company"],
        location=fields["location"],
        url=_url(fields["url"]),
        description=fields["description"] or "",
        remote=_remote(record.get("remote")),
        salary=_salary(record.get("salary")),
        posted_at=_posted_at(record.get("posted_at")),
        raw=record,
        size_hint=_size_hint(record),
        source=source,
    )


def _source_name(value: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", value.strip()).strip("-")
    return f"file:{name[:58]}" if name else "file:import"


def load_file(
    path: Path, *, source: str | None = None, mapping: dict[str, str] | None = None
) -> list[PostingIn]:
    """Every posting in the file, or a ValidationError naming the first bad record."""
    records = read_records(path)
    mapping = mapping or {}
    missing = [old for old in mapping if not any(old in r for r in records if isinstance(r, dict))]
    if records and missing:
        raise ValidationError(f"{path.name}: no record has a column '{missing[0]}' to --map")
    out: list[PostingIn] = []
    first_seen: dict[tuple[str, str], int] = {}
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise ValidationError(f"{path.name}: record {number} is not an object")
        record = {mapping.get(k, k): v for k, v in record.items()}
        try:
            label = _source_name(source or _text(record, "source") or path.stem)
            posting = to_posting(record, label)
        except ValueError as exc:
            raise ValidationError(
                f"{path.name}: record {number}: {exc}; nothing was imported"
            ) from None
        key = (label, posting.external_id)
        if key in first_seen:
            raise ValidationError(
                f"{path.name}: record {number}: id '{posting.external_id}' "
                f"repeats record {first_seen[key]}; nothing was imported"
            )
        first_seen[key] = number
        out.append(posting)
    return out
