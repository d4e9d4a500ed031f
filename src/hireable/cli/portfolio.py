"""Commands of the portfolio an employer sees: build it, verify one."""

from __future__ import annotations

from pathlib import Path

import typer

portfolio_app = typer.Typer(
    name="portfolio",
    help="The portfolio an employer sees: build it, or check one against its sources.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(portfolio_app)


@portfolio_app.command("build")
def portfolio_build(
    output: Path = typer.Option(Path("portfolio"), "--output", help="Folder to write."),
    include_self: bool = typer.Option(
        False, "--include-self", help="Also show self-reported items (always marked)."
    ),
) -> None:
    """Write a static site (index.html + portfolio.json): degree-equivalent items first, each
    with its proof link and how it was verified."""
    import datetime as dt

    from rich.text import Text

    from hireable.cli.common import console, session
    from hireable.services.portfolio import build_portfolio, write_portfolio

    with session() as s:
        portfolio = build_portfolio(s, now=dt.datetime.now(dt.UTC), include_self=include_self)
    write_portfolio(portfolio, output)
    count = len(portfolio.items)
    console().print(
        Text(
            f"Portfolio written to {output}/ ({count} item{'' if count == 1 else 's'}): open "
            f"{output / 'index.html'}; anyone can check it with "
            f"`hireable portfolio verify {output / 'portfolio.json'}`."
        )
    )


@portfolio_app.command("verify")
def portfolio_verify(
    where: str = typer.Argument(..., metavar="PATH_OR_URL", help="A portfolio.json or its URL."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Fetch every API-verified claim of a portfolio again from its source: each item is
    confirmed, moved, contradicted or unreachable. Exit 1 when anything is contradicted."""
    from rich.text import Text

    from hireable.cli.common import console, print_json, settings, working
    from hireable.services.evidence_import import Sources
    from hireable.services.portfolio_verify import verify

    with working(f"checking {where} against its sources"), Sources.open(settings()) as src:
        report = verify(src, where)
    if json_out:
        print_json(report.public())
    else:
        out = console()
        for v in report.verdicts:
            notes = f" — {'; '.join(v.notes)}" if v.notes else ""
            out.print(Text(f"{v.status:>12}  {v.id}: {v.title}{notes}"), soft_wrap=True)
        out.print(Text(report.summary()))
    if not report.ok:
        raise typer.Exit(1)
