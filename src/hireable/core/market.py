"""What the best openings ask for, against what the learner's evidence shows (pure).

The method ties learning to what real postings want: the skills the learner's best-ranked openings
ask for most, each with the strongest thing that shows it, so the plan's next doing block can
produce the missing proof.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hireable.postings.rank import LearnerSkills

# How a skill is shown, strongest first: the verification of the best evidence item naming it,
# "profile only" when only the profile (or a course) claims it, "nothing" when nothing does.
SHOWN_BY = {"api": "verified", "link": "linked", "self": "self-reported", "profile": "profile only"}
NOT_SHOWN = ("profile only", "nothing")  # no evidence item shows the skill
MIN_ASKED = 2  # one opening asking for a skill is that opening's quirk, not the market's demand


@dataclass(frozen=True)
class SkillDemand:
    skill: str
    asked_by: int  # how many of the openings ask for it
    of: int  # how many openings were read
    shown_by: str  # a value of SHOWN_BY, or "nothing"

    @property
    def unshown(self) -> bool:
        return self.shown_by in NOT_SHOWN

    def sentence(self) -> str:
        return (
            f"{self.asked_by} of your {self.of} best openings ask for {self.skill} and none of "
            "your evidence shows it"
        )

    def public(self) -> dict[str, Any]:
        return {"skill": self.skill, "asked_by": self.asked_by, "of": self.of,
                "shown_by": self.shown_by}


def skill_demand(
    posting_skills: Iterable[Iterable[str]], learner: LearnerSkills
) -> list[SkillDemand]:
    """Every skill the openings ask for (counted once per opening), most asked first."""
    lists = [list(dict.fromkeys(s.strip().lower() for s in skills if s.strip()))
             for skills in posting_skills]
    counts = Counter(skill for skills in lists for skill in skills)
    return [
        SkillDemand(skill, n, len(lists), SHOWN_BY.get(learner.cases.get(skill, ""), "nothing"))
        for skill, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def top_gap(demands: Iterable[SkillDemand]) -> SkillDemand | None:
    """The most-asked skill that no evidence shows, when enough openings ask for it."""
    return next((d for d in demands if d.unshown and d.asked_by >= MIN_ASKED), None)
