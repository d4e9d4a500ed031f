"""The compiled scanner (`_cscan.c`) reads exactly like its pure-Python reference.

`segment.cut_text` and `scan.Triggers.find` run the C code when it is built; with
`reference=True` they run the regexes it was written from. These tests compare the two on
generated text built from the pieces each lookbehind and lookahead looks for, on hand-made
edge cases, and on the shared corpus when it is present.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import hireable.postings.analyse  # noqa: F401  (registers every module's triggers)
from hireable.postings import segment
from hireable.postings.accel import cscan, scanner_name
from hireable.postings.scan import TRIGGERS
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
              "_", "Dev", "Open", "Mc"]  # fmt: skip
CUT_CASES = [
    "", "x", "A", "9", ".", "\n", "End. Next", "end.Next", "Ph. D", "e.g. Python", "vs. X",
    "dashersAs a", "and/orElectrical", "TensorFlow", "PyTorch", "preferredB.S. in", "fieldMS or",
    "fieldMS", "wantsPh.D", "ablePhD", "Qualifications2+ years", "POINTS2+ years",
    "relevant field 6+ years", "with 4+ years", "at least 3+ years", "a; B", "a;B", "x;  y",
    "• one\n• two", "item - Next", "item * Next", "lots  \n  of   space", "end!  “Quote",
    "end.  (Aside", "abc12 to 3", "abc1 yrs", "abc1 years.", "abc1 yearsx", "Dyna mics",
    "fieldMSc", "fieldBA.", "fieldBS", "e.g.Next", "x.\u2003Y", "abc١+ years",
]  # fmt: skip


def test_scanner_name_says_which_runs() -> None:
    assert scanner_name() == "compiled"


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
    with pytest.raises(TypeError):
        cscan.cut(b"x", False, ())
    with pytest.raises(TypeError):
        cscan.cut("x", False, ("ok", 1))


def test_compiled_and_reference_agree_on_the_corpus(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "postings" / "corpus.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        descriptions = [json.loads(line)["description"] for line in fh if line.strip()]
    for description in descriptions:
        text = html_to_text(description)
        assert segment.cut_text(text) == segment.cut_text(text, reference=True)
        lower = segment.make_doc(text).lower
        fast, ref = TRIGGERS.find(lower), TRIGGERS.find(lower, reference=True)
        assert list(fast._at.items()) == list(ref._at.items())
