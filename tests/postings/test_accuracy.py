"""The analyser against the shared hand labels (skipped without ../shared).

Targets on the `confidence: high` subset; a regression below them fails CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hireable.postings.evaluate import evaluate
from hireable.postings.stream import analyse_posting

# field -> (minimum accuracy, minimum F1 or None) on the high-confidence labels
TARGETS = {
    "degree": (0.90, None),
    "degree_open": (0.93, None),
    "degree_level": (0.93, None),
    "seniority": (0.92, None),
    "years_min": (0.85, None),
    "ml": (0.0, 0.92),
}


# Our own held-out set (benchmarks/data/README.md): labels of other corpus postings.
EXTRA_LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "extra_labels.jsonl"


@pytest.mark.parametrize(("labels_name", "min_high"), [("shared", 80), ("extra", 40)])
def test_high_confidence_targets(shared_dir: Path, labels_name: str, min_high: int) -> None:
    folder = shared_dir / "data" / "postings"
    path = folder / "labels.jsonl" if labels_name == "shared" else EXTRA_LABELS
    text = path.read_text(encoding="utf-8")
    labels = [json.loads(line) for line in text.splitlines() if line.strip()]
    wanted = {row["id"] for row in labels}
    predictions = {}
    with (folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj["id"] in wanted:
                predictions[obj["id"]] = analyse_posting(obj)
    report = evaluate(labels, predictions)
    assert not report.missing
    high = report.scores["high"]
    assert high["degree"].n >= min_high
    failures = []
    for name, (min_accuracy, min_f1) in TARGETS.items():
        score = high[name]
        if score.accuracy < min_accuracy or (min_f1 is not None and (score.f1 or 0) < min_f1):
            failures.append(f"{name}: accuracy {score.accuracy:.3f} F1 {score.f1}")
    assert not failures, failures
