"""`hireable jobs skills`: the market's view of the learner's skills, from their best openings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hireable.core.market import SkillDemand, skill_demand, top_gap
from hireable.errors import ValidationError
from hireable.services.profile import get_profile
from hireable.services.ranking import learner_skills, rank_postings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_TOP = 20
MAX_TOP = 500


@dataclass
class Market:
    stage: str | None
    demands: list[SkillDemand] = field(default_factory=list)
    of: int = 0  # openings read

    @property
    def gap(self) -> SkillDemand | None:
        return top_gap(self.demands)

    def public(self) -> dict[str, Any]:
        gap = self.gap
        return {
            "stage": self.stage,
            "openings": self.of,
            "skills": [d.public() for d in self.demands],
            "top_gap": gap.public() | {"message": gap.sentence()} if gap else None,
        }


def check_top(top: int) -> int:
    if not 1 <= top <= MAX_TOP:
        raise ValidationError(f"--top must be between 1 and {MAX_TOP}, not {top}")
    return top


def market_skills(session: Session, *, today: dt.date, top: int = DEFAULT_TOP) -> Market:
    """The skills asked by the `top` best-ranked open postings for the learner's target stage."""
    check_top(top)
    profile = get_profile(session)
    ranked = rank_postings(session, today=today, limit=top)
    skills = learner_skills(session, profile)
    demands = skill_demand((r.row.skills or [] for r in ranked), skills)
    return Market(profile.target_stage if profile else None, demands, len(ranked))
