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


class TooDeep(ValueError):
    """The value nests more than the bound allows."""


def _finite_float(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"number {text[:20]}… is too large")
    return number


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
        value = json.loads(text, parse_float=_finite_float, parse_constant=_no_constant)
    except RecursionError:
        raise TooDeep(f"it nests more than {max_depth} levels deep") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    if depth(value) > max_depth:
        raise TooDeep(f"it nests more than {max_depth} levels deep")
    return value
