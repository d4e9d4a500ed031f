"""Every route against bad input, table-driven: each refusal is a 4xx (never a 500), says why in
one line on the page, and leaves every stored row as it was.

The workspace is the demo learner (a row in every table), with every remote source pointed at a
closed local port, so no request here can leave the machine even if a refusal regressed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from starlette.routing import Route

from hireable.config import Settings
from hireable.core.ideas import FIELDS as IDEA_FIELDS
from tests.web.conftest import Dashboard, copy_demo

NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing listens, nothing leaves
LONG = 5000  # characters: past every column of the schema

# Each form route, with a form it accepts (so the one bad field is what is refused).
FORMS: dict[str, dict[str, str]] = {
    "/evidence": {
        "kind": "project", "title": "A demo", "date": "", "url": "", "validator": "",
        "skills": "python", "metrics": "",
    },
    "/evidence/1": {
        "title": "A demo", "date": "", "url": "", "validator": "", "skills": "", "metrics": "",
    },
    "/evidence/1/remove": {"confirm": "on"},
    "/evidence/imports/github": {"user": "ada", "no_token": "on"},
    "/evidence/imports/huggingface": {"user": "ada"},
    "/evidence/imports/papers": {"id_type": "orcid", "ident": "0000-0002-1825-0097"},
    "/evidence/imports/refresh": {"evidence_id": "1"},
    "/journal/learn": {"topic": "SQL", "hours": "1", "date": "", "url": "", "certificate": ""},
    "/journal/do": {
        "topic": "Shipped it", "hours": "2", "date": "", "artifact": "https://x.dev/a",
        "evidence": "",
    },
    "/ideas": {"title": "An idea", "url": "", "note": ""},
    "/ideas/1/score": {**dict.fromkeys(IDEA_FIELDS, "3"), "goal": ""},
    "/ideas/3/baseline": {"artifact": "https://x.dev/baseline"},
    "/jobs/boards": {"ref": "greenhouse:acme", "company": "", "size": ""},
    "/jobs/boards/unfollow": {"board": "greenhouse:acme"},
    "/jobs/boards/fetch": {"board": ""},
    "/tracker": {"company": "Acme", "posting": "", "contact": "", "email": ""},
    "/tracker/1/move": {"status": "applied", "back": ""},
    "/tracker/1/followup": {"back": ""},
    "/tracker/1/draft": {"tone": "friendly", "max_words": "120", "product": "", "impressed": ""},
    "/tracker/1/draft/save": {"message": "1", "subject": "Hello", "body": "Hi there"},
    "/profile": {
        "name": "Ada", "stage": "ml-entry", "target": "ml-junior", "hours_per_week": "10",
        "runway_months": "", "skills": "", "email": "", "website": "", "location": "",
        "github": "", "huggingface": "",
    },
}  # fmt: skip
# Routes whose POST takes no field: only their id, the token and the body can be bad.
NO_FIELDS = ("/journal/1/remove", "/ideas/1/pick", "/jobs/1/track", "/evidence/imports/kaggle")
# What no field may hold: a browser would not show it, so it would be stored unseen.
UNSHOWN = ["\x00", "a\x00b", "\x1b[31mred", "x\x9by", "bad \ufffd byte", "bell\x07"]

# (route, the fields changed, what the error says)
BAD_VALUES: list[tuple[str, dict[str, str], str]] = [
    ("/evidence", {"title": "   "}, "title"),
    ("/evidence", {"title": "x" * LONG}, "the most is 500"),
    ("/evidence", {"kind": "rumour"}, "unknown evidence kind"),
    ("/evidence", {"kind": ""}, "kind"),
    ("/evidence", {"date": "2026-02-30"}, "does not exist on the calendar"),
    ("/evidence", {"url": "javascript:alert(1)"}, "http"),
    ("/evidence", {"url": "https://x.dev/" + "a" * LONG}, "the most is 2,000"),
    ("/evidence", {"validator": "v" * LONG}, "the most is 300"),
    ("/evidence", {"kind": "competition", "metrics": "teams=nan"}, "finite number"),
    ("/evidence", {"kind": "competition", "metrics": "teams=inf"}, "finite number"),
    ("/evidence", {"kind": "competition", "metrics": "teams=" + "9" * 400}, "finite number"),
    ("/evidence", {"kind": "competition", "metrics": "teams"}, "key=value"),
    ("/evidence/1", {"title": ""}, "title"),
    ("/evidence/1", {"title": "x" * LONG}, "the most is 500"),
    ("/evidence/1/remove", {"confirm": ""}, "tick the box"),
    ("/evidence/imports/github", {"user": ""}, "give a GitHub login"),
    ("/evidence/imports/github", {"user": "../../orgs/x"}, "is not a GitHub login"),
    ("/evidence/imports/github", {"user": "x" * LONG}, "is not a GitHub login"),
    ("/evidence/imports/huggingface", {"user": "a b"}, "Hugging Face"),
    ("/evidence/imports/papers", {"id_type": "isbn"}, "look papers up by one of"),
    ("/evidence/imports/papers", {"ident": " "}, "give the id or name"),
    ("/evidence/imports/refresh", {"evidence_id": "-1"}, "is not an id"),
    ("/evidence/imports/refresh", {"evidence_id": "9" * 400}, "is not an id"),
    ("/evidence/imports/refresh", {"evidence_id": "one"}, "must be a whole number"),
    ("/journal/learn", {"hours": "nan"}, "hours"),
    ("/journal/learn", {"hours": "inf"}, "more than a day"),
    ("/journal/learn", {"hours": "-1"}, "more than 0"),
    ("/journal/learn", {"hours": "9" * 400}, "more than a day"),
    ("/journal/learn", {"hours": "   "}, "hours are missing"),
    ("/journal/learn", {"topic": ""}, "topic is missing"),
    ("/journal/learn", {"topic": "t" * LONG}, "the most is 500"),
    ("/journal/learn", {"date": "9" * 400}, "date"),
    ("/journal/do", {"evidence": "9" * 400}, "evidence"),
    ("/journal/do", {"evidence": "-1"}, "evidence"),
    ("/journal/do", {"artifact": "a" * LONG}, "http(s) address"),
    ("/ideas", {"title": ""}, "title"),
    ("/ideas", {"title": "t" * LONG}, "the most is 500"),
    ("/ideas", {"url": "https://x.dev/" + "a" * LONG}, "the most is 2,000"),
    ("/ideas/1/score", {"angle": "6"}, "from 1 to 5"),
    ("/ideas/1/score", {"angle": "nan"}, "must be a whole number"),
    ("/ideas/1/score", {"angle": "9" * 400}, "from 1 to 5"),
    ("/ideas/1/score", {"angle": ""}, "got nothing"),
    ("/ideas/1/score", {"goal": "fame"}, "unknown goal"),
    ("/ideas/3/baseline", {"artifact": ""}, "artifact"),
    ("/jobs/boards", {"ref": ""}, "give a board"),
    ("/jobs/boards", {"ref": "myspace:acme"}, "unknown source"),
    ("/jobs/boards", {"ref": "x" * LONG}, "unknown source"),
    ("/jobs/boards", {"size": "huge"}, "is not one of"),
    ("/jobs/boards", {"company": "c" * LONG}, "the most is 300"),
    ("/jobs/boards/unfollow", {"board": ""}, "unknown source"),
    ("/jobs/boards/unfollow", {"board": "greenhouse:acme"}, "is not followed"),
    ("/jobs/boards/fetch", {"board": ""}, "no boards followed yet"),
    ("/jobs/boards/fetch", {"board": "nowhere"}, "unknown source"),
    ("/tracker", {"company": ""}, "name a posting or a company"),
    ("/tracker", {"company": "c" * LONG}, "the most is 300"),
    ("/tracker", {"contact": "c" * LONG}, "the most is 200"),
    ("/tracker", {"email": "nope"}, "is not an email address"),
    ("/tracker", {"company": "", "posting": "-1"}, "is not an id"),
    ("/tracker", {"company": "", "posting": "9" * 400}, "is not an id"),
    ("/tracker", {"company": "", "posting": "999"}, "no posting with id 999"),
    ("/tracker", {"company": "", "posting": "1"}, "already tracked"),
    ("/tracker/1/move", {"status": "hired"}, "unknown status"),
    ("/tracker/1/move", {"status": "offer"}, "contacted"),
    ("/tracker/1/move", {"status": "hired", "back": "item"}, "unknown status"),
    ("/tracker/1/move", {"status": ""}, "status"),
    ("/tracker/1/draft", {"tone": "rude"}, "unknown tone"),
    ("/tracker/1/draft", {"max_words": "9" * 400}, "must be between 40 and 400"),
    ("/tracker/1/draft", {"max_words": "nan"}, "must be a whole number"),
    ("/tracker/1/draft", {"max_words": "-1"}, "must be between 40 and 400"),
    ("/tracker/1/draft/save", {"message": "9" * 400}, "is not an id"),
    ("/tracker/1/draft/save", {"message": "999"}, "has no draft 999"),
    ("/tracker/1/draft/save", {"subject": "s" * LONG}, "the most is 300"),
    ("/tracker/1/draft/save", {"body": " "}, "the email is empty"),
    ("/profile", {"name": ""}, "name"),
    ("/profile", {"name": "n" * LONG}, "the most is 200"),
    ("/profile", {"stage": "wizard"}, "unknown stage"),
    ("/profile", {"target": "wizard"}, "unknown stage"),
    ("/profile", {"hours_per_week": "nan"}, "must be a number"),
    ("/profile", {"hours_per_week": "1e309"}, "must be a number"),
    ("/profile", {"hours_per_week": "9" * 400}, "hours per week"),
    ("/profile", {"hours_per_week": "-5"}, "hours per week"),
    ("/profile", {"runway_months": "-1"}, "runway months"),
    ("/profile", {"github": "<b>x</b>"}, "is not a GitHub login"),
    ("/profile", {"website": "ftp://x"}, "http"),
    ("/profile", {"email": "e" * LONG}, "is not an address"),
]

# Paths with an id, as (method, path with {id}).
ID_ROUTES = [
    ("GET", "/evidence/{id}"),
    ("POST", "/evidence/{id}"),
    ("GET", "/evidence/{id}/remove"),
    ("POST", "/evidence/{id}/remove"),
    ("POST", "/journal/{id}/remove"),
    ("POST", "/ideas/{id}/score"),
    ("POST", "/ideas/{id}/pick"),
    ("POST", "/ideas/{id}/baseline"),
    ("GET", "/jobs/{id}"),
    ("POST", "/jobs/{id}/track"),
    ("GET", "/tracker/{id}"),
    ("POST", "/tracker/{id}/move"),
    ("POST", "/tracker/{id}/followup"),
    ("POST", "/tracker/{id}/draft"),
    ("POST", "/tracker/{id}/draft/save"),
]
BAD_IDS = ["0", "999", "2147483648", "9" * 400, "-1", "abc", "1.5", "%00", "１"]
# Pages read with a bad address: refused with the reason, nothing stored.
BAD_QUERIES = [
    "/evidence?page=0",
    "/evidence?page=two",
    "/evidence?page=" + "9" * 5000,
    "/jobs?page=nan",
    "/jobs?stage=wizard",
    "/jobs?source=myspace",
    "/jobs?q=" + "q" * LONG,
    "/jobs?plan_b=maybe",
    "/jobs?remote=%00",
    "/jobs?closed=2",
    "/jobs/1?stage=wizard",
    "/jobs/1?plan_b=maybe",
    "/ideas?goal=fame",
    "/ideas?weeks=0",
    "/ideas?weeks=" + "9" * 400,
    "/ideas?weeks=%1b",
    "/ideas/plan.ics?weeks=x",
    "/ideas/plan.ics?weeks=999",
    "/evidence/imports/no-such-job",
    "/jobs/boards/fetch/no-such-job",
    "/portfolio/download/..%2F..%2Fetc%2Fpasswd",
    "/portfolio/download/resume.exe",
    "/static/..%2F..%2Fapp.py",
    "/no-such-page",
]
# Addresses whose odd values only change what is shown: answered, never a crash.
HARMLESS_QUERIES = [
    "/jobs/1?tracked=²",
    "/jobs/1?tracked=" + "9" * 5000,
    "/evidence?sort=%00&dir=%ff",
    "/evidence?page=99999999999",
    "/jobs?page=99999999999",
    "/portfolio?include_self=%1b",
    "/tracker?moved=%00",
    "/ideas?added=<script>",
    "/?x=%00",
    "/journal?page=-1",
    "/profile?saved=<b>",
    "/jobs/boards?followed=%1b",
    "/portfolio/site?include_self=2",
]
CLI_OPTION = re.compile(r"(^|[\s(/])--[a-z]")  # "give --posting ID": the dashboard has no options
ALERT = re.compile(r'role="alert">(.*?)</p>', re.S)
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def hostile(tmp_path: Path, demo_database: Path) -> Iterator[Dashboard]:
    """The demo learner; every remote source's address is a closed local port."""
    nowhere = {name: NOWHERE for name in Settings.model_fields if name.endswith("_url")}
    settings = Settings(data_dir=tmp_path / "data", **nowhere)
    engine = copy_demo(demo_database, settings.data_dir)
    yield Dashboard(engine, settings, demo=True)
    engine.dispose()


