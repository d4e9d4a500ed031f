"""Minimum years of professional experience on the easiest stated path (GUIDELINES: years_min).

Each "3+ years", "2-4 years", "five (5) years", "at least 2 years" that is about experience
counts, unless it is softened (preferred, a plus, under a "Nice to have" heading). Requirements
that apply together take the largest; alternatives in one statement ("PhD and 2 years, or MS and
5 years") and separate degree paths take the smallest.
"""

from __future__ import annotations

import re

from hireable.postings.scan import Gated, NeedleHits
from hireable.postings.segment import Doc

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(WORD_NUMBERS) + r")"
# Read backwards from each "year"/"yr": the count in front of it, anchored at its end.
_YEARS = re.compile(
    rf"(?<![\d$])(?<!\d[.,])(?<![a-z]){_NUM}(?:\s*\(\d{{1,2}}\))?\s*(?:\+|plus)?\s*"
    rf"(?:(?:-|–|—|~|to|or)\s*{_NUM}(?:\s*\((?:\d{{1,2}}\s*[-–]\s*)?\d{{1,2}}\))?\s*\+?\s*)?"
    r"(?:or (?:more|greater)\s+)?"
    r"(?:full[- ]time\s+)?(?=years?\b|yrs?\b|yoe\b)"
)
_UNIT = re.compile(r"(?:years?|yrs?|yoe)\b(?:'|’)?")
_LOOK_BACK = 40
_ABOUT_WORK = re.compile(  # "exp" as a word; its boundary checked after it, so every
    # alternative starts with a letter and the engine skips positions none can start at
    r"experience|exp\b(?<=\bexp)|work|industry|professional|background|track record"
    r"|responsibilit|progressive"
)
# Years that are not an experience requirement: ages, company history, durations of programs.
_NOT_EXPERIENCE = re.compile(
    r"^(?:\s*(?:old|of age|ago|of (?:college|university|school|coursework|study|"
    r"education|undergraduate|graduate)|degree|program|contract|warranty|history))"
    r"|^[^.;]{0,20}\b(?:founded|since|anniversary|running|in a row)"
)
# ... and the years of an award: "voted a best place to work for nine years".
_AWARD = Gated(r"\b(?:best (?:places?|compan(?:y|ies)) to work|awards?|voted|top workplaces?)\b")
_NOT_EXPERIENCE_BEFORE = Gated(
    r"(?:(?:over|for|in|during) the (?:past|last|next)|for (?:over|more than|nearly|almost)"
    r"|within|after|every|up to|first|than|established|founded|history of|more than|nearly"
    # the team's own record, not what is asked: "our founding team has 10+ years"
    r"|\b(?:team|founders?|we|they) (?:has|have|had|brings?)(?: (?:over|a combined|combined))?"
    r"|\bwith us(?: for)?"  # tenure: "a sabbatical for those who are with us 3 years"
    r"|\bfounded by [\w\s,]{0,40}\bwith(?: over)?)"  # "founded by two brothers with 20+ years"
    r"\s*$"
)
_SOFT = Gated(
    r"(?:prefer(?:red|able)|desired)\b(?!\s+(?:experience|qualifications|requirements|skills"
    r"|background|industry|in\b|with\b|from\b))"
    r"|\ba (?:huge |big |strong |great |definite |nice )?plus\b|\bplus!"
    # "7+ years of C++, ideally in robotics": the ideal is the domain, not the years.
    r"|bonus|nice[ -]to[ -]have|ideal(?:ly)?\b(?!,?\s+(?:in|with|using|on|at|from|within)\b)"
    r"|desirable|is an? (?:asset|advantage)|advantageous|helpful|would be (?:great|nice)"
)
# A bullet that opens with the count is a requirement even without the word "experience":
# "- 3+ years of SQL", "5 years in a data role".
_BULLET_LEAD = re.compile(r"[-–*•\s]*(?:minimum (?:of )?|at least |min\.? )?")
_SKILL_YEARS = re.compile(
    r"\s+(?:of|in|with|within|at|working|using|building|doing|developing|hands)\b"
    r"|:\s"  # "4+ years: JavaScript, HTML, CSS"
)
# So is one that says what was done those years ("4+ years performing statistical analysis",
# "4-6 years as an individual contributor"). In a company blurb this could be history ("15 years
# helping retailers grow"), but no section is excluded: on the corpus that never happened, while
# requirements under headings the segmenter does not know often read this way.
_DOING_YEARS = re.compile(r"\s+(?:as an?|[a-z]{2,}ing)\b")
_REQUIRED = Gated(r"\b(?:required|requires?|must|mandatory)\b")
# Softened right before the count: "preferably 3+ years", "recent grads, or preferred 2+ years"
# (a bare "... preferred 2 years" is usually the end of the item before, glued on).
_SOFTLY = Gated(r"(?:preferabl|ideall)y,?\s*(?:at least\s*)?$|(?:\bor|,)\s*preferred\s*$")
_CLAUSE_END = re.compile(r"[;(]|\.\s|\s[—–-]\s|,\s(?=more|ideally|preferably)")
_ALTERNATIVE = re.compile(r"\bor\b")
_WORD_END = re.compile(r"\w*")
_ITEM_START = re.compile(r"\s(?:Minimum|At least|Min\.?)(?: of)?\s*$")  # (on the text, with case)
_QUOTE_BEFORE, _QUOTE_AFTER = 40, 140  # characters of evidence around a long statement's count
_ALTERNATIVE_GAP = 90  # two year counts this close with an "or" between are alternatives
_CLAUSE_CHARS = 120  # glued bullets make long "clauses"; a softener further away is another item's
_MAX_YEARS = 20  # beyond this it is company history, not a requirement


