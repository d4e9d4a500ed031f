"""Serving the app with uvicorn: in the foreground for `hireable serve`, or in a thread on a
free port (browser tests)."""

from __future__ import annotations

import gc
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hireable.errors import ConfigError

if TYPE_CHECKING:
    import asyncio

    import uvicorn
    from starlette.types import ASGIApp

LOG_LEVEL = "warning"  # the address is printed by `serve`; access lines would drown it
STARTUP_TIMEOUT = 10.0  # seconds a thread server gets to start listening
# The young generation's collection threshold while serving (Python's default: 700). A page over
# a big workspace holds a few thousand objects at once (rows, the template's context), so at 700
# the collector runs several times per request and promotes them while they are alive; every
# few requests that triggers a full pass over everything the dashboard keeps (the scored
# ledger, the portfolio's records): 60–90 ms on this machine, the whole p95 tail of
# benchmarks/bench_web.py. At 10,000 a request's temporaries are gone before a collection.
GC_YOUNG_THRESHOLD = 10_000
# Seconds a connection may wait for its next request's headers to arrive whole (from when it is
# opened, or its last answer). uvicorn has no such deadline: its keep-alive timer restarts on
# every byte, so headers dripped a byte at a time, or a connection that sends nothing, held a
# connection for ever. A browser sends its headers at once. (A body has its own deadline:
# security.BODY_SECONDS.)
HEAD_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5  # an idle kept-alive connection closes after this (uvicorn's default)
SHUTDOWN_SECONDS = 5  # Ctrl-C waits at most this long for requests still being answered


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, so a busy port is a one-line error rather than uvicorn's exit."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # Named TCP, so asyncio turns Nagle's algorithm off on each connection it accepts: with it
    # on, a response written in two pieces (headers, then body) waits ~40 ms for the client's
    # delayed ACK, on every request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


# What the deadline below relies on in uvicorn's protocol (not a public interface): these
# methods, and a `cycle` attribute that is replaced when a request begins.
_HOOKS = ("connection_made", "connection_lost", "on_response_complete")


def timed_protocol(head_seconds: float) -> type[asyncio.Protocol]:
    """uvicorn's HTTP/1.1 protocol, closing a connection whose next request's headers have not
    arrived whole `head_seconds` after it opened (or after its last answer). A uvicorn whose
    protocol lacks what this relies on gets its own protocol back: served without the
    deadline rather than not served."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    if not all(callable(getattr(H11Protocol, name, None)) for name in _HOOKS):
        return H11Protocol

    class Timed(H11Protocol):
        waiting: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self.await_request()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self.await_request()

        def connection_lost(self, exc: Exception | None) -> None:
            if self.waiting is not None:
                self.waiting.cancel()
            super().connection_lost(exc)

        def await_request(self) -> None:
            """Close the connection unless a request (a new cycle) has begun by the deadline."""
            if self.waiting is not None:
                self.waiting.cancel()
            if not hasattr(self, "cycle"):
                return  # (another uvicorn: no way to tell a new request from the last one)
            before = self.cycle

            def too_slow() -> None:
                if self.cycle is before and not self.transport.is_closing():
                    self.transport.close()

            self.waiting = self.loop.call_later(head_seconds, too_slow)

    return Timed


def make_server(app: ASGIApp, *, head_seconds: float = HEAD_SECONDS) -> uvicorn.Server:
    import uvicorn

    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG_THRESHOLD, young), older, oldest)

    config = uvicorn.Config(
        app,
        log_level=LOG_LEVEL,
        lifespan="off",
        http=timed_protocol(head_seconds),
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        timeout_graceful_shutdown=SHUTDOWN_SECONDS,
    )
    return uvicorn.Server(config)


def serve_forever(app: ASGIApp, sock: socket.socket) -> None:
    """Serve until Ctrl-C (uvicorn handles the signal and shuts down cleanly)."""
    try:
        make_server(app).run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn shut down cleanly, then re-raised the Ctrl-C it captured
    finally:
        sock.close()


@dataclass
class RunningServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=STARTUP_TIMEOUT)


def start_in_thread(
    app: ASGIApp, host: str = "127.0.0.1", port: int = 0, *, head_seconds: float = HEAD_SECONDS
) -> RunningServer:
    """Serve `app` in a background thread (port 0: a free one); returns once it accepts."""
    sock = bind(host, port)
    server = make_server(app, head_seconds=head_seconds)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the dashboard server did not start")
        time.sleep(0.02)
    return RunningServer(url_of(sock), server, thread)
