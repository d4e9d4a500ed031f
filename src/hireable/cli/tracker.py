"""Commands of the application tracker (`track`) and outreach drafts (`outreach`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from hireable import clock
from hireable.cli.common import id_argument, id_option, json_option
from hireable.core.tracker import STATUSES

if TYPE_CHECKING:
    from rich.console import Console

track_app = typer.Typer(
    name="track", help="Track applications and follow-ups.", no_args_is_help=True
)
outreach_app = typer.Typer(
    name="outreach", help="Draft outreach emails (never sent for you).", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add `track` and `outreach` to the root app."""
    app.add_typer(track_app)
    app.add_typer(outreach_app)


@track_app.command("add")
def track_add(
    posting: int | None = id_option("--posting", help="A stored posting's id."),
    company: str | None = typer.Option(
        None, "--company", help="A company to write to, with or without an opening."
    ),
    contact: str | None = typer.Option(None, "--contact", help="Founder or hiring manager."),
    email: str | None = typer.Option(None, "--email", help="The contact's email address."),
) -> None:
    """Start tracking a posting or a company (status: saved)."""
    from hireable.cli.common import console, session
    from hireable.services.tracker import add_application

    with session() as s:
        app = add_application(
            session=s, posting_id=posting, company=company, contact=contact, email=email
        )
    console().print(
        f"Tracking application {app.id}: {app.company} (saved). "
        f"Next: `hireable outreach draft {app.id}`.",
    )


@track_app.command("move")
def track_move(
    application_id: int = id_argument(),
    status: str = typer.Argument(..., metavar="STATUS", help=f"One of: {', '.join(STATUSES)}."),
) -> None:
    """Move an application along the pipeline."""
    from hireable.cli.common import console, session
    from hireable.services.tracker import move_application, when_due

    today = clock.today()
    with session() as s:
        app = move_application(session=s, application_id=application_id, status=status, today=today)
    follow = f"; next follow-up {when_due(app.next_followup, today)}" if app.next_followup else ""
    console().print(f"Application {app.id} ({app.company}) is now {app.status}{follow}.")


def _followup(application_id: int) -> None:
    from hireable.cli.common import console, session
    from hireable.core.tracker import FOLLOWUPS
    from hireable.services.tracker import record_followup

    today = clock.today()
    with session() as s:
        app = record_followup(session=s, application_id=application_id, today=today)
    after = (
        f"next one due {app.next_followup.isoformat()}"
        if app.next_followup
        else "no more follow-ups scheduled"
    )
    console().print(
        f"Recorded follow-up {app.followups_done} of {FOLLOWUPS} to {app.company}; {after}.",
    )


@track_app.command("followup")
def track_followup(application_id: int = id_argument()) -> None:
    """Record a follow-up sent today and schedule the next one."""
    _followup(application_id)


@track_app.command("done")
def track_done(application_id: int = id_argument()) -> None:
    """Same as `track followup`."""
    _followup(application_id)


@track_app.command("list")
def track_list(json_out: bool = json_option()) -> None:
    """The pipeline board: one column per status."""
    from hireable.cli.common import console, print_json, session
    from hireable.services.tracker import board

    with session() as s:
        rows = board(s)
    if json_out:
        print_json(rows)
        return
    if not rows:
        console().print(
            "Nothing tracked yet: `hireable track add --posting ID` or `--company NAME`.",
        )
        return
    render_board(console(), rows)


def render_board(out: Console, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    from hireable.cli.literal import text

    used = [s for s in STATUSES if any(r["status"] == s for r in rows)]
    table = Table(*[f"{s} ({sum(r['status'] == s for r in rows)})" for s in used])
    columns = [[r for r in rows if r["status"] == s] for s in used]
    for i in range(max(len(c) for c in columns)):
        cells = []
        for column in columns:
            if i >= len(column):
                cells.append(text(""))
                continue
            r = column[i]
            lines = [f"#{r['id']} {r['company']}"]
            if r["title"]:
                lines.append(r["title"])
            if r["next_followup"]:
                lines.append(f"follow up {r['next_followup']}")
            cells.append(text("\n".join(lines)))
        table.add_row(*cells)
    out.print(table)


@track_app.command("next")
def track_next(json_out: bool = json_option()) -> None:
    """What is due today: follow-ups due or overdue."""
    from hireable.cli.common import console, print_json, session
    from hireable.services.tracker import application_public, due_followups, followup_action

    today = clock.today()
    with session() as s:
        due = due_followups(s, today)
        rows = [{**application_public(a), "action": followup_action(a, today)} for a in due]
    if json_out:
        print_json(rows)
        return
    out = console()
    if not rows:
        out.print("Nothing due today.")
        return
    for r in rows:
        out.print(f"#{r['id']}  {r['action']}")


@outreach_app.command("draft")
def outreach_draft(
    application_id: int | None = id_argument(None, help="A tracked application's id."),
    posting: int | None = id_option(
        "--posting", help="Draft for a posting instead (tracked as saved if it is not yet)."
    ),
    tone: str = typer.Option("friendly", "--tone", help="friendly, formal or brief."),
    max_words: int = typer.Option(150, "--max-words", help="At most this many words (40–400)."),
    product: str | None = typer.Option(
        None, "--product", help="Where you saw their product, e.g. 'your open-source OCR tool'."
    ),
    impressed: str | None = typer.Option(
        None, "--impressed", help="One specific thing that impressed you."
    ),
) -> None:
    """Write a short email to a founder or hiring manager; prints and stores it, never sends."""
    from hireable.cli.common import console, session
    from hireable.services.outreach import draft_outreach

    with session() as s:
        result = draft_outreach(
            session=s,
            today=clock.today(),
            application_id=application_id,
            posting_id=posting,
            tone=tone,
            max_words=max_words,
            product=product,
            impressed=impressed,
        )
    out = console()
    app, draft = result.application, result.draft
    to = app.contact_email or app.contact_name or f"someone at {app.company}"
    out.print(f"To: {to}")
    out.print(f"Subject: {draft.subject}")
    out.print()
    out.print(draft.body, soft_wrap=True)  # no hard breaks: paste-ready
    out.print()
    tracked = " (now tracked as saved)" if result.created_application else ""
    out.print(
        f"Saved as draft {result.message.id} of application {app.id}{tracked}; {draft.words} "
        "words. hireable never sends mail: copy it into your email client.",
    )
    for placeholder in draft.placeholders:
        out.print(f"Fill in {placeholder} before sending.")
    if draft.jargon:
        out.print(f"Consider plain words instead of: {', '.join(draft.jargon)}.")
    if app.status == "saved":
        out.print(
            f"Once sent: `hireable track move {app.id} contacted` schedules two follow-ups.",
        )
