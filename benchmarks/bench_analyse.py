"""Benchmark `hireable postings analyze`: postings/s, peak memory, ratio to a floor, jobs speed-up.

    .venv/bin/python benchmarks/bench_analyse.py            # ~50,000 postings (~180 MB)
    .venv/bin/python benchmarks/bench_analyse.py --n 2000   # quick

Builds a JSON Lines file of `--n` postings by repeating the shared corpus (a small built-in
sample when ../shared is absent) in a temporary folder, then times, on that file:
- the floor: parse each line's JSON, lowercase the description, run one keyword regex;
- the analyser on one process (the same streaming code as the CLI, output to /dev/null);
- the analyser with `--jobs` worker processes.
Peak memory is measured with tracemalloc on two input sizes, to show it does not grow with the
input. Prints figures; asserts nothing (timings belong here, not in tests).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from hireable.postings import stream

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "postings" / "corpus.jsonl"
FLOOR_REGEX = re.compile(r"\b(?:bachelor|master|ph\.?d|degree)\b")
SAMPLE = [
    {
        "id": "s1",
        "title": "Data Scientist",
        "description": "<p>We build models.</p><ul><li>BS in Statistics or equivalent experience"
        "</li><li>3+ years of Python and SQL</li><li>Experience with scikit-learn</li></ul>" * 12,
    },
    {
        "id": "s2",
        "title": "Senior Data Analyst",
        "description": "Own dashboards in Tableau.Requirements5+ years of experienceBachelor's "
        "degree required; Master's preferred. Nice to haveSpark, Airflow. " * 20,
    },
]


def build_input(path: Path, n: int, corpus: Path) -> int:
    """Write `n` postings to `path` by repeating the corpus; returns the size in bytes."""
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
    else:
        rows = SAMPLE
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = rows[i % len(rows)]
            out.write(json.dumps({**row, "id": f"{row['id']}#{i}"}, ensure_ascii=False) + "\n")
    return path.stat().st_size


def head(path: Path, n: int) -> Iterator[bytes]:
    with path.open("rb") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                return
            yield line


def time_floor(path: Path) -> tuple[int, float, float]:
    """(postings, wall seconds, CPU seconds of this process)."""
    start, cpu = time.perf_counter(), time.process_time()
    count = 0
    with path.open("rb") as fh:
        for line in fh:
            FLOOR_REGEX.findall(json.loads(line)["description"].lower())
            count += 1
    return count, time.perf_counter() - start, time.process_time() - cpu


def time_analyser(path: Path, jobs: int) -> tuple[int, float, float]:
    """(postings, wall seconds, CPU seconds of this process: the work itself at --jobs 1)."""
    start, cpu = time.perf_counter(), time.process_time()
    with path.open("rb") as fh, open(os.devnull, "w", encoding="utf-8") as sink:
        written, _ = stream.run(fh, sink.write, jobs=jobs, on_error=print)
    return written, time.perf_counter() - start, time.process_time() - cpu


def peak_memory(path: Path, n: int) -> int:
    """Peak bytes allocated while analysing the first `n` lines (one process)."""
    tracemalloc.start()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        stream.run(head(path, n), sink.write, on_error=print)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=50_000, help="postings in the input")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes to compare")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines to repeat")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "postings.jsonl"
        size = build_input(path, args.n, args.corpus)
        print(f"input: {args.n} postings, {size / 1e6:.1f} MB ({args.corpus.name})")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work skews timings)")
        # Per CPU second too: on a shared machine, waiting for a CPU inflates the wall time.
        n_floor, t_floor, cpu_floor = time_floor(path)
        print(
            f"floor (json + lower + 1 regex): {n_floor / t_floor:,.0f} postings/s "
            f"({n_floor / cpu_floor:,.0f} per CPU second)"
        )
        n_one, t_one, cpu_one = time_analyser(path, 1)
        print(
            f"analyser, 1 process: {n_one / t_one:,.0f} postings/s "
            f"({n_one / cpu_one:,.0f} per CPU second)"
        )
        print(f"ratio to floor: {t_one / t_floor:.1f}x ({cpu_one / cpu_floor:.1f}x in CPU time)")
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        n_par, t_par, _ = time_analyser(path, args.jobs)
        worker_cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - children_before
        print(
            f"analyser, --jobs {args.jobs}: {n_par / t_par:,.0f} postings/s, "
            f"speed-up {t_one / t_par:.2f}x (workers used {worker_cpu:.1f} s CPU in "
            f"{t_par:.1f} s)"
        )
        small, large = max(1, args.n // 20), max(1, args.n // 5)
        print(
            f"peak traced memory: {peak_memory(path, small) / 1e6:.1f} MB for {small} postings, "
            f"{peak_memory(path, large) / 1e6:.1f} MB for {large}"
        )
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"max RSS of this process: {maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
