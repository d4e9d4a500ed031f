"""Browser journeys: Playwright drives Debian's Chromium against the dashboard served by uvicorn
on a free 127.0.0.1 port, one browser per session and a fresh data dir and database per test.

Without playwright or without Chromium every test here skips, saying which is missing; nothing
is ever downloaded (no `playwright install`). Screenshots go to each test's tmp dir; set
HIREABLE_SCREENSHOTS=DIR (e.g. docs/screenshots) to keep a copy there too."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from hireable.config import Settings
from tests.browser.fake_boards import FakeBoards

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from sqlalchemy.engine import Engine

CHROMIUM = Path(os.environ.get("HIREABLE_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
TODAY = dt.date(2026, 11, 25)  # a Wednesday; the app and the demo both live on it
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000  # a step that takes longer than this has failed


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need playwright: pip install -e '.[test]'")
    if not CHROMIUM.is_file():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_playwright() as pw:
        launched = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@dataclass
class Site:
    """The dashboard as served: its address, and its engine to look at the stored data."""

    url: str
    engine: Engine
    settings: Settings
    clock: list[dt.date] = field(default_factory=lambda: [TODAY])  # the app's today, settable

    def at(self, path: str) -> str:
        return f"{self.url}{path}"

    def days_later(self, days: int) -> None:
        """The served app's today moves on (as if the learner came back days later)."""
        self.clock[0] = self.clock[0] + dt.timedelta(days=days)


SiteFactory = Callable[..., Site]


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[SiteFactory]:
    """`make_site(demo=True, greenhouse_url=boards.url, ...)`: the app on a fresh database
    (the demo learner's when demo), with any Settings field overridden, served on a free port."""
    from hireable.store.db import ensure_schema, make_engine
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    running: list[Any] = []

    def make(*, demo: bool = False, **overrides: Any) -> Site:
        data_dir = tmp_path / f"data{len(running)}"
        settings = Settings(data_dir=data_dir, http_retries=0, **overrides)
        if demo:
            from hireable.services.demo import build_demo

            _, engine = build_demo(data_dir, TODAY)
        else:
            engine = make_engine(f"sqlite:///{data_dir / 'hireable.db'}")
            ensure_schema(engine)
        clock = [TODAY]
        app = create_app(settings, engine, demo=demo, today=lambda: clock[0])
        server = start_in_thread(app)
        running.append((server, engine))
        return Site(server.url, engine, settings, clock)

    yield make
    for server, engine in running:
        server.stop()
        engine.dispose()


@pytest.fixture
def demo_site(make_site: SiteFactory) -> Site:
    return make_site(demo=True)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no cookies, no cache) at desktop width."""
    context = browser.new_context(viewport=WIDE)
    context.set_default_timeout(TIMEOUT_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    yield opened
    context.close()
    # A script error or a CSP violation is a failure of the page, whatever the test checked.
    assert errors == [], f"the browser reported errors: {errors}"


@pytest.fixture
def screenshot(tmp_path: Path) -> Callable[[Page, str], list[Path]]:
    """`screenshot(page, "status")`: the whole page as shown (1280 px), then the same address
    loaded afresh in a phone-width tab (390 px, as a phone would lay it out and draw its chart),
    saved as NAME-1280.png and NAME-390.png; returns their paths."""
    folder = tmp_path / "screenshots"
    keep = os.environ.get("HIREABLE_SCREENSHOTS")

    def save(pg: Page, name: str) -> Path:
        folder.mkdir(exist_ok=True)
        path = folder / f"{name}-{(pg.viewport_size or WIDE)['width']}.png"
        pg.screenshot(path=str(path), full_page=True)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(keep) / path.name)
        return path

    def shoot(pg: Page, name: str) -> list[Path]:
        paths = [save(pg, name)]
        phone = pg.context.new_page()
        phone.set_viewport_size(PHONE)
        phone.goto(pg.url)
        paths.append(save(phone, name))
        phone.close()
        return paths

    return shoot


@pytest.fixture
def fake_boards() -> Iterator[FakeBoards]:
    """A job board API on 127.0.0.1: `ref = fake_boards.greenhouse("acme", jobs)`, then serve
    the app with `make_site(demo=True, greenhouse_url=fake_boards.url)` and follow `ref`."""
    boards = FakeBoards().start()
    yield boards
    boards.stop()
