"""A minimal iCalendar (RFC 5545) writer: VCALENDAR with VEVENTs, CRLF lines folded at 75 octets.

Events are all-day (a `date` start and exclusive end) or timed in floating local time (a
`datetime` start and end).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PRODID = "-//hireable//sprint plan//EN"
LINE_OCTETS = 75  # RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding CRLF


@dataclass(frozen=True)
class Event:
    uid: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime  # exclusive
    summary: str
    description: str = ""


def escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character;
    continuation lines start with one space (which counts toward their 75)."""
    out: list[str] = []
    chunk, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(chunk)
            chunk, size, limit = " ", 1, LINE_OCTETS
        chunk += char
        size += width
    out.append(chunk)
    return "\r\n".join(out)


def _when(name: str, value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{value:%Y%m%dT%H%M%S}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def calendar(events: list[Event], *, now: dt.datetime, name: str = "hireable") -> str:
    """The whole .ics text. `now` (UTC) is the DTSTAMP of every event."""
    stamp = now.astimezone(dt.UTC) if now.tzinfo else now
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for e in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{e.uid}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            _when("DTSTART", e.start),
            _when("DTEND", e.end),
            f"SUMMARY:{escape(e.summary)}",
        ]
        if e.description:
            lines.append(f"DESCRIPTION:{escape(e.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
