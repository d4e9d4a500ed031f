"""The forms: the CLI's validation, bad input rejected inline with the values kept and nothing
stored; CSRF on every change; user text escaped."""

from __future__ import annotations

import pytest

from hireable.store.models import JournalEntry, Profile
from tests.web.conftest import TODAY, Dashboard

LEARN = {"topic": "Transformers course", "hours": "2", "date": "", "url": ""}
DO = {"topic": "Shipped a demo", "hours": "3", "date": "", "artifact": "https://x.dev/demo"}
PROFILE = {
    "name": "Ada",
    "stage": "ml-entry",
    "target": "ml-junior",
    "hours_per_week": "12",
    "runway_months": "6",
    "skills": "python, pytorch",
}
XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _profile(web: Dashboard) -> dict[str, object]:
    from hireable.services.profile import get_profile, profile_public
    from hireable.store.db import session_scope

    with session_scope(web.engine) as s:
        p = get_profile(s)
        return profile_public(p) if p else {}


# ---------------------------------------------------------------- journal


def test_logging_learn_and_do_stores_and_redirects(web: Dashboard) -> None:
    r = web.post("/journal/learn", {**LEARN, "certificate": "on"})
    assert r.status_code == 303 and r.headers["location"] == "/journal"
    assert web.post("/journal/do", DO).status_code == 303
    assert web.count(JournalEntry) == 2
    page = web.get("/journal").text
    assert "Transformers course" in page and "https://x.dev/demo" in page


@pytest.mark.parametrize(
    ("form", "data", "message"),
    [
        ("learn", {**LEARN, "hours": "abc"}, "hours &#39;abc&#39; must be a number"),
        ("learn", {**LEARN, "hours": "0"}, "hours must be more than 0"),
        ("learn", {**LEARN, "hours": "30"}, "more than a day"),
        ("learn", {**LEARN, "hours": ""}, "hours are missing"),
        ("learn", {**LEARN, "topic": "  "}, "topic is missing or empty"),
        ("learn", {**LEARN, "date": "2026-13-01"}, "does not exist on the calendar"),
        ("learn", {**LEARN, "date": "2099-01-01"}, "is in the future"),
        ("learn", {**LEARN, "url": "ftp://x"}, "must be an http(s) address"),
        ("do", {**DO, "artifact": ""}, "a do entry needs an artifact URL"),
        ("do", {**DO, "evidence": "x"}, "evidence id &#39;x&#39; must be a whole number"),
        ("do", {**DO, "evidence": "99"}, "99"),
    ],
)
def test_bad_journal_input_is_rejected_inline(
    web: Dashboard, form: str, data: dict[str, str], message: str
) -> None:
    r = web.post(f"/journal/{form}", data)
    assert r.status_code == 422
    assert r.headers["hx-replace-url"] == "/journal"
    assert 'class="notice notice-error" role="alert"' in r.text
    assert message in r.text
    assert f'value="{data["topic"].strip()}"' in r.text  # the values are kept
    assert web.count(JournalEntry) == 0


def test_the_journal_accepts_a_date_in_the_past(web: Dashboard) -> None:
    assert web.post("/journal/learn", {**LEARN, "date": "2026-11-02"}).status_code == 303
    assert "2026-11-02" in web.get("/journal").text


def test_removing_an_entry(web: Dashboard) -> None:
    web.post("/journal/learn", LEARN)
    assert web.post("/journal/1/remove", {}).status_code == 303
    assert web.count(JournalEntry) == 0


def test_removing_an_unknown_entry_is_a_404_page(web: Dashboard) -> None:
    r = web.post("/journal/42/remove", {})
    assert r.status_code == 404
    assert "no journal entry with id 42" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("path", ["/journal/learn", "/journal/do", "/journal/1/remove", "/profile"])
def test_a_post_without_a_valid_token_changes_nothing(web: Dashboard, path: str) -> None:
    web.post("/profile", PROFILE)
    web.post("/journal/learn", LEARN)
    before = (web.count(JournalEntry), _profile(web))
    data = {**LEARN, **DO, **PROFILE, "name": "Mallory"}
    assert web.post(path, data, token=False).status_code == 403
    assert web.post(path, {**data, "csrf_token": "f" * 64}, token=False).status_code == 403
    assert (web.count(JournalEntry), _profile(web)) == before


