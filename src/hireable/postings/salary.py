"""Salary ranges: "$120,000 - $150,000 a year", "$45/hour", "$90K-$110K", "USD 100,000",
"$150-200k", "CHF 120k-150k"."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from hireable.postings.scan import TRIGGERS, NeedleHits, WordHits, positions

CURRENCIES = {"$": "USD", "usd": "USD", "us$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
              "gbp": "GBP", "cad": "CAD", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD",
              "aud": "AUD", "chf": "CHF"}  # fmt: skip
# Dollar signs with a country prefix, longest first: "CA$95,000" is Canadian, not "A$".
_DOLLAR_PREFIXES = ("ca$", "us$", "au$", "c$", "a$")
_MARK = r"(ca\$|us\$|au\$|c\$|a\$|\$|€|£|usd|eur|gbp|cad|aud|chf)"
_AMOUNT = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[ \t]*(k)\b)?"
_SALARY = re.compile(
    rf"{_MARK}\s?{_AMOUNT}"
    # A range's dash may have been read as a bullet ("A$100k - A$120k" splits into two lines).
    rf"(?:(?:\s*(?:-|–|—|to)\s*|\n)(?:{_MARK[1:-1]})?\s?{_AMOUNT})?"
    r"(?:\s*(?:usd|eur|gbp|cad|aud|chf))?"
    r"(?:\s*(?:/|per|an|a)\s*(hour|hr|year|yr|annum|annually|month|mo|week|day))?"
)
INTERVALS = {"hour": "hour", "hr": "hour", "year": "year", "yr": "year", "annum": "year",
             "annually": "year", "month": "month", "mo": "month", "week": "week",
             "day": "day"}  # fmt: skip
# Without a stated interval, the size of the amount tells it (USD-like currencies).
HOURLY_BELOW = 300  # nobody's hourly rate is above this, nobody's annual pay below it
MONTHLY_BELOW = 20_000
ANNUAL_MAX = 2_000_000  # larger figures are funding rounds and revenue, not pay


# Symbols may stand anywhere ("(US$", "~$90k"); a currency code counts where it starts a word
# ("USD 100,000", "(EUR 90k"), not inside one ("fraud 5-10", "neural 3").
_CURRENCY_SYMBOLS = ("$", "€", "£")
_CURRENCY_CODES = ("usd", "eur", "gbp", "cad", "aud", "chf")
TRIGGERS.add(_CURRENCY_CODES)  # read by `Doc.words()`
THOUSANDS_BELOW = 1000  # "$150-200k": a first amount this small shares the second's "k"


def find_salary(
    lower: str,
    needles: NeedleHits | None = None,
    words: WordHits | AbstractSet[str] | None = None,
) -> dict[str, object] | None:
    """{min, max, currency, interval} of the first plausible pay range, or None.

    `needles` (`Doc.needles()` for `lower`) says where the currency symbols are, `words`
    (`Doc.words()`) where the codes start a word; anything else searches."""
    starts = sorted(  # none: no currency mark, no salary
        [_start_of(lower, i, mark) for mark, i in _marks(lower, needles, words)]
    )
    for start in starts:
        m = _SALARY.match(lower, start)
        if m is None:
            continue
        low = _amount(m.group(2), m.group(3))
        high = _amount(m.group(4), m.group(5)) if m.group(4) else low
        if m.group(3) and m.group(4) and not m.group(5):
            high *= 1000  # "$90k-110" reads as thousands on both ends
        elif m.group(5) and not m.group(3) and low < THOUSANDS_BELOW:
            low *= 1000  # and so does "$150-200k"
        if low <= 0 or high < low or high > ANNUAL_MAX:
            continue
        interval = INTERVALS.get(m.group(6) or "", "")
        if not interval:
            if not m.group(4) and not m.group(3):
                continue  # a lone "$5" is a price, not a pay range
            interval = _interval_from_size(high)
        if interval == "year" and low < 10_000:
            continue
        return {
            "min": _whole(low),
            "max": _whole(high),
            "currency": CURRENCIES[m.group(1)],
            "interval": interval,
        }
    return None


def _marks(
    lower: str, needles: NeedleHits | None, words: WordHits | AbstractSet[str] | None
) -> list[tuple[str, int]]:
    """(mark, position) of every currency symbol and of every code that starts a word."""
    at = needles.at if needles is not None else lambda mark: positions(lower, mark)
    found = [(mark, i) for mark in _CURRENCY_SYMBOLS for i in at(mark)]
    # `at` gives exactly a code's word starts (a code holds no edge mark); without
    # `Doc.words()` the text is read by the same shared scan.
    hits = words if isinstance(words, WordHits) else TRIGGERS.find(lower)
    found += [(code, i) for code in _CURRENCY_CODES for i in hits.at(code)]
    return found


def _start_of(lower: str, i: int, mark: str) -> int:
    """Where the currency mark at `i` really starts (a "$" may carry a country prefix)."""
    if mark == "$":
        for prefix in _DOLLAR_PREFIXES:
            k = i - len(prefix) + 1
            if k >= 0 and lower.startswith(prefix, k):
                return k
    return i


def _interval_from_size(amount: float) -> str:
    if amount < HOURLY_BELOW:
        return "hour"
    return "month" if amount < MONTHLY_BELOW else "year"


def _amount(number: str, thousands: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * 1000 if thousands else value


def _whole(value: float) -> int | float:
    return int(value) if value == int(value) else value
