"""JSON from outside (a user's file, a remote answer) decoded within bounds.

`loads` refuses what the standard decoder would accept but the rest of the program cannot carry:
nesting deep enough to exhaust the recursion limit (here or later, when the value is re-encoded),
numbers too large for a float (`1e400` would become infinity) and the non-JSON constants `NaN` and
`Infinity`. Every refusal is a ValueError whose message is the one-line reason.
"""

from __future__ import annotations

import json
import math
from typing import Any

# Far deeper than any real answer or import file (GitHub's deepest is under 10), far below the
# interpreter's recursion limit even when the value is re-encoded from deep inside a call stack.
MAX_DEPTH = 100
# Below the interpreter's own limit (4,300 digits), whose refusal reads as a bug report; a
# bigger number is still refused later by the field that holds it, with that field's name.
MAX_DIGITS = 4000


class TooDeep(ValueError):
    """The value nests more than the bound allows."""


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"number {text[:20]}… is too large")
    return number


def _bounded_int(text: str) -> int:
    if len(text) > MAX_DIGITS:  # the interpreter's own refusal (4,300 digits) reads as a bug
        raise ValueError(f"number {text[:20]}… has more than {MAX_DIGITS} digits")
    return int(text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def depth(value: Any) -> int:
    """How deeply lists and objects nest in `value` (0 for a scalar); iterative, so any depth."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        level += 1
        deepest = max(deepest, level)
        stack.extend((child, level) for child in item if isinstance(child, dict | list))
    return deepest


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Decode `text`; ValueError (with the reason) when it is not JSON or is out of bounds."""
    try:
        value = json.loads(
            text, parse_float=_finite_float, parse_int=_bounded_int, parse_constant=_no_constant
        )
    except RecursionError:
        raise TooDeep(f"it nests more than {max_depth} levels deep") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    if depth(value) > max_depth:
        raise TooDeep(f"it nests more than {max_depth} levels deep")
    # NUL can only come as the escape \\u0000: the cheap test skips the walk for other texts
    escape = "\\u0000" if isinstance(text, str) else b"\\u0000"
    return without_nul(value) if escape in text else value  # type: ignore[operator]


def without_nul(value: Any) -> Any:
    """`value` with NUL removed from every string in it, keys too. The store drops NUL (the
    PostgreSQL text type refuses it), so a key or id still holding it would never match what was
    stored; removing it as the value comes in keeps both the same."""
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(without_nul(item) for item in value)
    return value