def test_get_never_changes_data(web: Dashboard) -> None:
    web.post("/journal/learn", LEARN)
    assert web.get("/journal/1/remove").status_code == 405
    assert web.count(JournalEntry) == 1


# ---------------------------------------------------------------- profile


def test_creating_then_editing_the_profile(web: Dashboard) -> None:
    r = web.post("/profile", PROFILE)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert _profile(web) == {
        "name": "Ada",
        "stage": "ml-entry",
        "target": "ml-junior",
        "hours_per_week": 12.0,
        "runway_months": 6.0,
        "skills": ["python", "pytorch"],
        "email": None,
        "website": None,
        "location": None,
        "github": None,
        "huggingface": None,
    }
    assert "Your profile" in web.get("/profile").text
    contact = {"email": "ada@example.org", "github": "@ada-l", "website": "https://ada.example"}
    assert web.post("/profile", {**PROFILE, **contact}).status_code == 303
    saved = _profile(web)
    assert (saved["email"], saved["github"], saved["website"]) == (
        "ada@example.org", "ada-l", "https://ada.example")
    r = web.post("/profile", {**PROFILE, "name": "Ada L.", "runway_months": "", "skills": ""})
    assert r.status_code == 303 and r.headers["location"] == "/profile?saved=1"
    after = _profile(web)
    assert after["name"] == "Ada L." and after["runway_months"] == 6.0 and after["skills"] == []
    assert "Profile saved." in web.get("/profile?saved=1").text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": " "}, "a new profile needs a name"),
        ({"stage": "wizard"}, "unknown stage &#39;wizard&#39;"),
        ({"stage": "ml-junior", "target": "ml-entry"}, "comes before the current stage"),
        ({"hours_per_week": "0"}, "more than 0 and at most 112"),
        ({"hours_per_week": "lots"}, "hours per week &#39;lots&#39; must be a number"),
        ({"runway_months": "-1"}, "must be a number from 0 to 1200"),
        ({"runway_months": "inf"}, "must be a number"),
        ({"email": "not-an-address"}, "an address like name@example.org"),
        ({"website": "javascript:alert(1)"}, "an http:// or https:// address"),
        ({"github": "-bad-"}, "a GitHub login"),
    ],
)
def test_bad_profile_input_is_rejected_inline(
    web: Dashboard, data: dict[str, str], message: str
) -> None:
    form = {**PROFILE, **data}
    r = web.post("/profile", form)
    assert r.status_code == 422
    assert message in r.text
    assert f'value="{form["hours_per_week"]}"' in r.text
    assert web.count(Profile) == 0


def test_bad_edits_leave_the_profile_as_it_was(web: Dashboard) -> None:
    web.post("/profile", PROFILE)
    before = _profile(web)
    r = web.post("/profile", {**PROFILE, "name": "", "hours_per_week": "500"})
    assert r.status_code == 422 and "Save profile" in r.text
    assert _profile(web) == before


# ---------------------------------------------------------------- escaping and secrets


def test_user_text_is_escaped_everywhere(web: Dashboard) -> None:
    web.post("/profile", {**PROFILE, "name": XSS, "skills": XSS})
    web.post("/journal/learn", {**LEARN, "topic": XSS})
    for path in ("/", "/journal", "/profile"):
        html = web.get(path).text
        assert XSS not in html
        assert ESCAPED in html


def test_rejected_input_is_escaped(web: Dashboard) -> None:
    r = web.post("/journal/learn", {**LEARN, "topic": XSS, "hours": XSS})
    assert r.status_code == 422
    assert XSS not in r.text and ESCAPED in r.text


def test_tokens_never_reach_a_page(web: Dashboard, monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import SecretStr
    from starlette.testclient import TestClient

    import hireable.web.routes.profile as profile_routes
    from hireable.errors import ValidationError
    from hireable.web.app import create_app

    settings = web.app.state.settings.model_copy(update={"github_token": SecretStr("ghp_s3cret")})
    app = create_app(settings, web.engine, today=lambda: TODAY)

    def leaky(*_: object, **__: object) -> None:
        raise ValidationError("GitHub said no to token ghp_s3cret")

    monkeypatch.setattr(profile_routes, "create_profile", leaky)
    client = TestClient(app, base_url="http://127.0.0.1")
    r = client.post("/profile", data={**PROFILE, "csrf_token": app.state.csrf.token()})
    assert r.status_code == 422
    assert "ghp_s3cret" not in r.text and "[hidden]" in r.text
