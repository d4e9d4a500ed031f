"""The scored ledger is computed once per session and forgotten on any flush."""

from __future__ import annotations

import datetime as dt

from hireable.core.evidence import validate_record
from hireable.services.evidence import add_evidence, scored_evidence, scored_ledger
from hireable.store.db import ensure_schema, make_engine, session_scope

TODAY = dt.date(2026, 11, 27)


def test_scored_ledger_is_cached_until_the_session_flushes(database_url):
    engine = make_engine(database_url)
    ensure_schema(engine)
    try:
        with session_scope(engine) as s:
            first = scored_ledger(s, TODAY)
            assert first.pairs == () and scored_ledger(s, TODAY) is first
            assert scored_evidence(s, TODAY) == []
            record = validate_record({"kind": "paid-work", "title": "Gig"}, today=TODAY)
            add_evidence(session=s, record=record)
            after = scored_evidence(s, TODAY)
            assert [row.title for row, _ in after] == ["Gig"]
            assert after[0][1].evidence_class == "secondary"
    finally:
        engine.dispose()
