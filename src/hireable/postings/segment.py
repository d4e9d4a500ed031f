"""Sentences, bullets and section headings of a clean description.

Many scraped descriptions lost their newlines, so bullets and headings are glued to their
neighbours ("...dashersAs a machine learning...", "QualificationsBachelor's degree..."). The
segmenter cuts at line breaks, sentence ends, bullet marks and lowercase→Uppercase joins, then
reads each short segment that matches a heading from `HEADINGS` and marks every following
segment with that section's kind until the next heading.

`Doc` keeps the text, its lowercase copy (same offsets) and the segment boundaries, so the
field analysers run one regex over the whole text and map each hit to its segment by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add

from hireable.postings.scan import TRIGGERS, WORD_EDGE_PUNCT, NeedleHits, WordHits, positions

# Product names written in CamelCase are one word, not a glued sentence ("TensorFlow").
CAMEL_CASE_HEADS = ("Tensor", "Py", "Java", "Power", "Git", "Big", "My", "No", "Postgre", "Sage",
                    "Num", "Sci", "Linked", "You", "Mongo", "Share", "Type", "Light", "Micro",
                    "Cloud", "Snow", "Dev", "Mc", "Mac", "Work", "Sales", "Drop", "Door", "Data",
                    "Hub", "Red", "Dyna", "Net", "Open", "Master")  # fmt: skip

# Where one segment ends and the next begins: `_BOUNDARY.sub(_cut, text)` puts a line break at
# each (`cut_text`).
# Every cut starts with one character of the leading class, so the regex engine skips quickly
# between candidates; lookbehinds then check the context. `_cut` gives back the consumed
# character: a sentence end stays left of the cut, a glued word's first letter right of it;
# other matches (spaces, bullet marks) are dropped.
_LINE_BREAK = r"(?<=\n)\s*"
# a sentence end ". Next" or glued ".Next" (not "Ph. D.", "vs. X", "e.g. Python", "2.5")
_SENTENCE_END = (
    r"(?<=[a-z0-9)%\]][.!?])(?<!Ph\.)(?<!vs\.)(?<!Sr\.)(?<!e\.g\.)(?<!i\.e\.)"
    r"\s+(?=[\"“(]?[A-Z0-9])"
)
_GLUED_SENTENCE_END = r"(?<=[a-z)][.!?:])(?<!Ph\.)(?=[A-Z0-9])"
_GLUED_SEMICOLON = r"(?<=[a-z)];)(?=[A-Z0-9])"
_SEMICOLON = r"(?<=;)\s+"  # semicolon-separated requirements
# a glued heading or bullet "dashersAs", "HavesFamiliar" (not "and/orElectrical")
_GLUED_WORD = (
    r"(?<=[a-z]{2}[A-Z])(?<!\bor[A-Z])(?<!/or[A-Z])(?<!\band[A-Z])"
    + "".join(f"(?<!\\b{w}[A-Z])" for w in CAMEL_CASE_HEADS)
    + r"(?=[a-z\s])"
)
# a glued degree "preferredB.S.", "fieldMS or PhD"
_GLUED_DEGREE = r"(?<=[a-z]{2}[BMP])(?=\.[SAE]|S\b|A\b|BA\b|Sc\b|h\.?D)"
# glued years "Qualifications2+ years", "POINTS2+ years", "About You3+ years"
_GLUED_YEARS = (
    r"(?<=[a-zA-Z]{3}[0-9])(?<![a-z][A-Z]{2}[0-9])"
    r"(?=\d?\s*(?:\+|-|–|to\b|years?\b|yrs\b))"
)
# a years bullet glued with a space "...relevant field 6+ years", unless the words before
# lead into it ("with 4+ years", "at least 3+ years")
_SPACED_YEARS = (
    r"(?<=[a-z]{3} [0-9])(?<!with [0-9])(?<!\bof [0-9])(?<!least [0-9])"
    r"(?<!mum [0-9])(?<!\band [0-9])(?<!\bor [0-9])(?<!have [0-9])(?<!has [0-9])"
    r"(?<!plus [0-9])(?<!ire [0-9])(?<!ires [0-9])(?<!than [0-9])(?<!ding [0-9])"
    r"(?<!over [0-9])(?<!\bfor [0-9])(?=\d?\+ years|\s?(?:to|-|–)\s?\d{1,2}\+? years)"
)
_BULLET = r"(?<=[•●▪■◦‣○◆➢►✓✔])\s*"  # bullet marks
_DASH_ITEM = r"(?<= [-*])\s(?=[A-Z])"  # " - Item", " * Item"
# an item glued after a closing parenthesis "(Python preferred)Nice To Haves", "etc.)Experience"
_GLUED_PAREN = r"(?<=[a-z0-9.%\]]\))(?=[A-Z][a-z])"
_MARKS = r"\n.!?;:•●▪■◦‣○◆➢►✓✔*\-)"  # the characters the cuts above start with (a class)
_MARK_CUTS = "|".join(  # in the order they are tried
    [_LINE_BREAK, _SENTENCE_END, _GLUED_SENTENCE_END, _GLUED_SEMICOLON, _SEMICOLON]
    + [_BULLET, _DASH_ITEM, _GLUED_PAREN]
)
# The cuts at a mark, at a capital, at a digit: each kind is tried only after its own
# character (one lookbehind), and in the same order among themselves, so the matches are those
# of one flat alternation of all the cuts, found faster. Capitals, the most frequent, come first,
# and only after two lowercase letters (both capital cuts need them): one lookbehind rules out
# the capital that starts a word.
_BOUNDARY = re.compile(
    rf"[{_MARKS}A-Z0-9](?:(?<=[a-z]{{2}}[A-Z])(?:{_GLUED_WORD}|{_GLUED_DEGREE})"
    rf"|(?<=[{_MARKS}])(?:{_MARK_CUTS})|(?<=[0-9])(?:{_GLUED_YEARS}|{_SPACED_YEARS}))"
)
# Text that kept its line breaks (HTML from job boards, most plain text) has no glued words:
# it is cut at marks only.
_BOUNDARY_LINED = re.compile(rf"[{_MARKS}](?:{_MARK_CUTS})")
LINED_CHARS = 400  # at least one line break per this many characters: the text kept its lines
_KEEP_LEFT = frozenset(".!?:)")  # a sentence end (or a closing parenthesis) stays left
_KEEP_RIGHT = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # a glued word starts the next


def _cut(m: re.Match[str]) -> str:
    c = m[0][0]
    return c + "\n" if c in _KEEP_LEFT else "\n" + c if c in _KEEP_RIGHT else "\n"


# Section headings: (kind, pattern). A segment that starts with the pattern and has at most a
# short tail (or a ":") opens a section of that kind. Kinds: "pref" softens degree and years
# requirements under it, "req" keeps them, "other" (duties, company, benefits) is neither.
HEADINGS: tuple[tuple[str, str], ...] = (
    # Soft headings: what stands under them is preferred, not required (GUIDELINES).
    (
        "pref",
        r"(?:preferred|preferences|desired|desirable|bonus|nice[ -]to[ -]haves?|pluses|extra credit"
        r"|ideally|recommended|good to have|added bonus|optional|additional preferred"
        r"|impress us|(?:what |it )?would (?:make you stand out|be (?:great|nice|a plus))"
        r"|stand out|extra points|points if|bonus if|helpful|advantageous|a big plus"
        r"|it(?:'|’)?s a plus|a plus|pluses|we(?:'|’)d love|you might also have|even better)",
    ),
    # Requirement headings: degrees and years under them are requirements unless softened.
    (
        "req",
        r"(?:(?:basic|minimum|required|key|essential|job|position|your|the)\s+)?"
        r"(?:qualifications?|requirements?|required|must[ -]haves?|what you(?:'|’)?(?:ll)? need"
        r"|what you (?:have|bring)|you have|you bring|who you are|about you"
        r"|what we(?:'|’)?re looking for"
        r"|we(?:'|’)?re looking for|skills|education|experience|competencies|knowledge"
        r"|your background|what makes you (?:a )?(?:great|good|strong) (?:fit|candidate)"
        r"|what it takes|the ideal candidate|ideal candidate|requisite|minimum)",
    ),
    # Everything else that starts a new block: duties, company, benefits, legal text.
    (
        "other",
        r"(?:responsibilities|what you(?:'|’)?ll do|what you will do|the role|about (?:us|the)"
        r"|who we are|our (?:mission|team|company|culture|values)|benefits|perks|compensation|why "
        r"|job description|description|overview|summary|the company|company|the team|duties"
        r"|equal opportunity|eeo|additional information|location|interview process|day to day"
        r"|in this role|your impact|what we offer|we offer)",
    ),
)
# One regex per kind, tried in order: plain alternations let the engine reject most
# alternatives on their first letter, which named groups around each kind would prevent.
_HEADINGS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in HEADINGS)
# On ASCII text, the same patterns without IGNORECASE read the lowercase copy faster (same
# matches: the patterns are lowercase, and case folding of ASCII letters is lowercasing).
_HEADINGS_ASCII = tuple((kind, re.compile(pattern)) for kind, pattern in HEADINGS)
# Most short segments are no heading: one alternation of all kinds says so in one call (it
# matches exactly when one of the kinds does); the kinds are then tried in order.
_ANY_HEADING = re.compile("|".join(f"(?:{p})" for _, p in HEADINGS), re.IGNORECASE)
_ANY_HEADING_ASCII = re.compile("|".join(f"(?:{p})" for _, p in HEADINGS))
# A heading may carry a short tail ("Qualifications For This Role"); a tail that starts with
# one of these words is a sentence instead ("Experience with Spark").
_MAX_HEADING_TAIL = 4
_MAX_HEADING_CHARS = 60
_NOT_HEADING_TAIL = frozenset("with in of using to on at from is are a an as for".split())
# What a soft word may head besides qualifications: a place, a date, hours, pay.
_NOT_QUALIFICATIONS = re.compile(
    r"(?:locations?|start|shifts?|schedules?|hours|pay|salary|compensation|contact|pronouns)",
    re.IGNORECASE,
)
# (Possessive: a word is read whole, so nothing is tried twice; the matches are the same.)
_SOFT_LEAD_WORDS = ("qualifications", "skills", "requirements")
_SOFT_LEAD_PATTERN = rf"(?:\S++\s++){{1,2}}(?:{'|'.join(_SOFT_LEAD_WORDS)})"
_SOFT_LEAD = re.compile(_SOFT_LEAD_PATTERN, re.IGNORECASE)
_SOFT_LEAD_ASCII = re.compile(_SOFT_LEAD_PATTERN)  # on the lowercase copy of ASCII text


@dataclass
class Doc:
    """A description cut into segments, each tagged with the kind of section it stands in."""

    text: str
    lower: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # "", "req", "pref", "other"
    heading: list[bool] = field(default_factory=list)

    _starts: frozenset[str] | None = None
    _words: WordHits | None = None
    _needles: NeedleHits | None = None

    def words(self) -> WordHits:
        """Where the keywords of every field analyser start a word (`scan.TRIGGERS`)."""
        if self._words is None:
            self._words = TRIGGERS.find(self.lower)
        return self._words

    def needles(self) -> NeedleHits:
        """Where literal strings occur anywhere in the text, searched for once each."""
        if self._needles is None:
            self._needles = NeedleHits(self.lower)
        return self._needles

    def word_starts(self) -> frozenset[str]:
        """The first three characters of every word: keywords whose start is not among them need
        not be searched for (`scan.start_key`)."""
        if self._starts is None:
            self._starts = _word_starts(self.lower)
        return self._starts

    def index(self, pos: int) -> int:
        """The index of the segment holding text offset `pos`."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def segment(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def span(self, pos: int) -> tuple[int, int]:
        i = self.index(pos)
        return self.starts[i], self.ends[i]


