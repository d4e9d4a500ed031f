"""The dashboard scores the ledger once while evidence stays the same, and sees every change —
made through its own pages or by a CLI beside it, on another session — on the next request."""

from __future__ import annotations

import re

from hireable.core.evidence import validate_record
from hireable.services.evidence import (
    LEDGER_CACHE,
    add_evidence,
    edit_evidence,
    remove_evidence,
    scored_evidence,
)
from hireable.services.profile import ProfileChanges, create_profile
from hireable.store.db import session_scope
from tests.web.conftest import TODAY, Dashboard


def _strongest(web: Dashboard) -> list[str]:
    """The titles in Status's "Strongest evidence" table."""
    html = web.get("/").text
    table = html.split('id="ev-h"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<td class="wrap">(.*?) <span class="muted">', table)


def _profile(web: Dashboard) -> None:
    with session_scope(web.engine) as s:
        changes = ProfileChanges(name="Sam", stage="ml-entry", target="ml-entry", email="s@x.org")
        create_profile(session=s, changes=changes)


def _cli_add(web: Dashboard, title: str, kind: str = "paid-work") -> int:
    """What `hireable evidence add` does: its own engine session, nothing lent."""
    with session_scope(web.engine) as s:
        assert LEDGER_CACHE not in s.info
        record = validate_record({"kind": kind, "title": title}, today=TODAY)
        return add_evidence(session=s, record=record).id


def test_a_cli_beside_the_dashboard_adds_edits_and_removes(web: Dashboard) -> None:
    _profile(web)
    cache = web.app.state.ledger_cache
    gig = _cli_add(web, "Gig")
    assert _strongest(web) == ["Gig"]
    misses = cache.misses
    assert _strongest(web) == ["Gig"] and web.get("/journal").status_code == 200
    assert cache.misses == misses  # Status and the journal both read the kept ledger
    course = _cli_add(web, "A course", kind="course")
    assert _strongest(web) == ["Gig", "A course"]
    with session_scope(web.engine) as s:
        edit_evidence(session=s, evidence_id=course, today=TODAY, title="Renamed course")
    assert _strongest(web) == ["Gig", "Renamed course"]
    with session_scope(web.engine) as s:
        remove_evidence(session=s, evidence_id=gig)
    assert _strongest(web) == ["Renamed course"]
    misses = cache.misses
    assert _strongest(web) == ["Renamed course"] and cache.misses == misses


def test_the_dashboards_own_changes_show_on_the_next_request(web: Dashboard) -> None:
    _profile(web)
    assert "No evidence yet" in web.get("/").text
    form = {"kind": "paid-work", "title": "Client model", "date": "2026-05", "url": ""}
    form |= {"validator": "", "skills": "", "metrics": "amount=2000"}
    r = web.post("/evidence", form)
    assert r.status_code == 303, r.text
    item = int(re.findall(r"/evidence/(\d+)", r.headers["location"])[0])
    assert _strongest(web) == ["Client model"]
    r = web.post(f"/evidence/{item}", {**form, "title": "Client forecast"})
    assert r.status_code == 303, r.text
    assert _strongest(web) == ["Client forecast"]
    r = web.post(f"/evidence/{item}/remove", {"confirm": "yes"})
    assert r.status_code == 303, r.text
    assert "No evidence yet" in web.get("/").text


def test_the_portfolio_and_its_preview_follow_a_cli_edit(web: Dashboard) -> None:
    _profile(web)
    gig = _cli_add(web, "Churn model for a shop")
    site = "/portfolio/site?include_self=1"
    assert "Churn model for a shop" in web.get(site).text
    cache = web.app.state.ledger_cache
    misses = cache.misses
    assert "1 item shown" in web.get("/portfolio?include_self=1").text
    assert cache.misses == misses  # the records were kept
    with session_scope(web.engine) as s:
        edit_evidence(session=s, evidence_id=gig, today=TODAY, title="Demand model for a shop")
    html = web.get(site).text
    assert "Demand model for a shop" in html and "Churn model" not in html
    _cli_add(web, "Second gig")
    assert "2 items shown" in web.get("/portfolio?include_self=1").text


def test_a_new_day_scores_again(web: Dashboard) -> None:
    """Recency is part of the score: the kept ledger is per day."""
    _profile(web)
    _cli_add(web, "Gig")
    cache = web.app.state.ledger_cache
    web.get("/")
    misses = cache.misses
    web.app.state.today = lambda: TODAY.replace(year=TODAY.year + 1)
    web.get("/")
    assert cache.misses == misses + 1  # scored again; the learner's skills are still the same


def test_without_a_lent_cache_every_session_scores_afresh(web: Dashboard) -> None:
    _cli_add(web, "Gig")
    with session_scope(web.engine) as s:
        first = scored_evidence(s, TODAY)
    with session_scope(web.engine) as s:
        again = scored_evidence(s, TODAY)
    assert [r.title for r, _ in again] == ["Gig"] and again[0][1] is not first[0][1]
