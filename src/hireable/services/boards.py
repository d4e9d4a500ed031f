"""Followed job boards, and company size bands."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update

from hireable.errors import NotFoundError, UsageError
from hireable.sources.jobs.board_urls import board_ref, known_shapes, looks_like_url
from hireable.sources.jobs.registry import SOURCES, Source, label, parse_ref
from hireable.store.models import Board, Posting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SIZE_BANDS = ("1-10", "11-50", "51-200", "201-1000", "1000+")

# Open roles on a company's own board -> size band, when neither the user nor the source says.
# Rationale: a growing company usually has openings for roughly 5-10% of its headcount, so a
# handful of openings suggests tens of people, and over a hundred suggests a large employer. A
# company with a public ATS board is rarely under ten people, hence no proxy maps to 1-10.
OPEN_ROLES_PROXY: tuple[tuple[int, str], ...] = (
    (5, "11-50"),  # 1-5 open roles
    (20, "51-200"),  # 6-20
    (100, "201-1000"),  # 21-100
)
PROXY_ABOVE = "1000+"  # more than 100 open roles


def check_size(value: str | None) -> str | None:
    if value is None or value in SIZE_BANDS:
        return value
    raise UsageError(f"size '{value}' is not one of {', '.join(SIZE_BANDS)}")


def band_for_headcount(n: int) -> str:
    for upper, band in ((10, "1-10"), (50, "11-50"), (200, "51-200"), (1000, "201-1000")):
        if n <= upper:
            return band
    return "1000+"


def band_from_text(text: Any) -> str | None:
    """A source's size statement ('51 to 200 employees', '10000+', '1,001-5,000') -> band.

    A range maps to the band holding its upper end ('1 to 50' -> 11-50); unknown -> None.
    """
    if text is None:
        return None
    if str(text) in SIZE_BANDS:
        return str(text)
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", str(text))]
    numbers = [n for n in numbers if n > 0]
    return band_for_headcount(max(numbers)) if numbers else None


def band_from_open_roles(count: int) -> str:
    for upper, band in OPEN_ROLES_PROXY:
        if count <= upper:
            return band
    return PROXY_ABOVE


def resolve_ref(ref: str) -> tuple[Source, str]:
    """`greenhouse:acme`, or a careers / posting URL copied from a browser, -> (Source, name)."""
    if not looks_like_url(ref):
        return parse_ref(ref)
    found = board_ref(ref)
    if found is None:
        raise UsageError(
            f"'{ref.strip()}' is not a job board URL hireable knows (known: {known_shapes()})"
        )
    return parse_ref(found)


def ref_examples() -> tuple[list[str], str]:
    """What `add_board` takes, for a form's hint: a SOURCE:NAME example per source, and the
    careers URL shapes it recognises."""
    return [s.example for s in SOURCES.values()], known_shapes()


def add_board(
    session: Session, ref: str, *, company: str | None = None, size: str | None = None
) -> tuple[Board, bool]:
    """Follow a board (or update its company/size when already followed); returns (board, new)."""
    source, name = resolve_ref(ref)
    check_size(size)
    board = find_board(session, ref)
    created = board is None
    if board is None:
        board = Board(source=source.key, name=name)
        session.add(board)
    if company is not None:
        board.company = company.strip() or None
    if size is not None:
        board.size_band = size
    session.flush()
    return board, created


def find_board(session: Session, ref: str) -> Board | None:
    source, name = resolve_ref(ref)
    return session.scalars(
        select(Board).where(Board.source == source.key, Board.name == name)
    ).one_or_none()


def remove_board(session: Session, ref: str) -> None:
    """Stop following a board; its postings stay (their board link is cleared)."""
    board = find_board(session, ref)
    if board is None:
        raise NotFoundError(f"board '{ref}' is not followed (see `hireable boards list`)")
    session.execute(update(Posting).where(Posting.board_id == board.id).values(board_id=None))
    session.delete(board)


def list_boards(session: Session) -> list[dict[str, Any]]:
    boards = session.scalars(select(Board).order_by(Board.source, Board.name)).all()
    open_counts: dict[int | None, int] = {}
    if boards:  # the listed boards by id: counted from ix_posting_board alone
        counted = session.execute(
            select(Posting.board_id, func.count())
            .where(Posting.board_id.in_([b.id for b in boards]), Posting.closed_at.is_(None))
            .group_by(Posting.board_id)
        )
        open_counts = {board_id: n for board_id, n in counted}
    return [board_public(b, open_counts.get(b.id, 0)) for b in boards]


def board_label(board: Board) -> str:
    return label(SOURCES[board.source], board.name)


def board_public(board: Board, open_postings: int) -> dict[str, Any]:
    return {
        "board": board_label(board),
        "source": board.source,
        "name": board.name,
        "company": board.company,
        "size": board.size_band,
        "open_postings": open_postings,
        "last_fetched": board.last_fetched.isoformat(timespec="seconds")
        if board.last_fetched
        else None,
    }
