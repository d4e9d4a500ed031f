"""The compiled scanner (`_cscan_src/`) reads exactly like its pure-Python reference.

`segment.cut_text`, `segment.make_doc`, `scan.Triggers.find` and `scan.Needles.find` run the C
code when it is built; the reference is the regexes and `str` methods it was written from.
These tests compare the two on generated text built from the pieces each lookbehind and
lookahead looks for, on hand-made edge cases, and on the shared corpus when it is present.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import hireable.postings.analyse  # noqa: F401  (registers every module's triggers)
from hireable.postings import segment
from hireable.postings import text as text_module
from hireable.postings.accel import cscan, scanner_name
from hireable.postings.scan import NEEDLES, TRIGGERS
from hireable.postings.text import html_to_text

pytestmark = pytest.mark.skipif(cscan is None, reason="the compiled scanner is not built")

# Pieces that make each cut rule fire or just miss: sentence ends and the abbreviations that
# are not, glued capitals and the CamelCase words that are not, degree letters, years figures
# and the words that lead into them, bullets, dashes, Unicode digits, spaces and letters.
CUT_PIECES = ["a", "z", "x", "Q", "B", "M", "P", "S", "A", "D", "E", "h", "c", "Ph.", "vs.",
              "Sr.", "e.g.", "i.e.", ".", ";", ":", "!", "?", " ", "  ", "\n", "\t", "\xa0",
              "\u2003", "•", "●", "✔", "-", "*", " - ", "(", ")", "%", "]", '"', "“", "/", "2",
              "5", "0", "٣", "+", "–", " years", "year", "yrs", "to", "or", "/or", "and", "with ",
              "least ", "ires ", "of ", "for ", "Tensor", "Py", "Sc", "BA", ".S", "h.D", "é",
              "_", "Dev", "Open", "Mc", "etc.)", "(x)", ")Ab", "%)", "])"]  # fmt: skip
CUT_CASES = [
    "", "x", "A", "9", ".", "\n", "End. Next", "end.Next", "Ph. D", "e.g. Python", "vs. X",
    "dashersAs a", "and/orElectrical", "TensorFlow", "PyTorch", "preferredB.S. in", "fieldMS or",
    "fieldMS", "wantsPh.D", "ablePhD", "Qualifications2+ years", "POINTS2+ years",
    "relevant field 6+ years", "with 4+ years", "at least 3+ years", "a; B", "a;B", "x;  y",
    "• one\n• two", "item - Next", "item * Next", "lots  \n  of   space", "end!  “Quote",
    "end.  (Aside", "abc12 to 3", "abc1 yrs", "abc1 years.", "abc1 yearsx", "Dyna mics",
    "fieldMSc", "fieldBA.", "fieldBS", "e.g.Next", "x.\u2003Y", "abc١+ years",
    "(Python preferred)Nice To Haves", "etc.)Experience", "(AWS)Lambda", "(x)AB", "( )Ab",
]  # fmt: skip


def test_scanner_name_says_which_runs() -> None:
    assert scanner_name() == "compiled"


def test_a_build_from_other_sources_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from hireable.postings import accel

    assert accel._load() == (cscan, "")  # the build matches these sources
    monkeypatch.setattr(cscan, "VERSION", accel.VERSION - 1)
    module, why = accel._load()  # left over from older sources: the reference runs
    assert module is None and "rebuild" in why
    monkeypatch.setenv("HIREABLE_PURE_PYTHON", "1")
    monkeypatch.setattr(cscan, "VERSION", accel.VERSION)
    assert accel._load() == (None, "HIREABLE_PURE_PYTHON is set")


@pytest.mark.parametrize("text", CUT_CASES)
def test_cut_matches_the_regexes_on_hand_made_cases(text: str) -> None:
    for lined_text in (text, text + "\n" * len(text)):  # cut as glued text, then as lined text
        assert segment.cut_text(lined_text) == segment.cut_text(lined_text, reference=True)


def test_cut_matches_the_regexes_on_generated_text() -> None:
    rng = random.Random(20261127)
    for _ in range(30_000):
        text = "".join(rng.choice(CUT_PIECES) for _ in range(rng.randint(0, 16)))
        assert segment.cut_text(text) == segment.cut_text(text, reference=True), repr(text)
        lined = text + "\n" * (len(text) // segment.LINED_CHARS + 1)
        assert segment.cut_text(lined) == segment.cut_text(lined, reference=True), repr(text)


def _reference_doc(text: str) -> segment.Doc:
    return segment._split(segment.cut_text(text, reference=True))


def _same_doc(text: str) -> None:
    fast, ref = segment.make_doc(text), _reference_doc(text)
    assert (fast.text, fast.lower, fast.starts, fast.ends) == (
        ref.text,
        ref.lower,
        ref.starts,
        ref.ends,
    ), repr(text)


@pytest.mark.parametrize(
    "text", CUT_CASES + ["  \n \n", "a\n\nb ", "\u2003x\u2003\ny", "ΑΣ Σ ΣΑ", "İx"]
)
def test_segments_match_the_reference_on_hand_made_cases(text: str) -> None:
    _same_doc(text)
    _same_doc(text + "\n" * len(text))


def test_segments_match_the_reference_on_generated_text() -> None:
    rng = random.Random(5)
    pieces = CUT_PIECES + ["\n\n", " \n ", "Σ", "İ", "ǅ", "ẞ", "Ω", "𐐀", "\r"]
    for _ in range(10_000):
        _same_doc("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))))


def test_lowercase_matches_str_lower_for_every_character() -> None:
    # Every code point, one per segment, in texts of each string width (1, 2 and 4 bytes).
    for lo, hi in ((0x80, 0x100), (0x100, 0x10000), (0x10000, 0x110000)):
        chars = "".join(chr(c) for c in range(lo, hi) if not 0xD800 <= c < 0xE000)
        for i in range(0, len(chars), 4096):
            text = "\n".join(chars[i : i + 4096]) + "\nA"
            doc = segment.make_doc(text)
            assert doc.lower == doc.text.lower()


def test_needles_match_str_find_on_generated_text() -> None:
    NEEDLES.find("")
    pieces = [*NEEDLES._needles, "$1", "us", "ye", "r", " ", "é", "\n", "€"]
    rng = random.Random(9)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        fast, ref = NEEDLES.find(text), NEEDLES.find(text, reference=True)
        for needle in NEEDLES._needles:
            assert fast.at(needle) == ref.at(needle), (repr(text), needle)


def test_anywhere_trie_finds_overlapping_occurrences() -> None:
    trie = cscan.KeyTrie(["aa", "a", "ab "], "", anywhere=True)
    assert trie.find("aaab") == {"a": [0, 1, 2], "aa": [0, 1]}
    assert trie.find("ab ab") == {"a": [0, 3], "ab ": [0]}


def test_tidy_matches_the_reference_on_generated_text() -> None:
    pieces = ["a", "é", " ", "  ", "\n", "-", " - ", "- x", "   - item", "\t- b", "\t", "\xa0",
              "\u200b", "\ufeff", "\x7f", "\x00", "\r", "\r\n", "𐐀", "\u2028", "\u3000", "\x85",
              "\x0b", "x\n-\ny", "\x1c", "\x1f"]  # fmt: skip
    rng = random.Random(4)
    for _ in range(20_000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert text_module._tidy(s) == text_module._tidy_reference(s), repr(s)


HEADING_PIECES = ["Qualifications", "Preferred Qualifications", "Nice to have", "Skills",
                  "skills", "Requirements:", "About us", " ", "  ", "\n", ":", "a", "B", ".",
                  "Experience with", "x" * 30, "ſkills", "Σ", "é", "\u2003", "- ", "Benefits",
                  "Responsibilities", "What you'll need", "Bonus points",
                  "ideal candidate"]  # fmt: skip


def _sections(text: str, reference: bool) -> tuple[list[str], list[bool]]:
    doc = segment.make_doc(text)
    doc.sections, doc.heading = [], []
    segment._tag_sections(doc, reference=reference)
    return doc.sections, doc.heading


def test_section_tags_match_the_reference_on_generated_text() -> None:
    rng = random.Random(12)
    for _ in range(5_000):
        text = "".join(rng.choice(HEADING_PIECES) for _ in range(rng.randint(0, 24)))
        assert _sections(text, False) == _sections(text, True), repr(text)


def test_soft_lead_check_matches_the_regex() -> None:
    # One segment over the whole text, too long to be a heading by its length (limit 0): a
    # candidate exactly when the soft-lead regex matches at its start.
    pieces = ["word", "x", " ", "  ", "\n", "\u2003", "skills", "qualifications", "requirements",
              "requirement", "Skills", "é", ":"]  # fmt: skip
    rng = random.Random(13)
    words = segment._SOFT_LEAD_WORDS
    for _ in range(20_000):
        lower = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        found = cscan.heading_candidates(lower, [0], [len(lower)], 0, words)
        expected = segment._SOFT_LEAD_ASCII.match(lower, 0) is not None
        assert (found == [0]) == expected, repr(lower)


def _keys() -> list[str]:
    TRIGGERS.find("")
    assert TRIGGERS._compiled is not None
    return sorted(TRIGGERS._compiled[3])


def test_triggers_match_the_regex_on_generated_text() -> None:
    keys = _keys()
    # The registered keys, cut and glued, with every word edge, other spaces and non-ASCII text.
    pieces = keys + [k[:2] for k in keys] + list("/([\"“‘'*•–—-,:;&.) \n\t") + ["\xa0", "é", "xq"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        fast, ref = TRIGGERS.find(text), TRIGGERS.find(text, reference=True)
        assert list(fast._at.items()) == list(ref._at.items()), repr(text)


def test_trie_finds_every_key_that_starts_a_word() -> None:
    trie = cscan.KeyTrie(["ab", "abc", "b d", "é"], " -")
    assert trie.find("abc ab-d xab é") == {"ab": [0, 4], "abc": [0], "é": [13]}
    assert trie.find("") == {}
    assert trie.find("b") == {}
    assert trie.find("-b") == {}
    assert trie.find("x-b d") == {"b d": [2]}


def test_trie_keys_may_end_at_the_text_end_with_a_space() -> None:
    trie = cscan.KeyTrie(["r ", "rst"], " ,")
    assert trie.find("r") == {"r ": [0]}
    assert trie.find("use r, rstudio") == {"r ": [4], "rst": [7]}


def test_bad_arguments_raise_instead_of_crashing() -> None:
    with pytest.raises(ValueError):
        cscan.KeyTrie(["ok", ""], " ")
    with pytest.raises(TypeError):
        cscan.KeyTrie(["ok", 3], " ")
    trie = cscan.KeyTrie(["ok"], " ")
    with pytest.raises(TypeError):
        trie.find(b"ok")
    with pytest.raises(ValueError):
        cscan.KeyTrie.__new__(cscan.KeyTrie).find("ok")  # never initialised
    with pytest.raises(ValueError):
        trie.__init__(["ok", ""], " ")  # a failed re-init leaves it unusable, not unsafe
    with pytest.raises(ValueError):
        trie.find("ok")
    with pytest.raises(TypeError):
        cscan.cut(b"x", False, ())
    with pytest.raises(TypeError):
        cscan.cut("x", False, ("ok", 1))
    with pytest.raises(TypeError):
        cscan.segment(None, False, ())
    with pytest.raises(ValueError):
        cscan.heading_candidates("ab", [0], [5], 60, ())
    with pytest.raises(ValueError):
        cscan.heading_candidates("ab", [0], [], 60, ())


def test_compiled_and_reference_agree_on_the_corpus(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "postings" / "corpus.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        descriptions = [json.loads(line)["description"] for line in fh if line.strip()]
    for description in descriptions:
        assert text_module._tidy(description) == text_module._tidy_reference(description)
        clean = html_to_text(description)
        assert segment.cut_text(clean) == segment.cut_text(clean, reference=True)
        _same_doc(clean)
        lower = segment.make_doc(clean).lower
        fast, ref = TRIGGERS.find(lower), TRIGGERS.find(lower, reference=True)
        assert list(fast._at.items()) == list(ref._at.items())
        fast_needles, ref_needles = NEEDLES.find(lower), NEEDLES.find(lower, reference=True)
        assert all(fast_needles.at(n) == ref_needles.at(n) for n in NEEDLES._needles)
        assert _sections(clean, False) == _sections(clean, True)
