"""Commands of the learn–do rhythm: log, journal, idea, plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hireable import clock
from hireable.cli.common import id_argument, id_option, json_option, output_option
from hireable.core.weeks import MAX_PLAN_WEEKS, MAX_REPORT_WEEKS, PLAN_WEEKS

if TYPE_CHECKING:
    from rich.console import Console

    from hireable.services.journal import JournalReport

log_app = typer.Typer(
    name="log", help="Log a learning or a doing session in your journal.", no_args_is_help=True
)
journal_app = typer.Typer(
    name="journal",
    help="Learn vs do hours per week, streak, momentum and warnings; edit, remove, import.",
    invoke_without_command=True,
)
idea_app = typer.Typer(
    name="idea", help="Collect, score, shortlist and pick project ideas.", no_args_is_help=True
)

DATE_HELP = "YYYY-MM-DD, today or earlier (default today)."
SCORE_HELP = "1–5: "
CHART_WIDTH = 24  # characters of the longest learn + do bar


def register(app: typer.Typer) -> None:
    app.add_typer(log_app)
    app.add_typer(journal_app)
    app.add_typer(idea_app)
    app.command("plan")(plan)


# ---------------------------------------------------------------- log


def _log(kind: str, **fields: object) -> None:
    from hireable.cli.common import console, session
    from hireable.services.journal import build_entry, log_entry

    today = clock.today()
    entry = build_entry(kind=kind, today=today, **fields)  # type: ignore[arg-type]
    with session() as s:
        row = log_entry(session=s, entry=entry)
    shipped = f" → {row.artifact}" if row.artifact else ""
    console().print(
        f"Logged {row.type} {row.id}: {row.topic} ({row.hours:g} h, {row.date}){shipped}.",
    )


@log_app.command("learn")
def log_learn(
    topic: str = typer.Argument(..., help="What you studied."),
    hours: float = typer.Option(..., "--hours", help="Hours spent, more than 0."),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    url: str | None = typer.Option(None, "--url", help="The course, book or tutorial."),
    certificate: bool = typer.Option(False, "--certificate", help="It earned a certificate."),
) -> None:
    """Log a learning session."""
    _log("learn", topic=topic, hours=hours, date=date, url=url, certificate=certificate)


@log_app.command("do")
def log_do(
    what: str = typer.Argument(..., help="What you built, fixed, wrote or shipped."),
    hours: float = typer.Option(..., "--hours", help="Hours spent, more than 0."),
    artifact: str = typer.Option(
        ..., "--artifact", help="URL of what it produced: a PR, a notebook, a demo, a post."
    ),
    date: str | None = typer.Option(None, "--date", help=DATE_HELP),
    evidence: int | None = id_option("--evidence", help="Id of the evidence item it became."),
) -> None:
    """Log a doing session and the artefact it shipped."""
    _log("do", topic=what, hours=hours, date=date, artifact=artifact, evidence_id=evidence)


# ---------------------------------------------------------------- journal


@journal_app.callback()
def journal(
    ctx: typer.Context,
    weeks: int = typer.Option(
        8,
        "--weeks",
        min=1,
        max=MAX_REPORT_WEEKS,
        help=f"How many ISO weeks to show (1–{MAX_REPORT_WEEKS}).",
    ),
    json_out: bool = json_option(),
) -> None:
    """Learn vs do hours per week, do share, shipped streak, momentum and warnings."""
    if ctx.invoked_subcommand is not None:
        return
    from hireable.cli.common import console, print_json, session
    from hireable.services.journal import journal_report

    with session() as s:
        report = journal_report(s, today=clock.today(), weeks=weeks)
        if json_out:
            print_json(report.public())
            return
        _render_journal(console(), report)


def _bar(hours: float, scale: float) -> str:
    return "█" * round(hours * scale)


def _render_journal(out: Console, report: JournalReport) -> None:
    from rich.table import Table

    from hireable.cli.literal import line
    from hireable.cli.views import print_warnings

    peak = max((w.total for w in report.weeks), default=0.0)
    scale = CHART_WIDTH / peak if peak else 0.0
    table = Table(
        "week", "from", "learn h", "do h", "learn ▏ do", "do %", title="Learn vs do per week"
    )
    table.title_justify = "left"
    for w in report.weeks:
        chart = line((_bar(w.learn_hours, scale), "blue"), (_bar(w.do_hours, scale), "green"))
        share = "-" if w.do_share is None else f"{w.do_share}%"
        shipped = " ✓" if w.artifacts else ""
        table.add_row(
            f"{w.public()['week']}{shipped}",
            f"{w.start:%b %d}",
            f"{w.learn_hours:g}",
            f"{w.do_hours:g}",
            chart,
            share,
        )
    out.print(table)
    out.print(
        line(
            "  ", ("█ learn", "blue"), "  ", ("█ do", "green"), "  ✓ an artefact shipped that week"
        )
    )
    data = report.public()
    share = "-" if data["do_share"] is None else f"{data['do_share']}%"
    since = report.last_do_text
    m = report.momentum
    change = "n/a: too little before" if m.change is None else f"{m.change:+g}%"
    out.print(
        f"Do share {share} · streak {report.streak} week(s) with a shipped artefact · "
        f"last do {since}"
    )
    out.print(
        f"Momentum: {m.recent:.1f} h/week over the last 4 weeks vs {m.previous:.1f} the 4 before "
        f"({change})"
    )
    if report.recent:
        out.print()
        recent = Table("id", "date", "type", "h", "topic", "artifact", title="Latest entries")
        recent.title_justify = "left"
        for e in report.recent:
            recent.add_row(
                str(e.id), str(e.date), e.type, f"{e.hours:g}", e.topic, e.artifact or ""
            )
        out.print(recent)
    else:
        out.print("No entries yet: `hireable log learn TOPIC --hours H` or `hireable log do ...`.")
    if report.warnings:
        out.print()
        print_warnings(out, report.warnings)


@journal_app.command("edit")
def journal_edit(
    entry_id: int = id_argument(),
    topic: str | None = typer.Option(None, "--topic"),
    hours: float | None = typer.Option(None, "--hours"),
    date: str | None = typer.Option(None, "--date", help="YYYY-MM-DD, today or earlier."),
    url: str | None = typer.Option(None, "--url", help="Empty to clear."),
    certificate: bool | None = typer.Option(None, "--certificate/--no-certificate"),
    artifact: str | None = typer.Option(None, "--artifact", help="URL (do entries)."),
    evidence: int | None = id_option("--evidence", help="Evidence id; 0 unlinks.", unlink=True),
) -> None:
    """Change fields of one journal entry."""
    from hireable.cli.common import console, session
    from hireable.services.journal import EntryChanges, edit_entry

    changes = EntryChanges(topic, hours, date, url, certificate, artifact, evidence)
    with session() as s:
        row = edit_entry(session=s, entry_id=entry_id, changes=changes, today=clock.today())
    console().print(f"Updated journal entry {row.id}: {row.topic} ({row.hours:g} h, {row.date}).")


@journal_app.command("remove")
def journal_remove(entry_id: int = id_argument()) -> None:
    """Delete one journal entry."""
    from hireable.cli.common import console, session
    from hireable.services.journal import remove_entry

    with session() as s:
        row = remove_entry(session=s, entry_id=entry_id)
    console().print(f"Removed journal entry {entry_id}: {row.topic}.")


@journal_app.command("import")
def journal_import(
    file: Path = typer.Argument(..., help="A .csv (with a header row) or a .json list."),
) -> None:
    """Import journal entries (all or nothing). A record the same in every field as a stored
    entry is not added again."""
    from hireable.cli.common import console, imported, session
    from hireable.core.words import plural
    from hireable.services.journal import import_entries

    with session() as s:
        result = import_entries(session=s, path=file, today=clock.today())
    added = plural(len(result.added), "journal entry", "journal entries")
    console().print(imported(added, file, result.already))


# ---------------------------------------------------------------- ideas


@idea_app.command("add")
def idea_add(
    title: str = typer.Argument(..., help="The idea in a few words."),
    url: str | None = typer.Option(None, "--url", help="A link: the dataset, paper or project."),
    note: str | None = typer.Option(None, "--note", help="Why it could work."),
) -> None:
    """Collect a project idea."""
    from hireable.cli.common import console, session
    from hireable.core.ideas import MIN_IDEAS, toy
    from hireable.services.ideas import add_idea, list_ideas

    with session() as s:
        idea = add_idea(session=s, title=title, url=url, note=note)
        count = len(list_ideas(s))
    out = console()
    out.print(f"Added idea {idea.id}: {idea.title} ({count} collected).")
    if toy(idea):
        out.print("  ! it names a toy dataset: employers discount those; prefer a real problem")
    if count < MIN_IDEAS:
        out.print(f"  Collect {MIN_IDEAS}–30 before shortlisting; then score each one.")


@idea_app.command("list")
def idea_list(json_out: bool = json_option()) -> None:
    """List your ideas with their scores."""
    from hireable.cli.common import console, print_json, session
    from hireable.cli.views import fitted_table
    from hireable.services.ideas import idea_public, list_ideas

    with session() as s:
        rows = [idea_public(i) for i in list_ideas(s)]
    if json_out:
        print_json(rows)
        return
    if not rows:
        console().print("No ideas yet: `hireable idea add TITLE`.")
        return
    cells = [
        (
            str(r["id"]),
            r["title"] + (" (toy)" if r["toy"] else ""),
            "/".join("-" if v is None else str(v) for v in r["scores"].values()),
            r["goal"] or "-",
            "-" if r["score"] is None else str(r["score"]),
            r["picked_on"] or "-",
            r["baseline_on"] or "-",
        )
        for r in rows
    ]
    columns = ("id", "title", "scores", "goal", "score", "picked", "baseline")
    out = console()
    out.print(fitted_table(out.width, columns, cells, "title", right=("id", "score")))


@idea_app.command("score")
def idea_score(
    idea_id: int = id_argument(),
    impress: int = typer.Option(..., "--impress", help=SCORE_HELP + "impresses in 30 seconds"),
    quick_model: int = typer.Option(..., "--quick-model", help=SCORE_HELP + "quick model run"),
    feasible: int = typer.Option(..., "--feasible", help=SCORE_HELP + "compute and knowledge"),
    angle: int = typer.Option(..., "--angle", help=SCORE_HELP + "obvious angle to improve"),
    excitement: int = typer.Option(..., "--excitement", help=SCORE_HELP + "excites you"),
    goal: str | None = typer.Option(
        None, "--goal", help="resume, marketing or advocacy (default: kept, else resume)."
    ),
) -> None:
    """Score an idea on the five questions, weighted by your goal."""
    from hireable.cli.common import console, session
    from hireable.services.ideas import score_idea

    scores = {
        "impress": impress,
        "quick_model": quick_model,
        "feasible": feasible,
        "angle": angle,
        "excitement": excitement,
    }
    with session() as s:
        idea, result = score_idea(session=s, idea_id=idea_id, scores=scores, goal=goal)
    console().print(
        f"Idea {idea.id} ({idea.title}) scores {result.score}/100 for {result.goal}: "
        f"{result.arithmetic}",
    )


@idea_app.command("shortlist")
def idea_shortlist(
    goal: str | None = typer.Option(
        None, "--goal", help="Rank all ideas for one goal (default: each idea's own goal)."
    ),
    json_out: bool = json_option(),
) -> None:
    """The top five ideas, with the arithmetic of each score."""
    from dataclasses import asdict

    from hireable.cli.common import console, print_json, session
    from hireable.cli.literal import line
    from hireable.services.ideas import shortlist_ideas

    with session() as s:
        top, notes = shortlist_ideas(s, goal)
    if json_out:
        print_json({"nudges": notes, "shortlist": [asdict(t) for t in top]})
        return
    out = console()
    for note in notes:
        out.print(f"  ! {note}")
    if not top:
        out.print("No scored ideas yet: `hireable idea score ID --impress N ...`.")
        return
    out.print(line(("Shortlist", "bold"), " (weights × answers, over the best possible)"))
    for rank, t in enumerate(top, 1):
        out.print(f"  {rank}. idea {t.idea_id} {t.title}: {t.score} [{t.goal}]")
        out.print(f"     {t.arithmetic}")
    out.print("Pick one with `hireable idea pick ID`: a baseline must run within 7 days.")


@idea_app.command("pick")
def idea_pick(idea_id: int = id_argument()) -> None:
    """Pick the idea you work on: starts a 7-day clock to get a baseline running."""
    from hireable.cli.common import console, session
    from hireable.services.ideas import baseline_due, pick_idea

    today = clock.today()
    with session() as s:
        idea = pick_idea(session=s, idea_id=idea_id, today=today)
        due = baseline_due(idea)
    console().print(
        f"Picked idea {idea.id}: {idea.title}. Get a baseline running by {due} "
        f"(`hireable idea baseline {idea.id} --artifact URL`), or move on.",
    )


@idea_app.command("baseline")
def idea_baseline(
    idea_id: int = id_argument(),
    artifact: str = typer.Option(..., "--artifact", help="URL of the running baseline."),
) -> None:
    """Record that the idea's baseline runs: it survives its first week."""
    from hireable.cli.common import console, session
    from hireable.services.ideas import record_baseline

    with session() as s:
        idea = record_baseline(session=s, idea_id=idea_id, artifact=artifact, today=clock.today())
    console().print(
        f"Baseline recorded for idea {idea.id}: {idea.baseline_artifact}. Now beat it.",
    )


