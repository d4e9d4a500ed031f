"""Analyse JSON Lines postings as a stream: one line in, one line out, in input order.

Memory stays flat whatever the input size: lines are read one at a time and, with several
worker processes, at most `WINDOW_BATCHES` batches are in flight. A bad line (not UTF-8, not
JSON, not an object, no string `description`) becomes a `LineError` and the rest still runs.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from hireable.postings.analyse import analyse

BATCH_LINES = 256  # lines sent to a worker at once: large enough to hide the IPC cost
WINDOW_BATCHES = 4  # batches in flight per worker: keeps workers busy, memory bounded
MAX_REASON = 120


@dataclass(frozen=True)
class LineError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


Result = tuple[int, str | None, str | None]  # (line number, output JSON line, error reason)


def parse_posting(raw: bytes | str) -> dict[str, Any]:
    """The posting object on one input line; ValueError with a one-line reason otherwise."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 text (byte {exc.start}); is this a JSON Lines file?"
            raise ValueError(reason) from None
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ValueError(f"not a JSON object (got {type(obj).__name__})")
    if not isinstance(obj.get("description"), str):
        raise ValueError('no "description" string; each line needs {"description": "..."}')
    return obj


def analyse_posting(obj: dict[str, Any]) -> dict[str, Any]:
    """The output object for one parsed posting: its id, then the analysis."""
    title = obj.get("title")
    result = analyse(obj["description"], title if isinstance(title, str) else None)
    return {"id": obj.get("id"), **result}


def analyse_line(item: tuple[int, bytes | str]) -> Result:
    lineno, raw = item
    try:
        obj = parse_posting(raw)
    except ValueError as exc:
        return lineno, None, str(exc)[:MAX_REASON]
    return lineno, json.dumps(analyse_posting(obj), ensure_ascii=False), None


def _analyse_batch(batch: list[tuple[int, bytes]]) -> list[Result]:
    return [analyse_line(item) for item in batch]


def numbered_lines(
    stream: IO[bytes] | IO[str] | Iterable[bytes | str],
) -> Iterator[tuple[int, bytes | str]]:
    """(line number, line) for every non-blank line, read lazily."""
    for lineno, raw in enumerate(stream, start=1):
        if raw.strip():
            yield lineno, raw


def analyse_stream(lines: Iterable[tuple[int, bytes | str]], jobs: int = 1) -> Iterator[Result]:
    """Results in input order; with `jobs` > 1, across that many worker processes."""
    if jobs <= 1:
        for item in lines:
            yield analyse_line(item)
        return
    yield from _parallel(lines, jobs)


def _parallel(lines: Iterable[tuple[int, bytes | str]], jobs: int) -> Iterator[Result]:
    import multiprocessing
    from itertools import chain, islice

    batches = _batches(lines, BATCH_LINES)
    first = list(islice(batches, jobs))  # never more workers than batches to do
    if len(first) <= 1:
        for batch in first:
            yield from _analyse_batch(batch)
        return
    workers = len(first)
    ctx = multiprocessing.get_context("spawn" if _unsafe_to_fork() else None)
    with ctx.Pool(workers) as pool:
        pending: deque[Any] = deque()
        for batch in chain(first, batches):
            pending.append(pool.apply_async(_analyse_batch, (batch,)))
            if len(pending) >= workers * WINDOW_BATCHES:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _unsafe_to_fork() -> bool:
    import sys
    import threading

    return sys.platform != "linux" or threading.active_count() > 1


def run(
    source: Iterable[bytes | str],
    write: Callable[[str], Any],
    *,
    jobs: int = 1,
    strict: bool = False,
    on_error: Callable[[LineError], Any],
) -> tuple[int, int]:
    """Analyse every line of `source`, writing output lines; (postings written, lines skipped).

    With `strict`, stops at the first bad line.
    """
    written = skipped = 0
    for lineno, out, error in analyse_stream(numbered_lines(source), jobs):
        if error is not None:
            skipped += 1
            on_error(LineError(lineno, error))
            if strict:
                break
            continue
        write(f"{out}\n")
        written += 1
    return written, skipped
