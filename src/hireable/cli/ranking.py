"""`hireable jobs rank`: the stored postings that suit the learner best, each with its reasons.

cli/jobs.py registers `rank` in its `jobs` group; the renderings live in cli/views.py.
"""

from __future__ import annotations

import typer

from hireable import clock
from hireable.cli.common import json_option, new_option
from hireable.core.stages import STAGE_IDS


def rank(
    limit: int = typer.Option(20, "--limit", help="How many postings to show (1–10,000)."),
    json_out: bool = json_option("Print JSON: a list, best first."),
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
    new: bool = new_option(),
) -> None:
    """Score open postings 0–100 for you, best first, with reasons for and against."""
    from hireable.cli.common import console, new_since, print_json, session
    from hireable.cli.views import render_ranking
    from hireable.services.ranking import check_limit, rank_postings

    if explain_weights:
        _print_weights(json_out)
        return
    check_limit(limit)
    with session() as s:
        anything, since = new_since(s, new)
        ranked = (
            rank_postings(
                s,
                today=clock.today(),
                stage=stage,
                limit=limit,
                plan_b=plan_b,
                include_closed=include_closed,
                first_seen_since=since,
            )
            if anything
            else []
        )
        if json_out:
            print_json([r.public() for r in ranked])
            return
        target = stage or _target_stage(s)
    if new and not ranked:
        if anything:
            console().print("no new postings since the latest fetch")
        return
    render_ranking(console(), ranked, target, plan_b)


def _target_stage(s: object) -> str:
    from hireable.services.profile import get_profile

    profile = get_profile(s)  # type: ignore[arg-type]
    return profile.target_stage if profile is not None else "?"


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
