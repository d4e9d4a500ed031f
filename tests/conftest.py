"""Shared fixtures: a fresh database per test (SQLite, and PostgreSQL when
HIREABLE_TEST_DATABASE_URL is set) and a `cli` runner that returns (code, stdout, stderr)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
PG_URL = os.environ.get("HIREABLE_TEST_DATABASE_URL", "")


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL. Tests that use it run once per backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hireable.db'}"
        return
    from sqlalchemy import create_engine, text

    from hireable.store.db import make_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()
    del create_engine


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database, for tests that are not about storage."""
    return f"sqlite:///{tmp_path / 'hireable.db'}"


@dataclass
class Result:
    code: int
    out: str
    err: str


CliRunner = Callable[..., Result]


def _make_runner(
    url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> CliRunner:
    from hireable.cli import common

    monkeypatch.setenv("HIREABLE_DATABASE_URL", url)
    monkeypatch.setenv("HIREABLE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*args: str) -> Result:
        from hireable.cli import run as cli_run

        capsys.readouterr()
        try:
            code = cli_run([str(a) for a in args])
        finally:
            common.reset_engines()
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def cli(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> CliRunner:
    """Run `hireable ARGS...` in-process against a fresh database on every backend."""
    return _make_runner(database_url, monkeypatch, capsys, tmp_path)


@pytest.fixture
def cli_sqlite(
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> CliRunner:
    """Like `cli`, on SQLite only: for command tests that are not about storage."""
    return _make_runner(sqlite_url, monkeypatch, capsys, tmp_path)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
