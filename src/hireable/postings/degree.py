"""Degree requirement (`none` | `preferred` | `equivalent` | `required`) and its lowest level.

How it reads a posting (GUIDELINES.md):
1. find every degree mention (`DEGREE_RULES`, scanned from trigger words, see scan.py) and drop
   those not asked of the candidate (company blurbs, benefits);
2. join mentions that are alternatives of one statement ("B.S., M.S., or PhD") into a group;
3. judge each group from the words after it (up to the next group or the clause end), the words
   before it in its segment, and the section it stands in: softened → preferred; an explicit
   alternative route → equivalent; otherwise required;
4. groups joined by "or" in one statement are one requirement (its loosest route, lowest level);
   a required group followed by "or equivalent experience" or a substitution sentence nearby
   becomes equivalent;
5. the strictest non-softened group wins; its lowest level is the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireable.postings.scan import Gated, Scanner, rule
from hireable.postings.segment import Doc
from hireable.postings.text import in_link

LEVELS = ("none", "associate", "bachelor", "master", "phd")
RANK = {name: i for i, name in enumerate(LEVELS)}
STATUS_ORDER = ("none", "preferred", "equivalent", "required")

# Degree mentions, by level. Abbreviations that collide with other words are guarded
# ("MS Excel", "Boston, MA", "master data").
_MS_PRODUCT = (
    r"(?![\s-]*(?:excel|office|word|access|sql|project|visio|power|teams|dynamics|outlook|azure"
    r"|windows|server|ssis|ssrs|suite|products?|stack|tools|applications|sharepoint|bi|team"
    r"|powerpoint|onenote|publisher|exchange|forms|planner|fabric|purview|intune|visual)\b"
    # "MS 90" in an address is a mail stop, "MS 5+ years" a degree path
    r"|\s*\d+(?=\s*(?:,|[a-z]|$))(?!\s*(?:years?|yrs)\b))"
)
# A count of years as postings write it ("3", "three"), and "N+ years" / "2-4 yrs".
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_COUNT_YEARS = rf"\b(?:\d+|{_NUMBER_WORD})\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs)\b"
# Tools one can be "a master in" (not fields of study).
_TOOL = (
    r"(?:excel|office|word|access|sql|powerpoint|python|tableau|power\s?bi|sas|spss|vba"
    r"|google|salesforce|jira|git)\b"
)
# Short abbreviations that are other things too ("BA" analyst, "MSC" committee) count only
# when they read as a degree: followed by a field, a slash, "or", "degree".
_DEGREE_CONTEXT = r"(?=\s*(?:/|,|or\b|degree|in\b|\(|\)|;|$))"
# (level, the words a mention starts with, the mention). Order matters where two rules match at
# one place: the first wins.
DEGREE_RULES = (
    rule(
        "phd",
        ("ph", "doctor"),
        # (not "PhD-level research", an adjective of the work)
        r"(?<![a-z])(?:ph\.?\s?d\b\.?(?![- ]level\s+(?:research|problems|work|science|math))"
        r"|doctorate|doctoral(?: degree)?)",
    ),
    rule(
        "master",
        ("master",),
        # not "scrum master", nor the verb ("master the tools"); a bare "master" only where a
        # degree reads on ("Master in Statistics", "Bachelor/Master", "PhD or Master + 2 years",
        # "master with 3+ years"), not in a name ("Master Patient Index", "master branch")
        r"(?<!scrum )master(?:(?:'|’)?s\b"
        r"|(?=[ \t]*(?:degrees?\b|of\b|in\b|or\b|and\b|level\b|[/,();.+&\n]|$"
        rf"|with \d|with {_NUMBER_WORD}\b))"
        rf"(?!\s+in\s+(?:ms\s+)?{_TOOL}))"  # "a master in Excel" is a skill
        r"(?!\s*(?:data|file|schedule|scheduler|of ceremonies|card))"
        # "leverage Master and/or Reference Data Management": a field, not a degree
        r"(?!\s+(?:and/or|and|or|&)\s+\w+\s+data\s+(?:management|governance|services))"
        r"(?!\s+(?:the|a|an|new|our|your|these|this|it)\b)"
        # ... nor the verb before another ("Master and provide training on the tools")
        r"(?!\s+and\s+(?:provide|apply|use|maintain|deliver|support|share|teach|train)\b)"
        r"(?!\s+of\s+the\b)"  # "Master of the ANSI formats" (a degree is "Master of Science")
        r"(?:\s+(?:of \w+|degree))?",
    ),
    rule(
        "master",
        ("m.", "ms", "msc", "mba", "meng"),
        rf"(?:m\.\s?sc?\b\.?{_MS_PRODUCT}|ms\b{_MS_PRODUCT}(?:\s+degree)?"
        rf"|msc\b{_DEGREE_CONTEXT}|mba\b|m\.a\.|meng\b)",
    ),
    rule(
        "master",
        ("advance", "graduate", "post", "higher"),  # "advance" starts "advanced" too
        r"(?<![a-z])(?:(?:advanced?|graduate|post-?grad(?:uate)?|higher)\s+degrees?"
        r"|graduate[- ]level degree|post-?grad(?:uate)?(?=\s+in\b))",
    ),
    rule(
        "bachelor",
        ("bachelor", "baccalaureate"),
        r"(?:bachelor(?:'|’)?s?\b(?:\s+(?:of \w+|degree))?"
        r"|baccalaureate)",
    ),
    rule(
        "bachelor",
        ("b.", "bs", "bsc", "ba", "beng", "btech"),
        rf"(?:b\.\s?sc?\b\.?|bs\b(?:\s+degree)?|bsc\b{_DEGREE_CONTEXT}|b\.a\."
        rf"|ba\b{_DEGREE_CONTEXT}|beng\b|b\.?tech\b)",
    ),
    rule(
        "bachelor",
        ("undergraduate", "4", "four", "college", "university"),
        r"(?<![a-z])(?:undergraduate(?=\s+(?:degree|or|/|and|diploma))(?:\s+degree)?"
        r"|(?:4[- ]year|four[- ]year|college|university)\s+degree)",
    ),
    rule(
        "associate",
        ("associate", "aa", "2", "two"),
        r"(?:associate(?:'|’)?s?\s+degree|associate(?:'|’)s\b|aa\b degree"
        # "Associates, Bachelor's, or Master's Degree": the first of a list of levels
        r"|associates(?=,?\s+(?:or\s+)?bachelor)"
        r"|(?:2|two)[- ]year degree)",
    ),
    # A bare "degree" with no level: a bachelor's (GUIDELINES) unless a level is named beside it
    # ("Master or above degree", "Masters or equivalent degree"). Not "degree of", "360-degree".
    rule(
        "degree",
        ("degree",),
        r"(?<!360 )(?<!360-)(?<!high )(?<!some )(?<!varying )(?<![a-z])degrees?\b"
        r"(?!\s+(?:of|to which|in which|program|completion|attainment))",
    ),
)
_DEGREES = Scanner(DEGREE_RULES)

# Between two mentions, only these words: the mentions are alternatives of one statement.
_CONNECTOR = re.compile(
    r"(?:[\s,/()&.:'’-]|or\b|and\b|degrees?\b|higher\b|above\b|level\b|in\b|with\b|an?\b|the\b"
    r"|plus\b|even\b|preferably\b|ideally\b|either\b|equivalent\b)*"
)
# Words that soften a degree statement. ("preferably in X" softens the field, not the degree.)
_SOFT = Gated(
    r"prefer(?:red|able)?\b|desir(?<!strongly desir)(?:ed|able)|\bplus!|bonus"
    r"|\ba (?:huge |big |strong |great |definite |nice )?plus\b"
    r"|nice[ -]to[ -]have|ideal(?:ly)?\b|is an? (?:asset|advantage)|advantageous|helpful"
    r"|would be (?:great|nice|good|beneficial)|not required|optional|recommended|encouraged"
    r"|\bif (?:any|applicable|possessed|possess|you have one)\b"
)
_STRICT = Gated(r"\b(?:required|requires?|must|minimum|mandatory)\b")
# An explicit alternative route to the degree (GUIDELINES: `equivalent`).
_EQUIV = Gated(
    r"equiv[ai]lent (?:\w+ ){0,2}(?:experience|combination|work|training|background|knowledge"
    r"|professional|practical)"
    # ("years of research or work experience" joins two kinds of experience: no route)
    r"|(?:or|and/or)(?<!research or)(?<!academic or)(?<!internship or)(?<!teaching or)"
    r"\s+(?:\w+\s+){0,2}(?:related|relevant|comparable|commensurate|applicable"
    r"|practical|professional|industry|work) (?:\w+ ){0,2}experience"
    r"|or \d{1,2}\s?[-–]\s?\d{1,2}\+? (?:\w+ ){0,2}years?\b"  # "Degree or 6-8 years of ..."
    r"|or (?:\w+ ){0,2}(?:\d{1,2}|one|two|three|four|five|six|seven|eight|ten)(?: \(\d{1,2}\))?\+? "
    r"(?:\w+ ){0,2}years?\b"
    r"|in lieu of|substitut\w+|combination of (?:education|training) and"
)
# A bare "or equivalent" right after the degree ("BS or equivalent"); after a list of fields it
# means an equivalent field ("in CS, Statistics or equivalent") and the degree stays required.
_BARE_EQUIV = re.compile(
    r"[\s,/)(]*(?:degree\s*)?(?:\([^)]{0,40}\)\s*)?,?\s*or (?:an? )?equivalent\b"
    r"(?!\s*(?:degree|field|discipline|qualification|major|area))"
)
# A sentence near the degree that opens an alternative route to it.
_SUBSTITUTE = re.compile(
    r"(?:experience|years?)(?: \([^()]{0,80}\))? (?:\w+ ){0,4}(?:may|can|could|will) (?:\w+ ){0,2}"
    r"(?:substitute|substituted|be considered in lieu|be accepted in lieu|replace)"
    r"|in lieu of (?:a |the |an )?(?:\w+ )?(?:degree|education)"
    r"|(?:degree|education)(?: requirement)? (?:may|can) be (?:substituted|waived|replaced)"
    r"|equivalent (?:\w+ ){0,2}experience (?:will|may|can) (?:also )?be (?:considered|accepted)"
)
_MAX_EVIDENCE = 240  # characters a degree quote may grow to when it takes in its alternative
_SUBSTITUTE_REACH = 6  # segments after the degree read for a substitution sentence
_SUBSTITUTE_WORDS = ("lieu", "substitut", "waive", "replace", "considered", "accepted")
# A segment that opens with "or ..." continues the previous one's alternatives.
_OR_LEAD = re.compile(r"(?:or|and/or)\s+(?:\w+\s+){0,4}(?:experience|years?)\b")
_OR_ARTICLE = r"(?:or|and/or)\s+(?:(?:a|an|the)\s+)?"
_OR_BEFORE_DEGREE = re.compile(_OR_ARTICLE)
_YEARS_OF_EXPERIENCE = Gated(rf"{_COUNT_YEARS}[^.;]*\bexperience\b")
# ... and the same within one statement, the "or" right after the experience it offers instead.
# ... or the degree shortens another path of years: "5 years of experience, or 3 years of
# experience with a PhD" (one route needs no degree, so the PhD is no requirement of its own).
_EXPERIENCE_OR = Gated(
    rf"{_COUNT_YEARS}[^.;]{{0,40}}\bexperience\b[^.;]{{0,30}}?,?\s*\b{_OR_ARTICLE}$"
    rf"|\bor\s+{_COUNT_YEARS}[^.;]{{0,40}}\bexperience\s+(?:with|and|plus)\s+(?:an?\s+)?$"
)
# Degrees that are not asked of the candidate: company blurbs, benefits, the team's résumé.
# (Every alternative starts with a letter, not a group: the engine then skips the positions no
# alternative can start at.)
_OFFERED_DEGREES = r"\b[^.;]{0,60}\bdegrees\b"
_NOT_ASKED = re.compile(
    r"tuition|reimburs|scholarship|sponsor\w* (?:your|a|their|an) "
    r"|our team (?:of|has|includes)|the team (?:of|has|includes)"
    r"|(?:we are|we're) (?:a )?(?:\w+ )?(?:group|team|mix|bunch) of"  # "We are a group of PhDs"
    r"|phds? (?:and|from|who)|students? (?:and|who|learn)|educational (?:products|content)"
    r"|online degree|degree programs? for|we (?:hire|employ)"
    # the company's own offering: "universities partner with us to offer courses and degrees"
    rf"|offers?{_OFFERED_DEGREES}|offering{_OFFERED_DEGREES}|provides?{_OFFERED_DEGREES}"
    rf"|earn(?:ed)?{_OFFERED_DEGREES}"
    r"|universities (?:and|partner|to)"
)
# ... and the team's own degrees: "Many of us have PhDs" (apart: a word alternation at the start
# of `_NOT_ASKED` would be tried at every position of every segment).
_TEAM_HOLDS = Gated(r"\b(?:many|most|some|all|several) of us (?:have|hold)\b")
# Qualification words that mark a degree mention as asked of the candidate even in a section
# read as company/duties text.
_ASKED = Gated(
    r"requir|prefer|must|minimum|qualif|degree in|in (?:a |an )?(?:related|relevant|quantitative)"
    r"|equivalent|candidate|you have|or higher|\bfield\b|discipline|pursuing|enrolled"
    # a degree paired with years asked: "a BA and at least 2 years in the trade"
    r"|and (?:at least |a minimum of )?\d{1,2}\+?(?:\s?[-–]\s?\d{1,2})? years"
)
# "Bachelor in Accounting": a degree with its field is a qualification wherever it stands.
_FIELD_AFTER = re.compile(r"\s+(?:degree\s+)?in\s+(?!lieu|order|a way|the )")
_GENERIC = re.compile(r"degrees?\b.*", re.DOTALL)
_ENDS_WITH_OR = re.compile(r"\bor(?: an?)?$")  # "... or an MBA"
_EVIDENCE_BEFORE = 80  # a degree this far into its sentence is quoted from the sentence start
# A clause ends at ";", " - " or a full stop that does not close an abbreviation ("Ph.D. in").
# (The lookbehinds follow the "." so the engine tries them only at a full stop.)
_CLAUSE_END = Gated(
    r";|\.(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bph\.d\.)(?<![^a-z][mb]\.[sa]\.)(?<!\betc\.)(?:\s|$)"
    r"|\s[—–]\s"
)
_WINDOW = 160  # characters after a group read for its qualifiers
# A degree the posting says it does not ask for ("no degree required", "a degree is not
# required", "you don't need a CS degree", "without a degree") is not a requirement at all;
# "not required but preferred" stays a preference.
_NEG_BEFORE = Gated(
    r"(?:\bno|\bwithout(?: an?| any)?|\b(?:do not|don[’']t|does not|doesn[’']t|won[’']t"
    r"|will not) (?:need|require|have)(?: an?| any)?|\bcare about)(?: [\w.’']+){0,2} ?$"
)
_NEG_AFTER = re.compile(
    r"(?:\s+(?:is|are))?\s+(?:not|n[o’']t)\s+(?:an? )?(?:required|necessary|needed|mandatory"
    r"|essential|requirement|must)\b"
    r"|(?:is|are)n[’']t\s+(?:required|necessary|needed|mandatory|essential)\b"
)
_BUT_SOFT = re.compile(
    r"\s*,?\s*(?:but|though|although)\b[^.;]{0,40}?(?:prefer|plus|desir|nice|ideal)"
)
# A soft word closing the whole statement, its alternatives too: "A degree in physics or a
# similar field, or equivalent work experience, preferred". (Not "..., SQL preferred".)
_SOFT_CLOSE = Gated(
    r"(?:,|(?<=experience)|(?<=equivalent)|(?<=field)|(?<=degree))\s*(?:is |are )?"
    r"(?:strongly |highly )?(?:preferred|desired|a plus)\W*$"
)
_NOT_REQUIRED = re.compile(r"\bnot (?:an? )?(?:required|requirement|mandatory)\b")
# A list of fields in parentheses after the degree: a preference in it is for the field
# ("Bachelor's degree (Psychology, Economics or Social Sciences preferred)").
_FIELD_LIST = re.compile(r"\((?=[^()]*(?:,|\bor\b))[^()]*\)")
# Strict words after a degree that are not about the degree: its negation, and a minimum grade
# ("a degree in business, with a minimum 3.40 GPA" under "Preferred:" stays preferred).
_NOT_STRICT = Gated(
    _NOT_REQUIRED.pattern + r"|\bminimum (?:of )?(?:an? )?(?:[\d.]+ )?(?:cumulative )?gpa\b"
)
_NEG_REACH = 60  # characters before and after a mention read for its negation
_NEGATED_OTHER = Gated(r"^.*\bnot (?:an? )?(?:required|necessary|needed)\W*but\b", re.DOTALL)


@dataclass
class Group:
    level: str
    status: str
    start: int  # the evidence: from shortly before the first mention ...
    end: int  # ... to the end of the words that qualify it
    seg: int
    first: int  # the first mention's start
    last: int  # the last mention's end
    explicit: bool = True  # its own words or its section's heading decided it, not a default
    by_words: bool = True  # its own words decided it (not its section)


@dataclass
class DegreeResult:
    degree: str
    level: str
    span: tuple[int, int] | None  # the deciding segment
    # Where each degree asked for is named (text offsets, in order; a preference is no path).
    mentions: tuple[int, ...]
    clear: bool = True  # the decision rests on explicit words, not a heading or a conflict


def analyse_degree(doc: Doc) -> DegreeResult:
    """The degree requirement, its lowest level, and where the text says so."""
    groups = _groups(doc)
    if not groups:
        return DegreeResult("none", "none", None, ())
    best = max(STATUS_ORDER.index(g.status) for g in groups)
    winners = [g for g in groups if STATUS_ORDER.index(g.status) == best]
    level = min((g.level for g in winners), key=RANK.__getitem__)
    decider = next(g for g in winners if g.level == level)
    # Borderline: only a heading made it (preferred or required), or statements disagree on
    # whether the degree is a filter (a required one beside a preferred or equivalent one).
    statuses = {g.status for g in groups}
    clear = decider.explicit and not {"required", "equivalent"} <= statuses
    span = (decider.start, decider.end)
    mentions = tuple(sorted(g.first for g in groups if g.status != "preferred"))
    return DegreeResult(STATUS_ORDER[best], level, span, mentions, clear)


def _groups(doc: Doc) -> list[Group]:
    lower = doc.lower
    mentions: list[tuple[int, int, str, int]] = []
    asked_cache: dict[int, bool] = {}
    found = [
        (s, e, level, doc.index(s))
        for s, e, level, _ in _DEGREES.find(lower, doc.words())
        if not _negated(doc, s, e) and not in_link(lower, s)
    ]
    # A degree with its field ("PhD in Physics") is asked for, and so are the others beside it.
    with_field = {seg for _, end, _, seg in found if _FIELD_AFTER.match(lower, end)}
    for mention in found:
        seg = mention[3]
        if seg not in asked_cache:
            asked_cache[seg] = seg in with_field or _asked(doc, seg)
        if asked_cache[seg]:
            mentions.append(mention)
    groups: list[Group] = []
    current: list[tuple[int, int, str, int]] = []
    first = True  # the group is the first in its segment: the words before it qualify it
    for mention in mentions:
        if current and (
            mention[3] != current[-1][3]
            or _CONNECTOR.fullmatch(lower, current[-1][1], mention[0]) is None
        ):
            same_seg = mention[3] == current[-1][3]
            groups.append(_group(doc, current, mention[0] if same_seg else -1, first))
            first = not same_seg
            current = []
        current.append(mention)
    if current:
        groups.append(_group(doc, current, -1, first))
    _join_alternatives(lower, groups)
    combined_route = _combination_anywhere(doc) if groups else None
    for g in groups:
        if g.status != "required":
            continue
        if _after_experience(doc, g, groups):
            g.status = "equivalent"  # "8+ years of experience ... / or a Master's degree"
            continue
        route = _next_alternative(doc, g.seg)
        if route is None:
            route = _substitute_near(doc, g.seg)
        if route is None:
            route = combined_route
        if route is not None:
            g.status = "equivalent"
            # The evidence runs on to the sentence that opens the other route (one after it:
            # a route stated before the degree leaves the quote as it is).
            if g.end < doc.ends[route] <= g.start + _MAX_EVIDENCE:
                g.end = doc.ends[route]
    return groups


def _after_experience(doc: Doc, g: Group, groups: list[Group]) -> bool:
    """The degree is the other route of an experience requirement just before it, one that
    names no degree (not a list of degree paths, "BS with 6 years, or MS with 4 years"): "5
    years of related experience, or a Master's degree", or the same across two segments, "6+
    years of experience in forecasting / or a Master's degree in economics"."""
    if any(h.seg == g.seg and h.first < g.first for h in groups):
        return False  # a degree before it in its segment: paths, not experience
    lead = doc.lower[doc.starts[g.seg] : g.first].lstrip("-–* ")
    if _EXPERIENCE_OR.search(lead):
        return True
    if g.seg == 0 or any(h.seg == g.seg - 1 for h in groups):
        return False
    if _OR_BEFORE_DEGREE.fullmatch(lead) is None:
        return False
    before = doc.lower[doc.starts[g.seg - 1] : doc.ends[g.seg - 1]]
    return _YEARS_OF_EXPERIENCE.search(before) is not None