def analyse_years(
    doc: Doc, degree_mentions: tuple[int, ...] = ()
) -> tuple[int | None, tuple[int, int] | None]:
    """(years_min or None, (start, end) of the deciding text or None).

    `degree_mentions` are where degrees asked for are named: years in their segments belong to
    one degree path ("MS with 3 years"), and paths are alternatives, so the smallest path counts.
    """
    lower = doc.lower
    degree_segments = {doc.index(m) for m in degree_mentions}
    by_seg: dict[int, list[tuple[int, int]]] = {}
    counts = _year_counts(lower, doc.needles())
    # A count's clause ends where the next count starts: in "minimum 3 years, 5+ years
    # preferred" the softener is the second count's. Alternatives share theirs ("BS with 8
    # years or MS with 6 years preferred").
    for i, (start, end, n) in enumerate(counts):
        next_start = counts[i + 1][0] if i + 1 < len(counts) else len(lower)
        if next_start < end + _CLAUSE_CHARS and _ALTERNATIVE.search(lower, end, next_start):
            next_start = len(lower)
        if n > _MAX_YEARS:
            continue
        seg = doc.index(start)
        if not _is_requirement(doc, seg, start, end, next_start, seg in degree_segments):
            continue
        by_seg.setdefault(seg, []).append((n, start))
    form = _form_years(doc)
    if form is not None:
        n, start = form
        by_seg.setdefault(doc.index(start), []).append((n, start))
    if not by_seg:
        return None, None
    paths: list[tuple[int, int]] = []
    together: list[tuple[int, int]] = []
    for seg, found in by_seg.items():
        # a path of its own too: a statement opening with "OR" ("OR Experience: 10+ years")
        is_path = seg in degree_segments or doc.text.startswith(("OR ", "Or "), doc.starts[seg])
        listed = is_path and _each_after_a_degree(found, degree_mentions, doc.starts[seg])
        (paths if is_path else together).append(_segment_value(lower, found, is_path, listed))
    candidates = []
    if paths:
        candidates.append(min(paths))
    if together:
        candidates.append(max(together))
    value, pos = max(candidates)
    return value, _quote_span(doc, pos)


# A form's field, its value after the label, on the same line or the next ("Relevant Experience
# (in yrs)" / "7+", "Years of experience: 5-8"): the unit stands in the label, not after the count.
# Read at each "year"/"yr": the label from there (and the words before it), then the value.
_FORM_LABEL = re.compile(
    r"years? of (?:relevant |total |overall |professional )?experience(?: required)?"
    r"|(?:years?|yrs)\)|years\b|yrs\b"
)
_FORM_LABEL_BEFORE = re.compile(r"experience (?:\((?:in )?|in )$")  # "experience (in " + "yrs)"
_FORM_VALUE = re.compile(
    r"[ \t]*[:\-–]?\s*?\n?[ \t]*(\d{1,2})[ \t]*\+?"
    r"(?:[ \t]*(?:-|–|to)[ \t]*\d{1,2}[ \t]*\+?)?[ \t]*(?:years?|yrs)?[ \t]*(?:\n|$)"
)


def _form_years(doc: Doc) -> tuple[int, int] | None:
    """(years, where the value stands) of a form field naming the years of experience asked."""
    lower, needles = doc.lower, doc.needles()
    for i in (*needles.at("year"), *needles.at("yr")):
        label = _FORM_LABEL.match(lower, i)
        if label is None:
            continue
        if not label[0].startswith("years of") and not _FORM_LABEL_BEFORE.search(
            lower, max(0, i - 16), i
        ):
            continue
        m = _FORM_VALUE.match(lower, label.end())
        if m is not None and int(m[1]) <= _MAX_YEARS:
            if doc.sections[doc.index(m.start(1))] != "pref":
                return int(m[1]), m.start(1)
    return None


def _quote_span(doc: Doc, pos: int) -> tuple[int, int]:
    """The words around a year count, within its segment: a short quote for the evidence."""
    seg = doc.index(pos)
    start, end = doc.starts[seg], doc.ends[seg]
    if pos - start > _QUOTE_BEFORE:
        start = doc.lower.find(" ", pos - _QUOTE_BEFORE, pos) + 1 or pos
    if end - pos > _QUOTE_AFTER:
        cut = doc.lower.rfind(" ", pos, pos + _QUOTE_AFTER)
        end = cut if cut > pos else pos + _QUOTE_AFTER
    return start, end


