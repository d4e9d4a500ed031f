"""The Evidence page: the sortable ledger, add / edit / remove with the CLI's rules, each item's
credibility explained, and imports running in the background."""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest

from hireable.errors import SourceError
from hireable.services.evidence_import import Report
from hireable.store.db import session_scope
from hireable.store.models import Evidence, Profile
from hireable.web.background import MAX_AGE, UNEXPECTED, JobRegistry
from tests.evidence_import.conftest import GH, TOKEN, Net, github_routes, net, reply  # noqa: F401
from tests.web.conftest import TODAY, Dashboard
from tests.web.conftest import wait_for_job as _wait

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ADD = {
    "kind": "competition",
    "title": "Kaggle: Retail demand",
    "date": "2026-05",
    "url": "https://www.kaggle.com/c/retail",
    "validator": "",
    "skills": "python, lightgbm",
    "metrics": "platform=kaggle\nteams=1200\nrank=40",
}
CSV_HEAD = "competition,url,teams,rank,date\nRetail demand,,1200,40,2026-05\n"
CSV_OK = CSV_HEAD + "House prices,,4000,300,2026-02\n"
CSV_BAD = CSV_HEAD + "House prices,,40,300,2026-02\n"  # line 3: rank 300 of 40 teams


def _items(web: Dashboard) -> list[dict[str, object]]:
    with session_scope(web.engine) as s:
        return [
            {"id": e.id, "title": e.title, "date": e.date, "metrics": dict(e.metrics or {})}
            for e in s.query(Evidence).order_by(Evidence.id)
        ]


def _add(web: Dashboard, **changes: str) -> int:
    r = web.post("/evidence", {**ADD, **changes})
    assert r.status_code == 303, r.text
    found = re.fullmatch(r"/evidence/(\d+)\?added=1(?:&repeats=\d+)?", r.headers["location"])
    assert found
    return int(found.group(1))


def _ids_in_table(html: str) -> list[int]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [int(i) for i in re.findall(r'<a href="/evidence/(\d+)">', body)]


def _column(html: str, label: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    cells = re.findall(rf'data-label="{label}">(.*?)</td>', body, re.S)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in cells]


def _start(web: Dashboard, source: str, data: dict[str, str], **kw: object) -> str:
    r = web.client.post(f"/evidence/imports/{source}", data={"csrf_token": web.token, **data}, **kw)  # type: ignore[arg-type]
    assert r.status_code == 303, r.text
    location: str = r.headers["location"]
    assert location.startswith("/evidence/imports/")
    return location


# ---------------------------------------------------------------- the ledger


def test_the_page_renders_on_an_empty_workspace(web: Dashboard) -> None:
    r = web.get("/evidence")
    assert r.status_code == 200
    assert "No evidence yet" in r.text
    assert '<a href="/evidence" aria-current="page">Evidence</a>' in r.text
    assert "<script>" not in r.text


def test_the_page_renders_on_the_demo(demo_web: Dashboard) -> None:
    html = demo_web.get("/evidence").text
    assert "Demo learner" in html
    assert len(_ids_in_table(html)) == 10
    assert "10 items: 1 primary, 1 secondary, 4 talent, 4 none." in html
    assert "self-merged" in html and "toy dataset" in html


def test_the_default_order_is_credibility_strongest_first(demo_web: Dashboard) -> None:
    html = demo_web.get("/evidence").text
    scores = [int(s) for s in _column(html, "credibility")]
    assert scores == sorted(scores, reverse=True) and scores[0] == 65
    flip = '<a href="/evidence?sort=credibility&amp;dir=asc#ledger">'
    assert f'aria-sort="descending" class="num">{flip}' in html


@pytest.mark.parametrize(
    ("query", "label", "expected"),
    [
        ("sort=credibility&dir=asc", "credibility", lambda v: sorted(v, key=int)),
        ("sort=date&dir=asc", "date", sorted),
        ("sort=date&dir=desc", "date", lambda v: sorted(v, reverse=True)),
        ("sort=kind", "kind", sorted),
        ("sort=kind&dir=desc", "kind", lambda v: sorted(v, reverse=True)),
        (
            "sort=class",
            "class",
            lambda v: sorted(v, key=["primary", "secondary", "talent", "none"].index),
        ),
        ("sort=verification", "verified", lambda v: sorted(v, key=["api", "link", "self"].index)),
    ],
)
def test_sorting_by_each_column(demo_web: Dashboard, query: str, label: str, expected) -> None:  # type: ignore[no-untyped-def]
    values = _column(demo_web.get(f"/evidence?{query}").text, label)
    assert len(values) == 10
    assert values == expected(values)


