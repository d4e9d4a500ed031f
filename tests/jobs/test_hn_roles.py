"""`jobs fetch hn` stores one posting per role of a multi-role comment; each is analysed and ranked
as its role, and fetching again changes nothing (made-up comments on a fake HN server)."""

from __future__ import annotations

import copy
from typing import Any

import httpx
from sqlalchemy import select

from hireable.config import Settings
from hireable.postings.analyse import analyse
from hireable.services.job_fetch import fetch_boards
from hireable.services.ranking import rank_postings
from hireable.sources.jobs import hn
from hireable.store.models import Posting
from tests.ranking.factory import TODAY

from .conftest import fixture_json

ITEM = "hn.algolia.com/api/v1/items/45800001"
MULTI_ROLE = (
    "Pinecrest | Senior Frontend Engineer, Machine Learning Engineer | Remote (EU) | $150-200k"
    "<p>We make route planning for farm co-ops."
    "<p>As our machine learning engineer you will train and deploy forecasting models."
    "<p>* Data Analyst - https://jobs.pinecrest.example/3"
)


def _thread(server: Any, *texts: str) -> None:
    """The fixture thread with these comments in place of its own."""
    item = fixture_json("hn-item-45800001.json")
    template = item["children"][0]
    children = []
    for n, text in enumerate(texts):
        child = copy.deepcopy(template)
        child.update(id=45800301 + n, text=text, children=[])
        children.append(child)
    item["children"] = children
    server.json(ITEM, item)


def _fetch(session_factory: Any, client: httpx.Client, settings: Settings) -> Any:
    (result,) = fetch_boards(
        session_factory=session_factory, client=client, settings=settings, refs=["hn"]
    )
    assert result.error is None
    return result


def test_a_multi_role_comment_is_one_posting_per_role(
    client: httpx.Client, settings: Settings, server: Any
) -> None:
    _thread(server, MULTI_ROLE)
    postings = hn.fetch(client, settings, "")
    assert [(p.external_id, p.title) for p in postings] == [
        ("45800301", "Senior Frontend Engineer"),
        ("45800301-2", "Machine Learning Engineer"),
        ("45800301-3", "Data Analyst"),
    ]
    assert {(p.company, p.location, p.remote, p.description) for p in postings} == {
        ("Pinecrest", "EU", True, MULTI_ROLE)
    }
    assert {p.salary["min"] for p in postings if p.salary} == {150000}
    # each role is analysed as itself; the whole comment, as its ML role
    by_role = {p.title: analyse(p.description, p.title) for p in postings}
    assert [by_role[t]["ml"] for t in by_role] == [False, True, False]
    assert by_role["Senior Frontend Engineer"]["seniority"] == "senior"
    assert analyse(MULTI_ROLE, hn.first_line(MULTI_ROLE))["ml"] is True


def test_a_multi_role_comment_ranks_on_its_ml_role(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    single = "Quarry | Backend Engineer | Remote<p>Keep our billing APIs fast and reliable."
    _thread(server, single, MULTI_ROLE)
    _fetch(session_factory, client, settings)
    with session_factory() as s:
        ranked = rank_postings(s, today=TODAY, stage="ml-entry")
    assert (ranked[0].row.external_id, ranked[0].row.title) == (
        "45800302-2",
        "Machine Learning Engineer",
    )
    assert any(r.factor == "ml" and r.points > 0 for r in ranked[0].scored.reasons)
    assert "45800301" in [r.row.external_id for r in ranked[1:]]  # not ML: ranked below


def test_fetching_again_stores_no_duplicates_and_closes_nothing(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    _thread(server, MULTI_ROLE, "Quarry | Backend Engineer | Remote<p>Keep our APIs fast.")
    first = _fetch(session_factory, client, settings)
    again = _fetch(session_factory, client, settings)
    assert (first.new, first.closed) == (4, 0)
    assert (again.new, again.updated, again.closed, again.unchanged) == (0, 0, 0, 4)
    with session_factory() as s:
        rows = s.execute(select(Posting.external_id, Posting.closed_at)).all()
    assert sorted(e for e, _ in rows) == ["45800301", "45800301-2", "45800301-3", "45800302"]
    assert all(closed is None for _, closed in rows)


def test_a_role_gone_from_the_comment_is_closed(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    _thread(server, MULTI_ROLE)
    _fetch(session_factory, client, settings)
    _thread(server, MULTI_ROLE.replace("<p>* Data Analyst - https://jobs.pinecrest.example/3", ""))
    result = _fetch(session_factory, client, settings)
    assert result.closed == 1
    with session_factory() as s:
        closed = s.scalars(select(Posting.external_id).where(Posting.closed_at.is_not(None)))
        assert list(closed) == ["45800301-3"]


BULLETED = (
    "Marrow Health | Backend, Infra | Remote (EU) | Full-time"
    "<p>We build lab software for small clinics."
    "<p>Open positions:<p>- Senior Backend Engineer<p>- Data Scientist, Forecasting"
    "<p>We answer every applicant within a week, and the trial day is paid."
    "<p>What you will do:<p>- Mentor junior engineers<p>- Pair with our data scientists"
    "<p>Our teams:<p>- Developer Experience<p>- Billing Platform"
    "<p>Tech stack:<p>- Python, Postgres<p>- Kubernetes operators"
    "<p>Perks:<p>- Learning budget for every engineer"
    "<p>Ada, co-founder,"
)


def test_bullets_of_duties_teams_stack_and_perks_are_not_stored_as_roles() -> None:
    child = {"id": 45800401, "text": BULLETED, "created_at": "2026-11-02T16:00:00Z"}
    postings = hn.comment_postings(child, "hn:2026-11")
    assert [(p.external_id, p.title) for p in postings] == [
        ("45800401", "Senior Backend Engineer"),
        ("45800401-2", "Data Scientist, Forecasting"),
    ]
    # the area part of the header is no location; the place in the work mode is
    assert {(p.company, p.location, p.remote) for p in postings} == {("Marrow Health", "EU", True)}
