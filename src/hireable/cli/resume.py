"""Commands of the résumé: export, import, pdf, lint; and the pitch for interviews."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from hireable import clock

if TYPE_CHECKING:
    from hireable.core.resume_import import ImportPlan

resume_app = typer.Typer(
    name="resume", help="Your résumé: export, import, PDF and lint.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    app.add_typer(resume_app)
    app.command("pitch")(pitch)


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
    from hireable.cli.literal import document
    from hireable.services.resume import export_text, resume_of

    with session() as s:
        resume = resume_of(s, clock.today())
    _emit(document(export_text(resume, fmt), fmt), output)


@resume_app.command("import")
def resume_import(
    file: Path = typer.Argument(..., help="A JSON Resume file (resume.json)."),
    stage: str | None = typer.Option(
        None, "--stage", help="Your current stage, when the import creates your profile."
    ),
    target: str | None = typer.Option(
        None, "--target", help="The stage you aim for, when the import creates your profile."
    ),
) -> None:
    """Bring a JSON Resume in: profile fields and evidence items (all or nothing; importing the
    same file again changes nothing). Items are "link given" or "self-reported"."""
    from hireable import clock
    from hireable.cli.common import console, session
    from hireable.services.resume_import import import_resume

    with session() as s:
        plan = import_resume(session=s, path=file, today=clock.today(), stage=stage, target=target)
    out = console()
    for line in import_report(file, plan):
        out.print(line, markup=False, highlight=False)


def import_report(file: Path, plan: ImportPlan) -> list[str]:
    """What an import did, one sentence a line."""
    added, known = len(plan.add), len(plan.matched)
    items = f"{added} evidence item{'' if added == 1 else 's'} added, {known} already there"
    if plan.new_profile is not None:
        p = plan.new_profile
        profile = f"profile created for {p['name']} ({p['stage']} → {p['target']})"
    elif plan.profile_updates:
        profile = "profile: " + ", ".join(sorted(plan.profile_updates)) + " set"
    else:
        profile = "profile unchanged"
    head = "Imported" if plan.changes else "Nothing changed from"
    lines = [f"{head} {file}: {profile}; {items}."]
    for name, stored, given in plan.kept:
        lines.append(
            f"Kept your {name} {stored} (the file says {given}); "
            f"change it with `hireable profile set --{name}`."
        )
    for section, count, why in plan.skipped:
        lines.append(f"Not imported: {section} ({count}): {why}.")
    if added:
        lines.append(
            "Imported items count as link given or self-reported; see them with "
            "`hireable evidence list`."
        )
    return lines


@resume_app.command("pdf")
def resume_pdf(
    output: Path = typer.Option(Path("resume.pdf"), "--output", help="The PDF to write."),
) -> None:
    """The half-page résumé as a one-page PDF (needs `pip install 'hireable[pdf]'`)."""
    from rich.text import Text

    from hireable.cli.common import console, session
    from hireable.services.resume import pdf_bytes, resume_of, write_file

    with session() as s:
        resume = resume_of(s, clock.today())
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
            resume = resume_of(s, clock.today())
    findings = lint_file(file, resume)
    out = console()
    for rule, found, fix in findings:
        out.print(Text(f"{rule}: {found} — fix: {fix}"), soft_wrap=True)
    out.print(Text(f"{len(findings)} finding{'' if len(findings) == 1 else 's'}."))
    if findings:
        raise typer.Exit(1)


def pitch(
    evidence_id: int | None = typer.Argument(None, metavar="[ID]", help="One item's story."),
) -> None:
    """Your 30-second self-introduction and a 30-second story for each key item."""
    from rich.text import Text

    from hireable.cli.common import console, session
    from hireable.services.resume import pitch as make_pitch
    from hireable.services.resume import resume_of

    with session() as s:
        intro, stories = make_pitch(resume_of(s, clock.today()), evidence_id)
    out = console()
    out.print(Text("30-second introduction:\n" + intro + "\n"), soft_wrap=True)
    for item_id, text in stories:
        out.print(Text(f"Story for item {item_id}:\n{text}\n"), soft_wrap=True)
