"""The dashboard's list of openings: `jobs rank`'s ranking of every stored posting, narrowed by
filters and cut into pages, and one posting with its score explained.

Ranking 100,000 postings takes most of a second; a page has to answer in a fraction of that. So
the ranked order (ids, best first) of every canonical posting is kept in a `RankCache`
(services/rank_cache.py says when it ranks again). The narrowing filters (remote only, source,
words) run in SQL and only choose which of the ranked ids are shown, so changing them does not
rank again either.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from hireable.core.evidence import web_url
from hireable.core.paging import Pager
from hireable.core.stages import get_stage
from hireable.errors import ValidationError
from hireable.postings.rank import RankContext, score_posting
from hireable.services.job_queries import get_posting, salary_text
from hireable.services.profile import get_profile
from hireable.services.rank_cache import RankCache, context_key, postings_version
from hireable.services.ranking import (
    DEFAULT_STAGE,
    RANK_COLUMNS,
    RankedPosting,
    ScoreBreakdown,
    context_for,
    explain_posting_score,
    ranked_ids,
)
from hireable.services.tracker import application_for_posting
from hireable.sources.jobs.registry import SOURCES
from hireable.store.models import Posting

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from hireable.store.models import Profile

PAGE_SIZE = 25
MAX_SEARCH = 200  # characters of the words searched for


@dataclass(frozen=True)
class JobFilters:
    """What the list shows. `stage` None: the profile's target stage (DEFAULT_STAGE without a
    profile); `source` "" is every source, else a source kind such as "greenhouse" or "file"."""

    stage: str | None = None
    plan_b: bool = False
    remote_only: bool = False
    source: str = ""
    include_closed: bool = False
    search: str = ""
    page: int = 1

    def checked(self) -> JobFilters:
        """The filters with their words tidied, or a one-line error for a bad value (an
        unknown source is checked against what is stored, in `list_jobs`)."""
        if self.page < 1:
            raise ValidationError(f"page must be 1 or more, not {self.page}")
        if self.stage is not None:
            get_stage(self.stage)
        search = " ".join(self.search.split())
        if len(search) > MAX_SEARCH:
            raise ValidationError(f"search for at most {MAX_SEARCH} characters")
        return replace(self, search=search, source=self.source.strip().lower())

    @property
    def narrowing(self) -> tuple[bool, str, str]:
        """The filters that only choose among ranked postings (SQL), as a cache key."""
        return (self.remote_only, self.source, self.search.lower())


@dataclass
class JobPage:
    filters: JobFilters
    stage: str
    assumed_stage: bool  # no profile yet: DEFAULT_STAGE was used
    items: list[RankedPosting]
    total: int  # postings that match the filters
    stored: int  # postings stored at all (open, closed, duplicates)
    sources: list[str]  # the source kinds stored, for the filter
    page_size: int = PAGE_SIZE

    @property
    def pager(self) -> Pager:
        return Pager(self.filters.page, self.total, self.page_size)

    @property
    def pages(self) -> int:
        return self.pager.pages

    @property
    def first(self) -> int:
        """The rank of the page's first posting (1-based)."""
        return self.pager.first

    @property
    def past_end(self) -> bool:
        return self.pager.past_end


# -- what is stored -----------------------------------------------------------------------------


def source_kind(source: str) -> str:
    """A stored source's kind: "greenhouse:acme" → "greenhouse", "file:demo" → "file"."""
    return source.split(":", 1)[0].lower()


def source_kinds(session: Session) -> list[str]:
    """The kinds of source stored postings came from, for the source filter."""
    sources = session.scalars(
        select(Posting.source).where(Posting.duplicate_of_id.is_(None)).distinct()
    )
    return sorted({source_kind(s) for s in sources})


def _check_source(kind: str, stored: list[str]) -> None:
    known = sorted({*stored, *SOURCES})
    if kind and kind not in known:
        raise ValidationError(f"unknown source '{kind}'; choose one of: {', '.join(known)}")


