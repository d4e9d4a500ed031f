"""`hireable serve`: loopback by default; the app starts under uvicorn on a free port."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.conftest import CliRunner


def test_a_remote_host_needs_allow_remote(cli_sqlite: CliRunner) -> None:
    r = cli_sqlite("serve", "--host", "0.0.0.0")
    assert r.code == 2
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: --host 0.0.0.0")
    assert "--allow-remote" in lines[0]


def test_a_busy_port_is_a_one_line_error(cli_sqlite: CliRunner) -> None:
    from hireable.web.server import bind

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    try:
        r = cli_sqlite("serve", "--port", str(port))
    finally:
        sock.close()
    assert r.code == 1
    assert r.err.startswith(f"error: cannot listen on 127.0.0.1:{port}")
    assert len(r.err.strip().splitlines()) == 1


def test_the_app_runs_under_uvicorn_on_a_free_port(tmp_path: Path) -> None:
    from hireable.config import Settings
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/h.db")
    app = create_app(settings)
    running = start_in_thread(app)
    try:
        r = httpx.get(f"{running.url}/", timeout=5)
        assert r.status_code == 200 and "Welcome to hireable" in r.text
        assert r.headers["x-frame-options"] == "DENY"
    finally:
        running.stop()
        app.state.engine.dispose()
    assert not running.thread.is_alive()


def test_a_response_does_not_wait_for_the_clients_delayed_ack(tmp_path: Path) -> None:
    """With Nagle's algorithm on, the body written after the headers waits for the client's
    delayed ACK (40 ms or more on Linux) on every keep-alive request."""
    import time

    from hireable.config import Settings
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/h.db")
    app = create_app(settings)
    running = start_in_thread(app)
    try:
        with httpx.Client(base_url=running.url, timeout=5) as client:
            client.get("/static/hireable.css").raise_for_status()
            times = []
            for _ in range(8):
                started = time.perf_counter()
                client.get("/static/hireable.css").raise_for_status()
                times.append(time.perf_counter() - started)
    finally:
        running.stop()
        app.state.engine.dispose()
    assert min(times) < 0.035, times


def test_serving_collects_young_objects_less_often_and_keeps_a_higher_setting(
    tmp_path: Path,
) -> None:
    """A request's temporaries should be gone before the collector looks (web/server.py)."""
    import gc

    from hireable.config import Settings
    from hireable.web.app import create_app
    from hireable.web.server import GC_YOUNG_THRESHOLD, make_server

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/h.db")
    app = create_app(settings)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        make_server(app)
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, 10, 10)
        gc.set_threshold(GC_YOUNG_THRESHOLD * 2, 5, 5)
        make_server(app)
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD * 2, 5, 5)  # never lowered
    finally:
        gc.set_threshold(*before)
        app.state.engine.dispose()


def test_demo_serves_its_own_database_and_never_yours(tmp_path: Path) -> None:
    from hireable.cli.serve import demo_engine
    from hireable.config import Settings
    from hireable.services.profile import get_profile
    from hireable.store.db import session_scope

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/mine.db")
    for _ in range(2):  # built when missing, then reused
        engine = demo_engine(settings)
        assert engine.url.database == str(tmp_path / "demo.db")
        with session_scope(engine) as s:
            assert get_profile(s).name == "Ada (demo)"  # type: ignore[union-attr]
        engine.dispose()
    assert not (tmp_path / "mine.db").exists()


def test_every_template_and_static_file_is_package_data() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[2]
    package = root / "src" / "hireable"
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["hireable"]
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    files = {
        p for d in ("web/templates", "web/static") for p in (package / d).rglob("*") if p.is_file()
    }
    assert files and not files - shipped, sorted(str(p) for p in files - shipped)


@pytest.mark.parametrize(
    ("host", "remote"), [("127.0.0.1", False), ("::1", False), ("0.0.0.0", True)]
)
def test_loopback_or_allow_remote_passes_the_host_check(host: str, remote: bool) -> None:
    from hireable.cli.serve import check_host

    check_host(host, remote)  # raises UsageError otherwise


DRIP = b"topic=x&hours=1&pad=" + b"x" * 80  # a form body, sent a byte at a time


