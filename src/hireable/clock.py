"""Today's date, from one place: every command asks here, so tests freeze it in one place
(`monkeypatch.setattr("hireable.clock.today", ...)`). Callers call `clock.today()` through the
module, never a copy bound at import time."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local calendar date."""
    return dt.date.today()


def moment(day: dt.date | None = None) -> dt.datetime:
    """Now as the store stamps it (naive UTC), on `day` (default: `today()`): while the date
    is the real one, the real instant; when a test or the dashboard moved today (frozen, or
    days later), the same time of day on that date, so what is stamped "seen" (a posting's
    first and last sighting, a fetch run) is seen on the day the app lives on."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    day = today() if day is None else day
    return now if day == dt.date.today() else dt.datetime.combine(day, now.time())
