"""Concurrent `jobs fetch`: the same store as a sequential fetch, at most 2 requests per host,
one failing board never costs the others, and a host that says 429 holds up nobody else."""

from __future__ import annotations

import copy
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hireable.config import Settings
from hireable.services.job_fetch import fetch_boards
from hireable.sources.hostlimit import HostLimited
from hireable.sources.http import make_client
from tests.jobs.conftest import FakeServer, fixture_json

BOARDS = 12  # greenhouse, lever and ashby boards: three hosts


def _board_server(delay: float) -> FakeServer:
    """BOARDS boards on three hosts, each answering after `delay` seconds, with distinct jobs."""
    server = FakeServer()
    shapes = {
        "greenhouse": ("boards-api.greenhouse.io/v1/boards/{}/jobs", "greenhouse-acme.json"),
        "lever": ("api.lever.co/v0/postings/{}", "lever-acme.json"),
        "ashby": ("api.ashbyhq.com/posting-api/job-board/{}", "ashby-acme.json"),
    }
    for n in range(BOARDS):
        source = list(shapes)[n % 3]
        path, fixture = shapes[source]
        body = _renamed(fixture_json(fixture), n)
        server.add(path.format(f"co{n}"), _slow(httpx.Response(200, json=body), delay))
    return server


def _renamed(body: Any, n: int) -> Any:
    """The fixture with ids and titles made unique to board n (no cross-board duplicates)."""
    body = copy.deepcopy(body)
    jobs = body.get("jobs") if isinstance(body, dict) else body
    for job in jobs:
        job["id"] = f"{job['id']}-{n}"
        for key in ("title", "text"):
            if key in job:
                job[key] = f"{job[key]} {n}"
    return body


def _slow(reply: httpx.Response, delay: float) -> Callable[[httpx.Request], httpx.Response]:
    def answer(request: httpx.Request) -> httpx.Response:
        time.sleep(delay)
        return reply

    return answer


def _refs() -> list[str]:
    return [f"{('greenhouse', 'lever', 'ashby')[n % 3]}:co{n}" for n in range(BOARDS)]


def _fetch(url: str, server: FakeServer, concurrency: int, tmp_path: Path) -> list[Any]:
    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(url)
    ensure_schema(engine)
    settings = Settings(data_dir=tmp_path / "data", http_retries=0)
    with make_client(settings, transport=HostLimited(server.transport)) as client:
        results = fetch_boards(
            session_factory=lambda: session_scope(engine),
            client=client,
            settings=settings,
            refs=_refs(),
            concurrency=concurrency,
        )
    snapshot = _snapshot(engine)
    engine.dispose()
    return [(r.label, r.new, r.error) for r in results] + snapshot


def _snapshot(engine: Any) -> list[Any]:
    from sqlalchemy import select

    from hireable.store.db import session_scope
    from hireable.store.models import Board, Posting

    with session_scope(engine) as s:
        boards = sorted((b.source, b.name) for b in s.scalars(select(Board)))
        postings = sorted(
            (p.source, p.external_id, p.title, p.company, p.degree, p.ml, p.closed_at is None)
            for p in s.scalars(select(Posting))
        )
    return [boards, postings]


def test_concurrent_fetch_stores_what_a_sequential_one_does(
    database_url: str, tmp_path: Path
) -> None:
    sequential = _fetch(f"sqlite:///{tmp_path / 'seq.db'}", _board_server(0.01), 1, tmp_path)
    concurrent = _fetch(database_url, _board_server(0.01), 8, tmp_path)
    assert concurrent == sequential
    labels = [row[0] for row in concurrent[:BOARDS]]
    assert labels == _refs()  # the summary keeps the order the boards were named in


