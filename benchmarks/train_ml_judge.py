"""Could a small learned `ml` judge beat the hand-written rules? Cross-validation: not clearly.

    .venv/bin/python benchmarks/train_ml_judge.py [--shared ../shared] [--out PATH]

Training postings: everything the rules were already tuned on — the shared labels.jsonl (on
corpus.jsonl), the TUNE half of labels2.jsonl (on corpus2.jsonl) and the tune halves of our
later sets (benchmarks/data/extra_labels2-4.jsonl on corpus.jsonl; `accuracy_split.py`). Never
a check half, never benchmarks/data/extra_labels.jsonl (all held out).

Model: L2-regularised logistic regression in plain Python (full-batch gradient descent, fixed
steps, no randomness) over the rule score's parts (`ml.score_ml`) and, per feature set, the
words ("t:") and word pairs of the title and the words ("w:") and pairs of the role's text (a
comment's header excluded) that occur in at least MIN_DF training postings (sorted).

Cross-validation: FOLDS folds, grouped (the same description sits in one fold only) and
stratified by label, folds fixed by the SHA-1 of each group; vocabulary and weights are fitted
on the other folds only. Printed per feature set and regularisation: mean accuracy and F1 of
`ml` for the rules alone, the model alone and the model asked only where the rules are
borderline (`ml_clear` false), on all labels and on the high-confidence ones, and how accurate
the decisions called clear are (the model's: probability at least SURE from 0.5).

The rules were written from these very postings, so their figures here are training figures; no
variant beat them on high-confidence labels (README, Accuracy), so no model ships. `--out`
writes the weights of the best variant (JSON, words and numbers only, the same bytes for the
same data) for further experiments.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from accuracy_split import LATER_SETS, split

from hireable.postings.analyse import read_posting
from hireable.postings.ml import MAX_SEGMENTS, THRESHOLD, MlScore, rules_ml, score_ml
from hireable.postings.segment import Doc

FOLDS = 5
MIN_DF = 3
STEPS = 300
RATE = 1.0
L2_GRID = (0.003, 0.03)
DIGITS = 4  # weights are rounded: a smaller file, the same decisions
SURE = 0.4  # the model's probability this far from 0.5 calls its decision clear
_TOKEN = re.compile(r"[a-z][a-z0-9+#]*")


def _rule_parts(score: MlScore) -> dict[str, float]:
    """The rule score's parts, scaled to about [-2, 2]."""
    return {
        "bias": 1.0,
        "r:title": score.title / 4.0,
        "r:ml": min(score.ml, MAX_SEGMENTS) / 4.0,
        "r:an": min(score.analytics, MAX_SEGMENTS) / 4.0,
        "r:api": min(score.api, MAX_SEGMENTS) / 2.0,
        "r:margin": (score.total - THRESHOLD) / 4.0,
        "r:vetoed": 1.0 if score.vetoed else 0.0,
    }


