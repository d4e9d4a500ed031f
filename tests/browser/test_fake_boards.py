"""The fake job board the Jobs and Tracker journeys fetch from: real HTTP on 127.0.0.1, answered
the way Greenhouse answers, so the adapter, the fetch service and the ranking read it as they
would the real board. (No browser needed: these run wherever the suite runs.)"""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from hireable.config import Settings
from hireable.errors import SourceError
from hireable.services.boards import add_board
from hireable.services.job_fetch import fetch_boards
from hireable.services.ranking import rank_postings
from hireable.sources.http import make_client
from hireable.sources.jobs import greenhouse
from hireable.store.db import session_scope
from tests.browser.conftest import TODAY, SiteFactory
from tests.browser.fake_boards import ACME_JOBS, FakeBoards


def test_the_greenhouse_adapter_reads_the_fake_board(fake_boards: FakeBoards) -> None:
    fake_boards.greenhouse("acme", ACME_JOBS)
    settings = Settings(greenhouse_url=fake_boards.url, http_retries=0)
    with make_client(settings) as client:
        postings = greenhouse.fetch(client, settings, "acme")
        with pytest.raises(SourceError) as missing:
            greenhouse.fetch(client, settings, "nobody")
    assert [p.external_id for p in postings] == ["9101", "9102", "9103"]
    first = postings[0]
    assert first.title == "Junior Machine Learning Engineer" and first.company == "Acme AI"
    assert first.description.startswith("<p>Ship PyTorch models")  # unescaped once, as real
    assert first.remote is True and first.posted_at is not None
    assert "nobody" in str(missing.value) and "\n" not in str(missing.value)
    assert fake_boards.requests == [
        "/v1/boards/acme/jobs?content=true",
        "/v1/boards/nobody/jobs?content=true",
    ]


def test_a_followed_fake_board_is_fetched_and_ranked_for_the_demo_learner(
    fake_boards: FakeBoards, make_site: SiteFactory
) -> None:
    ref = fake_boards.greenhouse("acme", ACME_JOBS)
    site = make_site(demo=True, greenhouse_url=fake_boards.url)  # as the Jobs journey will
    with session_scope(site.engine) as s:
        add_board(s, ref, company="Acme AI")
    with make_client(site.settings) as client:
        [result] = fetch_boards(
            session_factory=lambda: session_scope(site.engine),
            client=client,
            settings=site.settings,
        )
    assert (result.label, result.new, result.error) == (ref, 3, None)
    with session_scope(site.engine) as s:
        ranked = [r.public() for r in rank_postings(s, today=TODAY, limit=500)]
    acme = [(r["title"], r["score"]) for r in ranked if r["source"] == ref]
    # The opening the learner fits ranks first, the stretch below it, the PhD-only one last.
    assert [title for title, _ in acme] == [job["title"] for job in ACME_JOBS]
    assert acme[0][1] > acme[1][1] > acme[2][1]


def test_a_held_board_answers_only_once_let_go(fake_boards: FakeBoards) -> None:
    fake_boards.greenhouse("acme", ACME_JOBS[:1])
    held = fake_boards.hold()
    answers: list[int] = []
    asking = threading.Thread(
        target=lambda: answers.append(
            httpx.get(f"{fake_boards.url}/v1/boards/acme/jobs").status_code
        )
    )
    asking.start()
    deadline = time.monotonic() + 5
    while not fake_boards.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    asking.join(0.2)
    assert fake_boards.requests == ["/v1/boards/acme/jobs"] and answers == []  # asked, held
    held.set()
    asking.join(5)
    assert answers == [200]
