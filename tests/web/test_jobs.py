"""The Jobs page: the ranked list with its filters and pages, a posting with its score explained
and its text sanitised, "track this", and followed boards with follow, unfollow and fetch now."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import httpx
import pytest

from hireable.postings.rank import WEIGHTS
from hireable.services.ingest import store_postings
from hireable.services.job_listing import JobFilters, list_jobs
from hireable.services.profile import ProfileChanges, create_profile, update_profile
from hireable.services.rank_cache import RankCache
from hireable.services.ranking import rank_postings
from hireable.sources.jobs.base import PostingIn
from hireable.store.db import session_scope
from hireable.store.models import Application, Board, Evidence, Posting
from hireable.web.posting_html import mark_sentences, posting_body
from tests.jobs.conftest import FakeServer, serve_all
from tests.web.conftest import TODAY, Dashboard
from tests.web.conftest import wait_for_job as _wait

XSS_TITLE = "<script>alert(1)</script> ML Engineer"
XSS_COMPANY = '<img src=x onerror="alert(2)">Evil Corp'
XSS_TEXT = (
    "<p>Train models with PyTorch. No degree required; show us your work.</p>"
    "<script>alert(3)</script><img src=x onerror=alert(4)>"
    '<a href="javascript:alert(5)">apply here</a>'
    '<p onmouseover="alert(6)">hover</p><iframe src="https://evil.example"></iframe>'
    '<a href="https://example.com/apply">the real form</a>'
)


def _posting(n: int, **fields: object) -> PostingIn:
    values: dict[str, object] = {
        "external_id": f"p{n}",
        "title": f"Machine Learning Engineer {n}",
        "company": f"Company {n}",
        "description": "<p>Entry-level role. Train models with PyTorch and Python.</p>",
        "posted_at": dt.datetime(2026, 11, 20),
        **fields,
    }
    return PostingIn(**values)  # type: ignore[arg-type]


def _store(web: Dashboard, postings: list[PostingIn], source: str = "greenhouse:acme") -> None:
    with session_scope(web.engine) as s:
        store_postings(s, postings, default_source=source, single_company=False)


def _profile(web: Dashboard, target: str = "ml-entry") -> None:
    with session_scope(web.engine) as s:
        create_profile(
            session=s,
            changes=ProfileChanges("Ada", "ml-entry", target, skills=["python", "pytorch"]),
        )


def _ids(html_text: str) -> list[int]:
    if 'class="job-list"' not in html_text:
        return []
    listing = html_text.split('class="job-list"', 1)[1].split("</ol>", 1)[0]
    return [int(i) for i in re.findall(r'<h3><a href="/jobs/(\d+)', listing)]


def _ranked(web: Dashboard, limit: int = 100, **kw: object) -> list[int]:
    with session_scope(web.engine) as s:
        return [r.row.id for r in rank_postings(s, today=TODAY, limit=limit, **kw)]  # type: ignore[arg-type]


def _inline_error(html_text: str) -> str:
    found = re.search(r'<p class="notice notice-error" role="alert">(.*?)</p>', html_text, re.S)
    assert found, "no inline error"
    return html.unescape(found.group(1))


# ---------------------------------------------------------------- the list


def test_an_empty_workspace_says_what_to_do_next(web: Dashboard) -> None:
    r = web.get("/jobs")
    assert r.status_code == 200
    assert "No postings stored yet" in r.text
    assert '<a href="/jobs/boards">Follow a company' in r.text
    assert "<code>hireable jobs fetch</code>" in r.text
    assert '<a href="/profile">Create your profile</a>' in r.text
    assert '<a href="/jobs" aria-current="page">Jobs</a>' in r.text


def test_the_demo_list_is_the_ranking_of_jobs_rank(demo_web: Dashboard) -> None:
    html_text = demo_web.get("/jobs").text
    assert "Demo learner" in html_text
    assert _ids(html_text) == _ranked(demo_web) and len(_ids(html_text)) == 7
    assert "7 openings match, ranked for <strong>ml-entry</strong>" in html_text
    first = html_text.split('<li class="job-row">', 2)[1]
    assert '<span class="visually-hidden">score </span>100</span>' in first
    assert 'class="chip chip-for"' in first and "no degree asked" in first
    assert 'class="chip chip-against"' in first and "imported from a file" in first
    # The required-degree posting carries its reason against, with its points.
    required = next(w.points for w in WEIGHTS if (w.factor, w.case) == ("degree", "required"))
    assert "a degree is required <span" in html_text and f">{required}</span>" in html_text


def test_the_filters_are_a_get_form_that_works_without_javascript(demo_web: Dashboard) -> None:
    html_text = demo_web.get("/jobs").text
    form = html_text.split('<form class="card job-filters"', 1)[1].split("</form>", 1)[0]
    assert 'method="get" action="/jobs"' in form
    for name in ("q", "stage", "source", "remote", "plan_b", "closed"):
        assert f'name="{name}"' in form
    assert '<option value="ml-entry" selected>' in form  # the profile's target stage


def test_remote_only_and_search_narrow_the_ranking_in_order(demo_web: Dashboard) -> None:
    full = _ranked(demo_web)
    with session_scope(demo_web.engine) as s:
        remote = {p.id for p in s.query(Posting) if p.remote}
        parcelbird = {p.id for p in s.query(Posting) if p.company == "Parcelbird"}
    assert remote and parcelbird
    assert _ids(demo_web.get("/jobs?remote=on").text) == [i for i in full if i in remote]
    assert _ids(demo_web.get("/jobs?q=parcelBIRD").text) == [i for i in full if i in parcelbird]
    words = _ids(demo_web.get("/jobs?q=machine+intern").text)
    assert len(words) == 1  # every word must be in the title or the company
    assert "Nothing matches these filters" in demo_web.get("/jobs?q=zzzz").text


def test_stage_and_plan_b_rank_as_the_cli_does(demo_web: Dashboard) -> None:
    junior = demo_web.get("/jobs?stage=ml-junior").text
    assert _ids(junior) == _ranked(demo_web, stage="ml-junior")
    assert "ranked for <strong>ml-junior</strong>" in junior
    plan_b = demo_web.get("/jobs?plan_b=on").text
    assert _ids(plan_b) == _ranked(demo_web, plan_b=True)
    assert "plan B: analytics, close to ML" in plan_b
    assert "plan B: analytics" not in demo_web.get("/jobs").text
    # The posting links carry the stage, so the posting scores the same way.
    assert 'href="/jobs/7?stage=ml-junior"' in junior


def test_source_and_closed_filters(web: Dashboard) -> None:
    _profile(web)
    _store(web, [_posting(1), _posting(2)], source="greenhouse:acme")
    _store(web, [_posting(3)], source="hn:2026-11")
    with session_scope(web.engine) as s:
        s.query(Posting).filter(Posting.external_id == "p2").update(
            {"closed_at": dt.datetime(2026, 11, 24)}
        )
        ids = {p.external_id: p.id for p in s.query(Posting)}
    page = web.get("/jobs").text
    assert sorted(_ids(page)) == sorted([ids["p1"], ids["p3"]])
    assert '<option value="greenhouse">' in page and '<option value="hn">' in page
    assert _ids(web.get("/jobs?source=greenhouse").text) == [ids["p1"]]
    assert sorted(_ids(web.get("/jobs?source=greenhouse&closed=on").text)) == sorted(
        [ids["p1"], ids["p2"]]
    )
    closed = web.get("/jobs?closed=on").text
    assert 'badge-closed">closed</span>' in closed
    # A source hireable knows but nothing is stored from: an empty list, not an error.
    r = web.get("/jobs?source=lever")
    assert r.status_code == 200 and _ids(r.text) == []


def test_pages_of_25_cover_the_whole_ranking(web: Dashboard) -> None:
    _profile(web)
    _store(web, [_posting(n, remote=n % 2 == 0) for n in range(60)])
    full = _ranked(web, limit=100)
    assert len(full) == 60
    one, two, three = (web.get(f"/jobs?page={n}").text for n in (1, 2, 3))
    assert _ids(one) + _ids(two) + _ids(three) == full
    assert [len(_ids(p)) for p in (one, two, three)] == [25, 25, 10]
    assert '<ol class="job-list" start="26">' in two
    assert "Page 2 of 3" in two
    assert 'href="/jobs?stage=ml-entry&amp;page=1" rel="prev"' in two
    assert 'href="/jobs?stage=ml-entry&amp;page=3" rel="next"' in two
    assert 'rel="prev"' not in one and 'rel="next"' not in three
    # The filters ride along in the page links.
    remote = web.get("/jobs?remote=on&page=1").text
    assert "30 openings match" in remote and "Page 1 of 2" in remote
    assert 'href="/jobs?stage=ml-entry&amp;remote=on&amp;page=2" rel="next"' in remote
    past = web.get("/jobs?page=4")
    assert past.status_code == 200 and "There is no page 4: the last is page 3" in past.text
    assert _ids(past.text) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("page=-1", "page must be 1 or more, not -1"),
        ("page=0", "page must be 1 or more, not 0"),
        ("page=abc", "page 'abc' must be a whole number"),
        ("page=99999999999999999999999999999999999999999", "past the last page"),
        ("stage=wizard", "unknown stage 'wizard'"),
        ("source=nope", "unknown source 'nope'"),
        ("remote=banana", "remote only 'banana' must be on or off"),
        ("q=" + "x" * 201, "search for at most 200 characters"),
    ],
)
def test_bad_filter_values_are_an_inline_message(
    demo_web: Dashboard, query: str, expected: str
) -> None:
    r = demo_web.get(f"/jobs?{query}")
    if expected == "past the last page":  # a huge page number is just past the end
        assert r.status_code == 200 and "There is no page" in r.text
        return
    assert r.status_code == 400
    assert expected in _inline_error(r.text)
    assert "Traceback" not in r.text and 'class="card job-filters"' in r.text
    assert _ids(r.text) == []


# ---------------------------------------------------------------- the cache


def test_paging_and_repeat_visits_do_not_rank_again(demo_web: Dashboard) -> None:
    cache: RankCache = demo_web.app.state.rank_cache
    demo_web.get("/jobs")
    ranked = cache.misses
    demo_web.get("/jobs")
    demo_web.get("/jobs?page=2")
    demo_web.get("/jobs?remote=on")  # narrowed in SQL: the ranking is reused
    assert cache.misses == ranked + 1  # only the remote narrowing was new
    demo_web.get("/jobs?remote=on&page=1")
    assert cache.misses == ranked + 1


def test_a_posting_stored_outside_the_dashboard_shows_on_the_next_visit(web: Dashboard) -> None:
    _profile(web)
    _store(web, [_posting(1)])
    assert len(_ids(web.get("/jobs").text)) == 1
    _store(web, [_posting(1), _posting(2, title="Junior ML Engineer, vision")])  # a CLI fetch
    page = web.get("/jobs").text
    assert len(_ids(page)) == 2 and "Junior ML Engineer, vision" in page
    # A changed posting (new text, so a new analysis) moves too: no new row, no closing.
    before = web.get("/jobs").text
    changed = _posting(1, title="Senior Staff ML Engineer", description="<p>10+ years of ML.</p>")
    _store(web, [changed, _posting(2, title="Junior ML Engineer, vision")])
    after = web.get("/jobs").text
    assert "Senior Staff ML Engineer" in after and "Senior Staff" not in before
    assert _ids(after) == _ranked(web) and _ids(after) != _ids(before)


def test_profile_and_evidence_changes_rank_again(web: Dashboard) -> None:
    _profile(web, target="ml-entry")
    _store(
        web,
        [
            _posting(1),
            _posting(2, title="Senior ML Engineer", description="<p>Senior. 8+ years of ML.</p>"),
        ],
    )
    assert "ranked for <strong>ml-entry</strong>" in web.get("/jobs").text
    with session_scope(web.engine) as s:
        update_profile(session=s, changes=ProfileChanges(target="ml-engineer"))
    page = web.get("/jobs").text
    assert "ranked for <strong>ml-engineer</strong>" in page
    assert _ids(page) == _ranked(web)
    # New evidence showing a skill the postings ask for counts at once.
    assert "verified: python" not in page
    with session_scope(web.engine) as s:
        s.add(Evidence(kind="open-source", title="PR", skills=["python"], verification="api"))
    page = web.get("/jobs").text
    assert "verified: python" in page and _ids(page) == _ranked(web)


def test_the_service_pages_without_a_shared_cache(demo_web: Dashboard) -> None:
    with session_scope(demo_web.engine) as s:
        page = list_jobs(s, JobFilters(page=2), today=TODAY, page_size=3)
    assert [i.row.id for i in page.items] == _ranked(demo_web)[3:6]
    assert (page.total, page.pages, page.first) == (7, 3, 4)


# ---------------------------------------------------------------- one posting


def test_the_demo_posting_page_explains_its_score(demo_web: Dashboard) -> None:
    r = demo_web.get("/jobs/1")
    assert r.status_code == 200
    text = r.text
    assert "Machine Learning Engineer (first ML hire)</h1>" in text
    assert '<a href="https://jobs.example.com/loamwise/ml-engineer" rel="noopener' in text
    assert '<span class="score big">100</span>' in text and "sum 120, kept within 0–100" in text
    factors = text.split('<table class="factors">', 1)[1].split("</table>", 1)[0]
    assert factors.count('<th scope="row">') == 1 + 7 + 1  # base, seven factors, the score
    assert '<blockquote class="quote">1+ years of hands-on experience' in factors
    assert "55,000–70,000 EUR a year" in text
    body = text.split('class="posting-text">', 1)[1].split("</section>", 1)[0]
    assert "<mark>1+ years of hands-on experience with PyTorch" in body
    assert "<h3>What we look for</h3>" in body


def test_an_unknown_or_impossible_posting_id_is_a_404_page(web: Dashboard) -> None:
    for path in ("/jobs/4242", "/jobs/0", "/jobs/99999999999999999999"):
        r = web.get(path)
        assert r.status_code == 404, path
        assert "no posting with id" in r.text and "Traceback" not in r.text
    assert (
        web.client.post(
            "/jobs/99999999999999999999/track", data={"csrf_token": web.token}
        ).status_code
        == 404
    )


def test_a_bad_stage_on_the_posting_page_is_a_400_page(demo_web: Dashboard) -> None:
    r = demo_web.get("/jobs/1?stage=wizard")
    assert r.status_code == 400 and "unknown stage 'wizard'" in html.unescape(r.text)


def test_a_hostile_posting_is_inert_everywhere(web: Dashboard) -> None:
    _store(
        web,
        [
            _posting(
                1,
                title=XSS_TITLE,
                company=XSS_COMPANY,
                description=XSS_TEXT,
                url="javascript:alert(7)",
            )
        ],
    )
    listing = web.get("/jobs").text
    page = web.get("/jobs/1").text
    for text in (listing, page):
        assert "<script>alert" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt; ML Engineer" in text
        assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;Evil Corp" in text
        assert not re.search(r"<[^>]*\son\w+\s*=", text)  # no event attribute in any tag
        assert "javascript:" not in text
        assert "<iframe" not in text and "<img" not in text
    body = page.split('class="posting-text">', 1)[1].split("</div>", 1)[0]
    assert "alert(3)" not in body  # a script's content goes with it
    assert '<a rel="noopener noreferrer nofollow">apply here</a>' in body  # the href is gone
    assert '<a href="https://example.com/apply" rel="noopener noreferrer nofollow">' in body
    assert "the original posting" not in page  # a javascript: url is no link


def test_marking_survives_tags_inside_a_sentence_and_stays_escaped() -> None:
    clean = "<p>We <strong>don't</strong> care about degrees &amp; diplomas.</p><p>5 &lt; 6</p>"
    marked = mark_sentences(clean, ["we don't care about degrees & diplomas."])
    assert marked == (
        "<p><mark>We </mark><strong><mark>don't</mark></strong>"
        "<mark> care about degrees &amp; diplomas.</mark></p><p>5 &lt; 6</p>"
    )
    # A quote that is markup does not become markup.
    hostile = posting_body("", "Say <b>hello</b> to the team today", ["<b>hello</b> to the team"])
    assert str(hostile) == "<p>Say <mark>&lt;b&gt;hello&lt;/b&gt; to the team</mark> today</p>"


def test_plain_text_postings_become_paragraphs_and_lists() -> None:
    body = posting_body("", "Intro line\n- first item\n- second item\nTail", [])
    assert (
        str(body) == "<p>Intro line</p><ul><li>first item</li><li>second item</li></ul><p>Tail</p>"
    )


# ---------------------------------------------------------------- track this


def test_track_this_creates_an_application_once(demo_web: Dashboard) -> None:
    demo_web.app.state.served_pages = demo_web.app.state.served_pages - {"tracker"}
    r = demo_web.post("/jobs/2/track", {})
    assert r.status_code == 303
    found = re.fullmatch(r"/jobs/2\?tracked=(\d+)", r.headers["location"])
    assert found
    page = demo_web.get(r.headers["location"]).text
    assert f"Tracked: application {found.group(1)}" in page and "Track this</button>" not in page
    before = demo_web.count(Application)
    again = demo_web.post("/jobs/2/track", {})
    assert again.status_code == 422
    assert _inline_error(again.text) == (
        f"posting 2 is already tracked as application {found.group(1)}"
    )
    assert again.headers["HX-Replace-Url"] == "/jobs/2"
    assert demo_web.count(Application) == before


def test_track_this_goes_to_the_tracker_when_it_is_served(web: Dashboard) -> None:
    _store(web, [_posting(1)])
    web.app.state.served_pages = web.app.state.served_pages | {"tracker"}
    r = web.post("/jobs/1/track", {})
    with session_scope(web.engine) as s:
        app = s.query(Application).one()
        assert (r.status_code, r.headers["location"]) == (303, f"/tracker/{app.id}")
        assert (app.posting_id, app.company, app.status) == (1, "Company 1", "saved")


# ---------------------------------------------------------------- CSRF


def test_posts_without_a_token_are_refused_and_change_nothing(web: Dashboard) -> None:
    _store(web, [_posting(1)])
    with session_scope(web.engine) as s:
        s.add(Board(source="greenhouse", name="acme"))
    for path, data in (
        ("/jobs/1/track", {}),
        ("/jobs/boards", {"ref": "lever:beta"}),
        ("/jobs/boards/unfollow", {"board": "greenhouse:acme"}),
        ("/jobs/boards/fetch", {}),
    ):
        r = web.post(path, data, token=False)
        assert r.status_code == 403, path
        r = web.post(path, data | {"csrf_token": "0" * 64}, token=False)
        assert r.status_code == 403, path
    assert web.count(Application) == 0
    with session_scope(web.engine) as s:
        assert [(b.source, b.name) for b in s.query(Board)] == [("greenhouse", "acme")]
    assert web.app.state.fetches.recent() == []


# ---------------------------------------------------------------- boards


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeServer]:
    """Every source's fixture on a fake server, used by the client the fetch job builds."""
    from hireable.sources import http

    server = FakeServer()
    serve_all(server)
    monkeypatch.setattr(http, "transport_factory", lambda: server.transport)
    monkeypatch.setattr(http, "_sleep", lambda seconds: None)
    yield server