# ---------------------------------------------------------------- plan


def plan(
    weeks: int = typer.Option(
        PLAN_WEEKS,
        "--weeks",
        min=1,
        max=MAX_PLAN_WEEKS,
        help=f"How many weeks to plan (1–{MAX_PLAN_WEEKS}).",
    ),
    json_out: bool = json_option(),
    markdown: Path | None = output_option("--markdown", help="Also write it as Markdown."),
    ics: Path | None = output_option("--ics", help="Also write an iCalendar file."),
) -> None:
    """A week-by-week sprint: each week a learning block and a doing deliverable toward a gap.

    Week 1 is the current week (from this Monday)."""
    from hireable.cli.common import console, print_json, session
    from hireable.cli.literal import hanging, line, visible
    from hireable.core.plan import plan_markdown
    from hireable.fileio import check_writable, write_text
    from hireable.services.plan import current_plan, plan_ics

    outputs = ((markdown, "--markdown"), (ics, "--ics"))
    for path, option in outputs:  # all of them before writing any
        if path is not None:
            check_writable(path, option)
    with session() as s:
        result = current_plan(s, today=clock.today(), weeks=weeks)
    if markdown is not None:
        write_text(markdown, visible(plan_markdown(result)), "--markdown")
    if ics is not None:
        calendar = plan_ics(result, now=dt.datetime.now(dt.UTC))
        write_text(ics, visible(calendar), "--ics", newline="")
    if json_out:
        print_json(result.public())
        return
    out = console()
    out.print(
        line(
            (f"Sprint toward {result.stage}", "bold"),
            f" — {result.hours_per_week:g} h a week",
            f", idea: {result.idea}" if result.idea else "",
        )
    )
    for note in result.notes:
        out.print(hanging("  note:", note))
    for w in result.weeks:
        out.print(hanging(w.label(), w.work()))
        out.print(hanging("    serves:", w.gap))
        if w.market:
            out.print(hanging("    market:", w.market))
    for path, what in ((markdown, "Markdown"), (ics, "calendar")):
        if path is not None:
            out.print(f"Wrote the {what} to {path}.")
