"""Use cases of project ideas: collect, score, shortlist, pick, and record the baseline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hireable.core.evidence import check_url
from hireable.core.ideas import (
    DEFAULT_GOAL,
    FIELDS,
    IdeaScore,
    check_goal,
    check_scores,
    nudges,
    score,
    scores_of,
    shortlist,
    toy,
)
from hireable.core.journal import check_topic
from hireable.errors import ValidationError
from hireable.store.models import Idea
from hireable.store.repo import get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def _stamp(today: dt.date) -> dt.datetime:
    return dt.datetime.combine(today, dt.time())


def get_idea(session: Session, idea_id: int) -> Idea:
    return get_or_fail(session, Idea, idea_id, noun="idea", listing="idea list")


def list_ideas(session: Session) -> list[Idea]:
    return list(session.query(Idea).order_by(Idea.id))


def add_idea(*, session: Session, title: str, url: str | None, note: str | None) -> Idea:
    idea = Idea(
        title=check_topic(title, "title"),
        url=check_url(url),
        note=(note or "").strip() or None,
    )
    session.add(idea)
    session.flush()
    return idea


def score_idea(
    *, session: Session, idea_id: int, scores: dict[str, Any], goal: str | None
) -> tuple[Idea, IdeaScore]:
    checked = check_scores(scores)
    if goal is not None:
        check_goal(goal)
    idea = get_idea(session, idea_id)
    for name, value in checked.items():
        setattr(idea, name, value)
    idea.goal = goal or idea.goal or DEFAULT_GOAL
    session.flush()
    return idea, score(idea.id, idea.title, checked, idea.goal)


def shortlist_ideas(session: Session, goal: str | None) -> tuple[list[IdeaScore], list[str]]:
    ideas = list_ideas(session)
    return shortlist(ideas, goal), nudges(ideas)


def picked_idea(session: Session) -> Idea | None:
    """The idea picked most recently: the one you are working on."""
    return (
        session.query(Idea)
        .filter(Idea.picked_at.is_not(None))
        .order_by(Idea.picked_at.desc(), Idea.id.desc())
        .first()
    )


def pick_idea(*, session: Session, idea_id: int, today: dt.date) -> Idea:
    """Start the 7-day baseline clock; ideas dropped before their baseline stop their clocks."""
    idea = get_idea(session, idea_id)
    for other in session.query(Idea).filter(Idea.id != idea_id, Idea.baseline_at.is_(None)):
        other.picked_at = None
    idea.picked_at = _stamp(today)
    session.flush()
    return idea


def record_baseline(*, session: Session, idea_id: int, artifact: str, today: dt.date) -> Idea:
    """A baseline runs: the idea survives its first week (recording it also picks it)."""
    link = check_url(artifact)
    if link is None:
        raise ValidationError("--artifact needs the URL of the running baseline (notebook, repo)")
    idea = get_idea(session, idea_id)
    if idea.picked_at is None:
        pick_idea(session=session, idea_id=idea_id, today=today)
    idea.baseline_artifact = link
    idea.baseline_at = _stamp(today)
    session.flush()
    return idea


def idea_public(idea: Idea) -> dict[str, Any]:
    values = scores_of(idea)
    result = score(idea.id, idea.title, values, idea.goal or DEFAULT_GOAL) if values else None
    return {
        "id": idea.id,
        "title": idea.title,
        "url": idea.url,
        "note": idea.note,
        "scores": {f: getattr(idea, f) for f in FIELDS},
        "goal": idea.goal,
        "score": result.score if result else None,
        "toy": toy(idea),
        "picked_on": idea.picked_at.date().isoformat() if idea.picked_at else None,
        "baseline": idea.baseline_artifact,
        "baseline_on": idea.baseline_at.date().isoformat() if idea.baseline_at else None,
    }
