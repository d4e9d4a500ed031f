"""The analyser's shortcuts read the same as the plain rules they stand in for."""

from __future__ import annotations

import pytest

from hireable.postings import ml, segment, seniority, text

SEGMENTS = ["Qualifications", "PREFERRED QUALIFICATIONS:", "Nice To Have", "What You'll Need",
            "Skills and Abilities", "Experience with Spark", "About the Team", "Responsibilities:",
            "Basic Qualifications For This Role", "Minimum Requirements", "Who We Are",
            "It's A Plus", "Our Values", "Key Skills Required",
            "Bonus Points If You Have"]  # fmt: skip
TITLES = ["Senior Data Scientist", "ML Engineer II", "Associate/AVP, Analytics",
          "Data Analyst I or II", "Machine Learning Intern", "BI Developer", "Head of AI",
          "Staff Statistician", "NLP Research Scientist", "Director, Data Engineering"]  # fmt: skip


@pytest.mark.parametrize("seg", SEGMENTS)
def test_headings_on_ascii_lowercase_match_ignorecase(seg: str) -> None:
    for (kind, fast), (_, plain) in zip(segment._HEADINGS_ASCII, segment._HEADINGS, strict=True):
        a, b = fast.match(seg.lower()), plain.match(seg)
        assert (a and a.span()) == (b and b.span()), kind
    a, b = segment._SOFT_LEAD_ASCII.match(seg.lower()), segment._SOFT_LEAD.match(seg)
    assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("title", TITLES)
def test_title_rules_on_ascii_lowercase_match_ignorecase(title: str) -> None:
    for (_, fast), (_, plain) in zip(ml._TITLE_RULES_ASCII, ml._TITLE_RULES, strict=True):
        assert bool(fast.search(title.lower())) == bool(plain.search(title))
    fast_found = [(m.span(), m.lastgroup) for m in seniority._TITLE_ASCII.finditer(title.lower())]
    assert fast_found == [(m.span(), m.lastgroup) for m in seniority._TITLE.finditer(title)]


def test_text_cue_words_are_in_every_cue() -> None:
    for cue in ["entry level", "entry-level", "new grads", "recent college graduate",
                "early-career", "junior level", "this junior"]:  # fmt: skip
        assert seniority._TEXT_ENTRY.search(cue)
        assert any(w in cue for w in seniority._TEXT_ENTRY_WORDS)
    for cue in ["this internship", "summer internship", "internship program"]:
        assert seniority._TEXT_INTERN.search(cue) and seniority._TEXT_INTERN_WORD in cue


def test_tidy_shortcut_reads_like_the_full_path() -> None:
    for s in ["a\nb", "a  b\nc", "a\tb", "x\u200by", "é – “q”\n- item", "a\r\nb", "a\xa0b"]:
        assert text._tidy(s) == text._tidy_full(s)