def test_header_links_flip_the_current_column_and_ties_keep_the_id_order(
    demo_web: Dashboard,
) -> None:
    html = demo_web.get("/evidence?sort=kind&dir=asc").text
    assert 'href="/evidence?sort=kind&amp;dir=desc#ledger"' in html  # the sorted column flips
    assert 'href="/evidence?sort=date&amp;dir=desc#ledger"' in html  # others: their first order
    kinds = _column(html, "kind")
    ids = _ids_in_table(html)
    projects = [i for i, k in zip(ids, kinds, strict=True) if k == "project"]
    assert projects == sorted(projects)


def test_undated_items_come_last_in_both_directions(web: Dashboard) -> None:
    _add(web, date="")
    _add(web, date="2025-01")
    _add(web, date="2026-03")
    for direction in ("asc", "desc"):
        dates = _column(web.get(f"/evidence?sort=date&dir={direction}").text, "date")
        assert dates[-1] == "-"


def test_an_unknown_sort_falls_back_to_credibility(demo_web: Dashboard) -> None:
    r = demo_web.get("/evidence?sort=drop+table&dir=sideways")
    assert r.status_code == 200
    assert _column(r.text, "credibility")[0] == "65"


# ---------------------------------------------------------------- add, edit, remove


def test_adding_an_item_stores_it_and_shows_its_explanation(web: Dashboard) -> None:
    new_id = _add(web)
    assert _items(web) == [
        {
            "id": new_id,
            "title": "Kaggle: Retail demand",
            "date": "2026-05",
            "metrics": {"platform": "kaggle", "teams": 1200, "rank": 40},
        }
    ]
    page = web.get(f"/evidence/{new_id}?added=1").text
    assert "Added. Here is how it scores" in page
    assert "rank 40 of 1,200 teams" in page  # a factor of `hireable evidence explain`
    assert "primary" in page
    listing = web.get("/evidence").text
    assert _ids_in_table(listing) == [new_id] and "Kaggle: Retail demand" in listing


def test_adding_an_item_that_repeats_one_says_so_and_keeps_both(web: Dashboard) -> None:
    """The same kind and URL as a stored item: stored all the same (two gigs for one client
    share a URL), and the new item's page names the earlier one."""
    first = _add(web)
    r = web.post("/evidence", {**ADD, "title": "Retail demand again"})
    assert r.status_code == 303, r.text
    second = int(r.headers["location"].split("/")[2].split("?")[0])
    assert r.headers["location"] == f"/evidence/{second}?added=1&repeats={first}"
    page = web.get(r.headers["location"]).text
    assert f"evidence {first} (Kaggle: Retail demand) has the same kind and URL" in page
    assert [i["id"] for i in _items(web)] == [first, second]
    other = web.post("/evidence", {**ADD, "url": "https://www.kaggle.com/competitions/other"})
    assert other.headers["location"].endswith("?added=1")  # another URL: nothing to say
    forged = web.get(f"/evidence/{second}?added=1&repeats={second}").text
    assert "has the same kind" not in forged  # an item never repeats itself


def test_the_item_page_lists_every_factor_of_explain(demo_web: Dashboard) -> None:
    from hireable.services.evidence import assessed, get_evidence

    with session_scope(demo_web.engine) as s:
        a = assessed(get_evidence(s, 1), TODAY)
    html = demo_web.get("/evidence/1").text
    for f in a.factors:
        assert f'<td class="num">{f.points:+d}</td><th scope="row">{f.name}</th>' in html
    assert f"<strong>{a.credibility}</strong>" in html


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "wizardry"}, "unknown evidence kind &#39;wizardry&#39;"),
        ({"date": "2026-13-01"}, "does not exist on the calendar"),
        ({"date": "last week"}, "is not in the form YYYY-MM or YYYY-MM-DD"),
        ({"date": "2026-12"}, "is in the future"),
        ({"url": "javascript:alert(1)"}, "must be an http(s) address"),
        ({"metrics": "teams=many"}, "must be a number"),
        ({"metrics": "stars=5"}, "does not apply to competition"),
        ({"metrics": "rank"}, "must be written key=value"),
        ({"metrics": "teams=10\nrank=40"}, "is worse than the number of teams (10)"),
        ({"title": "   "}, "title is missing or empty"),
    ],
)
def test_bad_input_is_rejected_inline_with_the_values_kept(
    web: Dashboard, changes: dict[str, str], message: str
) -> None:
    form = {**ADD, **changes}
    r = web.post("/evidence", form)
    assert r.status_code == 422
    assert 'class="notice notice-error" role="alert"' in r.text
    assert message in r.text
    assert 'value="python, lightgbm"' in r.text  # the values are kept
    assert ">" + form["metrics"].replace("\n", "\n") + "</textarea>" in r.text
    assert _items(web) == []


