"""The upsert plan of one fetched evidence item, decided without a database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from hireable.core.evidence import EvidenceInput
from hireable.errors import ValidationError
from hireable.services.evidence_plan import (
    ADDED,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    plan_record,
    plan_upsert,
)

KEY = "github:repo:alice/plants"


@dataclass
class Item:
    kind: str = "project"
    title: str = "My plant classifier"
    date: str | None = "2026-01"
    url: str | None = "https://github.com/alice/plants"
    validator: str | None = None
    skills: list[str] | None = None
    metrics: dict[str, Any] | None = field(default_factory=lambda: {"stars": 3, "share": 50})
    verification: str = "api"


def fetched(**kw: Any) -> EvidenceInput:
    values: dict[str, Any] = {
        "kind": "project",
        "title": "alice/plants",
        "date": "2026-01",
        "url": "https://github.com/alice/plants",
        "metrics": {"stars": 3},
        "verification": "api",
        **kw,
    }
    return EvidenceInput(**values)


def test_a_new_item_is_added_with_empty_skills_and_its_source_key() -> None:
    plan = plan_upsert(fetched(), KEY, None)
    assert plan.action == ADDED
    assert plan.values["source_key"] == KEY and plan.values["skills"] == []
    assert plan.values["title"] == "alice/plants" and plan.values["metrics"] == {"stars": 3}


def test_nothing_moved_is_unchanged() -> None:
    assert plan_upsert(fetched(), KEY, Item()) == plan_upsert(fetched(), KEY, Item())
    assert plan_upsert(fetched(), KEY, Item()).action == UNCHANGED


def test_moved_signals_update_and_the_learners_fields_stay() -> None:
    plan = plan_upsert(fetched(metrics={"stars": 1200}, date="2026-02"), KEY, Item())
    assert plan.action == UPDATED
    assert plan.changes == ["stars 3 → 1,200", "date 2026-01 → 2026-02"]
    # The learner's share stays; the title is never in the plan.
    assert plan.values == {"date": "2026-02", "metrics": {"stars": 1200, "share": 50}}


def test_a_hand_made_item_with_the_url_is_adopted() -> None:
    mine = Item(verification="link", metrics={})
    plan = plan_upsert(fetched(), KEY, mine, adopted=True)
    assert plan.action == UPDATED
    assert plan.changes == [
        "matched your item by its URL",
        "stars - → 3",
        "verification link → api",
    ]
    assert plan.values["source_key"] == KEY and plan.values["verification"] == "api"


def test_a_link_never_downgrades_an_api_verified_item() -> None:
    plan = plan_upsert(fetched(verification="link", metrics={"stars": 9}), KEY, Item())
    assert (plan.action, plan.values) == (SKIPPED, {})
    assert plan.reason == "already verified through the source's API"


def test_inconsistent_merged_metrics_are_an_error() -> None:
    stored = Item(metrics={"share": 50})
    with pytest.raises(ValidationError, match="share is a percentage"):
        plan_upsert(fetched(metrics={"share": 150}), KEY, stored)


def test_a_file_record_matching_a_stored_item_keeps_it_and_names_what_differs() -> None:
    stored = Item(title="alice/plants", metrics={"stars": 3})
    assert plan_record(fetched(), None).action == ADDED
    same = plan_record(fetched(verification="link"), stored)  # an exported API item
    assert (same.action, same.changes) == (UNCHANGED, [])
    other = plan_record(fetched(title="Plants", skills=["vision"], metrics={"stars": 9}), stored)
    assert (other.action, other.changes, other.values) == (
        UNCHANGED,
        ["title", "skills", "metrics"],
        {},
    )


def test_a_file_record_differing_from_one_added_from_the_same_file_is_another_item() -> None:
    earlier = Item(title="alice/plants", metrics={"stars": 3})  # added from this file
    repeat = plan_record(fetched(verification="link"), earlier, same_file=True)
    assert (repeat.action, repeat.changes) == (UNCHANGED, [])
    other = plan_record(fetched(title="Plants v2"), earlier, same_file=True)
    assert (other.action, other.changes) == (ADDED, ["title"])