def _drip(url: str, head: bytes, seconds: float, drip: bytes = DRIP) -> tuple[bytes, float]:
    """Send `head`, then `drip` a byte every 50 ms for up to `seconds`; what the server
    answered and how long until it closed the connection (or `seconds` when it did not)."""
    import socket
    import time

    host, port = url.removeprefix("http://").rsplit(":", 1)
    started = time.monotonic()
    answer = b""
    with socket.create_connection((host, int(port)), timeout=seconds) as sock:
        sock.sendall(head)
        sock.settimeout(0.05)
        for byte in drip:
            if time.monotonic() - started > seconds:
                break
            try:
                sock.send(bytes([byte]))
                chunk = sock.recv(65536)
            except TimeoutError:
                continue  # nothing answered yet
            except OSError:  # reset: the server closed it
                return answer, time.monotonic() - started
            if not chunk:
                return answer, time.monotonic() - started
            answer += chunk
    return answer, seconds


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_a_body_sent_a_byte_at_a_time_is_cut_off(tmp_path: Path, method: str) -> None:
    """A client that sends its headers and then drips the body (slowloris) is answered 408 and
    its connection closed once the body deadline passes (a GET, whose body nothing reads, at
    once); meanwhile other requests are answered as usual."""
    import time

    from hireable.config import Settings
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/h.db")
    app = create_app(settings, body_seconds=1.5)
    running = start_in_thread(app)
    token = app.state.csrf.token()
    head = (
        f"{method} /journal/learn HTTP/1.1\r\nHost: 127.0.0.1\r\nX-CSRF-Token: {token}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(DRIP)}\r\n\r\n"
    ).encode()
    try:
        import threading

        others: list[float] = []  # when each other request was answered

        def meanwhile() -> None:
            with httpx.Client(base_url=running.url, timeout=5) as client:
                for _ in range(5):
                    time.sleep(0.05)
                    client.get("/static/hireable.css").raise_for_status()
                    others.append(time.monotonic())

        other = threading.Thread(target=meanwhile)
        other.start()
        answer, took = _drip(running.url, head, seconds=5)
        cut_at = time.monotonic()
        other.join()
    finally:
        running.stop()
        app.state.engine.dispose()
    # (Margins, not timings: the drip would go on for 5 s, the deadline is 1.5 s.)
    assert took < 4, f"the connection stayed open {took:.1f} s"
    status = answer.split(b"\r\n", 1)[0]
    assert len(others) == 5
    if method == "POST":
        assert status == b"HTTP/1.1 408 Request Timeout", answer[:200]
        assert b"did not arrive within 1.5 seconds; nothing was stored" in answer
        assert max(others) < cut_at  # served while the dripping connection was held
    else:
        assert status == b"HTTP/1.1 405 Method Not Allowed", answer[:200]


def _idle(url: str, seconds: float) -> tuple[bytes, float]:
    """Open a connection and send nothing: what the server sent and how long until it closed
    the connection (or `seconds` when it did not)."""
    import socket
    import time

    host, port = url.removeprefix("http://").rsplit(":", 1)
    started = time.monotonic()
    with socket.create_connection((host, int(port)), timeout=seconds) as sock:
        try:
            data = sock.recv(1024)
        except TimeoutError:
            return b"", seconds
    return data, time.monotonic() - started


HEAD_DRIP = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + b"x" * 80


@pytest.mark.parametrize("how", ["a byte at a time", "never"])
def test_headers_sent_a_byte_at_a_time_or_never_are_cut_off(tmp_path: Path, how: str) -> None:
    """uvicorn's keep-alive timer restarts on every byte and is not armed before the first
    request: the server's own deadline for a request's headers closes such a connection."""
    from hireable.config import Settings
    from hireable.web.app import create_app
    from hireable.web.server import start_in_thread

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/h.db")
    app = create_app(settings)
    running = start_in_thread(app, head_seconds=0.5)
    try:
        if how == "never":
            answer, took = _idle(running.url, seconds=3)
        else:
            answer, took = _drip(running.url, b"", seconds=3, drip=HEAD_DRIP)
        with httpx.Client(base_url=running.url, timeout=2) as client:  # others still served
            assert client.get("/static/hireable.css").status_code == 200
    finally:
        running.stop()
        app.state.engine.dispose()
    assert answer == b"" and took < 1.5, (answer[:100], took)


def test_a_uvicorn_without_the_protocol_hooks_is_served_without_the_header_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from uvicorn.protocols.http.h11_impl import H11Protocol

    from hireable.web.server import timed_protocol

    assert timed_protocol(1.0) is not H11Protocol  # this uvicorn has them: the deadline is on
    monkeypatch.delattr(H11Protocol, "on_response_complete")
    assert timed_protocol(1.0) is H11Protocol
