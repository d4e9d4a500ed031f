"""`hireable jobs fetch --every`: keeps fetching on a schedule; Ctrl-C stops between boards."""

from __future__ import annotations

import json
import signal
import threading
from typing import Any

import httpx
import pytest

from hireable.intervals import parse_interval
from hireable.services.job_fetch import fetch_every


@pytest.mark.parametrize(
    "text, seconds", [("6h", 21600), ("30m", 1800), ("1d", 86400), ("1h30m", 5400), ("7D", 604800)]
)
def test_intervals(text: str, seconds: int) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["0", "soon", "6", "1m", "8d", "-1h", "h", "1e9h", "99999999s"])
def test_bad_intervals_are_one_line(cli_sqlite: Any, text: str) -> None:
    assert cli_sqlite("boards", "add", "greenhouse:acme").code == 0
    r = cli_sqlite("jobs", "fetch", "--every", text)
    assert r.code == 2
    assert r.err.startswith("error: --every") and len(r.err.strip().splitlines()) == 1


def test_the_loop_runs_until_stopped() -> None:
    stop = threading.Event()
    calls: list[int] = []

    def once() -> None:
        calls.append(1)
        if len(calls) == 3:
            stop.set()

    waits: list[float | None] = []
    real_wait = stop.wait

    def wait(timeout: float | None = None) -> bool:
        waits.append(timeout)
        return real_wait(0)

    stop.wait = wait  # type: ignore[method-assign]
    assert fetch_every(once, 3600, stop=stop) == 3
    assert waits == [3600, 3600, 3600]


def test_ctrl_c_stops_after_the_board_being_fetched(cli: Any, fake_network: Any) -> None:
    """SIGINT arrives while the first board is fetched: it is stored whole, the next is not
    stored, and the command ends cleanly."""
    for ref in ("greenhouse:acme", "lever:acme"):
        assert cli("boards", "add", ref).code == 0
    served = fake_network.routes["boards-api.greenhouse.io/v1/boards/acme/jobs"][0]

    def interrupted(request: httpx.Request) -> httpx.Response:
        signal.raise_signal(signal.SIGINT)
        return served

    fake_network.add("boards-api.greenhouse.io/v1/boards/acme/jobs", interrupted)
    r = cli("jobs", "fetch", "--every", "6h", "--concurrency", "1", "--json")
    assert r.code == 0, r.err
    assert "stopping after this board" in r.err and "stopped" in r.err
    boards = {b["board"]: b for b in json.loads(cli("boards", "list", "--json").out)}
    assert boards["greenhouse:acme"]["open_postings"] > 0
    assert boards["greenhouse:acme"]["last_fetched"] is not None
    assert boards["lever:acme"]["last_fetched"] is None
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_the_dashboard_fetches_in_the_background(
    session_factory: Any, server: Any, settings: Any
) -> None:
    from hireable.services.boards import add_board
    from hireable.services.job_fetch import start_background_fetch
    from hireable.sources.http import make_client

    with session_factory() as s:
        add_board(s, "greenhouse:acme")
    runs: list[list[Any]] = []
    heard = threading.Event()

    def report(results: list[Any]) -> None:
        runs.append(results)
        heard.set()

    thread, stop = start_background_fetch(
        session_factory=session_factory,
        make_client=lambda: make_client(settings, transport=server.transport),
        settings=settings,
        interval=3600,
        report=report,
    )
    assert heard.wait(10)
    stop.set()
    thread.join(10)
    assert not thread.is_alive() and len(runs) == 1
    assert [(r.label, r.error) for r in runs[0]] == [("greenhouse:acme", None)]
    assert runs[0][0].new > 0


@pytest.mark.parametrize("value, message", [("soon", "is not an interval"), ("1m", "between 5m")])
def test_a_bad_fetch_every_setting_is_one_line(
    cli_sqlite: Any, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    monkeypatch.setenv("HIREABLE_FETCH_EVERY", value)
    r = cli_sqlite("status")
    assert r.code == 1 and r.err.startswith("error: HIREABLE_FETCH_EVERY: ") and message in r.err


def test_new_shows_only_what_the_latest_fetch_first_saw(cli: Any, fake_network: Any) -> None:
    empty = cli("jobs", "list", "--new", "--json")
    assert empty.code == 0 and json.loads(empty.out) == [] and "no fetch has run yet" in empty.err
    assert cli("boards", "add", "greenhouse:acme").code == 0
    assert cli("jobs", "fetch").code == 0
    first = json.loads(cli("jobs", "list", "--new", "--json").out)
    assert first and {p["source"] for p in first} == {"greenhouse:acme"}
    assert cli("init", "--name", "Sam", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    ranked = json.loads(cli("jobs", "rank", "--new", "--json").out)
    assert {r["posting_id"] for r in ranked} == {p["id"] for p in first}
    # a second fetch finds nothing new: --new is empty, the list itself is not
    assert cli("jobs", "fetch", "lever:acme").code == 0
    second = json.loads(cli("jobs", "list", "--new", "--json").out)
    assert {p["source"] for p in second} == {"lever:acme"}
    assert cli("jobs", "fetch", "lever:acme").code == 0
    assert json.loads(cli("jobs", "list", "--new", "--json").out) == []
    assert "no new postings since the latest fetch" in cli("jobs", "rank", "--new").out
    assert len(json.loads(cli("jobs", "list", "--json").out)) == len(first) + len(second)
