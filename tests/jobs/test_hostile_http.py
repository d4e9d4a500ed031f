"""The shared HTTP client against hostile servers: every answer ends, bounded, as one error."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest

from hireable.config import Settings
from hireable.errors import RateLimited, SourceError
from hireable.sources.http import MAX_RETRY_AFTER, get_json, make_client

URL = "https://api.example.test/v1/things"


def encoded(body: bytes, encoding: str) -> httpx.Response:
    """A reply whose body stays compressed until the client reads it, as on the wire."""
    return httpx.Response(
        200, stream=httpx.ByteStream(body), headers={"Content-Encoding": encoding}
    )


def client_for(handler, sleeps: list[float] | None = None, **settings: float) -> httpx.Client:
    chosen = Settings(**{"http_retries": 1, "http_backoff": 0.5, **settings})
    client = make_client(
        chosen, httpx.MockTransport(handler), sleep=(sleeps if sleeps is not None else []).append
    )
    client.policy.clock = lambda: 1_000_000.0
    return client


@pytest.mark.parametrize(
    "headers",
    [
        {"Retry-After": "9" * 400},
        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1e400"},
        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "9" * 400},
    ],
)
def test_an_absurd_wait_is_clamped_and_reported(headers: dict[str, str]) -> None:
    with client_for(lambda r: httpx.Response(429, headers=headers)) as client:
        with pytest.raises(RateLimited) as caught:
            get_json(client, URL, what="thing")
    assert str(caught.value) == (
        f"thing: rate limited by api.example.test; try again in {MAX_RETRY_AFTER:.0f} s"
    )
    assert caught.value.resume_at == 1_000_000.0 + MAX_RETRY_AFTER


def test_a_nan_reset_falls_back_to_backoff() -> None:
    sleeps: list[float] = []
    replies = iter(
        [
            httpx.Response(429, headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "nan"}),
            httpx.Response(200, json=[1]),
        ]
    )
    with client_for(lambda r: next(replies), sleeps) as client:
        assert get_json(client, URL) == [1]
    assert sleeps == [0.5]


def test_a_redirect_loop_is_one_error() -> None:
    loop = lambda r: httpx.Response(302, headers={"Location": URL})  # noqa: E731
    with client_for(loop) as client:
        with pytest.raises(SourceError, match=r"^thing: api.example.test/v1/things redirects too"):
            get_json(client, URL, what="thing")


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000 + b"]" * 100_000, b'{"a": ' * 101 + b"1" + b"}" * 101],
    ids=["recursion", "over-the-bound"],
)
def test_json_nested_too_deeply_is_malformed(body: bytes) -> None:
    with client_for(lambda r: httpx.Response(200, content=body)) as client:
        with pytest.raises(SourceError, match="nests more than 100 levels deep"):
            get_json(client, URL, what="thing")


@pytest.mark.parametrize("body", [b"[1e400]", b"[NaN]", b'{"a": Infinity}'])
def test_json_numbers_beyond_a_float_are_malformed(body: bytes) -> None:
    with client_for(lambda r: httpx.Response(200, content=body)) as client:
        with pytest.raises(SourceError, match="malformed JSON"):
            get_json(client, URL, what="thing")


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros inside a JSON string, gzipped to under 1 MB."""
    pack = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"0" * (1 << 20)
    parts = [pack.compress(b'["'), *(pack.compress(zeros) for _ in range(200))]
    return b"".join([*parts, pack.compress(b'"]'), pack.flush()])


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_body_that_inflates_past_the_cap_is_refused(gzip_bomb: bytes, encoding: str) -> None:
    body = gzip_bomb if encoding == "gzip" else zlib.compress(b"0" * (25 << 20), 1)
    with client_for(lambda r: encoded(body, encoding)) as client:
        with pytest.raises(
            SourceError, match="^thing: api.example.test/v1/things sent more than 20 MB"
        ):
            get_json(client, URL, what="thing")


def test_a_compressed_body_within_the_cap_is_read() -> None:
    body = gzip.compress(b'{"jobs": [' + b"1," * 100_000 + b"1]}")
    with client_for(lambda r: encoded(body, "gzip")) as client:
        assert len(get_json(client, URL)["jobs"]) == 100_001


def test_a_body_that_does_not_decompress_is_one_error() -> None:
    with client_for(lambda r: encoded(b"not gzip", "gzip")) as client:
        with pytest.raises(SourceError, match="does not decompress"):
            get_json(client, URL, what="thing")


class _Drip(http.server.BaseHTTPRequestHandler):
    """Answers 200 with a long body, one byte every 50 ms: each read is quick, the whole is not."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:  # the client gave up: what the test wants
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def drip_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/board"
    server.shutdown()
    server.server_close()


def test_a_slow_drip_ends_at_the_deadline(drip_url: str) -> None:
    settings = Settings(http_timeout=2, http_deadline=0.4, http_retries=3)
    started = time.monotonic()
    with make_client(settings) as client:
        with pytest.raises(SourceError) as caught:
            get_json(client, drip_url, what="slow board")
    elapsed = time.monotonic() - started
    assert str(caught.value) == (
        "slow board: 127.0.0.1/board did not finish answering within 0.4 s (HIREABLE_HTTP_DEADLINE)"
    )
    assert elapsed < 2  # one attempt, not one per retry: a drip would only drip again