# -- the ranking ----------------------------------------------------------------------------------


def _conditions(filters: JobFilters) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if filters.remote_only:
        found.append(Posting.remote.is_(True))
    if filters.source:
        kind = filters.source
        found.append(
            or_(Posting.source == kind, Posting.source.startswith(f"{kind}:", autoescape=True))
        )
    for word in filters.search.split():
        found.append(
            or_(
                Posting.title.icontains(word, autoescape=True),
                Posting.company.icontains(word, autoescape=True),
            )
        )
    return found


def _narrowed(
    session: Session, ranked: array[int], filters: JobFilters, include_closed: bool
) -> array[int]:
    """The ranked ids that pass the narrowing filters, in rank order."""
    query = select(Posting.id).where(Posting.duplicate_of_id.is_(None), *_conditions(filters))
    if not include_closed:
        query = query.where(Posting.closed_at.is_(None))
    wanted = set(session.scalars(query))
    return array("q", (pid for pid in ranked if pid in wanted))


def _page_rows(session: Session, ids: list[int], ctx: RankContext) -> list[RankedPosting]:
    if not ids:
        return []
    rows = session.execute(select(*RANK_COLUMNS, Posting.location).where(Posting.id.in_(ids)))
    by_id = {row.id: row for row in rows}
    return [RankedPosting(by_id[i], score_posting(by_id[i], ctx)) for i in ids if i in by_id]


def _stage_of(filters: JobFilters, profile: Profile | None) -> tuple[str, bool]:
    if filters.stage is not None:
        return filters.stage, False
    if profile is not None:
        return profile.target_stage, False
    return DEFAULT_STAGE, True


def list_jobs(
    session: Session,
    filters: JobFilters,
    *,
    today: dt.date,
    cache: RankCache | None = None,
    page_size: int = PAGE_SIZE,
) -> JobPage:
    """One page of the ranked postings that pass `filters`, best first, each with its reasons.
    A page past the last one is empty (`past_end`); a bad filter is a one-line error."""
    filters = filters.checked()
    cache = cache if cache is not None else RankCache(entries=2)
    profile = get_profile(session)
    stage, assumed = _stage_of(filters, profile)
    ctx = context_for(session, profile, stage, today, filters.plan_b)
    version = postings_version(session)
    kinds = cache.get(("sources", version), lambda: source_kinds(session))
    _check_source(filters.source, kinds)
    closed = filters.include_closed
    base = (context_key(ctx), closed, version)
    ids = cache.get(("ranked", *base), lambda: ranked_ids(session, ctx, closed))
    if any(filters.narrowing):
        ranked = ids
        ids = cache.get(
            ("narrowed", *base, filters.narrowing),
            lambda: _narrowed(session, ranked, filters, closed),
        )
    items = _page_rows(session, Pager(filters.page, len(ids), page_size).cut(ids), ctx)
    return JobPage(filters, stage, assumed, items, len(ids), version[0], kinds, page_size)


# -- one posting ----------------------------------------------------------------------------------


@dataclass
class PostingView:
    posting: Posting
    breakdown: ScoreBreakdown
    salary: str
    application_id: int | None  # the application tracking it, if any
    url: str | None  # the original's address, when it is a web address

    @property
    def quotes(self) -> list[str]:
        """The posting's decisive sentences, each once."""
        return list(dict.fromkeys(q for q in self.breakdown.evidence.values() if q))


def view_posting(
    session: Session,
    posting_id: int,
    *,
    today: dt.date,
    stage: str | None = None,
    plan_b: bool = False,
) -> PostingView:
    """A posting with its score for the learner explained factor by factor."""
    posting = get_posting(session, posting_id)
    breakdown = explain_posting_score(
        session, posting, get_profile(session), today, stage=stage, plan_b=plan_b
    )
    app = application_for_posting(session, posting_id)
    return PostingView(
        posting,
        breakdown,
        salary_text(posting.salary),
        app.id if app is not None else None,
        web_url(posting.url),
    )
