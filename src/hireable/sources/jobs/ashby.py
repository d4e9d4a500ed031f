"""Ashby posting API: GET /posting-api/job-board/{board}?includeCompensation=true.

Unlisted jobs (`isListed: false`) are skipped. Ashby answers an unknown board with an empty list,
so an empty board counts as "does not exist" rather than closing everything stored from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hireable.sources.http import RemoteNotFound, get_json
from hireable.sources.jobs.base import PostingIn, expect, remote_from_text, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

_WORKPLACE = {"remote": True, "onsite": False, "hybrid": False}


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    what = f"ashby board '{name}'"
    url = f"{settings.ashby_url}/posting-api/job-board/{name}"
    data = get_json(client, url, params={"includeCompensation": "true"}, what=what)
    jobs = expect(data, "jobs", list, what)
    if not jobs:
        raise RemoteNotFound(f"{what} does not exist or has no jobs")
    return [_posting(job) for job in jobs if job.get("isListed", True) is not False]


def _salary(job: dict[str, Any]) -> dict[str, Any] | None:
    comp = job.get("compensation") or {}
    for part in comp.get("summaryComponents") or []:
        if part.get("compensationType") == "Salary" and part.get("minValue") is not None:
            return {
                "min": part.get("minValue"),
                "max": part.get("maxValue"),
                "currency": part.get("currencyCode"),
                "period": part.get("interval"),
                "text": comp.get("scrapeableCompensationSalarySummary"),
            }
    return None


def _remote(job: dict[str, Any]) -> bool | None:
    workplace = str(job.get("workplaceType") or "").lower().replace("-", "")
    if workplace in _WORKPLACE:
        return _WORKPLACE[workplace]
    if isinstance(job.get("isRemote"), bool):
        return bool(job["isRemote"])
    return remote_from_text(job.get("location"))


def _posting(job: dict[str, Any]) -> PostingIn:
    return PostingIn(
        external_id=str(job["id"]),
        title=job.get("title"),
        location=job.get("location"),
        url=job.get("jobUrl"),
        description=job.get("descriptionHtml") or job.get("descriptionPlain") or "",
        remote=_remote(job),
        salary=_salary(job),
        posted_at=to_datetime(job.get("publishedAt")),
        raw=job,
    )