def _join_alternatives(lower: str, groups: list[Group]) -> None:
    """Degree paths joined by "or" in one statement ("Bachelor's or equivalent experience, 8
    years, or master's and 6 years") are one requirement: its loosest route and lowest level."""
    chain: list[Group] = []
    for g in groups + [None]:  # type: ignore[list-item]
        if g is not None and chain and g.seg == chain[-1].seg:
            gap = lower[chain[-1].last : g.first].rstrip(" ,;(")
            if _ENDS_WITH_OR.search(gap):
                chain.append(g)
                continue
        if len(chain) > 1:
            # What the last alternative's own words say of it ("a Master's and/or MBA would be
            # a plus") they say of the whole statement when the others say nothing of their own,
            # unless they stand in parentheses ("Bachelor's (CPA or MBA a plus)", "MBA (a plus)").
            if (
                chain[-1].by_words
                and not any(c.by_words for c in chain[:-1])
                and "(" not in lower[chain[0].first : chain[-1].end]
            ):
                status = chain[-1].status
            else:
                status = next(
                    s
                    for s in ("equivalent", "required", "preferred")
                    if any(c.status == s for c in chain)
                )
            level = min((c.level for c in chain), key=RANK.__getitem__)
            for c in chain:
                c.status, c.level = status, level
        chain = [g] if g is not None else []


