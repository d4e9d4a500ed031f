"""Commands of the learner's ledger: init, profile, evidence, status, demo, db."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from hireable import clock
from hireable.cli.common import id_argument, json_option, output_option
from hireable.core.evidence import KINDS
from hireable.core.stages import STAGE_IDS

STAGE_HELP = f"one of: {', '.join(STAGE_IDS)}"
profile_app = typer.Typer(name="profile", help="Show or change your profile.", no_args_is_help=True)
evidence_app = typer.Typer(
    name="evidence", help="Record, score and explain your evidence.", no_args_is_help=True
)
db_app = typer.Typer(name="db", help="Database maintenance.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("status")(status)
    app.command("demo")(demo)
    app.add_typer(profile_app)
    app.add_typer(evidence_app)
    app.add_typer(db_app)


def init(
    name: str = typer.Option(..., "--name", help="Your name."),
    stage: str = typer.Option(..., "--stage", help=f"Your current stage, {STAGE_HELP}."),
    target: str = typer.Option(..., "--target", help=f"The stage you aim for, {STAGE_HELP}."),
    hours_per_week: float = typer.Option(10.0, "--hours-per-week", help="Hours you can put in."),
    runway_months: float | None = typer.Option(None, "--runway-months", help="Savings runway."),
    skill: list[str] = typer.Option([], "--skill", help="A skill you have (repeatable)."),
    email: str | None = typer.Option(None, "--email", help='Your email address ("" clears).'),
    website: str | None = typer.Option(None, "--website", help='An http(s) address ("" clears).'),
    location: str | None = typer.Option(None, "--location", help="Where you are, or Remote."),
    github: str | None = typer.Option(None, "--github", help="Your GitHub login."),
    huggingface: str | None = typer.Option(None, "--huggingface", help="Your Hugging Face name."),
) -> None:
    """Create your profile: where you stand and where you aim."""
    from hireable.cli.common import console, session
    from hireable.services.profile import ProfileChanges, create_profile

    changes = ProfileChanges(
        name, stage, target, hours_per_week, runway_months, skill,
        email, website, location, github, huggingface,
    )  # fmt: skip
    with session() as s:
        profile = create_profile(session=s, changes=changes)
    console().print(
        f"Profile created for {profile.name}: {profile.current_stage} → {profile.target_stage}. "
        "Next: record evidence with `hireable evidence add`, then `hireable status`."
    )


@profile_app.command("show")
def profile_show(json_out: bool = json_option()) -> None:
    """Show your profile."""
    from hireable.cli.common import console, print_json, session
    from hireable.services.profile import profile_public, require_profile

    with session() as s:
        data = profile_public(require_profile(s))
    if json_out:
        print_json(data)
        return
    out = console()
    for key, value in data.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        out.print(
            f"{key.replace('_', ' '):>15}: {shown if shown not in (None, '') else '-'}",
            markup=False,
        )


@profile_app.command("set")
def profile_set(
    name: str | None = typer.Option(None, "--name"),
    stage: str | None = typer.Option(None, "--stage", help=STAGE_HELP),
    target: str | None = typer.Option(None, "--target", help=STAGE_HELP),
    hours_per_week: float | None = typer.Option(None, "--hours-per-week"),
    runway_months: float | None = typer.Option(None, "--runway-months"),
    skill: list[str] | None = typer.Option(None, "--skill", help="Replaces your skills list."),
    email: str | None = typer.Option(None, "--email", help='Your email address ("" clears).'),
    website: str | None = typer.Option(None, "--website", help='An http(s) address ("" clears).'),
    location: str | None = typer.Option(None, "--location", help="Where you are, or Remote."),
    github: str | None = typer.Option(None, "--github", help="Your GitHub login."),
    huggingface: str | None = typer.Option(None, "--huggingface", help="Your Hugging Face name."),
) -> None:
    """Change fields of your profile."""
    from hireable.cli.common import console, session
    from hireable.services.profile import ProfileChanges, update_profile

    changes = ProfileChanges(
        name, stage, target, hours_per_week, runway_months, skill or None,
        email, website, location, github, huggingface,
    )  # fmt: skip
    with session() as s:
        profile = update_profile(session=s, changes=changes)
    console().print(f"Profile updated: {profile.current_stage} → {profile.target_stage}.")


@evidence_app.command("add")
def evidence_add(
    kind: str | None = typer.Argument(
        None, help=f"One of: {', '.join(KINDS)}. Optional with --url: the source says."
    ),
    title: str | None = typer.Option(None, "--title", help="What it is, in a few words."),
    date: str | None = typer.Option(None, "--date", help="YYYY-MM or YYYY-MM-DD."),
    url: str | None = typer.Option(None, "--url", help="A public link anyone can check."),
    validator: str | None = typer.Option(None, "--validator", help="Who validated it."),
    skill: list[str] = typer.Option([], "--skill", help="A skill it shows (repeatable)."),
    metric: list[str] = typer.Option([], "--metric", help="key=value (repeatable)."),
) -> None:
    """Record one piece of evidence. With --url and no KIND, a GitHub pull request, Hugging Face
    model/dataset/Space, Kaggle competition, arXiv id or DOI is fetched and verified."""
    from hireable.cli.common import console, session
    from hireable.errors import UsageError
    from hireable.services.evidence import assessed, build_input, record_evidence

    today = clock.today()
    if kind is None:
        if not url:
            raise UsageError(
                "give a KIND, or --url with a GitHub, Hugging Face, Kaggle, arXiv "
                "or DOI address to fetch"
            )
        _add_from_url(url, title=title, skills=skill, metric_pairs=metric, today=today)
        return
    if title is None:
        raise UsageError("missing option '--title'")
    record = build_input(
        kind=kind,
        title=title,
        date=date,
        url=url,
        validator=validator,
        skills=skill,
        metric_pairs=metric,
        today=today,
    )
    with session() as s:
        added = record_evidence(session=s, record=record)
    item, a = added.item, assessed(added.item, today)
    console().print(
        f"Added evidence {item.id}: {item.title} — {a.evidence_class}, credibility "
        f"{a.credibility}/100 (`hireable evidence explain {item.id}` says why)."
    )
    if added.repeats is not None:
        console().print(f"note: {added.repeat_note()} (`hireable evidence remove {item.id}`).")


def _add_from_url(
    url: str, *, title: str | None, skills: list[str], metric_pairs: list[str], today: dt.date
) -> None:
    from hireable.cli.common import console, session, settings, working
    from hireable.services.evidence_import import Sources, add_from_url

    with working(f"verifying {url}"), Sources.open(settings()) as src, session() as s:
        line = add_from_url(
            s, src, url, today=today, title=title, skills=skills, metric_pairs=metric_pairs
        )
    verb = {"added": "Added", "updated": "Updated", "unchanged": "Already recorded, unchanged:"}
    detail = f" — {line.detail}" if line.detail else ""
    console().print(
        f"{verb.get(line.action, line.action)} evidence {line.evidence_id}: {line.what}{detail} "
        f"(`hireable evidence explain {line.evidence_id}` says why).",
    )


@evidence_app.command("refresh")
def evidence_refresh(
    evidence_id: int | None = id_argument(None, metavar="[ID]", help="One item (default all)."),
) -> None:
    """Verify api items again at their source: stars, citations and downloads move."""
    from hireable.cli.common import session, settings, working
    from hireable.cli.imports import render, stop_if_limited
    from hireable.services.evidence_import import Sources, refresh

    with (
        working("verifying evidence at its sources"),
        Sources.open(settings()) as src,
        session() as s,
    ):
        report = refresh(s, src, today=clock.today(), evidence_id=evidence_id)
    render(report)
    stop_if_limited(report)


@evidence_app.command("list")
def evidence_list(json_out: bool = json_option()) -> None:
    """List your evidence with class and credibility."""
    from hireable.cli.common import console, print_json, session
    from hireable.cli.views import fitted_table
    from hireable.services.evidence import assessed, evidence_public, list_evidence

    today = clock.today()
    with session() as s:
        rows = [evidence_public(e, assessed(e, today)) for e in list_evidence(s)]
    if json_out:
        print_json(rows)
        return
    if not rows:
        console().print("No evidence yet. Add some with `hireable evidence add KIND --title T`.")
        return
    columns = ("id", "kind", "title", "date", "class", "verified", "credibility")
    cells = [
        (str(r["id"]), r["kind"], r["title"], r["date"] or "-", r["class"], r["verification"],
         str(r["credibility"]))
        for r in rows
    ]  # fmt: skip
    out = console()
    table = fitted_table(out.width, columns, cells, "title", right=("id", "credibility"))
    out.print(table)
    out.print(
        "Next: `hireable evidence explain ID` says why an item scores what it does; "
        "`hireable status` shows what it adds up to."
    )


@evidence_app.command("show")
def evidence_show(
    evidence_id: int = id_argument(),
    json_out: bool = json_option(),
) -> None:
    """Show one item in full."""
    from hireable.cli.common import console, print_json, session
    from hireable.services.evidence import assessed, evidence_public, get_evidence

    with session() as s:
        item = get_evidence(s, evidence_id)
        data = evidence_public(item, assessed(item, clock.today()))
        data["provenance"] = (item.provenance or {}).get("source_url")
    if json_out:
        print_json(data)
        return
    out = console()
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}={v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(map(str, value))
        out.print(f"{key:>13}: {value if value not in (None, '') else '-'}")


@evidence_app.command("edit")
def evidence_edit(
    evidence_id: int = id_argument(),
    title: str | None = typer.Option(None, "--title"),
    date: str | None = typer.Option(None, "--date", help="YYYY-MM[-DD]; empty to clear."),
    url: str | None = typer.Option(None, "--url", help="Empty to clear."),
    validator: str | None = typer.Option(None, "--validator"),
    skill: list[str] | None = typer.Option(None, "--skill", help="Replaces the skills list."),
    metric: list[str] | None = typer.Option(None, "--metric", help="key=value (repeatable)."),
    remove_metric: list[str] | None = typer.Option(None, "--remove-metric", help="A key."),
) -> None:
    """Change fields of one item."""
    from hireable.cli.common import console, session
    from hireable.services.evidence import assessed, edit_evidence

    today = clock.today()
    with session() as s:
        item = edit_evidence(
            session=s,
            evidence_id=evidence_id,
            today=today,
            title=title,
            date=date,
            url=url,
            validator=validator,
            skills=skill or None,
            metric_pairs=metric,
            remove_metrics=remove_metric,
        )
    console().print(f"Updated evidence {item.id}: credibility {assessed(item, today).credibility}.")


@evidence_app.command("remove")
def evidence_remove(evidence_id: int = id_argument()) -> None:
    """Delete one item."""
    from hireable.cli.common import console, session
    from hireable.services.evidence import remove_evidence

    with session() as s:
        item = remove_evidence(session=s, evidence_id=evidence_id)
    console().print(f"Removed evidence {evidence_id}: {item.title}.")


@evidence_app.command("explain")
def evidence_explain(evidence_id: int = id_argument()) -> None:
    """The credibility score as its named factors, one line each."""
    from hireable.cli.common import console, session
    from hireable.services.evidence import assessed, get_evidence

    with session() as s:
        item = get_evidence(s, evidence_id)
        a = assessed(item, clock.today())
    out = console()
    out.print(f"Evidence {item.id}: {item.title} ({item.kind})")
    out.print(
        f"class {a.evidence_class}, resource traded {a.resource}, verification {a.verification}"
    )
    for factor in a.factors:
        out.print(factor.line())
    raw = sum(f.points for f in a.factors)
    clamp = f" (sum {raw}, kept within 0–100)" if raw != a.credibility else ""
    out.print(f"{a.credibility:4d}  credibility{clamp}")


@evidence_app.command("import")
def evidence_import(
    file: Path = typer.Argument(..., help="A JSON or YAML list of records."),
) -> None:
    """Import evidence records (all or nothing). A record already in the ledger (same kind and
    URL; without a URL, same kind, title and date) is not added again, and the stored item is
    kept as it is where the file differs: `hireable evidence edit ID` changes it."""
    from hireable.cli.common import console, imported, session
    from hireable.core.words import plural
    from hireable.services.evidence import import_evidence

    with session() as s:
        result = import_evidence(session=s, path=file, today=clock.today())
    out = console()
    out.print(imported(plural(len(result.added), "evidence item"), file, len(result.kept)))
    for item, differ in result.kept:
        if differ:
            out.print(
                f"  kept      {item.title} [{item.id}] — the file differs in {', '.join(differ)}; "
                f"kept as stored (`hireable evidence edit {item.id}` changes it)"
            )


@evidence_app.command("export")
def evidence_export(
    fmt: str = typer.Option("json", "--format", help="json or yaml."),
    output: Path | None = output_option("--output", "-o", help="File (default stdout)."),
) -> None:
    """Write all evidence in the import format."""
    import sys

    from hireable.cli.common import session
    from hireable.fileio import check_writable, write_text
    from hireable.services.evidence import export_evidence

    if output is not None:
        check_writable(output, "--output")
    from hireable.cli.literal import document

    with session() as s:
        text = document(export_evidence(s, fmt), fmt)
    if output is None:
        sys.stdout.write(text)
        return
    write_text(output, text, "--output")


def status(json_out: bool = json_option()) -> None:
    """One screen: readiness per stage, strongest evidence, gaps, warnings, next actions."""
    from hireable.cli.common import console, print_json, session
    from hireable.cli.views import render_status
    from hireable.services.status import build_status

    with session() as s:
        report = build_status(s, clock.today())
        if json_out:
            print_json(report.public())
            return
        render_status(console(), report)


def demo() -> None:
    """Build a demo learner in its own database (never yours): status and best openings."""
    from hireable.cli.common import console, settings
    from hireable.cli.views import render_ranking, render_status
    from hireable.services.demo import build_demo
    from hireable.services.ranking import rank_postings
    from hireable.services.status import build_status
    from hireable.store.db import session_scope

    out = console()
    today = clock.today()
    path, engine = build_demo(settings().data_dir, today)
    with session_scope(engine) as s:
        report = build_status(s, today)
        render_status(out, report)
        out.print()
        render_ranking(
            out, rank_postings(s, today=today, limit=3), report.profile.target_stage, plan_b=False
        )
    engine.dispose()
    out.print(
        f"\n(demo database: {path}; your own data is untouched. Explore it with "
        f"HIREABLE_DATABASE_URL=sqlite:///{path}, or start yours with `hireable init`.)",
    )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending schema migrations (also done automatically on first use)."""
    from hireable.cli.common import console, settings
    from hireable.store.db import ensure_schema, make_engine

    engine = make_engine(settings().resolved_database_url())
    before, after = ensure_schema(engine)
    engine.dispose()
    console().print(
        f"Database at revision {after}"
        + ("" if before == after else f" (was {before or 'empty'}).")
    )
