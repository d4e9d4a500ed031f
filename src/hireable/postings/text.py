"""HTML (or plain text) job descriptions to clean text, keeping the list structure.

Job boards send descriptions in several shapes: Greenhouse sends entity-escaped HTML
(`&lt;p&gt;...`), Lever and Ashby send HTML with `<ul><li>` lists, scrapes send plain text
(often with the newlines lost). `html_to_text` turns any of them into plain text where every
block (paragraph, heading, list item) is its own line and every list item starts with "- "
(indented two spaces per nesting level). Stdlib only: a tag regex plus `html.unescape`.
"""

from __future__ import annotations

import html
import re

# Tags whose content is never text a reader sees.
_INVISIBLE = re.compile(
    r"<(script|style|head|template|noscript)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
# Something that looks like real markup, not a stray "<" in "x < 5".
_LOOKS_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>")
_ESCAPED_HTML = re.compile(r"&lt;/?[a-zA-Z][a-zA-Z0-9]*\b.*?&gt;", re.DOTALL)

# Block-level tags: each starts and ends a line.
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 h ul ol dl dt dd table tr section article header footer "
    "blockquote pre hr address figure figcaption main aside nav form fieldset".split()
)
_LIST = frozenset({"ul", "ol"})
_ODD_SPACE = re.compile(  # whitespace other than a single " "
    r"[\t\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")


def html_to_text(html_or_text: str) -> str:
    """Clean text from an HTML or plain-text description: one block per line, bullets as "- "."""
    s = html_or_text or ""
    entities = "&" in s  # most plain text has none: no entity to look for
    if entities and "&lt;" in s and _ESCAPED_HTML.search(s):
        s = html.unescape(s)  # Greenhouse: the HTML itself is entity-escaped.
        entities = "&" in s
    if "<" in s and _LOOKS_HTML.search(s):
        s = _strip_tags(s)
    elif entities:
        s = html.unescape(s)
    return _tidy(s)


# Preformatted text keeps its lines: a "Who is hiring?" comment lists its roles in a
# <pre><code> block, one a line.
_PRE = re.compile(r"<pre\b[^>]*>.*?</pre\s*>", re.IGNORECASE | re.DOTALL)


def _strip_tags(s: str) -> str:
    s = _INVISIBLE.sub(" ", s)
    if "<pre" in s or "<PRE" in s:
        s = _PRE.sub(lambda m: m[0].replace("\r\n", "\n").replace("\n", "<br>"), s)
    s = re.sub(r"\s+", " ", s)  # in HTML, source newlines are just spaces
    out: list[str] = []
    depth = 0
    pos = 0
    for m in _TAG.finditer(s):
        out.append(html.unescape(s[pos : m.start()]))
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name == "br":
            out.append("\n")
        elif name in _LIST:
            depth = max(0, depth - 1) if closing else depth + 1
            out.append("\n")
        elif name == "li":
            out.append("\n" if closing else "\n" + "  " * max(0, depth - 1) + "- ")
        elif name in _BLOCK:
            out.append("\n")
        elif name in ("td", "th"):
            out.append(" ")
    out.append(html.unescape(s[pos:]))
    return "".join(out)


def _tidy(s: str) -> str:
    if "  " not in s and s.replace("\n", "").isprintable():
        # The common case: no control, zero-width or odd space character (all are unprintable),
        # only single spaces.
        return "\n".join([line for line in map(str.strip, s.split("\n")) if line and line != "-"])
    return _tidy_full(s)


def _tidy_full(s: str) -> str:
    if _ZERO_WIDTH.search(s):
        s = _ZERO_WIDTH.sub("", s)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if "  " not in s and not _ODD_SPACE.search(s):  # the common case: only single spaces
        return "\n".join(line for line in map(str.strip, s.split("\n")) if line and line != "-")
    lines = []
    for line in s.split("\n"):
        if "  " in line or _ODD_SPACE.search(line):
            body = " ".join(line.split())  # every run of whitespace, \xa0 included, to one space
        else:
            body = line.strip()
        if body in ("", "-"):
            continue
        if body.startswith("- "):
            indent = len(line) - len(line.lstrip())
            body = " " * min(indent, 8) + body
        lines.append(body)
    return "\n".join(lines)


# A link, an e-mail address or a domain name names a place: "ml" in "acme-ml.com/careers", "ai"
# in "acme.ai" or "master" in "github.com/acme/blob/master" is no cue of the role's work or of a
# degree. Read from the text word (up to whitespace) that holds the cue.
# ("B.Tech" is a degree: a ".tech" domain's name is two characters at least.)
_LINK_WORD = re.compile(
    r"://|www\.|@|\.(?:com|ai|io|org|net|co|dev|app|gg|so|xyz)\b|[\w-]{2}\.tech\b"
)


def in_link(lower: str, pos: int) -> bool:
    """The word of `lower` (lowercased text) at `pos` is a link, an address or a domain."""
    start = max(lower.rfind(" ", 0, pos), lower.rfind("\n", 0, pos)) + 1
    end, line_end = lower.find(" ", pos), lower.find("\n", pos)
    if end < 0 or 0 <= line_end < end:
        end = line_end if line_end >= 0 else len(lower)
    word = lower[start:end]
    return ("." in word or "@" in word) and _LINK_WORD.search(word) is not None