def test_editing_an_item(web: Dashboard) -> None:
    new_id = _add(web)
    form = {
        "title": "Retail demand (top 4%)",
        "date": "2026-06",
        "url": "",
        "validator": "Kaggle",
        "skills": "python",
        "metrics": "teams=1200\nrank=30",  # platform left out: removed
    }
    r = web.post(f"/evidence/{new_id}", form)
    assert r.status_code == 303 and r.headers["location"] == f"/evidence/{new_id}?saved=1"
    assert _items(web) == [
        {
            "id": new_id,
            "title": "Retail demand (top 4%)",
            "date": "2026-06",
            "metrics": {"teams": 1200, "rank": 30},
        }
    ]
    page = web.get(f"/evidence/{new_id}?saved=1").text
    assert "Saved." in page and 'value="Retail demand (top 4%)"' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "title must not be empty"),
        ({"date": "2099-01"}, "is in the future"),
        ({"url": "javascript:alert(1)"}, "must be an http(s) address"),
        ({"metrics": "teams=10\nrank=40"}, "is worse than the number of teams"),
    ],
)
def test_a_bad_edit_changes_nothing(web: Dashboard, changes: dict[str, str], message: str) -> None:
    new_id = _add(web)
    before = _items(web)
    form = {
        "title": "Renamed",
        "date": "2026-05",
        "url": "",
        "validator": "",
        "skills": "",
        "metrics": "teams=1200\nrank=40",
        **changes,
    }
    r = web.post(f"/evidence/{new_id}", form)
    assert r.status_code == 422 and message in r.text
    assert f'value="{form["title"]}"' in r.text
    assert _items(web) == before


def test_removing_asks_for_confirmation(web: Dashboard) -> None:
    new_id = _add(web)
    page = web.get(f"/evidence/{new_id}/remove")
    assert page.status_code == 200 and 'name="confirm" type="checkbox"' in page.text
    r = web.post(f"/evidence/{new_id}/remove", {})
    assert r.status_code == 422 and "tick the box to confirm" in r.text
    assert len(_items(web)) == 1
    r = web.post(f"/evidence/{new_id}/remove", {"confirm": "yes"})
    assert r.status_code == 303 and r.headers["location"] == "/evidence?removed=1"
    assert _items(web) == []
    assert "Evidence removed." in web.get("/evidence?removed=1").text


@pytest.mark.parametrize(
    "path",
    [
        "/evidence/999",
        "/evidence/0",
        "/evidence/2147483648",  # past a PostgreSQL INTEGER
        "/evidence/99999999999999999999",
        "/evidence/9/remove",
    ],
)
def test_an_unknown_or_impossible_id_is_a_404_page(web: Dashboard, path: str) -> None:
    r = web.get(path)
    assert r.status_code == 404
    assert "no evidence with id" in r.text and "Traceback" not in r.text


def test_posting_to_an_unknown_id_is_a_404(web: Dashboard) -> None:
    assert web.post("/evidence/7", {**ADD}).status_code == 404
    assert web.post("/evidence/7/remove", {"confirm": "yes"}).status_code == 404


@pytest.mark.parametrize(
    "path", ["/evidence", "/evidence/1", "/evidence/1/remove", "/evidence/imports/github"]
)
def test_a_post_without_the_token_is_403_and_changes_nothing(web: Dashboard, path: str) -> None:
    _add(web)
    before = _items(web)
    data = {**ADD, "title": "Mallory", "confirm": "yes", "user": "alice"}
    assert web.post(path, data, token=False).status_code == 403
    assert web.post(path, {**data, "csrf_token": "0" * 64}, token=False).status_code == 403
    assert _items(web) == before
    assert web.app.state.jobs.recent() == []


