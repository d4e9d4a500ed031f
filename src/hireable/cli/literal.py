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
from rich.text import Text

# What is made visible, with why (tab and line feed stay: they are layout, not commands).
CONTROL_RANGES = (
    ("\x00-\x08\x0b\x0c\x0e-\x1f", "C0 controls: ESC starts terminal commands, BEL rings"),
    ("\x7f-\x9f", "DEL and C1 controls: \\x9b is an 8-bit CSI on some terminals"),
    ("\u202a-\u202e\u2066-\u2069", "bidi overrides: shown order would differ from stored"),
)
_CONTROL = re.compile("[" + "".join(chars for chars, _ in CONTROL_RANGES) + "]|\r(?!\n)")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object) -> str:
    """`value` as text with every control character spelt out (`\\x1b`, `\\u202e`); CRLF, tab
    and line feed are kept."""
    return _CONTROL.sub(_shown, str(value))


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


class LiteralConsole(Console):
    """A console whose strings are never markup and never carry raw control characters,
    whatever a call site passes (also table cells and titles, which Rich renders here)."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False)
        return super().render_str(visible(text), **kwargs)


def make_console(**kwargs: Any) -> Console:
    """The one console factory: markup, emoji codes and highlighting off."""
    return LiteralConsole(markup=False, emoji=False, highlight=False, **kwargs)