def _boards(web: Dashboard) -> list[str]:
    with session_scope(web.engine) as s:
        return sorted(f"{b.source}:{b.name}" for b in s.query(Board))


def test_the_boards_page_renders_empty_and_on_the_demo(web: Dashboard, demo_web: Dashboard) -> None:
    for dash in (web, demo_web):
        r = dash.get("/jobs/boards")
        assert r.status_code == 200
        assert "No boards followed yet" in r.text
        assert 'action="/jobs/boards#follow-h"' in r.text
        assert "<code>greenhouse:acme</code>" in r.text and "boards.greenhouse.io/acme" in r.text


def test_follow_by_ref_or_careers_url_then_unfollow(web: Dashboard) -> None:
    r = web.post("/jobs/boards", {"ref": "greenhouse:acme", "company": "Acme", "size": "11-50"})
    assert (r.status_code, r.headers["location"]) == (303, "/jobs/boards?followed=1")
    page = web.get(r.headers["location"]).text
    assert "Following it." in page and "<code>greenhouse:acme</code>" in page
    assert '<td data-label="company">Acme</td>' in page and ">11-50</td>" in page
    assert "never" in page
    same = web.post("/jobs/boards", {"ref": "https://boards.greenhouse.io/acme/jobs/123"})
    assert same.headers["location"] == "/jobs/boards?updated=1"
    assert web.post("/jobs/boards", {"ref": "https://jobs.lever.co/beta"}).status_code == 303
    assert _boards(web) == ["greenhouse:acme", "lever:beta"]
    gone = web.post("/jobs/boards/unfollow", {"board": "lever:beta"})
    assert gone.headers["location"] == "/jobs/boards?unfollowed=1"
    assert _boards(web) == ["greenhouse:acme"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"ref": ""}, "give a board (such as greenhouse:acme) or its careers page URL"),
        ({"ref": "nonsense:acme"}, "unknown source 'nonsense' in 'nonsense:acme'"),
        ({"ref": "https://example.com/careers"}, "is not a job board URL hireable knows"),
        ({"ref": "greenhouse:acme", "size": "huge"}, "size 'huge' is not one of"),
    ],
)
def test_bad_follow_input_is_an_inline_error(
    web: Dashboard, data: dict[str, str], expected: str
) -> None:
    r = web.post("/jobs/boards", {"company": "", "size": "", **data})
    assert r.status_code == 422
    error = _inline_error(r.text)
    assert expected in error and "\n" not in error
    assert r.headers["HX-Replace-Url"] == "/jobs/boards"
    assert f'value="{html.escape(data["ref"])}"' in r.text  # the form keeps what was typed
    assert _boards(web) == []


