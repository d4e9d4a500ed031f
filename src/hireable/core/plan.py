"""The sprint plan: week by week, a learning block paired with a doing deliverable that builds a
named piece of evidence toward a named requirement of a stage.

Rule-based and explainable. Deliverables are a data table keyed by the evidence they produce;
each is a sequence of weekly steps with its rationale. The plan works through the target stage's
unmet requirements: it picks the deliverable whose evidence closes the most gaps at once (then
the best fit for your skills and picked idea, then the quickest), projects the item as done, and
moves on; once the target is projected met, later weeks serve the next stage.

Pure logic, no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hireable.core.credibility import CLASS_RANK
from hireable.core.readiness import Readiness, ScoredItem, counts_for, stage_readiness
from hireable.core.stages import STAGES, Stage, get_stage, stage_index
from hireable.core.weeks import MAX_PLAN_WEEKS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hireable.core.market import SkillDemand

DO_SHARE = 2 / 3  # of weekly hours go to doing (at least half: "learn do learn do")
MIN_DO_SHARE = 0.5
HOURS_STEP = 0.5  # blocks are rounded to half hours
IDEA_FIT = 2  # fit points for a deliverable built on your picked idea: you chose it already
# The market's gap (the skill the best openings ask for most that no evidence shows) shapes the
# next doing block, so the proof it produces is the proof the openings want.
MARKET_DO = "{do}, and make it show {skill}"


@dataclass(frozen=True)
class Step:
    learn: str
    do: str


@dataclass(frozen=True)
class Deliverable:
    id: str
    evidence_kind: str  # the evidence kind it produces (core.evidence.KINDS)
    evidence_class: str  # the class it aims at (core.credibility.CLASSES)
    resource: str  # the scarce resource a third party trades for it
    steps: tuple[Step, ...]  # one a week
    rationale: str
    skills: tuple[str, ...] = ()  # skills (lower case) that make it a better fit
    needs_idea: bool = False  # only planned once you have picked a project idea
    default_skill: str = "Python ML"


# Placeholders: {idea} = the picked idea (or "your project idea"), {skill} = your best-fitting
# skill for the deliverable (or its default_skill).
DELIVERABLES: tuple[Deliverable, ...] = (
    Deliverable(
        "benchmark",
        "benchmark",
        "primary",
        "attention",
        (
            Step(
                "the evaluation protocol behind {idea}",
                "run the published baseline of {idea} and reproduce its number",
            ),
            Step(
                "one technique aimed at the baseline's weakest cases",
                "beat the baseline of {idea} with one change, measured the same way",
            ),
            Step(
                "ablations: showing which change made the difference",
                "publish code and results of {idea} so anyone can rerun them",
            ),
            Step(
                "how leaderboards and papers-with-code entries are checked",
                "submit the result of {idea} to the benchmark's public leaderboard and record it",
            ),
        ),
        "Beating an established benchmark is primary evidence, and your picked idea already has "
        "a baseline to beat.",
        skills=("pytorch", "research", "deep learning", "computer vision", "nlp"),
        needs_idea=True,
    ),
    Deliverable(
        "oss-pr",
        "open-source",
        "primary",
        "time",
        (
            Step(
                "how a 1k–20k-star library of the {skill} ecosystem is tested and reviewed "
                "(CONTRIBUTING, CI, recently merged PRs)",
                "reproduce a documented bug of that library in a failing test",
            ),
            Step(
                "the library's internals around that bug",
                "open a PR fixing a documented bug in a 1k–20k-star ML library, with the test",
            ),
            Step(
                "the project's API and style conventions, from its review comments",
                "answer review until a maintainer merges the PR",
            ),
            Step(
                "the project's open issues, to pick the next one",
                "record the merged PR (`hireable evidence add open-source --url PR`) and take a "
                "second issue",
            ),
        ),
        "A PR merged by a maintainer of a ≥1k-star ML repo is primary evidence; under ~20k stars "
        "maintainers still review outsiders quickly.",
        skills=(
            "python",
            "pytorch",
            "tensorflow",
            "jax",
            "scikit-learn",
            "transformers",
            "hugging face",
        ),
    ),
    Deliverable(
        "kaggle",
        "competition",
        "primary",
        "attention",
        (
            Step(
                "the competition metric and a leak-free validation split",
                "submit a baseline to an active Kaggle competition with 1000+ teams",
            ),
            Step(
                "what the top public notebooks do (features, augmentations)",
                "improve the score one idea at a time; log every submission",
            ),
            Step(
                "ensembling and post-processing",
                "reach the top 10% of the public leaderboard",
            ),
            Step(
                "how winners write up solutions",
                "publish the solution write-up and record the final rank as competition evidence",
            ),
        ),
        "A top-10% or medal finish among 1000+ teams is primary: thousands of rivals validate it.",
        skills=("kaggle", "lightgbm", "xgboost", "tabular", "pandas", "computer vision"),
    ),
    Deliverable(
        "product",
        "product",
        "secondary",
        "attention",
        (
            Step(
                "serving a model behind a small UI (Gradio or Streamlit)",
                "deploy {idea} with a UI anyone can use",
            ),
            Step(
                "where the people who need {idea} gather",
                "show {idea} to 20 potential users and fix what stops them",
            ),
            Step(
                "simple usage analytics",
                "grow {idea} toward 100 weekly users and record it as product evidence",
            ),
        ),
        "An ML tool with ~100 weekly users is secondary evidence: users trade their attention.",
        skills=("gradio", "streamlit", "fastapi", "web", "javascript", "docker"),
    ),
    Deliverable(
        "content",
        "content",
        "secondary",
        "attention",
        (
            Step(
                "how the best posts in your niche are structured",
                "write a post on {idea}: what you tried, the numbers, a demo",
            ),
            Step(
                "distribution: communities, newsletters, forums",
                "publish the post and share it where practitioners read; record the audience",
            ),
        ),
        "ML content with tens of thousands of readers is secondary evidence (attention).",
        skills=("writing", "blog", "video", "youtube", "teaching"),
    ),
    Deliverable(
        "paid-gig",
        "paid-work",
        "secondary",
        "money",
        (
            Step(
                "scoping a small ML job: data, metric, price",
                "offer a fixed-price ML gig to 5 small businesses or startups",
            ),
            Step(
                "the client's data and domain",
                "deliver the gig, invoice it, ask for a testimonial; record it as paid-work",
            ),
        ),
        "Someone paying for your ML work is the strongest secondary signal: they risked money.",
        skills=("consulting", "freelance", "sql", "analytics", "forecasting"),
    ),
    Deliverable(
        "ml-job",
        "job",
        "secondary",
        "money",
        (
            Step(
                "a 30-second story for each of your key evidence items",
                "email 10 founders or hiring managers at small companies (`hireable jobs rank`)",
            ),
            Step(
                "questions interviewers ask about your own projects",
                "follow up twice a week apart and take the interviews",
            ),
        ),
        "The next stage asks for an ML job held: the portfolio so far is what earns it.",
    ),
    Deliverable(
        "shipped-project",
        "project",
        "talent",
        "none",
        (
            Step(
                "packaging and a README others can follow",
                "ship {idea} as a public repository others can run, with a demo",
            ),
            Step(
                "tests and continuous integration",
                "add tests, CI and a hosted demo to {idea}; share the link",
            ),
        ),
        "Internships go to people who show public, working projects they finished.",
        skills=("python", "javascript", "git", "web"),
    ),
)


@dataclass
class PlanWeek:
    number: int
    start: dt.date
    stage: str  # the stage this week works toward
    deliverable: str  # Deliverable.id
    step: int  # 1-based step of the deliverable
    steps: int
    learn: str
    learn_hours: float
    do: str
    do_hours: float
    evidence_kind: str
    evidence_class: str
    serves: list[str]  # requirement ids of `stage` the evidence counts toward
    gap: str  # the gap in words
    rationale: str
    market: str | None = None  # why the do block names a skill the openings ask for

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=7)

    def label(self) -> str:
        return f"week {self.number} ({self.start:%b %d}):"

    def work(self) -> str:
        """What the week holds: its learning block, its doing block and the evidence it makes."""
        return (
            f"learn: {self.learn} ({self.learn_hours:g} h); do: {self.do} ({self.do_hours:g} h)"
            f" → {self.evidence_kind} evidence for {self.stage}"
        )

    def line(self) -> str:
        return f"{self.label()} {self.work()}"

    def public(self) -> dict[str, Any]:
        return {
            "week": self.number,
            "start": self.start.isoformat(),
            "stage": self.stage,
            "deliverable": self.deliverable,
            "step": f"{self.step}/{self.steps}",
            "learn": {"topic": self.learn, "hours": self.learn_hours},
            "do": {"deliverable": self.do, "hours": self.do_hours},
            "evidence": {"kind": self.evidence_kind, "class": self.evidence_class},
            "serves": self.serves,
            "gap": self.gap,
            "rationale": self.rationale,
            "market": self.market,
        }


@dataclass
class Plan:
    target: str  # the learner's target stage
    stage: str  # the stage the plan starts working toward
    hours_per_week: float
    idea: str | None
    weeks: list[PlanWeek] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def public(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "stage": self.stage,
            "hours_per_week": self.hours_per_week,
            "idea": self.idea,
            "notes": self.notes,
            "weeks": [w.public() for w in self.weeks],
        }


def split_hours(hours_per_week: float) -> tuple[float, float]:
    """(learn, do): doing gets DO_SHARE rounded up to half hours, never less than half, and the
    two never add up to more than the weekly hours."""
    do = min(hours_per_week, math.ceil(hours_per_week * DO_SHARE / HOURS_STEP) * HOURS_STEP)
    do = max(do, hours_per_week * MIN_DO_SHARE)
    return round(hours_per_week - do, 2), round(do, 2)


def plan_start(today: dt.date) -> dt.date:
    """Week 1 is the current ISO week (its Monday), so `status` can show this week's block."""
    return today - dt.timedelta(days=today.weekday())


