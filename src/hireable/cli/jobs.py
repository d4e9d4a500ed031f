"""`hireable boards ...` and `hireable jobs ...`: follow job boards, fetch, import, list, show.

Extension points for other command modules:
- `jobs_app` is the `jobs` Typer sub-app: add commands with `@jobs_app.command(...)`.
- `SHOW_SECTIONS` lists the functions `jobs show` renders, in order; each takes the Posting and
  its detail dict and returns a Rich renderable (or None to skip). Append one to extend the view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from hireable import clock
from hireable.cli import common, ranking
from hireable.cli.common import id_argument, json_option, limit_option, new_option

if TYPE_CHECKING:
    import threading

    from rich.console import RenderableType

    from hireable.services.ingest import IngestResult
    from hireable.store.models import Posting

boards_app = typer.Typer(
    help="Follow company job boards (Greenhouse, Lever, Ashby, Workable, SmartRecruiters, HN).",
    no_args_is_help=True,
)
jobs_app = typer.Typer(help="Fetch, import, list and inspect job postings.", no_args_is_help=True)

REF_HELP = (
    "SOURCE:NAME (greenhouse:acme, lever:acme, ashby:acme, hn:2026-11) or a careers or posting URL"
    " (https://jobs.lever.co/acme)"
)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(boards_app, name="boards")
    jobs_app.command("rank")(ranking.rank)
    app.add_typer(jobs_app, name="jobs")


# --- boards -------------------------------------------------------------------------------------


@boards_app.command("add")
def boards_add(
    ref: str = typer.Argument(..., metavar="SOURCE:NAME|URL", help=REF_HELP),
    company: str | None = typer.Option(None, "--company", help="Display name of the company."),
    size: str | None = typer.Option(
        None, "--size", help="Company size band: 1-10, 11-50, 51-200, 201-1000 or 1000+."
    ),
) -> None:
    """Follow a job board (again: update its company name or size)."""
    from hireable.services.boards import add_board, board_label

    with common.session() as session:
        board, created = add_board(session, ref, company=company, size=size)
        text = f"{'following' if created else 'updated'} {board_label(board)}"
    hint = "; fetch it with `hireable jobs fetch`" if created else ""
    common.console().print(text + hint)


@boards_app.command("list")
def boards_list(json_out: bool = json_option()) -> None:
    """List followed boards with their open postings and last fetch."""
    from rich.table import Table

    from hireable.services.boards import list_boards

    with common.session() as session:
        rows = list_boards(session)
    if json_out:
        common.print_json(rows)
        return
    if not rows:
        common.console().print(
            "no boards followed; add one with `hireable boards add greenhouse:TOKEN`"
        )
        return
    table = Table("board", "company", "size", "open", "last fetched")
    for r in rows:
        _row(
            table,
            r["board"],
            r["company"],
            r["size"],
            r["open_postings"],
            r["last_fetched"] or "never",
        )
    common.console().print(table)


@boards_app.command("discover")
def boards_discover(
    threads: list[str] | None = typer.Argument(
        None, metavar="[hn | hn:YYYY-MM]...", help="HN 'Who is hiring?' threads (default: latest)."
    ),
    files: list[Path] | None = typer.Option(
        None, "--file", help="Also read a saved HTML or text page, e.g. a startup list."
    ),
    ml_only: bool = typer.Option(False, "--ml-only", help="Only boards whose post names ML work."),
    follow: bool = typer.Option(False, "--follow", help="Follow the boards found."),
    json_out: bool = json_option(),
) -> None:
    """Find company boards in HN 'Who is hiring?' threads and saved pages."""
    from hireable.services import discover
    from hireable.sources import http

    months = discover.hn_months(threads or ([] if files else ["hn"]))
    settings = common.settings()
    with (
        http.make_client(settings, transport=http.transport_factory()) as client,
        common.working("reading threads"),
    ):
        found = discover.discover(client, settings, months, list(files or []))
    if ml_only:
        found = [f for f in found if f.ml]
    with common.session() as session:
        added = discover.follow(session, found, ml_only=ml_only) if follow else []
        rows = discover.rows(found, discover.followed_refs(session))
    if json_out:
        common.print_json(rows)
        return
    _discovered(rows, added)


def _discovered(rows: list[dict[str, Any]], added: list[str]) -> None:
    from rich.table import Table

    out = common.console()
    if not rows:
        out.print("no job board links found")
        return
    table = Table("company", "board", "ML", "followed", "header")
    for r in rows:
        _row(table, r["company"], r["board"], _flag(r["ml"]), _flag(r["followed"]), r["header"])
    out.print(table)
    tail = f"; followed {len(added)} new" if added else ""
    hint = "" if added else "; follow them with --follow (or one with `hireable boards add`)"
    out.print(f"{len(rows)} boards found{tail}{hint}")


@boards_app.command("remove")
def boards_remove(
    ref: str = typer.Argument(..., metavar="SOURCE:NAME|URL", help=REF_HELP),
) -> None:
    """Stop following a board; postings already stored are kept."""
    from hireable.services.boards import remove_board

    with common.session() as session:
        remove_board(session, ref)
    common.console().print(f"removed {ref}")


# --- jobs fetch / import ------------------------------------------------------------------------


def _summary(results: list[IngestResult], json_out: bool) -> None:
    if json_out:
        common.print_json([r.public() for r in results])
        return
    from rich.table import Table

    table = Table("board", "new", "updated", "closed", "unchanged", "failed")
    for r in results:
        counts = ("-",) * 4 if r.error else (r.new, r.updated, r.closed, r.unchanged)
        _row(table, r.label, *counts, r.error)
    common.console().print(table)


@jobs_app.command("fetch")
def jobs_fetch(
    refs: list[str] | None = typer.Argument(
        None, metavar="[SOURCE:NAME]...", help="Boards to fetch (default: every followed board)."
    ),
    every: str | None = typer.Option(
        None, "--every", metavar="INTERVAL", help="Keep running: fetch again every 30m, 6h, 1d..."
    ),
    concurrency: int = typer.Option(
        8, "--concurrency", metavar="N", help="Boards fetched at once, 1-32 (2 per host at most)."
    ),
    json_out: bool = json_option("Print the summary as JSON."),
) -> None:
    """Fetch boards, store new and changed postings, close the ones that disappeared."""
    from hireable.services.job_fetch import check_concurrency

    run = _FetchRun(refs or [], json_out, check_concurrency(concurrency))
    if every is None:
        if run.once(lambda: False):
            raise typer.Exit(1)
        return
    _fetch_every(run, every)


def _fetch_every(run: _FetchRun, every: str) -> None:
    import threading

    from hireable.intervals import parse_interval
    from hireable.services.job_fetch import fetch_every

    seconds = parse_interval(every)
    stop = threading.Event()
    err = common.err_console()

    def once() -> None:
        run.once(stop.is_set)
        if not stop.is_set():
            err.print(f"next fetch in {every} (Ctrl-C stops)")

    with _ctrl_c_sets(stop):
        fetch_every(once, seconds, stop=stop)
    err.print("stopped")


@contextmanager
def _ctrl_c_sets(stop: threading.Event) -> Iterator[None]:
    """The first Ctrl-C asks the loop to stop after the board being written; a second aborts
    (the open transaction rolls back, so no board is half-written either way)."""
    import signal

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        common.err_console().print("stopping after this board (Ctrl-C again to abort)")

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class _FetchRun:
    refs: list[str]
    json_out: bool
    concurrency: int

    def once(self, should_stop: Callable[[], bool]) -> bool:
        """One fetch of the boards with its summary; whether any board failed."""
        from hireable.services.job_fetch import fetch_boards
        from hireable.sources import http
        from hireable.sources.hostlimit import HostLimited

        settings = common.settings()
        err = common.err_console()
        transport = HostLimited(http.transport_factory())
        with (
            http.make_client(settings, transport=transport) as client,
            _board_progress() as progress,
        ):
            results = fetch_boards(
                session_factory=common.session,
                client=client,
                settings=settings,
                refs=self.refs,
                progress=progress,
                should_stop=should_stop,
                concurrency=self.concurrency,
            )
        for r in results:
            if r.error:
                err.print(f"error: {r.error}", soft_wrap=True)
        _summary(results, self.json_out)
        return any(r.error for r in results)


@contextmanager
def _board_progress() -> Iterator[Callable[[str, str, IngestResult | None], None]]:
    """On a terminal: a line per board in flight (fetching, storing) and a count of boards done.
    Called from the fetching threads, hence the lock."""
    import threading

    from rich.progress import SpinnerColumn, TextColumn

    from hireable.cli.literal import visible

    columns = [
        SpinnerColumn(),
        TextColumn("{task.fields[board]}", markup=False),
        TextColumn("{task.fields[state]}", markup=False),
    ]
    lock = threading.Lock()
    with common._live(columns) as live:
        overall = live.add_task("", total=None, board="boards done:", state="0")
        tasks: dict[str, Any] = {}

        def tell(board: str, state: str, result: IngestResult | None) -> None:
            with lock:
                if board not in tasks:
                    shown = visible(board)
                    tasks[board] = live.add_task("", total=None, board=shown, state=state)
                if state == "done":
                    live.update(tasks[board], visible=False)
                    live.advance(overall)
                    live.update(overall, state=str(int(live.tasks[overall].completed)))
                else:
                    live.update(tasks[board], state=state)

        yield tell


@jobs_app.command("import")
def jobs_import(
    file: Path = typer.Argument(..., metavar="FILE", help="A .json, .jsonl or .csv file."),
    source: str | None = typer.Option(
        None,
        "--source",
        help="Store as file:NAME (default: each record's `source`, else the file name).",
    ),
    mapping: list[str] | None = typer.Option(
        None, "--map", metavar="OLD=NEW", help="Rename a column before import (repeatable)."
    ),
    json_out: bool = json_option("Print the summary as JSON."),
) -> None:
    """Import postings from a file, all or nothing."""
    from hireable.services.job_fetch import import_file
    from hireable.sources.jobs.files import parse_mapping

    with common.progress_bar("importing postings:", None) as tick:
        result = import_file(
            common.session,
            file,
            source=source,
            mapping=parse_mapping(mapping or []),
            progress=lambda n: tick(n, n),
        )
    if json_out:
        common.print_json(result.public())
        return
    common.console().print(
        f"imported {file.name}: {result.new} new ({result.duplicates} duplicates of postings "
        f"from other sources), {result.updated} updated, {result.unchanged} unchanged",
    )


# --- jobs list / show ---------------------------------------------------------------------------


def _row(table: Any, *cells: Any) -> None:
    """Add a row of literal text: names like "Acme [YC W23]" are not Rich markup."""
    from hireable.cli.literal import text

    table.add_row(*(text(c) for c in cells))


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


@jobs_app.command("list")
def jobs_list(
    json_out: bool = json_option(),
    open_only: bool = typer.Option(False, "--open", help="Only open postings."),
    closed_only: bool = typer.Option(False, "--closed", help="Only closed postings."),
    limit: int | None = limit_option("At most N postings."),
    new: bool = new_option(),
) -> None:
    """List stored postings, newest first (duplicates from other sources hidden)."""
    from hireable.cli.views import list_table
    from hireable.errors import UsageError
    from hireable.services.job_queries import list_postings, posting_summary

    if open_only and closed_only:
        raise UsageError("--open and --closed exclude each other")
    status = "open" if open_only else "closed" if closed_only else "all"
    with common.session() as session:
        anything, since = common.new_since(session, new)
        found = list_postings(session, status=status, limit=limit, first_seen_since=since)
        rows = [posting_summary(p) for p in found] if anything else []
    if json_out:
        common.print_json(rows)
        return
    if not rows:
        if not new:
            common.console().print(
                "no postings; run `hireable jobs fetch` or `hireable jobs import`"
            )
        elif anything:
            common.console().print("no new postings since the latest fetch")
        return
    # One line per posting, whatever the terminal width: long names are cut with an ellipsis.
    table = list_table()
    table.add_column("id", justify="right", no_wrap=True)
    for name, width in (("company", 16), ("title", 28)):
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=width)
    for name in ("degree", "level", "ML", "state"):
        table.add_column(name, no_wrap=True, min_width=len(name))
    for r in rows:
        _row(
            table,
            r["id"],
            r["company"],
            r["title"],
            r["degree"],
            r["seniority"],
            _flag(r.get("ml")),
            "closed" if r["closed_at"] else "open",
        )
    out = common.console()
    out.print(table)
    out.print("Next: `hireable jobs rank` ranks them for you; `jobs show ID` explains one.")


def _evidence_lines(evidence: Any) -> list[tuple[str, str]]:
    """The analyser's evidence (field -> quote, span dict, or list of them) as (field, quote)
    pairs."""
    if not isinstance(evidence, dict):
        return [("evidence", str(evidence))] if evidence else []
    lines = []
    for field, value in evidence.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                item = item.get("text") or item.get("quote") or item.get("span") or item
            if item:
                lines.append((str(field), str(item)))
    return lines


def section_facts(posting: Posting, d: dict[str, Any]) -> RenderableType:
    from rich.table import Table

    from hireable.services.job_queries import salary_text

    facts = [
        ("company", d["company"]),
        ("title", d["title"]),
        ("location", d["location"]),
        ("remote", _flag(d["remote"])),
        ("url", d["url"]),
        ("sources", ", ".join(d["sources"])),
        ("duplicate of", d["duplicate_of_id"]),
        ("size", f"{d['size_band']} ({d['size_band_origin']})" if d["size_band"] else None),
        ("posted", d["posted_at"]),
        ("first seen", d["first_seen"]),
        ("last seen", d["last_seen"]),
        ("closed", d["closed_at"]),
        ("degree", " / ".join(x for x in (d["degree"], d["degree_level"]) if x)),
        ("seniority", d["seniority"]),
        ("years min", d["years_min"]),
        ("hands-on ML", _flag(d["ml"])),
        ("salary", salary_text(d["salary"])),
        ("skills", ", ".join(d["skills"])),
    ]
    table = Table(show_header=False, box=None, padding=(0, 1))
    for key, value in facts:
        if value not in (None, ""):
            _row(table, key, value)
    return table


def section_evidence(posting: Posting, d: dict[str, Any]) -> RenderableType | None:
    from rich.console import Group

    from hireable.cli.literal import hanging, text

    lines = _evidence_lines(d["evidence"])
    quotes = [hanging(f"  {field}:", f"“{quote}”") for field, quote in lines]
    return Group(text("evidence"), *quotes) if lines else None


SHOW_SECTIONS: list[Callable[[Posting, dict[str, Any]], RenderableType | None]] = [
    section_facts,
    section_evidence,
]


def render_show(posting: Posting, detail: dict[str, Any]) -> None:
    """Print every section of `SHOW_SECTIONS` for one posting."""
    from hireable.cli.literal import text

    out = common.console()
    out.print(text(f"#{posting.id} {posting.title or ''}", "bold"))
    for section in SHOW_SECTIONS:
        renderable = section(posting, detail)
        if renderable is not None:
            out.print(renderable)


@jobs_app.command("show")
def jobs_show(
    posting_id: int = id_argument(help="A posting id from `jobs list`."),
    json_out: bool = json_option(),
) -> None:
    """Show one posting: its facts, its analysis with the decisive sentences, and its score for
    you factor by factor."""

    from hireable.cli.views import render_score_explanation
    from hireable.services.job_queries import get_posting, posting_detail
    from hireable.services.profile import get_profile
    from hireable.services.ranking import explain_posting_score

    with common.session() as session:
        posting = get_posting(session, posting_id)
        detail = posting_detail(posting)
        breakdown = explain_posting_score(session, posting, get_profile(session), clock.today())
        if json_out:
            common.print_json({**detail, "score": breakdown.public()})
        else:
            render_show(posting, detail)
            render_score_explanation(common.console(), breakdown)


# --- jobs skills --------------------------------------------------------------------------------


@jobs_app.command("skills")
def jobs_skills(
    top: int = typer.Option(20, "--top", help="How many best-ranked open postings to read, 1-500."),
    json_out: bool = json_option(),
) -> None:
    """The skills your best openings ask for, and what in your evidence shows each."""

    from hireable.services.market import check_top, market_skills

    check_top(top)
    with common.session() as session:
        market = market_skills(session, today=clock.today(), top=top)
    if json_out:
        common.print_json(market.public())
        return
    _market(market)


def _market(market: Any) -> None:
    from rich.table import Table

    out = common.console()
    if not market.of:
        out.print("no open postings ranked yet; fetch them: `hireable jobs fetch`")
        return
    table = Table("skill", f"asked by (of {market.of})", "shown by")
    for d in market.demands:
        _row(table, d.skill, d.asked_by, d.shown_by)
    out.print(table)
    gap = market.gap
    if gap is not None:
        out.print(f"next: {gap.sentence()}: build something that shows it")
