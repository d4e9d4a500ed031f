"""Results an interface keeps between its requests while what they were computed from stays the
same: the dashboard's rankings (services/rank_cache.py) and its scored ledger
(services/evidence.py).

Each kind of result has its cache class and a `session.info` key; an interface lends its caches
to every session it opens (the dashboard does, in web/db.py). A service asks `lent(session, ...)`
for the cache and, without one (the CLI lends nothing), computes every time. The key a service
gives `Kept.get` holds a cheap version of the stored data the result was computed from, read in
the same session before the result: any write, whoever made it, moves the version, so the next
request computes again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

T = TypeVar("T")
K = TypeVar("K", bound="Kept")


@dataclass
class Kept:
    """The latest results, least recently used dropped first; shared by the requests of one
    dashboard (hence the lock). Two requests that miss at once both compute: no harm, one wins."""

    entries: int = 16
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


def lent(session: Session, key: str, kind: type[K]) -> K | None:
    """The cache of `kind` an interface lent this session under `key`, if any."""
    cache = session.info.get(key)
    return cache if isinstance(cache, kind) else None


def version_of(session: Session, model: type, *parts: ColumnElement[Any]) -> tuple[Any, ...]:
    """Aggregates of `model`'s rows (a count, a largest id, a latest timestamp) in one round
    trip: each a separate lookup, which an index answers without reading the table."""
    query = select(*(select(part).select_from(model).scalar_subquery() for part in parts))
    return tuple(session.execute(query).one())
