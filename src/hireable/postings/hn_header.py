"""The header of a "Who is hiring?" comment: "Company | Role(s) | Location | REMOTE | $salary".

Pure. The parts come in any order; a "|" inside parentheses or brackets ("Berlin (Remote | EU)")
does not separate parts. Each part is read as one kind (`classify`): a salary, a work mode
(remote / onsite / hybrid, with the place it names), an employment type or other noise, a role
list, or else a location. The company is the first part unless it reads as something else. A
part naming several roles ("ML Engineer, Backend Engineer") gives each role. A location is kept
only when it reads as a place (`places.place_of`): "Backend, Infra" or a slogan is none.

A role is a job title (`titled`): a job noun heads it ("Senior Data Engineer", "Head of AI"),
no duty verb starts it ("Mentor junior engineers") and no word of a sentence is in it ("Talk to
our engineers"); a noun after "with", "for", "at"... qualifies a head, it is none ("Budget for
every engineer").

`choose_role` picks the role the posting is judged for (GUIDELINES): the machine-learning role
where one is named, else the first. Role lines in the body ("* Senior Data Engineer") count
after the header's roles (`body_roles`), then the items of role lists ("Open roles: A, B",
`list_roles`); bullets under a heading of duties, skills, stack, teams or perks (`sections`)
are none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hireable.postings.places import place_of
from hireable.postings.salary import find_salary

# Parts that are neither role nor place: employment type, visas, links, equity.
NOISE = re.compile(
    r"^(?:full[- ]?time|part[- ]?time|full or part[- ]time|contract(?:or)?s?|freelance|permanent"
    r"|ft|pt|intern(?:ship)?s? ok|visa\b.*|.*\bsponsor.*|https?://\S*|www\.\S*|\S+\.[a-z]{2,6}/\S*"
    r"|equity|\d+\s*(?:hrs?|hours)\b.*)$",
    re.IGNORECASE,
)
URL_ONLY = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.IGNORECASE)
# ("Distributed Systems" is a field, not a work mode.)
REMOTE = re.compile(
    r"\b(?:remote|wfh|work from home"
    r"|distributed(?!\s+(?:systems?|computing|databases?|training|ledgers?|storage|inference)))\b",
    re.IGNORECASE,
)
NOT_REMOTE = re.compile(r"\b(?:no(?:t)? remote|remote not|non-remote)\b", re.IGNORECASE)
ONSITE = re.compile(r"\b(?:onsite|on-site|on site|in[- ]office|in[- ]person|hybrid)\b", re.I)
_MODE = re.compile(rf"{NOT_REMOTE.pattern}|{REMOTE.pattern}|{ONSITE.pattern}", re.IGNORECASE)
# A pay range with its currency after the amounts: "120-150K EUR", "90k–110k €".
_TRAILING_PAY = re.compile(
    r"(?<![\w$€£])(\d{2,3}(?:[.,]\d{3})?)\s*(k)?\s*(?:-|–|—|to)\s*(\d{2,3}(?:[.,]\d{3})?)\s*(k)?"
    r"\s*(eur|usd|gbp|cad|aud|chf|€|£)(?![a-z])",
    re.IGNORECASE,
)
_TRAILING_CURRENCY = {"€": "EUR", "£": "GBP"}
# Separators of a list's items: commas and semicolons, each maybe followed by "and", "or", "&".
LIST_SEPARATOR = r"\s*[,;]\s*(?:(?:and|or|&)\s+)?"
# Separators of roles inside one part: those, and " & ", " and ", " + ", " / ".
# ("Python Developer/ Erlang Team Lead": a slash with a space after it only, before a capital)
_ROLE_SPLIT = re.compile(rf"{LIST_SEPARATOR}|\s+(?:&|and|\+|/)\s+|/\s+(?=[A-Z])", re.IGNORECASE)
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_BULLET = re.compile(r"^(?:[\s\-–—*•·>#+]+|\s*\d{1,2}[.)]\s+)")  # marks, or "1) ", "2. "
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
    # positions a header names only by their areas of work ("Backend, ML"), when no part of it
    # names a job: read after the body's role lines, which name them better
    areas: tuple[str, ...] = ()


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


MAX_HEADER_PART_WORDS = 14  # words of a header's last part: a longer one is the text begun


def header_line(line: str) -> str:
    """The header of a first line that runs on into the comment's text ("Acme | Remote | Acme
    builds ..." when the comment has no line break after its header): the line up to its last
    "|" when what follows is prose, not roles."""
    cut = line.rfind("|")
    if cut < 0:
        return line
    last = line[cut + 1 :]
    words = last.split()
    if len(words) > MAX_HEADER_PART_WORDS and not names_roles(last):
        # the roles the part opens with stay: "| HPC and ML Engineers Acme is deploying ..."
        for n in range(MAX_HEADER_PART_WORDS, 0, -1):
            lead = " ".join(words[:n])
            if _job_word(words[n - 1].lower()) and names_roles(lead) and not NOISE.match(lead):
                return f"{line[:cut].rstrip()} | {lead}"
        return line[:cut].rstrip()
    return line


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


@lru_cache(maxsize=4096)  # a header's parts and a comment's lines are asked about again
def is_role(text: str) -> bool:
    """The text names a job (`titled`, outside parentheses) and is no sentence."""
    outside = _PARENS.sub(" ", clean_role(text))  # "(C++, Python, SLAM)" lists no sentence
    return len(outside.split()) <= MAX_ROLE_WORDS and titled(outside)


# The head noun of a job title: its last word ("Senior Data Engineer", "Team Lead, Embedded"),
# singular; plurals and "/" pairs ("Director/Head") are read too. ("positions", "roles" and
# "hiring" name no job: "Multiple Roles" is no title.)
JOB_WORDS = frozenset(
    """
    engineer eng developer dev scientist researcher architect designer analyst manager lead
    director intern internship sre devops programmer cto ceo cfo coo cpo ciso cio vp svp evp
    president recruiter advocate evangelist specialist consultant administrator admin technician
    writer marketer pm owner officer representative rep executive strategist coordinator
    associate operator accountant counsel attorney generalist hacker mathematician statistician
    modeler modeller founder cofounder co-founder apprentice expert swe mle devrel tester
    editor producer illustrator animator assistant fellow fellowship trainee postdoc
    contractor freelancer hire technologist staff folks professional sde
    """.split()
)
# Title words that come before what they head: "Head of AI", "Chief of Staff", "VP Marketing".
_OF_TITLES = frozenset({"head", "chief"})
_LEADING_TITLES = frozenset({"vp", "svp", "evp", "avp", "vice"})
# A job family named with its roles: "Frontend, AI and Full-stack engineering roles".
_FAMILY = re.compile(
    r"\b(?:engineering|science|research|developer) (?:roles|positions|openings)\b", re.I
)
# Every word that may head a title, plural and possessive forms too: a text with none of them
# is no title (the quick test, before the grammar's).
_HEAD_WORDS = frozenset(
    f"{w}{end}"
    for w in JOB_WORDS | _OF_TITLES | _LEADING_TITLES | {"engineering", "science", "research"}
    for end in ("", "s", "'s", "’s")
)
_WORD_SPLIT = re.compile(r"[^\w'’]+")
# Where the title ends and what qualifies it begins: "Engineer at X", "Researcher in ML",
# "Head of AI", "ML Engineer: https://...", "Engineer - Payments".
_QUALIFIER = re.compile(
    r"\s*(?::|\||\b(?:at|in|for|with|on(?! rails\b)|from|to|about|as|who|that|which|based|within"
    r"|using|via|of|across|into|by|wanted|needed|needs)\b)",
    re.IGNORECASE,
)
# Words after the head noun that leave it the head: levels, pay, modes ("Data Scientist II",
# "Developer 120k-140k", "Analyst Remote").
_TRAILING = re.compile(
    r"(?:\s+(?:[ivx]{1,4}|\d\S*|[$€£]\S*|sr\.?|jr\.?|senior|junior|remote|hybrid|onsite"
    r"|on-site|full[- ]?time|part[- ]?time|contract|positions?|roles?|openings?|opportunit(?:y|ies)"
    r"|jobs?|[mfwd]/[mfwd]/[mfwd]|wanted|needed))+$",
    re.IGNORECASE,
)
# ... and the areas in capitals after it: "Developer BI & CRM".
_TRAILING_ACRONYMS = re.compile(r"(?:\s+(?:[A-Z][A-Z0-9]{1,4}|&))+$")
# A duty, a skill or a sentence starts so, not a title: "Mentor junior engineers", "Experience
# leading engineers", "Contact our CTO". (Words that start titles too — lead, design, support,
# test — are not here.)
DUTY_STARTS = frozenset(
    """
    mentor mentoring manage work collaborate collaborating build building hire
    hiring recruit own drive ship write develop developing maintain implement create improve
    review grow coach train join become contact email apply meet talk pair seeking looking want
    need reach send see check visit read learn bring love enjoy scale experience knowledge
    familiarity proficiency understanding ability background exposure comfort passion strong
    excellent proven solid deep great good bonus plus nice prior previous demonstrated worked
    shipped built managed led partnering interact interface report reporting
    """.split()
)
# Words of sentences, not of titles: pronouns, articles, verbs of being.
SENTENCE_WORDS = frozenset(
    """
    we we're we've you you're you'll you've our your us i i'm my they their them it it's is are
    was were will would be been can could should must have has had do does who which this these
    those a an the not no every all any some many most very so if than like just
    """.split()
)


def titled(text: str) -> bool:
    """The text is a job title: its part before any qualifier ("at", "in", "of", ":", " - ")
    ends in a job noun in one of its comma-separated pieces ("Senior Backend, ML, AI Research
    Engineers"; "Director, Engineering"), or leads with one that heads what follows ("Head of
    AI", "VP Marketing"); no duty verb starts it and no word of a sentence is in it."""
    if _HEAD_WORDS.isdisjoint(_WORD_SPLIT.split(text.lower())):
        return False  # (most lines: no job noun at all)
    if _FAMILY.search(text):
        return True
    # "IT - Data Engineer II", "Analyst- Palo Alto": the title is on either side of a dash.
    return any(_titled_segment(s) for s in _DASH.split(text) if s.strip())


# ("Software Developer-Social Network": a hyphen between a word and a capital cuts too.)
_DASH = re.compile(r"\s+[-–—]\s*|(?<=\w)[-–—]\s+|(?<=[a-z])-(?=[A-Z][a-z])")


def _titled_segment(text: str) -> bool:
    cut = _QUALIFIER.search(text)
    phrase = text[: cut.start()] if cut else text
    words = [w.strip("*\"'“”‘’.,;!?") for w in phrase.lower().split()]
    words = [w for w in words if w]
    if not words or any(w in SENTENCE_WORDS for w in words):
        return False
    if words[0] in DUTY_STARTS and not (words[0] == "deep" and words[1:2] == ["learning"]):
        return False  # ("Deep learning researcher": a field, not "deep knowledge of")
    if words[0] in _LEADING_TITLES:
        return True
    of = cut is not None and cut[0].strip().lower() == "of"
    for piece in (p.strip() for p in phrase.split(",")):
        if _headed(piece, of):
            return True
        bare = _TRAILING.sub("", piece)
        if _headed(bare, of) or _headed(_TRAILING.sub("", _TRAILING_ACRONYMS.sub("", bare)), of):
            return True
    return False


def _headed(piece: str, of: bool) -> bool:
    """The last word of the piece is a job noun (or "Head"/"Chief" before "of")."""
    words = piece.split()
    if not words:
        return False
    return any(_job_word(w) or (of and w in _OF_TITLES) for w in words[-1].lower().split("/"))


def _job_word(word: str) -> bool:
    """A job noun, singular or plural: "engineers", "engineer(s)", "DevRel's", "co-founders"."""
    if "(s)" in word:
        word = word.replace("(s)", "s")
    word = word.strip("*\"'“”‘’.,;:!?()")
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    return word in JOB_WORDS or (word.endswith("s") and word[:-1] in JOB_WORDS)


# Around a role name, not of it: a link after it, a "Hiring:" before it.
_LINK = re.compile(r"\s*(?:[-–:(]\s*)?(?:https?://|www\.)\S*\)?")
_LEAD_IN = re.compile(
    r"^(?:[\w'’-]+\s+){0,6}?(?:hiring(?: for)?|roles?|positions?|openings?|vacanc(?:y|ies)"
    r"|looking for|to hire)\s*:\s*",
    re.IGNORECASE,
)
# ... and, in a header's part, a lead-in verb with no colon: "Quant fund hiring Data
# Scientists, UX Developers" ("hiring" in lower case: "Hiring Manager" is a role).
_PART_LEAD_IN = re.compile(r"^(?:[\w'’-]+\s+){0,6}?(?-i:hiring|looking for|seeking)\s+(?=\S)", re.I)


# The tail of a role list that names no role: "NLU Engineers & other roles", "..., and more".
_MORE_ROLES = re.compile(
    r"(?:\s*[,;&+]\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:many |lots of |a few |several |various )?"
    r"(?:other|more|others|etc\.?)(?: (?:roles|positions|openings|jobs))?\s*$",
    re.IGNORECASE,
)


def clean_role(text: str) -> str:
    """ "Hiring: AI Engineer - https://..." -> "AI Engineer"; "Designers & more" -> "Designers"."""
    text = _LEAD_IN.sub("", _LINK.sub(" ", text))
    if "more" in text or "other" in text or "etc" in text:
        text = _MORE_ROLES.sub("", text)
    return text.strip(" -–,")


MAX_MIXED_PIECES = 6  # pieces of a part mixing places and modes with its roles, at most


def roles_of(part: str) -> list[str]:
    """The roles one part names: "ML Engineer, Backend Engineer" -> two; "Software Engineers
    (C++ / Rust)" -> one (separators in parentheses do not split)."""
    part = _PART_LEAD_IN.sub("", clean_role(part))
    pieces = [p.strip(" -–") for p in _split_roles(part) if p.strip(" -–")]
    if len(pieces) > 1 and all(is_role(p) for p in pieces):
        return pieces
    # "San Francisco, CA + REMOTE, INTERNS": the places and work modes among the roles go.
    named = [] if len(pieces) > MAX_MIXED_PIECES else pieces
    named = [p for p in named if not (_MODE.search(p) or place_of(p))]
    if 0 < len(named) < len(pieces) and all(is_role(p) for p in named):
        return named
    if len(pieces) > 1 and not any(map(is_role, pieces)) and all(map(_position, pieces)):
        # "Backend, Machine Learning, Data Science": positions in those areas (but "Senior
        # Backend, ML, AI Research Engineers" share their noun, and "Software Engineer, ML
        # Platform" names its team: those stay whole)
        return pieces
    if len(pieces) > 2 and is_role(pieces[0]):
        # "Frontend Engineer, Mobile, Designer, Machine Learning": a word naming no job
        # qualifies the role before it, or names the area of a position ("Machine Learning")
        listed = [item for item in _items(part) if is_role(item) or _area(item)]
        if len(listed) > 1:
            return listed
    # "Senior Backend and Frontend Engineers": the pieces share the noun; keep the part whole.
    return [part.strip()]


def _masked(text: str) -> str:
    """The text with its parentheses blanked out, of the same length."""
    return _PARENS.sub(lambda m: "\0" * len(m[0]), text)


def _split_outside_parens(text: str, separator: re.Pattern[str]) -> list[str]:
    """The text cut at every `separator` outside parentheses and brackets."""
    pieces, start = [], 0
    for m in separator.finditer(_masked(text)):
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def _split_roles(text: str) -> list[str]:
    """The text cut at the separators of roles (`_ROLE_SPLIT`) outside parentheses."""
    return _split_outside_parens(text, _ROLE_SPLIT)


MAX_AREA_WORDS = 3  # words of an area named as a position ("Enterprise Sales")


def _position(piece: str) -> bool:
    """A piece of a header's list that names a position by its area of work ("Data Science",
    "Enterprise Sales"); not a work mode, employment type or place."""
    if NOISE.match(piece) or _MODE.search(piece) or place_of(piece):
        return False
    words = piece.lower().split()
    return 0 < len(words) <= MAX_AREA_WORDS and (_area(piece) or words[-1] in AREAS)


def _no_pay(paren: re.Match[str]) -> str:
    """A parenthesis of a role part, gone when it holds the pay ("Engineer ($120k)")."""
    return "" if salary_of(paren[0]) is not None else paren[0]


def _place(part: str) -> str | None:
    """The place "REMOTE (EU)" / "NYC or Remote" / "Lisbon (Hybrid | 2 days)" names once the
    work-mode words are gone (`places.place_of`): outside parentheses first, else inside."""
    rest = _MODE.sub(" ", part)
    inside = " , ".join(m[0][1:-1] for m in _PARENS.finditer(rest))
    return place_of(_PARENS.sub(" ", rest)) or place_of(inside) or place_of(rest)


def names_roles(part: str) -> bool:
    """The part is a role ("Senior Engineer"), or a list of roles however long ("Head of AI,
    Applied ML Scientist, Security Engineer, Product Designer, ...")."""
    return is_role(part) or len(roles_of(part)) > 1


def classify(part: str) -> str:
    """ "salary" | "remote" | "onsite" | "noise" | "role" | "place"."""
    if salary_of(part) is not None:
        # "Software Engineer ($120k)": a role with its pay in parentheses
        return "role" if is_role(part) and salary_of(_PARENS.sub(" ", part)) is None else "salary"
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


MAX_COMPANY_WORDS = 4


def _role_then_company(parts: list[str], kinds: list[str]) -> bool:
    """The header opens with its roles, then the company: the first part is the only one
    naming roles, and the second names no place, mode or role ("Optimal" after "Control
    Engineers")."""
    if len(parts) < 2 or kinds[0] != "role" or kinds[1] != "place" or "role" in kinds[1:]:
        return False
    second = parts[1]  # (an area is the role's: "Software Engineer | Front End")
    return len(second.split()) <= MAX_COMPANY_WORDS and not (place_of(second) or _area(second))


# A header written with dashes: "Acme - Senior Engineer - Boston, MA - Full-time".
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
MAX_DASH_HEADER = 200  # characters: a longer line with dashes is a sentence


def dash_header(line: str) -> bool:
    """The line is a header written with dashes for "|" (`_dash_parts`)."""
    return "|" not in line and bool(_dash_parts(line))


def _dash_parts(line: str) -> list[str]:
    """The parts of a header line that uses " - " for "|" (none outside parentheses counted):
    its roles after the first part, with a place or work mode beside them or another role."""
    if len(line) > MAX_DASH_HEADER:
        return []
    parts = [p.strip() for p in _split_outside_parens(line, _SPACED_DASH) if p.strip()]
    if len(parts) < 3:
        return []
    kinds = [classify(p) for p in parts[1:]]
    roles = kinds.count("role")
    return parts if roles > 1 or roles and {"place", "remote", "onsite"} & set(kinds) else []


def parse_header(line: str) -> Header:
    """The parts of a header line ("|" between them, or " - " where there is no "|"); a line
    with neither is a sentence with no company."""
    parts = split_parts(line)
    if len(parts) == 1 and (" - " in line or " – " in line):
        parts = _dash_parts(line) or parts
    piped = len(parts) > 1
    if not piped:
        named = tuple(roles_of(line)) if is_role(line) and len(line) <= MAX_ROLE_LINE else ()
        return Header(None, named, None, None, None, False)
    kinds = [classify(p) for p in parts]
    company = None
    if _role_then_company(parts, kinds):
        kinds[1] = "company"  # "ML Engineers | Acme | Berlin": the role led
    elif kinds[0] in ("place", "noise", "role"):  # by convention the company comes first
        kinds[0] = "company"
    if "company" in kinds:
        first = parts[kinds.index("company")]
        company = _PARENS.sub("", first).strip() or first
    roles: list[str] = []
    areas: list[str] = []  # positions a part names only by their areas of work
    modes: list[str] = []  # the work-mode parts, read for a place when no part is one
    location: str | None = None
    remote: bool | None = None
    salary: dict[str, Any] | None = None
    for part, kind in zip(parts, kinds, strict=True):
        if kind == "salary" and salary is None:
            salary = salary_of(part)
        elif kind == "remote":
            remote = True
            modes.append(part)
        elif kind == "onsite":
            remote = remote or False
            modes.append(part)
        elif kind == "role":
            found = roles_of(_PARENS.sub(_no_pay, part))
            if any(map(is_role, found)):
                roles.extend(found)
            else:
                areas.extend(found)  # "Backend, Infra": positions, if no part names a job
            salary = salary or salary_of(part)
            remote = True if REMOTE.search(part) and not NOT_REMOTE.search(part) else remote
        elif kind == "place" and location is None:
            location = place_of(part)  # "Backend, Infra" or a slogan is no place
    location = location or next((p for p in map(_place, modes) if p), None)
    # ("ML Engineer | Distributed Systems, Inference": the areas are the named role's team)
    named_areas = () if roles else tuple(areas)
    return Header(company, tuple(roles), location, remote, salary, True, named_areas)


def body_roles(lines: Iterable[str]) -> list[str]:
    """Role names standing alone on a line or bullet ("* Staff Engineer, Payments", "Senior
    Data Engineer | Remote | https://..."): not sentences, not sign-offs ("Jane, founder,"),
    not the bullets of a section on duties, skills, stack or benefits (`sections`)."""
    out = []
    for raw, line, section in sections(glued_bullets(lines)):
        bulleted = raw.strip() != line
        named = _ROLE_THEN_DUTIES.match(line) if bulleted else None
        if named is not None and section != "other" and _linked_role(named[1]):
            out.append(named[1])  # "- Sr Web Engineer: lead the team building our maps"
            continue
        long = len(line.split()) > MAX_ROLE_WORDS  # (a short bullet is judged whole below)
        named = _ROLE_THEN_CLAUSE.match(line) if bulleted and long else None
        if named is not None and section != "other" and _linked_role(named[1]):
            out.append(named[1])  # "2) Senior ML scientists (PhD required) to work on ..."
            continue
        if "|" not in line and len(_LINK.findall(line)) > 1:
            # "Senior Backend Engineer - https://... ML Engineer - https://...": a line of
            # roles, each before its link
            pieces = (clean_role(_CUT_LINK_TAIL.sub("", p)) for p in _LINK.split(line))
            out.extend(p for p in pieces if _linked_role(p))
            continue
        if len(line) > MAX_ROLE_LINE and "|" not in line and not ("//" in line or "www." in line):
            continue  # a sentence (a link or the parts after a "|" may leave a name)
        # A link after the name ("Senior ML Engineer (https://...)", "Full Stack: https://...")
        # makes no sentence of it: the line is judged without it; so are the parts after a "|".
        piped = "|" in line
        first = clean_role((split_parts(line) or [""])[0] if piped else line)
        if piped and not is_role(first):
            # a header of its own, the company first: "Acme | Senior Designer | Remote"
            first = next(iter(parse_header(line).roles), first)
        if not first or len(first) > MAX_ROLE_LINE or _LIST_LEAD.search(line):
            continue  # (a lead-in's items are `list_roles`')
        if _LINK.sub("", first if piped else line).strip().endswith((".", "?", "!", ":", ",")):
            continue  # a sentence, a heading, a sign-off ("Jane, founder,")
        if section == "other" and "|" not in line and not _LINK.search(line):
            continue  # "Requirements: - Python expert": a role block has its link or "|"
        if is_role(first) and not URL_ONLY.match(first):  # (at most MAX_ROLE_WORDS)
            out.append(first)
    return out


# A bullet that names its role, then what the role does: "Sr Web Engineer: lead the team ...",
# "Software Engineer, C++ - join the ION team".
# (A link after the name is the link's rule: "Senior iOS Developer: https://...")
_ROLE_THEN_DUTIES = re.compile(r"([^:]{3,60}?)(?::| [-–—]) +(?=[a-zA-Z])(?!https?:|www\.)")
# ... or then a clause on the role: "Senior ML scientists (PhD required) to work on ...",
# "JavaScript developers with 3+ years of front-end work".
_ROLE_THEN_CLAUSE = re.compile(r"([^(,:;]{3,60}?)\s+(?:\(|to\b|with\b|who\b)")
# Bullets glued on one line: "-Full-stack engineer -UI/UX engineer -ML engineer".
_GLUED_BULLET = re.compile(r"\s+-(?=[A-Za-z])")
MIN_GLUED_BULLETS = 3


def glued_bullets(lines: Iterable[str]) -> Iterator[str]:
    """The lines, a line of bullets glued together ("-A -B -C") cut into one line each."""
    for line in lines:
        if line.startswith("-") and len(_GLUED_BULLET.findall(line)) >= MIN_GLUED_BULLETS - 1:
            yield from ("-" + item for item in _GLUED_BULLET.split(line[1:]))
        else:
            yield line


_CUT_LINK_TAIL = re.compile(r"^\s*\S*\.\.\.\s+")  # the end of a link the board cut short ("4e9...")
MAX_LINKED_ROLE_WORDS = 6  # words of a role before its link, outside parentheses


def _linked_role(piece: str) -> bool:
    """A piece of a line of links names a role: few words, not a sentence ("Feel free to
    reach out about other engineering roles from")."""
    words = _PARENS.sub(" ", piece).split()
    return 0 < len(words) <= MAX_LINKED_ROLE_WORDS and is_role(piece)


# A heading over what is no list of roles: "Requirements:", "Tech stack", "What we offer:",
# "Why us?", "-- Who We Are --", "Our teams:".
_OTHER_HEADING = re.compile(
    r"\b(?:requirements?|qualifications?|responsibilit(?:y|ies)|duties|skills|experience"
    r"|stack|technolog(?:y|ies)|tools|tech|benefits|perks|offers?|compensation|why|about"
    r"|culture|values|process|interviews?|teams?|you(?:'ll| will)? (?:do|have|bring|be|get)"
    r"|nice to haves?|bonus|plus(?:es)?|ideal|projects?|products?|customers|investors|backed"
    r"|mission|who we are|what we do|apply|contact|links?|press)\b",
    re.IGNORECASE,
)
# ... and one standing alone on its line, without its colon: "Tech Stack", "Why us?".
_BARE_HEADING = re.compile(
    r"(?:our |the |your |tech(?:nical)? )?(?:requirements|qualifications|responsibilities|duties"
    r"|skills|stack|technolog(?:y|ies)|tools|benefits|perks|(?:what )?we offer|compensation"
    r"|why us|why join(?: us)?|about (?:us|you|the (?:role|team|company))|who we are"
    r"|what we do|what you(?:'ll| will) do|nice to haves?|bonus(?: points)?|culture|values"
    r"|interview process|how to apply)",
    re.IGNORECASE,
)
MAX_HEADING_WORDS = 10  # a longer line ending in ":" is a sentence that leads into a list
MAX_HEADING_CHARS = 120  # (no heading of MAX_HEADING_WORDS words is longer)
MAX_BARE_HEADING_CHARS = 40


def heading(line: str, bulleted: bool = False) -> str | None:
    """What a heading line says follows: "roles" ("Open positions:"), "other" ("Tech
    stack:", "Benefits" alone on its line, not as a bullet), "" (another heading: "Based in
    Oslo:"); None for no heading."""
    text = line.strip(" -–—=*#")
    colon = text.endswith(":")
    if len(text) > (MAX_HEADING_CHARS if colon else MAX_BARE_HEADING_CHARS):
        return None
    if _LINK.search(text) or URL_ONLY.match(text):
        return None
    words = text.split()
    if colon and len(words) <= MAX_HEADING_WORDS:
        if _LIST_LEAD.search(text) or text.lower().rstrip(": ").endswith("looking for"):
            return "roles"
        return "other" if _OTHER_HEADING.search(text) else ""
    if not bulleted and _BARE_HEADING.fullmatch(text.rstrip("?!. ")):
        return "other"
    return None


def sections(lines: Iterable[str]) -> Iterator[tuple[str, str, str | None]]:
    """(raw line, line without its bullet, the section it is in): "roles" or "other" from the
    last heading (`heading`), until another heading or a sentence of prose."""
    section: str | None = None
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        kind = heading(line, raw.strip() != line)
        if kind is not None:
            section = kind or None
        elif section is not None and raw.strip() == line and _prose(line):
            section = None  # a paragraph after the list ends it
        yield raw, line, section


MAX_PROSE_WORDS = 12


def _prose(line: str) -> bool:
    """A sentence of running text, not an item of a list."""
    return line.endswith((".", "!", "?")) or len(line.split()) > MAX_PROSE_WORDS


# A line that says roles follow: "Open roles: A, B", "Two open positions: frontend; ML/backend",
# "We have two engineering positions open:", "looking to hire:". What it lists are roles, with
# or without a job noun ("ML/backend" is a position of the comment's own role).
_LIST_LEAD = re.compile(
    r"\b(?:positions?|roles?|openings?|vacanc(?:y|ies)|hiring(?: for)?|to hire)"
    r"(?:\s+(?:open|available|include|are))?\s*:\s*"
    # ... or with no colon: "Opportunities include Computer Vision, Mobile, SRE"
    r"|\b(?:positions|roles|openings|opportunities)\s+include\s+",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(LIST_SEPARATOR)


def list_roles(lines: Iterable[str], of: str | None = None) -> list[str]:
    """The items of role lists: those after a lead-in's colon on its line, then the short lines
    that follow it (link-only lines skipped) up to the first sentence or heading; a line
    "Label: A, B" of the list gives its roles ("In engineering: ML engineer, DevOps"). An item
    naming no job but an area of work (`AREAS`) is a position of role `of` (the header's), read
    as "`of` (item)"; without `of` it names no role."""
    out: list[str] = []
    listing = False
    for raw in lines:
        line = _BULLET.sub("", raw).strip()
        line = (split_parts(line) or [""])[0] if "|" in line else line
        lead = _LIST_LEAD.search(line)
        if lead is not None:
            listing = True
            items = _items(line[lead.end() :])
        elif not listing or URL_ONLY.match(line):
            continue
        elif ": " in line and not _LINK.match(line[line.index(": ") + 1 :]):
            label, rest = line.split(": ", 1)
            items = [i for i in _items(rest) if is_role(i)]
            if _OTHER_HEADING.search(label) or not items:
                listing = False  # "Tech stack: Go, Rust" lists no roles
                continue
        elif heading(line, raw.strip() != line) is None and _list_item(raw, line):
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
            elif _area(item) and _ML_FIELD_WORD.search(item):
                out.append(item)  # "Opportunities include Computer Vision, ...": the ML position
    return out


def _items(text: str) -> list[str]:
    """The items of a list line, a qualifier kept with its role: "Staff Engineer, Mobile,
    Designer" -> ["Staff Engineer, Mobile", "Designer"]."""
    out: list[str] = []
    for item in _ITEM_SPLIT.split(text):
        qualifies = out and is_role(out[-1]) and "," not in out[-1] and not is_role(item)
        if qualifies and len(item.split()) <= MAX_QUALIFIER_WORDS and not _area(item):
            out[-1] = f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


MAX_QUALIFIER_WORDS = 2
MAX_ITEM_WORDS = 6  # an unbulleted list line longer than this is a sentence
MAX_SENTENCE_ITEM_WORDS = 3  # "ML/backend." ends like a sentence, yet is an item

# Fields of work a listed item may name without a job noun ("Open roles: Backend, ML/infra"):
# read as a position of the header's role. Tech names, perks and team slogans are not here.
AREAS = frozenset(
    """
    frontend front-end front backend back-end back fullstack full-stack full mobile ios android
    web design ux ui product data ml ai nlp vision cv platform infra infrastructure devops sre
    security firmware embedded hardware robotics systems cloud growth marketing sales ops
    operations support research analytics qa testing graphics 3d gpu compilers kernel networking
    database databases search payments billing tooling api apis integrations blockchain quant
    cybersecurity
    finance legal recruiting community devrel engineering science simulation perception autonomy
    controls mechanical electrical fpga asic audio video speech llm llms genai mlops inference
    core game rendering applied deep machine computer reliability performance
    """.split()
)


def _area(item: str) -> bool:
    """A listed item naming no job names an area of work ("ML/backend", "Data platform
    (Spark, Kafka)"): its first word, or a "/" half of it, is one of `AREAS`."""
    words = item.split()
    if not words or len(words) > MAX_ITEM_WORDS:
        return False
    return any(w in AREAS for w in re.split(r"[/+]", words[0].lower().strip("(),.")))


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
# The verbs that open a hiring sentence (`hired_roles` finds them with `str.find`).
HIRING_VERBS = ("looking for ", "seeking ", "searching for ", "hiring ", "to hire ")
_HIRING_VERB = "|".join(v.strip() for v in HIRING_VERBS)
HIRING_ML_ROLE = re.compile(
    rf"\b(?:{_HIRING_VERB})\s+"
    r"(?:(?:an?|our|the|two|three|several|more|multiple|experienced|talented|strong|great|\d+)\s+)*"
    rf"({_ML_ROLE})",
    re.IGNORECASE,
)


# ... or as people of a field: "looking to hire experienced, driven team leaders in machine
# learning, software engineering and bioinformatics". The field names the role, so a few words
# of any kind may qualify the people.
_ML_FIELD = r"(?:machine learning|ml|ai|deep learning|nlp|computer vision|generative ai|llms?)"
HIRING_ML_FIELD = re.compile(
    rf"\b(?:{_HIRING_VERB})\s+(?:[\w-]+,?\s+){{0,6}}?"
    r"((?:leaders?|leads?|engineers?|scientists?|researchers?|experts?|specialists?"
    rf"|developers?)\s+(?:in|for)\s+(?:the field of\s+)?{_ML_FIELD})\b",
    re.IGNORECASE,
)


def sentence_roles(lines: Iterable[str]) -> list[str]:
    """ML roles the body's hiring sentences name, each as written: alone after the verb, or
    as one item of the list the verb opens (`listed_ml_roles`)."""
    rules = (HIRING_ML_ROLE, HIRING_ML_FIELD)
    out = []
    for line in lines:
        out += [m[1] for rx in rules for m in rx.finditer(line)]
        if _ML_FIELD_WORD.search(line):
            out += listed_ml_roles(line)
    return out


# A hiring sentence that lists its roles: "Looking for full stack developers and machine
# learning engineers", "We're hiring for roles including front-end SWE, machine learning
# engineer, and ML scientist", "hiring frontend (React), backend (Go), and computer vision
# (OpenCV) engineers to help build ...". The list ends where the sentence or a clause does;
# an item without a job noun shares the last item's ("frontend ... engineers").
_ML_FIELD_WORD = re.compile(rf"\b{_ML_FIELD}\b", re.IGNORECASE)
_HIRING_LIST = re.compile(
    # ("hiring" in lower case: "Hiring Manager" is a person)
    rf"\b(?:{_HIRING_VERB.replace('hiring', '(?-i:hiring)')})\s+"
    r"(?:[^.!?:;]{0,60}?\b(?:including|such as|like)\s+)?([^.!?:;]{3,200})",
    re.IGNORECASE,
)
_LIST_END = re.compile(r"\s(?:to|who|that|with|in order|for (?:our|the|a|an)|at|on|in)\s", re.I)
MAX_LISTED_ROLES = 8


def listed_ml_roles(line: str) -> list[str]:
    """The items naming an ML field (`_ML_FIELD`) of the role lists a line's hiring sentences
    open, each with its job noun."""
    out = []
    for m in _HIRING_LIST.finditer(line):
        end = _LIST_END.search(_masked(m[1]))
        items = [i.strip() for i in _split_roles(m[1][: end.start()] if end else m[1])]
        if not 1 < len(items) <= MAX_LISTED_ROLES:
            continue  # one item is HIRING_ML_ROLE's; a long run is no list of roles
        noun = items[-1].split()[-1] if items[-1] and _job_word(items[-1].split()[-1]) else None
        for item in items:
            words = _PARENS.sub(" ", item).split()
            if not words or not _ML_FIELD_WORD.search(" ".join(words)):
                continue
            if _job_word(words[-1]):
                out.append(item)
            elif noun is not None and len(words) <= MAX_HIRED_WORDS:
                out.append(f"{item} {noun}")
    return out


# Any role a hiring sentence names ("We're looking for a few senior full stack devs to join",
# "seeking a junior C programmer"): the words after the verb up to the first job noun, the
# articles and counts before it left out. ("Hiring Manager" names a person: "hiring" is read in
# lower case only.) Found with `str.find` on the lowercased text: a regex tried at every
# position of every posting cost more than the rest of the seniority rules.
_HIRED_FILLERS = frozenset(
    "a an our the few two three four several more multiple some additional".split()
)
_SPAN_WORDS = frozenset({"and", "or", "to", "&", "both", "either"})
MAX_HIRED_WORDS = 5  # words of a role named in a sentence, at most


def hired_roles(text: str, lower: str, start: int = 0) -> list[str]:
    """Roles the hiring sentences of `text` (`lower` its lowercased copy, of the same length)
    name from `start` on, each as written, in text order."""
    found = []
    for verb in HIRING_VERBS:
        i = lower.find(verb, start)
        while i >= 0:
            if (i == 0 or not lower[i - 1].isalnum()) and (verb != "hiring " or text[i] == "h"):
                found.append(i + len(verb))
            i = lower.find(verb, i + 1)
    out = []
    for at in sorted(found):
        line_end = text.find("\n", at)
        stop = min(at + 100, line_end if line_end >= 0 else len(text))
        role = _hired_role(text[at:stop].split())
        if role:
            out.append(role)
    return out


def _hired_role(words: list[str]) -> str | None:
    phrase: list[str] = []
    for raw in words:
        word = raw.strip("*\"'“”‘’.,;:!?()")
        if "-to-" in word:
            return None  # "mid-to-senior level engineers"
        if not phrase and (word.lower() in _HIRED_FILLERS or word.isdigit()):
            continue
        lower = word.lower()
        if not word or lower in SENTENCE_WORDS or lower in DUTY_STARTS or lower in _SPAN_WORDS:
            return None  # a sentence, or a span of levels ("junior and senior engineers")
        phrase.append(word)
        if _job_word(lower):
            return " ".join(phrase)
        if len(phrase) >= MAX_HIRED_WORDS or raw[-1] in ".,;:!?()":
            return None
    return None


def head_noun(role: str) -> str | None:
    """The job noun heading a role, singular: "Senior Backend Engineers" -> "engineer"."""
    for raw in reversed(role.lower().split()):
        for word in reversed(raw.split("/")):
            word = word.strip("*\"'“”‘’.,;:!?()")
            if _job_word(word):
                return word if word in JOB_WORDS else word[:-1]
    return None


def choose_role(roles: Iterable[str], *prefer: Callable[[str], bool]) -> str | None:
    """The first role the first of `prefer` accepts (else the second's first, ...), else the
    first role; None without roles."""
    listed = list(roles)
    for accepts in prefer:
        found = next((r for r in listed if accepts(r)), None)
        if found is not None:
            return found
    return listed[0] if listed else None
