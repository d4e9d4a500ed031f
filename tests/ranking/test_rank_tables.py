"""Ranking reads each stage's expectations from its Stage row and each source's competition group
from the source registry: adding a stage or a board adapter is one row, and ranking follows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from hireable.core import stages
from hireable.core.stages import STAGES, RankingFit, Stage, fits
from hireable.postings.rank import (
    FACT_FIELDS,
    SIZE_BANDS,
    WEIGHTS,
    PostingFacts,
    RankContext,
    score_posting,
)
from hireable.postings.seniority import LEVEL_RANK
from hireable.sources.jobs import registry
from hireable.sources.jobs.registry import SOURCES, Source, competition_group
from tests.ranking.factory import TODAY, add_postings, posting

CASES = {(w.factor, w.case) for w in WEIGHTS}


def facts(**changes: Any) -> SimpleNamespace:
    return SimpleNamespace(id=1, **posting(1, **changes))


def reasons(p: SimpleNamespace, stage: str = "ml-entry") -> dict[str, Any]:
    ctx = RankContext(stage, TODAY, source_group=competition_group)
    return {r.factor: r for r in score_posting(p, ctx).reasons}


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.id)
def test_every_stage_has_its_ranking_data(stage: Stage) -> None:
    fit = stage.ranking
    assert set(fit.seniority) == set(LEVEL_RANK)
    assert all(f.text and f.rationale for f in fit.seniority.values())
    assert all(("size", f"{fit.size_group}/{band}") in CASES for band in SIZE_BANDS)
    assert fit.years_ok >= 0
    assert all(("seniority", f"{stage.id}/{level}") in CASES for level in LEVEL_RANK)


def test_a_new_stage_is_ranked_from_its_row_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    fit = RankingFit(
        fits((1, "i", "r"), (2, "e", "r"), (3, "m", "r"), (-7, "a senior role", "r")),
        years_ok=9,
        size_group="junior",
        ml_job=False,
    )
    new = dataclasses.replace(STAGES[0], id="ml-researcher", ranking=fit)
    monkeypatch.setitem(stages._BY_ID, new.id, new)
    got = reasons(facts(seniority="senior", years_min=8, ml=False, size_band="51-200"), new.id)
    assert got["seniority"].points == -7
    assert "out of reach for ml-researcher" in got["seniority"].text
    assert got["years"].points == 5  # 8 years asked, the stage shows 9
    assert got["ml"].points == 0  # not an ML stage: a non-ML role costs nothing
    assert got["size"].points == 8  # the junior size group's mid-sized company


@pytest.mark.parametrize("source", SOURCES.values(), ids=lambda s: s.key)
def test_every_registry_source_is_ranked_by_its_row(source: Source) -> None:
    assert ("competition", source.competition) in CASES
    where = next(w for w in WEIGHTS if w.case == source.competition)
    got = reasons(facts(source=f"{source.key}:acme", company="Acme Vision"))["competition"]
    assert (got.points, got.text) == (where.points, where.text)


def test_a_new_board_adapter_is_ranked_as_its_row_says(monkeypatch: pytest.MonkeyPatch) -> None:
    row = Source("teamtailor", "teamtailor:fetch", "teamtailor:acme", "company", "direct")
    monkeypatch.setitem(registry.SOURCES, row.key, row)
    got = reasons(facts(source="teamtailor:acme", company="Acme Vision"))["competition"]
    assert got.text == "posted on the company's own job board"
    assert competition_group("nowhere:acme") == "file"  # unknown origin: assume widely seen


def test_the_ranking_service_takes_sources_from_the_registry(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    from hireable.services.ranking import rank_postings
    from hireable.store.db import make_engine, session_scope

    monkeypatch.setitem(registry.SOURCES, "tt", Source("tt", "tt:fetch", "tt:a", "x", "hn"))
    add_postings(database_url, posting(1, source="tt:acme"), posting(2, source="file:x"))
    engine = make_engine(database_url)
    with session_scope(engine) as s:
        ranked = rank_postings(s, today=TODAY, stage="ml-entry")
    engine.dispose()
    assert [r.row.source for r in ranked] == ["tt:acme", "file:x"]
    assert "posted on Hacker News" in [x.text for x in ranked[0].scored.reasons]


def test_posting_facts_are_the_columns_ranking_reads() -> None:
    members = {n for n in vars(PostingFacts) if not n.startswith("_")}
    assert members == set(FACT_FIELDS)


def test_sqlite_ranks_from_the_covering_index_alone(sqlite_url: str) -> None:
    from sqlalchemy import text

    from hireable.services.ranking import fast_query
    from hireable.store.db import ensure_schema, make_engine

    engine = make_engine(sqlite_url)
    ensure_schema(engine)
    sql = str(fast_query(include_closed=False).compile(engine, compile_kwargs={"literal_binds": 1}))
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
    engine.dispose()
    assert "COVERING INDEX ix_posting_rank" in plan


def test_unknown_stage_is_a_clear_error() -> None:
    from hireable.errors import ValidationError

    with pytest.raises(ValidationError, match="unknown stage 'ml-guru'"):
        RankContext("ml-guru", dt.date(2026, 1, 1), source_group=competition_group)
