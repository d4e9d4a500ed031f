"""Fuzz the compiled scanner (`src/hireable/postings/_cscan_src/`) under AddressSanitizer.

The tests compare the C code with its Python reference; this looks for what they cannot see:
out-of-bounds reads, overflows, undefined behaviour. Build a sanitised copy and run it:

    gcc -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fPIC -shared \\
        -I"$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["include"])')" \\
        src/hireable/postings/_cscan_src/*.c -o /tmp/_cscan_asan.so
    ASAN_OPTIONS=detect_leaks=0 \\
    LD_PRELOAD="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)" \\
        .venv/bin/python tools/fuzz_cscan.py /tmp/_cscan_asan.so --seconds 60

Any report from the sanitizers stops the run with its stack. Without a path it fuzzes the
module the package loads.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from types import ModuleType

# Characters of every string width and every kind the scanner treats specially: marks, bullets,
# odd spaces, the case-folding exceptions, astral characters.
SPECIAL = (0xA0, 0x85, 0xDF, 0x130, 0x17F, 0x3A3, 0x2013, 0x201C, 0x2022, 0x2028, 0x212A,
           0xFEFF, 0xFFFF, 0x10400, 0x1F600)  # fmt: skip
ALPHABET = [chr(c) for c in range(128)] + [chr(c) for c in SPECIAL]
PIECES = ALPHABET + ["Ph.", "e.g.", " years", "yrs", "BA", "Sc", "Tensor", "with ", "skills",
                     "Qualifications", "requirements", "$100k", "usd 5", " r,", "<p>", "</li>",
                     "&amp;", "&lt;p&gt;"]  # fmt: skip


def load(path: str | None) -> ModuleType:
    """The scanner at `path` (a sanitised build), installed where the package looks for it."""
    if path is None:
        from hireable.postings import _cscan

        return _cscan
    spec = importlib.util.spec_from_file_location("hireable.postings._cscan", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules["hireable.postings._cscan"] = module
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", help="a build of _cscan_src/ (default: installed)")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    cscan = load(args.path)

    from hireable.postings import accel, scan, segment, text

    for module in (accel, scan, segment, text):  # every user of the scanner reads this build
        module.cscan = cscan  # type: ignore[attr-defined]
    from hireable.postings.analyse import analyse

    rng = random.Random(args.seed)
    stop, runs = time.monotonic() + args.seconds, 0
    while time.monotonic() < stop:
        s = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 300)))
        lined = bool(rng.getrandbits(1))
        analyse(s, rng.choice([None, "Senior ML Engineer", s[:20]]))
        cscan.cut(s, lined, segment._HEADS)
        joined, lower, starts, ends = cscan.segment(s, lined, segment._HEADS)
        cscan.tidy(s)
        limit = rng.randint(-5, 80)
        cscan.heading_candidates(lower, starts, ends, limit, segment._SOFT_LEAD_WORDS)
        keys = [w for w in s.split() if w][:20] or ["x"]
        edges = "".join(rng.sample(ALPHABET, 5))
        cscan.KeyTrie(keys, edges, anywhere=bool(rng.getrandbits(1))).find(s)
        runs += 1
    big = "a" * 300_000 + "Ph. D" * 1_000  # past the analyser's cut, to the buffers' limits
    cscan.cut(big, False, segment._HEADS)
    cscan.segment(big, True, segment._HEADS)
    cscan.tidy(big)
    print(f"{runs:,} inputs, no fault")


if __name__ == "__main__":
    main()
