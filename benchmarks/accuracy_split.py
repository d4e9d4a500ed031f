"""The fixed tune/check split of the second labelled set (labels2.jsonl) and of our later sets
(`LATER_SETS`), stratified by source.

Rules are written from the tune half only; the check half is read once, at the end, to say
whether they generalise. The split is a pure function of the ids: within each source, postings
are ordered by the SHA-1 of their id and alternate tune, check, tune, ... so each half holds
about half of every source, and no posting changes half when others are added. Our HN set is
cut by company instead (`comment_group`): its companies repost the same comment month after
month.
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
    ("held-out-5", _DATA / "extra_labels5.jsonl"),
    ("held-out-6", _DATA / "extra_labels6.jsonl"),
)
# Our label sets on third-party "Who is hiring?" pages (texts outside the repository:
# hn_pages.py): comments of 2019-20, then two sets of 2017-18 from companies none before holds.
HN_SETS = (
    ("held-out-hn", _DATA / "hn_labels.jsonl"),
    ("held-out-hn2", _DATA / "hn_labels2.jsonl"),
    ("held-out-hn3", _DATA / "hn_labels3.jsonl"),
)


def _key(ident: str) -> str:
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()


def split(
    labels: Iterable[dict[str, Any]],
    sources: dict[str, str],
    groups: dict[str, str] | None = None,
) -> dict[str, str]:
    """id -> "tune" | "check" for every label; `sources` maps id -> its corpus `source`.

    `groups` (id -> group key) keeps postings of one group in one half: a company that posts
    the same comment every month would otherwise be tuned on in one half and measured in the
    other. Without it every posting is its own group."""
    by_source: dict[str, dict[str, list[str]]] = {}
    source_of: dict[str, str] = {}  # a group is cut with the source of its first posting
    for row in labels:
        ident = str(row["id"])
        group = groups.get(ident, ident) if groups else ident
        source = source_of.setdefault(group, sources.get(ident, ""))
        by_source.setdefault(source, {}).setdefault(group, []).append(ident)
    half: dict[str, str] = {}
    for by_group in by_source.values():
        for i, group in enumerate(sorted(by_group, key=_key)):
            for ident in by_group[group]:
                half[ident] = HALVES[i % 2]
    return half


def comment_group(title: str) -> str:
    """The group of an HN comment: its header's first field (usually the company), folded."""
    first = title.split("|", 1)[0]
    return " ".join("".join(c if c.isalnum() else " " for c in first.casefold()).split())[:40]
