"""Terminal output that is literal by construction.

Every console comes from `make_console`: Rich markup and emoji codes are never read, so a name
like "Ann [/b]" or a title "[link=x]" prints as typed. Control characters in user data (a
title fetched from a job board holding `\\x1b[2J`, say) are made visible, never sent to the
terminal: `visible` does it for plain strings, the console applies it to every string it
renders, and `text` / `line` apply it where a styled `Text` is built from user data.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, ConsoleOptions, RenderResult
from rich.style import Style
from rich.text import Span, Text

from hireable.control_chars import CONTROL as _CONTROL
from hireable.control_chars import visible as visible  # the CLI's modules import it from here


def json_literal(encoded: str) -> str:
    """JSON text with DEL and C1 controls escaped (`\\u009b`): json.dumps escapes C0 controls
    but leaves these raw with ensure_ascii off, and \\x9b is a CSI to some terminals. The
    value decoded is unchanged."""
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


_C1 = re.compile("[\x7f-\x9f]")


def document(body: str, fmt: str) -> str:
    """A document a command prints or writes (an export): JSON with `json_literal`, YAML as
    its dumper escaped it, anything else (Markdown) with `visible`."""
    if fmt in ("json", "json-resume"):
        return json_literal(body)
    return body if fmt in ("yaml", "rendercv") else visible(body)


def text(value: object, style: str | Style = "") -> Text:
    """A literal `Text` of `value` (None as empty), control characters made visible."""
    return Text("" if value is None else visible(value), style=style)


def line(*parts: str | tuple[str, str]) -> Text:
    """One line from parts, each a string or (string, style): `Text.assemble`, literal."""
    pieces: list[Text] = [
        text(part[0], part[1]) if isinstance(part, tuple) else text(part) for part in parts
    ]
    return Text.assemble(*pieces)


class hanging:  # noqa: N801 - used like a function: out.print(hanging("  1.", action))
    """`prefix` then `body`, the body's wrapped lines indented under its first word (a list
    item that stays readable at 80 columns), literal, with no trailing spaces."""

    def __init__(self, prefix: str, body: object) -> None:
        self.prefix = visible(prefix)
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = len(self.prefix) + 1
        lines = text(self.body).wrap(console, max(options.max_width - indent, 20))
        for i, wrapped in enumerate(lines):
            wrapped.rstrip()
            lead = self.prefix + " " if i == 0 else " " * indent
            yield Text.assemble(lead, wrapped)


def literal(value: Text) -> Text:
    """`value` with its control characters made visible, its styles kept (a `Text` a call site
    built itself, from user data, without `text`)."""
    if not _CONTROL.search(value.plain):
        return value
    cuts = sorted({edge for m in _CONTROL.finditer(value.plain) for edge in m.span()})
    result = value.blank_copy()
    for piece in value.divide(cuts):
        if _CONTROL.fullmatch(piece.plain):
            shown = Text(visible(piece.plain))
            shown.spans = [Span(0, len(shown), span.style) for span in piece.spans]
            piece = shown
        result.append_text(piece)
    return result


class LiteralConsole(Console):
    """A console whose strings are never markup and never carry raw control characters,
    whatever a call site passes (also table cells and titles, which Rich renders here, and
    `Text` objects however deep in a table or panel they sit)."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False)
        return super().render_str(visible(text), **kwargs)

    def render(self, renderable: Any, options: ConsoleOptions | None = None) -> Any:
        if isinstance(renderable, Text):
            renderable = literal(renderable)
        return super().render(renderable, options)


def make_console(**kwargs: Any) -> Console:
    """The one console factory: markup, emoji codes and highlighting off."""
    return LiteralConsole(markup=False, emoji=False, highlight=False, **kwargs)
