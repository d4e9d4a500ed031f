"""Fetching boards into the store: idempotent, closes and reopens, isolates failing boards,
re-analyses changed text, decides size bands, collapses cross-source duplicates."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from hireable.config import Settings
from hireable.services.boards import add_board
from hireable.services.job_fetch import fetch_boards
from hireable.store.models import Board, Posting

from .conftest import fixture_json

GH = "boards-api.greenhouse.io/v1/boards/acme/jobs"


def run(session_factory: Any, client: httpx.Client, settings: Settings, *refs: str) -> dict:
    results = fetch_boards(
        session_factory=session_factory, client=client, settings=settings, refs=list(refs)
    )
    return {r.label: r for r in results}


def snapshot(session_factory: Any) -> dict[str, dict[str, Any]]:
    with session_factory() as s:
        rows = s.scalars(select(Posting).order_by(Posting.id)).all()
        return {
            f"{p.source}:{p.external_id}": {
                c.key: getattr(p, c.key) for c in Posting.__table__.columns
            }
            for p in rows
        }


def test_fetch_stores_postings_with_analysis(
    session_factory: Any, client: httpx.Client, settings: Settings
) -> None:
    result = run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"]
    assert (result.new, result.closed, result.error) == (2, 0, None)
    with session_factory() as s:
        p = s.scalars(select(Posting).where(Posting.external_id == "4012345")).one()
        assert (p.source, p.company, p.title, p.remote) == (
            "greenhouse:acme",
            "Acme Robotics",
            "Machine Learning Engineer",
            True,
        )
        assert "warehouse robots" in p.text and "<p>" in p.description
        assert p.analysis is not None and set(p.analysis) >= {"degree", "seniority", "evidence"}
        assert p.degree == p.analysis["degree"] and p.ml == p.analysis["ml"]
        assert p.sources == ["greenhouse:acme:4012345"]
        assert (p.size_band, p.size_band_origin) == ("11-50", "open-roles proxy")
        board = s.scalars(select(Board)).one()
        assert (board.source, board.name, board.last_fetched is not None) == (
            "greenhouse",
            "acme",
            True,
        )


def test_fetching_twice_changes_nothing_but_last_seen(
    session_factory: Any, client: httpx.Client, settings: Settings
) -> None:
    run(session_factory, client, settings, "greenhouse:acme", "lever:acme")
    before = snapshot(session_factory)
    again = run(session_factory, client, settings, "greenhouse:acme", "lever:acme")
    assert [(r.new, r.updated, r.closed, r.unchanged) for r in again.values()] == [
        (0, 0, 0, 2),
        (0, 0, 0, 2),
    ]
    after = snapshot(session_factory)
    for key, row in before.items():
        assert {k: v for k, v in after[key].items() if k != "last_seen"} == {
            k: v for k, v in row.items() if k != "last_seen"
        }
        assert after[key]["last_seen"] >= row["last_seen"]


def test_removed_posting_closes_and_reopens(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    run(session_factory, client, settings, "greenhouse:acme")
    body = fixture_json("greenhouse-acme.json")
    server.json(GH, {"jobs": body["jobs"][:1], "meta": {"total": 1}})
    result = run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"]
    assert (result.closed, result.unchanged) == (1, 1)
    with session_factory() as s:
        gone = s.scalars(select(Posting).where(Posting.external_id == "4012346")).one()
        assert gone.closed_at is not None
    server.json(GH, body)
    result = run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"]
    assert (result.updated, result.closed, result.unchanged) == (1, 0, 1)
    with session_factory() as s:
        assert s.scalars(select(Posting.closed_at)).all() == [None, None]


def test_changed_text_reruns_the_analysis(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    run(session_factory, client, settings, "greenhouse:acme")
    body = fixture_json("greenhouse-acme.json")
    body["jobs"][0]["content"] = (
        "&lt;p&gt;Senior role. A PhD in computer science is required. "
        "8+ years of experience.&lt;/p&gt;"
    )
    server.json(GH, body)
    result = run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"]
    assert (result.updated, result.unchanged) == (1, 1)
    with session_factory() as s:
        p = s.scalars(select(Posting).where(Posting.external_id == "4012345")).one()
        assert "PhD" in p.text
        assert (p.degree, p.degree_level, p.years_min) == ("required", "phd", 8)


def test_429_with_retry_after_is_retried(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any, sleeps: list[float]
) -> None:
    server.add(
        GH,
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(200, json=fixture_json("greenhouse-acme.json")),
    )
    result = run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"]
    assert (result.new, result.error, sleeps) == (2, None, [3.0])


def test_a_missing_board_is_reported_and_the_others_load(
    session_factory: Any, client: httpx.Client, settings: Settings
) -> None:
    results = run(session_factory, client, settings, "greenhouse:nope", "lever:acme")
    assert results["greenhouse:nope"].error == (
        "greenhouse board 'nope' does not exist "
        "(boards-api.greenhouse.io/v1/boards/nope/jobs answered 404)"
    )
    assert results["lever:acme"].new == 2
    with session_factory() as s:  # a failed board is not followed
        assert s.scalars(select(Board.source)).all() == ["lever"]


def test_malformed_json_fails_only_that_board_and_keeps_stored_data(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    run(session_factory, client, settings, "greenhouse:acme")
    before = snapshot(session_factory)
    server.add(GH, httpx.Response(200, content=b'{"jobs": [ {"id": 1,'))
    results = run(session_factory, client, settings, "greenhouse:acme", "lever:acme")
    assert "malformed JSON" in (results["greenhouse:acme"].error or "")
    assert results["lever:acme"].new == 2
    after = snapshot(session_factory)
    assert {k: after[k] for k in before} == before


def test_unexpected_shape_fails_only_that_board(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    server.json(GH, {"jobs": [{"title": "no id"}]})
    results = run(session_factory, client, settings, "greenhouse:acme", "workable:acme")
    assert "unexpected response shape" in (results["greenhouse:acme"].error or "")
    assert results["workable:acme"].new == 1


def test_size_band_user_beats_source_beats_proxy(
    session_factory: Any, client: httpx.Client, settings: Settings
) -> None:
    with session_factory() as s:
        add_board(s, "lever:acme", company="Acme Labs", size="1-10")
    run(session_factory, client, settings, "lever:acme", "greenhouse:acme")
    with session_factory() as s:
        bands = dict(s.execute(select(Posting.source, Posting.size_band_origin)).all())
        lever = s.scalars(select(Posting).where(Posting.source == "lever:acme")).first()
        assert lever is not None and (lever.size_band, lever.company) == ("1-10", "Acme Labs")
    assert bands == {"lever:acme": "user", "greenhouse:acme": "open-roles proxy"}
    with session_factory() as s:  # the user changes their mind: re-decided on the next fetch
        add_board(s, "lever:acme", size="51-200")
    result = run(session_factory, client, settings, "lever:acme")["lever:acme"]
    assert result.unchanged == 2
    with session_factory() as s:
        assert set(s.scalars(select(Posting.size_band).where(Posting.source == "lever:acme"))) == {
            "51-200"
        }


def lever_copy(job: dict[str, Any]) -> dict[str, Any]:
    """The Greenhouse fixture's `job` as another company board would list it, on Lever."""
    import html

    return {
        "id": "copy-1",
        "text": "Machine Learning Engineer",
        "hostedUrl": "https://x.example/1",
        "description": html.unescape(job["content"]),
        "categories": {"location": "Remote"},
        "lists": [],
        "createdAt": 1790000000000,
    }


