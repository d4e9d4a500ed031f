"""One plain sentence per evidence item, built from its own metrics (pure, no I/O).

The same words appear on the portfolio, the résumé and in the pitch, so an employer hears the
claim the way the data says it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hireable.core.credibility import kaggle_medal

Metrics = Mapping[str, Any]


def compact(value: Any) -> str:
    """140000 → 140k, 1250000 → 1.2M, 950 → 950: how a reader says a magnitude."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    for limit, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(value) >= limit:
            shown = f"{value / limit:.1f}".removesuffix(".0")
            return f"{shown}{suffix}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _plural(value: Any, noun: str) -> str:
    return f"{compact(value)} {noun}{'' if value == 1 else 's'}"


def _open_source(m: Metrics) -> list[str]:
    repo = m.get("repo") or "an open-source project"
    if m.get("merged") is False:
        head = f"Contribution to {repo}"
    elif m.get("merged_by") and m.get("merged_by") != m.get("author"):
        merger = str(m["merged_by"])
        head = f"Merged by {merger if ' ' in merger else '@' + merger} into {repo}"
    else:
        head = f"Merged into {repo}"
    parts = [head]
    if isinstance(m.get("stars"), int):
        parts.append(_plural(m["stars"], "star"))
    if isinstance(m.get("additions"), int) and isinstance(m.get("deletions"), int):
        parts.append(f"+{m['additions']:,}/−{m['deletions']:,} lines")
    return parts


def _competition(m: Metrics) -> list[str]:
    rank, teams = m.get("rank"), m.get("teams")
    platform = str(m.get("platform") or "a competition").replace("kaggle", "Kaggle")
    if not isinstance(rank, int) or not isinstance(teams, int) or teams <= 0:
        return [f"Entered on {platform}"]
    parts = [f"Ranked {rank:,} of {teams:,} teams on {platform}"]
    medal = kaggle_medal(rank, teams) if m.get("platform") == "kaggle" else None
    percent = 100 * rank / teams
    parts.append(f"{medal} medal" if medal else f"top {max(1, round(percent))}%")
    return parts


def _publication(m: Metrics) -> list[str]:
    venue = m.get("venue")
    if m.get("peer_reviewed"):
        parts = [f"Peer-reviewed paper in {venue}" if venue else "Peer-reviewed paper"]
    else:
        parts = [f"Preprint on {venue}" if venue else "Preprint"]
    if m.get("first_author"):
        parts.append("first author")
    if isinstance(m.get("citations"), int):
        parts.append(_plural(m["citations"], "citation"))
    return parts


def _benchmark(m: Metrics) -> list[str]:
    name = m.get("benchmark") or "a benchmark"
    head = f"Scored {m['score']} {m.get('metric') or ''}".rstrip() if "score" in m else "Result"
    parts = [f"{head} on {name}"]
    if "previous_best" in m:
        parts.append(f"previous best {m['previous_best']}")
    return parts


def _paid(m: Metrics) -> list[str]:
    parts = [f"Paid ML work for {m['client']}" if m.get("client") else "Paid ML work"]
    if m.get("months"):
        parts.append(_plural(m["months"], "month"))
    return parts


def _product(m: Metrics) -> list[str]:
    labels = (
        ("weekly_users", "weekly user"),
        ("downloads", "download"),
        ("stars", "star"),
        ("likes", "like"),
    )
    parts = [_plural(m[k], noun) for k, noun in labels if isinstance(m.get(k), int)]
    return ["Used by others: " + ", ".join(parts)] if parts else ["Built and shipped"]


def _content(m: Metrics) -> list[str]:
    audience = m.get("audience")
    return [f"Reached an audience of {compact(audience)}"] if audience else ["Published content"]


def _testimonial(m: Metrics) -> list[str]:
    who = m.get("from") or "a named professional"
    role = ", ".join(str(m[k]) for k in ("role", "company") if m.get(k))
    return [f"Vouched for by {who}" + (f" ({role})" if role else "")]


def _project(m: Metrics) -> list[str]:
    parts = ["Personal project"]
    if isinstance(m.get("stars"), int):
        parts.append(_plural(m["stars"], "star"))
    if isinstance(m.get("team_size"), int) and m["team_size"] > 1:
        parts.append(f"team of {m['team_size']}")
    return parts


def _learning(m: Metrics) -> list[str]:
    return [f"Course by {m['issuer']}" if m.get("issuer") else "Course"]


# How each kind's sentence is built: kind → metrics → clauses (the first one leads).
SENTENCES: dict[str, Callable[[Metrics], list[str]]] = {
    "open-source": _open_source,
    "competition": _competition,
    "publication": _publication,
    "benchmark": _benchmark,
    "paid-work": _paid,
    "job": _paid,
    "product": _product,
    "content": _content,
    "testimonial": _testimonial,
    "project": _project,
    "certificate": _learning,
    "course": _learning,
}


def describe(kind: str, metrics: Metrics, validator: str | None = None) -> str:
    """'Merged by @lysandre into huggingface/transformers, 140k stars.'"""
    clauses = SENTENCES.get(kind, _project)(metrics)
    if validator and kind in ("paid-work", "job", "product", "content", "benchmark"):
        clauses.append(f"validated by {validator}")
    return ", ".join(clauses) + "."
