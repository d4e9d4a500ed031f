"""Fast keyword scanning: find literal triggers with `str.find`, then match a regex there.

Python's regex engine tries a big alternation at every position of the text, which is slow
(~100 µs for a 3 KB description per pattern). `str.find` runs in C, so each rule names the
literal words its matches start with; the regex is only tried where one of them occurs.
Every trigger starts a word: an occurrence inside a word ("ms" in "teams") is skipped before
the regex is tried; a word starts after a space or one of `WORD_EDGE_PUNCT`.

One `str.find` per trigger would read the text ~150 times. Instead every module registers its
triggers in `TRIGGERS` at import, and `TRIGGERS.find(lower)` reads the text once, with one
regex (a trie of the triggers, tried only where a word starts). `WordHits` then tells each
trigger's word-start positions, and the modules check those exactly as before.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar


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


_SPACED = WORD_EDGE_PUNCT + "\n\t"  # every mark of WORD_EDGES but the space


def spaced(text: str) -> str:
    """`text` with every character of `WORD_EDGES` read as a space (same length)."""
    for mark in _SPACED:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def positions(text: str, needle: str) -> list[int]:
    """Every start of `needle` in `text`, overlapping ones included."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


V = TypeVar("V")


class WordHits:
    """Where the registered triggers start a word in one text: `at(key)`, `select(by_key)`."""

    __slots__ = ("_at", "_known", "_text", "_generation")

    def __init__(
        self, text: str, at: dict[str, list[int]], known: frozenset[str], generation: int
    ) -> None:
        self._text, self._at, self._known, self._generation = text, at, known, generation

    def select(self, by_key: Mapping[str, V], generation: int) -> list[tuple[V, list[int]]]:
        """(value, `at(key)`) for every key of `by_key` that starts a word, in no set order;
        `generation` is what `Triggers.add` returned for those keys."""
        at = self._at
        if generation <= self._generation:
            return [(by_key[k], found) for k, found in at.items() if k in by_key]
        padded = " " + spaced(self._text)  # registered after this text was read: search it
        return [(v, found) for k, v in by_key.items() if (found := positions(padded, " " + k))]

    def at(self, key: str) -> list[int]:
        """Positions where `key` (a trigger read by `spaced`: "t sql" for "t-sql", which finds
        "t/sql" too) starts a word: a superset of the word starts of the trigger itself, so
        callers check each one."""
        if key in self._known:
            return self._at.get(key, [])
        # Registered after this text was read: search for it (the space before a word in
        # `padded` stands at the word's position in the text).
        return positions(" " + spaced(self._text), " " + key)


class Triggers:
    """The triggers of every module, read from a text in one pass (`find`)."""

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._generation = 0  # how many times new keys were added
        self._compiled: _Compiled | None = None
        self._compiled_generation = 0

    def add(self, triggers: Iterable[str]) -> int:
        """Register triggers (keys: `spaced(trigger)`); the generation to give `select`."""
        for t in triggers:
            key = spaced(t)
            if key.strip() and not key[0].isspace() and key not in self._keys:
                self._keys.add(key)
                self._compiled = None
                self._generation += 1
        return self._generation

    def find(self, lower: str) -> WordHits:
        """Where every registered key starts a word of `lower`."""
        if self._compiled is None:
            self._compiled = self._compile()
            self._compiled_generation = self._generation
        regex, longer, known = self._compiled
        padded = " " + spaced(lower) + " "
        at: dict[str, list[int]] = {}
        for m in regex.finditer(padded):
            pos = m.start()  # the space before the word: the word's position in `lower`
            head = m[1]
            if head in at:
                at[head].append(pos)
            else:
                at[head] = [pos]
            if head in longer:
                for key in longer[head]:
                    if padded.startswith(key, pos + 1):
                        if key in at:
                            at[key].append(pos)
                        else:
                            at[key] = [pos]
        return WordHits(lower, at, known, self._compiled_generation)

    def _compile(self) -> _Compiled:
        # Heads: the keys no other key is a prefix of. At a word start at most one head
        # matches, and every other key that starts there starts with it (`longer`, which
        # holds only the heads some key is longer than).
        keys = sorted(self._keys)
        heads = [k for k in keys if not any(k != h and k.startswith(h) for h in keys)]
        longer = {h: tuple(k for k in keys if k != h and k.startswith(h)) for h in heads}
        longer = {h: more for h, more in longer.items() if more}
        regex = re.compile(" (?=(" + _trie(heads) + "))")
        return regex, longer, frozenset(keys)


# (the regex of the heads, keys by head, all keys)
_Compiled = tuple[re.Pattern[str], dict[str, tuple[str, ...]], frozenset[str]]


