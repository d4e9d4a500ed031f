"""Remote work: true when the posting offers it, false when it rules it out, else None."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from hireable.postings.scan import TRIGGERS, Gated, WordHits, spaced

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


# Every phrase above holds one of these words where it starts a word: the regexes only read a
# window around each word start of one ("on-site" read as "on site" finds "on site" too).
_TRIGGERS = ("remote", "on-site", "onsite", "office", "local candidates", "home", "wfh",
             "telecommut", "distributed", "anywhere")  # fmt: skip
_SPACED = {t: spaced(t) for t in _TRIGGERS}
TRIGGERS.add(_TRIGGERS)
_BEFORE, _AFTER = 45, 40  # characters read around a trigger


def find_remote(
    lower: str,
    title: str | None = None,
    words: WordHits | AbstractSet[str] | None = None,
) -> bool | None:
    """True when the posting offers remote work, False when it rules it out, else None.

    `words` (`Doc.words()` for `lower`) says where the trigger words start a word; anything
    else reads `lower` for them."""
    remote = bool(title and _TITLE_REMOTE.search(title)) or None
    for window in _windows(lower, _trigger_starts(lower, words)):
        if _ONSITE.search(window):
            return False
        if remote is None and _REMOTE.search(window):
            remote = True
    return remote


def _trigger_starts(
    lower: str, words: WordHits | AbstractSet[str] | None
) -> list[tuple[str, list[int]]]:
    """(trigger, where it starts a word) for every trigger; without `Doc.words()` the text is
    read by the same shared scan."""
    hits = words if isinstance(words, WordHits) else TRIGGERS.find(lower)
    return [(t, hits.at(_SPACED[t])) for t in _TRIGGERS]


def _windows(lower: str, starts: Iterable[tuple[str, list[int]]]) -> list[str]:
    return [
        lower[max(0, i - _BEFORE) : i + len(t) + _AFTER] for t, found in starts for i in found
    ]
