"""A dashboard on a fresh database per test, reached through Starlette's TestClient."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from hireable.config import Settings
from hireable.store.db import ensure_schema, make_engine, session_scope
from hireable.web.app import create_app

TODAY = dt.date(2026, 11, 25)  # a Wednesday
BASE = "http://127.0.0.1:8000"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def wait_for_job(web: Dashboard, location: str, seconds: float = 20) -> str:
    """The page of a background job (an import, a fetch) once it has ended."""
    deadline = time.monotonic() + seconds
    while True:
        html = web.get(location).text
        if 'aria-busy="false"' in html:
            return html
        assert time.monotonic() < deadline, f"the job at {location} did not end"
        time.sleep(0.02)


class Dashboard:
    """The app, its client and its engine (to look at the stored data directly)."""

    def __init__(self, engine: Engine, settings: Settings, *, demo: bool = False) -> None:
        self.engine = engine
        self.app = create_app(settings, engine, demo=demo, today=lambda: TODAY)
        self.client = TestClient(self.app, base_url=BASE, follow_redirects=False)
        self.token = self.app.state.csrf.token()

    def get(self, path: str, **kw: object):  # type: ignore[no-untyped-def]
        return self.client.get(path, **kw)  # type: ignore[arg-type]

    def post(self, path: str, data: dict[str, str], *, token: bool = True):  # type: ignore[no-untyped-def]
        form = {"csrf_token": self.token, **data} if token else data
        return self.client.post(path, data=form)

    def count(self, model: type) -> int:
        with session_scope(self.engine) as s:
            return s.query(model).count()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=database_url)


@pytest.fixture
def web(settings: Settings) -> Iterator[Dashboard]:
    """An empty workspace (no profile) on every backend."""
    engine = make_engine(settings.resolved_database_url())
    ensure_schema(engine)
    yield Dashboard(engine, settings)
    engine.dispose()


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo learner's database file, built once: each test gets a copy (`copy_demo`), as
    building it takes half a second and some 200 tests start from it."""
    from hireable.services.demo import build_demo

    path, engine = build_demo(tmp_path_factory.mktemp("demo"), TODAY)
    engine.dispose()  # (SQLite folds its write-ahead log back into the file)
    return path


def copy_demo(demo_database: Path, data_dir: Path) -> Engine:
    """A fresh copy of the demo database in `data_dir` (where `build_demo` would put it)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / demo_database.name
    shutil.copyfile(demo_database, target)
    return make_engine(f"sqlite:///{target}")


@pytest.fixture
def demo_web(tmp_path: Path, demo_database: Path) -> Iterator[Dashboard]:
    """The demo learner, as `hireable serve --demo` serves it."""
    settings = Settings(data_dir=tmp_path / "data")
    engine = copy_demo(demo_database, settings.data_dir)
    yield Dashboard(engine, settings, demo=True)
    engine.dispose()
