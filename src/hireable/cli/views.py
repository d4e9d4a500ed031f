"""Rich renderings shared by several commands (the status screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from hireable.services.status import StatusReport

BAR_WIDTH = 16


def bar(score: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * max(0, min(100, score)) / 100)
    return "█" * filled + "░" * (width - filled)


def render_status(out: Console, report: StatusReport) -> None:
    from rich.table import Table

    p = report.profile
    runway = f", runway {p.runway_months:g} months" if p.runway_months is not None else ""
    out.print(
        f"[bold]{p.name}[/bold] — now {p.current_stage}, aiming for "
        f"[bold]{p.target_stage}[/bold]; {p.hours_per_week:g} h/week{runway}"
    )
    out.print()
    out.print("[bold]Readiness[/bold]")
    for r in report.readiness:
        mark = "[green]ready[/green]    " if r.ready else "not ready"
        target = " ◀ target" if r.stage.id == p.target_stage else ""
        out.print(
            f"  {r.stage.id:<12} {bar(r.score)} {r.score:>3}  {mark}  "
            f"{r.degree_equivalents}/{r.needed} {r.stage.requirements[0].unit}{target}"
        )
    out.print()
    strongest = report.evidence[:5]
    if strongest:
        out.print("[bold]Strongest evidence[/bold]")
        table = Table(box=None, header_style="bold", collapse_padding=True, pad_edge=False)
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
        out.print(f"[bold]Gaps for {goal.stage.id}[/bold]")
        for gap in goal.missing:
            out.print(f"  • {gap}")
        out.print()
    for name, section in report.sections.items():
        if isinstance(section, dict) and section.get("text"):
            out.print(f"[bold]{name.replace('_', ' ').capitalize()}[/bold]")
            out.print(f"  {section['text']}", markup=False)
            out.print()
    if report.warnings:
        out.print("[bold yellow]Warnings[/bold yellow]")
        for w in report.warnings:
            out.print(f"  ! [{w.rule}] {w.message}", markup=False)
        out.print()
    out.print("[bold]Next actions[/bold]")
    for i, action in enumerate(report.next_actions or ["Keep going: log what you do."], 1):
        out.print(f"  {i}. {action}", markup=False)
