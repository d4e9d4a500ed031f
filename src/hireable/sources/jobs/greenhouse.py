"""Greenhouse job board API: GET /v1/boards/{token}/jobs?content=true."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from hireable.sources.http import get_json
from hireable.sources.jobs.base import PostingIn, expect, remote_from_text, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    what = f"greenhouse board '{name}'"
    url = f"{settings.greenhouse_url}/v1/boards/{name}/jobs"
    data = get_json(client, url, params={"content": "true"}, what=what)
    return [_posting(job) for job in expect(data, "jobs", list, what)]


def _posting(job: dict) -> PostingIn:
    location = (job.get("location") or {}).get("name")
    return PostingIn(
        external_id=str(job["id"]),
        title=job.get("title"),
        company=job.get("company_name"),
        location=location,
        url=job.get("absolute_url"),
        # `content` is HTML with its entities escaped once more: "&lt;p&gt;".
        description=html.unescape(job.get("content") or ""),
        remote=remote_from_text(location),
        posted_at=to_datetime(job.get("first_published") or job.get("updated_at")),
        raw=job,
    )