def _negated(doc: Doc, start: int, end: int) -> bool:
    """The clause says this degree is not asked for ("no degree required")."""
    seg = doc.index(start)
    lower = doc.lower
    before = lower[max(doc.starts[seg], start - _NEG_REACH) : start]
    cut = max(before.rfind("."), before.rfind(";"), before.rfind("\n"))
    if _NEG_BEFORE.search(before[cut + 1 :]):
        return True
    after = lower[end : min(doc.ends[seg], end + _NEG_REACH)]
    m = _NEG_AFTER.match(after)
    return m is not None and not _BUT_SOFT.match(after, m.end())


def _asked(doc: Doc, seg: int) -> bool:
    text = doc.lower[doc.starts[seg] : doc.ends[seg]]
    if _NOT_ASKED.search(text) or _TEAM_HOLDS.search(text):
        return False
    return doc.sections[seg] != "other" or _ASKED.search(text) is not None


def _group(
    doc: Doc, mentions: list[tuple[int, int, str, int]], next_start: int, first: bool
) -> Group:
    lower = doc.lower
    start, end, seg = mentions[0][0], mentions[-1][1], mentions[0][3]
    seg_start, seg_end = doc.starts[seg], doc.ends[seg]
    limit = min(seg_end, end + _WINDOW, next_start if next_start >= 0 else seg_end)
    if next_start >= 0 and _GENERIC.fullmatch(lower, next_start, next_start + 7):
        limit = min(seg_end, end + _WINDOW)  # "..., or related degree and/or equivalent experience"
    stop = _CLAUSE_END.search(lower, end, limit)
    after = lower[end : stop.start() if stop else limit]
    before = lower[seg_start:start] if first else ""
    named = [m[2] for m in mentions if m[2] != "degree"] or ["bachelor"]
    level = min(named, key=RANK.__getitem__)
    status, by_words = _own_status(before, after)
    explicit = by_words
    if status is None:
        status, explicit = _section_status(doc, seg)
    left = seg_start if start - seg_start <= _EVIDENCE_BEFORE else lower.find(" ", start - 40) + 1
    right = stop.start() if stop else limit
    return Group(level, status, left, right, seg, start, end, explicit, by_words)


