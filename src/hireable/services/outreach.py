"""Draft an outreach email for a tracked application (or a posting) and keep it as a Message."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hireable.core.outreach import (
    Credential,
    Draft,
    DraftInput,
    check_edit,
    check_options,
    compose,
)
from hireable.errors import NotFoundError, ValidationError
from hireable.services.evidence import scored_evidence
from hireable.services.job_queries import get_posting
from hireable.services.profile import get_profile
from hireable.services.tracker import add_application, get_application
from hireable.store.models import Application, Message, Posting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CREDENTIALS = 2
# Verification an employer can check first, then credibility (DESIGN 1.5: strongest verified).
VERIFICATION_ORDER = {"api": 0, "link": 1, "self": 2}
NOT_EVIDENCE = ("none",)  # classes never offered as credentials (certificates, toy projects)


@dataclass
class DraftResult:
    application: Application
    message: Message
    draft: Draft
    created_application: bool


def strongest_credentials(
    session: Session, today: dt.date, n: int = CREDENTIALS
) -> list[Credential]:
    """The learner's strongest evidence with a public link: verified first, then credibility."""
    pairs = [
        (e, a)
        for e, a in scored_evidence(session, today)
        if e.url and a.evidence_class not in NOT_EVIDENCE
    ]
    pairs.sort(key=lambda p: (VERIFICATION_ORDER.get(p[1].verification, 2), -p[1].credibility))
    return [Credential(e.title, e.url or "") for e, _ in pairs[:n]]


def _target(
    session: Session, application_id: int | None, posting_id: int | None
) -> tuple[Application, bool]:
    if (application_id is None) == (posting_id is None):
        raise ValidationError("give an application ID or --posting ID (one of them)")
    if application_id is not None:
        app = get_application(session, application_id)
        if not (app.company or "").strip():
            raise ValidationError(f"application {app.id} has no company to write to")
        return app, False
    posting = get_posting(session, posting_id or 0)
    if not (posting.company or "").strip():
        raise ValidationError(
            f"posting {posting.id} has no company to write to; track it with "
            f"`hireable track add --posting {posting.id} --company NAME` and draft for that"
        )
    existing = session.query(Application).filter(Application.posting_id == posting.id).first()
    if existing is not None:
        return existing, False
    return add_application(session=session, posting_id=posting.id), True


def draft_outreach(
    *,
    session: Session,
    today: dt.date,
    application_id: int | None = None,
    posting_id: int | None = None,
    tone: str = "friendly",
    max_words: int = 150,
    product: str | None = None,
    impressed: str | None = None,
) -> DraftResult:
    """Compose the email and store it as a draft Message of the application."""
    check_options(tone, max_words)
    app, created = _target(session, application_id, posting_id)
    posting = session.get(Posting, app.posting_id) if app.posting_id is not None else None
    profile = get_profile(session)
    draft = compose(
        DraftInput(
            learner=profile.name if profile is not None else "[your name]",
            company=app.company.strip(),
            stage=profile.target_stage if profile is not None else "ml-entry",
            contact=app.contact_name,
            posting_title=posting.title if posting is not None else None,
            product=product.strip() if product and product.strip() else None,
            impressed=impressed.strip() if impressed and impressed.strip() else None,
            credentials=tuple(strongest_credentials(session, today)),
            tone=tone,
            max_words=max_words,
        )
    )
    subject = draft.subject
    message = Message(kind="draft", subject=subject, body=draft.body)
    app.messages.append(message)
    session.flush()
    return DraftResult(app, message, draft, created)


def drafts(app: Application) -> list[Message]:
    """The application's drafts, the newest last (the one to send)."""
    return [m for m in app.messages if m.kind == "draft"]


def latest_draft(app: Application) -> Message | None:
    found = drafts(app)
    return found[-1] if found else None


def save_draft(
    *,
    session: Session,
    application_id: int,
    message_id: int | None,
    subject: str,
    body: str,
) -> Message:
    """Keep a hand-edited draft as the CLI keeps a generated one (a `draft` Message of the
    application): it replaces the draft it was edited from, or is a new one when there is none."""
    app = get_application(session, application_id)
    clean_subject, clean_body = check_edit(subject, body)
    if message_id is None:
        message = Message(kind="draft", subject=clean_subject, body=clean_body)
        app.messages.append(message)
    else:
        found = next((m for m in drafts(app) if m.id == message_id), None)
        if found is None:
            raise NotFoundError(f"application {app.id} has no draft {message_id}")
        found.subject, found.body = clean_subject, clean_body
        message = found
    session.flush()
    return message