@dataclass
class _Context:
    skills: list[str]  # as the learner wrote them; matched case-insensitively
    idea: str | None
    used: dict[str, int] = field(default_factory=dict)

    def matching(self, d: Deliverable) -> list[str]:
        return [s for s in self.skills if s.lower() in d.skills]


def _projected(d: Deliverable, n: int) -> ScoredItem:
    """The item a finished deliverable would add, at full credibility (the plan's aim)."""
    return ScoredItem(-n, d.evidence_kind, d.id, d.evidence_class, d.resource, 100)


def _fit(d: Deliverable, ctx: _Context) -> int:
    return len(ctx.matching(d)) + (IDEA_FIT if d.needs_idea and ctx.idea else 0)


def _choose(readiness: Readiness, ctx: _Context) -> tuple[Deliverable, list[str]] | None:
    """The deliverable whose evidence closes the most gaps at once; then one not used yet in
    this plan; then the best fit; then the weakest class that suffices and the fewest steps
    (don't overbuild); then table order."""
    unmet = [s for s in readiness.statuses if not s.met]
    best: tuple[tuple[int, ...], Deliverable, list[str]] | None = None
    for index, d in enumerate(DELIVERABLES):
        if d.needs_idea and not ctx.idea:
            continue
        item = _projected(d, 0)
        covered = [s.requirement.id for s in unmet if counts_for(item, s.requirement)]
        if not covered:
            continue
        key = (
            len(covered),
            -ctx.used.get(d.id, 0),
            _fit(d, ctx),
            CLASS_RANK[d.evidence_class],
            -len(d.steps),
            -index,
        )
        if best is None or key > best[0]:
            best = (key, d, covered)
    return None if best is None else (best[1], best[2])


