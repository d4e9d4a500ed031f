"""Credibility, classes and Kaggle thresholds (pure core)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from hireable.core.credibility import _magnitude, assess, classify, kaggle_medal
from hireable.core.evidence import validate_record

TODAY = dt.date(2026, 11, 27)


def scored(**record):
    return assess(validate_record(record, today=TODAY, allow_api=True), today=TODAY)


@pytest.mark.parametrize(
    ("rank", "teams", "medal"),
    [
        (10, 1500, "gold"),  # gold: top 10 + 0.2% of 1500 = 13
        (13, 1500, "gold"),
        (14, 1500, "silver"),
        (75, 1500, "silver"),  # silver: top 5%
        (76, 1500, "bronze"),
        (150, 1500, "bronze"),  # bronze: top 10%
        (151, 1500, None),
        (50, 500, "silver"),  # 250-999 teams: silver top 50, bronze top 100
        (100, 500, "bronze"),
        (101, 500, None),
        (4, 50, "gold"),  # <100 teams: percentages 10/20/40
        (20, 50, "bronze"),
        (21, 50, None),
    ],
)
def test_kaggle_medal_thresholds_scale_with_team_count(rank, teams, medal):
    assert kaggle_medal(rank, teams) == medal


def test_pr_merged_by_maintainer_is_primary_and_beats_self_merged():
    by_maintainer = scored(
        kind="open-source",
        title="Fix tokenizer bug",
        metrics={
            "repo": "huggingface/transformers",
            "stars": 20000,
            "merged": True,
            "merged_by": "maintainer",
            "ml_repo": True,
        },
    )
    self_merged = scored(
        kind="open-source",
        title="Fix tokenizer bug",
        metrics={
            "repo": "me/tool",
            "stars": 20000,
            "merged": True,
            "merged_by": "me",
            "author": "me",
        },
    )
    assert by_maintainer.evidence_class == "primary"
    assert by_maintainer.resource == "time"
    assert self_merged.evidence_class == "talent"
    assert "self-merged" in self_merged.signals
    assert by_maintainer.credibility > self_merged.credibility


def test_verification_orders_api_over_link_over_self():
    base = {
        "kind": "paid-work",
        "title": "Churn model for a shop",
        "date": "2026-06",
        "metrics": {"amount": 3000},
    }
    api = scored(**base, url="https://example.com/a", verification="api")
    link = scored(**base, url="https://example.com/a")
    self_ = scored(**base)
    assert api.credibility > link.credibility > self_.credibility
    assert (api.verification, link.verification, self_.verification) == ("api", "link", "self")


def test_negative_signals_toy_dataset_and_certificates_are_not_evidence():
    toy = scored(kind="project", title="MNIST digit classifier", url="https://x.dev/mnist")
    cert = scored(kind="certificate", title="Deep Learning certificate", url="https://x.dev/c")
    hackathon = {
        "kind": "project",
        "title": "Hackathon map",
        "url": "https://x.dev/h",
        "date": "2026-10",
    }
    group = scored(**hackathon, metrics={"team_size": 4})
    assert toy.evidence_class == "none" and "toy dataset" in toy.signals
    assert cert.evidence_class == "none" and cert.resource == "none"
    assert "unclear group share" in group.signals
    with_share = scored(**hackathon, metrics={"team_size": 4, "share": 40})
    assert with_share.credibility > group.credibility


def test_score_is_the_sum_of_its_factors_and_recency_counts():
    recent = scored(kind="content", title="Blog", date="2026-09", metrics={"audience": 20000})
    old = scored(kind="content", title="Blog", date="2022-01", metrics={"audience": 20000})
    assert recent.credibility == sum(f.points for f in recent.factors)
    assert recent.credibility - old.credibility == 10
    assert recent.evidence_class == "secondary"


def test_preprint_is_weaker_than_peer_reviewed_paper():
    paper = scored(kind="publication", title="P", metrics={"peer_reviewed": True, "venue": "ACL"})
    preprint = scored(kind="publication", title="P", metrics={"peer_reviewed": False})
    assert paper.evidence_class == "primary" and preprint.evidence_class == "secondary"
    assert paper.credibility > preprint.credibility


@dataclass
class Item:
    kind: str
    metrics: dict
    validator: str | None
    title: str = "Crop yield forecasts"
    date: str | None = None
    url: str | None = "https://example.org/x"
    verification: str = "link"


MAGNITUDE_CASES = [
    # (kind, metrics, validator, the validator-strength factors as (name, points, reason))
    ("open-source", {"stars": 1500, "merged_by": "bob"}, None, [
        ("validator strength", 15, "1,500 stars: a popular project"),
        ("maintainer merge", 10, "merged by bob, not by you"),
    ]),
    ("competition", {"teams": 1500, "rank": 10}, None, [
        ("rank", 30, "rank 10 of 1,500 teams: a gold medal by Kaggle's thresholds"),
    ]),
    ("competition", {"teams": 1000, "rank": 200}, None, [
        ("rank", 10, "rank 200 of 1,000 teams: top 25%"),
    ]),
    ("publication", {"peer_reviewed": True, "venue": "NeurIPS", "citations": 12,
                     "first_author": True}, None, [
        ("venue", 20, "peer-reviewed at NeurIPS"),
        ("citations", 5, "10+ citations"),
        ("first author", 5, "the work is mainly yours"),
    ]),
    ("benchmark", {"score": 0.9, "previous_best": 0.8}, None, [
        ("result", 25, "0.9 beats the previous best 0.8"),
    ]),
    ("paid-work", {"amount": 2000, "months": 7}, None, [
        ("amount", 10, "1k+ paid"), ("duration", 5, "7 months of paid work"),
    ]),
    ("product", {"weekly_users": 50, "downloads": 20000}, None, [
        ("users", 20, "10k+ downloads"),
    ]),
    ("project", {"stars": 150}, None, [("users", 10, "100+ stars")]),
    ("testimonial", {"from": "Jane", "role": "CTO", "company": "Acme"}, None, [
        ("who vouches", 15, "Jane, CTO at Acme"),
    ]),
    ("testimonial", {}, "Prof X", [("who vouches", 5, "Prof X")]),
    ("certificate", {"issuer": "Coursera"}, None, []),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "metrics", "validator", "expected"), MAGNITUDE_CASES)
def test_validator_strength_per_kind(kind, metrics, validator, expected):
    item = Item(kind, metrics, validator)
    factors = _magnitude(item, classify(item)[0])
    assert [(f.name, f.points, f.reason) for f in factors] == expected
