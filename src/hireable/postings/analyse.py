"""Analyse one job posting: degree requirement, seniority, years, hands-on ML, skills, remote, pay.

`analyse(description, title)` is pure and deterministic; it accepts HTML or plain text. Only
the first `MAX_CHARS` characters are read: real descriptions are under 20 KB, and the cap keeps a
pathological 5 MB description fast. The returned dict says when the text was cut
(`truncated: true`), so nothing is lost silently. Labels follow data/postings/GUIDELINES.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hireable.postings.degree import analyse_degree
from hireable.postings.experience import analyse_years
from hireable.postings.hn_header import (
    Header,
    body_roles,
    choose_role,
    dash_header,
    head_noun,
    header_line,
    hired_roles,
    is_role,
    list_roles,
    parse_header,
    sentence_roles,
)
from hireable.postings.ml import analyse_ml, leans_ml, names_ml
from hireable.postings.remote import find_remote
from hireable.postings.salary import find_salary
from hireable.postings.segment import Doc, make_doc
from hireable.postings.seniority import analyse_seniority
from hireable.postings.skills import find_skills
from hireable.postings.text import html_to_text

MAX_CHARS = 200_000
MAX_EVIDENCE = 240  # characters of a deciding segment kept as evidence
MAX_HEADER_LINE = 400  # characters of a comment's header line: a longer first line is text


def clean_text(description: str) -> str:
    """The text the analyser reads, one sentence or bullet a line: evidence quotes come from it."""
    return _doc(description).text


def _plain(description: str) -> str:
    raw = description or ""
    return html_to_text(raw[:MAX_CHARS] if len(raw) > MAX_CHARS else raw)


def _doc(description: str) -> Doc:
    return make_doc(_plain(description))


def comment_header(title: str | None, plain: str) -> tuple[Header, str] | None:
    """The header of a comment-style posting ("Company | Role | Remote | $salary" as its title
    or first line, or a title that is just the comment's first sentence) and the header line
    it was read from (`header_line`); None for a posting whose title is a job title."""
    first = _first_line(plain)
    line = title.strip() if title else first
    if not line or "|" not in line and (line != first or is_role(line) and not dash_header(line)):
        return None
    line = header_line(line)
    header = parse_header(line)
    return (header, line) if header.piped or title else None


def _first_line(plain: str) -> str:
    return plain.lstrip().split("\n", 1)[0].strip()


def _header_segments(doc: Doc, header: str) -> int:
    """How many leading segments the header line spans (its cues are read from its parts)."""
    want, seen = len("".join(header.split())), 0
    for i in range(len(doc.starts)):
        seen += len("".join(doc.segment(i).split()))
        if seen >= want:
            return i + 1
    return len(doc.starts)


@dataclass(frozen=True)
class Comment:
    """A "Who is hiring?" comment as the analyser reads it."""

    header: Header
    skip: int  # leading segments the header line spans: read as the title, not as duties
    roles: tuple[str, ...]  # the header's roles, then the body's role lines, each once
    role: str | None  # the role it is judged for


def read_comment(doc: Doc, plain: str, title: str | None) -> Comment | None:
    """The comment `plain` is, judged for its ML role, else its first (GUIDELINES); None for
    an ordinary posting. A posting stored for one role of a comment (`jobs fetch hn`: its
    title one of the roles its piped first line or body names) is judged for that role."""
    found = comment_header(title, plain)
    if found is not None:
        header, line = found
        skip, roles = _roles(doc, header, line)
        return Comment(header, skip, roles, choose_role(roles, names_ml, leans_ml))
    first = _first_line(plain)
    if not title or "|" in title or "|" not in first or len(first) > MAX_HEADER_LINE:
        return None
    header = parse_header(first)
    if not header.piped:
        return None
    skip, roles = _roles(doc, header, first)
    if _role_key(title) not in {_role_key(r) for r in roles}:
        return None
    return Comment(header, skip, roles, title)


def _roles(doc: Doc, header: Header, line: str) -> tuple[int, tuple[str, ...]]:
    """The segments the header line spans, and the roles of the header, then the body's role
    lines, then ML roles its hiring sentences name."""
    skip = _header_segments(doc, line)
    lines = [doc.segment(i) for i in range(skip, len(doc.starts))]
    roles: dict[str, str] = {}
    listed = list_roles(lines, header.roles[0] if header.roles else None)
    for role in [*header.roles, *body_roles(lines), *listed, *sentence_roles(lines), *header.areas]:
        roles.setdefault(_role_key(role), role)
    return skip, tuple(roles.values())


def _role_key(role: str) -> str:
    return " ".join(role.casefold().split())


def comment_roles(
    description: str, first_line: str | None = None
) -> tuple[Header | None, list[str]]:
    """The header and every role of a comment (`first_line`: its header, when the caller knows
    the text is a comment whatever its first line says); (None, []) for an ordinary posting."""
    plain = _plain(description)
    comment = read_comment(make_doc(plain), plain, first_line)
    if comment is None:
        return None, []
    areas = set(comment.header.areas)
    named = any(r not in areas for r in comment.roles)
    # an area is a posting of its own only where nothing better is named, or where it is the
    # ML position ("Design, Front-End, ML")
    return comment.header, [r for r in comment.roles if r not in areas or not named or leans_ml(r)]


def read_posting(
    description: str, title: str | None
) -> tuple[Doc, str | None, int, str | None]:
    """The posting's segments, the title it is judged for (a comment's chosen role), how many
    leading segments a comment's header spans, and a comment's company (None for a posting)."""
    plain = _plain(description)
    doc = make_doc(plain)
    comment = read_comment(doc, plain, title)
    if comment is None:
        return doc, title, 0, None
    return doc, comment.role, comment.skip, comment.header.company or ""


def analyse(description: str, title: str | None = None) -> dict[str, Any]:
    """The analysis of one posting; the README's "Output fields" table says what each field
    means."""
    truncated = len(description or "") > MAX_CHARS
    doc, title, skip, company = read_posting(description, title)
    deg = analyse_degree(doc)
    years, years_span = analyse_years(doc, deg.mentions)
    seniority, seniority_cue = analyse_seniority(
        title, doc, years, lambda: _hired_role(doc, skip, title)
    )
    ml, ml_span, by_title, ml_clear = analyse_ml(title, doc, skip, company)
    if not seniority_cue and years_span is not None:
        seniority_cue = _clip(doc, years_span)  # a silent title: the years decided
    result: dict[str, Any] = {
        "degree": deg.degree,
        "degree_level": deg.level,
        "seniority": seniority,
        "years_min": years,
        "ml": ml,
        "ml_clear": ml_clear,
        "degree_clear": deg.clear,
        "remote": find_remote(doc.lower, title, doc.words()),
        "salary": find_salary(doc.lower, doc.needles(), doc.words()),
        "skills": find_skills(doc.lower, doc.words()),
        "evidence": {
            "degree": _clip(doc, deg.span),
            "seniority": seniority_cue,
            "years_min": _clip(doc, years_span),
            "ml": _ml_evidence(doc, title, ml_span, by_title, ml or not ml_clear),
        },
    }
    if truncated:
        result["truncated"] = True
    return result


def _hired_role(doc: Doc, skip: int, title: str | None) -> str | None:
    """The first role a hiring sentence after the header names: of the title's kind ("senior
    engineers" for a "Backend Engineer"), or any without a title."""
    head = head_noun(title) if title else None
    start = doc.starts[skip] if skip < len(doc.starts) else len(doc.text)
    roles = hired_roles(doc.text, doc.lower, start)
    return next((r for r in roles if head is None or head_noun(r) == head), None)


def _ml_evidence(
    doc: Doc, title: str | None, span: tuple[int, int] | None, by_title: bool, shown: bool
) -> str:
    """The title when it decided, else the strongest cue; for a clear `false`, nothing."""
    if by_title and title:
        return title
    return _clip(doc, span) if shown else ""


def _clip(doc: Doc, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    text = doc.text[span[0] : span[1]].strip(" -–*")
    if len(text) <= MAX_EVIDENCE:
        return text
    cut = text.rfind(" ", 0, MAX_EVIDENCE)
    return text[: cut if cut > 0 else MAX_EVIDENCE]