def _word_starts(lower: str) -> frozenset[str]:
    for mark in WORD_EDGE_PUNCT:
        if mark in lower:
            lower = lower.replace(mark, " ")
    words = set(lower.split())
    return frozenset({w[:3] for w in words})


def cut_text(text: str) -> str:
    """`text` with a line break at every segment boundary."""
    lined = text.count("\n") * LINED_CHARS >= len(text)
    return (_BOUNDARY_LINED if lined else _BOUNDARY).sub(_cut, text)


def make_doc(text: str) -> Doc:
    """Cut `text` into segments and rejoin them one a line, so glued words come apart
    ("skillsBS in" → "skills\nBS in") and word-boundary regexes see them."""
    doc = _split(cut_text(text))
    _tag_sections(doc)
    return doc


def _split(cut: str) -> Doc:
    pieces = [p for p in map(str.strip, cut.split("\n")) if p] or [""]
    joined = "\n".join(pieces)
    lower = joined.lower()
    if len(lower) != len(joined):
        # "İ" is the one character whose lowercase is two ("i" and a combining dot): read it as
        # "I", so every offset in the lowercase copy is the same in the text.
        lower = joined.replace("\u0130", "I").lower()
    doc = Doc(text=joined, lower=lower)
    # piece i ends after the lengths of pieces 0..i and the i line breaks between them
    ends = list(map(add, accumulate(map(len, pieces)), range(len(pieces))))
    doc.ends = ends
    doc.starts = [0, *map(add, ends[:-1], repeat(1))]  # after the line break
    return doc


