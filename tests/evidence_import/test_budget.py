"""Request economy of the GitHub import (the benchmark's scenario, with its budget asserted),
and the pure pieces: URL recognition, ML detection, paper keys."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_github_requests.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_github_requests", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_1000_prs_across_200_repos_with_a_token_cost_at_most_15_graphql_requests():
    imported, counts = _bench().run(1000, 200, token=True)
    assert imported == 1000
    assert counts["graphql"] <= 15
    assert "search" not in counts and "repo look-ups" not in counts


def test_without_a_token_at_most_10_search_pages_and_200_repository_look_ups():
    imported, counts = _bench().run(1000, 200, token=False)
    assert imported == 1000
    assert counts["search"] <= 10 and counts["repo look-ups"] <= 200
    # contributors cannot merge their own PRs, so no per-PR detail request is needed
    assert counts.get("pull details", 0) == 0


def test_more_than_1000_results_are_sliced_by_merge_date():
    imported, counts = _bench().run(2500, 200, token=True)
    assert imported == 2500 and counts["graphql"] <= 40


@pytest.mark.parametrize(
    ("text", "source", "ident"),
    [
        ("https://github.com/pytorch/pytorch/pull/12345", "github-pr", "pytorch/pytorch#12345"),
        ("https://huggingface.co/alice/m", "hf-model", "alice/m"),
        ("https://huggingface.co/datasets/alice/d", "hf-dataset", "alice/d"),
        ("https://huggingface.co/spaces/alice/s", "hf-space", "alice/s"),
        ("https://www.kaggle.com/competitions/titanic", "kaggle", "titanic"),
        ("https://www.kaggle.com/c/Store-Sales/leaderboard", "kaggle", "store-sales"),
        ("https://arxiv.org/abs/2101.00001v3", "arxiv", "2101.00001"),
        ("https://arxiv.org/pdf/2101.00001.pdf", "arxiv", "2101.00001"),
        ("arXiv:2101.00001", "arxiv", "2101.00001"),
        ("https://doi.org/10.1145/3600001.3600002", "doi", "10.1145/3600001.3600002"),
        ("10.1038/nature12373", "doi", "10.1038/nature12373"),
    ],
)
def test_recognise(text, source, ident):
    from hireable.sources.evidence.locate import recognise

    loc = recognise(text)
    assert loc is not None and (loc.source, loc.ident) == (source, ident)


@pytest.mark.parametrize(
    "text",
    [
        "https://github.com/pytorch/pytorch",
        "https://huggingface.co/docs/x",
        "https://x.dev/a",
        "not a url",
        "https://github.com/a/b/issues/3",
    ],
)
def test_unrecognised(text):
    from hireable.sources.evidence.locate import recognise

    assert recognise(text) is None


def test_ml_repo_detection_table():
    from hireable.sources.evidence.github import is_ml_repo

    assert is_ml_repo(owner="pytorch", name="vision", topics=[], description=None)
    assert is_ml_repo(owner="x", name="y", topics=["Deep-Learning"], description=None)
    assert is_ml_repo(owner="x", name="tiny-llm", topics=[], description=None)
    assert not is_ml_repo(owner="x", name="dotfiles", topics=["shell"], description="my config")


def test_one_key_per_paper_across_indexes():
    from hireable.sources.evidence.paperkeys import paper_key

    assert paper_key(doi="https://doi.org/10.1234/ABC", arxiv=None, fallback="f") == (
        "paper:doi:10.1234/abc"
    )
    assert paper_key(doi="10.48550/arXiv.2101.00001", arxiv=None, fallback="f") == (
        "paper:arxiv:2101.00001"
    )
    assert paper_key(doi=None, arxiv="2101.00001", fallback="f") == "paper:arxiv:2101.00001"
    assert paper_key(doi=None, arxiv=None, fallback="s2:x") == "s2:x"
