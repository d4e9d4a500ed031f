"""Checking one portfolio claim against what its source says now (pure, no I/O).

Each signal has a rule: an identity (who merged, which rank) must match exactly or the claim is
contradicted; a magnitude (stars, downloads) may move, but a claim far above the source is
contradicted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

CONFIRMED, MOVED, CONTRADICTED, UNREACHABLE = "confirmed", "moved", "contradicted", "unreachable"
SEVERITY = {CONFIRMED: 0, MOVED: 1, UNREACHABLE: 2, CONTRADICTED: 3}
# A claimed magnitude this far above the source's is not drift but an overstatement.
INFLATION = 1.25
INFLATION_SLACK = 10  # small counts (3 likes vs 2) move by more than a quarter honestly
INFERRED_MERGER = "a maintainer"  # what an import without merge details records (github.py)


@dataclass
class Check:
    status: str
    notes: list[str] = field(default_factory=list)


Rule = Callable[[str, Any, Any], tuple[str, str]]


def _exact(key: str, claimed: Any, fresh: Any) -> tuple[str, str]:
    same = str(claimed).casefold() == str(fresh).casefold()
    return (CONFIRMED, "") if same else (CONTRADICTED, f"{key} {claimed} ≠ {fresh} at the source")


def _magnitude(key: str, claimed: Any, fresh: Any) -> tuple[str, str]:
    if not isinstance(claimed, int | float) or not isinstance(fresh, int | float):
        return _exact(key, claimed, fresh)
    if claimed == fresh:
        return CONFIRMED, ""
    if claimed > fresh * INFLATION and claimed - fresh > INFLATION_SLACK:
        return CONTRADICTED, f"claims {key} {claimed:,}, the source shows {fresh:,}"
    return MOVED, f"{key} {claimed:,} → {fresh:,}"


def _drifts(key: str, claimed: Any, fresh: Any) -> tuple[str, str]:
    """A rolling figure (30-day downloads) goes up and down: it can only move."""
    return (CONFIRMED, "") if claimed == fresh else (MOVED, f"{key} {claimed} → {fresh}")


def _claimed_true(key: str, claimed: Any, fresh: Any) -> tuple[str, str]:
    """A flag the claim may only understate (peer review arrives later, never leaves)."""
    if claimed == fresh:
        return CONFIRMED, ""
    if claimed is True:
        return CONTRADICTED, f"claims {key}, the source says not"
    return MOVED, f"{key} {claimed} → {fresh}"


def _merger(key: str, claimed: Any, fresh: Any) -> tuple[str, str]:
    """An import may only know 'a maintainer' merged it; any real login then confirms it."""
    if claimed == INFERRED_MERGER or fresh == INFERRED_MERGER:
        return CONFIRMED, ""
    return _exact(key, claimed, fresh)


# Signal → how it is compared. Signals not listed are the learner's own (weekly users).
RULES: dict[str, tuple[Rule, str]] = {
    "repo": (_exact, "the project the work went into"),
    "merged": (_exact, "merged or not is the whole claim"),
    "author": (_exact, "whose work it is"),
    "merged_by": (_merger, "who validated it"),
    "rank": (_exact, "a final leaderboard does not change"),
    "teams": (_exact, "the field of a finished competition is fixed"),
    "platform": (_exact, "where it was ranked"),
    "stars": (_magnitude, "stars grow and shrink a little"),
    "forks": (_magnitude, "as stars"),
    "likes": (_magnitude, "as stars"),
    "downloads": (_magnitude, "all-time downloads only grow"),
    "downloads_30d": (_drifts, "a rolling window"),
    "citations": (_magnitude, "citations grow"),
    "additions": (_magnitude, "GitHub recounts diffs now and then"),
    "deletions": (_magnitude, "as additions"),
    "peer_reviewed": (_claimed_true, "a preprint can be published later"),
    "first_author": (_claimed_true, "author order is fixed"),
    "venue": (_drifts, "a preprint moves to its venue"),
}
# Item fields compared as identities: the proof link and the date must be the source's.
FIELDS = ("url", "date")


def compare(claim: Mapping[str, Any], fresh: Mapping[str, Any]) -> Check:
    """`claim`: the item of portfolio.json; `fresh`: {"url", "date", "metrics"} as fetched now."""
    check = Check(CONFIRMED)

    def note(status: str, text: str) -> None:
        if SEVERITY[status] > SEVERITY[check.status]:
            check.status = status
        if text:
            check.notes.append(text)

    for name in FIELDS:
        if claim.get(name) and fresh.get(name) and claim[name] != fresh[name]:
            note(CONTRADICTED, f"{name} {claim[name]} ≠ {fresh[name]} at the source")
    signals = (claim.get("source") or {}).get("signals") or {}
    now = fresh.get("metrics") or {}
    for key, claimed in signals.items():
        if key not in RULES:
            continue
        if key not in now:
            note(CONFIRMED, f"{key} not reported by the source now, so not checked")
            continue
        note(*RULES[key][0](key, claimed, now[key]))
    return check
