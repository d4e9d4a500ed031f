"""A posting's text as safe HTML, with the sentences its score rests on marked.

Postings come from the open web, so their HTML is hostile until proven otherwise. It goes through
nh3 (an allow-list: structure and links only, no script, style, image, form or event attribute,
links only to http(s) and mailto), then the decisive sentences are wrapped in <mark> inside the
text between tags (re-escaped as they are written), and the result goes through nh3 once more
with <mark> allowed, so whatever the marking did the page only ever gets allow-listed HTML. Only
this module's output is marked safe for the templates.
"""

from __future__ import annotations

import html
import re

import nh3
from markupsafe import Markup

BLOCK_TAGS = {"p", "br", "div", "hr", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd"}
INLINE_TAGS = {"a", "b", "strong", "i", "em", "u", "code", "sub", "sup", "span", "small"}
HEADING_TAGS = {"h3", "h4", "h5", "h6"}  # a posting's h1/h2 become h3: the page has its own
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}
TAGS = BLOCK_TAGS | INLINE_TAGS | HEADING_TAGS | TABLE_TAGS
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer nofollow"

_CLEAN = nh3.Cleaner(tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL)
_CLEAN_MARKED = nh3.Cleaner(
    tags=TAGS | {"mark"}, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=LINK_REL
)
# nh3's output escapes "<" and ">" everywhere but in its tags, so a tag is "<" up to the next ">".
_TAG = re.compile(r"<[^>]*>")
_LOOKS_LIKE_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--)")
_TOP_HEADING = re.compile(r"<(/?)h[12](?=[\s>/])", re.I)
MIN_QUOTE = 12  # characters (spaces aside): shorter quotes would mark words all over the text


def plain_to_html(text: str) -> str:
    """Clean text (one line a paragraph, "- " a list item) as HTML, every piece escaped."""
    out: list[str] = []
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(("- ", "• ", "* ")):
            items.append(f"<li>{html.escape(line[2:].strip())}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            out.append(f"<p>{html.escape(line)}</p>")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def _compact(text: str) -> tuple[str, list[int]]:
    """`text` lowercased without whitespace, with the index in `text` of each kept character."""
    kept = [(i, c) for i, c in enumerate(text.lower()) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _marked_spans(plain: str, quotes: list[str]) -> list[tuple[int, int]]:
    """(start, end) in `plain` of every occurrence of each quote, whitespace and case aside,
    merged where they overlap."""
    compact, where = _compact(plain)
    spans: list[tuple[int, int]] = []
    for quote in quotes:
        needle = _compact(quote)[0]
        if len(needle) < MIN_QUOTE:
            continue
        at = compact.find(needle)
        while at != -1:
            spans.append((where[at], where[at + len(needle) - 1] + 1))
            at = compact.find(needle, at + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_sentences(clean_html: str, quotes: list[str]) -> str:
    """`clean_html` (nh3's output) with each quote wrapped in <mark>, in every text run it
    crosses (a sentence split by <strong> gets a mark on each side of it)."""
    pieces = _TAG.split(clean_html)
    tags = _TAG.findall(clean_html)
    texts = [html.unescape(p) for p in pieces]
    spans = _marked_spans("".join(texts), quotes)
    if not spans:
        return clean_html
    out: list[str] = []
    offset = 0
    for i, text in enumerate(texts):
        out.append(_mark_run(text, offset, spans))
        offset += len(text)
        if i < len(tags):
            out.append(tags[i])
    return "".join(out)


def _mark_run(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """One text run, escaped, with the parts inside `spans` (positions in the whole text) marked."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        lo, hi = max(start - offset, at), min(end - offset, len(text))
        if lo >= hi:
            continue
        out.append(html.escape(text[at:lo], quote=False))
        if text[lo:hi].strip():
            out.append(f"<mark>{html.escape(text[lo:hi], quote=False)}</mark>")
        else:
            out.append(html.escape(text[lo:hi], quote=False))
        at = hi
    out.append(html.escape(text[at:], quote=False))
    return "".join(out)


def posting_body(description: str, text: str, quotes: list[str]) -> Markup:
    """The posting as HTML safe to put in a page: its own HTML when it has some, else its clean
    text as paragraphs; the quotes marked."""
    if _LOOKS_LIKE_HTML.search(description or ""):
        source = _TOP_HEADING.sub(r"<\1h3", description)  # the page has the h1 and h2s
    else:
        source = plain_to_html(text)
    marked = mark_sentences(_CLEAN.clean(source), quotes)
    return Markup(_CLEAN_MARKED.clean(marked))  # noqa: S704 - sanitised by nh3 just above
