"""Career stages (DESIGN 1.1) and the readiness rule of each, as one data table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Requirement:
    """`count` evidence items that pass `test` are needed; `weight` is its share of the score."""

    id: str
    label: str  # shown to the learner: what is missing
    count: int
    classes: tuple[str, ...]  # evidence classes that can satisfy it
    min_credibility: int  # an item counts only from this credibility up
    weight: float
    kinds: tuple[str, ...] = ()  # empty: any kind
    resource: str | None = None  # e.g. "money": only items where money was traded
    rationale: str = ""
    unit: str = "degree-equivalents"  # how the status screen names what is counted


@dataclass(frozen=True)
class Stage:
    id: str
    title: str
    path: str
    target_employer: str
    time_budget: str
    typical_months: tuple[int, int]  # low and high end of the time budget
    requirements: tuple[Requirement, ...]
    rationale: str
    headline: str = ""  # the portfolio's and résumé's one line: what the learner is looking for

    @property
    def degree_equivalents_needed(self) -> int:
        return self.requirements[0].count


CREDIBLE = 35  # an item at or above this credibility counts as evidence (see credibility.py)
PRIMARY_LABEL = "primary items (competition rank, merged ML PR, paper, benchmark)"


def credible_items(count: int, weight: float, rationale: str) -> Requirement:
    """The degree-equivalent count every ML stage starts from."""
    return Requirement(
        "degree-equivalent", "credible items (primary or secondary)", count,
        ("primary", "secondary"), CREDIBLE, weight, rationale=rationale,
    )  # fmt: skip


def primary_items(count: int, weight: float, rationale: str) -> Requirement:
    return Requirement(
        "primary", PRIMARY_LABEL, count, ("primary",), CREDIBLE, weight, rationale=rationale
    )


STAGES: tuple[Stage, ...] = (
    Stage(
        id="swe-intern",
        title="Tech internship",
        path="learning software engineering → tech internship",
        target_employer="small company",
        time_budget="6–24 months",
        typical_months=(6, 24),
        requirements=(
            Requirement(
                "shipped-work",
                "public software work others can run or review",
                2,
                ("primary", "secondary", "talent"),
                20,
                1.0,
                rationale="Small companies hire interns who show two public, working projects.",
                unit="shipped projects",
            ),
        ),
        rationale="An internship needs proof you can build and finish things, not ML depth.",
        headline="Looking for a software engineering internship",
    ),
    Stage(
        id="ml-entry",
        title="Entry-level ML role",
        path="building an ML portfolio → entry-level ML role",
        target_employer="small company",
        time_budget="~1 month course, then 3–12 months portfolio (each strong item 1–3 months)",
        typical_months=(3, 12),
        requirements=(
            credible_items(
                3, 0.6, rationale="The autodidact degree: about three items someone else validated."
            ),
            primary_items(
                1, 0.4, rationale="At least one item must be degree-equivalent on its own."
            ),
        ),
        rationale="Covering a degree-equivalent gets a first ML role at a small company.",
        headline="Looking for an entry-level machine learning role",
    ),
    Stage(
        id="ml-junior",
        title="Junior ML role",
        path="part-time portfolio building → junior ML role",
        target_employer="mid-sized company",
        time_budget="6–12 months beside a job",
        typical_months=(6, 12),
        requirements=(
            credible_items(
                4,
                0.4,
                rationale="Mid-sized companies compare you with graduates: a fuller portfolio.",
            ),
            primary_items(
                2, 0.35, rationale="Two independent primary items show the first was not luck."
            ),
            Requirement(
                "paid",
                "paid ML work or an ML job",
                1,
                ("primary", "secondary"),
                CREDIBLE,
                0.25,
                kinds=("paid-work", "job"),
                resource="money",
                rationale="Someone already risking money on your ML work de-risks the hire.",
            ),
        ),
        rationale="Industry experience plus a stronger portfolio reaches mid-sized companies.",
        headline="Looking for a junior machine learning role",
    ),
    Stage(
        id="ml-engineer",
        title="ML engineer",
        path="interview preparation → ML engineer",
        target_employer="well-known tech company",
        time_budget="~2 years; tracked, not coached",
        typical_months=(18, 30),
        requirements=(
            credible_items(
                6,
                0.4,
                rationale="Well-known companies filter hard; only a long record gets through.",
            ),
            primary_items(
                3, 0.3, rationale="Several primary items stand in for the degree filter."
            ),
            Requirement(
                "ml-job",
                "ML jobs held",
                1,
                ("primary", "secondary"),
                CREDIBLE,
                0.3,
                kinds=("job",),
                resource="money",
                rationale="Known companies hire ML engineers who have done the job before.",
            ),
        ),
        rationale="Tracked, not coached: the tool shows the gap, interviews decide.",
        headline="Looking for a machine learning engineer role",
    ),
)

STAGE_IDS: tuple[str, ...] = tuple(s.id for s in STAGES)
_BY_ID = {s.id: s for s in STAGES}


def get_stage(stage_id: str) -> Stage:
    from hireable.errors import ValidationError

    try:
        return _BY_ID[stage_id]
    except KeyError:
        raise ValidationError(
            f"unknown stage '{stage_id}'; choose one of: {', '.join(STAGE_IDS)}"
        ) from None


def stage_index(stage_id: str) -> int:
    return STAGE_IDS.index(get_stage(stage_id).id)
