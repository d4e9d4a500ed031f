"""The one HTTP client every remote source goes through (job boards and evidence importers).

    client = make_client(settings)  # timeouts, User-Agent, redirects, retry policy
    data = get_json(client, url, params=..., what="greenhouse board 'acme'")
    response = send(client, url, method="POST", json_body=...)  # same policy, any status back
    data = decode_json(response, url, what)  # the status checks and JSON decoding of get_json

`get_json` retries connection errors, timeouts, 5xx and 429 with exponential backoff, honouring
`Retry-After` (seconds or HTTP date) and `X-RateLimit-Reset` (epoch seconds, when
`X-RateLimit-Remaining` is 0). A wait longer than the policy's cap raises `RateLimited` with the
time the budget refills; 404 raises `RemoteNotFound`; any other failure is a `SourceError` whose
message names `what` and the host, never a header or a query string (they may hold tokens).
"""

from __future__ import annotations

import email.utils
import math
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from hireable.errors import RateLimited, SourceError
from hireable.untrusted_json import TooDeep, loads

if TYPE_CHECKING:
    from hireable.config import Settings

Sleep = Callable[[float], None]


class RemoteNotFound(SourceError):
    """The remote thing (board, user, repository) does not exist: HTTP 404."""


def _no_transport() -> httpx.BaseTransport | None:
    return None


# Hook for tests and embedding: the CLI builds its client with `transport_factory()`, so a test
# can monkeypatch this to return an `httpx.MockTransport`. None means the real network.
transport_factory: Callable[[], httpx.BaseTransport | None] = _no_transport


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


# The largest body (after decompression) any source may send: a big job board with every posting's
# HTML is a few MB; a gzip bomb that inflates to hundreds of MB stops here.
MAX_BODY_BYTES = 20 * 1024 * 1024
# A server may ask for at most this long a pause (Retry-After: 400 digits is clamped to it).
MAX_RETRY_AFTER = 7 * 24 * 3600.0


@dataclass
class RetryPolicy:
    retries: int = 4  # extra attempts after the first
    backoff: float = 1.0  # first wait in seconds; doubles each attempt
    max_wait: float = 60.0  # a server asking for a longer wait than this raises RateLimited
    sleep: Sleep = field(default=_sleep)
    clock: Callable[[], float] = field(default=time.time)
    # Seconds one attempt may take in all, body included: the client's timeout bounds each read,
    # so a server dripping a byte a second would otherwise never time out.
    deadline: float = 120.0
    max_body: int = MAX_BODY_BYTES
    monotonic: Callable[[], float] = field(default=time.monotonic)


class Client(httpx.Client):
    """An httpx.Client that carries its retry policy; any plain httpx.Client works too."""

    def __init__(self, *, policy: RetryPolicy, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.policy = policy


def make_client(
    settings: Settings,
    transport: httpx.BaseTransport | None = None,
    *,
    sleep: Sleep | None = None,
    max_wait: float = 60.0,
) -> Client:
    """Build the shared client from settings; close it (or use it as a context manager)."""
    policy = RetryPolicy(
        retries=max(0, settings.http_retries),
        backoff=max(0.0, settings.http_backoff),
        max_wait=max_wait,
        sleep=sleep or _sleep,
        deadline=settings.http_deadline,
    )
    timeout = httpx.Timeout(settings.http_timeout, connect=min(10.0, settings.http_timeout))
    return Client(
        policy=policy,
        transport=transport,
        timeout=timeout,
        follow_redirects=True,
        headers={
            "User-Agent": settings.user_agent,
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",  # what `_decoded` inflates in bounded steps
        },
    )


def _where(url: str) -> str:
    """Host and path only: queries can carry API keys, so they never reach a message."""
    u = httpx.URL(url)
    return f"{u.host}{u.path}"


def _retry_after(response: httpx.Response, now: float) -> float | None:
    """Seconds the server asks us to wait, from Retry-After or an exhausted X-RateLimit budget."""
    wait = _asked_wait(response, now)
    if wait is None or math.isnan(wait):
        return None
    return min(max(0.0, wait), MAX_RETRY_AFTER)  # hostile values (400 digits, 1e400) clamped


def _asked_wait(response: httpx.Response, now: float) -> float | None:
    value = response.headers.get("Retry-After")
    if value:
        value = value.strip()
        if value.isdigit():
            return float(value)  # 400 digits: inf, clamped by the caller
        try:
            return email.utils.parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, OverflowError):
            pass
    if response.headers.get("X-RateLimit-Remaining") == "0":
        reset = response.headers.get("X-RateLimit-Reset", "")
        try:
            return float(reset) - now
        except ValueError:
            return None
    return None


