"""At most N requests at once per host, whatever the number of threads sharing the client.

Boards are fetched concurrently, but many share one API host (every Greenhouse board is on
`boards-api.greenhouse.io`): two requests at a time is polite to each host while boards on
different hosts go on in parallel. A slot is held until the response body is closed, so a slow
body counts against its host; a retry's backoff sleep happens outside the slot, so a host that
answers 429 waits without holding a slot of its own or anyone else's.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Iterator

import httpx

PER_HOST = 2


class _Releasing(httpx.SyncByteStream):
    """A response body that frees its host's slot once closed (or read to the end and closed)."""

    def __init__(self, stream: httpx.SyncByteStream, release: Callable[[], None]) -> None:
        self._stream = stream
        self._release: Callable[[], None] | None = release

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


class HostLimited(httpx.BaseTransport):
    """Wraps a transport so that at most `per_host` requests to one host are in flight."""

    def __init__(self, inner: httpx.BaseTransport | None = None, per_host: int = PER_HOST) -> None:
        self._inner = inner if inner is not None else httpx.HTTPTransport()
        self._per_host = per_host
        self._slots: dict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(self._per_host)
        )
        self._lock = threading.Lock()
        self.peak: dict[str, int] = defaultdict(int)  # most requests seen at once, per host
        self._busy: dict[str, int] = defaultdict(int)

    def _slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._slots[host]

    def _count(self, host: str, delta: int) -> None:
        with self._lock:
            self._busy[host] += delta
            self.peak[host] = max(self.peak[host], self._busy[host])

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        slot = self._slot(host)
        slot.acquire()
        self._count(host, 1)

        def release() -> None:
            self._count(host, -1)
            slot.release()

        try:
            response = self._inner.handle_request(request)
        except BaseException:
            release()
            raise
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_Releasing(response.stream, release),
            extensions=response.extensions,
            request=request,
        )

    def close(self) -> None:
        self._inner.close()
