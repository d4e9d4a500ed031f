"""One submit per page load: a form sent twice (a double click, the browser sending a POST again)
does its work once.

Every rendered page carries a fresh random token in each of its forms (`FORM_FIELD`, beside the
CSRF field). A POST that succeeds redirects (the dashboard's forms all answer a success with a
303); the redirect is kept under the submission's key: the token, the address and the fields
sent. The same submission again gets the same redirect without reaching its route, so nothing
is stored twice; one still running is waited for. A refusal is not kept: the form is corrected
on a page with a new token. Another form of the same page, or the same form with other values,
is another key. Kept in memory, the most recent `KEPT` only: a page loaded before the process
started, or very long ago, simply submits again (the CSRF check still applies).
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import RedirectResponse

from hireable.web.security import CSRF_FIELD, replay

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

FORM_FIELD = "form_token"  # the hidden form field, fresh on every page rendered
KEPT = 2_000  # submissions remembered (a key and an address each: about 200 KB at most)
WAIT_SECONDS = 30.0  # how long a repeat waits for the first of its kind to be answered
POLL_SECONDS = 0.02


def new_token() -> str:
    return secrets.token_urlsafe(16)


def submission_key(path: str, form: FormData) -> str | None:
    """What makes two POSTs the same submission: the page load's token, the address and every
    field sent (a file by its name and size). None without a token."""
    token = form.get(FORM_FIELD)
    if not isinstance(token, str) or not token:
        return None
    digest = hashlib.sha256(path.encode())
    for name, value in sorted(form.multi_items(), key=lambda item: item[0]):
        if name == CSRF_FIELD:
            continue
        shown = f"{value.filename}:{value.size}" if isinstance(value, UploadFile) else value
        digest.update(b"\0" + name.encode() + b"\0" + str(shown).encode())
    return digest.hexdigest()


@dataclass
class SubmitLedger:
    """Where each recent submission went; the bounded memory of `OnceMiddleware`."""

    kept: int = KEPT
    done: OrderedDict[str, str] = field(default_factory=OrderedDict)
    running: set[str] = field(default_factory=set)

    def went(self, key: str) -> str | None:
        return self.done.get(key)

    def record(self, key: str, location: str) -> None:
        self.done[key] = location
        self.done.move_to_end(key)
        while len(self.done) > self.kept:
            self.done.popitem(last=False)

    async def wait(self, key: str) -> None:
        """Until the submission under `key` is answered (polled: the loop it runs on may not
        be this request's own, as under a test client)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while key in self.running and time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)


class OnceMiddleware:
    """Inside `SecurityMiddleware` (which has read the body and checked the CSRF token), so a
    POST's `receive` gives its whole body at once."""

    def __init__(self, app: ASGIApp, *, ledger: SubmitLedger) -> None:
        self.app = app
        self.ledger = ledger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        message = await receive()
        body = message.get("body", b"")
        key = await _key(scope, body) if FORM_FIELD.encode() in body else None
        if key is None:
            await self.app(scope, replay(body), send)
            return
        ledger = self.ledger
        if key in ledger.running:
            await ledger.wait(key)
        location = ledger.went(key)
        if location is not None:  # sent before: where it went, nothing done again
            await RedirectResponse(location, status_code=303)(scope, receive, send)
            return
        ledger.running.add(key)
        try:
            await self.app(scope, replay(body), _noting(send, key, ledger))
        finally:
            ledger.running.discard(key)


async def _key(scope: Scope, body: bytes) -> str | None:
    try:
        async with Request(scope, replay(body)).form() as form:
            return submission_key(scope["path"], form)
    except (HTTPException, MultiPartException):  # a body no parser reads: the route says so
        return None


def _noting(send: Send, key: str, ledger: SubmitLedger) -> Send:
    """`send`, keeping where a successful submission redirected to."""

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
            headers = dict(message.get("headers", []))
            location = headers.get(b"location")
            if location:
                ledger.record(key, location.decode("latin-1"))
        await send(message)

    return wrapped