def _is_rate_limit(response: httpx.Response) -> bool:
    """429, or a 403 that says so (an exhausted budget, or a secondary limit with Retry-After)."""
    if response.status_code == 429:
        return True
    if response.status_code != 403:
        return False
    return response.headers.get("X-RateLimit-Remaining") == "0" or "Retry-After" in response.headers


# A host name that does not resolve rarely starts resolving seconds later (the machine is offline
# or the address is wrong): one retry, for a resolver's hiccup, instead of the full backoff.
_NAME_RETRIES = 1
_NAME_ERRORS = ("name or service not known", "name resolution", "nodename nor servname",
                "getaddrinfo failed", "no address associated")  # fmt: skip


def _name_not_resolved(exc: httpx.TransportError) -> bool:
    """Whether the request failed looking up the host's address (Linux, macOS, Windows texts)."""
    text = str(exc).lower()
    return isinstance(exc, httpx.ConnectError) and any(e in text for e in _NAME_ERRORS)


def send(
    client: httpx.Client,
    url: str,
    *,
    method: str = "GET",
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    what: str = "",
) -> httpx.Response:
    """Send a request under the client's retry policy; the first non-transient response is
    returned as is (any status), transient failures that outlast the policy raise."""
    policy: RetryPolicy = getattr(client, "policy", None) or RetryPolicy()
    what = what or _where(url)
    for attempt in range(policy.retries + 1):
        last = attempt == policy.retries
        delay = policy.backoff * (2**attempt)
        try:
            response = _attempt(
                client, policy, what, url, method=method, params=params, headers=headers,
                json_body=json_body,
            )  # fmt: skip
        except httpx.TooManyRedirects:
            raise SourceError(f"{what}: {_where(url)} redirects too many times") from None
        except httpx.TransportError as exc:
            unresolved = _name_not_resolved(exc)
            if unresolved and attempt >= _NAME_RETRIES:
                raise SourceError(
                    f"{what}: cannot reach {httpx.URL(url).host}: the name does not resolve "
                    "(no network connection, or a wrong address?)"
                ) from None
            if last:
                kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
                raise SourceError(
                    f"{what}: request to {_where(url)} {kind} "
                    f"after {attempt + 1} attempts ({type(exc).__name__})"
                ) from None
            policy.sleep(delay)
            continue
        status = response.status_code
        if _is_rate_limit(response):
            wait = _retry_after(response, policy.clock())
            wait = delay if wait is None else wait
            if wait > policy.max_wait or last:
                resume_at = policy.clock() + wait
                raise RateLimited(
                    f"{what}: rate limited by {httpx.URL(url).host}; try again in "
                    f"{max(1, round(wait))} s",
                    resume_at,
                )
            policy.sleep(wait)
            continue
        if status >= 500:
            if last:
                raise SourceError(
                    f"{what}: {_where(url)} answered HTTP {status} after {attempt + 1} attempts"
                )
            wait = _retry_after(response, policy.clock())
            policy.sleep(delay if wait is None else min(wait, policy.max_wait))
            continue
        return response
    raise AssertionError("unreachable")  # pragma: no cover


