"""Accuracy of the posting analyser on every labelled set, per field and per source. Figures only.

    .venv/bin/python benchmarks/bench_accuracy.py [--shared ../shared] [--tune-only]
        [--hn-pages DIR]

Sets: the shared labels (labels.jsonl on corpus.jsonl), our held-out labels
(benchmarks/data/extra_labels.jsonl on corpus.jsonl), the second shared set (labels2.jsonl on
corpus2.jsonl) and our later sets (benchmarks/data/extra_labels2.jsonl to extra_labels4.jsonl on
corpus.jsonl), each of the last four cut into tune and check halves (`accuracy_split.py`);
with `--hn-pages`, also our HN sets (benchmarks/data/hn_labels.jsonl and hn_labels2.jsonl on
the saved thread pages hn_pages.py reads), each cut the same way.
Rules are written from the tune halves; the check halves say whether they hold (`--tune-only`
hides them while rules are being written). Each column is one set and subset (all labels,
`confidence: high`); each row one field (accuracy; F1 of the positive class for `ml` and
`degree_open`), then NDCG@20 of `jobs rank` for an ml-entry learner (bench_rank_quality.py). A
second table gives the high-confidence figures of labels2 per source and half. Skips when
../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from accuracy_split import HALVES, HN_SETS, LATER_SETS, comment_group, split
from bench_rank_quality import EXTRA, _jsonl, _ranked, gain, ndcg
from hn_pages import read_pages

from hireable.postings.evaluate import FIELDS, evaluate
from hireable.postings.stream import analyse_posting

Labels = list[dict[str, Any]]


def _cell(score: Any) -> str:
    if not score.n:
        return "-"
    f1 = f" F1 {score.f1:.2f}" if score.f1 is not None else ""
    return f"{score.accuracy:.3f}{f1}"


def _ndcg(labels: Labels, corpus: dict[str, dict[str, Any]], preds: dict[str, Any]) -> str:
    docs = [corpus[row["id"]] for row in labels]
    gains = {row["id"]: gain(row) for row in labels}
    if not any(gains.values()):
        return "-"
    return f"{ndcg(_ranked(docs, [preds[d['id']] for d in docs]), gains):.3f}"


def _columns(
    name: str, labels: Labels, corpus: dict[str, dict[str, Any]], preds: dict[str, Any]
) -> list[tuple[str, list[str]]]:
    report = evaluate(labels, preds)
    out = []
    for subset in ("high", "all"):
        scores = report.scores[subset]
        chosen = [r for r in labels if subset == "all" or r.get("confidence") == "high"]
        cells = [_cell(scores[f]) for f, _, _ in FIELDS] + [_ndcg(chosen, corpus, preds)]
        out.append((f"{name} {subset} (n={scores['degree'].n})", cells))
    return out


def _print_table(rows: list[str], columns: list[tuple[str, list[str]]]) -> None:
    print("| field | " + " | ".join(head for head, _ in columns) + " |")
    print("| --- " * (len(columns) + 1) + "|")
    for i, row in enumerate(rows):
        print(f"| {row} | " + " | ".join(cells[i] for _, cells in columns) + " |")


def _hn_columns(pages: Path, halves: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """The columns of our HN sets, their texts read from the saved thread pages under `pages`."""
    corpus = {d["id"]: d for d in read_pages(pages)}
    sources = {i: d["source"] for i, d in corpus.items()}
    out = []
    for set_name, path in HN_SETS:
        labels = _jsonl(path)
        missing = [r["id"] for r in labels if r["id"] not in corpus]
        if missing:
            sys.exit(f"error: {len(missing)} comments of {path.name} are not in {pages}")
        preds = {r["id"]: analyse_posting(corpus[r["id"]]) for r in labels}
        groups = {r["id"]: comment_group(corpus[r["id"]]["title"]) for r in labels}
        half_of = split(labels, sources, groups)
        for name in halves:
            rows = [r for r in labels if half_of[r["id"]] == name]
            out += _columns(f"{set_name} {name}", rows, corpus, preds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--tune-only", action="store_true", help="hide the check half")
    parser.add_argument(
        "--hn-pages", type=Path, help="directory of saved HN thread pages (hn_pages.py)"
    )
    args = parser.parse_args()
    data = args.shared / "data" / "postings"
    if not (data / "labels2.jsonl").exists():
        print(f"skipped: no labelled postings under {data}")
        return
    corpus1 = {d["id"]: d for d in _jsonl(data / "corpus.jsonl")}
    corpus2 = {d["id"]: d for d in _jsonl(data / "corpus2.jsonl")}
    preds1 = {i: analyse_posting(d) for i, d in corpus1.items()}
    preds2 = {i: analyse_posting(d) for i, d in corpus2.items()}
    labels2 = _jsonl(data / "labels2.jsonl")
    half = split(labels2, {i: d["source"] for i, d in corpus2.items()})
    halves = HALVES[:1] if args.tune_only else HALVES
    columns = _columns("shared", _jsonl(data / "labels.jsonl"), corpus1, preds1)
    if EXTRA.exists():
        columns += _columns("held-out", _jsonl(EXTRA), corpus1, preds1)
    for name in halves:
        rows = [r for r in labels2 if half[r["id"]] == name]
        columns += _columns(f"labels2 {name}", rows, corpus2, preds2)
    sources1 = {i: d.get("source", "") for i, d in corpus1.items()}
    for set_name, path in LATER_SETS:
        if path.exists():
            extra = _jsonl(path)
            half_of = split(extra, sources1)
            for name in halves:
                rows = [r for r in extra if half_of[r["id"]] == name]
                columns += _columns(f"{set_name} {name}", rows, corpus1, preds1)
    if args.hn_pages is not None:
        columns += _hn_columns(args.hn_pages, halves)
    fields = [f for f, _, _ in FIELDS] + ["NDCG@20 (ml-entry)"]
    _print_table(fields, columns)
    print()
    by_source = []
    for source in sorted({d["source"] for d in corpus2.values()}):
        for name in halves:
            rows = [r for r in labels2 if half[r["id"]] == name]
            rows = [r for r in rows if corpus2[r["id"]]["source"] == source]
            high = [r for r in rows if r.get("confidence") == "high"]
            report = evaluate(high, preds2).scores["all"]
            by_source.append(
                (f"{source} {name} high (n={len(high)})", [_cell(report[f]) for f, _, _ in FIELDS])
            )
    _print_table([f for f, _, _ in FIELDS], by_source)


if __name__ == "__main__":
    sys.exit(main())
