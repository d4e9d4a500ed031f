"""Control characters in user data, spelt out rather than obeyed (pure; no terminal, no web).

The CLI's consoles (`cli/literal.py`) and the dashboard's messages (`web/render.py`) both show a
stored value with every character that could drive a terminal or reorder the text written as
an escape (`\\x1b`, `\\u202e`).
"""

from __future__ import annotations

import re

# What is made visible, with why (tab and line feed stay: they are layout, not commands).
CONTROL_RANGES = (
    ("\x00-\x08\x0b\x0c\x0e-\x1f", "C0 controls: ESC starts terminal commands, BEL rings"),
    ("\x7f-\x9f", "DEL and C1 controls: \\x9b is an 8-bit CSI on some terminals"),
    ("\u202a-\u202e\u2066-\u2069", "bidi overrides: shown order would differ from stored"),
)
CONTROL = re.compile("[" + "".join(chars for chars, _ in CONTROL_RANGES) + "]|\r(?!\n)")


def spelt(char: str) -> str:
    """One character as a message or a view spells it, the way Python escapes it: `\\x1b`,
    `\\u202e`, `\\ufffd` (the console, the dashboard and the forms' refusals alike)."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(value: object) -> str:
    """`value` as text with every control character spelt out (`spelt`); CRLF, tab and line
    feed are kept."""
    return CONTROL.sub(lambda m: spelt(m.group()), str(value))
