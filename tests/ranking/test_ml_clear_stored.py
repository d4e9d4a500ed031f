"""`ml_clear` is stored beside `ml`: stored borderline postings rank between, and the migration
that adds the column keeps every existing row (made-up postings, both backends)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, inspect, select, text

from hireable.services.ingest import store_postings
from hireable.services.ranking import rank_postings
from hireable.sources.jobs.base import PostingIn
from hireable.store.db import (
    current_revision,
    ensure_schema,
    head_revision,
    make_engine,
    session_scope,
    upgrade,
)
from hireable.store.models import Posting
from tests.ranking.factory import TODAY

POSTINGS = [
    PostingIn(
        "clear-ml",
        "Machine Learning Engineer",
        "Acme",
        description="You will train and deploy models with PyTorch.\n"
        "You will build classification models for our search.",
    ),
    PostingIn(
        "borderline",
        "Software Engineer",
        "Acme",
        description="Keep our services fast.\nHelp with machine learning experiments.\n"
        "Support the team's predictive models.",
    ),
    PostingIn(
        "clear-not-ml",
        "Backend Engineer",
        "Acme",
        description="Keep our services fast.\nOwn the billing APIs and their uptime.",
    ),
]


def test_a_stored_borderline_posting_ranks_between_clear_ml_and_clear_non_ml(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        ensure_schema(engine)
        with session_scope(engine) as s:
            store_postings(s, POSTINGS, default_source="file:made-up", single_company=False)
        with session_scope(engine) as s:
            stored = {e: c for e, c in s.execute(select(Posting.external_id, Posting.ml_clear))}
            ranked = rank_postings(s, today=TODAY, stage="ml-entry")
    finally:
        engine.dispose()
    assert stored == {"clear-ml": True, "borderline": False, "clear-not-ml": True}
    assert [r.row.external_id for r in ranked] == ["clear-ml", "borderline", "clear-not-ml"]
    ml = {r.row.external_id: next(x for x in r.scored.reasons if x.factor == "ml") for r in ranked}
    assert ml["borderline"].text == "ML work unclear — read it"
    assert ml["clear-ml"].points > ml["borderline"].points > ml["clear-not-ml"].points
    assert ranked[1].public()["analysis"]["ml_clear"] is False


def _insert_0005_posting(conn: Connection, external_id: str, analysis: object) -> None:
    conn.execute(
        text(
            "INSERT INTO posting (source, external_id, title, description, text, content_hash,"
            " analysis, ml, skills, first_seen, last_seen, sources) VALUES ('file:x', :ext,"
            " 'Data Scientist', 'd', 't', 'h', :analysis, :ml, '[]', '2026-01-01',"
            " '2026-01-01', '[]')"
        ),
        {"ext": external_id, "analysis": json.dumps(analysis), "ml": True},
    )


def test_the_migration_keeps_existing_postings_and_copies_a_known_ml_clear(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    try:
        upgrade(engine, "0005")
        with engine.begin() as conn:
            _insert_0005_posting(conn, "analysed-borderline", {"ml": True, "ml_clear": False})
            _insert_0005_posting(conn, "analysed-clear", {"ml": True, "ml_clear": True})
            _insert_0005_posting(conn, "analysed-before", {"ml": True})
            _insert_0005_posting(conn, "no-analysis", None)
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT external_id, title, ml, ml_clear FROM posting ORDER BY id")
            ).all()
        if engine.dialect.name == "sqlite":
            index = {i["name"]: i["column_names"] for i in inspect(engine).get_indexes("posting")}
            assert "ml_clear" in index["ix_posting_rank"]
    finally:
        engine.dispose()
    assert [(r[0], r[1], bool(r[2])) for r in rows] == [
        ("analysed-borderline", "Data Scientist", True),
        ("analysed-clear", "Data Scientist", True),
        ("analysed-before", "Data Scientist", True),
        ("no-analysis", "Data Scientist", True),
    ]
    assert [None if r[3] is None else bool(r[3]) for r in rows] == [False, True, None, None]
