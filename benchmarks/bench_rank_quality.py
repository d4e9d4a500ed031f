"""How well `hireable jobs rank` orders real postings for an ml-entry learner. Prints figures only.

    .venv/bin/python benchmarks/bench_rank_quality.py [--shared ../shared]

The 120 hand-labelled postings of data/postings (corpus.jsonl + labels.jsonl) are analysed with
`hireable.postings.analyse` (or, if it cannot be imported, the labels stand in as the analysis)
and scored by the function the command uses (`hireable.postings.rank.rank`). The ideal order
comes from the labels: gain 3 for ML + degree open (not `required`) + intern/entry, 2 for ML +
open + mid with years_min <= 2, 1 for ML + open otherwise, 0 else. Printed: NDCG@20 with the
analyser's output, and with the labels as the analysis (which isolates the ranking).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from hireable.postings.rank import RankContext, rank
from hireable.sources.jobs.registry import competition_group

K = 20
TARGET = 0.85
STAGE = "ml-entry"
FIELDS = ("degree", "degree_level", "seniority", "years_min", "ml")


def gain(label: dict[str, Any]) -> int:
    if not label["ml"] or label["degree"] == "required":
        return 0
    if label["seniority"] in ("intern", "entry"):
        return 3
    if label["seniority"] == "mid" and label["years_min"] is not None and label["years_min"] <= 2:
        return 2
    return 1


def dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains[:K]))


def ndcg(ranked_ids: list[str], gains: dict[str, int]) -> float:
    ideal = dcg(sorted(gains.values(), reverse=True))
    return dcg([gains[i] for i in ranked_ids]) / ideal if ideal else 0.0


def _facts(n: int, doc: dict[str, Any], analysis: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(
        id=n,
        external_id=doc["id"],
        source=doc["source"],
        company=doc.get("company"),
        title=doc.get("title"),
        skills=analysis.get("skills") or [],
        size_band=None,
        posted_at=None,
        first_seen=None,
        ml_clear=analysis.get("ml_clear"),
        **{f: analysis.get(f) for f in FIELDS},
    )


def _ranked(docs: list[dict[str, Any]], analyses: list[dict[str, Any]]) -> list[str]:
    ctx = RankContext(STAGE, dt.date.today(), source_group=competition_group)
    postings = [_facts(n, d, a) for n, (d, a) in enumerate(zip(docs, analyses, strict=True), 1)]
    return [p.external_id for p, _ in rank(postings, ctx)]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line (split on newlines only: texts hold U+2028)."""
    text = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in text.split("\n") if line.strip()]


EXTRA = Path(__file__).resolve().parent / "data" / "extra_labels.jsonl"


def measure(name: str, labels: dict[str, dict[str, Any]], corpus: list[dict[str, Any]]) -> None:
    docs = [doc for doc in corpus if doc["id"] in labels]
    gains = {doc["id"]: gain(labels[doc["id"]]) for doc in docs}
    by_gain = {g: sum(1 for v in gains.values() if v == g) for g in (3, 2, 1, 0)}
    print(f"{name}: {len(docs)} labelled postings; gains 3/2/1/0: {by_gain}")
    from_labels = ndcg(_ranked(docs, [labels[d["id"]] for d in docs]), gains)
    from hireable.postings.analyse import analyse

    analysed = ndcg(_ranked(docs, [analyse(d["description"], d.get("title")) for d in docs]), gains)
    verdict = "met" if analysed >= TARGET else "MISSED"
    print(
        f"  NDCG@{K} with the analyser's output:    {analysed:.3f} (target >= {TARGET}: {verdict})"
    )
    print(f"  NDCG@{K} with the labels as the analysis: {from_labels:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    default = Path(__file__).resolve().parents[2] / "shared"
    parser.add_argument("--shared", type=Path, default=default)
    args = parser.parse_args()
    data = args.shared / "data" / "postings"
    corpus = _jsonl(data / "corpus.jsonl")
    shared = {row["id"]: row for row in _jsonl(data / "labels.jsonl")}
    extra = {row["id"]: row for row in _jsonl(EXTRA)}
    measure("shared labels", shared, corpus)
    measure("our held-out labels (benchmarks/data)", extra, corpus)
    measure("both", {**shared, **extra}, corpus)


if __name__ == "__main__":
    main()