def test_unfollowing_a_board_not_followed_is_an_inline_error(web: Dashboard) -> None:
    r = web.post("/jobs/boards/unfollow", {"board": "greenhouse:nobody"})
    assert r.status_code == 422 and "is not followed" in _inline_error(r.text)


def test_fetch_now_with_no_board_is_an_inline_error(web: Dashboard) -> None:
    r = web.post("/jobs/boards/fetch", {})
    assert r.status_code == 422 and "no boards followed yet" in _inline_error(r.text)
    assert web.app.state.fetches.recent() == []


def test_fetch_now_shows_each_board_and_a_failed_one_costs_nothing(
    net: FakeServer, web: Dashboard
) -> None:
    _profile(web)
    _store(web, [_posting(1)], source="file:mine")
    assert len(_ids(web.get("/jobs").text)) == 1  # the ranking is cached now
    for ref in ("greenhouse:acme", "lever:missing"):
        assert web.post("/jobs/boards", {"ref": ref}).status_code == 303
    net.add("api.lever.co/v0/postings/missing", httpx.Response(404, json={"ok": False}))
    r = web.post("/jobs/boards/fetch", {})
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/boards/fetch/")
    page = _wait(web, r.headers["location"])
    assert (
        "Fetched 1 of 2 boards: 2 new, 0 updated, 0 closed; 1 failed, the others are stored."
        in page
    )
    lines = re.findall(
        r"<li><span class=\"act act-(\w+)\">\w+</span> <code>([^<]+)</code>(.*?)</li>", page
    )
    states = {
        board: (state, html.unescape(re.sub(r"<[^>]+>", "", rest)).strip())
        for state, board, rest in lines
    }
    assert states["greenhouse:acme"] == ("done", "— 2 new, 0 updated, 0 closed, 0 unchanged")
    state, error = states["lever:missing"]
    assert state == "failed" and "404" in error and "\n" not in error
    # The fetched postings are ranked on the next visit; the failed board stored nothing.
    listing = web.get("/jobs").text
    assert len(_ids(listing)) == 3 and "greenhouse:acme" in listing
    with session_scope(web.engine) as s:
        assert s.query(Posting).filter(Posting.source.like("lever%")).count() == 0
    boards = web.get("/jobs/boards").text
    assert "Recent fetches" in boards and 'job-state job-done">done' in boards


