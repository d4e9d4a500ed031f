"""The status report: profile, readiness per stage, strongest evidence, warnings, next actions.

The one composer of the report: other features contribute warnings, next actions and sections
through STATUS_PROVIDERS, functions `(session, profile, today) -> StatusContribution`; they never
import this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hireable.core.alerts import Alert
from hireable.core.credibility import Assessment
from hireable.core.readiness import Readiness
from hireable.core.stages import get_stage
from hireable.core.status import StatusContribution
from hireable.services import rhythm, tracker
from hireable.services.evidence import evidence_public, scored_ledger
from hireable.services.profile import profile_public, require_profile
from hireable.store.models import JournalEntry, Profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CERTIFICATE_TRAP = 3  # certificates/courses with no primary evidence before we warn


StatusProvider = Callable[["Session", Profile, dt.date], StatusContribution]

# Contributions from the journal and plan, then the tracker, in the report's order.
STATUS_PROVIDERS: tuple[StatusProvider, ...] = (
    rhythm.status_contribution,
    tracker.status_contribution,
)


@dataclass
class StatusReport:
    profile: Profile
    readiness: list[Readiness]
    evidence: list[tuple[Any, Assessment]]
    warnings: list[Alert]
    next_actions: list[str]
    sections: dict[str, Any]

    def target(self) -> Readiness:
        return next(r for r in self.readiness if r.stage.id == self.profile.target_stage)

    def public(self) -> dict[str, Any]:
        return {
            "profile": profile_public(self.profile),
            "readiness": [
                {
                    "stage": r.stage.id,
                    "ready": r.ready,
                    "score": r.score,
                    "degree_equivalents": r.degree_equivalents,
                    "needed": r.needed,
                    "missing": r.missing,
                    "next_item": r.next_item,
                }
                for r in self.readiness
            ],
            "evidence": [
                {
                    k: v
                    for k, v in evidence_public(e, a).items()
                    if k
                    in ("id", "kind", "title", "class", "resource", "verification", "credibility")
                }
                for e, a in self.evidence
            ],
            "warnings": [w.public() for w in self.warnings],
            "next_actions": self.next_actions,
            **self.sections,
        }


def ledger_warnings(session: Session, pairs: list[tuple[Any, Assessment]]) -> list[Alert]:
    warnings = []
    learning = sum(1 for e, _ in pairs if e.kind in ("certificate", "course"))
    learning += session.query(JournalEntry).filter(JournalEntry.certificate.is_(True)).count()
    if learning >= CERTIFICATE_TRAP and not any(a.evidence_class == "primary" for _, a in pairs):
        warnings.append(
            Alert(
                "certificate-trap",
                f"{learning} certificates or courses and no primary evidence: certificates show "
                "study, not work others validated; stop collecting them and ship one primary item",
            )
        )
    for e, a in pairs:
        if "toy dataset" in a.signals:
            warnings.append(
                Alert(
                    "toy-project",
                    f"evidence {e.id} ({e.title}) uses a toy dataset: employers discount it; "
                    "pick a real problem",
                )
            )
        if "unclear group share" in a.signals:
            warnings.append(
                Alert(
                    "unclear-share",
                    f"evidence {e.id} ({e.title}) is a group project without your share: "
                    "add --metric share=PERCENT",
                )
            )
    return warnings


def ledger_next_actions(
    profile: Profile, target: Readiness, pairs: list[tuple[Any, Assessment]]
) -> list[str]:
    actions = []
    if target.ready:
        actions.append(
            f"You are ready for {target.stage.id}: rank openings with `hireable jobs rank` "
            "and reach out to small companies"
        )
    elif target.next_item:
        actions.append(f"Add {target.next_item}")
    unlinked = [e for e, a in pairs if a.verification == "self" and a.evidence_class != "none"]
    if unlinked:
        ids = ", ".join(str(e.id) for e in unlinked[:5])
        actions.append(
            f"Add public links to self-reported items ({ids}): +10 credibility each "
            "(`hireable evidence edit ID --url URL`)"
        )
    return actions


def build_status(session: Session, today: dt.date) -> StatusReport:
    profile = require_profile(session)
    ledger = scored_ledger(session, today)
    pairs, readiness = list(ledger.pairs), list(ledger.readiness)
    report = StatusReport(profile, readiness, pairs, [], [], {})
    report.warnings = ledger_warnings(session, pairs)
    report.next_actions = ledger_next_actions(profile, report.target(), pairs)
    get_stage(profile.target_stage)
    for provider in STATUS_PROVIDERS:
        contribution = provider(session, profile, today)
        report.warnings += contribution.warnings
        report.next_actions += contribution.next_actions
        report.sections.update(contribution.sections)
    return report