def test_duplicates_across_sources_collapse(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    copy = lever_copy(fixture_json("greenhouse-acme.json")["jobs"][0])
    other = {**copy, "id": "copy-2", "text": "Data Analyst"}
    server.json("api.lever.co/v0/postings/acmecopy", [copy, other])
    with session_factory() as s:
        add_board(s, "lever:acmecopy", company="ACME Robotics, Inc.")
    run(session_factory, client, settings, "greenhouse:acme")
    result = run(session_factory, client, settings, "lever:acmecopy")["lever:acmecopy"]
    assert (result.new, result.duplicates) == (2, 1)
    with session_factory() as s:
        first = s.scalars(select(Posting).where(Posting.external_id == "4012345")).one()
        dup = s.scalars(select(Posting).where(Posting.external_id == "copy-1")).one()
        analyst = s.scalars(select(Posting).where(Posting.external_id == "copy-2")).one()
        assert dup.duplicate_of_id == first.id
        assert first.sources == ["greenhouse:acme:4012345", "lever:acmecopy:copy-1"]
        assert analyst.duplicate_of_id is None  # same company and title, different text


@pytest.mark.parametrize("ref", ["hn", "workable:acme", "smartrecruiters:AcmeCorp", "ashby:acme"])
def test_every_source_stores(
    session_factory: Any, client: httpx.Client, settings: Settings, ref: str
) -> None:
    (result,) = run(session_factory, client, settings, ref).values()
    assert result.error is None and result.new >= 1
    with session_factory() as s:
        companies = set(s.scalars(select(Posting.company)))
    expected = {
        "hn": {"Tiny Vision Co", "DataCorp"},
        "workable:acme": {"Acme Health"},
        "smartrecruiters:AcmeCorp": {"Acme Corp"},
        "ashby:acme": {"acme"},
    }
    assert companies == expected[ref]


def test_closed_canonical_hands_over_to_an_open_duplicate(
    session_factory: Any, client: httpx.Client, settings: Settings, server: Any
) -> None:
    from hireable.services.job_queries import list_postings

    body = fixture_json("greenhouse-acme.json")
    server.json("api.lever.co/v0/postings/acmecopy", [lever_copy(body["jobs"][0])])
    with session_factory() as s:
        add_board(s, "lever:acmecopy", company="ACME Robotics, Inc.")
    run(session_factory, client, settings, "greenhouse:acme")
    run(session_factory, client, settings, "lever:acmecopy")

    def shown() -> list[str]:
        with session_factory() as s:
            return sorted(f"{p.source}:{p.external_id}" for p in list_postings(s, status="open"))

    assert shown() == ["greenhouse:acme:4012345", "greenhouse:acme:4012346"]
    # Acme's own board drops the role; the copy elsewhere is still open: it takes over.
    server.json(GH, {"jobs": body["jobs"][1:], "meta": {"total": 1}})
    assert run(session_factory, client, settings, "greenhouse:acme")["greenhouse:acme"].closed == 1
    assert shown() == ["greenhouse:acme:4012346", "lever:acmecopy:copy-1"]
    with session_factory() as s:
        heir = s.scalars(select(Posting).where(Posting.external_id == "copy-1")).one()
        old = s.scalars(select(Posting).where(Posting.external_id == "4012345")).one()
        assert (heir.duplicate_of_id, old.duplicate_of_id) == (None, heir.id)
        assert heir.sources == ["greenhouse:acme:4012345", "lever:acmecopy:copy-1"]
    # The role comes back on Acme's board: still one entry, through the copy.
    server.json(GH, body)
    run(session_factory, client, settings, "greenhouse:acme")
    assert shown() == ["greenhouse:acme:4012346", "lever:acmecopy:copy-1"]
    # The copy closes now: the reopened original takes over again.
    server.json("api.lever.co/v0/postings/acmecopy", [])
    run(session_factory, client, settings, "lever:acmecopy")
    assert shown() == ["greenhouse:acme:4012345", "greenhouse:acme:4012346"]
