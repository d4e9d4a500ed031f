"""Helpers every command module shares: settings, the database session, output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from hireable.config import Settings


def settings() -> Settings:
    from hireable.config import get_settings

    return get_settings()


_open_engines: list[Engine] = []


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    from hireable.store.db import ensure_schema, make_engine

    engine = make_engine(url)
    _open_engines.append(engine)
    ensure_schema(engine)
    return engine


def reset_engines() -> None:
    """Close every cached engine (tests run many commands in one process)."""
    for eng in _open_engines:
        eng.dispose()
    _open_engines.clear()
    _engine_for.cache_clear()


def engine() -> Engine:
    """The engine for the configured database, migrated to head on first use."""
    return _engine_for(settings().resolved_database_url())


@contextmanager
def session() -> Iterator[Session]:
    """One transaction per command: committed on success, rolled back on any error."""
    from hireable.store.db import session_scope

    with session_scope(engine()) as s:
        yield s


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@contextmanager
def progress_bar(what: str, total: float | None, *, show: bool = True) -> Iterator[Tick]:
    """A transient progress bar on stderr while a long job runs: yields `tick(done, count)`
    (`done` against `total`, e.g. bytes read; `count` items so far). Shown only where stderr is
    a terminal (never in pipes, files or tests) and `show` holds (False, say, while the job
    writes its own output to the same terminal)."""
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    err = err_console()
    columns = [TextColumn(f"{escape(what)} {{task.fields[count]:,}}"), BarColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with Progress(
        *columns,
        console=err,
        transient=True,
        disable=not (show and err.is_terminal),
        redirect_stdout=False,  # the job's own output (say, JSON Lines) must go where it goes
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task(what, total=total, count=0)

        def tick(done: float, count: int) -> None:
            bar.update(task, completed=done, count=count)

        yield tick


Tick = Callable[[float, int], None]


@contextmanager
def working(what: str) -> Iterator[None]:
    """A transient spinner on stderr (where it is a terminal) while a network job runs."""
    from rich.markup import escape
    from rich.progress import Progress, SpinnerColumn, TextColumn

    err = err_console()
    with Progress(
        SpinnerColumn(),
        TextColumn(escape(what)),  # names in it are text, not markup
        console=err,
        transient=True,
        disable=not err.is_terminal,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as spinner:
        spinner.add_task(what, total=None)
        yield


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, never wrapped or coloured."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
