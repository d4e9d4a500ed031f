"""Lookups shared by every use case."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from hireable.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")


def get_or_fail(session: Session, model: type[T], row_id: int, *, noun: str, listing: str) -> T:
    """The row with this id, or a NotFoundError naming the command that lists the ids."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"no {noun} with id {row_id}; see `hireable {listing}`")
    return row
