"""Counts in sentences (pure): "1 year", "3 years", "1 idea"."""

from __future__ import annotations


def plural(n: int, noun: str, many: str = "") -> str:
    """`n` and `noun`: the singular for exactly 1, else `many` (by default `noun` + "s")."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"