def test_get_never_changes_data(web: Dashboard) -> None:
    new_id = _add(web)
    web.get(f"/evidence/{new_id}/remove")
    assert web.get("/evidence/imports/github").status_code == 404
    assert len(_items(web)) == 1 and web.app.state.jobs.recent() == []


def test_user_text_is_escaped(web: Dashboard) -> None:
    new_id = _add(web, title=XSS, skills=XSS, validator=XSS)
    for path in ("/evidence", f"/evidence/{new_id}", f"/evidence/{new_id}/remove"):
        html = web.get(path).text
        assert XSS not in html and ESCAPED in html
    r = web.post("/evidence", {**ADD, "title": XSS, "kind": XSS})
    assert r.status_code == 422 and XSS not in r.text


# ---------------------------------------------------------------- imports in the background


def test_a_github_import_runs_in_the_background_and_its_items_appear(
    net: Net,  # noqa: F811 - the fixture of tests/evidence_import
    web: Dashboard,
) -> None:
    github_routes(net)
    location = _start(web, "github", {"user": "@alice", "no_token": "on"})
    html = _wait(web, location)
    assert "GitHub alice: 4 added, 0 updated, 0 unchanged" in html
    assert "huggingface/transformers#101" in html or "transformers" in html
    assert "fewer than 10 stars" in html  # a skipped item and why
    assert len(_items(web)) == 4
    listing = web.get("/evidence").text
    assert len(_ids_in_table(listing)) == 4 and "GitHub alice" in listing  # recent imports
    again = _wait(web, _start(web, "github", {"user": "alice", "no_token": "on"}))
    assert "0 added, 0 updated, 4 unchanged" in again and "4 items unchanged." in again
    refreshed = _wait(web, _start(web, "refresh", {"evidence_id": ""}))
    # The fake GitHub serves one pull request's details and not two other items: they are kept.
    assert "refresh: 0 added, 1 updated, 1 unchanged, 0 skipped, 2 missing." in refreshed
    assert "no longer found at the source; kept as it was" in refreshed
    assert len(_items(web)) == 4


def test_htmx_polls_the_fragment_and_the_plain_page_refreshes_itself(web: Dashboard) -> None:
    release = threading.Event()
    job = web.app.state.jobs.start("slow", lambda progress: release.wait(10) and Report("slow"))
    page = web.get(f"/evidence/imports/{job.id}").text
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert 'hx-trigger="every 1s"' in page and "Running…" in page
    part = web.get(f"/evidence/imports/{job.id}", headers={"HX-Request": "true"}).text
    assert "<html" not in part and 'hx-trigger="every 1s"' in part
    boosted = web.get(
        f"/evidence/imports/{job.id}", headers={"HX-Request": "true", "HX-Boosted": "true"}
    ).text
    assert "<html" in boosted
    release.set()
    done = _wait(web, f"/evidence/imports/{job.id}")
    assert "hx-trigger" not in done and 'http-equiv="refresh"' not in done


@pytest.mark.parametrize("broken", ["user", "repos"])
def test_a_failing_import_shows_its_error_and_stores_nothing(
    net: Net,  # noqa: F811
    web: Dashboard,
    broken: str,
) -> None:
    github_routes(net)
    if broken == "user":
        net.route("GET", f"{GH}/users/alice", reply({"message": "Not Found"}, 404))
    else:  # the pull requests are upserted first, then the own-repository listing fails
        net.route("GET", f"{GH}/users/alice/repos", reply("<html>oops</html>", 500))
    html = _wait(web, _start(web, "github", {"user": "alice", "no_token": "on"}))
    error = re.search(r'role="alert">error: ([^<]+)</p>', html)
    assert error and "\n" not in error.group(1)
    assert "Nothing was stored." in html
    assert "added" not in html.split('role="alert"', 1)[1]  # no lines of the undone run
    assert _items(web) == []


def test_the_kaggle_csv_upload(web: Dashboard) -> None:
    files = {"file": ("results.csv", CSV_OK.encode(), "text/csv")}
    html = _wait(web, _start(web, "kaggle-csv", {}, files=files))
    assert "Kaggle CSV results.csv: 2 added" in html
    assert len(_items(web)) == 2


