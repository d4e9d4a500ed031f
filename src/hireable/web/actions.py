"""How the dashboard says what the services phrase for the terminal.

The services word an action or a warning for the CLI, naming the command that does it (`hireable
idea baseline 3 --artifact URL`, "add --metric share=PERCENT"). On the dashboard such a sentence
links to the page (or the form on it) that does the same, and the command is left out: the link
is how it is done here. A sentence whose page is not served keeps its command, the only way to
do it then. First match wins.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from hireable.web.pages import PATHS

# (pattern on the sentence, page key, what follows the page's address, why). The address part
# is formatted with the pattern's groups (an evidence id, say).
ACTION_PAGES: tuple[tuple[str, str, str, str], ...] = (
    (r"`hireable idea baseline \d+", "ideas", "#picked-h", "the picked idea's baseline form"),
    (r"`hireable idea add\b", "ideas", "#add-h", "the add-an-idea form"),
    (r"`hireable (idea|plan)\b", "ideas", "", "ideas, baselines and the sprint plan"),
    (r"^evidence (\d+) \(.*add --metric", "evidence", "/{0}#edit-h", "the item's own edit form"),
    (r"^evidence (\d+) \(", "evidence", "/{0}", "a warning about one item: its page explains it"),
    (r"`hireable evidence add\b", "evidence", "#add-h", "the add-evidence form"),
    (r"`hireable (evidence|import)\b", "evidence", "", "recording and linking evidence"),
    (r"`hireable (log|journal)\b", "journal", "", "logging learn and do sessions"),
    (r"`hireable (jobs|boards|postings)\b", "jobs", "", "finding and ranking openings"),
    (r"`hireable track followup \d+`", "tracker", "#due", "the board's follow-ups due"),
    (r"`hireable (track|outreach)\b", "tracker", "", "applications, follow-ups and messages"),
    (r"`hireable (profile|init)\b", "profile", "", "the profile"),
    (r"^This week: do:", "journal", "", "this week's do block is logged in the journal"),
    (r"^Add ", "evidence", "#add-h", "a missing item is recorded as evidence"),
)
_PAGES = tuple((re.compile(p), key, rest) for p, key, rest, _ in ACTION_PAGES)

# How a linked sentence loses its terminal wording: (pattern, replacement, why), all applied.
CLI_WORDING: tuple[tuple[str, str, str], ...] = (
    (r" ?\(`hireable [^`]*`\)", "", "a command in brackets: the link does it"),
    (r"; then `hireable track followup \d+`", "; then record it", "the board records it"),
    (r" with `hireable [^`]*`", "", "'do it with `command`': the link is the how"),
    (r":? `hireable [^`]*`$", "", "a command closing the sentence"),
    (r"add --metric (\w+)=(\w+)", r"add the metric \1=\2", "the edit form has a metrics box"),
    (r"run `hireable init [^`]*` first", "create it first", "the Profile page creates it"),
)
_WORDING = tuple((re.compile(p), new) for p, new, _ in CLI_WORDING)


@dataclass(frozen=True)
class Action:
    text: str
    href: str | None  # None: the page that does it is not served (the text keeps its command)

    def parts(self) -> list[tuple[str, bool]]:
        """The text split at backticks: (piece, is_code)."""
        return [(piece, i % 2 == 1) for i, piece in enumerate(self.text.split("`")) if piece]


def page_for(text: str, served: Collection[str]) -> str | None:
    for pattern, key, rest in _PAGES:
        found = pattern.search(text)
        if found:
            return PATHS[key] + rest.format(*found.groups()) if key in served else None
    return None


def web_wording(text: str) -> str:
    """`text` without its terminal wording; a sentence that was only a command stays whole."""
    worded = text
    for pattern, new in _WORDING:
        worded = pattern.sub(new, worded)
    return worded if worded.strip() else text


def web_action(text: str, served: Collection[str]) -> Action:
    """`text` as the dashboard shows it: linked to its page and without its command where the
    page is served, else as the terminal says it."""
    href = page_for(text, served)
    return Action(web_wording(text) if href else text, href)


def link_actions(texts: list[str], served: Collection[str]) -> list[Action]:
    return [web_action(t, served) for t in texts]
