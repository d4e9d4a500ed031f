"""Lookups shared by every use case."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from hireable.errors import NotFoundError, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
# Ids are INTEGER columns: 32-bit on PostgreSQL, and SQLite cannot bind past 2**63 - 1. An id
# outside 1..ID_MAX names no row on any backend.
ID_MAX = 2**31 - 1


def get_or_fail(session: Session, model: type[T], row_id: int, *, noun: str, listing: str) -> T:
    """The row with this id, or a NotFoundError naming the command that lists the ids."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"no {noun} with id {row_id}; see `hireable {listing}`")
    return row


def fits(model: type, field: str, value: str | None, what: str) -> str | None:
    """`value` when it fits the column (PostgreSQL refuses a longer one; SQLite would keep it),
    else a one-line error naming the field."""
    length = getattr(model.__table__.c[field].type, "length", None)  # type: ignore[attr-defined]
    if value is not None and length is not None and len(value) > length:
        raise ValidationError(f"{what} has {len(value)} characters; at most {length} fit")
    return value
