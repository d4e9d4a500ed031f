"""Rank stored postings for the learner, and explain one posting's score factor by factor.

Ranking selects only the columns scoring reads (`FACT_FIELDS`, never the description, text or raw
payload), unprocessed, and totals them with the memoised `Scorer`; only the best `limit` are then
read in full and scored with their reasons. 100,000 postings rank in well under a second on
SQLite (benchmarks/bench_rank_speed.py).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hireable.errors import ConfigError, ValidationError
from hireable.postings.rank import (
    FACT_FIELDS,
    LearnerSkills,
    RankContext,
    Reason,
    Scored,
    rank,
    score_posting,
    top_totals,
)
from hireable.services.evidence import kept_for_evidence
from hireable.services.profile import NO_PROFILE, get_profile
from hireable.services.rank_cache import context_key, lent_cache, postings_version
from hireable.sources.jobs.registry import competition_group
from hireable.store.models import Evidence, Posting, Profile

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Select
    from sqlalchemy.orm import Session

DEFAULT_STAGE = "ml-entry"  # used by `jobs show` when there is no profile yet
MAX_LIMIT = 10_000
LEARNING_KINDS = ("certificate", "course")  # study, not evidence: their skills count as claimed
ANALYSIS_FIELDS = (
    "degree",
    "degree_level",
    "seniority",
    "years_min",
    "ml",
    "ml_clear",
    "remote",
    "salary",
    "skills",
)
# Which decisive span of the analysis backs each factor.
EVIDENCE_OF = {"degree": "degree", "seniority": "seniority", "years": "years_min", "ml": "ml"}

RANK_COLUMNS = (
    Posting.id,
    Posting.source,
    Posting.external_id,
    Posting.company,
    Posting.title,
    Posting.url,
    Posting.degree,
    Posting.degree_level,
    Posting.seniority,
    Posting.years_min,
    Posting.ml,
    Posting.ml_clear,
    Posting.remote,
    Posting.salary,
    Posting.skills,
    Posting.size_band,
    Posting.posted_at,
    Posting.first_seen,
    Posting.closed_at,
)


@dataclass
class RankedPosting:
    row: Any  # a row of RANK_COLUMNS (or a Posting)
    scored: Scored

    def public(self) -> dict[str, Any]:
        r = self.row
        return {
            "posting_id": r.id,
            "external_id": r.external_id,
            "source": r.source,
            "company": r.company,
            "title": r.title,
            "url": r.url,
            "score": self.scored.score,
            "points": self.scored.total,
            "closed": r.closed_at is not None,
            "size_band": r.size_band,
            "reasons": [x.public() for x in self.scored.reasons],
            "analysis": {k: getattr(r, k) for k in ANALYSIS_FIELDS},
        }


@dataclass
class ScoreBreakdown:
    """One posting's score for one learner, factor by factor, with the posting's own words."""

    posting_id: int
    stage: str
    plan_b: bool
    scored: Scored
    evidence: dict[str, str] = field(default_factory=dict)  # factor → decisive sentence
    assumed_stage: bool = False  # no profile: DEFAULT_STAGE was used

    @property
    def score(self) -> int:
        return self.scored.score

    @property
    def reasons(self) -> list[Reason]:
        return self.scored.reasons

    def public(self) -> dict[str, Any]:
        return {
            "posting_id": self.posting_id,
            "stage": self.stage,
            "plan_b": self.plan_b,
            "score": self.scored.score,
            "points": self.scored.total,
            "reasons": [
                {**r.public(), "evidence": self.evidence.get(r.factor, "")}
                for r in self.scored.reasons
            ],
        }


def canonical_skills(names: Iterable[str]) -> list[str]:
    """Lowercase names, plus the analyser's canonical names for aliases ("sklearn")."""
    out: list[str] = []
    for name in names:
        out += _canonical(" ".join(str(name).lower().split()))
    return out


@lru_cache(maxsize=4096)
def _canonical(lower: str) -> tuple[str, ...]:
    """One skill name's canonical names; memoised, as a dashboard asks for every page and a
    ledger of thousands of items names the same few skills again and again."""
    from hireable.postings.skills import find_skills

    if not lower:
        return ()
    return (lower, *(s for s in find_skills(lower) if s != lower))


def learner_skills(session: Session, profile: Profile | None) -> LearnerSkills:
    """Skills shown by evidence (by its verification) and claimed in the profile; kept per
    evidence version and profile skills where the session has a `LedgerCache`."""
    claimed = tuple(profile.skills or []) if profile is not None else ()
    return kept_for_evidence(
        session, ("skills", claimed), lambda: _learner_skills(session, claimed)
    )


