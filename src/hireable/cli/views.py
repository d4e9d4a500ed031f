"""Rich renderings shared by several commands: the status screen (`status`, `demo`), the
ranking (`jobs rank`, `demo`) and one posting's score factor by factor (`jobs show`).

Consoles print strings literally (cli/literal.py); styles are given as `Text` styles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from hireable.cli.literal import hanging, line, text

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod
    from rich.table import Table

    from hireable.core.alerts import Alert
    from hireable.services.ranking import RankedPosting, ScoreBreakdown
    from hireable.services.status import StatusReport

BAR_WIDTH = 16


def list_table() -> Table:
    """A borderless table of one line per row (`jobs list`, `evidence list`, status's strongest
    evidence): at 80 columns a long name is cut with an ellipsis instead of wrapping every row
    over several lines."""
    from rich.table import Table

    return Table(box=None, header_style="bold", pad_edge=False, collapse_padding=True)


def fitted_table(
    width: int,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    flexible: str,
    right: Sequence[str] = ("id",),
) -> Table:
    """A `list_table` of `rows` within `width` columns: every column keeps the width of its
    longest value except `flexible` (a title), which takes the room left and is cut with an
    ellipsis; the columns named in `right` are right-aligned (numbers)."""
    widths = [max(len(name), *(len(row[i]) for row in rows)) for i, name in enumerate(columns)]
    cut = columns.index(flexible)
    room = width - sum(w for i, w in enumerate(widths) if i != cut) - len(columns) + 1
    table = list_table()
    for i, name in enumerate(columns):
        if i == cut:
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=max(room, 12))
        else:
            justify: JustifyMethod = "right" if name in right else "left"
            table.add_column(name, no_wrap=True, min_width=widths[i], justify=justify)
    for row in rows:
        table.add_row(*row)
    return table


def bar(score: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * max(0, min(100, score)) / 100)
    return "█" * filled + "░" * (width - filled)


def render_status(out: Console, report: StatusReport) -> None:
    p = report.profile
    runway = f", runway {p.runway_months:g} months" if p.runway_months is not None else ""
    out.print(
        line(
            (p.name, "bold"),
            f" — now {p.current_stage}, aiming for ",
            (p.target_stage, "bold"),
            f"; {p.hours_per_week:g} h/week{runway}",
        )
    )
    out.print()
    out.print(text("Readiness", "bold"))
    for r in report.readiness:
        mark: list[str | tuple[str, str]] = (
            [("ready", "green"), "    "] if r.ready else ["not ready"]
        )
        target = " ◀ target" if r.stage.id == p.target_stage else ""
        out.print(
            line(
                f"  {r.stage.id:<12} {bar(r.score)} {r.score:>3}  ",
                *mark,
                f"  {r.degree_equivalents}/{r.needed} {r.stage.requirements[0].unit}{target}",
            )
        )
    out.print()
    strongest = report.evidence[:5]
    if strongest:
        out.print(text("Strongest evidence", "bold"))
        table = list_table()
        table.add_column("id", justify="right", no_wrap=True)
        table.add_column("kind", no_wrap=True)
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=30)
        for name in ("class", "verified", "credibility"):
            table.add_column(name, no_wrap=True, min_width=max(len(name), 9))
        for e, a in strongest:
            table.add_row(
                str(e.id), e.kind, e.title, a.evidence_class, a.verification, str(a.credibility)
            )
        out.print(table)
        more = len(report.evidence) - len(strongest)
        if more > 0:
            out.print(f"  … and {more} more (`hireable evidence list`)")
    else:
        out.print("No evidence yet: `hireable evidence add KIND --title T` records one.")
    goal = report.target()
    out.print()
    if goal.missing:
        out.print(text(f"Gaps for {goal.stage.id}", "bold"))
        for gap in goal.missing:
            out.print(hanging("  •", gap))
        out.print()
    for name, section in report.sections.items():
        if isinstance(section, dict) and section.get("text"):
            out.print(text(name.replace("_", " ").capitalize(), "bold"))
            out.print(hanging(" ", section["text"]))
            out.print()
    if report.warnings:
        print_warnings(out, report.warnings)
        out.print()
    out.print(text("Next actions", "bold"))
    for i, action in enumerate(report.next_actions or ["Keep going: log what you do."], 1):
        out.print(hanging(f"  {i}.", action))


def print_warnings(out: Console, warnings: Sequence[Alert]) -> None:
    """A "Warnings" heading and one `! [rule] message` line each (nothing when none)."""
    if warnings:
        out.print(text("Warnings", "bold yellow"))
        for w in warnings:
            out.print(hanging(f"  ! [{w.rule}]", w.message))


def render_ranking(out: Console, ranked: list[RankedPosting], stage: str, plan_b: bool) -> None:
    if not ranked:
        out.print(
            "No open postings stored yet: collect some with the `hireable jobs` commands "
            "(see `hireable jobs --help`), then rank again."
        )
        return
    extra = " (with plan-B roles)" if plan_b else ""
    out.print(f"Best openings for {stage}{extra}, best first:")
    for n, item in enumerate(ranked, 1):
        r, scored = item.row, item.scored
        closed = " (closed)" if r.closed_at is not None else ""
        out.print()
        out.print(
            hanging(
                f"{n:>3}. {scored.score:>3} ",
                f"#{r.id} {r.company or '?'} — {r.title or '?'}  [{r.source}]{closed}",
            )
        )
        if r.url:
            out.print(f"          {r.url}", overflow="ignore", crop=False)
        pros, cons = scored.pros(), scored.cons()
        if pros:
            out.print(hanging("          for:", "; ".join(x.text for x in pros)))
        if cons:
            out.print(hanging("      against:", "; ".join(x.text for x in cons)))
    out.print()
    out.print("`hireable jobs show ID` explains one score factor by factor.")


def render_score_explanation(out: Console, breakdown: ScoreBreakdown) -> None:
    """Print one posting's score factor by factor, with the posting's decisive sentences."""
    from hireable.postings.rank import BASE

    scored = breakdown.scored
    assumed = " (no profile yet: assumed)" if breakdown.assumed_stage else ""
    plan_b = ", plan-B roles counted" if breakdown.plan_b else ""
    out.print(f"Score {scored.score}/100 for {breakdown.stage}{assumed}{plan_b}")
    out.print(f"  {BASE:+4d}  base")
    for reason in scored.reasons:
        out.print(hanging(f"  {reason.points:+4d} ", f"{reason.factor}: {reason.text}"))
        quote = breakdown.evidence.get(reason.factor)
        if quote:
            out.print(hanging(" " * 9, f"“{quote}”"))
    clamp = f" (sum {scored.total}, kept within 0–100)" if scored.total != scored.score else ""
    out.print(f"  {scored.score:4d}  score{clamp}")