def test_a_kaggle_csv_with_a_bad_row_stores_nothing(web: Dashboard) -> None:
    files = {"file": ("C:\\Users\\me\\bad.csv", CSV_BAD.encode(), "text/csv")}
    html = _wait(web, _start(web, "kaggle-csv", {}, files=files))
    assert "error: bad.csv: line 3: rank 300 is worse than the number of teams (40)" in html
    assert "nothing was imported" in html and "Users" not in html
    assert _items(web) == []


@pytest.mark.parametrize(
    ("source", "data", "message"),
    [
        ("github", {"user": " "}, "give a GitHub login"),
        ("huggingface", {"user": ""}, "give a Hugging Face user"),
        ("papers", {"id_type": "orcid", "ident": ""}, "give the id or name"),
        ("papers", {"id_type": "myspace", "ident": "x"}, "look papers up by one of: orcid"),
        ("kaggle-csv", {}, "choose a CSV file to upload"),
    ],
)
def test_an_import_form_without_what_it_needs_is_rejected_inline(
    web: Dashboard, source: str, data: dict[str, str], message: str
) -> None:
    r = web.post(f"/evidence/imports/{source}", data)
    assert r.status_code == 422 and message in r.text
    assert web.app.state.jobs.recent() == []


def test_a_csv_that_is_not_text_is_rejected_inline(web: Dashboard) -> None:
    files = {"file": ("x.csv", b"\xff\xfe\x00bad", "text/csv")}
    r = web.client.post("/evidence/imports/kaggle-csv", data={"csrf_token": web.token}, files=files)
    assert r.status_code == 422 and "x.csv is not a UTF-8 text file" in r.text


def test_an_unknown_source_or_job_is_a_404(web: Dashboard) -> None:
    assert web.post("/evidence/imports/myspace", {}).status_code == 404
    r = web.get("/evidence/imports/nope")
    assert r.status_code == 404 and "forgotten after an hour" in r.text


# ---------------------------------------------------------------- the job registry


def test_tokens_never_reach_the_job_page(web: Dashboard) -> None:
    from pydantic import SecretStr
    from starlette.testclient import TestClient

    from hireable.web.app import create_app

    settings = web.app.state.settings.model_copy(update={"github_token": SecretStr(TOKEN)})
    app = create_app(settings, web.engine, today=lambda: TODAY)

    def leaky(progress: object) -> None:
        raise SourceError(f"GitHub refused token {TOKEN}\nsecond line")

    job = app.state.jobs.start("leaky", leaky)
    client = TestClient(app, base_url="http://127.0.0.1")
    deadline = time.monotonic() + 10
    while app.state.jobs.get(job.id).running:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    html = client.get(f"/evidence/imports/{job.id}").text
    assert TOKEN not in html
    assert "error: GitHub refused token [hidden] second line" in html


def _finish(registry: JobRegistry, work) -> str:  # type: ignore[no-untyped-def]
    job = registry.start("t", work)
    deadline = time.monotonic() + 10
    while (current := registry.get(job.id)) is not None and current.running:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    return job.id


def test_an_unexpected_error_ends_the_job_calmly(caplog: pytest.LogCaptureFixture) -> None:
    registry = JobRegistry(clean=lambda t: t.replace("s3cret", "[hidden]"))

    def boom(progress: object) -> None:
        raise RuntimeError("internals s3cret")

    job = registry.get(_finish(registry, boom))
    assert job is not None and job.state == "failed" and job.error == UNEXPECTED
    assert "s3cret" not in caplog.text and "[hidden]" in caplog.text


def test_finished_jobs_are_forgotten_after_an_hour() -> None:
    now = [1000.0]
    registry = JobRegistry(clock=lambda: now[0])
    job_id = _finish(registry, lambda progress: progress("line") or "result")
    job = registry.get(job_id)
    assert job is not None and job.lines == ("line",) and job.result == "result"
    now[0] += MAX_AGE - 1
    assert registry.get(job_id) is not None
    now[0] += 2
    assert registry.get(job_id) is None and registry.recent() == []


def test_the_mock_transport_is_what_the_job_uses(net: Net, web: Dashboard) -> None:  # noqa: F811
    net.route("GET", "huggingface.co/api/.*", reply([]))
    html = _wait(web, _start(web, "huggingface", {"user": "nobody"}))
    assert "Hugging Face nobody: 0 added" in html
    assert net.requests and all(isinstance(r, httpx.Request) for r in net.requests)


# ---------------------------------------------------------------- pages of the ledger