def _grams(prefix: str, text: str) -> set[str]:
    words = _TOKEN.findall(text)
    grams = {prefix + w for w in words}
    grams.update(f"{prefix}{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return grams


def features(title: str | None, doc: Doc, skip: int, score: MlScore) -> dict[str, float]:
    """Every feature a model may weigh: rule parts, title words and pairs, text words and pairs."""
    out = _rule_parts(score)
    text = doc.lower[doc.starts[skip] :] if skip < len(doc.starts) else ""
    for gram in _grams("t:", (title or "").lower()) | _grams("w:", text):
        out[gram] = 1.0
    return out


def _is_word(name: str) -> bool:
    return name[:2] in ("t:", "w:")


# Feature set -> which features it keeps.
FEATURE_SETS: dict[str, Callable[[str], bool]] = {
    "rule parts": lambda n: not _is_word(n),
    "rule parts + title words": lambda n: not n.startswith("w:"),
    "rule parts + title + text words": lambda n: not (n.startswith("w:") and " " in n),
    "rule parts + title + text words and pairs": lambda n: True,
}


def probability(feats: dict[str, float], table: dict[str, float]) -> float:
    """P(ml) under the weights `table` (features it does not know weigh nothing)."""
    z = sum(table.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class Example:
    group: str
    ml: bool
    high: bool
    feats: dict[str, float]
    rules_ml: bool
    rules_clear: bool


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _example(doc_row: dict[str, Any], label: dict[str, Any]) -> Example:
    title = doc_row.get("title")
    doc, title, skip, company = read_posting(
        doc_row["description"], title if isinstance(title, str) else None
    )
    score = score_ml(title, doc, skip, company)
    rules = rules_ml(score)
    text_key = hashlib.sha1(doc_row["description"].encode("utf-8")).hexdigest()
    return Example(
        text_key,
        bool(label["ml"]),
        label.get("confidence") == "high",
        features(title, doc, skip, score),
        rules.ml,
        rules.clear,
    )


def load(shared: Path) -> list[Example]:
    """The training postings (see the module note): shared labels + the tune halves of labels2
    and of our later sets."""
    data = shared / "data" / "postings"
    corpus1 = {d["id"]: d for d in _jsonl(data / "corpus.jsonl")}
    corpus2 = {d["id"]: d for d in _jsonl(data / "corpus2.jsonl")}
    rows = [(corpus1[r["id"]], r) for r in _jsonl(data / "labels.jsonl")]
    halved = [(data / "labels2.jsonl", corpus2)]
    halved += [(path, corpus1) for _, path in LATER_SETS if path.exists()]
    for path, corpus in halved:
        labels = _jsonl(path)
        half = split(labels, {i: d["source"] for i, d in corpus.items()})
        # (the check halves are not read)
        rows += [(corpus[r["id"]], r) for r in labels if half[r["id"]] == "tune"]
    return [_example(d, r) for d, r in rows]


def folds(examples: list[Example], k: int = FOLDS) -> list[int]:
    """Fold of each example: groups ordered by SHA-1 within each label, dealt round-robin."""
    groups: dict[str, bool] = {}
    for ex in examples:
        groups[ex.group] = groups.get(ex.group, False) or ex.ml
    fold_of: dict[str, int] = {}
    for label in (False, True):
        keys = sorted((g for g, y in groups.items() if y == label), key=_sha)
        for i, g in enumerate(keys):
            fold_of[g] = i % k
    return [fold_of[ex.group] for ex in examples]


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def vocabulary(examples: list[Example]) -> list[str]:
    """Rule parts always; words and pairs seen in at least MIN_DF postings; sorted."""
    df: dict[str, int] = {}
    for ex in examples:
        for name in ex.feats:
            df[name] = df.get(name, 0) + 1
    return sorted(n for n, c in df.items() if c >= MIN_DF or not _is_word(n))


def fit(examples: list[Example], l2: float) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (bias not regularised)."""
    vocab = vocabulary(examples)
    index = {name: i for i, name in enumerate(vocab)}
    rows = [[(index[n], v) for n, v in sorted(ex.feats.items()) if n in index] for ex in examples]
    ys = [1.0 if ex.ml else 0.0 for ex in examples]
    w = [0.0] * len(vocab)
    n = len(examples)
    bias = index["bias"]
    for _ in range(STEPS):
        grad = [l2 * wi for wi in w]
        grad[bias] = 0.0
        for row, y in zip(rows, ys, strict=True):
            z = sum(w[i] * v for i, v in row)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) / n
            for i, v in row:
                grad[i] += g * v
        w = [wi - RATE * gi for wi, gi in zip(w, grad, strict=True)]
    return {name: round(wi, DIGITS) for name, wi in zip(vocab, w, strict=True) if round(wi, DIGITS)}


def _scores(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """Accuracy and F1 of the positive class over (label, prediction) pairs."""
    if not pairs:
        return math.nan, math.nan
    tp = sum(1 for y, p in pairs if y and p)
    fp = sum(1 for y, p in pairs if not y and p)
    fn = sum(1 for y, p in pairs if y and not p)
    acc = sum(1 for y, p in pairs if y == p) / len(pairs)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return acc, f1


VARIANTS = ("rules", "model", "model where rules borderline")


def _predict(ex: Example, table: dict[str, float]) -> dict[str, tuple[bool, bool]]:
    """Each variant's (ml, clear)."""
    p = probability(ex.feats, table)
    model = (p >= 0.5, abs(p - 0.5) >= SURE)
    return {
        VARIANTS[0]: (ex.rules_ml, ex.rules_clear),
        VARIANTS[1]: model,
        VARIANTS[2]: (ex.rules_ml, True) if ex.rules_clear else model,
    }


def cross_validate(examples: list[Example], l2: float) -> dict[str, dict[str, list[float]]]:
    """variant -> metric -> the per-fold figures."""
    fold = folds(examples)
    out: dict[str, dict[str, list[float]]] = {v: {} for v in VARIANTS}
    for k in range(FOLDS):
        train = [ex for ex, f in zip(examples, fold, strict=True) if f != k]
        test = [ex for ex, f in zip(examples, fold, strict=True) if f == k]
        table = fit(train, l2)
        preds = [_predict(ex, table) for ex in test]
        for variant in VARIANTS:
            for subset in ("all", "high"):
                pairs = [
                    (ex.ml, pr[variant][0])
                    for ex, pr in zip(test, preds, strict=True)
                    if subset == "all" or ex.high
                ]
                acc, f1 = _scores(pairs)
                out[variant].setdefault(f"acc {subset}", []).append(acc)
                out[variant].setdefault(f"F1 {subset}", []).append(f1)
            zipped = zip(test, preds, strict=True)
            clear = [(ex.ml, pr[variant][0]) for ex, pr in zipped if pr[variant][1]]
            out[variant].setdefault("acc where clear", []).append(_scores(clear)[0])
            out[variant].setdefault("share clear", []).append(len(clear) / len(test))
    return out


def _mean(xs: list[float]) -> float:
    xs = [x for x in xs if not math.isnan(x)]
    return sum(xs) / len(xs) if xs else math.nan


def _print_cv(head: str, cv: dict[str, dict[str, list[float]]]) -> None:
    metrics = list(next(iter(cv.values())))
    print(f"\n{head}: mean over {FOLDS} grouped folds")
    print("| variant | " + " | ".join(metrics) + " |")
    print("| --- " * (len(metrics) + 1) + "|")
    for variant, figures in cv.items():
        print(f"| {variant} | " + " | ".join(f"{_mean(figures[m]):.3f}" for m in metrics) + " |")


def _only(examples: list[Example], keep: Callable[[str], bool]) -> list[Example]:
    return [replace(ex, feats={n: v for n, v in ex.feats.items() if keep(n)}) for ex in examples]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--out", type=Path, help="write the best variant's weights here")
    args = parser.parse_args()
    if not (args.shared / "data" / "postings" / "labels2.jsonl").exists():
        print(f"skipped: no labelled postings under {args.shared}")
        return
    examples = load(args.shared)
    print(f"{len(examples)} training postings, {sum(ex.ml for ex in examples)} ml")
    rules_f1 = math.nan  # the same in every run: the rules are not fitted
    best: tuple[float, str, float, str] | None = None  # F1, feature set, L2, variant
    for name, keep in FEATURE_SETS.items():
        chosen = _only(examples, keep)
        for l2 in L2_GRID:
            cv = cross_validate(chosen, l2)
            _print_cv(f"{name}, L2 {l2}", cv)
            rules_f1 = _mean(cv["rules"]["F1 all"])
            for variant in VARIANTS[1:]:
                f1 = _mean(cv[variant]["F1 all"])
                if best is None or f1 > best[0]:
                    best = (f1, name, l2, variant)
            sys.stdout.flush()
    assert best is not None
    verdict = "beats" if best[0] > rules_f1 else "does not beat"
    print(f"\nbest learned variant by CV F1 (all labels): {best[3]}, {best[1]}, L2 {best[2]}:")
    print(f"F1 {best[0]:.3f}, which {verdict} the rules alone ({rules_f1:.3f})")
    if args.out is None:
        return
    table = fit(_only(examples, FEATURE_SETS[best[1]]), best[2])
    payload = {
        "feature_set": best[1],
        "l2": best[2],
        "min_df": MIN_DF,
        "steps": STEPS,
        "weights": dict(sorted(table.items())),
    }
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(table)} weights)")


if __name__ == "__main__":
    sys.exit(main())
