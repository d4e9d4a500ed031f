"""`hireable jobs rank`: the stored postings that suit the learner best, each with its reasons.

Also `render_score_explanation`, which `hireable jobs show` uses to print one posting's score
factor by factor.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import typer

from hireable.core.stages import STAGE_IDS

if TYPE_CHECKING:
    from rich.console import Console

    from hireable.services.ranking import RankedPosting, ScoreBreakdown


def register(app: typer.Typer) -> None:
    """Add `rank` to the `jobs` group (owned by cli/jobs.py)."""
    from hireable.cli.jobs import jobs_app

    jobs_app.command("rank")(rank)


def _today() -> dt.date:
    return dt.date.today()


def rank(
    limit: int = typer.Option(20, "--limit", help="How many postings to show (1–10,000)."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON: a list, best first."),
    plan_b: bool = typer.Option(
        False,
        "--plan-b",
        help="Also favour roles close to ML: software at an ML company, developer advocacy, "
        "analytics.",
    ),
    include_closed: bool = typer.Option(
        False, "--include-closed", help="Also rank postings that have closed."
    ),
    stage: str | None = typer.Option(
        None, "--stage", help=f"Rank for this stage instead of your target: {', '.join(STAGE_IDS)}."
    ),
    explain_weights: bool = typer.Option(
        False, "--explain-weights", help="Print the weights table with its rationale and exit."
    ),
) -> None:
    """Score open postings 0–100 for you, best first, with reasons for and against."""
    from hireable.cli.common import console, print_json, session
    from hireable.services.ranking import check_limit, rank_postings

    if explain_weights:
        _print_weights(json_out)
        return
    check_limit(limit)
    with session() as s:
        ranked = rank_postings(
            s,
            today=_today(),
            stage=stage,
            limit=limit,
            plan_b=plan_b,
            include_closed=include_closed,
        )
        if json_out:
            print_json([r.public() for r in ranked])
            return
        target = stage or _target_stage(s)
    render_ranking(console(), ranked, target, plan_b)


def _target_stage(s: object) -> str:
    from hireable.services.profile import get_profile

    profile = get_profile(s)  # type: ignore[arg-type]
    return profile.target_stage if profile is not None else "?"


def render_ranking(out: Console, ranked: list[RankedPosting], stage: str, plan_b: bool) -> None:
    if not ranked:
        out.print(
            "No open postings stored yet: collect some with the `hireable jobs` commands "
            "(see `hireable jobs --help`), then rank again."
        )
        return
    extra = " (with plan-B roles)" if plan_b else ""
    out.print(f"Best openings for {stage}{extra}, best first:", markup=False)
    for n, item in enumerate(ranked, 1):
        r, scored = item.row, item.scored
        closed = " (closed)" if r.closed_at is not None else ""
        out.print()
        out.print(
            f"{n:>3}. {scored.score:>3}  #{r.id} {r.company or '?'} — {r.title or '?'}"
            f"  [{r.source}]{closed}",
            markup=False,
        )
        if r.url:
            out.print(f"          {r.url}", markup=False, overflow="ignore", crop=False)
        pros, cons = scored.pros(), scored.cons()
        if pros:
            out.print("          for: " + "; ".join(x.text for x in pros), markup=False)
        if cons:
            out.print("      against: " + "; ".join(x.text for x in cons), markup=False)
    out.print()
    out.print("`hireable jobs show ID` explains one score factor by factor.", markup=False)


def render_score_explanation(out: Console, breakdown: ScoreBreakdown) -> None:
    """Print one posting's score factor by factor, with the posting's decisive sentences."""
    from hireable.postings.rank import BASE

    scored = breakdown.scored
    assumed = " (no profile yet: assumed)" if breakdown.assumed_stage else ""
    plan_b = ", plan-B roles counted" if breakdown.plan_b else ""
    out.print(f"Score {scored.score}/100 for {breakdown.stage}{assumed}{plan_b}", markup=False)
    out.print(f"  {BASE:+4d}  base", markup=False)
    for reason in scored.reasons:
        out.print(f"  {reason.points:+4d}  {reason.factor}: {reason.text}", markup=False)
        quote = breakdown.evidence.get(reason.factor)
        if quote:
            out.print(f"          “{quote}”", markup=False)
    clamp = f" (sum {scored.total}, kept within 0–100)" if scored.total != scored.score else ""
    out.print(f"  {scored.score:4d}  score{clamp}", markup=False)


def _print_weights(json_out: bool) -> None:
    from rich.table import Table

    from hireable.cli.common import console, print_json
    from hireable.postings.rank import BASE, weights_table

    rows = weights_table()
    if json_out:
        print_json({"base": BASE, "weights": rows})
        return
    table = Table(
        "factor",
        "case",
        "points",
        "shown as",
        "rationale",
        title=f"Ranking weights (score = {BASE} + points, kept within 0–100)",
        title_justify="left",
    )
    for row in rows:
        table.add_row(
            row["factor"], row["case"], f"{row['points']:+d}", row["text"], row["rationale"]
        )
    console().print(table)
