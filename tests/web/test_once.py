"""A form sent twice from one page load (a double click, the browser resending a POST) does its
work once: the second answer is the first's redirect, and nothing is stored twice."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from hireable.store.models import Application, Evidence, Idea, JournalEntry, Message
from hireable.web.once import FORM_FIELD, OnceMiddleware, SubmitLedger
from tests.web.conftest import Dashboard

# (page with the form, where it posts, what is typed, what it stores)
CREATING: list[tuple[str, str, dict[str, str], type]] = [
    ("/journal", "/journal/learn", {"topic": "SQL joins", "hours": "1"}, JournalEntry),
    ("/journal", "/journal/do", {"topic": "Shipped", "hours": "2", "artifact": "https://x.dev/a"},
     JournalEntry),
    ("/evidence", "/evidence", {"kind": "project", "title": "A small demo"}, Evidence),
    ("/ideas", "/ideas", {"title": "A search demo"}, Idea),
    ("/tracker", "/tracker", {"company": "Acme"}, Application),
    ("/tracker/1", "/tracker/1/draft", {"tone": "brief", "product": "their app"}, Message),
]  # fmt: skip
TOKEN = re.compile(rf'name="{FORM_FIELD}" value="([^"]+)"')


def token_of(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "the page's forms carry no one-submit token"
    return found.group(1)


def _with_application(web: Dashboard, page: str) -> None:
    if page.startswith("/tracker/"):
        assert web.post("/tracker", {"company": "Globex"}).status_code == 303


@pytest.mark.parametrize(("page", "path", "data", "model"), CREATING, ids=[c[1] for c in CREATING])
def test_the_same_submit_twice_stores_once_and_goes_where_the_first_went(
    web: Dashboard, page: str, path: str, data: dict[str, str], model: type
) -> None:
    _with_application(web, page)
    before = web.count(model)
    form = {**data, FORM_FIELD: token_of(web.get(page).text)}
    first = web.post(path, form)
    assert first.status_code == 303, first.text[:300]
    second = web.post(path, form)
    assert second.status_code == 303
    assert second.headers["location"] == first.headers["location"]
    assert web.count(model) == before + 1


def test_each_page_load_has_its_own_token(web: Dashboard) -> None:
    """Logging the same session again from a fresh page stores it again: it is meant."""
    first, second = (token_of(web.get("/journal").text) for _ in range(2))
    assert first != second
    for token in (first, second):
        form = {"topic": "SQL joins", "hours": "1", FORM_FIELD: token}
        assert web.post("/journal/learn", form).status_code == 303
    assert web.count(JournalEntry) == 2


def test_other_values_or_another_form_of_the_page_are_another_submit(web: Dashboard) -> None:
    token = token_of(web.get("/journal").text)
    learn = {"topic": "SQL joins", "hours": "1", FORM_FIELD: token}
    for form in (learn, {**learn, "topic": "Window functions"}):
        assert web.post("/journal/learn", form).status_code == 303
    do = {"topic": "SQL joins", "hours": "1", "artifact": "https://x.dev/a", FORM_FIELD: token}
    assert web.post("/journal/do", do).status_code == 303
    assert web.count(JournalEntry) == 3


def test_a_refused_submit_is_not_kept_and_the_corrected_one_stores(web: Dashboard) -> None:
    token = token_of(web.get("/journal").text)
    form = {"topic": "SQL joins", "hours": "lots", FORM_FIELD: token}
    for _ in range(2):  # refused each time: nothing kept to replay
        assert web.post("/journal/learn", form).status_code == 422
    assert web.post("/journal/learn", {**form, "hours": "1"}).status_code == 303
    assert web.count(JournalEntry) == 1


def test_the_token_never_stands_in_for_the_csrf_token(web: Dashboard) -> None:
    token = token_of(web.get("/journal").text)
    form = {"topic": "SQL joins", "hours": "1", FORM_FIELD: token}
    assert web.post("/journal/learn", form).status_code == 303
    assert web.post("/journal/learn", form, token=False).status_code == 403  # even a repeat
    assert web.count(JournalEntry) == 1


def test_the_ledger_keeps_only_the_most_recent_submits() -> None:
    ledger = SubmitLedger(kept=3)
    for n in range(5):
        ledger.record(f"k{n}", f"/x/{n}")
    assert [ledger.went(f"k{n}") for n in range(5)] == [None, None, "/x/2", "/x/3", "/x/4"]


def test_a_repeat_sent_while_the_first_is_still_running_waits_for_it() -> None:
    """A double click: the second POST arrives before the first is answered."""
    calls: list[int] = []

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        calls.append(1)
        await asyncio.sleep(0.1)
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", f"/made/{len(calls)}".encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": b""})

    once = OnceMiddleware(slow_app, ledger=SubmitLedger())
    body = f"title=x&{FORM_FIELD}=abc".encode()

    async def post() -> list[Any]:
        sent: list[Any] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: Any) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "path": "/ideas", "headers": [
            (b"content-type", b"application/x-www-form-urlencoded")]}  # fmt: skip
        await once(scope, receive, send)
        return sent

    async def both() -> list[list[Any]]:
        return list(await asyncio.gather(post(), post()))

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in
    # this one for the whole session.
    with ThreadPoolExecutor(1) as pool:
        answers = pool.submit(asyncio.run, both()).result(timeout=10)
    assert len(calls) == 1
    locations = [dict(a[0]["headers"])[b"location"] for a in answers]
    assert locations == [b"/made/1", b"/made/1"]
