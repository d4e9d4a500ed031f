"""The shared clock: a moved today moves the stamps the store keeps with it."""

from __future__ import annotations

import datetime as dt

import pytest

from hireable import clock

PAST = dt.date(2026, 1, 15)


def test_a_moment_on_the_real_today_is_the_real_instant() -> None:
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    now = clock.moment(dt.date.today())
    assert before <= now <= dt.datetime.now(dt.UTC).replace(tzinfo=None)


def test_a_frozen_today_dates_the_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: PAST)
    assert clock.moment().date() == PAST
    assert clock.moment(PAST + dt.timedelta(days=7)).date() == dt.date(2026, 1, 22)


def test_postings_stored_without_a_stamp_are_seen_on_the_clocks_today(
    monkeypatch: pytest.MonkeyPatch, sqlite_url: str
) -> None:
    from hireable.services.ingest import store_postings
    from hireable.sources.jobs.base import PostingIn
    from hireable.store.db import ensure_schema, make_engine, session_scope
    from hireable.store.models import Posting

    monkeypatch.setattr(clock, "today", lambda: PAST)
    engine = make_engine(sqlite_url)
    ensure_schema(engine)
    posting = PostingIn(external_id="1", title="ML Engineer", description="Train models.")
    with session_scope(engine) as s:
        store_postings(s, [posting], default_source="file:test")
    with session_scope(engine) as s:
        [stored] = s.query(Posting).all()
        assert stored.first_seen.date() == PAST and stored.last_seen.date() == PAST
    engine.dispose()
