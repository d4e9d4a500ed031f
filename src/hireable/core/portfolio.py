"""What the portfolio shows (DESIGN 1.6), as data: which items, in what order, how each was
verified, and the machine-readable `portfolio.json` document (pure, no I/O)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hireable.core.credibility import CLASS_RANK
from hireable.core.summary import describe

FORMAT = "hireable-portfolio/1"

# Classes shown, strongest first; "none" (certificates, courses, toy projects) never is.
SHOWN_CLASSES = ("primary", "secondary", "talent")
SECTION_TITLES = {
    "primary": "Degree-equivalent evidence",
    "secondary": "Degree-equivalent evidence",
    "talent": "Demos and talent",
}
# Which service's API checked an item, by the first part of its source key.
SOURCE_NAMES: dict[str, str] = {
    "github": "GitHub",
    "hf": "Hugging Face",
    "kaggle": "Kaggle",
    "paper:doi": "OpenAlex",
    "paper:arxiv": "arXiv",
    "openalex": "OpenAlex",
    "s2": "Semantic Scholar",
}
VERIFICATION_MARKS = {"link": "Link given", "self": "Self-reported"}


def source_name(source_key: str) -> str:
    prefix = source_key.split(":", 1)[0]
    two = ":".join(source_key.split(":", 2)[:2])
    return SOURCE_NAMES.get(two) or SOURCE_NAMES.get(prefix) or prefix


@dataclass(frozen=True)
class Person:
    name: str
    target_stage: str
    headline: str
    email: str | None = None
    website: str | None = None
    location: str | None = None
    github: str | None = None
    huggingface: str | None = None


@dataclass(frozen=True)
class ItemRecord:
    """One stored evidence item with its assessment, as the portfolio needs it."""

    id: int
    kind: str
    title: str
    url: str | None
    date: str | None
    evidence_class: str
    credibility: int
    verification: str
    skills: list[str]
    metrics: dict[str, Any]
    validator: str | None = None
    source_key: str | None = None
    provenance: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Shown:
    record: ItemRecord
    summary: str
    mark: str


@dataclass
class Portfolio:
    person: Person
    generated_at: str
    items: list[Shown] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[Shown]]]:
        out: list[tuple[str, list[Shown]]] = []
        for shown in self.items:
            title = SECTION_TITLES[shown.record.evidence_class]
            if out and out[-1][0] == title:
                out[-1][1].append(shown)
            else:
                out.append((title, [shown]))
        return out


def is_api(record: ItemRecord) -> bool:
    return record.verification == "api" and bool(record.source_key) and bool(record.provenance)


def mark(record: ItemRecord) -> str:
    if is_api(record):
        when = str((record.provenance or {}).get("fetched_at") or "")[:10]
        return f"Verified via the {source_name(record.source_key or '')} API on {when}"
    return VERIFICATION_MARKS.get(record.verification, VERIFICATION_MARKS["self"])


def select(records: Sequence[ItemRecord], *, include_self: bool) -> list[ItemRecord]:
    """Degree-equivalents first (primary, then secondary), then talent; strongest first within
    a class. Self-reported items only when asked for."""
    kept = [
        r
        for r in records
        if r.evidence_class in SHOWN_CLASSES and (include_self or r.verification != "self")
    ]
    return sorted(kept, key=lambda r: (CLASS_RANK[r.evidence_class], -r.credibility, r.id))


def shown_items(records: Sequence[ItemRecord], *, include_self: bool) -> list[Shown]:
    """The items the portfolio shows, in its order, each with its summary and mark."""
    return [
        Shown(r, describe(r.kind, r.metrics, r.validator), mark(r))
        for r in select(records, include_self=include_self)
    ]


def build(
    person: Person, records: Sequence[ItemRecord], *, generated_at: str, include_self: bool
) -> Portfolio:
    return Portfolio(person, generated_at, shown_items(records, include_self=include_self))


def _item_json(shown: Shown) -> dict[str, Any]:
    r = shown.record
    data: dict[str, Any] = {
        "id": r.id,
        "kind": r.kind,
        "title": r.title,
        "url": r.url,
        "date": r.date,
        "class": r.evidence_class,
        "credibility": r.credibility,
        "verification": r.verification,
        "verification_note": shown.mark,
        "summary": shown.summary,
        "skills": list(r.skills),
    }
    if is_api(r):
        prov = r.provenance or {}
        data["source"] = {
            "key": r.source_key,
            "api": prov.get("source_url"),
            "fetched_at": prov.get("fetched_at"),
            "signals": dict(r.metrics),
        }
    return data


def document(portfolio: Portfolio) -> dict[str, Any]:
    """The `portfolio.json` document (README: "portfolio.json")."""
    p = portfolio.person
    return {
        "format": FORMAT,
        "generated_at": portfolio.generated_at,
        "person": {
            "name": p.name,
            "headline": p.headline,
            "target_stage": p.target_stage,
            "email": p.email,
            "website": p.website,
            "location": p.location,
            "github": p.github,
            "huggingface": p.huggingface,
        },
        "items": [_item_json(s) for s in portfolio.items],
    }
