"""The evidence importers' fake internet, shared with the portfolio and résumé tests."""

from __future__ import annotations

import pytest

from tests.evidence_import.conftest import net  # noqa: F401  (a fixture)

RESUME_INIT = (
    "init", "--name", "Alice Doe", "--stage", "ml-entry", "--target", "ml-entry",
    "--email", "alice@example.org", "--github", "alice", "--location", "Berlin",
    "--website", "https://alice.dev",
)  # fmt: skip


LEDGER_ITEMS = [
    ("certificate", "Deep Learning Specialization", "--metric", "issuer=Coursera"),
    ("open-source", "Fix LoRA merge in transformers", "--url",
     "https://github.com/huggingface/transformers/pull/101", "--metric",
     "repo=huggingface/transformers", "--metric", "stars=130000", "--metric", "merged=true",
     "--metric", "merged_by=sam", "--metric", "author=alice", "--skill", "pytorch"),
    ("competition", "Kaggle: leaf disease", "--url", "https://www.kaggle.com/c/leaf",
     "--metric", "platform=kaggle", "--metric", "teams=1200", "--metric", "rank=9",
     "--skill", "computer vision"),
    ("paid-work", "Churn model", "--metric", "client=Shop GmbH", "--metric", "amount=4000",
     "--metric", "currency=EUR", "--url", "https://shop.example.org/case", "--skill", "sql"),
    ("publication", "Small data tricks", "--url", "https://arxiv.org/abs/2101.00001",
     "--metric", "venue=arXiv", "--date", "2025-05"),
    ("project", "MNIST classifier", "--skill", "keras"),
]  # fmt: skip


def fill_ledger(cli):
    """Alice's profile and her evidence, one item of each common kind."""
    assert cli(*RESUME_INIT).code == 0
    for kind, title, *rest in LEDGER_ITEMS:
        r = cli("evidence", "add", kind, "--title", title, *rest)
        assert r.code == 0, r.err
    return cli


@pytest.fixture
def ledger(cli_sqlite):
    return fill_ledger(cli_sqlite)
