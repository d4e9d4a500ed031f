"""Use cases of project ideas: collect, score, shortlist, pick, and record the baseline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hireable.core.evidence import check_url
from hireable.core.ideas import (
    DEFAULT_GOAL,
    FIELDS,
    MIN_IDEAS,
    IdeaScore,
    check_goal,
    check_scores,
    nudges,
    score,
    scores_of,
    shortlist,
    toy,
)
from hireable.core.journal import RULES, check_topic, move_on
from hireable.core.words import plural
from hireable.errors import ValidationError
from hireable.store.models import Idea
from hireable.store.repo import get_or_fail

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.core.alerts import Alert

BASELINE_DAYS = RULES["move-on"].threshold  # a picked idea's baseline runs within a week


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
        raise ValidationError("the artifact needs the URL of the running baseline (notebook, repo)")
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


def baseline_due(idea: Idea) -> dt.date | None:
    """The day a picked idea's baseline should run by (None when it is not picked)."""
    if idea.picked_at is None:
        return None
    return idea.picked_at.date() + dt.timedelta(days=BASELINE_DAYS)


def baseline_alert(idea: Idea, today: dt.date) -> Alert | None:
    """move-on: the picked idea's first week is over and no baseline runs."""
    if idea.picked_at is None:
        return None
    return move_on(
        idea_id=idea.id,
        title=idea.title,
        picked_on=idea.picked_at.date(),
        has_baseline=idea.baseline_at is not None,
        today=today,
    )


def next_step(ideas: list[Idea], picked: Idea | None, today: dt.date) -> str:
    """The ideas' answer to "what should I do next?": work the picked idea, else score, pick."""
    if picked is not None:
        name = f"idea {picked.id} ({picked.title})"
        due = baseline_due(picked)
        if picked.baseline_at is not None:
            return f"Beat the baseline of {name}: the sprint plan says how, week by week."
        if due is not None and today <= due:
            return f"Get a baseline of {name} running by {due}, then record it."
        return (
            f"No baseline of {name} runs a week after you picked it: move on to the next idea "
            "of your shortlist, or record the baseline."
        )
    if not ideas:
        return (
            f"Collect project ideas, {MIN_IDEAS}–30 of them, then score each on the five "
            "questions."
        )
    unscored = sum(1 for i in ideas if scores_of(i) is None)
    if unscored:
        return f"Score {plural(unscored, 'idea')} on the five questions, then pick one."
    return (
        f"Pick one idea from the shortlist: a baseline must run within {BASELINE_DAYS} days, or "
        "you move on."
    )


@dataclass(frozen=True)
class IdeasView:
    ideas: list[dict[str, Any]]  # idea_public of each, in id order
    shortlist: list[IdeaScore]
    goal: str | None  # the shortlist's goal (None: each idea's own)
    nudges: list[str]  # what to fix before trusting the shortlist
    picked: dict[str, Any] | None  # idea_public of the idea you work on
    baseline_due: dt.date | None
    alerts: list[Alert]  # move-on, when the baseline is late
    next_step: str


def ideas_view(session: Session, *, goal: str | None, today: dt.date) -> IdeasView:
    """Everything the ideas screen shows; an unknown goal is a one-line error."""
    ideas = list_ideas(session)
    top, notes = shortlist(ideas, goal), nudges(ideas)
    picked = picked_idea(session)
    alert = baseline_alert(picked, today) if picked is not None else None
    return IdeasView(
        ideas=[idea_public(i) for i in ideas],
        shortlist=top,
        goal=goal,
        nudges=notes,
        picked=idea_public(picked) if picked is not None else None,
        baseline_due=baseline_due(picked) if picked is not None else None,
        alerts=[alert] if alert is not None else [],
        next_step=next_step(ideas, picked, today),
    )
