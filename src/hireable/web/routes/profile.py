"""Profile: create it when there is none, else edit it (the rules of `init` and `profile set`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.responses import RedirectResponse
from starlette.routing import BaseRoute, Route

from hireable.core.contact import CONTACT_NAMES
from hireable.core.stages import STAGE_IDS, STAGES
from hireable.errors import HireableError, ValidationError
from hireable.services.profile import ProfileChanges, create_profile, get_profile, update_profile
from hireable.web.db import in_session
from hireable.web.forms import optional_number, read_form, text_list
from hireable.web.render import message, page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session
    from starlette.requests import Request
    from starlette.responses import Response

    from hireable.store.models import Profile

FIELDS = ("name", "stage", "target", "hours_per_week", "runway_months", "skills", *CONTACT_NAMES)


def _values(profile: Profile | None) -> dict[str, str]:
    if profile is None:
        return {"stage": STAGE_IDS[0], "target": STAGE_IDS[1], "hours_per_week": "10"}
    return {
        "name": profile.name,
        "stage": profile.current_stage,
        "target": profile.target_stage,
        "hours_per_week": f"{profile.hours_per_week:g}",
        "runway_months": "" if profile.runway_months is None else f"{profile.runway_months:g}",
        "skills": ", ".join(profile.skills or []),
        **{name: getattr(profile, name) or "" for name in CONTACT_NAMES},
    }


def _render(
    request: Request,
    *,
    exists: bool,
    values: dict[str, str],
    error: str = "",
    status: int = 200,
) -> Response:
    context = {
        "active": "profile",
        "exists": exists,
        "values": values,
        "stages": STAGE_IDS,
        "stage_table": STAGES,
        "error_text": error,
        "saved": request.query_params.get("saved") == "1",
    }
    return page(request, "profile/index.html", context, status=status)


async def profile_page(request: Request) -> Response:
    def work(session: Session) -> Response:
        profile = get_profile(session)
        return _render(request, exists=profile is not None, values=_values(profile))

    return await in_session(request, work)


def _changes(values: dict[str, str]) -> ProfileChanges:
    return ProfileChanges(
        name=values["name"],
        stage=values["stage"] or None,
        target=values["target"] or None,
        hours_per_week=optional_number(values["hours_per_week"], "hours per week"),
        runway_months=optional_number(values["runway_months"], "runway months"),
        skills=text_list(values["skills"]),
        **{name: values[name].strip() for name in CONTACT_NAMES},  # "" clears a field
    )


def _save(session: Session, values: dict[str, str]) -> bool:
    """Create or update; True when the profile was created."""
    changes = _changes(values)
    if get_profile(session) is None:
        create_profile(session=session, changes=changes)
        return True
    update_profile(session=session, changes=changes)
    return False


async def _refuse(request: Request, exc: HireableError, values: dict[str, str]) -> Response:
    exists = await in_session(request, lambda s: get_profile(s) is not None)
    error = message(request, str(exc))
    return _render(request, exists=exists, values=values, error=error, status=422)


async def save(request: Request) -> Response:
    values = await read_form(request, FIELDS, _refuse)
    try:
        created = await in_session(request, lambda s: _save(s, values))
    except ValidationError as exc:
        return await _refuse(request, exc, values)
    return RedirectResponse("/" if created else "/profile?saved=1", status_code=303)


routes: list[BaseRoute] = [
    Route("/profile", profile_page, methods=["GET"], name="profile"),
    Route("/profile", save, methods=["POST"], name="profile-save"),
]