def _tag_sections(doc: Doc) -> None:
    """Tag every segment with its section: read the segments that may be headings
    (`_heading_candidates`) and carry each heading's kind on to the next."""
    text, starts, ends = doc.text, doc.starts, doc.ends
    sections, heading = doc.sections, doc.heading
    current = ""
    tagged = 0  # the segments before this one are tagged
    for i in _heading_candidates(doc):
        kind, is_heading = _heading_kind(text[starts[i] : ends[i]].lstrip("-–* "))
        if i > tagged:  # long sentences since the last candidate: the section goes on
            sections.extend([current] * (i - tagged))
            heading.extend([False] * (i - tagged))
        if kind:
            current = kind
        sections.append(current)
        heading.append(is_heading)
        tagged = i + 1
    sections.extend([current] * (len(starts) - tagged))
    heading.extend([False] * (len(starts) - tagged))


def _heading_candidates(doc: Doc) -> list[int]:
    """The segments that may be headings: short ones, those with a ":" early on, and those a
    soft heading's lead words start. Every other segment is a long sentence."""
    text, starts, limit = doc.text, doc.starts, _MAX_HEADING_CHARS
    early_colon = set()  # read from the text's few colons, not searched for in each segment
    for c in positions(text, ":"):
        i = bisect_right(starts, c) - 1
        if c - starts[i] < limit:
            early_colon.add(i)
    if not text.isascii():  # (IGNORECASE reads "ſkills" as "skills": no shortcut here)
        soft_lead, lead_text = _SOFT_LEAD.match, text
    elif any(w in doc.lower for w in _SOFT_LEAD_WORDS):
        soft_lead, lead_text = _SOFT_LEAD_ASCII.match, doc.lower
    else:  # no lead word anywhere: no segment can start with one
        soft_lead, lead_text = None, ""
    return [
        i
        for i, (start, end) in enumerate(zip(starts, doc.ends, strict=True))
        if end - start <= limit
        or i in early_colon
        or (soft_lead is not None and soft_lead(lead_text, start) is not None)
    ]