def _attempt(
    client: httpx.Client,
    policy: RetryPolicy,
    what: str,
    url: str,
    **request: Any,
) -> httpx.Response:
    """One request, its body read within the policy's deadline and size cap; the response
    returned carries the decoded body."""
    started = policy.monotonic()
    req = client.build_request(
        request["method"], url, params=request["params"], headers=request["headers"],
        json=request["json_body"],
    )  # fmt: skip
    response = client.send(req, stream=True)
    try:
        body = bytearray()
        for chunk in _decoded(response, policy.max_body):
            body += chunk
            if len(body) > policy.max_body:
                raise SourceError(
                    f"{what}: {_where(url)} sent more than {policy.max_body // 2**20} MB"
                )
            if policy.monotonic() - started > policy.deadline:
                raise SourceError(
                    f"{what}: {_where(url)} did not finish answering within "
                    f"{policy.deadline:g} s (HIREABLE_HTTP_DEADLINE)"
                )
    except (httpx.DecodingError, zlib.error):
        raise SourceError(f"{what}: {_where(url)} sent a body that does not decompress") from None
    finally:
        response.close()
    headers = [(k, v) for k, v in response.headers.multi_items() if k != "content-encoding"]
    return httpx.Response(
        response.status_code, headers=headers, content=bytes(body), request=response.request
    )


def _decoded(response: httpx.Response, limit: int) -> Iterator[bytes]:
    """The body's bytes as they arrive, gzip and deflate inflated here in steps of at most
    `limit` bytes, so a small compressed body cannot inflate to gigabytes in one call."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
    if encoding not in wbits:
        yield from response.iter_bytes()  # identity (or an encoding httpx itself decodes)
        return
    inflate = zlib.decompressobj(wbits[encoding])
    for raw in response.iter_raw():
        pending = raw
        while pending:
            yield inflate.decompress(pending, limit + 1)
            pending = inflate.unconsumed_tail


def get_json(
    client: httpx.Client,
    url: str,
    *,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    what: str = "",
) -> Any:
    """GET `url` and decode JSON, retrying transient failures under the client's policy."""
    what = what or _where(url)
    return decode_json(send(client, url, params=params, headers=headers, what=what), url, what)


def decode_json(response: httpx.Response, url: str, what: str) -> Any:
    """The JSON body of a final response, or the error its status means."""
    status = response.status_code
    if status == 404:
        raise RemoteNotFound(f"{what} does not exist ({_where(url)} answered 404)")
    if status in (401, 403):
        raise SourceError(
            f"{what}: access denied by {_where(url)} (HTTP {status}); "
            "check the token or permissions"
        )
    if status >= 400:
        raise SourceError(f"{what}: {_where(url)} answered HTTP {status}")
    try:
        return loads(response.content)
    except TooDeep as exc:
        raise SourceError(f"{what}: malformed JSON from {_where(url)} ({exc})") from None
    except ValueError:
        raise SourceError(f"{what}: malformed JSON from {_where(url)}") from None


@dataclass
class JsonResponse:
    data: Any
    headers: httpx.Headers

    def link(self, rel: str = "next") -> str | None:
        """The URL of an RFC 8288 `Link` header relation."""
        return link_url(self.headers.get("Link", ""), rel)


def link_url(header: str, rel: str = "next") -> str | None:
    for part in header.split(","):
        url, _, params = part.partition(";")
        if f'rel="{rel}"' in params.replace(" ", "") and "<" in url:
            return url.strip().strip("<>")
    return None


def request_json(
    client: httpx.Client,
    url: str,
    *,
    method: str = "GET",
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    what: str = "",
    parse: Callable[[bytes], Any] | None = None,
) -> JsonResponse:
    """Send under the client's retry policy; decode JSON (or `parse` the body: arXiv's Atom)."""
    what = what or _where(url)
    response = send(
        client, url, method=method, params=params, headers=headers, json_body=json_body, what=what
    )
    if parse is None or response.status_code >= 400:
        return JsonResponse(decode_json(response, url, what), response.headers)
    try:
        return JsonResponse(parse(response.content), response.headers)
    except Exception:  # any parser's failure means a malformed answer
        raise SourceError(f"{what}: malformed answer from {_where(url)}") from None
