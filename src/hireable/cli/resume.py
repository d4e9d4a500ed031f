"""Commands of the résumé: export, import, pdf, lint; and the pitch for interviews."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

resume_app = typer.Typer(
    name="resume", help="Your résumé: export, import, PDF and lint.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(resume_app)


def _emit(text: str, output: Path | None) -> None:
    import sys

    from hireable.services.resume import write_file

    if output is None:
        sys.stdout.write(text)
    else:
        write_file(output, text)


@resume_app.command("export")
def resume_export(
    fmt: str = typer.Option("markdown", "--format", help="json-resume, rendercv or markdown."),
    output: Path | None = typer.Option(None, "--output", help="File to write (default stdout)."),
) -> None:
    """Your résumé as JSON Resume, RenderCV YAML, or the half-page markdown résumé."""
    from hireable.cli.common import session
    from hireable.services.resume import export_text, resume_of

    with session() as s:
        resume = resume_of(s, dt.date.today())
    _emit(export_text(resume, fmt), output)


@resume_app.command("pdf")
def resume_pdf(
    output: Path = typer.Option(Path("resume.pdf"), "--output", help="The PDF to write."),
) -> None:
    """The half-page résumé as a one-page PDF (needs `pip install 'hireable[pdf]'`)."""
    from rich.text import Text

    from hireable.cli.common import console, session
    from hireable.services.resume import pdf_bytes, resume_of, write_file

    with session() as s:
        resume = resume_of(s, dt.date.today())
    write_file(output, pdf_bytes(resume))
    console().print(Text(f"Résumé written to {output}."))


@resume_app.command("lint")
def resume_lint(
    file: Path | None = typer.Argument(
        None, help="A markdown résumé or a JSON Resume (.json); default: your own."
    ),
) -> None:
    """Check a résumé against the method's rules: one line per finding with its fix."""
    from rich.text import Text

    from hireable.cli.common import console, session
    from hireable.services.resume import lint_file, resume_of

    resume = None
    if file is None:
        with session() as s:
            resume = resume_of(s, dt.date.today())
    findings = lint_file(file, resume)
    out = console()
    for rule, found, fix in findings:
        out.print(Text(f"{rule}: {found} — fix: {fix}"))
    out.print(Text(f"{len(findings)} finding{'' if len(findings) == 1 else 's'}."))
    if findings:
        raise typer.Exit(1)
