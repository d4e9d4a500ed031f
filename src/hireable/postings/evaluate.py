"""Measure the analyser against hand labels: accuracy, F1, confusion matrices, disagreements.

Fields (GUIDELINES.md): degree (4 classes), degree_open (closed = `required`, open = anything
else), degree_level, seniority, years_min (exact), ml. Each is measured on all labels and on the
`confidence: high` subset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hireable.errors import shown as _shown
from hireable.postings.degree import LEVELS, STATUS_ORDER
from hireable.postings.seniority import LEVEL_RANK

SUBSETS = ("all", "high")

# The values GUIDELINES.md allows for each labelled field: a label outside them ("degree":
# "maybe") would be counted as a class of its own and skew every figure, so it is refused.
LABEL_CLASSES: dict[str, tuple[Any, ...]] = {
    "degree": STATUS_ORDER,  # none / preferred / equivalent / required
    "degree_level": LEVELS,  # the lowest level that satisfies the posting
    "seniority": tuple(LEVEL_RANK),  # intern / entry / mid / senior
    "ml": (True, False),  # hands-on modelling or not
    "confidence": ("high", "low"),  # measured on `high` first
}


def label_problem(label: dict[str, Any]) -> str | None:
    """Why one label row breaks the guidelines (a value outside its field's classes, years that
    are not a whole number of 0 or more), or None when it is fine. Absent fields are allowed."""
    for name, classes in LABEL_CLASSES.items():
        value = label.get(name)
        # type too: `1 == True`, yet a label of 1 for `ml` is not what the guidelines ask
        if name in label and not any(type(value) is type(c) and value == c for c in classes):
            allowed = ", ".join(_key(c) for c in classes)
            return f"{name} {_shown(value)} is not one of {allowed}"
    years = label.get("years_min")
    if years is not None and (type(years) is not int or years < 0):
        return f"years_min {_shown(years)} is not a whole number of 0 or more (or null)"
    return None


def _degree_open(row: dict[str, Any]) -> str:
    return "closed" if row.get("degree") == "required" else "open"


def _get(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(name)


# (field, how to read it from a label or a prediction, the positive class for F1 or None)
FIELDS: tuple[tuple[str, Callable[[dict[str, Any]], Any], Any], ...] = (
    ("degree", _get("degree"), None),
    # The learner's question: can I apply without a degree? F1 of "open".
    ("degree_open", _degree_open, "open"),
    ("degree_level", _get("degree_level"), None),
    ("seniority", _get("seniority"), None),
    ("years_min", _get("years_min"), None),
    ("ml", _get("ml"), True),
)


@dataclass
class FieldScore:
    n: int = 0
    correct: int = 0
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    disagree: list[str] = field(default_factory=list)
    positive: Any = None
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def f1(self) -> float | None:
        if self.positive is None:
            return None
        denom = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denom if denom else 0.0

    def add(self, ident: str, truth: Any, pred: Any) -> None:
        self.n += 1
        row = self.confusion.setdefault(_key(truth), {})
        row[_key(pred)] = row.get(_key(pred), 0) + 1
        if truth == pred:
            self.correct += 1
        else:
            self.disagree.append(ident)
        if self.positive is not None:
            self.tp += truth == self.positive and pred == self.positive
            self.fp += truth != self.positive and pred == self.positive
            self.fn += truth == self.positive and pred != self.positive

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n, "accuracy": round(self.accuracy, 4)}
        if self.f1 is not None:
            out["f1"] = round(self.f1, 4)
            out["positive"] = _key(self.positive)
        out["confusion"] = self.confusion
        out["disagree"] = self.disagree
        return out


def _key(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass
class Report:
    scores: dict[str, dict[str, FieldScore]]  # subset -> field -> score
    missing: list[str]  # labelled ids with no posting in the input

    def as_dict(self) -> dict[str, Any]:
        return {
            "subsets": {
                subset: {name: score.as_dict() for name, score in fields.items()}
                for subset, fields in self.scores.items()
            },
            "missing": self.missing,
        }


def evaluate(labels: Iterable[dict[str, Any]], predictions: dict[str, dict[str, Any]]) -> Report:
    """Compare `predictions` (id -> analysis) with `labels` (rows with id, fields, confidence)."""
    scores = {
        subset: {name: FieldScore(positive=positive) for name, _, positive in FIELDS}
        for subset in SUBSETS
    }
    missing: list[str] = []
    for label in labels:
        ident = str(label.get("id"))
        pred = predictions.get(ident)
        if pred is None:
            missing.append(ident)
            continue
        subsets = ["all"] + (["high"] if label.get("confidence") == "high" else [])
        for name, read, _ in FIELDS:
            for subset in subsets:
                scores[subset][name].add(ident, read(label), read(pred))
    return Report(scores=scores, missing=missing)
