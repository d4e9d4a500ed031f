"""The résumé as data (DESIGN 1.5): which evidence goes in which section, best first (pure).

Every format writer (JSON Resume, RenderCV, markdown, PDF) reads this one structure, so the
formats cannot disagree about what the learner claims.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hireable.core.credibility import CLASS_RANK
from hireable.core.portfolio import ItemRecord, Person, mark
from hireable.core.summary import describe

# Evidence kind → résumé section. Certificates and courses go last, apart from the evidence.
SECTIONS: dict[str, str] = {
    "job": "work",
    "paid-work": "work",
    "open-source": "projects",
    "product": "projects",
    "project": "projects",
    "benchmark": "projects",
    "content": "projects",
    "publication": "publications",
    "competition": "awards",
    "testimonial": "references",
    "certificate": "certificates",
    "course": "certificates",
}
VERIFICATION_ORDER = {"api": 0, "link": 1, "self": 2}  # skills shown by verified work come first
HALF_PAGE_ITEMS = 3  # the half-page résumé names at most this many evidence items
HALF_PAGE_SKILLS = 8


@dataclass(frozen=True)
class Entry:
    record: ItemRecord
    summary: str
    mark: str

    @property
    def client(self) -> str | None:
        value = self.record.metrics.get("client") or self.record.validator
        return str(value) if value else None


@dataclass
class Resume:
    person: Person
    sections: dict[str, list[Entry]] = field(default_factory=dict)
    skills: list[str] = field(default_factory=list)

    def best(self, limit: int = HALF_PAGE_ITEMS) -> list[Entry]:
        """The strongest evidence (never a certificate, never class none)."""
        pool = [
            e
            for name, entries in self.sections.items()
            if name != "certificates"
            for e in entries
            if e.record.evidence_class != "none"
        ]
        return sorted(pool, key=_strength)[:limit]


def _strength(e: Entry) -> tuple[int, int, int]:
    return (CLASS_RANK[e.record.evidence_class], -e.record.credibility, e.record.id)


def skills_shown(records: Sequence[ItemRecord]) -> list[str]:
    """Skills from evidence, those shown by verified items first (DESIGN 1.2)."""
    ranked = sorted(
        (r for r in records if r.evidence_class != "none"),
        key=lambda r: (VERIFICATION_ORDER.get(r.verification, 2), CLASS_RANK[r.evidence_class]),
    )
    out: list[str] = []
    for r in ranked:
        out += [s for s in r.skills if s not in out]
    return out


def build_resume(person: Person, records: Sequence[ItemRecord]) -> Resume:
    resume = Resume(person, skills=skills_shown(records))
    entries = [Entry(r, describe(r.kind, r.metrics, r.validator), mark(r)) for r in records]
    for entry in sorted(entries, key=_strength):
        section = SECTIONS.get(entry.record.kind, "projects")
        if entry.record.evidence_class == "none" and section != "certificates":
            continue  # toy projects and unvalidated work are no résumé line
        resume.sections.setdefault(section, []).append(entry)
    return resume
