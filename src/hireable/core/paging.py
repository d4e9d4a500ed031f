"""Pages of a long list (pure): which rows page N of a sorted or ranked list shows, how many
pages there are and which pages neighbour it. The Evidence ledger and the Jobs list page alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    page: int  # the page asked for, from 1 (it may be past the last)
    total: int  # rows in the whole list
    size: int  # rows a page shows

    @property
    def pages(self) -> int:
        """How many pages there are (an empty list still has its page 1)."""
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        """The index of the page's first row (0-based)."""
        return (self.page - 1) * self.size

    @property
    def first(self) -> int:
        """The position of the page's first row (1-based), as the page numbers its rows."""
        return self.start + 1

    @property
    def past_end(self) -> bool:
        return self.page > self.pages

    def cut(self, rows: Sequence[T]) -> list[T]:
        return list(rows[self.start : self.start + self.size])

    def neighbours(self) -> dict[str, int]:
        """The pages a page links to: "first" always, "prev" and "next" where there is one
        (from past the end, "prev" is the last page)."""
        links = {"first": 1}
        if self.page > 1:
            links["prev"] = min(self.page - 1, self.pages)
        if self.page < self.pages:
            links["next"] = self.page + 1
        return links
