"""What an evidence source hands to the import use case: an item it verified, or one it skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hireable.errors import SourceError


@dataclass
class Fetched:
    """One evidence item as a source reported it; `source_key` makes imports idempotent."""

    source_key: str
    kind: str
    title: str
    source_url: str  # the API address it was read from (never with a key or token)
    url: str | None = None  # the public page an employer can open
    date: str | None = None
    validator: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)
    note: str | None = None  # said next to the item in the import output
    verification: str = "api"


class NotEvidence(SourceError):
    """The source answered, and what it says is not evidence (a pull request not merged)."""


@dataclass
class Skipped:
    """Something the source returned that is not (yet) evidence, and why."""

    what: str
    reason: str


def day(timestamp: Any) -> str | None:
    """`2024-05-01T12:00:00Z` → `2024-05-01`; None for anything else."""
    if isinstance(timestamp, str) and len(timestamp) >= 10 and timestamp[4] == "-":
        return timestamp[:10]
    return None


def trim(record: Any, *, keep_urls: tuple[str, ...] = ("html_url",)) -> Any:
    """A raw record without bodies and API link templates: what provenance needs, not 3 kB."""
    if isinstance(record, dict):
        out = {}
        for key, value in record.items():
            if key == "body" or (key.endswith("_url") and key not in keep_urls):
                continue
            if key in ("user", "owner", "merged_by", "author") and isinstance(value, dict):
                value = {"login": value.get("login")} if "login" in value else trim(value)
            out[key] = trim(value, keep_urls=keep_urls)
        return out
    if isinstance(record, list):
        return [trim(v, keep_urls=keep_urls) for v in record]
    return record