def test_at_most_two_requests_per_host_at_once() -> None:
    busy: dict[str, int] = defaultdict(int)
    peak: dict[str, int] = defaultdict(int)
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        with lock:
            busy[host] += 1
            peak[host] = max(peak[host], busy[host])
        time.sleep(0.02)
        with lock:
            busy[host] -= 1
        return httpx.Response(200, json={})

    transport = HostLimited(httpx.MockTransport(handler))
    with httpx.Client(transport=transport) as client:
        threads = [
            threading.Thread(target=lambda i=i: client.get(f"https://h{i % 2}.example/x").read())
            for i in range(12)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert peak == {"h0.example": 2, "h1.example": 2}
    assert transport.peak == {"h0.example": 2, "h1.example": 2}


@pytest.mark.parametrize(
    "reply",
    [
        httpx.Response(404, json={"error": "no such board"}),
        httpx.Response(500, text="oops"),
        httpx.Response(200, text="{not json"),
        httpx.Response(200, json={"unexpected": True}),
    ],
    ids=["404", "500", "malformed", "wrong-shape"],
)
def test_one_failing_board_leaves_the_others_stored(
    database_url: str, tmp_path: Path, reply: httpx.Response
) -> None:
    server = _board_server(0.0)
    server.add("api.lever.co/v0/postings/co1", reply)
    rows = _fetch(database_url, server, 8, tmp_path)
    results, boards = rows[:BOARDS], rows[BOARDS]
    failed = [label for label, _, error in results if error]
    assert failed == ["lever:co1"]
    assert ("lever", "co1") not in boards and len(boards) == BOARDS - 1


def test_a_timeout_fails_only_its_board(database_url: str, tmp_path: Path) -> None:
    server = _board_server(0.0)

    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    server.add("api.ashbyhq.com/posting-api/job-board/co2", hang)
    results = _fetch(database_url, server, 8, tmp_path)[:BOARDS]
    assert [label for label, _, error in results if error] == ["ashby:co2"]


def test_a_rate_limited_host_holds_up_no_other(tmp_path: Path) -> None:
    """lever answers 429 (Retry-After 1) once per board; greenhouse boards finish meanwhile."""
    done: dict[str, float] = {}
    start = time.monotonic()
    seen: set[str] = set()

    def lever(request: httpx.Request) -> httpx.Response:
        if request.url.path not in seen:
            seen.add(request.url.path)
            return httpx.Response(429, headers={"Retry-After": "1"})
        done[request.url.path] = time.monotonic() - start
        return httpx.Response(200, json=fixture_json("lever-acme.json"))

    def greenhouse(request: httpx.Request) -> httpx.Response:
        done[request.url.path] = time.monotonic() - start
        return httpx.Response(200, json={"jobs": []})

    def handler(request: httpx.Request) -> httpx.Response:
        return lever(request) if request.url.host == "api.lever.co" else greenhouse(request)

    from hireable.store.db import ensure_schema, make_engine, session_scope

    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    ensure_schema(engine)
    settings = Settings(data_dir=tmp_path / "data", http_retries=2, http_backoff=0.1)
    transport = HostLimited(httpx.MockTransport(handler))
    with make_client(settings, transport=transport) as client:
        results = fetch_boards(
            session_factory=lambda: session_scope(engine),
            client=client,
            settings=settings,
            refs=["lever:a", "lever:b", "greenhouse:g1", "greenhouse:g2"],
            concurrency=4,
        )
    engine.dispose()
    assert [r.error for r in results] == [None] * 4
    greenhouse_done = max(t for p, t in done.items() if "boards" in p)
    lever_done = min(t for p, t in done.items() if "postings" in p)
    assert greenhouse_done < 0.5 <= lever_done  # nobody waited for lever's second


def test_smartrecruiters_details_run_side_by_side_within_the_host_limit(
    settings: Settings,
) -> None:
    from hireable.sources.jobs import smartrecruiters

    ids = [f"7440000{n}" for n in range(6)]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/postings"):
            content = [{"id": i, "name": f"ML Engineer {i}", "company": {"name": "Acme"}}
                       for i in ids]
            return httpx.Response(200, json={"totalFound": len(ids), "content": content})
        time.sleep(0.05)
        return httpx.Response(200, json={"jobAd": {"sections": {}}})

    transport = HostLimited(httpx.MockTransport(handler))
    with make_client(settings, transport=transport) as client:
        postings = smartrecruiters.fetch(client, settings, "Acme")
    assert [p.external_id for p in postings] == ids  # the listing's order
    assert transport.peak["api.smartrecruiters.com"] == 2
