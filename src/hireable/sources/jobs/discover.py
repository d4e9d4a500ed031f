"""Company boards found in text: HN "Who is hiring?" comments, or any saved page (pure: no I/O).

Every link to a known ATS (see `board_urls`) names a board someone can follow. HN serves comment
links entity-escaped inside `<a href>` (`https:&#x2F;&#x2F;jobs.lever.co&#x2F;acme`), so the text is
unescaped before links are read; a link shown both as href and as anchor text counts once.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hireable.sources.jobs.board_urls import board_ref

_ATS_HOSTS = r"greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|smartrecruiters\.com"
_URL = re.compile(
    rf"https?://[^\s<>\"']+|(?<![\w./-])(?:www\.)?(?:[a-z0-9-]+\.)+(?:{_ATS_HOSTS})/[^\s<>\"']*",
    re.I,
)
_TRAILING = ".,;:!?)]}>*"
_BLOCK_TAGS = re.compile(r"<\s*(?:p|br|li|tr|div|h[1-6])\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
MAX_HEADER = 200  # characters of a page line kept as its header

# Whether a text names an ML role: `analyse(description, title)["ml"]`, injected by the caller so
# this module stays free of the analyser.
NamesMl = Callable[[str, str | None], bool]


@dataclass
class Found:
    """One board found: where it was seen first, and whether any mention names an ML role."""

    ref: str
    company: str | None
    header: str
    ml: bool


def board_refs(text: str) -> list[str]:
    """Every distinct board linked from `text` (HTML or plain), in order of first appearance."""
    refs: dict[str, None] = {}
    for match in _URL.finditer(html.unescape(text)):
        ref = board_ref(match[0].rstrip(_TRAILING))
        if ref is not None:
            refs.setdefault(ref, None)
    return list(refs)


def merge(found: Iterable[Found]) -> list[Found]:
    """The same board found twice is one row: the first sighting, ML if any sighting names ML."""
    rows: dict[str, Found] = {}
    for item in found:
        first = rows.setdefault(item.ref, item)
        first.ml = first.ml or item.ml
        first.company = first.company or item.company
    return list(rows.values())


def from_page(text: str, names_ml: NamesMl) -> list[Found]:
    """Boards linked from a page; each line that links one is its header (a startup list row)."""
    out = []
    for raw, plain in _blocks(text):
        for ref in board_refs(raw):
            header = plain[:MAX_HEADER]
            out.append(Found(ref, _company_of(header), header, names_ml(plain, None)))
    return merge(out)


def _blocks(text: str) -> list[tuple[str, str]]:
    """(raw, plain text) per line of a text file, or per paragraph, list item or row of HTML:
    links are read from the raw (hrefs), headers from the plain text."""
    if "<" not in text:
        return [(line, " ".join(line.split())) for line in text.splitlines() if line.strip()]
    out = []
    for block in _BLOCK_TAGS.split(text):
        plain = " ".join(html.unescape(_TAG.sub(" ", block)).split())
        if plain or block.strip():
            out.append((block, plain))
    return out


def _company_of(header: str) -> str | None:
    """'Acme | ML Engineer | Remote' or 'Acme - we build ...' -> 'Acme'; None when unclear."""
    head = re.split(r"\s[|•·–—-]\s|\|", header, maxsplit=1)[0].strip()
    return head if head and head != header and len(head) <= 80 else None
