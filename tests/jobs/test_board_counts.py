"""`boards list` counts each followed board's open postings (from ix_posting_board)."""

from __future__ import annotations

from hireable.services.boards import add_board, list_boards
from hireable.store.db import ensure_schema, make_engine, session_scope
from tests.ranking.factory import NOW, add_postings, posting


def test_each_board_counts_its_open_postings_only(database_url: str) -> None:
    engine = make_engine(database_url)
    ensure_schema(engine)
    try:
        with session_scope(engine) as s:
            assert list_boards(s) == []
            acme = add_board(s, "greenhouse:acme")[0].id
            beta = add_board(s, "lever:beta")[0].id
            add_board(s, "ashby:quiet")
        add_postings(
            database_url,
            posting(1, board_id=acme),
            posting(2, board_id=acme),
            posting(3, board_id=acme, closed_at=NOW),  # closed: not counted
            posting(4, board_id=beta),
            posting(5),  # a file import: no board
        )
        with session_scope(engine) as s:
            counts = {b["board"]: b["open_postings"] for b in list_boards(s)}
        assert counts == {"greenhouse:acme": 2, "lever:beta": 1, "ashby:quiet": 0}
    finally:
        engine.dispose()