def _own_status(before: str, after: str) -> tuple[str | None, bool]:
    """(status, True) when the statement's own words decide it, else (None, False)."""
    if _SOFT_CLOSE.search(after) and not _STRICT.search(after):
        return "preferred", True  # "Bachelor's degree, or equivalent experience, preferred"
    if _EQUIV.search(after) or _BARE_EQUIV.match(after):
        return "equivalent", True
    # "not required" softens this degree ("preferably, but not required, a degree"), unless it
    # closed a negated one before a "but" ("a PhD is not required, but a master's is").
    lead = _NEGATED_OTHER.sub("", before[-60:])
    strict_after = _NOT_STRICT.sub("", after)
    if _STRICT.search(strict_after) or (_STRICT.search(lead) and not _SOFT.search(lead)):
        return "required", True
    if _SOFT.search(_FIELD_LIST.sub("", after)) or _SOFT.search(lead):
        return "preferred", True
    return None, False


def _section_status(doc: Doc, seg: int) -> tuple[str, bool]:
    """(status, whether a heading said it) for a degree its own words leave open."""
    if doc.sections[seg] == "pref":
        return "preferred", True  # a soft heading says so plainly
    # A bare degree under a requirements heading is plainly asked; one with no heading at all
    # (a blurb, an unheaded list) is read as required, but less surely.
    return "required", doc.sections[seg] == "req"


