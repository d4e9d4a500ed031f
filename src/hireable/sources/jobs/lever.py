"""Lever postings API: GET /v0/postings/{site}?mode=json (EU accounts on api.eu.lever.co)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hireable.sources.http import get_json
from hireable.sources.jobs.base import PostingIn, expect, remote_from_text, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

# Lever's workplaceType values; "unspecified" and absent fall back to the location text.
_WORKPLACE = {"remote": True, "on-site": False, "onsite": False, "hybrid": False}


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    return _fetch(client, settings.lever_url, name, "lever")


def fetch_eu(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    return _fetch(client, settings.lever_eu_url, name, "lever-eu")


def _fetch(client: httpx.Client, base: str, name: str, source: str) -> list[PostingIn]:
    what = f"{source} site '{name}'"
    data = get_json(client, f"{base}/v0/postings/{name}", params={"mode": "json"}, what=what)
    return [_posting(p) for p in expect(data, None, list, what)]


def _description(p: dict[str, Any]) -> str:
    parts = [p.get("description") or ""]
    for block in p.get("lists") or []:
        parts.append(f"<h3>{block.get('text') or ''}</h3><ul>{block.get('content') or ''}</ul>")
    parts.append(p.get("additional") or "")
    return "\n".join(part for part in parts if part) or p.get("descriptionPlain") or ""


def _salary(p: dict[str, Any]) -> dict[str, Any] | None:
    rng = p.get("salaryRange")
    if not isinstance(rng, dict) or rng.get("min") is None:
        return None
    return {
        "min": rng.get("min"),
        "max": rng.get("max"),
        "currency": rng.get("currency"),
        "period": rng.get("interval"),
        "text": p.get("salaryDescriptionPlain"),
    }


def _posting(p: dict[str, Any]) -> PostingIn:
    categories = p.get("categories") or {}
    location = categories.get("location")
    workplace = str(p.get("workplaceType") or "").lower()
    remote = _WORKPLACE.get(workplace)
    return PostingIn(
        external_id=str(p["id"]),
        title=p.get("text"),
        location=location,
        url=p.get("hostedUrl"),
        description=_description(p),
        remote=remote if remote is not None else remote_from_text(location),
        salary=_salary(p),
        posted_at=to_datetime(p.get("createdAt")),
        raw=p,
    )
