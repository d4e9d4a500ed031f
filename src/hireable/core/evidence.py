"""Evidence kinds, their metric keys, and validation of one evidence record (pure, no I/O)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from hireable.errors import ValidationError, shown

KINDS: dict[str, str] = {
    "open-source": "a pull request or contribution to someone else's project",
    "competition": "a ranked result in a competition (Kaggle and similar)",
    "publication": "a paper or preprint",
    "benchmark": "a verifiable result against an established benchmark",
    "paid-work": "paid freelance or consulting work",
    "job": "employment",
    "product": "something you built that people use",
    "content": "writing, video or talks with an audience",
    "testimonial": "a named person vouching for your work",
    "project": "a personal or group project",
    "certificate": "a course certificate",
    "course": "an online course",
}

VERIFICATIONS = ("self", "link", "api")

# Metric value types: how a `key=value` string or a JSON value is read.
INT, NUMBER, SIGNED, BOOL, TEXT, REPO, CURRENCY = (
    "int",
    "number",
    "signed",
    "bool",
    "text",
    "repo",
    "currency",
)

METRICS: dict[str, dict[str, str]] = {
    "open-source": {
        "repo": REPO,
        "stars": INT,
        "merged": BOOL,
        "merged_by": TEXT,
        "ml_repo": BOOL,
        "author": TEXT,
        "additions": INT,
        "deletions": INT,
        "merged_at": TEXT,
    },
    "competition": {"platform": TEXT, "teams": INT, "rank": INT},
    "publication": {
        "venue": TEXT,
        "peer_reviewed": BOOL,
        "citations": INT,
        "first_author": BOOL,
    },
    "benchmark": {
        "benchmark": TEXT,
        "metric": TEXT,
        "score": SIGNED,
        "previous_best": SIGNED,
        "higher_is_better": BOOL,
    },
    "paid-work": {"client": TEXT, "amount": NUMBER, "currency": CURRENCY, "months": NUMBER},
    "job": {"client": TEXT, "amount": NUMBER, "currency": CURRENCY, "months": NUMBER},
    "product": {
        "weekly_users": INT,
        "stars": INT,
        "forks": INT,
        "downloads": INT,
        "downloads_30d": INT,
        "likes": INT,
    },
    "content": {"audience": INT},
    "testimonial": {"from": TEXT, "role": TEXT, "company": TEXT},
    "project": {"stars": INT, "team_size": INT, "share": NUMBER},
    "certificate": {"issuer": TEXT},
    "course": {"issuer": TEXT, "hours": NUMBER},
}

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f/$.?#][^\s\x00-\x1f\x7f]*$", re.I)
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n"}


@dataclass
class EvidenceInput:
    """A validated evidence record, ready to store."""

    kind: str
    title: str
    date: str | None = None
    url: str | None = None
    validator: str | None = None
    skills: list[str] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    verification: str = "self"


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError(f"unknown evidence kind '{kind}'; choose one of: {', '.join(KINDS)}")
    return kind


def parse_date(text: str, *, today: dt.date) -> str:
    """Accept YYYY-MM or YYYY-MM-DD for a real, non-future date; return it unchanged."""
    m = _DATE.match(str(text).strip())
    if not m:
        raise ValidationError(f"date '{text}' is not in the form YYYY-MM or YYYY-MM-DD")
    year, month, day = int(m[1]), int(m[2]), int(m[3] or 1)
    try:
        when = dt.date(year, month, day)
    except ValueError:
        raise ValidationError(f"date '{text}' does not exist on the calendar") from None
    if (when.year, when.month, when.day if m[3] else 1) > (today.year, today.month, today.day):
        raise ValidationError(f"date '{text}' is in the future")
    return str(text).strip()


def date_of(text: str | None) -> dt.date | None:
    """The calendar date an evidence date stands for (the 1st for YYYY-MM)."""
    if not text:
        return None
    m = _DATE.match(text)
    return dt.date(int(m[1]), int(m[2]), int(m[3] or 1)) if m else None


def parse_metric(kind: str, key: str, value: Any) -> Any:
    """Read one metric value (a CLI string or a JSON value) into its typed form."""
    allowed = METRICS[kind]
    if key not in allowed:
        keys = ", ".join(allowed) or "none"
        raise ValidationError(f"metric '{key}' does not apply to {kind}; its keys are: {keys}")
    kind_of = allowed[key]
    what = f"metric {key}={shown(value)}"
    if kind_of == BOOL:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise ValidationError(f"{what} must be true or false")
    if kind_of in (INT, NUMBER, SIGNED):
        if isinstance(value, bool):
            raise ValidationError(f"{what} must be a number")
        try:
            number = float(value)
        except OverflowError:  # an int beyond any float: 10**400
            raise ValidationError(f"{what} is too large") from None
        except (TypeError, ValueError):
            raise ValidationError(f"{what} must be a number") from None
        if not math.isfinite(number):
            raise ValidationError(f"{what} must be a finite number")
        if kind_of != SIGNED and number < 0:
            raise ValidationError(f"{what} must not be negative")
        if kind_of == INT:
            if number != int(number):
                raise ValidationError(f"{what} must be a whole number")
            return int(number)
        return int(number) if number.is_integer() else number
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValidationError(f"{what} must be text")
    text = str(value).strip()
    if not text:
        raise ValidationError(f"metric {key} must not be empty")
    if kind_of == REPO and not _REPO.match(text):
        raise ValidationError(f"{what} must look like owner/name")
    if kind_of == CURRENCY:
        if not re.fullmatch(r"[A-Za-z]{3}", text):
            raise ValidationError(f"{what} must be a 3-letter currency code such as USD")
        return text.upper()
    return text


def parse_metric_pairs(kind: str, pairs: list[str]) -> dict[str, Any]:
    """Read `key=value` strings from the command line."""
    metrics: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"metric '{pair}' must be written key=value")
        metrics[key.strip()] = parse_metric(kind, key.strip(), value.strip())
    check_metric_consistency(kind, metrics)
    return metrics


def check_metric_consistency(kind: str, metrics: dict[str, Any]) -> None:
    if kind == "competition" and "rank" in metrics:
        if metrics["rank"] < 1:
            raise ValidationError("metric rank must be 1 or more")
        if "teams" in metrics and metrics["rank"] > metrics["teams"]:
            raise ValidationError(
                f"metric rank={metrics['rank']} is worse than the number of teams "
                f"({metrics['teams']})"
            )
    if kind == "project" and "share" in metrics and metrics["share"] > 100:
        raise ValidationError("metric share is a percentage and must be at most 100")


def normalise_skills(skills: Any) -> list[str]:
    if skills is None:
        return []
    if isinstance(skills, str):
        skills = [skills]
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        raise ValidationError("skills must be a list of names")
    seen: dict[str, str] = {}
    for s in skills:
        name = s.strip()
        if not name:
            raise ValidationError("a skill name must not be empty")
        seen.setdefault(name.lower(), name)
    return list(seen.values())


def is_web_address(url: str) -> bool:
    """An http(s) address a link may point at (not `javascript:`, `data:`, nor one holding
    spaces or control characters)."""
    return bool(_URL.match(url.strip()))


def web_url(url: str | None) -> str | None:
    """`url` when a link may point at it; None for anything else (a `javascript:` or `data:`
    value a hostile feed sent, or one stored before sources were checked)."""
    return url.strip() if url and is_web_address(url) else None


def check_url(url: Any) -> str | None:
    if url is None or url == "":
        return None
    if not isinstance(url, str) or not is_web_address(url):
        raise ValidationError(f"url '{url}' must be an http(s) address")
    return url.strip()


def _optional_text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be text")
    return value.strip() or None


RECORD_KEYS = ("kind", "title", "date", "url", "validator", "skills", "metrics", "verification")


def validate_record(data: Any, *, today: dt.date, allow_api: bool = False) -> EvidenceInput:
    """Validate one record of an import file (or the fields of `evidence add`)."""
    if not isinstance(data, dict):
        raise ValidationError("each record must be an object with kind and title")
    unknown = sorted(set(data) - set(RECORD_KEYS))
    if unknown:
        raise ValidationError(f"unknown key '{unknown[0]}'; records take: {', '.join(RECORD_KEYS)}")
    if not isinstance(data.get("kind"), str):
        raise ValidationError("kind is missing")
    kind = check_kind(data["kind"])
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("title is missing or empty")
    date = data.get("date")
    if date is not None and date != "":
        date = parse_date(str(date), today=today)
    else:
        date = None
    url = check_url(data.get("url"))
    raw_metrics = data.get("metrics") or {}
    if not isinstance(raw_metrics, dict):
        raise ValidationError("metrics must be an object of key: value")
    metrics = {k: parse_metric(kind, str(k), v) for k, v in raw_metrics.items()}
    check_metric_consistency(kind, metrics)
    verification = data.get("verification") or ("link" if url else "self")
    allowed = VERIFICATIONS if allow_api else ("self", "link")
    if verification not in allowed:
        raise ValidationError(f"verification '{verification}' is not one of: {', '.join(allowed)}")
    if verification == "link" and not url:
        raise ValidationError("verification 'link' needs a url")
    return EvidenceInput(
        kind=kind,
        title=title.strip(),
        date=date,
        url=url,
        validator=_optional_text(data.get("validator"), "validator"),
        skills=normalise_skills(data.get("skills")),
        metrics=metrics,
        verification=verification,
    )
