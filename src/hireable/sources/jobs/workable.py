"""Workable widget API: GET /api/v1/widget/accounts/{account}?details=true."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hireable.sources.http import get_json
from hireable.sources.jobs.base import PostingIn, expect, joined, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    what = f"workable account '{name}'"
    url = f"{settings.workable_url}/api/v1/widget/accounts/{name}"
    data = get_json(client, url, params={"details": "true"}, what=what)
    company = data.get("name") if isinstance(data, dict) else None
    return [_posting(job, company) for job in expect(data, "jobs", list, what)]


def _posting(job: dict[str, Any], company: str | None) -> PostingIn:
    telecommuting = job.get("telecommuting")
    return PostingIn(
        external_id=str(job["shortcode"]),
        title=job.get("title"),
        company=company,
        location=joined(job.get("city"), job.get("state"), job.get("country")),
        url=job.get("url") or job.get("shortlink") or job.get("application_url"),
        description=job.get("description") or "",
        remote=telecommuting if isinstance(telecommuting, bool) else None,
        posted_at=to_datetime(job.get("published_on") or job.get("created_at")),
        raw=job,
    )
