"""The status report: profile, readiness per stage, strongest evidence, warnings, next actions.

Other features contribute warnings and next actions through STATUS_PROVIDERS: functions
`(session, profile, today) -> StatusContribution`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hireable.core.alerts import Alert
from hireable.core.credibility import Assessment, assess
from hireable.core.readiness import Readiness, ScoredItem, all_readiness
from hireable.core.stages import get_stage
from hireable.services.evidence import evidence_public
from hireable.services.profile import profile_public, require_profile
from hireable.store.models import Evidence, JournalEntry, Profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CERTIFICATE_TRAP = 3  # certificates/courses with no primary evidence before we warn


@dataclass
class StatusContribution:
    warnings: list[Alert] = field(default_factory=list)
    next_actions: list[str] = field(default_factory=list)
    # Extra named sections for the screen and the JSON (e.g. "this_week").
    sections: dict[str, Any] = field(default_factory=dict)


StatusProvider = Callable[["Session", Profile, dt.date], StatusContribution]


def _providers() -> list[StatusProvider]:
    """Contributions from the journal, plan and tracker (imported lazily: keeps startup fast)."""
    from hireable.services import rhythm, tracker

    return [rhythm.status_contribution, tracker.status_contribution]


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


# The columns scoring and the report need: never the (possibly large) provenance payloads.
LEDGER_COLUMNS = (
    Evidence.id,
    Evidence.kind,
    Evidence.title,
    Evidence.date,
    Evidence.url,
    Evidence.validator,
    Evidence.skills,
    Evidence.metrics,
    Evidence.verification,
)


_SCORED = "hireable.scored_evidence"  # session.info key: the scored ledger of this session


def scored_evidence(session: Session, today: dt.date) -> list[tuple[Any, Assessment]]:
    """Every item (a read-only row) with its assessment, strongest first.

    Computed once per session and day (status, plan and tracker all read it); any flush of the
    session forgets it, so a change made in the same transaction is always seen."""
    from sqlalchemy import event, select
    from sqlalchemy.orm import Session as OrmSession

    if not event.contains(OrmSession, "after_flush", _forget_scored):
        event.listen(OrmSession, "after_flush", _forget_scored)
    cached = session.info.get(_SCORED)
    if cached is not None and cached[0] == today:
        return cached[1]
    rows = session.execute(select(*LEDGER_COLUMNS)).all()
    pairs = [(e, assess(e, today=today)) for e in rows]
    pairs.sort(key=lambda p: (-p[1].credibility, p[0].id))
    session.info[_SCORED] = (today, pairs)
    return pairs


def _forget_scored(session: Session, _context: Any) -> None:
    session.info.pop(_SCORED, None)


def scored_items(pairs: list[tuple[Any, Assessment]]) -> list[ScoredItem]:
    return [
        ScoredItem(e.id, e.kind, e.title, a.evidence_class, a.resource, a.credibility)
        for e, a in pairs
    ]


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
    pairs = scored_evidence(session, today)
    readiness = all_readiness(scored_items(pairs))
    report = StatusReport(profile, readiness, pairs, [], [], {})
    report.warnings = ledger_warnings(session, pairs)
    report.next_actions = ledger_next_actions(profile, report.target(), pairs)
    get_stage(profile.target_stage)
    for provider in _providers():
        contribution = provider(session, profile, today)
        report.warnings += contribution.warnings
        report.next_actions += contribution.next_actions
        report.sections.update(contribution.sections)
    return report
