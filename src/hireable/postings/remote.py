"""Remote work: true when the posting offers it, false when it rules it out, else None."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from hireable.postings.scan import TRIGGERS, Gated, NeedleHits, WordHits, positions, start_key

# Checked first: a posting that says "not remote" is not remote whatever else it says.
_ONSITE = Gated(
    r"\b(?:not (?:a )?remote|no remote|non-remote|remote work is not|on-?site only|onsite only"
    r"|must (?:work|be) (?:on-?site|in (?:the |our )?office)|in-office role|local candidates only"
    r"|not open to remote|no telecommut\w*)"
)
_REMOTE = Gated(
    r"\b(?:(?:fully|100%|completely|full-time) remote|remote[- ](?:first|friendly|ok|position"
    r"|role|work|opportunity|job|eligible)|work(?:ing)? (?:from home|remotely)|\bwfh\b"
    r"|telecommut\w+|distributed team|anywhere in the (?:us|u\.s\.|world)|\(remote\)|- remote\b"
    r"|remote within|open to remote|this (?:position|role|job) (?:is|can be) remote)"
)
_TITLE_REMOTE = re.compile(r"\bremote\b", re.IGNORECASE)


# Every phrase above contains one of these words: the regexes only read a window around them.
_TRIGGERS = ("remote", "on-site", "onsite", "office", "local candidates", "home", "wfh",
             "telecommut", "distributed", "anywhere")  # fmt: skip
_KEYS = {t: start_key(t) for t in _TRIGGERS}
# The same test read from `Doc.words()`: a word starting with a three-character key, or the word
# itself for a shorter one ("on": the word "on").
_WORD_KEYS = {t: k if len(k) >= 3 else k + " " for t, k in _KEYS.items()}
TRIGGERS.add(_WORD_KEYS.values())
_BEFORE, _AFTER = 45, 40  # characters read around a trigger


def find_remote(
    lower: str,
    title: str | None = None,
    words: WordHits | AbstractSet[str] | None = None,
    needles: NeedleHits | None = None,
) -> bool | None:
    """True when the posting offers remote work, False when it rules it out, else None.

    `words` (`Doc.words()` for `lower`, or its word starts `Doc.word_starts()`) lets trigger
    words no word starts with be skipped; `needles` (`Doc.needles()`) says where they occur."""
    remote = bool(title and _TITLE_REMOTE.search(title)) or None
    if isinstance(words, WordHits):
        triggers = [t for t in _TRIGGERS if words.at(_WORD_KEYS[t])]
    elif words is None:
        triggers = list(_TRIGGERS)
    else:
        triggers = [t for t in _TRIGGERS if _KEYS[t] in words]
    for window in _windows(lower, triggers, needles):
        if _ONSITE.search(window):
            return False
        if remote is None and _REMOTE.search(window):
            remote = True
    return remote


def _windows(lower: str, triggers: Iterable[str], needles: NeedleHits | None) -> list[str]:
    out = []
    for t in triggers:
        for i in needles.at(t) if needles is not None else positions(lower, t):
            out.append(lower[max(0, i - _BEFORE) : i + len(t) + _AFTER])
    return out
