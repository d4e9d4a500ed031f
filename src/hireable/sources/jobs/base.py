"""What every job source returns, and the small parsing helpers adapters share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from hireable.core.evidence import is_web_address
from hireable.errors import SourceError


@dataclass
class PostingIn:
    """One posting as a source gives it, before analysis and storage."""

    external_id: str
    title: str | None
    company: str | None = None
    location: str | None = None
    url: str | None = None
    description: str = ""  # as given: HTML kept
    remote: bool | None = None  # None: the source does not say
    salary: dict[str, Any] | None = None  # {"min", "max", "currency", "period", "text"}
    posted_at: dt.datetime | None = None  # naive UTC
    raw: dict[str, Any] = field(default_factory=dict)
    size_hint: str | None = None  # a size band the source states (see services.boards.SIZE_BANDS)
    source: str | None = None  # overrides the board's label, e.g. "hn:2026-11", "file:corpus"

    def __post_init__(self) -> None:
        """A source that answers with the wrong types (`"title": 5`, `"content": {}`) is a
        malformed answer: ValueError, which the fetch reports as the board's one-line error."""
        if not isinstance(self.external_id, str) or not self.external_id:
            raise ValueError(f"a posting's id must be text, not {self.external_id!r}")
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if not (value is None or isinstance(value, str)) or (
                name == "description" and value is None
            ):
                raise ValueError(
                    f"posting {self.external_id}: {name} must be text, not {type(value).__name__}"
                )
        self._without_nul()
        self._fit_columns()
        self.url = self.url if self.url is None or is_web_address(self.url) else None
        self.salary = fit_salary(self.salary)

    def _without_nul(self) -> None:
        """NUL removed now, as the store would remove it: an id or label still holding it would
        not match the stored row it became (a CSV file can carry a raw NUL byte)."""
        for name in ("external_id", *_TEXT_FIELDS):
            value = getattr(self, name)
            if value and "\x00" in value:
                setattr(self, name, value.replace("\x00", ""))
        if not self.external_id:
            raise ValueError("a posting's id must be text, not only NUL characters")

    def _fit_columns(self) -> None:
        """Text longer than its stored column: shown text is clipped with an ellipsis; an id, a
        URL or a label cut short would point elsewhere, so the answer is malformed."""
        for name, limit in COLUMN_LIMITS.items():
            value = getattr(self, name)
            if value is None or len(value) <= limit:
                continue
            if name not in CLIPPED:
                raise ValueError(
                    f"posting {self.external_id[:80]}: {name} is longer than {limit:,} characters"
                )
            setattr(self, name, value[: limit - 1] + "…")


# A pay figure beyond this is no salary (10**400 would not even convert to a float).
MOST_PAY = 10**9


def fit_salary(salary: Any) -> dict[str, Any] | None:
    """`salary` with only what can be shown and ranked: `min` / `max` as finite amounts from 0
    to MOST_PAY, the other keys as text; a source's wrong type or absurd figure is dropped."""
    if not isinstance(salary, dict):
        return None
    kept: dict[str, Any] = {}
    for key, value in salary.items():
        if key in ("min", "max"):
            if is_amount(value):
                kept[key] = value
        elif isinstance(value, str) or value is None:
            kept[key] = value
    return kept or None


def is_amount(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value <= MOST_PAY
        and value == value  # not NaN
    )


_TEXT_FIELDS = ("title", "company", "location", "url", "description", "source")
# The stored columns' lengths (store.models.Posting; a test keeps the two equal).
COLUMN_LIMITS = {
    "external_id": 300,
    "company": 300,
    "title": 500,
    "location": 500,
    "url": 2000,
}  # `source` has its own check, with the label's name (services.ingest_plan.unique)
CLIPPED = ("company", "title", "location")


def expect(data: Any, key: str | None, kind: type, what: str) -> Any:
    """`data[key]` (or `data` itself when key is None) checked to be a `kind`, else SourceError."""
    value = data if key is None else (data.get(key) if isinstance(data, dict) else None)
    if not isinstance(value, kind):
        name = f"'{key}'" if key else "the body"
        raise SourceError(f"{what}: unexpected response shape ({name} is not a {kind.__name__})")
    return value


def to_datetime(value: Any) -> dt.datetime | None:
    """ISO 8601 string, date, or epoch seconds/milliseconds -> naive UTC; None when unreadable."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            seconds = value / 1000 if value > 1e11 else value
            return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):  # beyond the calendar: 10**20, 1e300, nan
            return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
        if parsed.tzinfo is not None:
            try:
                parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
            except OverflowError:  # 0001-01-01T00:00+01:00 is before the calendar in UTC
                return None
        return parsed
    return None


def remote_from_text(*texts: str | None) -> bool | None:
    """True when a location-like field says remote; None when it says nothing about it."""
    joined = " ".join(t for t in texts if t).lower()
    if re.search(r"\bremote\b", joined) and not re.search(r"\b(no|not)\s+remote\b", joined):
        return True
    return None


def joined(*parts: Any, sep: str = ", ") -> str | None:
    """Non-empty parts joined, or None: for city/region/country style locations."""
    items = [str(p).strip() for p in parts if p not in (None, "") and str(p).strip()]
    return sep.join(dict.fromkeys(items)) or None
