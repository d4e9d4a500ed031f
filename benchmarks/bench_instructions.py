"""Instructions per analysed posting, counted by callgrind: a speed figure the machine's load
does not move.

    .venv/bin/python benchmarks/bench_instructions.py            # this checkout
    .venv/bin/python benchmarks/bench_instructions.py --src ../old/src --src src   # compare

Wall-clock rates on a shared machine swing by a third with its load; valgrind's instruction
count for the same interpreter, code and input is the same on every run. For each `--src` tree
this runs the analyser (`stream.analyse_line`: JSON in, JSON out) on `--n` postings spread over
the shared corpus (every 9th line, wrapping) and on none, both under callgrind with
PYTHONHASHSEED=0 after one plain run that writes the bytecode caches, and prints the
difference divided by `--n`. Needs valgrind; skips with a message without it or without
../shared. To turn a count into a rate on another machine, scale a rate measured there for one
tree by the ratio of the counts. The count is exact for given code, but a change that allocates
differently moves when the garbage collector runs: differences under about 1% (seen here:
a list comprehension rewritten as `filter`, +0.8%) say nothing about the change itself.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "postings" / "corpus.jsonl"
STRIDE = 9  # spread the sample over the corpus (2,654 lines: 9 is coprime with it)
# The child: analyse `n` postings (after one, so imports and regex compiling fall outside `n`).
CHILD = """
import sys
from hireable.postings import stream
n, corpus, stride = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with open(corpus, "rb") as fh:
    rows = [line for line in fh if line.strip()]
stream.analyse_line((0, rows[0]))
for i in range(n):
    stream.analyse_line((i, rows[(i * stride) % len(rows)]))
"""
_REFS = re.compile(r"refs:\s+([\d,]+)")


def count(src: Path, n: int, corpus: Path, script: Path) -> int:
    """Instructions callgrind counts for analysing `n` postings with the package in `src`."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(src)}
    args = [str(script), str(n), str(corpus), str(STRIDE)]
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", sys.executable,
             *args],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"error: no instruction count in valgrind's output for {src}")
    return int(found[1].replace(",", ""))


def per_posting(src: Path, n: int, corpus: Path, script: Path) -> float:
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(src)}
    # One plain run first: bytecode caches written then are not counted as analysis.
    subprocess.run([sys.executable, str(script), "1", str(corpus), str(STRIDE)], env=env,
                   check=True)  # fmt: skip
    return (count(src, n, corpus, script) - count(src, 0, corpus, script)) / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300, help="postings to count over")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON Lines to sample")
    parser.add_argument("--src", type=Path, action="append", help="a tree's src folder")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed")
        return 0
    if not args.corpus.is_file():
        print(f"skipped: no corpus at {args.corpus}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "child.py"
        script.write_text(CHILD, encoding="utf-8")
        for src in args.src or [ROOT / "src"]:
            if not (src / "hireable" / "__init__.py").is_file():
                # (PYTHONPATH would fall back to the installed package and count that instead)
                print(f"error: {src} holds no hireable package", file=sys.stderr)
                return 2
            figure = per_posting(src.resolve(), args.n, args.corpus, script)
            print(f"{src}: {figure / 1e6:.3f} M instructions per posting ({args.n} postings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
