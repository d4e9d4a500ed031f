"""`--jobs N` never starts more worker processes than there are batches of lines to analyse."""

from __future__ import annotations

import json
from typing import Any

import pytest

from hireable.postings import stream


class FakePool:
    """Runs each batch at once, in this process; records how many workers were asked for."""

    sizes: list[int] = []

    def __init__(self, processes: int) -> None:
        self.sizes.append(processes)

    def __enter__(self) -> FakePool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def apply_async(self, fn: Any, args: tuple[Any, ...]) -> Any:
        result = fn(*args)
        return type("Done", (), {"get": lambda self: result})()


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import multiprocessing

    FakePool.sizes = []
    context = type("Ctx", (), {"Pool": FakePool})()
    monkeypatch.setattr(multiprocessing, "get_context", lambda *a: context)
    return FakePool.sizes


def _lines(n: int) -> list[tuple[int, str]]:
    return [(i, json.dumps({"id": i, "description": "We train models."})) for i in range(1, n + 1)]


@pytest.mark.parametrize(
    ("lines", "workers"),
    [
        (0, []),  # nothing to do: no process
        (3, []),  # one batch: done here, no process
        (stream.BATCH_LINES + 1, [2]),  # two batches: two workers, not 64
        (stream.BATCH_LINES * 70, [64]),
    ],
)
def test_workers_are_capped_by_the_batches(
    pools: list[int], lines: int, workers: list[int]
) -> None:
    results = list(stream.analyse_stream(_lines(lines), jobs=64))
    assert [r[0] for r in results] == list(range(1, lines + 1))
    assert pools == workers