def test_fetch_one_board_and_poll_its_fragment(net: FakeServer, web: Dashboard) -> None:
    web.post("/jobs/boards", {"ref": "greenhouse:acme"})
    web.post("/jobs/boards", {"ref": "ashby:acme"})
    r = web.post("/jobs/boards/fetch", {"board": "ashby:acme"})
    location = r.headers["location"]
    page = _wait(web, location)
    assert (
        "<h1>Fetch: ashby:acme</h1>" in page and "greenhouse:acme" not in page.split("<main", 1)[1]
    )
    fragment = web.get(location, headers={"HX-Request": "true"}).text
    assert fragment.lstrip().startswith('<section class="card job" id="job"')
    assert "hx-trigger" not in fragment  # ended: polling stops
    with session_scope(web.engine) as s:
        assert {p.source for p in s.query(Posting)} == {"ashby:acme"}


def test_an_unknown_fetch_is_a_404_page(web: Dashboard) -> None:
    r = web.get("/jobs/boards/fetch/nope")
    assert r.status_code == 404 and "there is no fetch with this address" in r.text


def test_a_fetch_now_sees_postings_on_the_dashboards_today(
    net: FakeServer, web: Dashboard
) -> None:
    """The app's today (frozen here, moved on by `days_later` in the browser journeys) dates
    what a fetch sees, not the machine's clock: freshness is counted from the same day."""
    from hireable.store.models import FetchRun

    web.post("/jobs/boards", {"ref": "ashby:acme"})
    _wait(web, web.post("/jobs/boards/fetch", {"board": "ashby:acme"}).headers["location"])
    with session_scope(web.engine) as s:
        seen = {(p.first_seen.date(), p.last_seen.date()) for p in s.query(Posting)}
        runs = {(r.started_at.date(), r.finished_at.date()) for r in s.query(FetchRun)}
        fetched = {b.last_fetched.date() for b in s.query(Board) if b.last_fetched}
    assert seen == {(TODAY, TODAY)} and runs == {(TODAY, TODAY)} and fetched == {TODAY}
