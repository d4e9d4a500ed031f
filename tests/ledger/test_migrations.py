"""Alembic owns the schema: empty → head, and downgrade-then-upgrade keeps data."""

from __future__ import annotations

from sqlalchemy import inspect, text

from hireable.store.db import (
    current_revision,
    downgrade,
    ensure_schema,
    head_revision,
    make_engine,
    upgrade,
)
from hireable.store.models import Base


def test_empty_database_upgrades_to_head_with_every_table(database_url):
    engine = make_engine(database_url)
    try:
        assert current_revision(engine) is None
        ensure_schema(engine)
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert ensure_schema(engine) == (head_revision(), head_revision())  # a no-op at head
    finally:
        engine.dispose()


def test_downgrade_then_upgrade_keeps_ledger_data(database_url):
    engine = make_engine(database_url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO profile (name, current_stage, target_stage, hours_per_week,"
                    " skills, created_at, updated_at) VALUES ('Kim', 'ml-entry', 'ml-entry',"
                    " 10, '[]', '2026-01-01', '2026-01-01')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO evidence (kind, title, skills, metrics, verification, created_at,"
                    " updated_at) VALUES ('project', 'Kept', '[]', '{}', 'self', '2026-01-01',"
                    " '2026-01-01')"
                )
            )
        downgrade(engine, "0001")
        assert current_revision(engine) == "0001"
        assert "posting" not in inspect(engine).get_table_names()
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT title FROM evidence")).scalars().all() == ["Kept"]
            assert conn.execute(text("SELECT name FROM profile")).scalar() == "Kim"
    finally:
        engine.dispose()


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_url):
    engine = make_engine(sqlite_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()


def test_unreachable_database_is_a_one_line_error(cli_sqlite, monkeypatch):
    monkeypatch.setenv("HIREABLE_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    r = cli_sqlite("status")
    assert r.code == 1
    assert r.err.startswith("error: cannot open the database") and r.err.count("\n") == 1
    monkeypatch.setenv("HIREABLE_DATABASE_URL", "nonsense://")
    r = cli_sqlite("status")
    assert r.code == 1 and r.err.startswith("error: ") and r.err.count("\n") == 1
