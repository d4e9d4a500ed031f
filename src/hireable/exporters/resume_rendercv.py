"""RenderCV 2.x input (`cv:` with the person and `sections`) from the résumé data."""

from __future__ import annotations

from typing import Any

from hireable.core.resume import Entry, Resume

# Résumé section → the RenderCV section title it becomes.
TITLES = {
    "work": "Experience",
    "projects": "Projects",
    "publications": "Publications",
    "awards": "Competitions",
    "references": "References",
}


def _highlights(e: Entry) -> list[str]:
    out = [e.summary, e.mark + "."]
    if e.record.url:
        out.append(f"[{e.record.url}]({e.record.url})")
    return out


def _normal(e: Entry) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": e.record.title, "highlights": _highlights(e)}
    if e.record.date:
        entry["date"] = e.record.date
    return entry


def _experience(e: Entry) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "company": e.client or e.record.title,
        "position": e.record.title,
        "highlights": _highlights(e),
    }
    if e.record.date:
        entry["date"] = e.record.date
    return entry


def rendercv(resume: Resume) -> dict[str, Any]:
    p = resume.person
    cv: dict[str, Any] = {"name": p.name, "headline": p.headline}
    for attr in ("location", "email", "website"):
        if getattr(p, attr):
            cv[attr] = getattr(p, attr)
    if p.github:
        cv["social_networks"] = [{"network": "GitHub", "username": p.github}]
    sections: dict[str, list[Any]] = {}
    for name, title in TITLES.items():
        entries = resume.sections.get(name) or []
        if entries:
            sections[title] = [(_experience if name == "work" else _normal)(e) for e in entries]
    if resume.skills:
        sections["Skills"] = [{"label": "Shown by evidence", "details": ", ".join(resume.skills)}]
    if resume.sections.get("certificates"):
        sections["Certificates"] = [
            {"bullet": e.record.title + (f" ({e.record.date})" if e.record.date else "")}
            for e in resume.sections["certificates"]
        ]
    cv["sections"] = sections
    return {"cv": cv}


def rendercv_yaml(resume: Resume) -> str:
    import yaml

    return yaml.safe_dump(rendercv(resume), sort_keys=False, allow_unicode=True, width=100)
