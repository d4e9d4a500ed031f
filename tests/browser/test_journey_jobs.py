"""The Jobs journey in a real browser: follow a company's board (the fake Greenhouse board on
127.0.0.1), fetch it and watch the fetch run to its end, see its openings ranked among the
demo's with their scores and reasons, open one, see why it scores as it does, and track it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from hireable.postings.rank import WEIGHTS
from hireable.services.ranking import rank_postings
from hireable.store.db import session_scope
from hireable.store.models import Application
from tests.browser.conftest import TODAY, SiteFactory
from tests.browser.fake_boards import ACME_JOBS, FakeBoards

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

Shoot = Callable[["Page", str], list[Path]]


@dataclass(frozen=True)
class Row:
    """One opening of the Jobs list as shown: its title, source, score and reason chips."""

    title: str
    source: str
    score: int
    pros: list[str]
    cons: list[str]


def ranked_rows(page: Page) -> list[Row]:
    rows = page.locator("ol.job-list > li.job-row")
    shown = []
    for i in range(rows.count()):
        row = rows.nth(i)
        shown.append(
            Row(
                title=row.locator("h3 a").inner_text(),
                source=row.locator(".job-meta .muted").inner_text(),
                score=int(row.locator(".job-score").inner_text().split()[-1]),
                pros=[chip_text(c) for c in all_of(row.locator("ul.chips > li.chip-for"))],
                cons=[chip_text(c) for c in all_of(row.locator("ul.chips > li.chip-against"))],
            )
        )
    return shown


def all_of(found: Locator) -> list[Locator]:
    return [found.nth(i) for i in range(found.count())]


def chip_text(chip: Locator) -> str:
    """A chip as read aloud, its points included: "for: no degree asked +15"."""
    return " ".join(chip.inner_text().split())


def test_follow_a_board_fetch_it_and_see_its_openings_ranked(
    page: Page, make_site: SiteFactory, fake_boards: FakeBoards, screenshot: Shoot
) -> None:
    from playwright.sync_api import expect

    ref = fake_boards.greenhouse("acme", ACME_JOBS)
    site = make_site(demo=True, greenhouse_url=fake_boards.url)

    # Follow the board by its ref, through the form.
    page.goto(site.at("/jobs/boards"))
    expect(page.get_by_text("No boards followed yet")).to_be_visible()
    follow = page.locator("form", has=page.get_by_role("button", name="Follow", exact=True))
    follow.get_by_label("Board or careers page URL").fill(ref)
    follow.get_by_label("Company name").fill("Acme AI")
    follow.get_by_role("button", name="Follow", exact=True).click()
    expect(page).to_have_url(re.compile(r"/jobs/boards\?followed=1(#.*)?$"))
    expect(page.get_by_role("status")).to_contain_text("Following it.")
    board = page.locator("table.boards tbody tr")
    expect(board).to_have_count(1)
    expect(board.locator("td")).to_have_text([ref, "Acme AI", "-", "0", "never", re.compile(".")])
    screenshot(page, "jobs-boards")

    # Fetch it; the board answers only when let go, so the page is seen running, then polled
    # (htmx swaps the fragment in place) until it says the board is done.
    held = fake_boards.hold()
    page.get_by_role("button", name="Fetch now", exact=True).click()
    expect(page).to_have_url(re.compile(r"/jobs/boards/fetch/[\w-]+$"))
    job = page.locator("#job")
    expect(job).to_have_attribute("aria-busy", "true")
    expect(job.locator(".job-status")).to_contain_text("Fetching… 0 of 1 boards done")
    expect(job.locator(".job-lines li")).to_have_text([re.compile(rf"^(waiting|fetching) {ref}")])
    page.evaluate("() => { window.stillThisPage = true; }")
    held.set()
    expect(job).to_have_attribute("aria-busy", "false")
    assert page.evaluate("() => window.stillThisPage") is True  # swapped in, not reloaded
    expect(job.get_by_role("status")).to_have_text(
        "Fetched 1 of 1 board: 3 new, 0 updated, 0 closed."
    )
    expect(job.locator(".job-lines li")).to_have_text(
        [f"done {ref} — 3 new, 0 updated, 0 closed, 0 unchanged"]
    )
    assert fake_boards.requests == ["/v1/boards/acme/jobs?content=true"]
    screenshot(page, "jobs-fetch")

    # The ranked list: the board's openings among the demo's, in the ranking's order, each
    # with its score and reasons; the one the learner fits is first, the PhD-only one last.
    job.get_by_role("link", name="See the ranked openings").click()
    expect(page).to_have_url(site.at("/jobs"))
    with session_scope(site.engine) as s:
        ranking = [r.public() for r in rank_postings(s, today=TODAY, limit=500)]
    shown = ranked_rows(page)
    assert [(r.title, r.source, r.score) for r in shown] == [
        (r["title"], r["source"], r["score"]) for r in ranking
    ]
    acme = [r for r in shown if r.source == ref]
    assert [r.title for r in acme] == [j["title"] for j in ACME_JOBS]
    assert shown[0] == acme[0] and shown[-1] == acme[-1]
    scores = [r.score for r in acme]
    assert scores[0] > scores[1] > scores[2]
    assert all(r.pros for r in acme) and acme[2].cons and not acme[0].cons
    assert "for: no degree asked +15" in acme[0].pros, acme[0]
    required = next(w.points for w in WEIGHTS if (w.factor, w.case) == ("degree", "required"))
    assert f"against: a degree is required {required}" in acme[2].cons, acme[2]

    # Narrowed to the board's source (htmx swaps the list): only its three openings remain.
    page.get_by_label("Source").select_option("greenhouse")
    expect(page).to_have_url(re.compile(r"/jobs\?(.*&)?source=greenhouse(&|$)"))
    expect(page.locator("ol.job-list > li h3 a")).to_have_text([j["title"] for j in ACME_JOBS])
    expect(page.locator("#results [role=status]")).to_contain_text("3 openings match")
    assert ranked_rows(page) == acme
    screenshot(page, "jobs-ranked")

    # One posting: its analysis, its score's factors, its text with the decisive lines marked.
    page.get_by_role("link", name=ACME_JOBS[0]["title"], exact=True).click()
    at_posting = re.compile(r"/jobs/(\d+)(\?stage=ml-entry)?$")  # ranked as the list was
    expect(page).to_have_url(at_posting)
    posting_id = int(at_posting.search(page.url).group(1))  # type: ignore[union-attr]
    expect(page.get_by_role("heading", level=1)).to_have_text(ACME_JOBS[0]["title"])
    expect(page.locator(".lede")).to_contain_text(f"Acme AI · Remote · {ref}")
    expect(page.locator("#score-h .score")).to_have_text(str(acme[0].score))
    facts = page.locator("section[aria-labelledby=analysis-h] dl.facts")
    expect(facts.locator("dt")).to_contain_text(["Degree", "Seniority", "Years", "Hands-on ML"])
    expect(facts.locator("dt:text-is('Years') + dd")).to_have_text("1+")
    expect(facts.locator("dt:text-is('Hands-on ML') + dd")).to_have_text("yes")
    degree_row = page.locator("table.factors tbody tr", has=page.locator("th", has_text="degree"))
    expect(degree_row.locator("td.num")).to_have_text("+15")
    marked = page.locator(".posting-text mark")
    expect(marked.first).to_be_visible()
    # What is marked is what the factors quote; here the years asked, from the list in the body
    # (the title lines the seniority and ML factors quote are not part of the body).
    quotes = page.locator("table.factors blockquote.quote").all_inner_texts()
    marks = marked.all_inner_texts()
    assert "1+ years of Python" in marks and set(marks) <= set(quotes), (marks, quotes)
    expect(page.get_by_text("Highlighted: the sentences the score rests on.")).to_be_visible()
    screenshot(page, "jobs-posting")

    # Track it: the new application's tracker page, saved.
    page.get_by_role("button", name="Track this").click()
    # (the click returns before the form's POST is answered: wait for its page, then read)
    expect(page).to_have_url(re.compile(r".*/tracker/\d+$"))
    with session_scope(site.engine) as s:
        [tracked] = s.query(Application).filter_by(posting_id=posting_id).all()
        app_id, status = tracked.id, tracked.status
    assert status == "saved"
    expect(page).to_have_url(site.at(f"/tracker/{app_id}"))
    expect(page.locator("main")).to_contain_text(ACME_JOBS[0]["title"])

    # Move it along the board (only the moves the pipeline allows are offered), then come back a
    # week later and see its follow-up due at the top of the tracker.
    page.goto(site.at("/tracker"))
    card = page.locator(f"article#app-{app_id}")
    expect(card.get_by_role("button", name="→ contacted")).to_be_visible()
    expect(card.get_by_role("button", name="→ offer")).to_have_count(0)
    card.get_by_role("button", name="→ contacted").click()
    contacted = page.locator('section.column[aria-labelledby="col-contacted"]')
    expect(contacted.locator(f"article#app-{app_id}")).to_be_visible()
    with session_scope(site.engine) as s:
        moved = s.get(Application, app_id)
        assert moved is not None and moved.status == "contacted"
    followed = page.get_by_role("button", name="Followed up with Acme AI")
    expect(followed).to_have_count(0)  # not due on the day of the contact
    site.days_later(7)
    page.goto(site.at("/tracker"))
    due = page.locator("#due")
    expect(due).to_contain_text("Acme AI")
    expect(due.get_by_role("button", name="Followed up with Acme AI")).to_be_visible()
    screenshot(page, "tracker-due")
