"""Where each next action of the status report is done: the page it links to.

The services phrase actions for the terminal (with a `hireable ...` command in backticks); the
dashboard links each to the page that does the same. First match wins.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from hireable.web.pages import PATHS

# (pattern on the action text, page key, why)
ACTION_PAGES: tuple[tuple[str, str, str], ...] = (
    (r"`hireable (evidence|import)\b", "evidence", "recording and linking evidence"),
    (r"`hireable (log|journal)\b", "journal", "logging learn and do sessions"),
    (r"`hireable (idea|plan)\b", "ideas", "ideas, baselines and the sprint plan"),
    (r"`hireable (jobs|boards|postings)\b", "jobs", "finding and ranking openings"),
    (r"`hireable (track|outreach)\b", "tracker", "applications, follow-ups and messages"),
    (r"`hireable (profile|init)\b", "profile", "the profile"),
    (r"^This week: do:", "journal", "this week's do block is logged in the journal"),
    (r"^Add ", "evidence", "a missing item is recorded as evidence"),
)
_COMPILED = tuple((re.compile(p), key) for p, key, _ in ACTION_PAGES)


@dataclass(frozen=True)
class Action:
    text: str
    href: str | None  # None: the page that does it is not served yet

    def parts(self) -> list[tuple[str, bool]]:
        """The text split at backticks: (piece, is_code)."""
        return [(piece, i % 2 == 1) for i, piece in enumerate(self.text.split("`")) if piece]


def page_for(text: str, served: Collection[str]) -> str | None:
    for pattern, key in _COMPILED:
        if pattern.search(text):
            return PATHS[key] if key in served else None
    return None


def link_actions(texts: list[str], served: Collection[str]) -> list[Action]:
    return [Action(t, page_for(t, served)) for t in texts]
