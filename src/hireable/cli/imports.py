"""`hireable import ...`: fetch your public record from GitHub, Hugging Face, Kaggle and paper
indexes as verified evidence. Thin: parse input, call `services.evidence_import`, print it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hireable import clock

if TYPE_CHECKING:
    from hireable.services.evidence_import import Line, Report

import_app = typer.Typer(
    name="import",
    help="Import verified evidence from GitHub, Hugging Face, Kaggle and paper indexes.",
    no_args_is_help=True,
)
SKIPPED_SHOWN = 15  # beyond this, skipped items are grouped by reason


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.add_typer(import_app)


def print_line(line: Line) -> None:
    from hireable.cli.common import console

    ref = f" [{line.evidence_id}]" if line.evidence_id is not None else ""
    detail = f" — {line.detail}" if line.detail else ""
    console().print(f"  {line.action:<9} {line.what}{ref}{detail}")


def render(report: Report) -> None:
    """Added, updated, missing and failed items one line each; skipped ones too (grouped by
    reason when many); unchanged ones as a count. A rate-limit stop ends with when to resume."""
    from hireable.cli.common import console

    shown = [line for line in report.lines if line.action not in ("unchanged", "skipped")]
    for line in shown:
        print_line(line)
    skipped = [line for line in report.lines if line.action == "skipped"]
    if len(skipped) <= SKIPPED_SHOWN:
        for line in skipped:
            print_line(line)
    else:
        for reason, n in Counter(line.detail for line in skipped).most_common():
            console().print(f"  skipped   {n} items — {reason}")
    console().print(report.summary())
    if report.requests:
        counts = ", ".join(f"{k} {v}" for k, v in report.requests.items())
        console().print(f"({sum(report.requests.values())} requests: {counts})")


def stop_if_limited(report: Report) -> None:
    """Called after the transaction committed: what was imported is kept."""
    from hireable.errors import RateLimited

    exc = report.stopped
    if exc is None:
        return
    when = ""
    if exc.resume_at:
        at = dt.datetime.fromtimestamp(exc.resume_at, dt.UTC)
        when = f"; run the same command again after {at:%Y-%m-%d %H:%M} UTC"
    from hireable.core.words import plural

    kept = plural(report.count("added") + report.count("updated"), "item")
    verb = "is" if kept.startswith("1 ") else "are"
    raise RateLimited(
        f"stopped early, rate limit reached ({exc}); the {kept} added or updated so far "
        f"{verb} kept{when}",
        exc.resume_at,
    )


@import_app.command("github")
def import_github(
    user: str = typer.Argument(..., help="A GitHub login."),
    no_token: bool = typer.Option(
        False, "--no-token", help="Ignore any token: use the anonymous REST API."
    ),
    details: int = typer.Option(
        50, "--details", min=0, help="REST only: at most this many pull request look-ups."
    ),
) -> None:
    """Merged pull requests into others' repositories, and your repositories people use."""
    from hireable.cli.common import session, settings, working
    from hireable.services.evidence_import import Sources, import_github

    with (
        working(f"importing {user}'s record from GitHub"),
        Sources.open(settings(), use_token=not no_token, detail_budget=details) as src,
    ):
        with session() as s:
            report = import_github(s, src, user.strip().lstrip("@"), today=clock.today())
    render(report)
    stop_if_limited(report)


@import_app.command("huggingface")
def import_huggingface(user: str = typer.Argument(..., help="A Hugging Face user or org.")) -> None:
    """Your public models, datasets and Spaces with downloads and likes."""
    from hireable.cli.common import session, settings, working
    from hireable.services.evidence_import import Sources, import_huggingface

    with (
        working(f"importing {user} from Hugging Face"),
        Sources.open(settings(), use_token=False) as src,
    ):
        with session() as s:
            report = import_huggingface(s, src, user.strip(), today=clock.today())
    render(report)
    stop_if_limited(report)


@import_app.command("kaggle")
def import_kaggle(
    csv: Path | None = typer.Option(
        None, "--csv", help="Import results from a CSV (competition,url,teams,rank,date)."
    ),
) -> None:
    """Your ranked Kaggle competition results (your API key, or a CSV you write)."""
    from hireable.cli.common import session, settings, working
    from hireable.services.evidence_import import Sources, import_kaggle, import_kaggle_csv

    if csv is not None:
        with session() as s:
            report = import_kaggle_csv(s, csv, today=clock.today())
    else:
        with (
            working("importing your Kaggle results"),
            Sources.open(settings(), use_token=False) as src,
        ):
            with session() as s:
                report = import_kaggle(s, src, today=clock.today())
    render(report)
    stop_if_limited(report)


@import_app.command("papers")
def import_papers(
    orcid: str | None = typer.Option(None, "--orcid", help="Your ORCID iD (via OpenAlex)."),
    openalex: str | None = typer.Option(None, "--openalex", help="An OpenAlex author id."),
    semantic_scholar: str | None = typer.Option(
        None, "--semantic-scholar", help="A Semantic Scholar author id."
    ),
    arxiv_author: str | None = typer.Option(
        None, "--arxiv-author", help="Your name as arXiv lists it."
    ),
) -> None:
    """Your papers with venue and citations; preprints count less than peer-reviewed papers."""
    from hireable.cli.common import session, settings, working
    from hireable.services.evidence_import import Sources, import_papers

    with working("importing your papers"), Sources.open(settings(), use_token=False) as src:
        with session() as s:
            report = import_papers(
                s,
                src,
                today=clock.today(),
                orcid=orcid,
                openalex_id=openalex,
                s2_id=semantic_scholar,
                arxiv_author=arxiv_author,
            )
    render(report)
    stop_if_limited(report)
