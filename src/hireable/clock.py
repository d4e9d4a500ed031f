"""Today's date, from one place: every command asks here, so tests freeze it in one place
(`monkeypatch.setattr("hireable.clock.today", ...)`). Callers call `clock.today()` through the
module, never a copy bound at import time."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local calendar date."""
    return dt.date.today()
