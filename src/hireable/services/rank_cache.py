"""Rankings kept while the stored postings stay the same: what lets a dashboard page rank
100,000 postings once rather than on every request.

A ranking (every canonical posting's id, best first) is kept per learner context (stage, plan B,
today, the learner's skills with their sources) and per version of the stored postings: their
count, largest id, latest `last_seen` and latest `closed_at`. Every write of a fetch or an import
moves one of these (a new posting the count and the id, a changed or reopened one `last_seen`, a
closed one `closed_at`), so whatever stored it — the dashboard, a CLI run beside it — the next
request ranks again; a profile or evidence change alters the context itself.

An interface lends its cache to a session through `session.info[RANK_CACHE]` (the dashboard does,
for every request); without one, nothing is kept and every call ranks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func

from hireable.services.kept import Kept, lent, version_of
from hireable.store.models import Posting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.postings.rank import RankContext

CACHE_ENTRIES = 16  # rankings kept: a few stages × plan B × closed, and the filters tried
RANK_CACHE = "hireable.rank_cache"  # the session.info key of the cache lent to a session


@dataclass
class RankCache(Kept):
    """The latest rankings (services/kept.py): a few stages × plan B × closed, and the filters
    tried."""

    entries: int = CACHE_ENTRIES


def lent_cache(session: Session) -> RankCache | None:
    """The cache an interface lent this session, if any."""
    return lent(session, RANK_CACHE, RankCache)


def postings_version(session: Session) -> tuple[Any, ...]:
    """(count, largest id, latest last_seen, latest closed_at) of every stored posting."""
    return version_of(
        session,
        Posting,
        func.count(),
        func.max(Posting.id),
        func.max(Posting.last_seen),
        func.max(Posting.closed_at),
    )


def context_key(ctx: RankContext) -> tuple[Any, ...]:
    return (ctx.stage, ctx.plan_b, ctx.today, tuple(sorted(ctx.skills.cases.items())))
