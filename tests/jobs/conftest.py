"""Fixtures for job sources: a fake HTTP server on httpx.MockTransport serving the hand-made
fixtures under tests/fixtures/sources, a client on it that never sleeps, and a database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import httpx
import pytest

from hireable.config import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response]


def fixture_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeServer:
    """Routes 'host/path' to replies; a list of replies is served in order, the last repeating."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[httpx.Request] = []

    def add(self, where: str, *replies: Reply) -> None:
        self.routes[where] = list(replies)

    def json(self, where: str, body: Any = None, *, fixture: str | None = None) -> None:
        self.add(where, httpx.Response(200, json=fixture_json(fixture) if fixture else body))

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = f"{request.url.host}{request.url.path}"
        replies = self.routes.get(key)
        if not replies:
            return httpx.Response(404, json={"error": "not found"})
        reply = replies.pop(0) if len(replies) > 1 else replies[0]
        return reply(request) if callable(reply) else reply

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)


def serve_all(server: FakeServer) -> None:
    """Every source's fixture at its real path."""
    server.json("boards-api.greenhouse.io/v1/boards/acme/jobs", fixture="greenhouse-acme.json")
    server.json("api.lever.co/v0/postings/acme", fixture="lever-acme.json")
    server.json("api.eu.lever.co/v0/postings/acme", fixture="lever-acme.json")
    server.json("api.ashbyhq.com/posting-api/job-board/acme", fixture="ashby-acme.json")
    server.json("apply.workable.com/api/v1/widget/accounts/acme", fixture="workable-acme.json")
    base = "api.smartrecruiters.com/v1/companies/AcmeCorp/postings"

    def page(request: httpx.Request) -> httpx.Response:
        number = 1 if request.url.params.get("offset") == "0" else 2
        return httpx.Response(200, json=fixture_json(f"smartrecruiters-acme-page{number}.json"))

    server.add(base, page)
    for pid in ("744000012345678", "744000012345679"):
        server.json(f"{base}/{pid}", fixture=f"smartrecruiters-acme-{pid}.json")
    server.json("hn.algolia.com/api/v1/search_by_date", fixture="hn-search.json")
    server.json("hn.algolia.com/api/v1/items/45800001", fixture="hn-item-45800001.json")


@pytest.fixture
def server() -> FakeServer:
    s = FakeServer()
    serve_all(s)
    return s


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", http_retries=3, http_backoff=0.5)


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(settings: Settings, server: FakeServer, sleeps: list[float]) -> Iterator[httpx.Client]:
    from hireable.sources.http import make_client

    with make_client(settings, transport=server.transport, sleep=sleeps.append) as c:
        yield c


@pytest.fixture
def session_factory(database_url: str) -> Iterator[Callable[[], AbstractContextManager[Any]]]:
    """One transaction per `with session_factory() as s:` block, on a fresh database."""
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(database_url)
    ensure_schema(engine)
    yield lambda: session_scope(engine)
    engine.dispose()


@pytest.fixture
def fake_network(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> FakeServer:
    """Make the CLI's client use the fake server and never sleep."""
    from hireable.sources import http

    monkeypatch.setattr(http, "transport_factory", lambda: server.transport)
    monkeypatch.setattr(http, "_sleep", lambda seconds: None)
    return server