def snapshot(web: Dashboard) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of every table."""
    with web.engine.connect() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        return {
            t: [tuple(row) for row in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in tables
        }


def said(response: Any) -> list[str]:
    """What a refusal says: the page's alerts, or the one line of a plain-text answer."""
    if response.headers.get("content-type", "").startswith("text/html"):
        texts = [TAG.sub("", m).strip() for m in ALERT.findall(response.text)]
        return [t for t in texts if t]
    lines = response.text.strip().splitlines()
    return lines if len(lines) == 1 else []


def assert_refused(
    web: Dashboard, before: dict[str, Any], response: Any, fragment: str = ""
) -> str:
    """`response` is a 4xx saying why in one short line (with `fragment`), nothing stored."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    messages = said(response)
    assert messages, f"a {response.status_code} that says nothing: {response.text[:300]}"
    assert "Traceback" not in response.text
    assert all(len(m) < 400 for m in messages), messages  # one line, not the whole value
    if fragment:
        assert any(fragment in m.replace("&#39;", "'") for m in messages), messages
    assert snapshot(web) == before, "a refusal changed what is stored"
    return messages[0]


def post(web: Dashboard, path: str, data: dict[str, str]) -> Any:
    return web.client.post(path, data={"csrf_token": web.token, **data})


# ---------------------------------------------------------------- the sweep covers every route


def test_the_tables_cover_every_route(hostile: Dashboard) -> None:
    """A new route joins these tables, or this fails."""
    covered = {re.sub(r"/\d+(?=/|$)", "/{id}", p) for p in [*FORMS, *NO_FIELDS]}
    covered |= {path for _, path in ID_ROUTES}
    covered |= {q.split("?")[0] for q in BAD_QUERIES + HARMLESS_QUERIES}
    covered.add("/evidence/imports/kaggle-csv")
    for route in hostile.app.routes:
        if not isinstance(route, Route):
            continue
        shape = re.sub(r"\{\w+:int\}", "{id}", route.path)
        shape = shape.replace("{source}", "github").replace("{name}", "resume.exe")
        shape = shape.replace("{job}", "no-such-job")
        assert shape in covered or route.path in covered, f"{route.path} is not swept"


# ---------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("path", "name"), [(path, name) for path, form in FORMS.items() for name in form]
)
def test_no_field_takes_a_character_a_page_cannot_show(
    hostile: Dashboard, path: str, name: str
) -> None:
    before = snapshot(hostile)
    for value in UNSHOWN:
        r = post(hostile, path, {**FORMS[path], name: value})
        line = assert_refused(hostile, before, r, name.replace("_", " "))
        assert "a character a form cannot show" in line


# Fields that hold no typed text (a choice, a box, a hidden field): a refusal has none to keep.
UNTYPED = {
    ("/evidence", "kind"), ("/evidence/1/remove", "confirm"),
    ("/evidence/imports/github", "no_token"), ("/evidence/imports/papers", "id_type"),
    ("/evidence/imports/refresh", "evidence_id"), ("/journal/learn", "certificate"),
    *(("/ideas/1/score", name) for name in FORMS["/ideas/1/score"]), ("/jobs/boards", "size"),
    ("/jobs/boards/unfollow", "board"), ("/jobs/boards/fetch", "board"),
    ("/tracker/1/move", "status"), ("/tracker/1/move", "back"), ("/tracker/1/followup", "back"),
    ("/tracker/1/draft", "tone"), ("/profile", "stage"), ("/profile", "target"),
}  # fmt: skip
# For each form, a request its route refuses for an ordinary bad value (the first in BAD_VALUES)
REFUSED_ALIKE = {path: (path, {**FORMS[path], **changes}) for path, changes, _ in BAD_VALUES[::-1]}
REFUSED_ALIKE["/tracker/1/followup"] = ("/tracker/2/followup", {})  # none due: refused
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def page_of(response: Any) -> tuple[int, str, str | None]:
    """Which page answered: its status, its title and the address it shows."""
    found = TITLE.search(response.text)
    title = found.group(1) if found else ""
    return response.status_code, title, response.headers.get("hx-replace-url")


@pytest.mark.parametrize(
    ("path", "name"), [(path, name) for path, form in FORMS.items() for name in form]
)
def test_a_character_a_page_cannot_show_is_refused_like_any_bad_value(
    hostile: Dashboard, path: str, name: str
) -> None:
    """Not the general error page: the form's own page, as for any other refused value, with
    the one-line error and what was typed (the unshown character taken out)."""
    assert set(REFUSED_ALIKE) == set(FORMS)
    before = snapshot(hostile)
    alike_path, alike_data = REFUSED_ALIKE[path]
    alike = post(hostile, alike_path, alike_data)
    r = post(hostile, path, {**FORMS[path], name: "Typed \x1b[2Jtext\x00"})
    line = assert_refused(hostile, before, r, name.replace("_", " "))
    assert "a character a form cannot show (\\x1b, at position 7)" in line
    assert page_of(r) == page_of(alike), "not the page an ordinary refusal shows"
    if (path, name) not in UNTYPED:
        assert "Typed [2Jtext" in r.text, "what was typed is lost"


@pytest.mark.parametrize(("path", "changes", "fragment"), BAD_VALUES)
def test_a_bad_value_is_refused_with_its_reason(
    hostile: Dashboard, path: str, changes: dict[str, str], fragment: str
) -> None:
    before = snapshot(hostile)
    r = post(hostile, path, {**FORMS[path], **changes})
    line = assert_refused(hostile, before, r, fragment)
    assert not CLI_OPTION.search(line), f"worded for the CLI: {line}"


@pytest.mark.parametrize("path", list(FORMS))
def test_a_form_with_every_field_missing_is_refused_or_harmless(
    hostile: Dashboard, path: str
) -> None:
    """Fields left out read as empty: refused, or (where every field may be empty) done."""
    before = snapshot(hostile)
    r = post(hostile, path, {})
    if r.status_code == 303:
        return
    assert_refused(hostile, before, r)


def test_a_repeated_field_counts_once(hostile: Dashboard) -> None:
    before = snapshot(hostile)
    body = f"csrf_token={hostile.token}&title=A&title=&kind=project&kind=rumour"
    r = hostile.client.post(
        "/evidence", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert_refused(hostile, before, r, "unknown evidence kind")  # the last value counts


def test_a_duplicate_submit_is_refused_where_a_second_would_be_wrong(hostile: Dashboard) -> None:
    track = {**FORMS["/tracker"], "company": "", "posting": "2"}
    assert post(hostile, "/tracker", track).status_code == 303
    before = snapshot(hostile)
    assert_refused(hostile, before, post(hostile, "/tracker", track), "already tracked")
    assert post(hostile, "/journal/1/remove", {}).status_code == 303
    before = snapshot(hostile)
    assert_refused(hostile, before, post(hostile, "/journal/1/remove", {}), "no journal entry")


def test_a_refusal_for_a_card_without_its_form_is_still_shown(hostile: Dashboard) -> None:
    """Application 2 has no follow-up due, so the board has no follow-up form for it: the
    refusal still says why (it used to be a silent 422)."""
    before = snapshot(hostile)
    r = post(hostile, "/tracker/2/followup", {})
    assert_refused(hostile, before, r, "follow-up")


# ---------------------------------------------------------------- ids, addresses, files


@pytest.mark.parametrize(("method", "path"), ID_ROUTES)
def test_an_id_that_names_nothing_is_a_missing_page(
    hostile: Dashboard, method: str, path: str
) -> None:
    before = snapshot(hostile)
    for value in BAD_IDS:
        address = path.format(id=value)
        r = hostile.get(address) if method == "GET" else post(hostile, address, {})
        assert r.status_code in (404, 405), (address, r.status_code)
        assert_refused(hostile, before, r)


@pytest.mark.parametrize("address", BAD_QUERIES, ids=lambda a: a[:40])
def test_a_bad_address_is_refused_with_its_reason(hostile: Dashboard, address: str) -> None:
    before = snapshot(hostile)
    line = assert_refused(hostile, before, hostile.get(address))
    assert not CLI_OPTION.search(line), f"worded for the CLI: {line}"


@pytest.mark.parametrize("address", HARMLESS_QUERIES, ids=lambda a: a[:40])
def test_an_odd_address_that_only_changes_the_view_is_answered(
    hostile: Dashboard, address: str
) -> None:
    before = snapshot(hostile)
    assert hostile.get(address).status_code == 200
    assert snapshot(hostile) == before


@pytest.mark.parametrize(
    ("files", "fragment"),
    [
        ({}, "choose a CSV file"),
        ({"file": ("x.csv", b"\xff\xfe\x00bad")}, "is not a UTF-8 text file"),
        ({"file": ("", b"a,b")}, "choose a CSV file"),
    ],
)
def test_a_bad_upload_is_refused(hostile: Dashboard, files: dict[str, Any], fragment: str) -> None:
    before = snapshot(hostile)
    r = hostile.client.post(
        "/evidence/imports/kaggle-csv", data={"csrf_token": hostile.token}, files=files or None
    )
    assert_refused(hostile, before, r, fragment)


# ---------------------------------------------------------------- the request itself


FORM_PATHS = [*FORMS, *NO_FIELDS, "/evidence/imports/kaggle-csv"]


@pytest.mark.parametrize("path", FORM_PATHS)
def test_a_post_without_the_token_or_with_a_stale_one_is_refused(
    hostile: Dashboard, path: str
) -> None:
    before = snapshot(hostile)
    data = FORMS.get(path, {})
    assert_refused(hostile, before, hostile.client.post(path, data=data), "stale")
    stale = {"csrf_token": "0" * 64, **data}
    assert_refused(hostile, before, hostile.client.post(path, data=stale), "stale")


MALFORMED = [
    ("multipart/form-data; boundary=zz", b"no parts here", "multipart"),
    ("multipart/form-data", b"--zz\r\n", "boundary"),
    ("application/x-www-form-urlencoded", b"&".join(b"f%d=1" % i for i in range(1500)), "fields"),
]


@pytest.mark.parametrize(("content_type", "body", "fragment"), MALFORMED)
@pytest.mark.parametrize("header_token", [False, True])
def test_a_body_no_form_parser_can_read_is_a_400(
    hostile: Dashboard, content_type: str, body: bytes, fragment: str, header_token: bool
) -> None:
    """With the token in the header the route reads the body; without it the CSRF guard must
    (it used to answer both with a 500)."""
    before = snapshot(hostile)
    headers = {"content-type": content_type}
    if header_token:
        headers["x-csrf-token"] = hostile.token
    elif content_type.endswith("urlencoded"):
        body += f"&csrf_token={hostile.token}".encode()
    r = hostile.client.post("/journal/learn", content=body, headers=headers)
    assert r.status_code == 400
    assert_refused(hostile, before, r, fragment)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/json", b'{"topic": "x", "hours": 1}'),
        ("text/plain", b"topic=x&hours=1"),
        ("application/x-www-form-urlencoded", b"topic=%ff%fe&hours=1"),
    ],
)
def test_a_body_in_another_shape_stores_nothing(
    hostile: Dashboard, content_type: str, body: bytes
) -> None:
    before = snapshot(hostile)
    headers = {"content-type": content_type, "x-csrf-token": hostile.token}
    r = hostile.client.post("/journal/learn", content=body, headers=headers)
    assert_refused(hostile, before, r)


def test_a_huge_body_is_refused_before_it_is_read(hostile: Dashboard) -> None:
    before = snapshot(hostile)
    body = b"topic=" + b"x" * 2_000_000
    headers = {"content-type": "application/x-www-form-urlencoded", "x-csrf-token": hostile.token}
    r = hostile.client.post("/journal/learn", content=body, headers=headers)
    assert r.status_code == 413
    assert_refused(hostile, before, r, "at most 1 MB")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_a_method_the_dashboard_does_not_use_is_a_405(hostile: Dashboard, method: str) -> None:
    before = snapshot(hostile)
    headers = {"x-csrf-token": hostile.token}
    r = hostile.client.request(method, "/journal/learn", headers=headers)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD, POST"
    assert_refused(hostile, before, r, method)
    assert_refused(hostile, before, hostile.get("/journal/learn"), "Method Not Allowed")


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example:8000", ""])
def test_a_foreign_host_is_refused(hostile: Dashboard, host: str) -> None:
    before = snapshot(hostile)
    r = hostile.client.post(
        "/ideas", data={"csrf_token": hostile.token, **FORMS["/ideas"]}, headers={"host": host}
    )
    assert_refused(hostile, before, r, "Host")


# ---------------------------------------------------------------- text shows as typed


def test_markup_in_text_is_shown_literally(hostile: Dashboard) -> None:
    title = "<script>alert(1)</script> [bold red]loud[/] {{ 7*7 }}"
    r = post(hostile, "/evidence", {**FORMS["/evidence"], "title": title})
    assert r.status_code == 303
    for page in (r.headers["location"], "/evidence"):
        html = hostile.get(page).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold red]loud[/] {{ 7*7 }}" in html
        assert "<script>alert(1)" not in html


def test_markup_in_a_refused_value_is_shown_literally(hostile: Dashboard) -> None:
    before = snapshot(hostile)
    r = post(hostile, "/jobs/boards", {**FORMS["/jobs/boards"], "ref": "<img src=x>[b]"})
    line = assert_refused(hostile, before, r, "unknown source")
    assert "&lt;img src=x&gt;[b]" in line and "<img" not in r.text.split("<main", 1)[1]


@pytest.mark.parametrize(
    ("path", "back"),
    [
        ("/journal/learn", '<a href="/journal">Back to Journal</a>'),
        ("/tracker/1/draft", '<a href="/tracker">Back to Tracker</a>'),
        ("/jobs/boards", '<a href="/jobs">Back to Jobs</a>'),
        ("/profile", '<a href="/profile">Back to Profile</a>'),
    ],
)
def test_a_form_refused_on_the_error_page_links_back_to_its_page(
    hostile: Dashboard, path: str, back: str
) -> None:
    """A body no form parser reads gets the error page, linked back to the form's page."""
    content_type, body, _ = MALFORMED[1]
    headers = {"content-type": content_type, "x-csrf-token": hostile.token}
    r = hostile.client.post(path, content=body, headers=headers)
    assert r.status_code == 400 and back in r.text