def test_tidy_shortcut_reads_like_the_full_path_on_generated_text() -> None:
    import random

    pieces = ["a", "é", " ", "  ", "\n", "-", " - ", "- x", "   - item", "\t- b", "\t", "\xa0",
              "\u200b", "\ufeff", "\x7f", "\x00", "\r", "\r\n", "𐐀", "\u2028", "\u3000", "\x85",
              "\x0b", "x\n-\ny", "\x1c", "\x1f"]  # fmt: skip
    rng = random.Random(4)
    for _ in range(20_000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert text._tidy(s) == text._tidy_full(s), repr(s)


def test_degree_lookbehinds_after_the_literal_read_the_same() -> None:
    import random
    import re

    from hireable.postings import degree

    plain_clause_end = re.compile(
        r";|(?<!\be\.g)(?<!\bi\.e)(?<!\bph\.d)(?<![^a-z][mb]\.[sa])(?<!\betc)\.(?:\s|$)|\s[—–]\s"
    )
    plain_desire = re.compile(r"(?<!strongly )desir(?:ed|able)")
    fast_desire = re.compile(r"desir(?<!strongly desir)(?:ed|able)")
    assert "desir(?<!strongly desir)(?:ed|able)" in degree._SOFT.pattern
    pieces = ["e.g.", "i.e.", "ph.d.", " m.s.", "xb.a.", "etc.", ".", ";", " — ", " ", "\n", "a",
              "m", "s", "x.", "strongly ", "desired", "desirable", "desir"]  # fmt: skip
    rng = random.Random(3)
    for _ in range(20_000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        a = rng.randint(0, len(s))
        b = rng.randint(a, len(s))
        m1, m2 = plain_clause_end.search(s, a, b), degree._CLAUSE_END.search(s, a, b)
        assert (m1 and m1.span()) == (m2 and m2.span()), (s, a, b)
        m1, m2 = plain_desire.search(s), fast_desire.search(s)
        assert (m1 and m1.span()) == (m2 and m2.span()), s


def test_strict_words_factored_read_the_same() -> None:
    import re

    from hireable.postings import degree

    plain = re.compile(r"\brequired\b|\brequires?\b|\bmust\b|\bminimum\b|\bmandatory\b")
    texts = ["required", "xrequired", "requires", "require", "requiredx", "a must-have",
             "minimums", "is mandatory.", "required requires", "mustard", ""]  # fmt: skip
    for s in texts:
        for start in range(len(s) + 1):
            m1, m2 = plain.search(s, start), degree._STRICT.search(s, start)
            assert (m1 and m1.span()) == (m2 and m2.span()), s


def test_literal_first_rewrites_find_the_same() -> None:
    import re

    from hireable.postings import degree, experience

    plain_not_asked = re.compile(
        r"tuition|reimburs|scholarship|sponsor\w* (?:your|a|their|an) "
        r"|(?:our|the) team (?:of|has|includes)"
        r"|phds? (?:and|from|who)|students? (?:and|who|learn)|educational (?:products|content)"
        r"|online degree|degree programs? for|we (?:hire|employ)"
        r"|(?:offer|offers|offering|provide|provides|earn|earned)\b[^.;]{0,60}\bdegrees\b"
        r"|universities (?:and|partner|to)"
    )
    plain_about_work = re.compile(
        r"experience|\bexp\b|work|industry|professional|background|track record|responsibilit"
        r"|progressive"
    )
    texts = ["our team of phds", "the team has", "we offer online degrees", "offering x degrees",
             "provides degrees", "earned degrees.", "offered degrees", "offers. degrees",
             "3 yrs exp", "exp.", "expert", "xexp", "rexp y", "work", ""]  # fmt: skip
    for s in texts:
        a, b = plain_not_asked.search(s), degree._NOT_ASKED.search(s)
        assert (a and a.span()) == (b and b.span()), s
        a, b = plain_about_work.search(s), experience._ABOUT_WORK.search(s)
        assert (a and a.span()) == (b and b.span()), s


def test_boundary_cuts_grouped_by_character_match_the_flat_alternation() -> None:
    import random
    import re

    s = segment
    flat = re.compile(
        r"[\n.!?;:A-Z0-9•●▪■◦‣○◆➢►✓✔*)-](?:"
        + "|".join(
            [
                s._LINE_BREAK,
                s._SENTENCE_END,
                s._GLUED_SENTENCE_END,
                s._GLUED_SEMICOLON,
                s._SEMICOLON,
                s._GLUED_WORD,
                s._GLUED_DEGREE,
                s._GLUED_YEARS,
                s._SPACED_YEARS,
                s._BULLET,
                s._DASH_ITEM,
                s._GLUED_PAREN,
            ]
        )  # fmt: skip
        + ")"
    )
    pieces = ["a", "z", "Q", "B", "M", "P", "S", "A", "D", "h", "Ph.", "vs.", "e.g.", ".", ";",
              ":", "!", " ", "\n", "•", "-", "*", "(", ")", "%", "2", "5", "+", " years", "to",
              "or", "and", "with ", "Tensor", "Py", "Sc", "BA", "etc.)", "Ab"]  # fmt: skip
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert s._BOUNDARY.sub(s._cut, text) == flat.sub(s._cut, text), text


def test_possessive_soft_lead_matches_like_the_backtracking_one() -> None:
    import random
    import re

    plain = re.compile(r"(?:\S+\s+){1,2}(?:qualifications|skills|requirements)", re.IGNORECASE)
    pieces = ["a", "ab ", " ", "\n", "skills", "Skills", "QUALIFICATIONS", "requirements", "é"]
    rng = random.Random(2)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        a, b = plain.match(text), segment._SOFT_LEAD.match(text)
        assert (a and a.span()) == (b and b.span()), text


@pytest.mark.parametrize("seg", SEGMENTS + ["Team player", "skillset", "The role", "x"])
def test_any_heading_alternation_matches_when_a_kind_does(seg: str) -> None:
    for read, any_rx, kinds in (
        (seg, segment._ANY_HEADING, segment._HEADINGS),
        (seg.lower(), segment._ANY_HEADING_ASCII, segment._HEADINGS_ASCII),
    ):
        assert (any_rx.match(read) is None) == all(rx.match(read) is None for _, rx in kinds)


@pytest.mark.parametrize("title", TITLES)
def test_cached_title_reads_match_the_rules(title: str) -> None:
    expected_lean = sum(w for w, rx in ml._TITLE_RULES if rx.search(title))
    assert ml.title_lean(title) == expected_lean
    found = list(seniority._TITLE.finditer(title))
    assert seniority.title_seniority(title) == (
        seniority._title_level(title, found) if found else ""
    )


def test_heading_candidates_match_the_per_segment_rule() -> None:
    import random
    import re

    plain_soft = re.compile(r"(?:\S+\s+){1,2}(?:qualifications|skills|requirements)", re.I)

    def plain(doc: segment.Doc) -> list[int]:
        return [
            i
            for i, (start, end) in enumerate(zip(doc.starts, doc.ends, strict=True))
            if end - start <= 60
            or ":" in doc.text[start : start + 60]
            or plain_soft.match(doc.text, start)
        ]

    pieces = ["Qualifications", "Preferred Qualifications", "Nice to have", "Skills", "skills",
              "Requirements:", ":", " ", "\n", "a", ".", "x" * 30, "ſkills", "é", "Our Skills",
              "- ", "Benefits", "Experience with", "word "]  # fmt: skip
    rng = random.Random(12)
    for _ in range(5_000):
        doc = segment.make_doc("".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))))
        assert segment._heading_candidates(doc) == plain(doc), repr(doc.text)