def _substitute_near(doc: Doc, seg: int) -> int | None:
    """The segment near the degree that opens another route ("Experience may substitute for
    the degree", "... in lieu of education"), if any."""
    first, last = max(0, seg - 1), min(seg + _SUBSTITUTE_REACH, len(doc.starts) - 1)
    text = doc.lower[doc.starts[first] : doc.ends[last]]
    if not any(w in text for w in _SUBSTITUTE_WORDS):
        return None
    m = _SUBSTITUTE.search(text)
    return None if m is None else doc.index(doc.starts[first] + m.start())


# "An equivalent combination of education and experience" opens a route to every degree the
# qualifications name, wherever in them it stands (often the last bullet, far from the degree).
_COMBINATION = re.compile(
    r"equivalent combinations? of (?:\w+ ){0,2}(?:education|training|experience)"
    r"|combinations? of (?:relevant )?(?:education|training) and (?:\w+ )?experience"
)


def _combination_anywhere(doc: Doc) -> int | None:
    """The segment that offers an equivalent combination of education and experience."""
    if "combination" not in doc.lower:
        return None
    m = _COMBINATION.search(doc.lower)
    return None if m is None else doc.index(m.start())


def _next_alternative(doc: Doc, seg: int) -> int | None:
    """The next segment or the one after, when it reads "or equivalent experience" / "or 4
    years of ..."."""
    for nxt in range(seg + 1, min(seg + 3, len(doc.starts))):
        text = doc.lower[doc.starts[nxt] : doc.ends[nxt]].lstrip("-–* ")
        if _OR_LEAD.match(text) or text.startswith(("or equivalent", "equivalent experience")):
            return nxt
    return None