def _many(web: Dashboard, n: int) -> list[int]:
    """`n` items stored straight through the service (dated, some not), ids in order."""
    from hireable.core.evidence import validate_record
    from hireable.services.evidence import add_evidence

    with session_scope(web.engine) as s:
        ids = []
        for i in range(n):
            raw = {"kind": "project", "title": f"Project {i}", "metrics": {"stars": i * 3}}
            raw |= {"date": f"20{20 + i % 6}-0{1 + i % 9}"} if i % 7 else {}
            ids.append(add_evidence(session=s, record=validate_record(raw, today=TODAY)).id)
    return ids


def test_the_ledger_comes_in_pages_of_50_that_keep_the_sort(web: Dashboard) -> None:
    ids = _many(web, 120)
    pages = [web.get(f"/evidence?sort=date&dir=asc&page={n}") for n in (1, 2, 3)]
    assert all(p.status_code == 200 for p in pages)
    one, two, three = (p.text for p in pages)
    assert [len(_ids_in_table(p)) for p in (one, two, three)] == [50, 50, 20]
    assert "120 items" in one and "1–50 shown" in one and "101–120 shown" in three
    shown = [i for p in (one, two, three) for i in _ids_in_table(p)]
    assert sorted(shown) == ids  # every item once
    dates = [d for p in (one, two, three) for d in _column(p, "date")]
    dated = [d for d in dates if d != "-"]
    assert dated == sorted(dated) and dates[len(dated) :] == ["-"] * (120 - len(dated))
    assert '<span class="muted">← Previous</span>' in one
    assert 'href="/evidence?sort=date&amp;dir=asc&amp;page=2#ledger" rel="next"' in one
    assert 'href="/evidence?sort=date&amp;dir=asc#ledger" rel="prev"' in two
    assert 'href="/evidence?sort=date&amp;dir=asc&amp;page=3#ledger" rel="next"' in two
    assert "Page 3 of 3" in three and '<span class="muted">Next →</span>' in three
    assert "/evidence?sort=kind&amp;dir=asc#ledger" in two  # a new sort starts at page 1
    first = _ids_in_table(web.get("/evidence").text)
    assert first == _ids_in_table(web.get("/evidence?page=1").text)


def test_a_small_ledger_has_no_pager(demo_web: Dashboard) -> None:
    html = demo_web.get("/evidence").text
    assert 'class="pager"' not in html and "shown" not in html


@pytest.mark.parametrize("number", ["3", "99999999999999999999999999999"])
def test_a_page_past_the_end_says_which_is_the_last(web: Dashboard, number: str) -> None:
    _many(web, 60)
    r = web.get(f"/evidence?sort=kind&dir=desc&page={number}")
    assert r.status_code == 200 and '<table class="ledger">' not in r.text
    assert f"There is no page {number}: the last is page 2." in r.text
    assert '<a href="/evidence?sort=kind&amp;dir=desc#ledger">Back to page 1</a>' in r.text


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("0", "page must be 1 or more, not 0"),
        ("-2", "page must be 1 or more, not -2"),
        ("two", "page &#39;two&#39; must be a whole number"),
        ("1.5", "page &#39;1.5&#39; must be a whole number"),
    ],
)
def test_a_bad_page_is_a_one_line_error_beside_the_forms(
    web: Dashboard, number: str, problem: str
) -> None:
    for stored in (0, 3):  # an empty ledger, then one with items
        _many(web, stored)
        r = web.get(f"/evidence?page={number}")
        assert r.status_code == 400
        assert f'<p class="notice notice-error" role="alert">{problem}</p>' in r.text
        assert "Traceback" not in r.text and '<table class="ledger">' not in r.text
        assert "Add an item" in r.text  # the rest of the page is there


def test_nul_in_a_form_is_refused_and_stored_nowhere_on_every_backend(web: Dashboard) -> None:
    """A form field may carry %00: the form is refused (nothing silently dropped), and the
    profile and ledger stay as they were."""
    profile = {"name": "Ada", "stage": "ml-entry", "target": "ml-entry", "hours_per_week": "10"}
    assert web.post("/profile", profile).status_code == 303
    assert web.post("/profile", {**profile, "skills": "py\x00thon"}).status_code == 422
    item = {"kind": "project", "title": "Demo", "skills": "tor\x00ch"}
    assert web.post("/evidence", item).status_code == 422
    with session_scope(web.engine) as s:
        assert s.query(Evidence).all() == []
        (stored,) = s.query(Profile).all()
        assert stored.skills == []
