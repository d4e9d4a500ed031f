"""The one-pass trigger index (`scan.Triggers`) reports every word start a `str.find` would."""

from __future__ import annotations

import random

from hireable.postings.scan import WORD_EDGES, NeedleHits, Triggers, positions, spaced


def _word_starts(text: str, needle: str) -> list[int]:
    return [i for i in positions(text, needle) if i == 0 or text[i - 1] in WORD_EDGES]


def test_spaced_keeps_offsets() -> None:
    assert spaced("t-sql\n(r)/x") == "t sql  r  x"


def test_hits_cover_every_word_start() -> None:
    needles = ["ms", "msc", "m.", "ba", "bachelor", "t-sql", "on ", "rst", "a/b test", "2", "c++"]
    triggers = Triggers()
    triggers.add(needles)
    rng = random.Random(7)
    pieces = ["ms", "msc", "m.", "ba", "bachelor", "t-sql", "t/sql", "on", "rstudio", "a/b test",
              "2", "24", "c++", "teams", "x", " ", "\n", "-", "(", ".", ",", "•", "é"]  # fmt: skip
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        hits = triggers.find(text)
        for needle in needles:
            at = hits.at(spaced(needle))
            found = [i for i in at if text.startswith(needle, i)]
            assert found == _word_starts(text, needle), (text, needle)


def test_a_trigger_registered_later_is_still_found() -> None:
    triggers = Triggers()
    triggers.add(["python"])
    hits = triggers.find("python, sql and pyspark")
    assert hits.at("sql") == [8]
    assert hits.at("python") == [0]
    assert hits.at("spark") == []


def test_multi_word_heads_hide_no_later_word() -> None:
    # The regex consumes only a head's first word: "bi" inside "power bi" is still a word start,
    # and heads sharing a first word ("data entry", "data quality") are told apart.
    needles = ["power bi", "bi", "data entry", "data quality", "m ", "ma", "a b test", "b "]
    triggers = Triggers()
    triggers.add(needles)
    rng = random.Random(11)
    pieces = ["power", "bi", "data", "entry", "quality", "m", "ma", "a", "b", "test", " ", " ",
              "\n", "/", "x"]  # fmt: skip
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        hits = triggers.find(text)
        read = spaced(text) + " "  # a text's last word ends at a space too
        for needle in needles:
            key = spaced(needle)
            found = [i for i in hits.at(key) if read.startswith(key, i)]
            assert found == _word_starts(read, key), (text, needle)


def test_needles_are_found_anywhere_overlapping_ones_included() -> None:
    hits = NeedleHits("aaab")
    assert (hits.at("a"), hits.at("aa"), hits.at("ab ")) == ([0, 1, 2], [0, 1], [])
    hits = NeedleHits("ab ab")
    assert (hits.at("a"), hits.at("ab ")) == ([0, 3], [0])


def test_every_key_that_starts_a_word_is_found() -> None:
    triggers = Triggers()
    triggers.add(["ab", "abc", "b d", "é"])
    hits = triggers.find("abc ab-d xab é")
    assert (hits.at("ab"), hits.at("abc"), hits.at("é"), hits.at("b d")) == ([0, 4], [0], [13], [])
    assert triggers.find("").at("ab") == []
    assert triggers.find("-b").at("b d") == []
    assert triggers.find("x-b d").at("b d") == [2]


def test_a_key_ending_with_a_space_may_end_the_text() -> None:
    triggers = Triggers()
    triggers.add(["r ", "rst"])
    assert triggers.find("r").at("r ") == [0]
    hits = triggers.find("use r, rstudio")
    assert (hits.at("r "), hits.at("rst")) == ([4], [7])
