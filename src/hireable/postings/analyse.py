"""Analyse one job posting: degree requirement, seniority, years, hands-on ML, skills, remote, pay.

`analyse(description, title)` is pure and deterministic; it accepts HTML or plain text. Only
the first `MAX_CHARS` characters are read: real descriptions are under 20 KB, and the cap keeps a
pathological 5 MB description fast. The returned dict says when the text was cut
(`truncated: true`), so nothing is lost silently. Labels follow data/postings/GUIDELINES.md.
"""

from __future__ import annotations

from typing import Any

from hireable.postings.degree import analyse_degree
from hireable.postings.experience import analyse_years
from hireable.postings.ml import analyse_ml
from hireable.postings.remote import find_remote
from hireable.postings.salary import find_salary
from hireable.postings.segment import Doc, make_doc
from hireable.postings.seniority import analyse_seniority
from hireable.postings.skills import find_skills
from hireable.postings.text import html_to_text

MAX_CHARS = 200_000
MAX_EVIDENCE = 240  # characters of a deciding segment kept as evidence


def clean_text(description: str) -> str:
    """The text the analyser reads, one sentence or bullet a line: evidence quotes come from it."""
    return _doc(description).text


def _doc(description: str) -> Doc:
    raw = description or ""
    return make_doc(html_to_text(raw[:MAX_CHARS] if len(raw) > MAX_CHARS else raw))


def analyse(description: str, title: str | None = None) -> dict[str, Any]:
    """The analysis of one posting; the README's "Output fields" table says what each field
    means."""
    truncated = len(description or "") > MAX_CHARS
    doc = _doc(description)
    deg = analyse_degree(doc)
    years, years_span = analyse_years(doc, deg.segments)
    seniority, seniority_cue = analyse_seniority(title, doc, years)
    ml, ml_span, by_title = analyse_ml(title, doc)
    if not seniority_cue and years_span is not None:
        seniority_cue = _clip(doc, years_span)  # a silent title: the years decided
    result: dict[str, Any] = {
        "degree": deg.degree,
        "degree_level": deg.level,
        "seniority": seniority,
        "years_min": years,
        "ml": ml,
        "remote": find_remote(doc.lower, title, doc.words(), doc.needles()),
        "salary": find_salary(doc.lower, doc.needles()),
        "skills": find_skills(doc.lower, doc.words(), doc.needles()),
        "evidence": {
            "degree": _clip(doc, deg.span),
            "seniority": seniority_cue,
            "years_min": _clip(doc, years_span),
            "ml": (title or "") if by_title and title else _clip(doc, ml_span) if ml else "",
        },
    }
    if truncated:
        result["truncated"] = True
    return result


def _clip(doc: Doc, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    text = doc.text[span[0] : span[1]].strip(" -–*")
    if len(text) <= MAX_EVIDENCE:
        return text
    cut = text.rfind(" ", 0, MAX_EVIDENCE)
    return text[: cut if cut > 0 else MAX_EVIDENCE]
