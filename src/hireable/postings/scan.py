"""Fast keyword scanning: find literal triggers with `str.find`, then match a regex there.

Python's regex engine tries a big alternation at every position of the text, which is slow
(~100 µs for a 3 KB description per pattern). `str.find` runs in C, so each rule names the
literal words its matches start with; the regex is only tried where one of them occurs.
Every trigger starts a word: an occurrence inside a word ("ms" in "teams") is skipped before
the regex is tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """`pattern` matched where one of `triggers` starts; `label` says what it means."""

    label: str
    triggers: tuple[str, ...]
    pattern: re.Pattern[str]


def rule(label: str, triggers: Iterable[str], pattern: str) -> Rule:
    return Rule(label, tuple(triggers), re.compile(pattern))


class Scanner:
    """All matches of a set of rules, in text order, without overlaps."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._plan = tuple((t, r) for r in self.rules for t in r.triggers)

    def find(
        self, text: str, gate: Callable[[str], bool] | None = None
    ) -> list[tuple[int, int, str, re.Match[str]]]:
        """(start, end, label, match) of every match, earliest first; overlaps dropped.

        `gate(trigger)` may say cheaply that no word starts with the trigger: it is skipped.
        """
        hits: dict[int, tuple[int, int, str, re.Match[str]]] = {}
        for needle, r in self._plan:
            if gate is not None and not gate(needle):
                continue
            i = text.find(needle)
            while i >= 0:
                if (i == 0 or not text[i - 1].isalnum()) and i not in hits:
                    m = r.pattern.match(text, i)
                    if m is not None and m.end() > i:
                        hits[i] = (i, m.end(), r.label, m)
                i = text.find(needle, i + 1)
        out: list[tuple[int, int, str, re.Match[str]]] = []
        end = -1
        for pos in sorted(hits):
            if pos >= end:
                out.append(hits[pos])
                end = hits[pos][1]
        return out
