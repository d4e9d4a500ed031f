"""Credibility of one evidence item (DESIGN 1.2): class, resource traded, and a 0–100 score that
is a sum of named factors, so every number can be explained in a sentence.

All weights and thresholds live in the tables below, each with its rationale.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from hireable.core.evidence import date_of
from hireable.core.words import plural

CLASSES = ("primary", "secondary", "talent", "none")
CLASS_RANK = {c: i for i, c in enumerate(CLASSES)}

# Points for the scarce resource a third party traded for the work.
RESOURCE_POINTS: dict[str, tuple[int, str]] = {
    "money": (35, "someone risked money on your work"),
    "brand": (30, "an institution put its name on your work"),
    "time": (30, "a professional spent time reviewing or mentoring your work"),
    "attention": (20, "many people chose to look at or use your work"),
    "none": (0, "nobody traded anything scarce for it yet"),
}

# How the item can be checked by an employer.
VERIFICATION_POINTS: dict[str, tuple[int, str]] = {
    "api": (20, "fetched from its source, so the numbers are verified"),
    "link": (10, "a public link lets anyone check it"),
    "self": (0, "only your word: add a public link"),
}

# (max age in months, points): recent evidence says more about you today.
RECENCY_POINTS: tuple[tuple[int, int], ...] = ((12, 10), (24, 5))
VALIDATOR_POINTS = 5  # a named validator (maintainer, client, venue) can be asked

# Thresholds as (minimum, points, words), checked from the top.
STAR_TIERS = (
    (50_000, 25, "a top project"),
    (10_000, 20, "a major project"),
    (1_000, 15, "a popular project"),
    (100, 8, "a small project"),
)
MAINTAINER_MERGE_POINTS = 10  # merged by someone other than the author: the validation itself
MEDAL_POINTS = {"gold": 30, "silver": 25, "bronze": 20}
PERCENTILE_TIERS = ((10, 15, "top 10%"), (25, 10, "top 25%"), (50, 5, "top half"))
CITATION_TIERS = ((50, 10, "50+ citations"), (10, 5, "10+ citations"))
PEER_REVIEW_POINTS = 20
PREPRINT_POINTS = 5
FIRST_AUTHOR_POINTS = 5
BENCHMARK_BEATEN_POINTS = 25
AMOUNT_TIERS = ((10_000, 15, "10k+ paid"), (1_000, 10, "1k+ paid"), (1, 5, "paid"))
LONG_ENGAGEMENT = (6, 5)  # months, points: a client kept paying
USERS_TIERS = (
    (1_000, 25, "1,000+ weekly users"),
    (100, 20, "100+ weekly users"),
    (10, 5, "a few weekly users"),
)
DOWNLOAD_TIERS = ((10_000, 20, "10k+ downloads"), (1_000, 10, "1k+ downloads"))
AUDIENCE_TIERS = (
    (50_000, 25, "50k+ audience"),
    (10_000, 20, "10k+ audience"),
    (1_000, 10, "1k+ audience"),
)
TESTIMONIAL_POINTS = (15, 5)  # with role and company / name only

# Negative signals (DESIGN 1.2).
TOY_PENALTY = -25
LEARNING_PENALTY = -20
UNCLEAR_SHARE_PENALTY = -10
SELF_MERGE_NOTE = "merged by its author: nobody else validated it"
TOY_DATASETS = re.compile(
    r"\b(mnist|titanic|iris|cats?\s*(?:vs\.?|versus|and|&)\s*dogs?|boston housing)\b", re.I
)

# Class thresholds.
PRIMARY_MIN_STARS = 1_000  # "a popular ML open-source project"
PRIMARY_MAX_PERCENTILE = 10.0
SECONDARY_MIN = {"weekly_users": 100, "stars": 100, "downloads": 1_000, "audience": 10_000}


class EvidenceLike(Protocol):
    kind: str
    title: str
    date: str | None
    url: str | None
    validator: str | None
    metrics: dict[str, Any]
    verification: str


@dataclass(frozen=True)
class Factor:
    name: str
    points: int
    reason: str

    def line(self) -> str:
        return f"{self.points:+4d}  {self.name}: {self.reason}"


@dataclass
class Assessment:
    evidence_class: str
    resource: str
    verification: str
    credibility: int
    factors: list[Factor] = field(default_factory=list)
    signals: list[str] = field(default_factory=list)  # negative signals found


def kaggle_medal(rank: int, teams: int) -> str | None:
    """Kaggle's competition medal thresholds, which scale with the number of teams."""
    if teams < 100:
        cuts = {"gold": teams * 0.10, "silver": teams * 0.20, "bronze": teams * 0.40}
    elif teams < 250:
        cuts = {"gold": 10, "silver": teams * 0.20, "bronze": teams * 0.40}
    elif teams < 1000:
        cuts = {"gold": 10 + teams * 0.002, "silver": 50, "bronze": 100}
    else:
        cuts = {"gold": 10 + teams * 0.002, "silver": teams * 0.05, "bronze": teams * 0.10}
    for medal in ("gold", "silver", "bronze"):
        if rank <= cuts[medal]:
            return medal
    return None


