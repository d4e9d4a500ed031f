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
    from rich.progress import Progress
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

    engine = make_engine(url, busy_timeout=settings().db_busy_timeout)
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


def _live(columns: list[Any], *, show: bool = True) -> Progress:
    """A transient display on stderr, shown only where stderr is a terminal (never in pipes,
    files or tests) and `show` holds. It never redirects stdout: a job's own output (say, JSON
    Lines) must go where it goes."""
    from rich.progress import Progress

    err = err_console()
    return Progress(
        *columns,
        console=err,
        transient=True,
        disable=not (show and err.is_terminal),
        redirect_stdout=False,
        redirect_stderr=False,
    )


@contextmanager
def progress_bar(what: str, total: float | None, *, show: bool = True) -> Iterator[Tick]:
    """A progress bar while a long job runs: yields `tick(done, count)` (`done` against
    `total`, e.g. bytes read; `count` items so far). `show` False keeps it off (while the job
    writes its own output to the same terminal, say)."""
    from rich.markup import escape
    from rich.progress import BarColumn, TextColumn, TimeRemainingColumn

    columns = [TextColumn(f"{escape(what)} {{task.fields[count]:,}}"), BarColumn()]
    if total is not None:
        columns.append(TimeRemainingColumn())
    with _live(columns, show=show) as bar:
        task = bar.add_task(what, total=total, count=0)

        def tick(done: float, count: int) -> None:
            bar.update(task, completed=done, count=count)

        yield tick


Tick = Callable[[float, int], None]


@contextmanager
def working(what: str) -> Iterator[Callable[[str], None]]:
    """A spinner while a network job runs; yields `say(text)` to change what it says. Names
    in the text are shown as text, never read as markup."""
    from rich.markup import escape
    from rich.progress import SpinnerColumn, TextColumn

    with _live([SpinnerColumn(), TextColumn("{task.description}")]) as spinner:
        task = spinner.add_task(escape(what), total=None)

        def say(text: str) -> None:
            spinner.update(task, description=escape(text))

        yield say


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, never wrapped or coloured."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
