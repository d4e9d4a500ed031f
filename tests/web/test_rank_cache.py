"""The dashboard ranks once while postings stay the same: Jobs, Status and the plan share it."""

from __future__ import annotations

from hireable.services.profile import ProfileChanges, create_profile
from hireable.store.db import session_scope
from tests.ranking.factory import add_postings, posting
from tests.web.conftest import Dashboard

GAP = "3 of your 3 best openings ask for docker and none of your evidence shows it"


def test_status_shows_the_market_gap_and_ranks_once_until_postings_change(
    web: Dashboard, database_url: str
) -> None:
    with session_scope(web.engine) as s:
        changes = ProfileChanges(name="Sam", stage="ml-entry", target="ml-entry")
        create_profile(session=s, changes=changes)
    add_postings(database_url, *(posting(n, skills=["docker"]) for n in (1, 2, 3)))
    cache = web.app.state.rank_cache
    first = web.get("/")
    assert first.status_code == 200 and GAP in first.text
    misses = cache.misses
    again = web.get("/")
    assert GAP in again.text and cache.misses == misses  # nothing ranked again
    add_postings(database_url, posting(4, skills=["docker"]))
    after = web.get("/")
    assert "4 of your 4 best openings ask for docker" in after.text
    assert cache.misses > misses  # a new posting: ranked again
