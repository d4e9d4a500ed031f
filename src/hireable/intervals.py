"""Intervals people type: `6h`, `30m`, `1d`, `1h30m` -> seconds, within bounds (pure)."""

from __future__ import annotations

import re

from hireable.errors import UsageError

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d{1,6})([smhd])")
MIN_EVERY = 5 * 60  # boards change a few times a day: more often only spends their rate limits
MAX_EVERY = 7 * 86400


def parse_interval(text: str, *, what: str = "--every") -> int:
    """'6h' -> 21600; a one-line UsageError for anything else or outside MIN_EVERY..MAX_EVERY."""
    spec = text.strip().lower().replace(" ", "")
    if not spec or _PART.sub("", spec):
        raise UsageError(f"{what} '{text}' is not an interval such as 30m, 6h or 1d")
    seconds = sum(int(n) * UNITS[unit] for n, unit in _PART.findall(spec))
    if not MIN_EVERY <= seconds <= MAX_EVERY:
        raise UsageError(f"{what} '{text}' must be between 5m and 7d")
    return seconds
