"""Lookups shared by every use case."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from hireable.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
MAX_ID = 2**63 - 1  # the largest id a database can hold: beyond it no row can exist


def get_or_fail(session: Session, model: type[T], row_id: int, *, noun: str, listing: str) -> T:
    """The row with this id, or a NotFoundError naming the command that lists the ids (also for
    an id no database could hold, which the driver would refuse to even look up)."""
    row = session.get(model, row_id) if 1 <= row_id <= MAX_ID else None
    if row is None:
        raise NotFoundError(f"no {noun} with id {row_id}; see `hireable {listing}`")
    return row