def _gap_words(readiness: Readiness, serves: list[str]) -> str:
    parts = [
        f"{s.requirement.label}: {s.have} of {s.requirement.count}"
        for s in readiness.statuses
        if s.requirement.id in serves
    ]
    return f"{readiness.stage.id} — " + "; ".join(parts)


def _fill(text: str, d: Deliverable, ctx: _Context) -> str:
    skill = next(iter(ctx.matching(d)), d.default_skill)
    return text.format(idea=ctx.idea or "your project idea", skill=skill)


def _next_stage(stage: Stage) -> Stage | None:
    index = stage_index(stage.id) + 1
    return STAGES[index] if index < len(STAGES) else None


def _stage_to_plan(
    target: Stage, items: list[ScoredItem], known: Mapping[str, Readiness] | None = None
) -> tuple[Stage, Readiness] | None:
    """The first stage from the target on that the items do not meet yet (`known`: the
    readiness of these very items by stage id, where already worked out)."""
    stage: Stage | None = target
    while stage is not None:
        readiness = known[stage.id] if known else stage_readiness(stage, items)
        if not readiness.ready:
            return stage, readiness
        stage = _next_stage(stage)
    return None


def build_plan(
    *,
    target_stage: str,
    items: list[ScoredItem],
    hours_per_week: float,
    skills: list[str],
    idea: str | None,
    today: dt.date,
    weeks: int,
    demand: SkillDemand | None = None,
    known_readiness: Mapping[str, Readiness] | None = None,
) -> Plan:
    """A week-by-week plan toward the target stage (or the next, if the target is met). With
    `demand` (the market's top unshown skill), the first doing block makes it show.
    `known_readiness`: each stage's readiness of `items` by stage id, if the caller has it (it is
    used until the first projected item changes them)."""
    from hireable.errors import ValidationError

    if not 1 <= weeks <= MAX_PLAN_WEEKS:
        raise ValidationError(f"weeks must be from 1 to {MAX_PLAN_WEEKS} (got {weeks})")
    if hours_per_week <= 0:
        raise ValidationError("hours per week must be more than 0: `hireable profile set`")
    target = get_stage(target_stage)
    plan = Plan(target.id, target.id, hours_per_week, idea)
    ctx = _Context(list(skills), idea)
    projected = list(items)
    first = _stage_to_plan(target, projected, known_readiness)
    if first is None:
        plan.notes.append(f"every stage up to {STAGES[-1].id} is already met: nothing to plan")
        return plan
    plan.stage = first[0].id
    if first[0].id != target.id:
        plan.notes.append(
            f"{target.id} is already met: planning toward the next stage, {first[0].id}"
        )
    if idea is None:
        plan.notes.append(
            "no idea picked: deliverables name 'your project idea' "
            "(`hireable idea shortlist`, then `hireable idea pick ID`)"
        )
    learn_hours, do_hours = split_hours(hours_per_week)
    start = plan_start(today)
    number, working_on = 0, plan.stage
    while number < weeks:
        unchanged = len(projected) == len(items)
        current = _stage_to_plan(target, projected, known_readiness if unchanged else None)
        if current is None:
            plan.notes.append(f"all stages projected met after week {number}")
            break
        stage, readiness = current
        if stage.id != working_on:
            plan.notes.append(
                f"{working_on} is projected met after week {number}: "
                f"later weeks work toward {stage.id}"
            )
            working_on = stage.id
        chosen = _choose(readiness, ctx)
        if chosen is None:
            plan.notes.append(f"no deliverable in the table serves the gaps of {stage.id}")
            break
        d, serves = chosen
        ctx.used[d.id] = ctx.used.get(d.id, 0) + 1
        gap = _gap_words(readiness, serves)
        for index, step in enumerate(d.steps, 1):
            if number >= weeks:
                break
            number += 1
            plan.weeks.append(
                PlanWeek(
                    number=number,
                    start=start + dt.timedelta(weeks=number - 1),
                    stage=stage.id,
                    deliverable=d.id,
                    step=index,
                    steps=len(d.steps),
                    learn=_fill(step.learn, d, ctx),
                    learn_hours=learn_hours,
                    do=_fill(step.do, d, ctx),
                    do_hours=do_hours,
                    evidence_kind=d.evidence_kind,
                    evidence_class=d.evidence_class,
                    serves=serves,
                    gap=gap,
                    rationale=d.rationale,
                )
            )
        projected.append(_projected(d, len(projected) + 1))
    if demand is not None and plan.weeks:
        first_week = plan.weeks[0]
        first_week.do = MARKET_DO.format(do=first_week.do, skill=demand.skill)
        first_week.market = demand.sentence()
    return plan


def plan_markdown(plan: Plan) -> str:
    lines = [
        f"# Sprint plan toward {plan.stage}",
        "",
        f"{plan.hours_per_week:g} h a week; doing gets at least half."
        + (f" Picked idea: {plan.idea}." if plan.idea else ""),
        "",
    ]
    lines += [f"> {note}" for note in plan.notes]
    if plan.notes:
        lines.append("")
    for w in plan.weeks:
        lines += [
            f"## Week {w.number} — {w.start:%Y-%m-%d} ({w.stage})",
            "",
            f"- **Learn** ({w.learn_hours:g} h): {w.learn}",
            f"- **Do** ({w.do_hours:g} h): {w.do}",
            f"- **Evidence**: {w.evidence_kind} ({w.evidence_class}), step {w.step} of {w.steps}",
            f"- **Gap**: {w.gap}",
            f"- **Why**: {w.rationale}",
            *([f"- **Market**: {w.market}"] if w.market else []),
            "",
        ]
    return "\n".join(lines)
