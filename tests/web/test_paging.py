"""The paging arithmetic the Evidence ledger and the Jobs list share (core/paging.py)."""

from __future__ import annotations

import pytest

from hireable.core.paging import Pager


@pytest.mark.parametrize(
    ("page", "total", "expected"),
    [
        (1, 0, (1, 1, False, [], {"first": 1})),
        (1, 7, (3, 1, False, [0, 1, 2], {"first": 1, "next": 2})),
        (2, 7, (3, 4, False, [3, 4, 5], {"first": 1, "prev": 1, "next": 3})),
        (3, 7, (3, 7, False, [6], {"first": 1, "prev": 2})),
        (9, 7, (3, 25, True, [], {"first": 1, "prev": 3})),  # past the end: back to the last
    ],
)
def test_pages_of_a_list(page: int, total: int, expected: tuple[object, ...]) -> None:
    p = Pager(page, total, 3)
    assert (p.pages, p.first, p.past_end, p.cut(range(total)), p.neighbours()) == expected
