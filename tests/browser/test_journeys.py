"""The journeys a learner makes in the dashboard, in a real browser: first visit on the demo,
add evidence and watch readiness move, log learn and do and watch the chart move."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hireable.core.stages import STAGES
from hireable.services.status import build_status
from hireable.store.db import session_scope
from tests.browser.conftest import TODAY, Site

if TYPE_CHECKING:
    from playwright.sync_api import Page

Shoot = Callable[["Page", str], list[Path]]


def readiness(page: Page) -> dict[str, dict[str, Any]]:
    """The Status page's readiness rows as shown: stage -> meter value, score, detail text."""
    rows = page.locator("ul.stages > li")
    shown = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        shown[row.locator(".name").inner_text()] = {
            "meter": float(row.locator("meter").get_attribute("value") or "nan"),
            "score": int(row.locator(".score").inner_text()),
            "detail": row.locator(".detail").inner_text(),
            "ready": "ready" in (row.get_attribute("class") or "").split(),
        }
    return shown


def degree_equivalents(detail: str) -> tuple[int, int]:
    found = re.search(r"(\d+) \D+ of (\d+) needed", detail)
    assert found, f"no 'n of m' in {detail!r}"
    return int(found.group(1)), int(found.group(2))


def test_first_visit_on_the_demo_shows_readiness(
    page: Page, demo_site: Site, screenshot: Shoot
) -> None:
    from playwright.sync_api import expect

    page.goto(demo_site.url)
    expect(page).to_have_title("Status · hireable")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ada (demo)")
    expect(page.get_by_role("note")).to_contain_text("Demo learner")
    with session_scope(demo_site.engine) as s:
        report = build_status(s, TODAY)
        expected = {r.stage.id: (r.score, r.degree_equivalents, r.needed) for r in report.readiness}
    shown = readiness(page)
    # One bar per stage, in the order of the stage table, each what the service computed.
    assert list(shown) == [stage.id for stage in STAGES]
    for stage, (score, have, needed) in expected.items():
        assert shown[stage]["meter"] == score and shown[stage]["score"] == score
        assert degree_equivalents(shown[stage]["detail"]) == (have, needed)
    # The target is marked on its row only.
    targets = page.locator("ul.stages > li", has=page.locator(".badge-target"))
    expect(targets).to_have_count(1)
    expect(targets.locator(".name")).to_have_text("ml-entry")
    expect(page.get_by_role("meter", name="ml-entry readiness")).to_be_visible()
    # The demo learner is not ready for the target yet: the gap says what is missing.
    assert not shown["ml-entry"]["ready"] and shown["swe-intern"]["ready"]
    expect(page.locator("section[aria-labelledby=gaps-h] li")).to_contain_text(["2 of 3"])
    screenshot(page, "status")


def test_adding_evidence_moves_readiness(page: Page, demo_site: Site, screenshot: Shoot) -> None:
    from playwright.sync_api import expect

    page.goto(demo_site.url)
    before = readiness(page)["ml-entry"]
    have, needed = degree_equivalents(before["detail"])
    assert have < needed

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Evidence").click()
    expect(page).to_have_url(demo_site.at("/evidence"))
    form = page.locator("form[action^='/evidence']", has=page.get_by_label("Title", exact=True))
    form.get_by_label("Kind", exact=True).select_option("competition")
    form.get_by_label("Title", exact=True).fill("Kaggle: Forecast grid load")
    form.get_by_label("Date", exact=True).fill("2026-09")
    form.get_by_label("Validated by", exact=True).fill("Kaggle")
    form.get_by_label("Public link", exact=True).fill(
        "https://www.kaggle.com/competitions/grid-load"
    )
    form.get_by_label("Metrics", exact=True).fill("platform=kaggle\nteams=2400\nrank=31")
    form.get_by_role("button", name="Add evidence").click()

    expect(page).to_have_url(re.compile(r"/evidence/\d+\?added=1(#.*)?$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kaggle: Forecast grid load")
    expect(page.get_by_text("Added. Here is how it scores")).to_be_visible()
    screenshot(page, "evidence-added")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Status").click()
    expect(page).to_have_url(demo_site.at("/"))
    after = readiness(page)["ml-entry"]
    assert degree_equivalents(after["detail"]) == (have + 1, needed)
    assert after["score"] > before["score"] and after["ready"]
    expect(page.locator("section[aria-labelledby=gaps-h]")).to_contain_text("No gaps")
    expect(page.locator("section[aria-labelledby=ev-h] tbody tr").first).to_contain_text(
        "Kaggle: Forecast grid load"
    )
    screenshot(page, "status-after-evidence")


def chart_of(page: Page) -> dict[str, Any]:
    """The data the Journal page gives its chart (what uPlot draws)."""
    data: dict[str, Any] = json.loads(page.locator("#journal-chart-data").text_content() or "")
    return data


def series(chart: dict[str, Any]) -> dict[str, list[float]]:
    return {s["label"]: s["values"] for s in chart["series"]}


def test_logging_learn_and_do_moves_the_chart(
    page: Page, demo_site: Site, screenshot: Shoot
) -> None:
    from playwright.sync_api import expect

    page.goto(demo_site.at("/journal"))
    drawn = page.locator(".chart[data-drawn] canvas")
    expect(drawn).to_have_count(1)  # uPlot drew it, and folded the table of the same numbers
    expect(page.locator("details.data").first).not_to_have_attribute("open", "")
    before = series(chart_of(page))
    assert len(before["learn h"]) == len(before["do h"]) == 12
    # uPlot's legend names the two series it drew.
    legend = page.locator(".chart .u-legend .u-series .u-label")
    expect(legend).to_have_text(["learn h", "do h"])

    learn = page.locator("form[action='/journal/learn']")
    learn.get_by_label("What you studied", exact=True).fill("Attention is all you need, re-read")
    learn.get_by_label("Hours", exact=True).fill("2.5")
    learn.get_by_role("button", name="Log learn").click()
    studied = page.get_by_role("cell", name="Attention is all you need, re-read", exact=True)
    expect(studied).to_be_visible()
    middle = series(chart_of(page))
    assert middle["learn h"][-1] == before["learn h"][-1] + 2.5
    assert middle["do h"] == before["do h"] and middle["learn h"][:-1] == before["learn h"][:-1]

    do = page.locator("form[action='/journal/do']")
    do.get_by_label("What you built, fixed, wrote or shipped", exact=True).fill(
        "Eval harness for ASR"
    )
    do.get_by_label("Artefact URL", exact=True).fill("https://github.com/demo/asr-eval")
    do.get_by_label("Hours", exact=True).fill("4")
    do.get_by_role("button", name="Log do").click()
    expect(page.get_by_role("cell", name="Eval harness for ASR", exact=True)).to_be_visible()
    after = series(chart_of(page))
    assert after["do h"][-1] == before["do h"][-1] + 4
    assert after["learn h"] == middle["learn h"]
    # The page was swapped in by htmx, and the new chart was drawn again from the new data.
    expect(drawn).to_have_count(1)
    expect(page.locator(".stats")).to_contain_text("week streak")
    screenshot(page, "journal")
