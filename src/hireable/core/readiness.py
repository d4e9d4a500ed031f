"""Readiness for each career stage, computed from assessed evidence by the stage's rule table."""

from __future__ import annotations

from dataclasses import dataclass, field

from hireable.core.stages import STAGES, Requirement, Stage


@dataclass(frozen=True)
class ScoredItem:
    """What readiness needs to know of one evidence item."""

    id: int
    kind: str
    title: str
    evidence_class: str
    resource: str
    credibility: int


@dataclass
class RequirementStatus:
    requirement: Requirement
    have: int
    items: list[ScoredItem]

    @property
    def met(self) -> bool:
        return self.have >= self.requirement.count

    @property
    def short(self) -> int:
        return max(0, self.requirement.count - self.have)


@dataclass
class Readiness:
    stage: Stage
    statuses: list[RequirementStatus]
    score: int
    next_item: str = ""
    missing: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return all(s.met for s in self.statuses)

    @property
    def degree_equivalents(self) -> int:
        return self.statuses[0].have

    @property
    def needed(self) -> int:
        return self.statuses[0].requirement.count


# What to add for each requirement, stated concretely (the best next item).
SUGGESTIONS: dict[str, str] = {
    "shipped-work": "a public project with a link others can run (a repo with a README and a demo)",
    "degree-equivalent": (
        "a merged PR to an ML repository with ≥1k stars, merged by a maintainer "
        "(or a paid ML gig, or an ML tool with 100 weekly users)"
    ),
    "primary": (
        "a merged PR to an ML repository with ≥1k stars, merged by a maintainer "
        "(or a Kaggle medal, or a published paper)"
    ),
    "paid": "a paid ML gig: even a small consulting job for a local business",
    "ml-job": "an ML job: take the junior role this portfolio earns",
}


def counts_for(item: ScoredItem, req: Requirement) -> bool:
    return (
        item.evidence_class in req.classes
        and item.credibility >= req.min_credibility
        and (not req.kinds or item.kind in req.kinds)
        and (req.resource is None or item.resource == req.resource)
    )


def stage_readiness(stage: Stage, items: list[ScoredItem]) -> Readiness:
    statuses = []
    for req in stage.requirements:
        matching = sorted((i for i in items if counts_for(i, req)), key=lambda i: -i.credibility)
        statuses.append(RequirementStatus(req, len(matching), matching[: req.count]))
    score = round(
        100 * sum(s.requirement.weight * min(1.0, s.have / s.requirement.count) for s in statuses)
    )
    result = Readiness(stage, statuses, score)
    result.missing = [
        f"{s.requirement.label}: {s.have} of {s.requirement.count}" for s in statuses if not s.met
    ]
    result.next_item = _next_item(stage, statuses)
    return result


def _next_item(stage: Stage, statuses: list[RequirementStatus]) -> str:
    unmet = [s for s in statuses if not s.met]
    if not unmet:
        return ""
    # The requirement one item closes first; ties go to the stricter (later) requirement.
    target = min(unmet, key=lambda s: (s.short, -statuses.index(s)))
    what = SUGGESTIONS.get(target.requirement.id, target.requirement.label)
    # Does one item of that kind close every gap at once?
    closes_all = all(s.short <= 1 for s in unmet) and _one_item_fits_all(target, unmet)
    verb = "completes" if closes_all else "moves"
    tail = "" if closes_all else " closer"
    return f"{what} {verb} {stage.id}{tail}"


def _one_item_fits_all(target: RequirementStatus, unmet: list[RequirementStatus]) -> bool:
    """An item good enough for the target requirement must also satisfy the other gaps."""
    tr = target.requirement
    for s in unmet:
        r = s.requirement
        if not set(tr.classes) <= set(r.classes):
            return False
        if r.kinds and not (tr.kinds and set(tr.kinds) <= set(r.kinds)):
            return False
        if r.resource and r.resource != tr.resource:
            return False
    return True


def all_readiness(items: list[ScoredItem]) -> list[Readiness]:
    return [stage_readiness(stage, items) for stage in STAGES]