def _trie(words: list[str]) -> str:
    """A regex matching any of `words` (none a prefix of another), grouped by first character
    so the engine rejects most of them on one comparison."""
    if words == [""]:
        return ""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(c) + _trie(rest) for c, rest in sorted(by_first.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


TRIGGERS = Triggers()


class NeedleHits:
    """Where literal strings occur anywhere in one text, not only where a word starts ("$",
    "year"): `at(needle)`, searched for with `str.find` when first asked for and then kept, so
    every field analyser reading the same needle shares one search."""

    __slots__ = ("_text", "_at")

    def __init__(self, text: str) -> None:
        self._text = text
        self._at: dict[str, list[int]] = {}

    def at(self, needle: str) -> list[int]:
        """Every start of `needle` in the text, overlapping ones included, in text order (as
        `positions`)."""
        found = self._at.get(needle)
        if found is None:
            found = self._at[needle] = positions(self._text, needle)
        return found


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
        # For `Doc.words()` hits, which are word starts of the spaced trigger: a trigger without
        # a word edge inside is then known to stand there as written (`exact`).
        by_spaced: dict[str, list[tuple[int, str, Rule, bool]]] = {}
        for items in by_key.values():
            for order, t, r in items:
                exact = not any(c in WORD_EDGES for c in t)
                by_spaced.setdefault(spaced(t), []).append((order, t, r, exact))
        self._by_spaced = by_spaced
        self._generation = TRIGGERS.add(t for r in self.rules for t in r.triggers)

    def find(
        self, text: str, words: WordHits | AbstractSet[str] | None = None
    ) -> list[tuple[int, int, str, re.Match[str]]]:
        """(start, end, label, match) of every match, earliest first; overlaps dropped.

        `words` (`Doc.words()` for `text`) gives where the triggers start a word, so the text
        need not be searched for each; a set of word starts (`Doc.word_starts`) lets triggers no
        word starts with be skipped; None searches for every trigger.
        """
        candidates: Iterable[tuple[list[tuple[int, str, Rule, bool]], list[int]]]
        if isinstance(words, WordHits):
            # Word starts already: only a trigger with an edge inside ("t-sql", found as "t sql")
            # needs checking that it stands there as written.
            candidates = words.select(self._by_spaced, self._generation)
        else:
            candidates = [
                ([(order, needle, r, True)], _word_starts(text, needle))
                for k in active_keys(self._keys, words)
                for order, needle, r in self._by_key[k]
            ]
        # Where a rule matched: (its order, end, label, match); an earlier rule wins a place.
        hits: dict[int, tuple[int, int, str, re.Match[str]]] = {}
        for items, found in candidates:
            for order, needle, r, exact in items:
                match = r.pattern.match
                for i in found:
                    if exact or text.startswith(needle, i):
                        prev = hits.get(i)
                        if prev is None or prev[0] > order:
                            m = match(text, i)
                            if m is not None and m.end() > i:
                                hits[i] = (order, m.end(), r.label, m)
        out: list[tuple[int, int, str, re.Match[str]]] = []
        end = -1
        for start in sorted(hits):
            _, stop, label, m = hits[start]
            if start >= end:
                out.append((start, stop, label, m))
                end = stop
        return out


def _word_starts(text: str, needle: str) -> list[int]:
    """Where `needle` starts a word of `text`."""
    return [i for i in positions(text, needle) if i == 0 or text[i - 1] in WORD_EDGES]


class Gated:
    """A regex searched only where it can match: every match holds one of `needed` (literal
    strings read from the pattern itself, `needed_literals`), and `str.find` rules a text
    without any of them out far faster than the regex engine, which tries a pattern with no
    literal start at every position. Same results as the compiled pattern."""

    __slots__ = ("regex", "pattern", "needed")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.pattern = pattern
        self.needed = needed_literals(self.regex)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        # Plain loops: called ~16 times a posting, where a generator costs more than the tests.
        needed = self.needed
        if needed is None:
            return True
        if pos == 0 and endpos >= len(text):
            for w in needed:
                if w in text:
                    return True
            return False
        for w in needed:
            if text.find(w, pos, endpos) >= 0:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def sub(self, repl: str, text: str) -> str:
        return self.regex.sub(repl, text) if self._may_match(text, 0, len(text)) else text

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos)


MAX_NEEDED = 24  # more alternatives than this: reading the text for each costs more than it saves
try:  # the stdlib's parsed form of a pattern; private, so read defensively
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: no gate, same results
    _parser = _c = None


def needed_literals(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `regex` contains, or None when the pattern gives
    none to rely on (a case-insensitive pattern, an alternative with no literal text)."""
    if regex.flags & re.IGNORECASE or _parser is None:
        return None
    try:
        found = _needed(_parser.parse(regex.pattern, regex.flags).data)
    except Exception:  # the parser's form changed: no gate, same results
        return None
    if not found or len(found) > MAX_NEEDED:
        return None
    # A string holding another is redundant: the shorter is found wherever the longer is.
    return tuple(sorted(w for w in found if not any(v != w and v in w for v in found)))


def _needed(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best set of strings one of which every match of the parsed sequence holds."""
    best: frozenset[str] | None = None
    run = ""  # consecutive literal characters: they stand together in every match

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or _score(found) > _score(best)):
            best = found

    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the literals on either side still stand together
        consider(frozenset({run}) if run else None)
        run = ""
        if op is _c.SUBPATTERN and not av[1] & re.IGNORECASE:  # (group, flags on, off, body)
            consider(_needed(av[3].data))
        elif op is _c.ATOMIC_GROUP:
            consider(_needed(av.data))
        elif op is _c.BRANCH:
            alternatives = [_needed(p.data) for p in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needed(av[2].data))  # (at least, at most, body): the body is there
        elif op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
            consider(frozenset(chr(c) for _, c in av))
    consider(frozenset({run}) if run else None)
    return best


def _score(found: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer, fewer are cheaper to look for."""
    return min(map(len, found)), -len(found)
