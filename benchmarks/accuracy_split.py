"""The fixed tune/check split of the second labelled set (labels2.jsonl) and of our later sets
(`LATER_SETS`), stratified by source.

Rules are written from the tune half only; the check half is read once, at the end, to say
whether they generalise. The split is a pure function of the ids: within each source, postings
are ordered by the SHA-1 of their id and alternate tune, check, tune, ... so each half holds
about half of every source, and no posting changes half when others are added.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HALVES = ("tune", "check")
_DATA = Path(__file__).resolve().parent / "data"
# Our later label sets on corpus.jsonl, each cut into halves the same way.
LATER_SETS = (
    ("held-out-2", _DATA / "extra_labels2.jsonl"),
    ("held-out-3", _DATA / "extra_labels3.jsonl"),
    ("held-out-4", _DATA / "extra_labels4.jsonl"),
)


def _key(ident: str) -> str:
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()


def split(labels: Iterable[dict[str, Any]], sources: dict[str, str]) -> dict[str, str]:
    """id -> "tune" | "check" for every label; `sources` maps id -> its corpus `source`."""
    by_source: dict[str, list[str]] = {}
    for row in labels:
        ident = str(row["id"])
        by_source.setdefault(sources.get(ident, ""), []).append(ident)
    half: dict[str, str] = {}
    for ids in by_source.values():
        for i, ident in enumerate(sorted(ids, key=_key)):
            half[ident] = HALVES[i % 2]
    return half
