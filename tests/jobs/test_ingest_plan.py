"""The ingest plan, decided from fetched postings and a snapshot of what is stored, no database."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from hireable.errors import ValidationError
from hireable.postings.dedupe import DedupeIndex, dedupe_key
from hireable.services.boards import band_from_open_roles
from hireable.services.ingest_plan import (
    Batch,
    BoardInfo,
    Stored,
    StoredPosting,
    content_hash,
    new_ref,
    plan_ingest,
    unique,
)
from hireable.sources.jobs.base import PostingIn

NOW = dt.datetime(2026, 3, 2, 9, 0)
TEXT = "Train and ship models for warehouse robots, in Python and PyTorch, with a small team."


def analyse(text: str, title: str | None) -> dict[str, Any]:
    return {"degree": "none", "seniority": "junior", "ml": True, "skills": ["python"]}


def posting(ext: str, *, title: str = "ML Engineer", company: str = "Acme", **kw: Any) -> PostingIn:
    return PostingIn(external_id=ext, title=title, company=company, description=TEXT, **kw)


def stored_row(pid: int, p: PostingIn, **kw: Any) -> StoredPosting:
    fields: dict[str, Any] = {
        "content_hash": content_hash(p.description, p),
        "closed_at": None,
        "board_id": None,
        "size_band": None,
        "size_band_origin": None,
        **kw,
    }
    return StoredPosting(pid, **fields)


def plan(postings: list[PostingIn], stored: Stored, batch: Batch) -> Any:
    items = unique(postings, batch.default_source)
    return plan_ingest(items, stored, batch, analyse=analyse, to_text=lambda t: t, now=NOW)


FILE = Batch("file:a", single_company=False)


def test_new_unchanged_changed_and_reopened_postings() -> None:
    same, edited, back, fresh = posting("1"), posting("2"), posting("3"), posting("4")
    stored = Stored(
        {
            ("file:a", "1"): stored_row(11, same),
            ("file:a", "2"): stored_row(12, edited, content_hash="old"),
            ("file:a", "3"): stored_row(13, back, closed_at=NOW - dt.timedelta(days=3)),
        }
    )
    p = plan([same, edited, back, fresh], stored, FILE)
    assert [r["external_id"] for r in p.new] == ["4"]
    assert p.new[0]["sources"] == ["file:a:4"] and p.new[0]["degree"] == "none"
    assert (p.new[0]["first_seen"], p.new[0]["last_seen"]) == (NOW, NOW)
    assert p.touched == [11]
    changed = {c["id"]: c for c in p.changed}
    assert set(changed) == {12, 13}
    assert changed[12]["analysis"]["seniority"] == "junior" and changed[12]["last_seen"] == NOW
    assert changed[13] == {"id": 13, "last_seen": NOW, "closed_at": None}  # same text: reopen only
    assert p.reopened == [13]
    assert (p.updated, p.unchanged, p.closed, p.duplicate_of) == (2, 1, [], {})


def test_a_full_board_listing_closes_what_is_missing() -> None:
    board = BoardInfo(id=5, name="acme", company="Acme Robotics", size_band=None)
    batch = Batch("greenhouse:acme", board=board, close_missing=True)
    listed = posting("1", company="someone else")
    key = ("greenhouse:acme", "1")
    company_fixed = posting("1", company="Acme Robotics")
    stored = Stored(
        {
            key: stored_row(
                21,
                company_fixed,
                board_id=5,
                size_band=band_from_open_roles(1),
                size_band_origin="open-roles proxy",
            )
        },
        open_on_board=[21, 22, 23],
    )
    p = plan([listed], stored, batch)
    assert p.closed == [22, 23]
    assert (p.touched, p.changed, p.unchanged) == ([21], [], 1)
    assert listed.company == "someone else"  # the board's company is used, the input is not edited
    # The same listing from an imported file closes nothing.
    assert plan([listed], Stored({}, open_on_board=[21, 22]), FILE).closed == []


def test_a_new_size_band_or_board_link_is_written_but_not_counted_as_a_change() -> None:
    board = BoardInfo(id=5, name="acme", company="Acme", size_band="51-200")
    p_in = posting("1")
    stored = Stored({("greenhouse:acme", "1"): stored_row(31, p_in, board_id=None)})
    p = plan([p_in], stored, Batch("greenhouse:acme", board=board))
    assert p.changed == [
        {
            "id": 31,
            "last_seen": NOW,
            "size_band": "51-200",
            "size_band_origin": "user",
            "board_id": 5,
        }
    ]
    assert (p.updated, p.unchanged) == (0, 1)


def test_duplicates_of_stored_and_of_new_postings_from_other_sources() -> None:
    index = DedupeIndex()
    index.add(dedupe_key("Acme", "ML Engineer"), 40, "greenhouse:acme", lambda: TEXT)
    stored = Stored({}, canonical=index)
    dup = posting("1", source="file:agg")
    other = posting("2", title="Data Scientist", source="file:agg")
    same_source = posting("3", title="Data Scientist", source="file:agg")
    twin = posting("9", title="Data Scientist", source="file:b")
    p = plan([dup, other, same_source, twin], stored, FILE)
    assert p.duplicate_of == {0: 40, 3: new_ref(1)}  # one source never duplicates itself
    assert p.extra_sources == {40: ["file:agg:1"]}
    assert p.new[1]["sources"] == ["file:agg:2", "file:b:9"]
    assert dedupe_key("Acme", "Data Scientist") not in index.by_key  # the snapshot stays


def test_unique_keeps_the_first_of_each_identity_and_checks_source_length() -> None:
    first, again = posting("1", title="First"), posting("1", title="Again")
    assert [p.title for _, p in unique([first, again], "file:a")] == ["First"]
    with pytest.raises(ValidationError, match="longer than 64 characters"):
        unique([posting("1", source="x" * 65)], "file:a")