def _tier(value: Any, tiers: tuple[tuple[int, int, str], ...]) -> tuple[int, str] | None:
    if not isinstance(value, int | float):
        return None
    for minimum, points, words in tiers:
        if value >= minimum:
            return points, words
    return None


def _num(metrics: dict[str, Any], key: str) -> float:
    value = metrics.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _self_merged(m: dict[str, Any]) -> bool:
    by = str(m.get("merged_by", "")).strip().lower()
    return bool(by) and (by in {"self", "me", "myself"} or by == str(m.get("author", "")).lower())


def is_toy(title: str) -> bool:
    return bool(TOY_DATASETS.search(title))


def percentile(metrics: dict[str, Any]) -> float | None:
    rank, teams = metrics.get("rank"), metrics.get("teams")
    if isinstance(rank, int) and isinstance(teams, int) and teams > 0:
        return 100.0 * rank / teams
    return None


def classify(ev: EvidenceLike) -> tuple[str, str]:
    """(class, resource traded) for an item, by the rules of DESIGN 1.2."""
    m, kind = ev.metrics or {}, ev.kind
    if kind in ("certificate", "course"):
        return "none", "none"
    if is_toy(ev.title):
        return "none", "none"
    if kind == "open-source":
        merged = m.get("merged") is True or (
            bool(m.get("merged_by")) and m.get("merged") is not False
        )
        if not merged or _self_merged(m):
            return "talent", "none"
        if not m.get("merged_by"):
            return "secondary", "time"
        popular = _num(m, "stars") >= PRIMARY_MIN_STARS and m.get("ml_repo") is not False
        return ("primary" if popular else "secondary"), "time"
    if kind == "competition":
        pct = percentile(m)
        if pct is None:
            return "talent", "none"
        medal = kaggle_medal(m["rank"], m["teams"])
        return ("primary" if medal or pct <= PRIMARY_MAX_PERCENTILE else "talent"), "attention"
    if kind == "publication":
        if m.get("peer_reviewed") is True:
            return "primary", "brand"
        return "secondary", ("attention" if _num(m, "citations") > 0 else "none")
    if kind == "benchmark":
        return ("primary", "attention") if _beats_benchmark(m) else ("talent", "none")
    if kind in ("paid-work", "job"):
        return "secondary", "money"
    if kind in ("product", "content"):
        hits = [k for k, floor in SECONDARY_MIN.items() if _num(m, k) >= floor]
        any_signal = any(_num(m, k) > 0 for k in SECONDARY_MIN)
        return ("secondary" if hits else "talent"), ("attention" if any_signal else "none")
    if kind == "testimonial":
        return ("secondary", "time") if (m.get("from") or ev.validator) else ("talent", "none")
    return "talent", ("attention" if _num(m, "stars") > 0 else "none")  # project


