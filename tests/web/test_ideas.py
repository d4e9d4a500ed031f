"""The Ideas & plan page: ideas scored on the five questions, the shortlist and the pick, the
baseline, the sprint plan by week and its calendar download."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re

import pytest

from hireable.core.ideas import FIELDS
from hireable.services.ideas import add_idea, pick_idea
from hireable.services.profile import ProfileChanges, create_profile
from hireable.store.db import session_scope
from hireable.store.models import Idea
from tests.web.conftest import TODAY, Dashboard

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SCORES = {"impress": "4", "quick_model": "3", "feasible": "5", "angle": "2", "excitement": "4"}


def _ideas(web: Dashboard) -> list[dict[str, object]]:
    with session_scope(web.engine) as s:
        return [
            {
                "id": i.id,
                "title": i.title,
                "url": i.url,
                "scores": [getattr(i, f) for f in FIELDS],
                "goal": i.goal,
                "picked": i.picked_at.date() if i.picked_at else None,
                "baseline": i.baseline_artifact,
            }
            for i in s.query(Idea).order_by(Idea.id)
        ]


def _add(web: Dashboard, title: str = "Speech search for radio archives", **fields: str) -> int:
    r = web.post("/ideas", {"title": title, **fields})
    assert r.status_code == 303, r.text
    found = re.fullmatch(r"/ideas\?added=(\d+)#idea-\d+", r.headers["location"])
    assert found
    return int(found.group(1))


def _profile(web: Dashboard) -> None:
    with session_scope(web.engine) as s:
        create_profile(session=s, changes=ProfileChanges("Ana", "ml-entry", "ml-entry", 12))


def _errors(html: str) -> list[str]:
    return [htmllib.unescape(e) for e in re.findall(r'notice-error" role="alert">(.*?)</p>', html)]


def _section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]


def _shortlist(html: str) -> list[tuple[int, int, str]]:
    """(score, idea id, goal) of each shortlisted idea, in order."""
    part = _section(html, "short-h")
    return [
        (int(score), int(i), goal)
        for score, i, goal in re.findall(
            r'<span class="score">(\d+)</span> <a href="#idea-(\d+)">.*?\[(\w+)\]', part
        )
    ]


# ---------------------------------------------------------------- rendering


def test_the_page_renders_on_an_empty_workspace_and_says_what_to_do(web: Dashboard) -> None:
    r = web.get("/ideas")
    assert r.status_code == 200
    assert '<a href="/ideas" aria-current="page">Ideas &amp; plan</a>' in r.text
    assert "Collect project ideas, 20–30 of them" in r.text
    assert "No ideas yet." in r.text and "None picked yet." in r.text
    plan = _section(r.text, "plan-h")
    assert '<a href="/profile">create your profile</a>' in plan
    assert "plan.ics" not in r.text
    assert "<script>" not in r.text


def test_the_page_renders_on_the_demo(demo_web: Dashboard) -> None:
    html = demo_web.get("/ideas").text
    assert "Demo learner" in html
    assert _shortlist(html) == [(83, 3, "resume"), (77, 1, "resume"), (55, 2, "resume")]
    assert "(1×3 + 1×5 + 1.5×4 + 2×5 + 1×3) = 27 / 32.5 → 83" in html
    assert "Get a baseline of idea 3 (Invoice field extraction with LayoutLM) running by " in html
    assert "Baseline due by <strong>2026-12-02</strong>" in html
    assert "only 3 ideas collected" in html  # the nudge to collect 20–30
    plan = _section(html, "plan-h")
    assert plan.count("<h3>Week ") == 4 and "Week 1 <span" in plan
    assert "from Monday Nov 23" in plan  # week 1 is this week
    assert '<a class="download" href="/ideas/plan.ics?weeks=4" hx-boost="false" download>' in plan


# ---------------------------------------------------------------- adding and scoring


def test_adding_an_idea(web: Dashboard) -> None:
    new_id = _add(web, url="https://example.org/data", note="A real archive")
    assert _ideas(web)[0]["title"] == "Speech search for radio archives"
    html = web.get(f"/ideas?added={new_id}").text
    assert "Idea added." in html and f'id="idea-{new_id}"' in html
    assert '<a href="https://example.org/data" rel="noopener noreferrer">' in html
    assert "Score 1 idea on the five questions, then pick one." in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "title is missing or empty"),
        ({"url": "ftp://example.org/x"}, "url 'ftp://example.org/x' must be an http(s) address"),
        ({"title": "t" * 501}, "idea title is 501 characters long; the most is 500"),
    ],
)
def test_bad_ideas_are_rejected_inline_with_the_values_kept(
    web: Dashboard, fields: dict[str, str], message: str
) -> None:
    r = web.post("/ideas", {"title": "Crop yield", "note": "Satellite tiles", **fields})
    assert r.status_code == 422
    assert _errors(r.text) == [message]
    assert 'value="Satellite tiles"' in r.text
    assert r.headers["hx-replace-url"] == "/ideas"
    assert _ideas(web) == []


def test_a_toy_idea_is_flagged(web: Dashboard) -> None:
    _add(web, "MNIST digit classifier")
    html = web.get("/ideas").text
    assert '<span class="signal">toy dataset</span>' in html
    assert "uses a toy dataset" in html


def test_scoring_an_idea_stores_the_answers_and_ranks_it(web: Dashboard) -> None:
    idea_id = _add(web)
    r = web.post(f"/ideas/{idea_id}/score", {**SCORES, "goal": "marketing"})
    assert (
        r.status_code == 303 and r.headers["location"] == f"/ideas?scored={idea_id}#idea-{idea_id}"
    )
    [idea] = _ideas(web)
    assert idea["scores"] == [4, 3, 5, 2, 4] and idea["goal"] == "marketing"
    html = web.get("/ideas").text
    assert _shortlist(html) == [(77, idea_id, "marketing")]  # 25 / 32.5
    assert "Answers: impress 4 · quick model 3 · feasible 5 · angle 2 · excitement 4" in html
    assert "Pick one idea from the shortlist" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"angle": ""}, "angle must be a whole number from 1 to 5 (got nothing)"),
        ({"impress": "6"}, "impress must be a whole number from 1 to 5 (got 6)"),
        ({"feasible": "0"}, "feasible must be a whole number from 1 to 5 (got 0)"),
        ({"excitement": "lots"}, "excitement 'lots' must be a whole number"),
        ({"goal": "fame"}, "unknown goal 'fame'; choose one of: resume, marketing, advocacy"),
    ],
)
def test_a_bad_score_is_rejected_inline_and_keeps_the_old_answers(
    web: Dashboard, changes: dict[str, str], message: str
) -> None:
    idea_id = _add(web)
    web.post(f"/ideas/{idea_id}/score", {**SCORES, "goal": "resume"})
    before = _ideas(web)
    # a changed answer beside the bad one: nothing of the form may be stored
    r = web.post(f"/ideas/{idea_id}/score", {**SCORES, "impress": "1", "goal": "resume", **changes})
    assert r.status_code == 422
    assert _errors(r.text) == [message]
    item = r.text.split(f'id="idea-{idea_id}"', 1)[1].split("</li>\n", 1)[0]
    assert message in htmllib.unescape(item) and "<details open>" in item  # shown by its form
    assert _ideas(web) == before


def test_the_shortlist_goal_filter_reweighs_every_idea(demo_web: Dashboard) -> None:
    html = demo_web.get("/ideas?goal=marketing").text
    shortlist = _shortlist(html)
    assert [i for _, i, _ in shortlist] == [1, 3, 2]  # the wow of idea 1 counts more
    assert {g for _, _, g in shortlist} == {"marketing"}
    assert '<option value="marketing" selected>' in html
    assert "30-second wow" in html  # the goal's rationale


def test_an_unknown_shortlist_goal_is_an_inline_error(demo_web: Dashboard) -> None:
    r = demo_web.get("/ideas?goal=fame")
    assert r.status_code == 400  # a bad address is refused, as on Evidence and Jobs
    assert _errors(r.text) == ["unknown goal 'fame'; choose one of: resume, marketing, advocacy"]
    assert [i for _, i, _ in _shortlist(r.text)] == [3, 1, 2]


# ---------------------------------------------------------------- pick and baseline


def test_picking_starts_the_baseline_clock(demo_web: Dashboard) -> None:
    r = demo_web.post("/ideas/1/pick", {})
    assert r.status_code == 303 and r.headers["location"] == "/ideas?picked=1#picked-h"
    picked = {i["id"]: i["picked"] for i in _ideas(demo_web)}
    assert picked == {1: TODAY, 2: None, 3: None}  # the old pick had no baseline: it stops
    html = demo_web.get("/ideas").text
    assert "Get a baseline of idea 1 (Speech search for local radio archives) running by " in html
    plan = _section(html, "plan-h")
    assert "on your idea <em>Speech search for local radio archives</em>" in plan


def test_recording_the_baseline(demo_web: Dashboard) -> None:
    r = demo_web.post("/ideas/3/baseline", {"artifact": "https://github.com/ada/invoices"})
    assert r.status_code == 303
    assert _ideas(demo_web)[2]["baseline"] == "https://github.com/ada/invoices"
    html = demo_web.get("/ideas").text
    assert "Beat the baseline of idea 3 (Invoice field extraction with LayoutLM)" in html
    assert "Baseline running since 2026-11-25" in html and "Record the baseline" not in html


@pytest.mark.parametrize(
    ("artifact", "message"),
    [
        ("", "the artifact needs the URL of the running baseline"),
        ("notebook.ipynb", "url 'notebook.ipynb' must be an http(s) address"),
    ],
)
def test_a_bad_baseline_is_rejected_inline(
    demo_web: Dashboard, artifact: str, message: str
) -> None:
    before = _ideas(demo_web)
    r = demo_web.post("/ideas/3/baseline", {"artifact": artifact})
    assert r.status_code == 422
    assert _errors(r.text)[0].startswith(message)
    assert _ideas(demo_web) == before


def test_a_late_baseline_says_move_on(web: Dashboard) -> None:
    with session_scope(web.engine) as s:
        idea = add_idea(session=s, title="Crop yield", url=None, note=None)
        pick_idea(session=s, idea_id=idea.id, today=TODAY - dt.timedelta(days=10))
    html = web.get("/ideas").text
    assert '<span class="rule">move-on</span>' in html
    assert "picked 10 days ago and no baseline runs yet" in html
    assert "No baseline of idea 1 (Crop yield) runs a week after you picked it" in html


# ---------------------------------------------------------------- the plan and its calendar


def test_the_plan_takes_a_number_of_weeks(demo_web: Dashboard) -> None:
    plan = _section(demo_web.get("/ideas?weeks=2").text, "plan-h")
    assert plan.count("<h3>Week ") == 2
    assert 'href="/ideas/plan.ics?weeks=2"' in plan


@pytest.mark.parametrize(
    ("weeks", "message"),
    [
        ("60", "weeks must be from 1 to 52 (got 60)"),
        ("two", "weeks 'two' must be a whole number"),
    ],
)
def test_a_bad_number_of_weeks_is_an_inline_error(
    demo_web: Dashboard, weeks: str, message: str
) -> None:
    r = demo_web.get(f"/ideas?weeks={weeks}")
    assert r.status_code == 400
    assert _errors(r.text) == [message]
    assert _section(r.text, "plan-h").count("<h3>Week ") == 4  # the default plan


def test_the_calendar_download(demo_web: Dashboard) -> None:
    r = demo_web.get("/ideas/plan.ics?weeks=2")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    assert r.headers["content-disposition"] == 'attachment; filename="hireable-plan.ics"'
    body = r.text
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 4  # a learn and a do block a week
    assert "DTSTART;VALUE=DATE:20261123" in body and "DTSTART;VALUE=DATE:20261130" in body
    unfolded = body.replace("\r\n ", "")
    assert (
        "SUMMARY:Learn (5 h): the evaluation protocol behind Invoice field extraction" in unfolded
    )
    assert "SUMMARY:Do (10 h): run the published baseline of Invoice field extraction" in unfolded


def test_the_calendar_matches_the_plan_shown(web: Dashboard) -> None:
    _profile(web)
    html = web.get("/ideas?weeks=3").text
    body = web.get("/ideas/plan.ics?weeks=3").text.replace("\r\n ", "")
    weeks = re.findall(r"<strong class=\"key-do\">Do</strong> \(([\d.]+) h\): (.*?)</li>", html)
    assert len(weeks) == 3
    for hours, what in weeks:
        assert f"SUMMARY:Do ({hours} h): {htmllib.unescape(what)}".replace(",", "\\,") in body


def test_the_calendar_without_a_profile_or_with_bad_weeks_is_a_calm_error(
    web: Dashboard,
) -> None:
    r = web.get("/ideas/plan.ics")
    assert r.status_code == 503 and "profile" in r.text and "Traceback" not in r.text
    _profile(web)
    r = web.get("/ideas/plan.ics?weeks=0")
    assert r.status_code == 400 and "weeks must be from 1 to 52 (got 0)" in r.text


# ---------------------------------------------------------------- ids, escaping, CSRF


@pytest.mark.parametrize("action", ["score", "pick", "baseline"])
@pytest.mark.parametrize("idea_id", ["999", "0", "2147483648", "99999999999999999999"])
def test_an_unknown_or_impossible_idea_is_a_404(web: Dashboard, action: str, idea_id: str) -> None:
    data = {**SCORES, "artifact": "https://example.org/nb"}
    r = web.post(f"/ideas/{idea_id}/{action}", data)
    assert r.status_code == 404 and "no idea with id" in r.text
    assert _ideas(web) == []


def test_user_text_is_escaped_everywhere_it_shows(web: Dashboard) -> None:
    _profile(web)
    idea_id = _add(web, f"Radio {XSS}", note=f"Note {XSS}")
    web.post(f"/ideas/{idea_id}/score", {**SCORES, "goal": "resume"})
    web.post(f"/ideas/{idea_id}/pick", {})
    html = web.get("/ideas").text
    assert XSS not in html
    for where in ("short-h", "picked-h", "list-h", "plan-h"):
        assert f"Radio {ESCAPED}" in _section(html, where), where
    assert f"Note {ESCAPED}" in html
    _add(web, "x", url=f'https://e.org/"{XSS}')
    html = web.get("/ideas").text
    assert XSS not in html and f'href="https://e.org/&#34;{ESCAPED}"' in html


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/ideas", {"title": "Crop yield"}),
        ("/ideas/1/score", SCORES),
        ("/ideas/1/pick", {}),
        ("/ideas/1/baseline", {"artifact": "https://example.org/nb"}),
    ],
)
def test_a_post_without_the_token_is_403_and_changes_nothing(
    web: Dashboard, path: str, data: dict[str, str]
) -> None:
    _add(web)
    before = _ideas(web)
    assert web.post(path, data, token=False).status_code == 403
    assert web.post(path, {**data, "csrf_token": "0" * 64}, token=False).status_code == 403
    assert _ideas(web) == before


def test_get_never_changes_data(demo_web: Dashboard) -> None:
    before = _ideas(demo_web)
    for path in ("/ideas", "/ideas?goal=advocacy&weeks=8", "/ideas/plan.ics"):
        assert demo_web.get(path).status_code == 200
    assert demo_web.get("/ideas/1/pick").status_code == 405
    assert _ideas(demo_web) == before
