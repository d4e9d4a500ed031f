"""Read side of stored postings: `jobs list` rows and the `jobs show` detail."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hireable.errors import UsageError
from hireable.sources.jobs.base import is_amount
from hireable.store.repo import get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.store.models import Posting


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


INTERVAL_WORDS = {"year": "a year", "month": "a month", "week": "a week", "day": "a day",
                  "hour": "an hour"}  # fmt: skip


def salary_text(salary: dict[str, Any] | None) -> str:
    """A stored pay range as one line: its source's own words, else "55,000–70,000 EUR a year"
    (the analyser's `interval`, or a source's `period` as it gives it); "" when there is none."""
    if not salary:
        return ""
    if salary.get("text"):
        return str(salary["text"])

    def amount(value: Any) -> str:
        # a figure stored before sources' salaries were checked may be 10**400, beyond a float
        return f"{value:,.0f}" if is_amount(value) else str(value)

    ends = list(dict.fromkeys(amount(salary[k]) for k in ("min", "max") if salary.get(k)))
    interval = salary.get("interval")
    per = INTERVAL_WORDS.get(str(interval), "") if interval else str(salary.get("period") or "")
    parts = ("–".join(ends), str(salary.get("currency") or ""), per)
    return " ".join(part for part in parts if part)


def posting_summary(p: Posting) -> dict[str, Any]:
    return {
        "id": p.id,
        "company": p.company,
        "title": p.title,
        "location": p.location,
        "remote": p.remote,
        "degree": p.degree,
        "seniority": p.seniority,
        "years_min": p.years_min,
        "ml": p.ml,
        "size_band": p.size_band,
        "source": p.source,
        "url": p.url,
        "first_seen": _iso(p.first_seen),
        "closed_at": _iso(p.closed_at),
    }


def posting_detail(p: Posting) -> dict[str, Any]:
    """Everything `jobs show` prints, as plain data (also its --json output)."""
    return {
        **posting_summary(p),
        "external_id": p.external_id,
        "sources": list(p.sources or []),
        "duplicate_of_id": p.duplicate_of_id,
        "degree_level": p.degree_level,
        "salary": p.salary,
        "skills": list(p.skills or []),
        "size_band_origin": p.size_band_origin,
        "posted_at": _iso(p.posted_at),
        "last_seen": _iso(p.last_seen),
        "evidence": (p.analysis or {}).get("evidence"),
        "text": p.text,
    }


def latest_fetch_start(session: Session) -> dt.datetime | None:
    """When the latest completed fetch run started: `--new` shows postings first seen since."""
    from sqlalchemy import select

    from hireable.store.models import FetchRun

    return session.scalars(
        select(FetchRun.started_at)
        .where(FetchRun.finished_at.is_not(None))
        .order_by(FetchRun.started_at.desc(), FetchRun.id.desc())
        .limit(1)
    ).first()


def list_postings(
    session: Session,
    *,
    status: str = "all",
    limit: int | None = None,
    first_seen_since: dt.datetime | None = None,
) -> list[Posting]:
    """Canonical postings (duplicates hidden), newest first; status: all | open | closed;
    with `first_seen_since`, only those first seen at or after it."""
    from sqlalchemy import select

    from hireable.store.models import Posting

    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    query = select(Posting).where(Posting.duplicate_of_id.is_(None))
    if first_seen_since is not None:
        query = query.where(Posting.first_seen >= first_seen_since)
    if status == "open":
        query = query.where(Posting.closed_at.is_(None))
    elif status == "closed":
        query = query.where(Posting.closed_at.is_not(None))
    query = query.order_by(Posting.first_seen.desc(), Posting.id.desc()).limit(limit)
    return list(session.scalars(query))


def get_posting(session: Session, posting_id: int) -> Posting:
    from hireable.store.models import Posting

    return get_or_fail(session, Posting, posting_id, noun="posting", listing="jobs list")
