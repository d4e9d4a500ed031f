"""The learner's profile: one row, created by `init`, changed by `profile set`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hireable.core.contact import CONTACT_NAMES, check_contact
from hireable.core.evidence import normalise_skills
from hireable.core.stages import get_stage, stage_index
from hireable.errors import ConfigError, ValidationError
from hireable.store.models import Profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# A century of savings: past it the runway warning can never fire, so a larger value is a typo.
MAX_RUNWAY_MONTHS = 1200

NO_PROFILE = "no profile yet; run `hireable init --name NAME --stage STAGE --target STAGE` first"


@dataclass
class ProfileChanges:
    name: str | None = None
    stage: str | None = None
    target: str | None = None
    hours_per_week: float | None = None
    runway_months: float | None = None
    skills: list[str] | None = None
    # Contact fields: None leaves a field as it is, "" clears it.
    email: str | None = None
    website: str | None = None
    location: str | None = None
    github: str | None = None
    huggingface: str | None = None

    def contact(self) -> dict[str, str | None]:
        """The contact fields given, validated (a cleared one maps to None)."""
        given = {n: getattr(self, n) for n in CONTACT_NAMES if getattr(self, n) is not None}
        return {name: check_contact(name, value) for name, value in given.items()}


def get_profile(session: Session) -> Profile | None:
    return session.query(Profile).order_by(Profile.id).first()


def require_profile(session: Session) -> Profile:
    profile = get_profile(session)
    if profile is None:
        raise ConfigError(NO_PROFILE)
    return profile


def _check(changes: ProfileChanges, current: Profile | None) -> None:
    if changes.name is not None and not changes.name.strip():
        raise ValidationError("name must not be empty")
    for stage in (changes.stage, changes.target):
        if stage is not None:
            get_stage(stage)
    if changes.hours_per_week is not None and not 0 < changes.hours_per_week <= 112:
        raise ValidationError("hours per week must be more than 0 and at most 112")
    runway = changes.runway_months
    if runway is not None and not (math.isfinite(runway) and 0 <= runway <= MAX_RUNWAY_MONTHS):
        raise ValidationError(
            f"runway months must be a number from 0 to {MAX_RUNWAY_MONTHS} (got {runway:g})"
        )
    stage = changes.stage or (current.current_stage if current else None)
    target = changes.target or (current.target_stage if current else None)
    if stage and target and stage_index(target) < stage_index(stage):
        raise ValidationError(f"target stage {target} comes before the current stage {stage}")


def create_profile(*, session: Session, changes: ProfileChanges) -> Profile:
    if get_profile(session) is not None:
        raise ValidationError("a profile already exists; change it with `hireable profile set`")
    if not changes.name or not changes.stage or not changes.target:
        raise ValidationError("a new profile needs a name, a current stage and a target stage")
    _check(changes, None)
    contact = changes.contact()
    profile = Profile(
        **contact,
        name=changes.name.strip(),
        current_stage=changes.stage,
        target_stage=changes.target,
        hours_per_week=changes.hours_per_week if changes.hours_per_week is not None else 10.0,
        runway_months=changes.runway_months,
        skills=normalise_skills(changes.skills or []),
    )
    session.add(profile)
    session.flush()
    return profile


def update_profile(*, session: Session, changes: ProfileChanges) -> Profile:
    profile = require_profile(session)
    _check(changes, profile)
    for field, value in changes.contact().items():
        setattr(profile, field, value)
    if changes.name is not None:
        profile.name = changes.name.strip()
    if changes.stage is not None:
        profile.current_stage = changes.stage
    if changes.target is not None:
        profile.target_stage = changes.target
    if changes.hours_per_week is not None:
        profile.hours_per_week = changes.hours_per_week
    if changes.runway_months is not None:
        profile.runway_months = changes.runway_months
    if changes.skills is not None:
        profile.skills = normalise_skills(changes.skills)
    session.flush()
    return profile


def profile_public(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "stage": profile.current_stage,
        "target": profile.target_stage,
        "hours_per_week": profile.hours_per_week,
        "runway_months": profile.runway_months,
        "skills": list(profile.skills or []),
        **{name: getattr(profile, name) for name in CONTACT_NAMES},
    }
