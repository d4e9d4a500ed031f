"""Lookups shared by every use case."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from hireable.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
# Ids are INTEGER columns: PostgreSQL's range ends at 2**31 - 1, and beyond it a lookup is a
# DataError (on SQLite past 2**63 - 1, an OverflowError). No row can have such an id.
ID_MAX = 2**31 - 1


def get_or_fail(session: Session, model: type[T], row_id: int, *, noun: str, listing: str) -> T:
    """The row with this id, or a NotFoundError naming the command that lists the ids."""
    row = session.get(model, row_id) if 1 <= row_id <= ID_MAX else None
    if row is None:
        raise NotFoundError(f"no {noun} with id {row_id}; see `hireable {listing}`")
    return row