def _beats_benchmark(m: dict[str, Any]) -> bool:
    score, best = m.get("score"), m.get("previous_best")
    if not isinstance(score, int | float) or not isinstance(best, int | float):
        return False
    return score > best if m.get("higher_is_better", True) else score < best


Metrics = dict[str, Any]
# One kind's validator-strength factors: (metrics, evidence class, validator) -> factors.
MagnitudeRule = Callable[[Metrics, str, "str | None"], list[Factor]]


def _factor(name: str, hit: tuple[int, str] | None, words: str | None = None) -> list[Factor]:
    """The factor for a tier `hit` (points, words), or none when no tier was reached."""
    return [Factor(name, hit[0], words or hit[1])] if hit else []


def _open_source(m: Metrics, evidence_class: str, _validator: str | None) -> list[Factor]:
    out = []
    if (hit := _tier(m.get("stars"), STAR_TIERS)) and evidence_class != "talent":
        out.append(Factor("validator strength", hit[0], f"{int(m['stars']):,} stars: {hit[1]}"))
    if evidence_class in ("primary", "secondary") and m.get("merged_by"):
        why = f"merged by {m['merged_by']}, not by you"
        out.append(Factor("maintainer merge", MAINTAINER_MERGE_POINTS, why))
    return out


def _competition(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
    if (pct := percentile(m)) is None:
        return []
    where = f"rank {m['rank']:,} of {m['teams']:,} teams"
    if medal := kaggle_medal(m["rank"], m["teams"]):
        why = f"{where}: a {medal} medal by Kaggle's thresholds"
        return [Factor("rank", MEDAL_POINTS[medal], why)]
    hit = _tier(100 - pct, tuple((100 - p, pts, w) for p, pts, w in PERCENTILE_TIERS))
    return _factor("rank", hit, f"{where}: {hit[1]}" if hit else None)


def _publication(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
    if m.get("peer_reviewed") is True:
        venue = f" at {m['venue']}" if m.get("venue") else ""
        out = [Factor("venue", PEER_REVIEW_POINTS, f"peer-reviewed{venue}")]
    else:
        out = [Factor("venue", PREPRINT_POINTS, "a preprint: weaker until peer-reviewed")]
    out += _factor("citations", _tier(m.get("citations"), CITATION_TIERS))
    if m.get("first_author") is True:
        out.append(Factor("first author", FIRST_AUTHOR_POINTS, "the work is mainly yours"))
    return out


def _benchmark(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
    if not _beats_benchmark(m):
        return []
    why = f"{m.get('score')} beats the previous best {m.get('previous_best')}"
    return [Factor("result", BENCHMARK_BEATEN_POINTS, why)]


def _paid(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
    out = _factor("amount", _tier(m.get("amount"), AMOUNT_TIERS))
    if _num(m, "months") >= LONG_ENGAGEMENT[0]:
        out.append(Factor("duration", LONG_ENGAGEMENT[1], f"{m['months']} months of paid work"))
    return out


def _users(product: bool) -> MagnitudeRule:
    """The best of users, stars and downloads; stars weigh more on a product than a project."""

    def rule(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
        hits = [
            h
            for h in (
                _tier(m.get("weekly_users"), USERS_TIERS),
                _tier(m.get("stars"), STAR_TIERS[1:] if product else ()),
                _tier(m.get("downloads"), DOWNLOAD_TIERS),
                _tier(m.get("stars"), ((100, 10, "100+ stars"),)),
            )
            if h
        ]
        return _factor("users", max(hits) if hits else None)

    return rule


def _content(m: Metrics, _class: str, _validator: str | None) -> list[Factor]:
    return _factor("audience", _tier(m.get("audience"), AUDIENCE_TIERS))


def _testimonial(m: Metrics, evidence_class: str, validator: str | None) -> list[Factor]:
    if evidence_class != "secondary":
        return []
    full = m.get("role") and m.get("company")
    who = f"{m.get('from') or validator}" + (f", {m['role']} at {m['company']}" if full else "")
    return [Factor("who vouches", TESTIMONIAL_POINTS[0 if full else 1], who)]


# Validator strength per kind: how big the crowd, venue or client was. Kinds not listed
# (certificates, courses) have no validator whose size could count.
MAGNITUDE: dict[str, MagnitudeRule] = {
    "open-source": _open_source,  # stars, and a merge by a maintainer
    "competition": _competition,  # a Kaggle medal, else the percentile
    "publication": _publication,  # peer review, citations, first authorship
    "benchmark": _benchmark,  # beating the previous best
    "paid-work": _paid,  # how much, and how long a client kept paying
    "job": _paid,
    "product": _users(product=True),  # weekly users, stars, downloads
    "project": _users(product=False),
    "content": _content,  # audience
    "testimonial": _testimonial,  # who vouches, with role and company
}


def _magnitude(ev: EvidenceLike, evidence_class: str) -> list[Factor]:
    """Validator strength: how big the crowd, venue or client was."""
    rule = MAGNITUDE.get(ev.kind)
    return rule(ev.metrics or {}, evidence_class, ev.validator) if rule else []


def _penalties(ev: EvidenceLike) -> tuple[list[Factor], list[str]]:
    m, out, signals = ev.metrics or {}, [], []
    if ev.kind in ("certificate", "course"):
        out.append(
            Factor(
                "learning, not evidence",
                LEARNING_PENALTY,
                "certificates and courses show study, not validated work",
            )
        )
        signals.append("certificate")
    if is_toy(ev.title):
        out.append(
            Factor(
                "toy dataset",
                TOY_PENALTY,
                "toy datasets (MNIST, Titanic, Iris, cats vs dogs) prove little",
            )
        )
        signals.append("toy dataset")
    if ev.kind == "project" and _num(m, "team_size") > 1 and "share" not in m:
        out.append(
            Factor(
                "unclear share", UNCLEAR_SHARE_PENALTY, "a group project without your share stated"
            )
        )
        signals.append("unclear group share")
    if ev.kind == "open-source" and _self_merged(m):
        signals.append("self-merged")
    return out, signals


def assess(ev: EvidenceLike, *, today: dt.date) -> Assessment:
    """Class, resource and credibility 0–100 with every factor that contributed."""
    evidence_class, resource = classify(ev)
    verification = ev.verification if ev.verification in VERIFICATION_POINTS else "self"
    points, why = RESOURCE_POINTS[resource]
    factors = [Factor(f"resource: {resource}", points, why)]
    factors += _magnitude(ev, evidence_class)
    if ev.validator and resource != "none":
        factors.append(Factor("named validator", VALIDATOR_POINTS, f"{ev.validator} can vouch"))
    points, why = VERIFICATION_POINTS[verification]
    factors.append(Factor(f"verification: {verification}", points, why))
    factors.append(_recency(ev.date, today))
    penalties, signals = _penalties(ev)
    factors += penalties
    if ev.kind == "open-source" and _self_merged(ev.metrics or {}):
        factors.append(Factor("self-merged", 0, SELF_MERGE_NOTE))
    total = max(0, min(100, sum(f.points for f in factors)))
    return Assessment(evidence_class, resource, verification, total, factors, signals)


def _recency(date: str | None, today: dt.date) -> Factor:
    when = date_of(date)
    if when is None:
        return Factor("recency", 0, "undated: add a date")
    age = months_between(when, today)
    for max_age, points in RECENCY_POINTS:
        if age <= max_age:
            return Factor("recency", points, f"{plural(age, 'month')} old")
    return Factor("recency", 0, f"{plural(age, 'month')} old: older work says less about you today")
