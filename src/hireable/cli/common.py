"""Helpers every command module shares: settings, the database session, shared options
(`--json`, ids), output."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import typer

from hireable.store.repo import ID_MAX  # cheap: no SQLAlchemy behind it

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console
    from rich.progress import Progress
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    from hireable.config import Settings


def json_option(help: str = "Print JSON.") -> Any:
    """The `--json` flag every listing and report takes."""
    return typer.Option(False, "--json", help=help)


def _within(low: int, high: int, what: str, note: str = "") -> Callable[[int | None], int | None]:
    def check(value: int | None) -> int | None:
        if value is not None and not low <= value <= high:
            span = f"{what} are whole numbers from {low} to {high}{note}"
            raise typer.BadParameter(f"{span}, not {value}")
        return value

    return check


check_id = _within(1, ID_MAX, "ids")
check_link = _within(0, ID_MAX, "ids", " (0 unlinks)")


def id_argument(default: Any = ..., *, help: str | None = None, metavar: str | None = "ID") -> Any:
    """A stored row's id as an argument, checked against the column's range."""
    return typer.Argument(default, metavar=metavar, help=help, callback=check_id)


def id_option(name: str, *, help: str, unlink: bool = False) -> Any:
    """A stored row's id as an option (None when not given); with `unlink`, 0 is allowed."""
    return typer.Option(None, name, help=help, callback=check_link if unlink else check_id)


def limit_option(help: str) -> Any:
    """`--limit N` for a listing (None: no limit), within what the database's LIMIT takes."""
    return typer.Option(None, "--limit", help=help, callback=_within(1, ID_MAX, "limits"))


def new_option() -> Any:
    """`--new`: only postings first seen since the latest fetch run started."""
    return typer.Option(False, "--new", help="Only postings first seen by the latest `jobs fetch`.")


def new_since(session: Session, new: bool) -> tuple[bool, dt.datetime | None]:
    """For `--new`: (anything to show, first-seen bound). With no fetch run yet there is
    nothing new to show, and a note on stderr says why."""
    if not new:
        return True, None
    from hireable.services.job_queries import latest_fetch_start

    since = latest_fetch_start(session)
    if since is None:
        err_console().print("no fetch has run yet: nothing is new (run `hireable jobs fetch`)")
        return False, None
    return True, since


def output_option(*names: str, help: str) -> Any:
    """A file the command writes (None when not given). Not checked by Typer, which would call
    an unreadable file "not readable": `fileio.check_writable` checks it before any write."""
    return typer.Option(None, *names, help=help, readable=False)


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


def imported(added: str, file: Any, already: int) -> str:
    """The summary of a file import: `added` ("2 journal entries") and the records already
    stored."""
    return f"Imported {added} from {file}; {already} already there, not added again."


def console() -> Console:
    """Standard output; strings print literally (see cli/literal.py)."""
    from hireable.cli.literal import make_console

    return make_console(soft_wrap=False)


def err_console() -> Console:
    from hireable.cli.literal import make_console

    return make_console(stderr=True)


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
    from rich.progress import BarColumn, TextColumn, TimeRemainingColumn

    from hireable.cli.literal import visible

    label = visible(what).replace("{", "{{").replace("}", "}}")
    columns = [TextColumn(f"{label} {{task.fields[count]:,}}", markup=False), BarColumn()]
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
    from rich.progress import SpinnerColumn, TextColumn

    from hireable.cli.literal import visible

    with _live([SpinnerColumn(), TextColumn("{task.description}", markup=False)]) as spinner:
        task = spinner.add_task(visible(what), total=None)

        def say(text: str) -> None:
            spinner.update(task, description=visible(text))

        yield say


def print_json(data: Any) -> None:
    """Machine-readable output: plain JSON on stdout, never wrapped or coloured. json.dumps
    escapes C0 controls; DEL and C1 controls (\\x9b is a CSI to some terminals) too, here."""
    from hireable.cli.literal import json_literal

    text = json.dumps(_finite(data), indent=2, ensure_ascii=False, default=str, allow_nan=False)
    sys.stdout.write(json_literal(text) + "\n")


def _finite(value: Any) -> Any:
    """`value` with every non-finite float as null: `Infinity` and `NaN` are not JSON (a row
    stored before the input checks existed can still hold one)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value
