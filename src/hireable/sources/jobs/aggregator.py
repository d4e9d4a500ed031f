"""LinkedIn, Indeed, Glassdoor... through python-jobspy (the optional `aggregators` extra).

Named `aggregator:SITE?search=TERMS&location=PLACE&results=N&hours=H`, e.g.
`aggregator:linkedin?search=machine learning engineer&location=Berlin`. jobspy scrapes; it is
imported only when such a board is fetched. Aggregator postings meet far more applicants than a
company's own board, which ranking takes into account.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from hireable.errors import SourceError, UsageError
from hireable.sources.jobs.base import PostingIn, joined, to_datetime

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings

SITES = ("linkedin", "indeed", "glassdoor", "zip_recruiter", "google")
INSTALL_HINT = "aggregator sources need python-jobspy: pip install 'hireable[aggregators]'"


def parse_name(name: str) -> tuple[str, dict[str, Any]]:
    """'linkedin?search=ml&location=Berlin' -> ('linkedin', jobspy keyword arguments)."""
    site, _, query = name.partition("?")
    if site not in SITES:
        raise UsageError(f"unknown aggregator site '{site}' (one of: {', '.join(SITES)})")
    params = {k: v[-1] for k, v in parse_qs(query).items()}
    if not params.get("search"):
        raise UsageError(f"aggregator:{site} needs a search, e.g. aggregator:{site}?search=ml")
    unknown = set(params) - {"search", "location", "results", "hours", "country"}
    if unknown:
        raise UsageError(f"aggregator:{site}: unknown option(s) {', '.join(sorted(unknown))}")
    kwargs: dict[str, Any] = {
        "site_name": [site],
        "search_term": params["search"],
        "results_wanted": _int(params.get("results", "50"), "results"),
    }
    if params.get("location"):
        kwargs["location"] = params["location"]
    if params.get("hours"):
        kwargs["hours_old"] = _int(params["hours"], "hours")
    if params.get("country"):
        kwargs["country_indeed"] = params["country"]
    return site, kwargs


def _int(value: str, name: str) -> int:
    if not value.isdigit():
        raise UsageError(f"aggregator option {name}={value!r} is not a whole number")
    return int(value)


def fetch(client: httpx.Client, settings: Settings, name: str) -> list[PostingIn]:
    site, kwargs = parse_name(name)
    try:
        from jobspy import scrape_jobs
    except ImportError:
        raise SourceError(INSTALL_HINT) from None
    try:
        frame = scrape_jobs(**kwargs)
    except Exception as exc:  # jobspy raises whatever its scrapers meet
        raise SourceError(
            f"aggregator:{site}: scraping failed ({type(exc).__name__}: {exc})"
        ) from None
    return [to_posting(row, site) for row in frame.to_dict(orient="records")]


def _clean(value: Any) -> Any:
    """pandas gives NaN for missing cells."""
    return None if isinstance(value, float) and math.isnan(value) else value


def to_posting(row: dict[str, Any], site: str) -> PostingIn:
    """One jobspy row (its DataFrame columns) as a posting."""
    row = {k: _clean(v) for k, v in row.items()}
    salary = None
    if row.get("min_amount") is not None:
        salary = {
            "min": row["min_amount"],
            "max": row.get("max_amount"),
            "currency": row.get("currency"),
            "period": row.get("interval"),
        }
    location = row.get("location")
    if isinstance(location, dict):
        location = joined(location.get("city"), location.get("state"), location.get("country"))
    return PostingIn(
        external_id=str(row.get("id") or row.get("job_url")),
        title=row.get("title"),
        company=row.get("company"),
        location=location,
        url=row.get("job_url_direct") or row.get("job_url"),
        description=row.get("description") or "",
        remote=row["is_remote"] if isinstance(row.get("is_remote"), bool) else None,
        salary=salary,
        posted_at=to_datetime(str(row["date_posted"]) if row.get("date_posted") else None),
        raw={
            k: (str(v) if v is not None and not isinstance(v, int | float | str | bool) else v)
            for k, v in row.items()
        },
        size_hint=row.get("company_num_employees"),
        source=f"aggregator:{site}",
    )
