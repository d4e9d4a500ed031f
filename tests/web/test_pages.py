"""Every page renders on an empty workspace and on the demo, and says what to do next."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.conftest import Dashboard

PAGES = (
    "/",
    "/evidence",
    "/portfolio",
    "/journal",
    "/ideas",
    "/jobs",
    "/jobs/boards",
    "/tracker",
    "/profile",
)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_on_an_empty_workspace(web: Dashboard, path: str) -> None:
    r = web.get(path)
    assert r.status_code == 200
    assert 'aria-current="page"' in r.text
    assert "<script>" not in r.text  # no inline script: CSP would block it


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_on_the_demo(demo_web: Dashboard, path: str) -> None:
    r = demo_web.get(path)
    assert r.status_code == 200
    assert "Demo learner" in r.text


def test_the_empty_status_page_sends_you_to_the_profile(web: Dashboard) -> None:
    r = web.get("/")
    assert "Welcome to hireable" in r.text
    assert '<a href="/profile">Create your profile</a>' in r.text


def test_navigation_lists_only_served_pages(web: Dashboard) -> None:
    nav = web.get("/").text.split("<nav", 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="([^"]+)"', nav) == [p for p in PAGES if p != "/jobs/boards"]


def test_status_shows_readiness_gaps_warnings_and_this_week(demo_web: Dashboard) -> None:
    html = demo_web.get("/").text
    assert html.count("<meter") == 4
    assert "◀ your target" in html.split('class="name">ml-entry<', 1)[1].split("</li>", 1)[0]
    assert "2 degree-equivalents of 3 needed" in html
    assert "Gaps for ml-entry" in html
    assert "toy-project" in html and "Titanic survival notebook" in html
    assert "This week" in html and "Learn</strong>" in html


def test_next_actions_link_to_the_page_where_they_are_done(demo_web: Dashboard) -> None:
    html = demo_web.get("/").text
    actions = html.split('id="next-h"', 1)[1].split("</ol>", 1)[0]
    assert '<a href="/journal">This week: do:' in actions
    assert '<a href="/evidence#add-h">Add a merged PR' in actions
    assert (  # the link does what the command would: the command is left to the CLI
        '<a href="/ideas#picked-h">Get a baseline of idea 3 (Invoice field extraction with '
        "LayoutLM) running by 2026-12-02</a>"
    ) in actions
    assert (
        '<a href="/tracker#due">Follow up with Ledgerly (Priya Raman) (due today): follow-up 1 '
        "of 2; then record it</a>"
    ) in actions
    assert "hireable " not in actions


def test_warnings_link_to_the_form_that_fixes_them(demo_web: Dashboard) -> None:
    warnings = demo_web.get("/").text.split('id="warn-h"', 1)[1].split("</section>", 1)[0]
    assert (
        '<a href="/evidence/10#edit-h">evidence 10 (Team hackathon: wildfire risk map) is a '
        "group project without your share: add the metric share=PERCENT</a>"
    ) in warnings
    assert '<a href="/evidence/4">evidence 4 (Titanic survival notebook)' in warnings
    assert "--metric" not in warnings
    nudges = demo_web.get("/ideas").text.split('class="nudges"', 1)[1].split("</ul>", 1)[0]
    assert '<a href="/ideas#add-h">only 3 ideas collected' in nudges and "hireable" not in nudges


def test_an_action_whose_page_is_not_served_stays_plain_text() -> None:
    from hireable.web.actions import link_actions

    served = {"status", "evidence", "journal", "profile"}
    [idea, follow] = link_actions(
        ["Get a baseline (`hireable idea baseline 3 --artifact URL`)", "`hireable track next`"],
        served,
    )
    assert idea.href is None and follow.href is None
    assert idea.text == "Get a baseline (`hireable idea baseline 3 --artifact URL`)"  # kept
    [plan] = link_actions(["`hireable plan`"], {"ideas"})
    assert (plan.href, plan.text) == ("/ideas", "`hireable plan`")  # nothing else to say


def test_the_journal_chart_data_matches_the_table(demo_web: Dashboard) -> None:
    html = demo_web.get("/journal").text
    raw = html.split('id="journal-chart-data">', 1)[1].split("</script>", 1)[0]
    data = json.loads(raw)
    assert len(data["labels"]) == 12
    learn, do = (s["values"] for s in data["series"])
    assert sum(learn) == 26 and sum(do) == 14  # the demo's six learn and two do sessions
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert table.count("<tr>") == 12
    assert 'data-chart="journal-chart-data"' in html


def test_the_journal_shows_streak_momentum_warnings_and_entries(demo_web: Dashboard) -> None:
    html = demo_web.get("/journal").text
    assert "week streak with a shipped artefact" in html
    assert "h/week</strong> last 4 weeks" in html
    assert "Plant disease demo on Spaces" in html
    assert html.count('action="/journal/') >= 2 + 8  # the two forms and a remove per entry
