"""How far two independent labellings of the same postings agree, per field: the ceiling for
any accuracy measured against one of them.

    .venv/bin/python benchmarks/label_agreement.py [FIRST SECOND]

By default compares benchmarks/data/extra_labels4.jsonl with extra_labels4_second.jsonl (the
same 200 postings labelled again by a second labeller who saw neither the first labels nor the
analyser). Prints agreement on all postings, on those the first labeller marked
high-confidence, and on those both did; `open` is the degree read as open (none, preferred or
equivalent) or closed (required). Figures only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
FIELDS = ("degree", "degree_level", "seniority", "years_min", "ml")


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return {row["id"]: row for row in map(json.loads, fh) if row}


def _open(row: dict[str, Any]) -> bool:
    return row["degree"] != "required"


def agreement(
    first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]], ids: list[str]
) -> dict[str, float]:
    """Share of `ids` on which both labellings give the same value, per field and `open`."""
    out = {f: sum(first[i][f] == second[i][f] for i in ids) / len(ids) for f in FIELDS}
    out["open"] = sum(_open(first[i]) == _open(second[i]) for i in ids) / len(ids)
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [DATA / "extra_labels4.jsonl",
                                        DATA / "extra_labels4_second.jsonl"]  # fmt: skip
    if len(paths) != 2 or not all(p.is_file() for p in paths):
        print("usage: label_agreement.py [FIRST SECOND] (two label files)")
        return 2
    try:
        first, second = _load(paths[0]), _load(paths[1])
        ids = [i for i in first if i in second]
        for i in ids:
            for row in (first[i], second[i]):
                missing = [f for f in FIELDS if f not in row]
                if missing:
                    raise ValueError(f"posting {i} has no {missing[0]}")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        print(f"error: not a label file: {exc}")
        return 2
    if not ids:
        print("the two files share no posting id")
        return 2
    high = [i for i in ids if first[i].get("confidence") == "high"]
    both = [i for i in high if second[i].get("confidence") == "high"]
    for name, chosen in (("all", ids), ("first high", high), ("both high", both)):
        if chosen:
            figures = agreement(first, second, chosen)
            cells = " ".join(f"{f}={v:.3f}" for f, v in figures.items())
            print(f"{name:10} n={len(chosen):3} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
