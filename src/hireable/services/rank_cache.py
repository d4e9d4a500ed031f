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

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import func, select

from hireable.store.models import Posting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from hireable.postings.rank import RankContext

CACHE_ENTRIES = 16  # rankings kept: a few stages × plan B × closed, and the filters tried
RANK_CACHE = "hireable.rank_cache"  # the session.info key of the cache lent to a session

T = TypeVar("T")


@dataclass
class RankCache:
    """The latest rankings, least recently used dropped first; shared by the requests of one
    dashboard (hence the lock). Two requests that miss at once both rank: no harm, one wins."""

    entries: int = CACHE_ENTRIES
    _store: OrderedDict[Hashable, Any] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    hits: int = 0
    misses: int = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._store:
                self._store.move_to_end(key)
                self.hits += 1
                return self._store[key]  # type: ignore[no-any-return]
            self.misses += 1
        value = compute()
        with self._lock:
            self._store[key] = value
            self._store.move_to_end(key)
            while len(self._store) > self.entries:
                self._store.popitem(last=False)
        return value


def lent_cache(session: Session) -> RankCache | None:
    """The cache an interface lent this session, if any."""
    cache = session.info.get(RANK_CACHE)
    return cache if isinstance(cache, RankCache) else None


def postings_version(session: Session) -> tuple[Any, ...]:
    """(count, largest id, latest last_seen, latest closed_at) of every stored posting: each a
    separate lookup, which an index answers without reading the table."""
    parts = (
        func.count(),
        func.max(Posting.id),
        func.max(Posting.last_seen),
        func.max(Posting.closed_at),
    )
    query = select(*(select(part).select_from(Posting).scalar_subquery() for part in parts))
    return tuple(session.execute(query).one())


def context_key(ctx: RankContext) -> tuple[Any, ...]:
    return (ctx.stage, ctx.plan_b, ctx.today, tuple(sorted(ctx.skills.cases.items())))
