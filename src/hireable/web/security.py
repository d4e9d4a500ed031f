"""Security middleware of the dashboard: Host allow-list, CSRF on every POST, response headers.

A pure ASGI middleware, so it can buffer a POST body, check its token and replay the body to the
route untouched.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import PlainTextResponse

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_FIELD = "csrf_token"  # the hidden form field
CSRF_HEADER = "x-csrf-token"  # the header htmx sends (hx-headers on <body>)
MAX_BODY = 1_000_000  # bytes; the dashboard's forms are small
# Seconds a request's whole body may take to arrive. On this machine a form takes milliseconds
# (1 MB over a slow LAN with --allow-remote: well under this); a client that sends the headers
# and then a byte a second would otherwise hold its connection open for as long as it likes.
BODY_SECONDS = 15.0
# Sent with an answer given before the request's body was read whole (too slow, too large, or a
# body no page reads): the connection closes, so the rest cannot keep it open or arrive later.
CLOSE = {"connection": "close"}
SAFE_METHODS = frozenset({"GET", "HEAD"})
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

# Each header with why it is sent.
SECURITY_HEADERS: tuple[tuple[str, str, str], ...] = (
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        "only our own files run: no inline script, no third-party origin",
    ),
    ("x-frame-options", "DENY", "no framing (clickjacking), for browsers without CSP 3"),
    ("referrer-policy", "no-referrer", "links out never tell a site what you looked at"),
    ("x-content-type-options", "nosniff", "a file is only ever what its type says"),
)
# Paths (and everything under them) whose responses need other values of some of those headers:
# (path, {header: value}, why). Headers not named keep the values above.
PATH_HEADERS: tuple[tuple[str, dict[str, str], str], ...] = (
    (
        "/portfolio/site",
        {
            "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
            "sandbox",
            "x-frame-options": "SAMEORIGIN",
        },
        "the portfolio preview: the learner's own text in a page the dashboard frames; its "
        "inline stylesheet applies, and nothing in it can run script, submit or load anything",
    ),
)


def own_styles_allowed(path: str) -> bool:
    """Whether a page at `path` may use the dashboard's stylesheet (the preview may not: its
    policy allows only the site's own inline styles)."""
    policy = dict(headers_for(path))["content-security-policy"]
    return "style-src 'self'" in policy


def headers_for(path: str) -> list[tuple[str, str]]:
    """The security headers a response to `path` carries."""
    values = {name: value for name, value, _ in SECURITY_HEADERS}
    for prefix, overrides, _ in PATH_HEADERS:
        if path == prefix or path.startswith(prefix.rstrip("/") + "/"):
            values.update(overrides)
    return list(values.items())


@dataclass(frozen=True)
class CsrfGuard:
    """A token signed with a secret made when the process starts: a page from this process
    carries it, a page from another origin cannot read it."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def token(self) -> str:
        return hmac.new(self.secret, b"hireable-csrf", hashlib.sha256).hexdigest()

    def valid(self, candidate: str | None) -> bool:
        return bool(candidate) and hmac.compare_digest(str(candidate), self.token())


def host_name(host_header: str) -> str:
    """The name part of a Host header: `[::1]:8000` → `::1`, `example.org:80` → `example.org`."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class HostPolicy:
    """Which Host headers are served. A DNS-rebinding page arrives under its own domain name,
    so a name outside the list is refused; an IP literal cannot be rebound, so it is accepted
    when the server was started with --allow-remote."""

    names: frozenset[str]
    allow_ip_literals: bool = False

    @classmethod
    def for_bind(cls, host: str, *, remote: bool, extra: Iterable[str] = ()) -> HostPolicy:
        return cls(LOCAL_NAMES | {host.lower(), *extra}, allow_ip_literals=remote)

    def allows(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        name = host_name(host_header)
        return name in self.names or (self.allow_ip_literals and _is_ip(name))


def has_body(headers: Headers) -> bool:
    return headers.get("content-length", "0").strip() not in ("", "0") or (
        "transfer-encoding" in headers
    )


class SecurityMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        hosts: HostPolicy,
        csrf: CsrfGuard,
        body_seconds: float = BODY_SECONDS,
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.csrf = csrf
        self.body_seconds = body_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        extra = headers_for(scope.get("path", ""))
        if scope["method"] != "POST" and has_body(headers):  # a body nothing here reads
            extra += list(CLOSE.items())
        send = _with_headers(send, extra)
        if not self.hosts.allows(headers.get("host")):
            await PlainTextResponse("Bad Request: unknown Host header", 400)(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        if scope["method"] != "POST":  # the dashboard only reads (GET) and submits forms (POST)
            await PlainTextResponse(
                f"Method Not Allowed: hireable answers GET and POST, not {scope['method']}",
                405,
                headers={"allow": "GET, HEAD, POST"},
            )(scope, receive, send)
            return
        try:
            async with asyncio.timeout(self.body_seconds):
                body = await _read_body(receive)
        except TimeoutError:
            await PlainTextResponse(
                f"Request Timeout: the form did not arrive within {self.body_seconds:g} "
                "seconds; nothing was stored",
                408,
                headers=CLOSE,
            )(scope, receive, send)
            return
        if body is None:
            await PlainTextResponse(
                f"Request too large: a form may send at most {MAX_BODY // 1_000_000} MB; "
                "nothing was stored",
                413,
                headers=CLOSE,
            )(scope, receive, send)
            return
        try:
            token_ok = await self._token_ok(scope, headers, body)
        except (HTTPException, MultiPartException) as exc:  # a body no form parser can read
            detail = exc.detail if isinstance(exc, HTTPException) else exc.message
            text = f"Bad Request: {detail} Nothing was stored."
            await PlainTextResponse(text, 400)(scope, receive, send)
            return
        if not token_ok:
            await PlainTextResponse(
                "Forbidden: this form is stale or did not come from hireable; reload the page "
                "and try again",
                403,
            )(scope, receive, send)
            return
        await self.app(scope, replay(body), send)

    async def _token_ok(self, scope: Scope, headers: Headers, body: bytes) -> bool:
        if self.csrf.valid(headers.get(CSRF_HEADER)):
            return True
        form = await Request(scope, replay(body)).form()
        try:
            value = form.get(CSRF_FIELD)
            return isinstance(value, str) and self.csrf.valid(value)
        finally:
            await form.close()


async def _read_body(receive: Receive) -> bytes | None:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _with_headers(send: Send, headers: list[tuple[str, str]]) -> Send:
    names = {name for name, _ in headers}

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in names]
            raw += [(name.encode(), value.encode()) for name, value in headers]
            message = {**message, "headers": raw}
        await send(message)

    return wrapped
