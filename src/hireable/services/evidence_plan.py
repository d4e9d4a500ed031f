"""Decide what storing one evidence record changes, without touching the database.

`plan_upsert` compares a validated fetched record with the stored item it matches (if any) and
says: add it, skip it, leave it, or update these columns; `services.evidence_import` finds the
match and applies the plan. Who owns which field is explained there. `plan_record` does the same
for a record of an import file (`services.evidence.import_evidence`): add it, or keep the stored
item it matches as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from hireable.core.evidence import EvidenceInput, check_metric_consistency

ADDED, UPDATED, UNCHANGED, SKIPPED, MISSING, FAILED = (
    "added", "updated", "unchanged", "skipped", "missing", "failed",
)  # fmt: skip

SOURCE_FIELDS = ("date", "url", "validator")  # besides metrics and verification, the source's
# What a file record and the stored item it matches are compared on (kind and URL, or kind,
# title and date, are how they match; verification is not the file's to prove).
FILE_FIELDS = ("title", "date", "validator", "skills", "metrics")


class StoredItem(Protocol):
    """What the plan reads of a stored evidence item."""

    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def validator(self) -> str | None: ...
    @property
    def skills(self) -> list[str] | None: ...
    @property
    def metrics(self) -> dict[str, Any] | None: ...
    @property
    def verification(self) -> str: ...


@dataclass(frozen=True)
class UpsertPlan:
    action: str  # ADDED, UPDATED, UNCHANGED or SKIPPED
    values: dict[str, Any] = field(default_factory=dict)  # the new item, or the columns to set
    changes: list[str] = field(default_factory=list)  # UPDATED: what moved, as shown
    reason: str = ""  # SKIPPED: why


def show(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value).lower()
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def plan_upsert(
    record: EvidenceInput,
    source_key: str,
    item: StoredItem | None,
    *,
    adopted: bool = False,
) -> UpsertPlan:
    """`item` is the stored match (by source key, or a hand-made item `adopted` by its URL)."""
    if item is None:
        return UpsertPlan(ADDED, _new_values(record, source_key))
    if item.verification == "api" and record.verification != "api":
        return UpsertPlan(SKIPPED, reason="already verified through the source's API")
    changes: list[str] = []
    values: dict[str, Any] = {}
    metrics = _merged_metrics(item, record, changes)
    for name in SOURCE_FIELDS:
        new = getattr(record, name)
        if new is not None and getattr(item, name) != new:
            changes.append(f"{name} {getattr(item, name) or '-'} → {new}")
            values[name] = new
    if item.verification != record.verification:
        changes.append(f"verification {item.verification} → {record.verification}")
        values["verification"] = record.verification
    if adopted:
        changes.insert(0, "matched your item by its URL")
        values["source_key"] = source_key
    if not changes:
        return UpsertPlan(UNCHANGED)
    return UpsertPlan(UPDATED, {**values, "metrics": metrics}, changes)


def plan_record(
    record: EvidenceInput, item: StoredItem | None, *, same_file: bool = False
) -> UpsertPlan:
    """A record of an import file: ADDED when no stored item matches it; else UNCHANGED, the
    stored item kept as it is, with `changes` naming the fields the file has otherwise.
    `same_file`: the match was added from an earlier record of this file; a record that differs
    from it is another item of the ledger the file came from (two gigs for one client's site),
    so it is ADDED too, while a repeat as it is stays one."""
    if item is None:
        return UpsertPlan(ADDED)
    empty: dict[str, Any] = {"skills": [], "metrics": {}}
    differ = [
        name
        for name in FILE_FIELDS
        if (getattr(item, name) or empty.get(name)) != (getattr(record, name) or empty.get(name))
    ]
    if same_file and differ:
        return UpsertPlan(ADDED, changes=differ)
    return UpsertPlan(UNCHANGED, changes=differ)


def _new_values(record: EvidenceInput, source_key: str) -> dict[str, Any]:
    """A new item: the learner's skills start empty (the source never sets them)."""
    return {
        "kind": record.kind,
        "title": record.title,
        "date": record.date,
        "url": record.url,
        "validator": record.validator,
        "skills": [],
        "metrics": record.metrics,
        "verification": record.verification,
        "source_key": source_key,
    }


def _merged_metrics(item: StoredItem, record: EvidenceInput, changes: list[str]) -> dict[str, Any]:
    """The stored metrics with the source's values over them (the learner's own stay); each
    moved value is noted in `changes`."""
    metrics = dict(item.metrics or {})
    for key, value in record.metrics.items():
        if metrics.get(key) != value:
            old = show(metrics.get(key)) if key in metrics else "-"
            changes.append(f"{key} {old} → {show(value)}")
            metrics[key] = value
    check_metric_consistency(item.kind, metrics)
    return metrics
