"""Career stages (DESIGN 1.1): the readiness rule of each and what ranking expects of it, as one
data table. A new stage is one `Stage` row; readiness and ranking read everything from it."""

from __future__ import annotations

from dataclasses import dataclass, field


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
class Fit:
    """Points a posting's seniority level earns at a stage, the words shown and why."""

    points: int
    text: str
    rationale: str


@dataclass(frozen=True)
class RankingFit:
    """What job ranking expects of a stage (postings/rank.py reads it; weights in its WEIGHTS)."""

    seniority: dict[str, Fit] = field(hash=False)  # level (intern, entry, mid, senior) → its fit
    years_ok: int  # the most years of experience a learner at this stage can plausibly show
    size_group: str  # which company-size weights apply: "early", "junior" or "known"
    ml_job: bool  # the stage is about a hands-on ML job: other roles rank last
    famous_target: bool = False  # famous employers are the target, not a crowd to avoid


def fits(
    intern: tuple[int, str, str],
    entry: tuple[int, str, str],
    mid: tuple[int, str, str],
    senior: tuple[int, str, str],
) -> dict[str, Fit]:
    """The seniority fits of one stage, as (points, text, rationale) per level."""
    levels = {"intern": intern, "entry": entry, "mid": mid, "senior": senior}
    return {level: Fit(*fit) for level, fit in levels.items()}


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
    ranking: RankingFit
    headline: str = ""  # the portfolio's and résumé's one line: what the learner is looking for


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
        ranking=RankingFit(
            fits(
                (20, "an internship", "The stage's target role."),
                (10, "an entry-level role", "Reachable after projects."),
                (-10, "a mid-level role", "Asks experience you lack."),
                (-25, "a senior role", "Out of reach at this stage."),
            ),
            years_ok=0,
            size_group="early",
            ml_job=False,
        ),
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
        ranking=RankingFit(
            fits(
                (10, "an internship", "A way in, but below the target."),
                (20, "an entry-level role", "Exactly the stage's target."),
                (0, "a mid-level role", "Sometimes open to strong portfolios."),
                (-25, "a senior role", "Asks years you cannot show yet."),
            ),
            years_ok=2,
            size_group="early",
            ml_job=True,
        ),
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
        ranking=RankingFit(
            fits(
                (-5, "an internship", "A step back from a paid ML job."),
                (15, "an entry-level role", "Fits a junior ML move."),
                (15, "a mid-level role", "Fits a junior ML move."),
                (-15, "a senior role", "Usually asks 5+ years."),
            ),
            years_ok=3,
            size_group="junior",
            ml_job=True,
        ),
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
        ranking=RankingFit(
            fits(
                (-15, "an internship", "Below the stage's target."),
                (0, "an entry-level role", "Below target but reachable."),
                (15, "a mid-level role", "The stage's target role."),
                (5, "a senior role", "A stretch some reach."),
            ),
            years_ok=5,
            size_group="known",
            ml_job=True,
            famous_target=True,
        ),
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
