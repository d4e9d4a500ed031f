"""Use case: a JSON Resume file becomes profile fields and evidence items, all or nothing.

Decide, then write: the file is read and validated whole, the plan (core/resume_import.py) says
what is new, then `apply` stores it inside the caller's transaction. Re-importing a file finds
every item already in the ledger and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from hireable.core.resume_import import Existing, ImportPlan, parse_resume, plan_import
from hireable.errors import ValidationError
from hireable.fileio import parse_json, read_text
from hireable.services.evidence import add_evidence
from hireable.services.profile import (
    ProfileChanges,
    create_profile,
    get_profile,
    profile_public,
    update_profile,
)
from hireable.store.models import Evidence

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def apply(session: Session, plan: ImportPlan) -> None:
    if plan.new_profile is not None:
        create_profile(session=session, changes=ProfileChanges(**plan.new_profile))
    elif plan.profile_updates:
        update_profile(session=session, changes=ProfileChanges(**plan.profile_updates))
    for item in plan.add:
        add_evidence(session=session, record=item.record)


def import_resume(
    *,
    session: Session,
    path: Path,
    today: dt.date,
    stage: str | None = None,
    target: str | None = None,
) -> ImportPlan:
    """Import `path` into the session's transaction; the plan says what changed."""
    data = parse_json(read_text(path), path)
    try:
        parsed = parse_resume(data, today=today)
    except ValidationError as exc:
        raise ValidationError(f"{path}: {exc}; nothing was imported") from None
    profile = get_profile(session)
    rows = session.execute(select(Evidence.id, Evidence.kind, Evidence.title, Evidence.url))
    plan = plan_import(
        parsed,
        stored_profile=profile_public(profile) if profile is not None else None,
        existing=[Existing(*row) for row in rows],
        stage=stage,
        target=target,
    )
    apply(session, plan)
    return plan
