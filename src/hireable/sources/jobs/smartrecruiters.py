"""SmartRecruiters posting API: GET /v1/companies/{id}/postings (paged by offset), then each
posting's details at /v1/companies/{id}/postings/{postingId} for the job ad text."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from hireable.sources.http import get_json
from hireable.sources.jobs.base import PostingIn, expect, joined, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

PAGE = 100
DETAIL_WORKERS = 4  # posting details fetched at once (HostLimited still allows 2 per host)
_SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    what = f"smartrecruiters company '{name}'"
    base = f"{settings.smartrecruiters_url}/v1/companies/{name}/postings"
    summaries: list[dict[str, Any]] = []
    while True:
        page = get_json(client, base, params={"limit": PAGE, "offset": len(summaries)}, what=what)
        content = expect(page, "content", list, what)
        summaries.extend(content)
        if not content or len(summaries) >= int(page.get("totalFound") or 0):
            break

    def details(summary: dict[str, Any]) -> dict[str, Any]:
        found = get_json(client, f"{base}/{summary['id']}", what=f"{what} posting")
        return expect(found, None, dict, what)

    # One request per posting: run them side by side (the client's transport keeps each host
    # to its limit), in the listing's order.
    with ThreadPoolExecutor(max_workers=DETAIL_WORKERS) as pool:
        found = list(pool.map(details, summaries))
    return [_posting(summary, d) for summary, d in zip(summaries, found, strict=True)]


def _description(details: dict[str, Any]) -> str:
    sections = ((details.get("jobAd") or {}).get("sections")) or {}
    parts = []
    for key in _SECTIONS:
        section = sections.get(key) or {}
        if section.get("text"):
            title = section.get("title")
            parts.append((f"<h3>{title}</h3>\n" if title else "") + section["text"])
    return "\n".join(parts)


def _posting(summary: dict[str, Any], details: dict[str, Any]) -> PostingIn:
    location = summary.get("location") or {}
    company = summary.get("company") or {}
    url = details.get("postingUrl") or (
        f"https://jobs.smartrecruiters.com/{company.get('identifier')}/{summary['id']}"
    )
    return PostingIn(
        external_id=str(summary["id"]),
        title=summary.get("name"),
        company=company.get("name"),
        location=joined(location.get("city"), location.get("region"), location.get("country")),
        url=url,
        description=_description(details),
        remote=location["remote"] if isinstance(location.get("remote"), bool) else None,
        posted_at=to_datetime(summary.get("releasedDate")),
        raw={"summary": summary, "details": details},
    )
