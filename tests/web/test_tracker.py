"""The Tracker page: the board by status with only the moves the transition table allows,
follow-ups due at the top, the add form, and each application's outreach draft (generated,
edited, saved; never sent)."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from pathlib import Path

import pytest

from hireable.core.tracker import STATUSES, allowed_moves
from hireable.services.tracker import add_application, move_application
from hireable.store.db import session_scope
from hireable.store.models import Application, Message, Posting
from tests.web.conftest import TODAY, Dashboard

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
JS = Path(__file__).resolve().parents[2] / "src" / "hireable" / "web" / "static" / "hireable.js"


def _add(web: Dashboard, **fields: str) -> int:
    r = web.post("/tracker", {"company": "Acme", **fields})
    assert r.status_code == 303, r.text
    found = re.fullmatch(r"/tracker/(\d+)\?added=1", r.headers["location"])
    assert found
    return int(found.group(1))


def _contacted(web: Dashboard, company: str, days_ago: int, contact: str = "Jane Doe") -> int:
    """An application contacted `days_ago` days before TODAY (its schedule runs from then)."""
    with session_scope(web.engine) as s:
        app = add_application(session=s, company=company, contact=contact)
        day = TODAY - dt.timedelta(days=days_ago)
        move_application(session=s, application_id=app.id, status="contacted", today=day)
        return app.id


def _state(web: Dashboard, app_id: int) -> tuple[str, dt.date | None, int, int]:
    with session_scope(web.engine) as s:
        app = s.get(Application, app_id)
        assert app is not None
        return app.status, app.next_followup, app.followups_done, len(app.messages)


def _card(html: str, app_id: int) -> str:
    return html.split(f'id="app-{app_id}"', 1)[1].split("</article>", 1)[0]


def _column(html: str, status: str) -> str:
    return html.split(f'id="col-{status}"', 1)[1].split("</section>", 1)[0]


def _moves(fragment: str) -> list[str]:
    return re.findall(r'name="status" value="([a-z]+)"', fragment)


def _errors(html: str) -> list[str]:
    return [htmllib.unescape(e) for e in re.findall(r'notice-error" role="alert">(.*?)</p>', html)]


def _textarea(html: str) -> str:
    raw = html.split('<textarea id="draft-body" name="body"', 1)[1].split(">", 1)[1]
    return htmllib.unescape(raw.split("</textarea>", 1)[0])


def _drafts(web: Dashboard, app_id: int) -> list[tuple[str | None, str]]:
    with session_scope(web.engine) as s:
        rows = s.query(Message).filter_by(application_id=app_id, kind="draft").order_by(Message.id)
        return [(m.subject, m.body) for m in rows]


# ---------------------------------------------------------------- the board


def test_the_board_renders_on_an_empty_workspace(web: Dashboard) -> None:
    r = web.get("/tracker")
    assert r.status_code == 200
    assert '<a href="/tracker" aria-current="page">Tracker</a>' in r.text
    assert "Nothing tracked yet: add a company" in r.text
    assert re.findall(r'<h3 id="col-([a-z]+)">', r.text) == list(STATUSES)  # pipeline order
    assert "Follow-ups due today" not in r.text
    assert "never sends anything" in r.text
    assert "<script>" not in r.text


def test_the_board_renders_on_the_demo_with_the_due_follow_up_at_the_top(
    demo_web: Dashboard,
) -> None:
    html = demo_web.get("/tracker").text
    assert "Demo learner" in html
    assert "Ledgerly" in _column(html, "contacted") and "Loamwise" in _column(html, "saved")
    due = html.split('id="due-h"', 1)[1].split("</section>", 1)[0]
    assert "Ledgerly" in due and "Priya Raman" in due and "due today" in due
    assert html.index('id="due-h"') < html.index('id="tr-next-h"') < html.index('id="board-h"')
    assert "1 follow-up due today: send it, then record it as followed up." in html


def test_each_card_shows_company_title_contact_and_next_follow_up(demo_web: Dashboard) -> None:
    html = demo_web.get("/tracker").text
    card = _card(html, 1)
    assert '<a href="/tracker/1">Ledgerly</a>' in card
    assert "Applied ML Engineer, Document AI" in card
    assert "Priya Raman" in card and "priya@ledgerly.example" in card
    assert "Follow up: due today" in card


def test_cards_offer_exactly_the_moves_the_table_allows(web: Dashboard) -> None:
    app_id = _add(web)
    for status in ("saved", "contacted", "interviewing", "offer"):
        html = web.get("/tracker").text
        assert f'id="app-{app_id}"' in _column(html, status)
        assert _moves(_card(html, app_id)) == [s for s, _ in allowed_moves(status)]
        if status != "offer":
            nxt = {"saved": "contacted", "contacted": "interviewing", "interviewing": "offer"}
            r = web.post(f"/tracker/{app_id}/move", {"status": nxt[status]})
            assert r.status_code == 303
            assert r.headers["location"] == f"/tracker?moved={app_id}#app-{app_id}"
    assert "<form" not in _card(web.get("/tracker").text, app_id)  # offer is final


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("offer", "cannot move from saved to offer; from saved you can move to: contacted"),
        ("interviewing", "cannot move from saved to interviewing"),
        ("saved", "the application is already saved"),
        ("hired", "unknown status 'hired'"),
        ("", "unknown status ''"),
    ],
)
def test_a_forged_move_is_refused_inline_and_changes_nothing(
    web: Dashboard, status: str, message: str
) -> None:
    app_id = _add(web, contact="Jane Doe")
    before = _state(web, app_id)
    r = web.post(f"/tracker/{app_id}/move", {"status": status})
    assert r.status_code == 422
    [error] = _errors(r.text)
    assert error.startswith(message) and "\n" not in error
    assert message in htmllib.unescape(_card(r.text, app_id))  # shown on the card it concerns
    assert r.headers["hx-replace-url"] == "/tracker"
    assert _state(web, app_id) == before


def test_a_move_from_the_application_page_returns_there(web: Dashboard) -> None:
    app_id = _add(web, contact="Jane Doe")
    r = web.post(f"/tracker/{app_id}/move", {"status": "contacted", "back": "item"})
    assert r.headers["location"] == f"/tracker/{app_id}?moved=1"
    assert _state(web, app_id)[:2] == ("contacted", TODAY + dt.timedelta(days=7))
    r = web.post(f"/tracker/{app_id}/move", {"status": "offer", "back": "item"})
    assert r.status_code == 422
    assert _errors(r.text)[0].startswith("cannot move from contacted to offer")
    assert r.headers["hx-replace-url"] == f"/tracker/{app_id}"
    assert _state(web, app_id)[0] == "contacted"


# ---------------------------------------------------------------- follow-ups


def test_follow_ups_due_today_or_overdue_are_listed_at_the_top_oldest_first(
    web: Dashboard,
) -> None:
    today_id = _contacted(web, "Today Co", 7)
    late_id = _contacted(web, "Late Co", 10)
    _contacted(web, "Later Co", 2)  # due in five days: not listed
    html = web.get("/tracker").text
    due = html.split('id="due-h"', 1)[1].split("</section>", 1)[0]
    assert re.findall(r'<a href="/tracker/(\d+)">', due) == [str(late_id), str(today_id)]
    assert "3 days overdue" in due and "due today" in due and "Later Co" not in due
    assert "2 follow-ups due today (1 overdue): send them, then record each" in html
    assert "followup-overdue" in html  # the tracker's warning, as `status` gives it
    assert "Follow up: due 2026-11-30" in _card(html, 3)


def test_followed_up_records_it_and_schedules_the_next(web: Dashboard) -> None:
    app_id = _contacted(web, "Acme", 7)
    r = web.post(f"/tracker/{app_id}/followup", {})
    assert r.status_code == 303
    assert r.headers["location"] == f"/tracker?followed={app_id}#app-{app_id}"
    assert _state(web, app_id) == ("contacted", TODAY + dt.timedelta(days=7), 1, 1)
    html = web.get("/tracker").text
    assert "Follow-ups due today" not in html
    assert "the next is to Acme on 2026-12-02" in html
    item = web.get(f"/tracker/{app_id}").text
    assert "Follow-up 1 of 2 sent on 2026-11-25." in item  # the history


def test_a_follow_up_with_none_scheduled_is_refused_inline(web: Dashboard) -> None:
    app_id = _add(web)
    before = _state(web, app_id)
    r = web.post(f"/tracker/{app_id}/followup", {"back": "item"})
    assert r.status_code == 422
    assert _errors(r.text) == [f"application {app_id} has no follow-up scheduled: it is saved"]
    assert _state(web, app_id) == before


# ---------------------------------------------------------------- adding


def test_adding_a_company_opens_its_page(web: Dashboard) -> None:
    app_id = _add(web, contact="Jane Doe", email="jane@acme.example")
    html = web.get(f"/tracker/{app_id}?added=1").text
    assert "<h1>Acme</h1>" in html and "Tracking it (saved)" in html
    assert "Write to Acme: generate a draft below" in html
    assert "jane@acme.example" in html
    assert _moves(html) == [s for s, _ in allowed_moves("saved")]


def test_adding_from_a_posting_takes_its_company_and_title(demo_web: Dashboard) -> None:
    with session_scope(demo_web.engine) as s:
        posting = s.query(Posting).filter(Posting.company == "Tessellate Labs").one()
        posting_id, title = posting.id, posting.title
    r = demo_web.post("/tracker", {"posting": str(posting_id)})
    assert r.status_code == 303
    app_id = int(r.headers["location"].split("/")[2].split("?")[0])
    html = demo_web.get(f"/tracker/{app_id}").text
    assert "<h1>Tessellate Labs</h1>" in html and htmllib.escape(title or "") in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"company": ""}, "name a posting or a company"),
        ({"email": "jane-at-acme"}, "'jane-at-acme' is not an email address"),
        ({"company": "", "posting": "999"}, "no posting with id 999"),
        ({"posting": "two"}, "posting id 'two' must be a whole number"),
        ({"posting": "99999999999"}, "posting id 99999999999 is not an id"),
        ({"posting": "0"}, "posting id 0 is not an id"),
        ({"company": "x" * 301}, "application company is 301 characters long; the most is 300"),
        ({"contact": "J" * 201}, "application contact name is 201 characters long"),
    ],
)
def test_bad_input_to_add_is_rejected_inline_with_the_values_kept(
    web: Dashboard, fields: dict[str, str], message: str
) -> None:
    data = {"company": "Acme", "contact": "Jane Doe", **fields}
    r = web.post("/tracker", data)
    assert r.status_code == 422
    [error] = _errors(r.text)
    assert error.startswith(message)
    assert f'value="{data["contact"]}"' in r.text  # what was typed stays in the form
    assert web.count(Application) == 0


def test_a_posting_tracked_twice_is_refused(demo_web: Dashboard) -> None:
    with session_scope(demo_web.engine) as s:
        posting_id = s.get(Application, 1).posting_id  # type: ignore[union-attr]
    r = demo_web.post("/tracker", {"posting": str(posting_id)})
    assert r.status_code == 422
    assert f"posting {posting_id} is already tracked as application 1" in _errors(r.text)[0]
    assert demo_web.count(Application) == 2


# ---------------------------------------------------------------- the outreach draft


def test_draft_generate_edit_save_round_trip(web: Dashboard) -> None:
    app_id = _add(web, contact="Jane Doe")
    page = web.get(f"/tracker/{app_id}").text
    assert "No draft yet" in page and _textarea(page) == ""
    r = web.post(
        f"/tracker/{app_id}/draft",
        {"tone": "brief", "max_words": "90", "product": "your OCR tool", "impressed": "its speed"},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/tracker/{app_id}?drafted=1#draft-h"
    [(subject, body)] = _drafts(web, app_id)
    assert body.startswith("Hi Jane,") and "your OCR tool; its speed stood out" in body
    page = web.get(f"/tracker/{app_id}").text
    assert _textarea(page) == body
    assert f'value="{htmllib.escape(subject or "")}"' in page
    message_id = re.search(r'name="message" value="(\d+)"', page).group(1)  # type: ignore[union-attr]

    edited = body.replace("Hi Jane,", "Dear Jane,").replace("\n", "\r\n")  # as browsers send it
    r = web.post(
        f"/tracker/{app_id}/draft/save",
        {"message": message_id, "subject": "  A question  about\nroles ", "body": edited},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/tracker/{app_id}?saved=1#draft-h"
    assert _drafts(web, app_id) == [("A question about roles", edited.replace("\r\n", "\n"))]
    page = web.get(f"/tracker/{app_id}?saved=1").text
    assert "Draft saved." in page and _textarea(page).startswith("Dear Jane,")

    assert web.post(f"/tracker/{app_id}/draft", {"tone": "formal"}).status_code == 303
    drafts = _drafts(web, app_id)
    assert len(drafts) == 2 and drafts[0][1].startswith("Dear Jane,")  # the edit is kept
    page = web.get(f"/tracker/{app_id}").text
    assert _textarea(page).startswith("Dear Jane Doe,")  # the newest draft is the one shown
    history = page.split('id="history-h"', 1)[1]
    assert "earlier draft" in history and "A question about roles" in history


def test_a_draft_written_from_scratch_is_stored_as_a_new_draft(web: Dashboard) -> None:
    app_id = _add(web)
    r = web.post(
        f"/tracker/{app_id}/draft/save", {"message": "", "subject": "", "body": "Hello Acme."}
    )
    assert r.status_code == 303
    assert _drafts(web, app_id) == [(None, "Hello Acme.")]


def test_the_draft_page_says_what_to_fill_in_and_that_nothing_is_sent(web: Dashboard) -> None:
    app_id = _add(web)
    web.post(f"/tracker/{app_id}/draft", {})
    page = web.get(f"/tracker/{app_id}").text
    assert "hireable never sends mail" in page
    assert (
        "Fill in <code>[one specific thing about their product that impressed you]</code>" in page
    )
    assert re.search(r"<li>\d+ words\.</li>", page)
    assert "Send the draft below from your email client, then move this to contacted" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"tone": "shouty"}, "unknown tone 'shouty'; choose one of: friendly, formal, brief"),
        ({"max_words": "9"}, "max words must be between 40 and 400, not 9"),
        ({"max_words": "many"}, "max words 'many' must be a whole number"),
        ({"max_words": "40", "tone": "formal"}, "the shortest formal draft has"),
    ],
)
def test_bad_generate_input_is_rejected_inline_and_stores_no_draft(
    web: Dashboard, fields: dict[str, str], message: str
) -> None:
    app_id = _add(web)
    r = web.post(f"/tracker/{app_id}/draft", {"product": "your OCR tool", **fields})
    assert r.status_code == 422
    assert _errors(r.text)[0].startswith(message)
    assert 'value="your OCR tool"' in r.text
    assert _drafts(web, app_id) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "   "}, "the email is empty"),
        ({"subject": "x" * 301}, "message subject is 301 characters long"),
        ({"body": "word " * 5000}, "the email has 24999 characters"),
        ({"message": "999"}, "application 1 has no draft 999"),
        ({"message": "abc"}, "draft id 'abc' must be a whole number"),
    ],
)
def test_a_bad_save_is_rejected_inline_keeping_the_text_and_the_stored_draft(
    web: Dashboard, fields: dict[str, str], message: str
) -> None:
    app_id = _add(web)
    web.post(f"/tracker/{app_id}/draft", {})
    before = _drafts(web, app_id)
    data = {"message": "1", "subject": "Typed subject", "body": "My own words", **fields}
    r = web.post(f"/tracker/{app_id}/draft/save", data)
    assert r.status_code == 422
    assert _errors(r.text)[0].startswith(message)
    if "body" not in fields:
        assert _textarea(r.text) == "My own words"  # what was typed is not lost
    assert _drafts(web, app_id) == before


def test_a_draft_of_another_application_cannot_be_overwritten(web: Dashboard) -> None:
    first, second = _add(web), _add(web, company="Beta")
    web.post(f"/tracker/{first}/draft", {})
    before = _drafts(web, first)
    r = web.post(f"/tracker/{second}/draft/save", {"message": "1", "body": "Hijacked"})
    assert r.status_code == 422
    assert _drafts(web, first) == before and _drafts(web, second) == []


def test_the_copy_buttons_need_javascript_and_the_textarea_does_not(web: Dashboard) -> None:
    app_id = _add(web)
    web.post(f"/tracker/{app_id}/draft", {})
    page = web.get(f"/tracker/{app_id}").text
    assert '<button type="button" class="secondary" data-copy="draft-body" hidden>' in page
    assert 'data-copy="draft-subject"' in page and 'id="draft-subject"' in page
    assert "select the text and copy it" in page
    assert "<script>" not in page and "onclick" not in page
    script = JS.read_text(encoding="utf-8")
    assert "button[data-copy]" in script and "navigator.clipboard.writeText" in script


# ---------------------------------------------------------------- ids, escaping, CSRF


@pytest.mark.parametrize(
    "path", ["/tracker/1", "/tracker/0", "/tracker/2147483648", "/tracker/99999999999999999999"]
)
def test_an_unknown_or_impossible_id_is_a_404_page(web: Dashboard, path: str) -> None:
    r = web.get(path)
    assert r.status_code == 404
    assert "no application with id" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize("action", ["move", "followup", "draft", "draft/save"])
def test_posting_to_an_unknown_application_is_a_404(web: Dashboard, action: str) -> None:
    data = {"status": "contacted", "body": "Hello", "message": ""}
    assert web.post(f"/tracker/7/{action}", data).status_code == 404
    assert web.count(Message) == 0


def test_user_text_is_escaped_on_the_board_and_the_page(web: Dashboard) -> None:
    with session_scope(web.engine) as s:
        app = add_application(session=s, company=f"Evil {XSS}", contact=f"Mal {XSS}")
        move_application(
            session=s, application_id=app.id, status="contacted", today=TODAY - dt.timedelta(7)
        )
    for path in ("/tracker", "/tracker/1"):
        html = web.get(path).text
        assert XSS not in html
        assert f"Evil {ESCAPED}" in html and f"Mal {ESCAPED}" in html
    web.post("/tracker/1/draft/save", {"message": "", "body": f"Body {XSS}"})
    html = web.get("/tracker/1").text
    assert XSS not in html and f"Body {ESCAPED}" in html


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/tracker", {"company": "Acme"}),
        ("/tracker/1/move", {"status": "contacted"}),
        ("/tracker/1/followup", {}),
        ("/tracker/1/draft", {}),
        ("/tracker/1/draft/save", {"message": "", "body": "Hi"}),
    ],
)
def test_a_post_without_the_token_is_403_and_changes_nothing(
    web: Dashboard, path: str, data: dict[str, str]
) -> None:
    app_id = _contacted(web, "Acme", 7)
    before = (web.count(Application), _state(web, app_id))
    assert web.post(path, data, token=False).status_code == 403
    assert web.post(path, {**data, "csrf_token": "0" * 64}, token=False).status_code == 403
    assert (web.count(Application), _state(web, app_id)) == before


def test_get_never_changes_data(demo_web: Dashboard) -> None:
    before = (demo_web.count(Application), demo_web.count(Message), _state(demo_web, 1))
    for path in ("/tracker", "/tracker/1", "/tracker/2"):
        assert demo_web.get(path).status_code == 200
    assert demo_web.get("/tracker/1/move?status=rejected").status_code == 405
    assert (demo_web.count(Application), demo_web.count(Message), _state(demo_web, 1)) == before


# ---------------------------------------------------------------- what to do next, per status


@pytest.mark.parametrize(
    ("moves", "expected"),
    [
        ([], "Write to Acme: generate a draft below"),
        (["applied"], "No follow-ups are scheduled (there is no contact to write to)"),
        (["contacted"], "Follow-up 1 of 2 is due 2026-12-02; until then, wait for a reply."),
        (["contacted", "interviewing"], "Interviewing: prepare a 30-second self-introduction"),
        (["contacted", "interviewing", "offer"], "An offer: congratulations."),
        (["rejected"], "Ask for one piece of feedback"),
        (["withdrawn"], "Closed. Write to the next company on your list."),
    ],
)
def test_each_application_page_says_what_to_do_next(
    web: Dashboard, moves: list[str], expected: str
) -> None:
    app_id = _add(web)
    for status in moves:
        assert web.post(f"/tracker/{app_id}/move", {"status": status}).status_code == 303
    page = web.get(f"/tracker/{app_id}").text
    nxt = page.split('id="next-h"', 1)[1].split("</section>", 1)[0]
    assert expected in htmllib.unescape(nxt)


def test_after_both_follow_ups_it_says_to_wait_or_move_on(web: Dashboard) -> None:
    app_id = _contacted(web, "Acme", 14)
    web.post(f"/tracker/{app_id}/followup", {})
    with session_scope(web.engine) as s:  # the second one came due a week later
        s.get(Application, app_id).next_followup = TODAY  # type: ignore[union-attr]
    web.post(f"/tracker/{app_id}/followup", {})
    assert _state(web, app_id)[1:3] == (None, 2)
    page = web.get(f"/tracker/{app_id}").text
    assert "Both follow-ups are sent: wait for a reply" in page
    assert "none scheduled" in page and "Followed up today" not in page


def test_interviews_under_way_are_a_next_step_on_the_board(web: Dashboard) -> None:
    app_id = _add(web)
    web.post(f"/tracker/{app_id}/move", {"status": "contacted"})
    web.post(f"/tracker/{app_id}/move", {"status": "interviewing"})
    html = web.get("/tracker").text
    assert "1 interview under way: prepare a 30-second self-introduction" in html


def test_a_stored_posting_link_that_is_no_web_address_is_no_link(web: Dashboard) -> None:
    """A row stored before sources' links were checked still holds `javascript:`: the
    application's page showed it as a clickable href."""
    with session_scope(web.engine) as s:
        posting = Posting(
            source="greenhouse:acme", external_id="1", title="ML Engineer", company="Acme",
            url="javascript:alert(7)", description="", text="", content_hash="h",
        )  # fmt: skip
        s.add(posting)
        s.flush()
        app_id = add_application(session=s, posting_id=posting.id).id
    page = web.get(f"/tracker/{app_id}").text
    assert "ML Engineer" in page and "javascript:" not in page
