"""The header of a "Who is hiring?" comment: "Company | Role(s) | Location | REMOTE | $salary".

Pure. The parts come in any order; a "|" inside parentheses or brackets ("Berlin (Remote | EU)")
does not separate parts. Each part is read as one kind (`classify`): a salary, a work mode
(remote / onsite / hybrid, with the place it names), an employment type or other noise, a role
list, or else a location. The company is the first part unless it reads as something else. A
part naming several roles ("ML Engineer, Backend Engineer") gives each role.

`choose_role` picks the role the posting is judged for (GUIDELINES): the machine-learning role
where one is named, else the first. Role lines in the body ("* Senior Data Engineer") count
after the header's roles (`body_roles`), then the items of role lists ("Open roles: A, B",
`list_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hireable.postings.salary import find_salary

# What makes a part (or a line) name a role: a job noun. ("positions", "roles" and "hiring" name
# no role; "Multiple Roles" is no title.)
ROLE_NOUN = re.compile(
    r"\b(?:engineers?|eng|developers?|devs?|scientists?|researchers?|architects?|designers?"
    r"|analysts?|managers?|leads?|head of|directors?|interns?|internships?|sre|devops"
    r"|programmers?|cto|ceo|cfo|coo|vp|vice president|chief \w+|recruiters?|advocates?"
    r"|specialists?|consultants?|administrators?|technicians?|writers?|marketers?|pm"
    r"|product owners?|officers?|representatives?|executives?|strategists?|coordinators?"
    r"|associates?|operators?|accountants?|counsel|attorneys?|generalists?|hackers?"
    r"|mathematicians?|statisticians?|modell?ers?|founding \w+|co-?founders?|apprentices?"
    r"|staff \w+ (?:engineer|scientist)s?|experts?"
    # a job family named with its roles: "Frontend, AI and Full-stack engineering roles"
    r"|(?:engineering|science|research|developer) (?:roles|positions|openings))\b",
    re.IGNORECASE,
)
# Parts that are neither role nor place: employment type, visas, links, equity.
NOISE = re.compile(
    r"^(?:full[- ]?time|part[- ]?time|full or part[- ]time|contract(?:or)?s?|freelance|permanent"
    r"|ft|pt|intern(?:ship)?s? ok|visa\b.*|.*\bsponsor.*|https?://\S*|www\.\S*|\S+\.[a-z]{2,6}/\S*"
    r"|equity|\d+\s*(?:hrs?|hours)\b.*)$",
    re.IGNORECASE,
)
URL_ONLY = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.IGNORECASE)
REMOTE = re.compile(r"\b(?:remote|wfh|work from home|distributed)\b", re.IGNORECASE)
NOT_REMOTE = re.compile(r"\b(?:no(?:t)? remote|remote not|non-remote)\b", re.IGNORECASE)
ONSITE = re.compile(r"\b(?:onsite|on-site|on site|in[- ]office|in[- ]person|hybrid)\b", re.I)
# A pay range with its currency after the amounts: "120-150K EUR", "90k–110k €".
_TRAILING_PAY = re.compile(
    r"(?<![\w$€£])(\d{2,3}(?:[.,]\d{3})?)\s*(k)?\s*(?:-|–|—|to)\s*(\d{2,3}(?:[.,]\d{3})?)\s*(k)?"
    r"\s*(eur|usd|gbp|cad|aud|chf|€|£)(?![a-z])",
    re.IGNORECASE,
)
_TRAILING_CURRENCY = {"€": "EUR", "£": "GBP"}
# Separators of roles inside one part: commas, semicolons, " & ", " and ", " + ", " / ".
_ROLE_SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:&|and|\+|/)\s+", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BULLET = re.compile(r"^[\s\-–—*•·>#+]+")
MAX_ROLE_LINE = 90  # characters of a body line that is a role name, not a sentence
MAX_ROLE_WORDS = 10


@dataclass(frozen=True)
class Header:
    company: str | None
    roles: tuple[str, ...]
    location: str | None
    remote: bool | None
    salary: dict[str, Any] | None
    piped: bool  # the line had "|" separators: a header, not a sentence


def split_parts(line: str) -> list[str]:
    """The line cut at every "|" (or " • ") outside parentheses and brackets."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(line):
        c = line[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and (c == "|" or (c in "•·" and line[i - 1 : i] == " ")):
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def salary_of(part: str) -> dict[str, Any] | None:
    """{min, max, currency, interval} of a pay range in one header part, or None."""
    lower = part.lower()
    found = find_salary(lower)
    if found is not None:
        return found
    m = _TRAILING_PAY.search(lower)
    if m is None:
        return None
    low, high = _amount(m[1], m[2] or m[4]), _amount(m[3], m[4])
    if low < 10_000 or high < low:
        return None
    currency = _TRAILING_CURRENCY.get(m[5], m[5].upper())
    return {"min": low, "max": high, "currency": currency, "interval": "year"}


def _amount(number: str, k: str | None) -> int:
    value = int(number.replace(",", "").replace(".", ""))
    return value * 1000 if k else value


def is_role(text: str) -> bool:
    """The text names a job (a job noun outside parentheses) and is no sentence."""
    outside = _PARENS.sub(" ", clean_role(text))  # "(C++, Python, SLAM)" lists no sentence
    return len(outside.split()) <= MAX_ROLE_WORDS and ROLE_NOUN.search(outside) is not None


# Around a role name, not of it: a link after it, a "Hiring:" before it.
_LINK = re.compile(r"\s*(?:[-–:(]\s*)?(?:https?://|www\.)\S*\)?")
_LEAD_IN = re.compile(
    r"^(?:(?:now )?hiring|roles?|positions?|open roles?|looking for)\s*:\s*", re.IGNORECASE
)


def clean_role(text: str) -> str:
    """ "Hiring: AI Engineer - https://..." -> "AI Engineer"."""
    return _LEAD_IN.sub("", _LINK.sub(" ", text)).strip(" -–,")


def roles_of(part: str) -> list[str]:
    """The roles one part names: "ML Engineer, Backend Engineer" -> two; "Software Engineers
    (C++ / Rust)" -> one (separators in parentheses do not split)."""
    part = clean_role(part)
    masked = _PARENS.sub(lambda m: "\0" * len(m[0]), part)
    pieces, start = [], 0
    for m in _ROLE_SPLIT.finditer(masked):
        pieces.append(part[start : m.start()])
        start = m.end()
    pieces.append(part[start:])
    pieces = [p.strip(" -–") for p in pieces if p.strip(" -–")]
    if len(pieces) > 1 and all(is_role(p) for p in pieces):
        return pieces
    # "Senior Backend and Frontend Engineers": the pieces share the noun; keep the part whole.
    return [part.strip()]


def _place(part: str, mode: re.Pattern[str]) -> str | None:
    """What is left of "REMOTE (EU)" / "NYC or Remote" once the work-mode words are gone."""
    outside = _bare_place(mode, _PARENS.sub(" ", part))  # "Lisbon (Hybrid | 2 days)"
    return outside or _bare_place(mode, part)  # "REMOTE (EU)"


def _bare_place(mode: re.Pattern[str], text: str) -> str | None:
    rest = re.sub(
        r"\b(?:only|or|and|ok|friendly|fully|100%)\b|[()&/,:;|+–-]", " ", mode.sub(" ", text)
    )
    return " ".join(rest.split()) or None


def names_roles(part: str) -> bool:
    """The part is a role ("Senior Engineer"), or a list of roles however long ("Head of AI,
    Applied ML Scientist, Security Engineer, Product Designer, ...")."""
    return is_role(part) or len(roles_of(part)) > 1


def classify(part: str) -> str:
    """ "salary" | "remote" | "onsite" | "noise" | "role" | "place"."""
    if salary_of(part) is not None:
        return "salary"
    if names_roles(part) and not NOISE.match(part):
        return "role"  # "Senior Engineer (Remote)": the mode is read from it too
    if NOT_REMOTE.search(part):
        return "onsite"
    if REMOTE.search(part):
        return "remote"
    if ONSITE.search(part):
        return "onsite"
    if NOISE.match(part) or URL_ONLY.match(part):
        return "noise"
    if is_role(part):
        return "role"
    return "place"


def parse_header(line: str) -> Header:
    """The parts of a header line; a line with no "|" is a sentence with no company."""
    parts = split_parts(line)
    piped = len(parts) > 1
    if not piped:
        named = tuple(roles_of(line)) if is_role(line) and len(line) <= MAX_ROLE_LINE else ()
        return Header(None, named, None, None, None, False)
    kinds = [classify(p) for p in parts]
    company = None
    if kinds[0] in ("place", "noise", "role"):  # by convention the company comes first
        company = _PARENS.sub("", parts[0]).strip() or parts[0]
        kinds[0] = "company"
    roles: list[str] = []
    places: list[str | None] = []
    location: str | None = None
    remote: bool | None = None
    salary: dict[str, Any] | None = None
    for part, kind in zip(parts, kinds, strict=True):
        if kind == "salary" and salary is None:
            salary = salary_of(part)
        elif kind == "remote":
            remote = True
            places.append(_place(part, REMOTE))
        elif kind == "onsite":
            remote = remote or False
            places.append(_place(part, ONSITE))
        elif kind == "role":
            roles.extend(roles_of(part))
            remote = True if REMOTE.search(part) and not NOT_REMOTE.search(part) else remote
        elif kind == "place" and location is None:
            location = part
    location = location or next((p for p in places if p), None)
    return Header(company, tuple(roles), location, remote, salary, True)


def body_roles(lines: Iterable[str]) -> list[str]:
    """Role names standing alone on a line or bullet ("* Staff Engineer, Payments", "Senior
    Data Engineer | Remote | https://..."): not sentences."""
    out = []
    for raw in lines:
        # A link after the name ("Senior ML Engineer (https://...)", "Full Stack: https://...")
        # makes no sentence of it: the line is judged without it.
        line = clean_role(_BULLET.sub("", raw).strip())
        if not line or len(line) > MAX_ROLE_LINE or line.endswith((".", "?", "!", ":")):
            continue
        first = (split_parts(line) or [""])[0] if "|" in line else line
        if not is_role(first) or URL_ONLY.match(first):  # (is_role: at most MAX_ROLE_WORDS)
            continue
        out.append(clean_role(first))
    return out


# A line that says roles follow: "Open roles: A, B", "Two open positions: frontend; ML/backend",
# "We have two engineering positions open:", "looking to hire:". What it lists are roles, with
# or without a job noun ("ML/backend" is a position of the comment's own role).
_LIST_LEAD = re.compile(
    r"\b(?:positions?|roles?|openings?|vacanc(?:y|ies)|hiring(?: for)?|to hire)"
    r"(?:\s+(?:open|available|include|are))?\s*:\s*",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*")


def list_roles(lines: Iterable[str], of: str | None = None) -> list[str]:
    """The items of role lists: those after a lead-in's colon on its line, then the short lines
    that follow it (link-only lines skipped) up to the first sentence or heading. An item naming
    no job is a position of role `of` (the header's), read as "`of` (item)"; without `of` it
    names no role."""
    out: list[str] = []
    listing = False
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        lead = _LIST_LEAD.search(line)
        if lead is not None:
            listing = True
            items = _ITEM_SPLIT.split(line[lead.end() :])
        elif not listing or URL_ONLY.match(line):
            continue
        elif _list_item(raw, line):
            items = [line]
        else:
            listing = False
            continue
        for item in items:
            item = clean_role(item).rstrip(".:")
            if not item or URL_ONLY.match(item):
                continue
            if is_role(item):
                out.append(item)
            elif of is not None and _area(item):
                out.append(f"{of} ({item})")
    return out


MAX_ITEM_WORDS = 6  # an unbulleted list line longer than this is a sentence
MAX_SENTENCE_ITEM_WORDS = 3  # "ML/backend." ends like a sentence, yet is an item


# Words a sentence starts with, not an area ("We're hiring: if you like ML, write to us").
_SENTENCE_STARTS = frozenset(
    "if we we're you please email send apply contact see check visit reach write".split()
)


def _area(item: str) -> bool:
    """A listed item naming no job is an area of work ("ML/backend"), not a sentence."""
    words = item.split()
    return len(words) <= MAX_ITEM_WORDS and words[0].lower() not in _SENTENCE_STARTS


def _list_item(raw: str, line: str) -> bool:
    """The line continues a role list: a bullet, or a few words that are no sentence."""
    name = clean_role(line)
    if not name or len(name) > MAX_ROLE_LINE or line.endswith(":"):
        return False  # (a line ending with ":" heads what follows: "What we offer:")
    if raw.strip() != line or name != line.rstrip(" :"):  # a bullet mark, or a link after it
        return True
    words = len(name.split())
    return words <= MAX_SENTENCE_ITEM_WORDS or (
        words <= MAX_ITEM_WORDS and not name.endswith((".", "!", "?"))
    )


# An ML role named in a hiring sentence of the body ("We're hiring founding MLEs and a mobile
# engineer"): only words that qualify the role may stand between the verb and it.
_ML_ROLE = (
    r"(?:(?:senior|sr\.?|staff|lead|principal|junior|founding|applied|research)\s+)*"
    r"(?:(?:machine learning|ml|ai|nlp|computer vision|deep learning|mlops|llm)\s+"
    r"(?:engineers?|scientists?|researchers?|developers?)|mles?|data scientists?"
    r"|research scientists?|applied scientists?)\b"
    # ... with the words that make it another job ("ML Developer Advocate", "AI Engineer
    # Intern"): the whole title is judged.
    r"(?:\s+(?:advocates?|evangelists?|relations|managers?|leads?|recruiters?|interns?))?"
)
HIRING_ML_ROLE = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|to hire)\s+"
    r"(?:(?:an?|our|the|two|three|several|more|multiple|experienced|talented|strong|great|\d+)\s+)*"
    rf"({_ML_ROLE})",
    re.IGNORECASE,
)


# ... or as people of a field: "looking to hire experienced, driven team leaders in machine
# learning, software engineering and bioinformatics". The field names the role, so a few words
# of any kind may qualify the people.
_ML_FIELD = r"(?:machine learning|ml|ai|deep learning|nlp|computer vision|generative ai|llms?)"
HIRING_ML_FIELD = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|to hire)\s+(?:[\w-]+,?\s+){0,6}?"
    r"((?:leaders?|leads?|engineers?|scientists?|researchers?|experts?|specialists?"
    rf"|developers?)\s+(?:in|for)\s+(?:the field of\s+)?{_ML_FIELD})\b",
    re.IGNORECASE,
)


def sentence_roles(lines: Iterable[str]) -> list[str]:
    """ML roles the body's hiring sentences name, each as written."""
    rules = (HIRING_ML_ROLE, HIRING_ML_FIELD)
    return [m[1] for line in lines for rx in rules for m in rx.finditer(line)]


def choose_role(roles: Iterable[str], is_ml: Callable[[str], bool]) -> str | None:
    """The first role `is_ml` says names ML work, else the first role; None without roles."""
    listed = list(roles)
    return next((r for r in listed if is_ml(r)), listed[0] if listed else None)
