"""The method's half-page résumé (DESIGN 1.5) as markdown and as HTML for the PDF: contact, the
best one to three evidence items with their links, work, skills; certificates last, if at all."""

from __future__ import annotations

from typing import Any

from hireable.core.contact import contact_links
from hireable.core.resume import HALF_PAGE_SKILLS, Resume
from hireable.exporters.render import render, stylesheet


def context(resume: Resume) -> dict[str, Any]:
    p = resume.person
    links = contact_links(
        email=p.email, website=p.website, github=p.github, huggingface=p.huggingface
    )
    best = resume.best()
    shown = {e.record.id for e in best}
    work = [e for e in resume.sections.get("work", []) if e.record.id not in shown]
    certificates = [e.record.title for e in resume.sections.get("certificates", [])][:3]
    # Only skills the listed items show: a skill with nothing showing it is a lint finding.
    listed = {s for e in best + work[:2] for s in e.record.skills}
    skills = [s for s in resume.skills if s in listed][:HALF_PAGE_SKILLS]
    return {
        "person": p,
        "links": links,
        "contact": ([p.location] if p.location else []) + [label for label, _ in links],
        "best": best,
        "work": work[:2],
        "skills": skills,
        "certificates": certificates,
    }


def markdown(resume: Resume) -> str:
    text = render("resume.md.j2", **context(resume))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"


def html(resume: Resume) -> str:
    return render("resume.html.j2", css=stylesheet(), **context(resume))
