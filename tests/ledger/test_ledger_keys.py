"""An import looks records up in one read of the ledger's keys (`LedgerKeys`): it must find
exactly what the one-record lookup (`find_record`) finds, on every backend."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hireable.core.evidence import EvidenceInput, validate_record
from hireable.services.evidence import LedgerKeys, add_evidence, find_record
from hireable.store.db import ensure_schema, make_engine, session_scope

TODAY = dt.date(2026, 12, 4)


def record(**fields: Any) -> EvidenceInput:
    return validate_record({"kind": "paid-work", "title": "Gig", **fields}, today=TODAY)


STORED = [
    record(url="https://a.example/1", title="First at a"),
    record(url="https://a.example/1", title="Second at a"),  # same key: the first is found
    record(kind="project", url="https://a.example/1", title="A project there"),
    record(title="No link", date="2026-01"),
    record(title="No link", date="2026-02"),
    record(title="No link"),
    record(title="no link", date="2026-01"),
]
LOOKUPS = [
    record(url="https://a.example/1", title="Any title"),
    record(kind="project", url="https://a.example/1"),
    record(kind="job", url="https://a.example/1"),
    record(url="https://a.example/2"),
    record(title="No link", date="2026-01"),
    record(title="No link", date="2026-02"),
    record(title="No link", date="2026-03"),
    record(title="No link"),
    record(title="no link", date="2026-01"),
    record(title="NO LINK", date="2026-01"),
    record(title="No link", date="2026-01", url="https://b.example/"),
]


def test_ledger_keys_find_what_find_record_finds(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_schema(engine)
    try:
        with session_scope(engine) as s:
            for r in STORED:
                add_evidence(session=s, record=r)
        with session_scope(engine) as s:
            keys = LedgerKeys(s, LOOKUPS)
            found = [keys.find(r) for r in LOOKUPS]
            expected = [find_record(s, r) for r in LOOKUPS]
            assert [i.id if i else None for i in found] == [i.id if i else None for i in expected]
            assert [i.title if i else None for i in found[:4]] == [
                "First at a", "A project there", None, None
            ]  # fmt: skip
    finally:
        engine.dispose()


def test_an_item_noted_during_an_import_is_found_before_the_flush(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_schema(engine)
    try:
        with session_scope(engine) as s:
            keys = LedgerKeys(s)
            new = add_evidence(session=s, record=record(title="Fresh"), flush=False)
            keys.note(new)
            assert keys.find(record(title="Fresh")) is new
            assert keys.find(record(title="Fresh", date="2026-01")) is None
    finally:
        engine.dispose()