def _learner_skills(session: Session, profile_skills: tuple[str, ...]) -> LearnerSkills:
    from sqlalchemy import select

    items = session.execute(select(Evidence.kind, Evidence.skills, Evidence.verification)).all()
    shown = [
        (canonical_skills(skills or []), verification)
        for kind, skills, verification in items
        if kind not in LEARNING_KINDS
    ]
    claimed = [s for kind, skills, _ in items if kind in LEARNING_KINDS for s in skills or []]
    claimed += profile_skills
    return LearnerSkills.build(shown, canonical_skills(claimed))


def ranking_context(
    session: Session, *, today: dt.date, stage: str | None = None, plan_b: bool = False
) -> RankContext:
    profile = get_profile(session)
    if stage is None:
        if profile is None:
            raise ConfigError(NO_PROFILE + " (or pass --stage STAGE)")
        stage = profile.target_stage
    return context_for(session, profile, stage, today, plan_b)


def context_for(
    session: Session, profile: Profile | None, stage: str, today: dt.date, plan_b: bool
) -> RankContext:
    """The ranking context of `stage` (a one-line error if unknown); sources by the registry."""
    skills = learner_skills(session, profile)
    return RankContext(stage, today, skills, plan_b, source_group=competition_group)


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError(f"--limit must be between 1 and {MAX_LIMIT:,}, not {limit}")
    return limit


def rank_postings(
    session: Session,
    *,
    today: dt.date,
    stage: str | None = None,
    limit: int = 20,
    plan_b: bool = False,
    include_closed: bool = False,
    first_seen_since: dt.datetime | None = None,
) -> list[RankedPosting]:
    """The best `limit` open, canonical postings for the learner, best first (with
    `first_seen_since`, only postings first seen at or after it)."""
    from sqlalchemy import select

    check_limit(limit)
    ctx = ranking_context(session, today=today, stage=stage, plan_b=plan_b)
    query = fast_query(include_closed=include_closed)
    if first_seen_since is not None:
        query = query.where(Posting.first_seen >= first_seen_since)
    cache = lent_cache(session)
    if cache is not None and first_seen_since is None:
        key = ("ranked", context_key(ctx), include_closed, postings_version(session))
        best = list(cache.get(key, lambda: ranked_ids(session, ctx, include_closed))[:limit])
    else:
        result = session.connection().execute(query)
        best = [pid for _, pid in top_totals(result, list(result.keys()), ctx, limit)]
    if not best:
        return []
    full = session.execute(select(*RANK_COLUMNS).where(Posting.id.in_(best))).all()
    by_id = {row.id: row for row in full}
    rows = [by_id[pid] for pid in best]
    return [RankedPosting(row, scored) for row, scored in rank(rows, ctx)]


def ranked_ids(session: Session, ctx: RankContext, include_closed: bool) -> array[int]:
    """Every canonical posting's id, best first (ties: lower id first), as `jobs rank` orders."""
    result = session.connection().execute(fast_query(include_closed=include_closed))
    totals = top_totals(result, list(result.keys()), ctx, None)
    return array("q", (pid for _, pid in totals))


def fast_query(*, include_closed: bool) -> Select:  # type: ignore[type-arg]
    """The id and FACT_FIELDS that `Scorer` reads by name, unprocessed (JSON as text, dates as
    ISO strings on SQLite): on SQLite the covering index ix_posting_rank answers it without
    touching the table."""
    from sqlalchemy import select

    query = select(*(_unprocessed(name) for name in ("id", *FACT_FIELDS)))
    query = query.where(Posting.duplicate_of_id.is_(None))
    if not include_closed:
        query = query.where(Posting.closed_at.is_(None))
    return query


def _unprocessed(name: str) -> ColumnElement[Any]:
    """A posting column as the driver returns it: no JSON decoding, no date or bool parsing."""
    from sqlalchemy import JSON, Boolean, DateTime, Integer, String, type_coerce

    column = getattr(Posting, name)
    raw = {JSON: String, DateTime: String, Boolean: Integer}.get(type(column.type))
    return type_coerce(column, raw).label(name) if raw is not None else column


def explain_posting_score(
    session: Session,
    posting: Posting,
    profile: Profile | None,
    today: dt.date,
    *,
    stage: str | None = None,
    plan_b: bool = False,
) -> ScoreBreakdown:
    """The posting's score factor by factor, each with the sentence of the posting behind it."""
    assumed = stage is None and profile is None
    stage = stage or (profile.target_stage if profile is not None else DEFAULT_STAGE)
    ctx = context_for(session, profile, stage, today, plan_b)
    scored = score_posting(posting, ctx)
    spans = (posting.analysis or {}).get("evidence") or {}
    evidence = {
        factor: str(spans[key]).strip()
        for factor, key in EVIDENCE_OF.items()
        if isinstance(spans, dict) and spans.get(key)
    }
    return ScoreBreakdown(posting.id, stage, plan_b, scored, evidence, assumed)
