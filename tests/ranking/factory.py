"""Stored postings for ranking and tracker tests, inserted directly (no analyser, no sources)."""

from __future__ import annotations

import datetime as dt
from typing import Any

TODAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 9)

# One good posting for an ml-entry learner; each test changes one factor.
BASE: dict[str, Any] = {
    "source": "greenhouse:acme",
    "company": "Acme Vision",
    "title": "Machine Learning Engineer",
    "url": "https://boards.greenhouse.io/acme/jobs/1",
    "degree": "none",
    "degree_level": "none",
    "seniority": "entry",
    "years_min": 1,
    "ml": True,
    "ml_clear": True,
    "remote": True,
    "salary": None,
    "skills": ["python", "pytorch"],
    "size_band": "11-50",
    "posted_at": NOW - dt.timedelta(days=3),
}


def posting(n: int, **changes: Any) -> dict[str, Any]:
    """A posting's fields: BASE with `changes`, a unique external id and a matching analysis."""
    fields = {**BASE, "external_id": f"job-{n}", **changes}
    fields.setdefault("first_seen", NOW - dt.timedelta(days=3))
    keys = ("degree", "degree_level", "seniority", "years_min", "ml", "ml_clear", "remote")
    keys += ("salary", "skills")
    analysis = {k: fields.get(k) for k in keys}
    analysis["evidence"] = {
        "degree": "No degree needed: show us what you built.",
        "seniority": "Junior machine learning engineer",
        "years_min": "1+ years of Python",
        "ml": "You will train and ship vision models.",
    }
    fields.setdefault("analysis", analysis)
    return fields


def add_postings(database_url: str, *rows: dict[str, Any]) -> list[int]:
    """Insert postings into the database at `database_url` (migrated first); their ids."""
    from hireable.store.db import ensure_schema, make_engine, session_scope
    from hireable.store.models import Posting

    engine = make_engine(database_url)
    ensure_schema(engine)
    with session_scope(engine) as s:
        objects = [Posting(**row) for row in rows]
        s.add_all(objects)
        s.flush()
        ids = [p.id for p in objects]
    engine.dispose()
    return ids
