"""The learn–do journal (DESIGN 1.3): entry validation, weekly stats, streak, momentum, warnings.

Pure logic, no I/O. Weeks are ISO weeks (Monday start). Every threshold that encodes the method
lives in `RULES` or `RUNWAY` below with its rationale.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass
from typing import Any, Protocol

from hireable.core.alerts import Alert
from hireable.core.evidence import check_url
from hireable.errors import ValidationError, shown

ENTRY_TYPES = ("learn", "do")
MAX_ENTRY_HOURS = 24.0  # one entry is one day's session at most
MOMENTUM_WINDOW_WEEKS = 4  # the last 4 weeks (28 days up to today) against the 4 before


@dataclass(frozen=True)
class Rule:
    id: str
    threshold: float
    rationale: str


# The failure recipe the journal watches for (DESIGN 1.3), one row a rule.
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "learn-trap",
            14,
            "Two weeks of learning with nothing shipped is the start of 'learn learn learn do'.",
        ),
        Rule(
            "momentum-drop",
            40,
            "Hours per week falling by more than 40% month on month is a habit breaking.",
        ),
        Rule(
            "runway-short",
            0,
            "Savings running out before the stage is reached forces a stop half-way.",
        ),
        Rule(
            "move-on",
            7,
            "If no baseline runs within the first week, the idea costs more than it teaches.",
        ),
    )
}
MOMENTUM_MIN_BASE = 1.0  # h/week the earlier window needs before a drop means anything


@dataclass(frozen=True)
class RunwayEstimate:
    """remaining months = typical months × (1 − readiness/100) × reference hours / weekly hours."""

    reference_hours: float
    rationale: str


RUNWAY = RunwayEstimate(
    reference_hours=20.0,
    rationale=(
        "The stage budgets of DESIGN 1.1 describe a learner putting in about half-time "
        "(~20 h/week); the middle of the budget, scaled by what readiness still lacks and by "
        "your weekly hours against that reference, is the time still needed."
    ),
)


class EntryLike(Protocol):
    type: str
    topic: str
    hours: float
    date: dt.date
    artifact: str | None


@dataclass
class EntryInput:
    """A validated journal entry, ready to store."""

    type: str
    topic: str
    hours: float
    date: dt.date
    url: str | None = None
    certificate: bool = False
    artifact: str | None = None
    evidence_id: int | None = None


ENTRY_KEYS = ("type", "topic", "hours", "date", "url", "certificate", "artifact", "evidence_id")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def parse_day(text: Any, *, today: dt.date) -> dt.date:
    """A real calendar day written YYYY-MM-DD, not after today."""
    if isinstance(text, dt.date):
        when = text
    else:
        raw = str(text).strip()
        if not _DAY.match(raw):
            raise ValidationError(f"date '{text}' is not in the form YYYY-MM-DD")
        try:
            when = dt.date.fromisoformat(raw)
        except ValueError:
            raise ValidationError(f"date '{text}' does not exist on the calendar") from None
    if when > today:
        raise ValidationError(
            f"date {when} is in the future; log what you did, on or before {today}"
        )
    return when


def check_hours(value: Any) -> float:
    if isinstance(value, bool):
        raise ValidationError("hours must be a number, such as 1.5")
    try:
        hours = float(value)
    except OverflowError:  # an int beyond any float: 400 digits
        hours = math.inf
    except (TypeError, ValueError):
        raise ValidationError(f"hours {shown(value)} must be a number, such as 1.5") from None
    if math.isnan(hours) or hours <= 0:
        raise ValidationError(f"hours must be more than 0 (got {shown(value)})")
    if hours > MAX_ENTRY_HOURS:
        raise ValidationError(
            f"hours {shown(value)} is more than a day; log at most {MAX_ENTRY_HOURS:g} h per entry"
        )
    return hours


def check_topic(value: Any, what: str = "topic") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{what} is missing or empty")
    return value.strip()


def _bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValidationError(f"{name} must be true or false")


def _evidence_id(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError("evidence_id must be a whole number")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(f"evidence_id '{value}' must be a whole number") from None
    if number < 1:
        raise ValidationError(f"evidence_id {number} must be 1 or more")
    return number


def check_entry(entry: EntryInput) -> EntryInput:
    """The rules between fields: a do entry names its artefact; only learning earns certificates."""
    if entry.type == "do":
        if not entry.artifact:
            raise ValidationError(
                "a do entry needs an artifact URL: the PR, notebook, demo or post it produced"
            )
        if entry.certificate:
            raise ValidationError("a do entry cannot be a certificate; certificates are learning")
    elif entry.artifact or entry.evidence_id is not None:
        raise ValidationError(
            "a learn entry has no artefact or evidence; log what you shipped with `hireable log do`"
        )
    return entry


def validate_entry(data: Any, *, today: dt.date) -> EntryInput:
    """Validate one record (an import row, or the fields of `log learn` / `log do`)."""
    if not isinstance(data, dict):
        raise ValidationError("each record must be an object with type, topic, hours and date")
    unknown = sorted(k for k in data if k not in ENTRY_KEYS)
    if unknown:
        raise ValidationError(f"unknown key '{unknown[0]}'; records take: {', '.join(ENTRY_KEYS)}")
    kind = data.get("type")
    if kind not in ENTRY_TYPES:
        raise ValidationError(f"type '{kind}' must be one of: {', '.join(ENTRY_TYPES)}")
    if data.get("date") in (None, ""):
        raise ValidationError("date is missing; write it YYYY-MM-DD")
    return check_entry(
        EntryInput(
            type=kind,
            topic=check_topic(data.get("topic")),
            hours=check_hours(data.get("hours")),
            date=parse_day(data["date"], today=today),
            url=check_url(data.get("url")),
            certificate=_bool(data.get("certificate"), "certificate"),
            artifact=check_url(data.get("artifact")),
            evidence_id=_evidence_id(data.get("evidence_id")),
        )
    )


def new_entries(entries: Sequence[EntryInput], stored: Iterable[EntryInput]) -> list[EntryInput]:
    """The entries not stored yet. An entry is known by all its fields: one the same in every
    field as a stored entry, or as one earlier in `entries`, is that session recorded again
    (one that differs in any, its hours say, is another session of the day)."""
    seen = {astuple(e) for e in stored}
    new = []
    for entry in entries:
        key = astuple(entry)
        if key not in seen:
            seen.add(key)
            new.append(entry)
    return new


# ---------------------------------------------------------------- weekly statistics


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def week_label(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def shipped(entry: EntryLike) -> bool:
    return entry.type == "do" and bool(entry.artifact)


@dataclass
class WeekStats:
    start: dt.date
    learn_hours: float = 0.0
    do_hours: float = 0.0
    artifacts: int = 0

    @property
    def total(self) -> float:
        return self.learn_hours + self.do_hours

    @property
    def do_share(self) -> float | None:
        """The share of hours spent doing, 0–100; None for an empty week."""
        return round(100 * self.do_hours / self.total) if self.total else None

    def public(self) -> dict[str, Any]:
        return {
            "week": week_label(self.start),
            "start": self.start.isoformat(),
            "learn_hours": round(self.learn_hours, 2),
            "do_hours": round(self.do_hours, 2),
            "do_share": self.do_share,
            "artifacts": self.artifacts,
        }


def weekly_stats(entries: Sequence[EntryLike], *, today: dt.date, weeks: int) -> list[WeekStats]:
    """The last `weeks` ISO weeks, oldest first, ending with the current week."""
    this_week = week_start(today)
    stats = [WeekStats(this_week - dt.timedelta(weeks=n)) for n in range(weeks - 1, -1, -1)]
    by_start = {w.start: w for w in stats}
    for e in entries:
        week = by_start.get(week_start(e.date))
        if week is None:
            continue
        if e.type == "do":
            week.do_hours += e.hours
            week.artifacts += shipped(e)
        else:
            week.learn_hours += e.hours
    return stats


def shipped_streak(entries: Sequence[EntryLike], *, today: dt.date) -> int:
    """Consecutive weeks with a shipped artefact, ending this week or last week."""
    weeks = {week_start(e.date) for e in entries if shipped(e)}
    cursor = week_start(today)
    if cursor not in weeks:
        cursor -= dt.timedelta(weeks=1)
    streak = 0
    while cursor in weeks:
        streak += 1
        cursor -= dt.timedelta(weeks=1)
    return streak


def last_do(entries: Sequence[EntryLike]) -> dt.date | None:
    return max((e.date for e in entries if shipped(e)), default=None)


def days_since_do(entries: Sequence[EntryLike], *, today: dt.date) -> int | None:
    when = last_do(entries)
    return None if when is None else (today - when).days


def days_ago(days: int | None) -> str:
    """How long ago, in words: "never", "today", "yesterday", "5 days ago"."""
    if days is None:
        return "never"
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


@dataclass
class Momentum:
    recent: float  # hours per week over the last 4 weeks (28 days up to today)
    previous: float  # hours per week over the 4 weeks before
    streak: int

    @property
    def change(self) -> float | None:
        """Percent change of hours per week; None when the earlier window is too thin."""
        if self.previous < MOMENTUM_MIN_BASE:
            return None
        return round(100 * (self.recent - self.previous) / self.previous, 1)

    def public(self) -> dict[str, Any]:
        return {
            "hours_per_week_last_4": round(self.recent, 2),
            "hours_per_week_previous_4": round(self.previous, 2),
            "change_percent": self.change,
            "streak": self.streak,
        }


def momentum(entries: Sequence[EntryLike], *, today: dt.date) -> Momentum:
    days = 7 * MOMENTUM_WINDOW_WEEKS

    def hours(first: int, last: int) -> float:
        lo, hi = today - dt.timedelta(days=last), today - dt.timedelta(days=first)
        return sum(e.hours for e in entries if lo <= e.date <= hi) / MOMENTUM_WINDOW_WEEKS

    return Momentum(
        hours(0, days - 1), hours(days, 2 * days - 1), shipped_streak(entries, today=today)
    )


# ---------------------------------------------------------------- warnings


def learn_trap(entries: Sequence[EntryLike], *, today: dt.date) -> Alert | None:
    """Learning for 14+ days (and still learning) with no shipped artefact in that time."""
    rule = RULES["learn-trap"]
    since = last_do(entries)
    learning = [e for e in entries if e.type == "learn" and (since is None or e.date > since)]
    if not learning:
        return None
    first, latest = min(e.date for e in learning), max(e.date for e in learning)
    span = (today - first).days
    if span < rule.threshold or (today - latest).days >= rule.threshold:
        return None
    hours = sum(e.hours for e in learning)
    last = f"since your last artefact on {since}" if since else "and nothing shipped yet"
    return Alert(
        rule.id,
        f"{span} days of learning ({hours:g} h) {last}: ship something small this week "
        "(`hireable log do WHAT --hours H --artifact URL`)",
    )


def momentum_drop(m: Momentum) -> Alert | None:
    rule = RULES["momentum-drop"]
    if m.change is None or m.change >= -rule.threshold:
        return None
    return Alert(
        rule.id,
        f"momentum down {-m.change:g}%: {m.recent:.1f} h/week over the last 4 weeks against "
        f"{m.previous:.1f} h/week the 4 before; book two fixed blocks a week "
        "(`hireable plan --ics FILE`)",
    )


def remaining_months(
    typical_months: tuple[int, int], readiness_score: int, hours_per_week: float
) -> float:
    """The RUNWAY estimate: the middle of the stage budget, scaled by gap and effort."""
    middle = sum(typical_months) / 2
    gap = 1 - max(0, min(100, readiness_score)) / 100
    return middle * gap * RUNWAY.reference_hours / hours_per_week


def runway_short(
    *,
    runway_months: float | None,
    stage_id: str,
    typical_months: tuple[int, int],
    readiness_score: int,
    hours_per_week: float,
) -> Alert | None:
    if runway_months is None or hours_per_week <= 0:
        return None
    need = remaining_months(typical_months, readiness_score, hours_per_week)
    if runway_months >= need:
        return None
    middle = sum(typical_months) / 2
    return Alert(
        "runway-short",
        f"runway {runway_months:g} months is shorter than the ~{need:.1f} months {stage_id} "
        f"still needs ({middle:g} typical months × (1 − {readiness_score}/100) × "
        f"{RUNWAY.reference_hours:g} reference h / {hours_per_week:g} h a week): add hours, "
        "extend the runway with part-time work, or aim for paid ML work first",
    )


def move_on(
    *, idea_id: int, title: str, picked_on: dt.date, has_baseline: bool, today: dt.date
) -> Alert | None:
    rule = RULES["move-on"]
    days = (today - picked_on).days
    if has_baseline or days <= rule.threshold:
        return None
    return Alert(
        rule.id,
        f"idea {idea_id} ({title}) was picked {days} days ago and no baseline runs yet: move on "
        "to the next idea on your shortlist (`hireable idea shortlist`), or record the baseline "
        f"(`hireable idea baseline {idea_id} --artifact URL`)",
    )
