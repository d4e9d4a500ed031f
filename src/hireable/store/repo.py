"""Lookups shared by every use case."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from hireable.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
# Ids are INTEGER columns: 32-bit on PostgreSQL, and SQLite cannot bind past 2**63 - 1. An id
# outside 1..ID_MAX names no row on any backend.
ID_MAX = 2**31 - 1


def get_or_fail(session: Session, model: type[T], row_id: int, *, noun: str, listing: str) -> T:
    """The row with this id, or a NotFoundError naming the command that lists the ids."""
    row = session.get(model, row_id) if 1 <= row_id <= ID_MAX else None
    if row is None:
        raise NotFoundError(f"no {noun} with id {row_id}; see `hireable {listing}`")
    return row
