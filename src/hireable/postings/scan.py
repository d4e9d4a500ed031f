"""Fast keyword scanning: find literal triggers with `str.find`, then match a regex there.

Python's regex engine tries a big alternation at every position of the text, which is slow
(~100 µs for a 3 KB description per pattern). `str.find` runs in C, so each rule names the
literal words its matches start with; the regex is only tried where one of them occurs.
Every trigger starts a word: an occurrence inside a word ("ms" in "teams") is skipped before
the regex is tried; a word starts after a space or one of `WORD_EDGE_PUNCT`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Rule:
    """`pattern` matched where one of `triggers` starts; `label` says what it means."""

    label: str
    triggers: tuple[str, ...]
    pattern: re.Pattern[str]


def rule(label: str, triggers: Iterable[str], pattern: str) -> Rule:
    return Rule(label, tuple(triggers), re.compile(pattern))


# Marks that may stand before or inside a word; word starts are read as if they were spaces.
WORD_EDGE_PUNCT = "/([\"“‘'*•–—-,:;&.)"
WORD_EDGES = frozenset(WORD_EDGE_PUNCT + " \n\t")


def start_key(word: str) -> str:
    """What `Doc.word_starts()` holds for a text word beginning with `word`: the first three
    characters of its first word once `WORD_EDGE_PUNCT` marks are read as spaces. Shorter keys
    ("ms") cannot be looked up that way: `active_keys` always keeps them."""
    for mark in WORD_EDGE_PUNCT:
        word = word.replace(mark, " ")
    return word.split()[0][:3]


def active_keys(keys: frozenset[str], word_starts: AbstractSet[str] | None) -> AbstractSet[str]:
    """The keys worth searching for: those among the text's word starts, and all short ones."""
    if word_starts is None:
        return keys
    return (keys & word_starts) | _short(keys)


@lru_cache(maxsize=64)
def _short(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(k for k in keys if len(k) < 3)


class Scanner:
    """All matches of a set of rules, in text order, without overlaps; where two rules match at
    one place, the earlier rule wins."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        by_key: dict[str, list[tuple[int, str, Rule]]] = {}
        for order, r in enumerate(self.rules):
            for t in r.triggers:
                by_key.setdefault(start_key(t), []).append((order, t, r))
        self._by_key = by_key
        self._keys = frozenset(by_key)

    def find(
        self, text: str, word_starts: AbstractSet[str] | None = None
    ) -> list[tuple[int, int, str, re.Match[str]]]:
        """(start, end, label, match) of every match, earliest first; overlaps dropped.

        `word_starts` (see `Doc.word_starts`) lets triggers no word starts with be skipped
        without scanning the text for them.
        """
        keys = active_keys(self._keys, word_starts)
        hits: dict[int, tuple[int, int, int, str, re.Match[str]]] = {}
        for key in keys:
            for order, needle, r in self._by_key[key]:
                i = text.find(needle)
                while i >= 0:
                    if i == 0 or text[i - 1] in WORD_EDGES:
                        prev = hits.get(i)
                        if prev is None or prev[0] > order:
                            m = r.pattern.match(text, i)
                            if m is not None and m.end() > i:
                                hits[i] = (order, i, m.end(), r.label, m)
                    i = text.find(needle, i + 1)
        out: list[tuple[int, int, str, re.Match[str]]] = []
        end = -1
        for pos in sorted(hits):
            _, start, stop, label, m = hits[pos]
            if start >= end:
                out.append((start, stop, label, m))
                end = stop
        return out