def _heading_kind(seg: str) -> tuple[str, bool]:
    """("pref"|"req"|"other"|"", whether the whole segment is just a heading)."""
    if not seg or not seg[0].isalpha():
        return "", False
    ascii_seg = seg.isascii()
    read = seg.lower() if ascii_seg else seg
    if (_ANY_HEADING_ASCII if ascii_seg else _ANY_HEADING).match(read) is None:
        return "", False
    kind = ""
    for k, rx in _HEADINGS_ASCII if ascii_seg else _HEADINGS:
        m = rx.match(read)
        if m is not None:
            kind = k
            break
    else:
        return "", False
    rest = seg[m.end() :]
    if rest[:1].isalpha():
        return "", False  # a word that merely starts like a heading ("Skillset", "Experienced")
    body = rest.strip(" :")
    if kind == "pref" and _NOT_QUALIFICATIONS.match(body):
        return "", False  # "Preferred location: Charlotte" softens no qualification
    if rest.lstrip().startswith(":") or seg.endswith(":"):
        return kind, not body
    words = body.split()
    if (
        len(words) <= _MAX_HEADING_TAIL
        and not seg.endswith(".")
        and (not words or words[0].lower() not in _NOT_HEADING_TAIL)
    ):
        return kind, True
    # A long soft heading glued to its first item ("Preferred Qualifications ... Include ...").
    if kind == "pref" and (_SOFT_LEAD_ASCII.match(read) if ascii_seg else _SOFT_LEAD.match(seg)):
        return kind, False
    return "", False