_UNITS = ("year", "yr", "yoe")  # ("5+ YOE": years of experience)


def _year_counts(lower: str, needles: NeedleHits) -> list[tuple[int, int, int]]:
    """(start, end, number) of each "3+ years", "2-4 years", "five (5) years"."""
    out = []
    for unit in _UNITS:
        for i in needles.at(unit):
            unit_m = _UNIT.match(lower, i)
            if unit_m is not None and (i == 0 or not lower[i - 1].isalpha()):
                lo = max(0, i - _LOOK_BACK)
                for m in _YEARS.finditer(lower, lo, unit_m.end()):
                    if m.end() == i:
                        n = _number(m.group(1))
                        if n is not None:
                            out.append((m.start(), unit_m.end(), n))
                        break
    out.sort()
    return out


def _number(token: str) -> int | None:
    if token in WORD_NUMBERS:
        return WORD_NUMBERS[token]
    try:
        return int(float(token))
    except ValueError:
        return None


# Years a degree path adds: "Master's degree in X plus 7 years ...", "BS + 3 years".
_PATH_YEARS = Gated(r"(?:\bplus|\+|\bwith|\band)\s*(?:at least\s*|a minimum of\s*)?$")


def _is_requirement(
    doc: Doc, seg: int, start: int, end: int, next_start: int, on_path: bool = False
) -> bool:
    """The count at `start`-`end` is experience the posting asks for; `on_path`: its segment
    names a degree asked for."""
    lower = doc.lower
    seg_start, seg_end = doc.starts[seg], doc.ends[seg]
    after = lower[end : min(seg_end, end + 90)]
    before = lower[max(seg_start, start - 40) : start]
    if _NOT_EXPERIENCE.match(after) or _NOT_EXPERIENCE_BEFORE.search(before):
        return False
    if _AWARD.search(lower[seg_start:start]):
        return False
    if not (
        lower.startswith("yoe", end - 3)
        or _ABOUT_WORK.search(after)
        or _ABOUT_WORK.search(lower[seg_start:start])
        or _BULLET_LEAD.fullmatch(before)
        and (_SKILL_YEARS.match(lower, end) or _DOING_YEARS.match(lower, end))
        or on_path
        and _PATH_YEARS.search(before) is not None
    ):
        return False
    limit = min(seg_end, end + _CLAUSE_CHARS, max(end, next_start))
    word = _WORD_END.match(lower, limit) if limit == end + _CLAUSE_CHARS else None
    if word is not None:  # a whole last word: "preferred requirements" heads a list, no softener
        limit = min(seg_end, word.end())
    stop = _CLAUSE_END.search(lower, end, limit)
    clause_after = lower[end : stop.start() if stop else limit]
    lead = lower[seg_start:start]
    if doc.sections[seg] == "pref":
        # Under a soft heading only a count its own clause calls required stays one
        # ("Preferred experience: ... 10+ years of work experience required.").
        return _REQUIRED.search(clause_after) is not None
    # A softener opening the segment ("Preferred: 3+ years") is the count's, unless a new item
    # starts before the count, glued on ("advanced degree preferred Minimum 3 years").
    soft_start = _SOFT.search(lead[:25]) and not _ITEM_START.search(doc.text, seg_start, start)
    return not (_SOFT.search(clause_after) or soft_start or _SOFTLY.search(lead))


def _each_after_a_degree(
    found: list[tuple[int, int]], mentions: tuple[int, ...], start: int
) -> bool:
    """Whether a degree is named before each count and after the count before it."""
    bounds = [start] + [pos for _, pos in found[:-1]]
    return len(found) > 1 and all(
        any(low <= m < pos for m in mentions) for low, (_, pos) in zip(bounds, found, strict=True)
    )


def _segment_value(
    lower: str, found: list[tuple[int, int]], is_path: bool, listed: bool = False
) -> tuple[int, int]:
    """(years, where) for several counts in one statement: alternatives ("or") take the
    smallest, counts that apply together the largest. In a list of degree paths ("BS with 7
    years, MS with 5 years, or PhD with 3 years") any "or" makes them all alternatives, and so
    does each count following a degree of its own (`listed`: "BS + 6 years, MS + 4 years")."""
    if len(found) == 1:
        return found[0]
    if listed or is_path and _ALTERNATIVE.search(lower, found[0][1], found[-1][1]):
        return min(found)
    values = [found[0]]
    for (_, prev), (n, pos) in zip(found, found[1:], strict=False):
        if pos - prev <= _ALTERNATIVE_GAP and _ALTERNATIVE.search(lower, prev, pos):
            values[-1] = min(values[-1], (n, pos))  # "PhD and 2 years, or MS and 5 years"
        else:
            values.append((n, pos))
    return max(values)
