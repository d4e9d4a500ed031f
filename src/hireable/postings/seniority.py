"""Seniority (`intern` | `entry` | `mid` | `senior`): the title first, then the years asked.

GUIDELINES: intern = internships, co-ops, student fellowships, apprenticeships; entry = new grad,
junior, associate, entry level, level I, 0–1 years; mid = a regular role asking about 2–4 years or
no stated level; senior = senior, staff, principal, lead, manager, director, head, VP, level III+
or 5+ years.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from hireable.postings.segment import Doc

# Title cues, checked in this order: the first that matches decides.
# (A "Senior intern" is still an intern; an "Associate Director" is a director.)
TITLE_RULES: tuple[tuple[str, str], ...] = (
    ("intern", r"\b(?:intern|internship|co-?op|apprentice(?:ship)?|fellow(?:ship)?|student)\b"),
    (
        "senior",
        # (plural too: a comment's header names roles in the plural, "Engineering Managers")
        r"\b(?:senior|sr|snr|staff|principals?|leads?|leaders?|managers?|mgrs?|directors?|head|vp"
        r"|vice president|chief|avp|svp|evp|ceo|cto|cfo|coo|cpo|cio|ciso|iii|iv"
        r"|level (?:3|4|5|iii|iv)"
        # a company ladder's senior rungs: "ML Engineer (L5)", "Data Scientist 3", "Analyst - 4"
        r"|l[5-9]|(?:engineer|scientist|analyst|developer)(?: | ?[-–] ?)[3-5])\b",
    ),
    (
        "entry",
        r"\b(?:junior|jr|entry|entry[- ]level|new grad(?:uate)?|graduate|grad|associate"
        r"|trainee|level (?:1|i)|i|(?:engineer|scientist|analyst|developer)(?: | ?[-–] ?)1)\b",
    ),
    (
        "mid",
        r"\b(?:ii|level (?:2|ii)|mid|mid[- ]level|intermediate"
        r"|(?:engineer|scientist|analyst|developer)(?: | ?[-–] ?)2)\b",
    ),
)
_TITLE_PATTERN = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in TITLE_RULES)
_TITLE = re.compile(_TITLE_PATTERN, re.IGNORECASE)
_TITLE_ASCII = re.compile(_TITLE_PATTERN)  # the lowercase patterns on an ASCII title, lowercased
_TITLE_ORDER = {kind: i for i, (kind, _) in enumerate(TITLE_RULES)}
# "AI Scientist (Full Time/Intern)": an internship offered beside the full-time role is an
# employment option, not the role's level; the rest of the title decides.
_FULL_TIME_OR_INTERN = re.compile(
    r"\bfull[- ]?time\s*(?:/|,|&|\bor\b|\band\b)\s*intern(?:ship)?s?\b"
    r"|\bintern(?:ship)?s?\s*(?:/|,|&|\bor\b|\band\b)\s*full[- ]?time\b",
    re.IGNORECASE,
)

# When the title is silent: cues in the text itself.
# ("junior" alone is left out: "mentor junior analysts" says nothing about this role.)
_TEXT_ENTRY = re.compile(
    r"\bentry[- ]level\b|\bnew grad(?:uate)?s?\b|\brecent (?:college )?graduates?\b"
    r"|\bearly[- ]career\b|\bjunior[- ]level\b|\bthis junior\b"
)
_TEXT_INTERN = re.compile(r"\b(?:this|an|our|summer|paid) internship\b|\binternship program\b")
# Words every match of the regexes above holds: a text without them is not searched.
_TEXT_ENTRY_WORDS = ("entry", "new grad", "recent", "early", "junior")
_TEXT_INTERN_WORD = "internship"
SENIOR_YEARS = 5  # "5+ years" reads as senior (GUIDELINES)
ENTRY_YEARS = 1  # "0-2 years", "1+ years" read as entry


LEVEL_RANK = {"intern": 0, "entry": 1, "mid": 2, "senior": 3}
# Levels offered as alternatives ("Associate/AVP", "Analyst I or II"): the easiest path counts,
# as for years (GUIDELINES: across alternative paths, the easiest).
# A range of levels ("Junior to Senior Engineers", "Mid-Senior", "Junior .. Senior") or levels
# joined ("Junior & Senior Engineers") are such a choice too.
# ("Mid. or Sr. Engineer": an abbreviation's period before the joining word.)
_ALTERNATIVE = re.compile(r"\.?(?:\s*/\s*|\s+(?:or|to|and|&)\s+|-)|\s*\.\.+\s*", re.IGNORECASE)


def _title_level(title: str, found: list[re.Match[str]]) -> str:
    kinds = [m.lastgroup or "" for m in found]
    for a, b in zip(found, found[1:], strict=False):
        between = title[a.end() : b.start()]
        if a.lastgroup != b.lastgroup and _ALTERNATIVE.fullmatch(between):
            return min(kinds, key=LEVEL_RANK.__getitem__)
    return min(kinds, key=_TITLE_ORDER.__getitem__)


# A senior level offered as an option beside the plain role: "Senior / Software Engineer",
# "(Sr.) Software Engineer": the plain role's level is the easier path.
_OPTIONAL_SENIOR = re.compile(
    r"^\s*(?:\((?:sr\.?|senior)\)\s*|(?:sr\.?|senior)\s*/\s*(?=\w))", re.IGNORECASE
)


@lru_cache(maxsize=4096)  # titles repeat a lot ("Data Analyst"): each is read once
def title_seniority(title: str) -> str:
    """The level the title names, or "" when it names none."""
    if "ntern" in title:
        title = _FULL_TIME_OR_INTERN.sub(" ", title)
    optional = _OPTIONAL_SENIOR.match(title)
    if optional is not None:
        rest = title[optional.end() :]
        return title_seniority(rest) if _TITLE.search(rest) else "mid"
    if title.isascii():
        found = list(_TITLE_ASCII.finditer(title.lower()))
    else:
        found = list(_TITLE.finditer(title))
    return _title_level(title, found) if found else ""


def analyse_seniority(
    title: str | None,
    doc: Doc,
    years: int | None,
    hired: Callable[[], str | None] | None = None,
) -> tuple[str, str]:
    """(seniority, what decided it: the title cue, the years or the text cue). `hired` gives
    the role a hiring sentence names ("We're looking for senior engineers"): when the title
    and the years are silent, its level is the role's."""
    if title:
        level = title_seniority(title)
        if level:
            return level, title
    if years is not None:
        if years >= SENIOR_YEARS:
            return "senior", ""
        if years <= ENTRY_YEARS:
            return "entry", ""
        return "mid", ""
    named = hired() if hired is not None else None
    level = title_seniority(named) if named else ""
    if named and level:
        return level, named
    head = doc.lower[:4000]
    m = _TEXT_INTERN.search(head) if not title and _TEXT_INTERN_WORD in head else None
    if m:
        return "intern", doc.text[slice(*doc.span(m.start()))]
    m = _TEXT_ENTRY.search(head) if any(w in head for w in _TEXT_ENTRY_WORDS) else None
    if m:
        return "entry", doc.text[slice(*doc.span(m.start()))]
    return "mid", ""
