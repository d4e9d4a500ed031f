"""Discover company boards worth following: the ATS links in HN "Who is hiring?" threads and in
saved pages (startup lists), each with the header it came with and whether it names an ML role."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from hireable.errors import UsageError
from hireable.fileio import read_text
from hireable.postings.analyse import analyse
from hireable.services.boards import add_board
from hireable.sources.jobs import hn
from hireable.sources.jobs.discover import Found, board_refs, from_page, merge
from hireable.sources.jobs.registry import parse_ref
from hireable.store.models import Board

if TYPE_CHECKING:
    import httpx
    from sqlalchemy.orm import Session

    from hireable.config import Settings


def names_ml(text: str, title: str | None) -> bool:
    """Whether the text names hands-on ML work, as the posting analyser reads it."""
    return bool(analyse(text, title)["ml"])


def hn_months(refs: list[str]) -> list[str]:
    """`hn` / `hn:YYYY-MM` arguments -> months ('' is the latest thread); others are refused."""
    months = []
    for ref in refs:
        source, name = parse_ref(ref)
        if source.key != "hn":
            raise UsageError(f"'{ref}' is not an HN thread: give hn or hn:YYYY-MM")
        months.append(name)
    return months


def from_hn(client: httpx.Client, settings: Settings, month: str) -> list[Found]:
    """Every board linked from the top-level comments of one month's thread."""
    _, comments = hn.thread_comments(client, settings, month)
    out: list[Found] = []
    for comment in comments:
        refs = board_refs(comment["text"])
        if not refs:
            continue
        header = hn.first_line(comment["text"])
        parsed = hn.parse_header(header)
        ml = names_ml(comment["text"], parsed["title"])
        out.extend(Found(ref, parsed["company"], header, ml) for ref in refs)
    return out


def from_file(path: Path) -> list[Found]:
    return from_page(read_text(path), names_ml)


def discover(
    client: httpx.Client | None, settings: Settings, months: list[str], files: list[Path]
) -> list[Found]:
    """The boards found in the given HN months and files, each once, in order of first sighting."""
    found: list[Found] = []
    for path in files:  # files first: a bad path fails before any request is made
        found.extend(from_file(path))
    for month in months:
        assert client is not None
        found.extend(from_hn(client, settings, month))
    return merge(found)


def followed_refs(session: Session) -> set[str]:
    from hireable.services.boards import board_label

    return {board_label(b) for b in session.scalars(select(Board))}


def rows(found: list[Found], followed: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "company": f.company,
            "board": f.ref,
            "header": f.header,
            "ml": f.ml,
            "followed": f.ref in followed,
        }
        for f in found
    ]


def follow(session: Session, found: list[Found], *, ml_only: bool) -> list[str]:
    """Follow every found board not followed yet (only ML ones with `ml_only`); their refs."""
    followed = followed_refs(session)
    added = []
    for f in found:
        if f.ref in followed or (ml_only and not f.ml):
            continue
        add_board(session, f.ref, company=f.company)
        added.append(f.ref)
    return added
