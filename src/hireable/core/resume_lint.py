"""The résumé rules (DESIGN 1.5) as one table, checked on a markdown résumé or a JSON Resume
(pure, no I/O). Each finding names its fix."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hireable.core.resume_import import EXTENSION

HALF_PAGE_WORDS = 250  # about half a page of a résumé at a readable size
HALF_PAGE_LINES = 35
BUZZWORDS = re.compile(
    r"\b(ml enthusiast|ai enthusiast|passionate|guru|ninja|rock ?star|wizard|"
    r"results-driven|synergy)\b",
    re.I,
)
EVIDENCE_SECTIONS = ("evidence", "experience", "work", "projects", "publications", "awards")
CERTIFICATE_SECTIONS = ("certificates", "certifications", "courses")
URL = re.compile(r"https?://\S+")


@dataclass
class ResumeDoc:
    """What the rules read, from either format."""

    text: str
    contact: bool
    sections: list[str]  # section names in order, lower case
    evidence: list[tuple[str, str | None]]  # (entry text, its link) in order
    skills: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rule:
    id: str
    finds: Callable[[ResumeDoc], str | None]  # the problem in words, or None
    fix: str
    rationale: str


def _too_long(doc: ResumeDoc) -> str | None:
    words = len(doc.text.split())
    lines = len([line for line in doc.text.splitlines() if line.strip()])
    if words > HALF_PAGE_WORDS or lines > HALF_PAGE_LINES:
        return f"longer than half a page ({words} words, {lines} lines)"
    return None


def _no_contact(doc: ResumeDoc) -> str | None:
    return None if doc.contact else "no contact: no email, website or profile link"


def _best_unlinked(doc: ResumeDoc) -> str | None:
    if not doc.evidence:
        return "no evidence items at all"
    text, link = doc.evidence[0]
    return None if link else f"the best evidence has no link: {text[:60]}"


def _buzzwords(doc: ResumeDoc) -> str | None:
    found = sorted({m.group(0).lower() for m in BUZZWORDS.finditer(doc.text)})
    return f"buzzwords: {', '.join(found)}" if found else None


def _certificates_first(doc: ResumeDoc) -> str | None:
    certs = [i for i, s in enumerate(doc.sections) if s in CERTIFICATE_SECTIONS]
    work = [i for i, s in enumerate(doc.sections) if s in EVIDENCE_SECTIONS]
    if certs and (not work or certs[0] < work[0]):
        return "certificates come before the evidence"
    return None


def _unshown_skills(doc: ResumeDoc) -> str | None:
    shown = " ".join(text for text, _ in doc.evidence).lower()
    bare = [s for s in doc.skills if s.lower() not in shown]
    return f"skills nothing shows: {', '.join(bare)}" if bare else None


RULES: tuple[Rule, ...] = (
    Rule("too-long", _too_long, "cut to contact, your best one to three items and your jobs",
         "Half a page, never more than one: a screener reads it in seconds."),
    Rule("no-contact", _no_contact, "add one: `hireable profile set --email ADDRESS`",
         "A résumé nobody can answer is wasted."),
    Rule("best-unlinked", _best_unlinked,
         "add its proof: `hireable evidence edit ID --url URL` (or `evidence add --url`)",
         "The best item is the one an employer checks first."),
    Rule("buzzwords", _buzzwords, "say what you built and who used, merged or paid for it",
         "'ML enthusiast' and 'passionate' claim what evidence should show."),
    Rule("certificates-first", _certificates_first,
         "move certificates last (or drop them): evidence first",
         "Certificates are learning, not evidence; leading with them signals no evidence."),
    Rule("unshown-skills", _unshown_skills,
         "drop them, or name them on the evidence that shows them",
         "A skill with nothing showing it is a claim an interviewer will test."),
)  # fmt: skip


def lint(doc: ResumeDoc) -> list[tuple[Rule, str]]:
    return [(rule, found) for rule in RULES if (found := rule.finds(doc))]


# -- reading the two formats ------------------------------------------------------------------

CONTACT = re.compile(r"[^@\s]+@[^@\s]+\.\w+|https?://|github\.com/|huggingface\.co/|\w+\.\w{2,}/?")


def from_markdown(text: str) -> ResumeDoc:
    sections: list[str] = []
    evidence: list[tuple[str, str | None]] = []
    skills: list[str] = []
    header: list[str] = []
    current = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip().lower()
            sections.append(current)
        elif current is None:
            header.append(line)
        elif current in EVIDENCE_SECTIONS and line.lstrip().startswith(("- ", "* ")):
            link = URL.search(line)
            evidence.append((line.strip()[2:], link.group(0) if link else None))
        elif current == "skills" and line.strip():
            skills += [s.strip() for s in line.split(",") if s.strip()]
    contact = bool(CONTACT.search("\n".join(header[1:])))
    return ResumeDoc(text, contact, sections, evidence, skills)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):  # hireable's own x-hireable data is no résumé text
        return [s for k, v in value.items() if k != EXTENSION for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def from_json_resume(data: dict[str, Any]) -> ResumeDoc:
    raw = data.get("basics")
    basics: dict[str, Any] = raw if isinstance(raw, dict) else {}
    contact = bool(basics.get("email") or basics.get("url") or basics.get("profiles"))
    sections = [k.lower() for k in data if isinstance(data[k], list)]
    evidence = [
        (" ".join(_strings(entry)), entry.get("url"))
        for key in data
        if key in ("work", "projects", "publications", "awards")
        for entry in data[key]
        if isinstance(entry, dict)
    ]
    skills = [str(s.get("name")) for s in data.get("skills") or [] if isinstance(s, dict)]
    text = "\n".join(
        s for k, v in data.items() if k not in ("meta", "$schema") for s in _strings(v)
    )
    return ResumeDoc(text, contact, sections, evidence, [s for s in skills if s != "None"])
