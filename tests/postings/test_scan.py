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


def test_needed_literals_are_in_every_match() -> None:
    import re

    from hireable.postings.scan import needed_literals

    def needed(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
        return needed_literals(re.compile(pattern, flags))

    assert needed(r"\bprefer(?:red|able)?\b|a (?:big )?plus\b") == ("plus", "prefer")
    assert needed(r"exp\b(?<=\bexp)") == ("exp",)  # zero-width items keep literals together
    assert needed(r"(?:fully|100%) remote|remote[- ]first") == ("remote",)
    assert needed(r";|\s[—–]\s") == (";", "–", "—")
    assert needed(r"\d+(?:\.\d)?|plus") is None  # an alternative with no literal text
    assert needed(r"skills", re.IGNORECASE) is None
    assert needed(r"(?:ab){2,}|x?y") == ("ab", "y")


def test_gated_patterns_find_what_the_regex_finds() -> None:
    import re

    from hireable.postings import degree, experience, remote
    from hireable.postings.scan import Gated

    modules = (degree, experience, remote)
    gated = [v for m in modules for v in vars(m).values() if isinstance(v, Gated)]
    assert len(gated) >= 10
    rng = random.Random(5)
    for g in gated:
        assert g.needed, g.pattern  # each was gated because the pattern names its literals
        words = [*g.needed, *re.findall(r"[a-z]{2,}", g.pattern)[:30]]
        pieces = [*words, " ", " ", ",", ".", ";", "-", "3", "+", "\n", "x", "é"]
        for _ in range(400):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            pos = rng.randint(0, len(text))
            endpos = rng.randint(pos, len(text))
            a, b = g.search(text), g.regex.search(text)
            assert (a and a.span()) == (b and b.span()), (g.pattern, text)
            a, b = g.search(text, pos, endpos), g.regex.search(text, pos, endpos)
            assert (a and a.span()) == (b and b.span()), (g.pattern, text, pos, endpos)
            assert g.sub("", text) == g.regex.sub("", text)
