"""Choosing what to do (DESIGN 1.3): five questions per idea, weighted by the goal, cut to five.

Pure logic, no I/O. The questions and the goal weights are data tables with their rationale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from hireable.core.credibility import is_toy
from hireable.core.words import plural
from hireable.errors import ValidationError

# The five questions, in the order they are asked: (field, question).
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("impress", "can it impress a non-technical person in 30 seconds?"),
    ("quick_model", "is there a quick way to run a model?"),
    ("feasible", "do you have the compute and knowledge?"),
    ("angle", "is there an obvious angle to improve it?"),
    ("excitement", "does it excite you?"),
)
FIELDS = tuple(f for f, _ in QUESTIONS)
SCORE_RANGE = (1, 5)


@dataclass(frozen=True)
class Goal:
    id: str
    weights: dict[str, float]
    rationale: str


GOALS: dict[str, Goal] = {
    g.id: g
    for g in (
        Goal(
            "resume",
            {"impress": 1, "quick_model": 1, "feasible": 1.5, "angle": 2, "excitement": 1},
            "A résumé item needs a measurable improvement over a baseline (angle) that you can "
            "actually finish (feasible); the wow matters less to a technical reader.",
        ),
        Goal(
            "marketing",
            {"impress": 2.5, "quick_model": 1, "feasible": 1, "angle": 0.5, "excitement": 1.5},
            "Personal marketing lives on a 30-second wow that spreads; you must enjoy talking "
            "about it for months.",
        ),
        Goal(
            "advocacy",
            {"impress": 1.5, "quick_model": 2, "feasible": 1, "angle": 0.5, "excitement": 1.5},
            "Developer advocacy shows others how to get a model running quickly, in a way that "
            "is fun to watch and easy to copy.",
        ),
    )
}
DEFAULT_GOAL = "resume"
SHORTLIST_SIZE = 5  # cut to 5, pick one
MIN_IDEAS = 20  # collect 20–30 ideas before cutting


class IdeaLike(Protocol):
    id: int
    title: str
    note: str | None
    goal: str | None
    impress: int | None
    quick_model: int | None
    feasible: int | None
    angle: int | None
    excitement: int | None


def check_goal(goal: str) -> Goal:
    try:
        return GOALS[goal]
    except KeyError:
        raise ValidationError(f"unknown goal '{goal}'; choose one of: {', '.join(GOALS)}") from None


def check_scores(scores: dict[str, Any]) -> dict[str, int]:
    lo, hi = SCORE_RANGE
    checked = {}
    for name in FIELDS:
        value = scores.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            what = name.replace("_", " ")
            got = "nothing" if value is None else value
            raise ValidationError(f"{what} must be a whole number from {lo} to {hi} (got {got})")
        checked[name] = value
    return checked


def scores_of(idea: IdeaLike) -> dict[str, int] | None:
    values = {f: getattr(idea, f) for f in FIELDS}
    if any(v is None for v in values.values()):
        return None
    return values


@dataclass(frozen=True)
class IdeaScore:
    idea_id: int
    title: str
    goal: str
    score: int  # 0–100
    arithmetic: str


def score(idea_id: int, title: str, scores: dict[str, int], goal: str) -> IdeaScore:
    """Weighted sum over the maximum possible, as 0–100, with the arithmetic written out."""
    weights = check_goal(goal).weights
    total = sum(weights[f] * scores[f] for f in FIELDS)
    best = sum(weights[f] * SCORE_RANGE[1] for f in FIELDS)
    terms = " + ".join(f"{weights[f]:g}×{scores[f]}" for f in FIELDS)
    value = round(100 * total / best)
    return IdeaScore(idea_id, title, goal, value, f"({terms}) = {total:g} / {best:g} → {value}")


def shortlist(ideas: Sequence[IdeaLike], goal: str | None = None) -> list[IdeaScore]:
    """The top five scored ideas, best first (ties: older idea first). `goal` overrides each
    idea's own goal so that all are compared on one scale."""
    if goal is not None:
        check_goal(goal)
    scored = []
    for idea in ideas:
        values = scores_of(idea)
        if values is not None:
            scored.append(score(idea.id, idea.title, values, goal or idea.goal or DEFAULT_GOAL))
    scored.sort(key=lambda s: (-s.score, s.idea_id))
    return scored[:SHORTLIST_SIZE]


def toy(idea: IdeaLike) -> bool:
    return is_toy(f"{idea.title} {idea.note or ''}")


def nudges(ideas: Sequence[IdeaLike]) -> list[str]:
    """What to fix before trusting a shortlist."""
    out = []
    if len(ideas) < MIN_IDEAS:
        out.append(
            f"only {plural(len(ideas), 'idea')} collected: collect {MIN_IDEAS}–30 before cutting "
            f"to {SHORTLIST_SIZE}, so the pick is a real choice (`hireable idea add TITLE`)"
        )
    unscored = [i.id for i in ideas if scores_of(i) is None]
    if unscored:
        ids = ", ".join(map(str, unscored[:10])) + (" …" if len(unscored) > 10 else "")
        unscored_n = plural(len(unscored), "idea")
        out.append(f"{unscored_n} not scored yet ({ids}): `hireable idea score ID ...`")
    for idea in ideas:
        if toy(idea):
            out.append(
                f"idea {idea.id} ({idea.title}) uses a toy dataset (MNIST, Titanic, Iris, cats vs "
                "dogs): employers discount it; pick a real, validated problem"
            )
    return out
