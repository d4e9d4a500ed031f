"""Source names the user types (`greenhouse:acme`) mapped to their adapters.

Every adapter is `fetch(client, settings, name) -> list[PostingIn]`; modules load on first use.
Each row also says which competition group its postings are in, which ranking weighs
(`competition_group`): a new adapter is one row here.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hireable.errors import UsageError

if TYPE_CHECKING:
    import httpx

    from hireable.config import Settings
    from hireable.sources.jobs.base import PostingIn

Fetch = Callable[["httpx.Client", "Settings", str], "list[PostingIn]"]


@dataclass(frozen=True)
class Source:
    key: str
    adapter: str  # "module:function" under hireable.sources
    example: str
    what: str  # what NAME is, for help and errors
    competition: str  # ranking's group: "direct" (a company's own board), "hn", "aggregator"
    multi_company: bool = False  # postings name their own company (HN, aggregators)
    name_optional: bool = False


DIRECT = "direct"  # a company's own ATS board: fewer applicants than the aggregators
AGGREGATOR = "aggregator"  # a large job aggregator: hundreds to thousands of applicants a post
FILE = "file"  # imported from a file (or of unknown origin): assume it was widely seen
# Stored sources named after the aggregator they came from rather than a row below (datasets
# such as "linkedin-2018-datascientist"): ranked as aggregator postings.
AGGREGATOR_NAMES = ("aggregator", "linkedin", "indeed", "glassdoor")

SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source("greenhouse", "greenhouse:fetch", "greenhouse:acme", "board token", DIRECT),
        Source("lever", "lever:fetch", "lever:acme", "site name", DIRECT),
        Source("lever-eu", "lever:fetch_eu", "lever-eu:acme", "site name (EU host)", DIRECT),
        Source("ashby", "ashby:fetch", "ashby:acme", "job board name", DIRECT),
        Source("workable", "workable:fetch", "workable:acme", "account name", DIRECT),
        Source(
            "smartrecruiters", "smartrecruiters:fetch", "smartrecruiters:Acme", "company id", DIRECT
        ),
        Source(
            "hn",
            "hn:fetch",
            "hn:2026-11",
            "month YYYY-MM (default: latest)",
            "hn",
            multi_company=True,
            name_optional=True,
        ),
        Source(
            "aggregator",
            "aggregator:fetch",
            "aggregator:linkedin?search=ml engineer",
            "SITE?search=...",
            AGGREGATOR,
            multi_company=True,
        ),
    )
}

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def parse_ref(ref: str) -> tuple[Source, str]:
    """'greenhouse:acme' -> (its Source, 'acme'); a one-line UsageError for anything else."""
    key, sep, name = ref.strip().partition(":")
    source = SOURCES.get(key.lower())
    if source is None:
        known = ", ".join(SOURCES)
        raise UsageError(f"unknown source '{key}' in '{ref}' (known: {known})")
    if not name and not source.name_optional:
        raise UsageError(f"'{ref}' is not SOURCE:NAME (e.g. {source.example})")
    if source.key == "aggregator":
        from hireable.sources.jobs.aggregator import parse_name

        parse_name(name)
    elif name and not _NAME.fullmatch(name):
        raise UsageError(
            f"'{name}' is not a valid {source.key} {source.what} (e.g. {source.example})"
        )
    if source.key == "hn" and name:
        from hireable.sources.jobs.hn import month_window

        month_window(name)
    return source, name


def label(source: Source, name: str) -> str:
    return f"{source.key}:{name}" if name else source.key


def adapter(source: Source) -> Fetch:
    module, _, func = source.adapter.partition(":")
    return getattr(importlib.import_module(f"hireable.sources.jobs.{module}"), func)  # type: ignore[no-any-return]


def competition_group(source: str) -> str:
    """Ranking's competition group of a stored posting's source ("greenhouse:acme" → "direct")."""
    key = source.split(":", 1)[0].lower()
    row = SOURCES.get(key)
    if row is not None:
        return row.competition
    if key.startswith(AGGREGATOR_NAMES):
        return AGGREGATOR
    return FILE
