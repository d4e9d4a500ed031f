"""The tracker's contribution to `hireable status`: resume-lottery and overdue follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from hireable.services.profile import ProfileChanges, create_profile
from hireable.services.tracker import add_application, move_application, status_contribution
from hireable.store.db import ensure_schema, make_engine, session_scope
from hireable.store.models import Posting, Profile
from tests.ranking.factory import posting

DAY0 = dt.date(2026, 3, 2)


@pytest.fixture
def db(database_url: str) -> Iterator[tuple[Session, Profile]]:
    engine = make_engine(database_url)
    ensure_schema(engine)
    with session_scope(engine) as s:
        profile = create_profile(session=s, changes=ProfileChanges("Ada", "ml-entry", "ml-entry"))
        yield s, profile
    engine.dispose()


def _apply_to(s: Session, n: int, **changes: object) -> None:
    p = Posting(**posting(n, **changes))
    s.add(p)
    s.flush()
    app = add_application(session=s, posting_id=p.id)
    move_application(session=s, application_id=app.id, status="applied", today=DAY0)


def _rules(s: Session, profile: Profile, today: dt.date = DAY0) -> list[str]:
    return [w.rule for w in status_contribution(s, profile, today).warnings]


def test_resume_lottery_when_most_recent_applications_are_filtered(
    db: tuple[Session, Profile],
) -> None:
    s, profile = db
    _apply_to(s, 1)  # a good niche application
    _apply_to(s, 2, degree="required")
    assert _rules(s, profile) == []  # too few to judge
    _apply_to(s, 3, company="Google", source="linkedin-2018", degree="none")
    assert _rules(s, profile) == ["resume-lottery"]
    warning = status_contribution(s, profile, DAY0).warnings[0]
    assert "2 of your last 3 applications" in warning.message
    assert "degree required" in warning.message and "Google" in warning.message
    for n in (4, 5, 6):
        _apply_to(s, n)
    assert _rules(s, profile) == []  # the last five are mostly niche now


def test_a_famous_employer_on_its_own_board_is_not_a_lottery(
    db: tuple[Session, Profile],
) -> None:
    s, profile = db
    for n in (1, 2, 3):
        _apply_to(s, n, company="Google", source="greenhouse:google")
    assert _rules(s, profile) == []


def test_overdue_follow_ups_warn_and_due_ones_are_next_actions(
    db: tuple[Session, Profile],
) -> None:
    s, profile = db
    acme = add_application(session=s, company="Acme", contact="Jane Doe")
    beta = add_application(session=s, company="Beta")
    move_application(session=s, application_id=acme.id, status="contacted", today=DAY0)
    move_application(
        session=s, application_id=beta.id, status="contacted", today=DAY0 - dt.timedelta(days=3)
    )
    today = DAY0 + dt.timedelta(days=7)
    result = status_contribution(s, profile, today)
    assert [w.rule for w in result.warnings] == ["followup-overdue"]
    assert "1 follow-up overdue: Beta (3 days overdue)" in result.warnings[0].message
    assert result.next_actions[0].startswith("Follow up with Beta (3 days overdue)")
    assert result.next_actions[1].startswith("Follow up with Acme (Jane Doe) (due today)")
    assert result.sections["applications"]["contacted"] == 2
    assert _rules(s, profile, DAY0) == []


def test_saved_only_suggests_writing(db: tuple[Session, Profile]) -> None:
    s, profile = db
    add_application(session=s, company="Acme")
    result = status_contribution(s, profile, DAY0)
    assert result.warnings == []
    assert result.next_actions == ["Write to your saved company: `hireable outreach draft ID`"]
