"""The compiled scanner (`_cscan_src/*.c`), when the install could build it.

`cscan` is that module, or None: callers then run their pure-Python reference, which gives the
same results more slowly. Setting HIREABLE_PURE_PYTHON=1 forces the reference (for comparing
the two in tests and benchmarks). A build from other sources than these (`VERSION` differs:
an editable install not rebuilt after an update) is not used either.
"""

from __future__ import annotations

import os
from types import ModuleType

VERSION = 3  # _cscan_src/module.c's CSCAN_VERSION for these sources


def _load() -> tuple[ModuleType | None, str]:
    """(the compiled scanner or None, why it is not used)."""
    if os.environ.get("HIREABLE_PURE_PYTHON", "").strip() not in ("", "0"):
        return None, "HIREABLE_PURE_PYTHON is set"
    try:
        from hireable.postings import _cscan
    except ImportError:  # built without a C compiler: the optional extension was skipped
        return None, "not built (no C compiler at install?)"
    if getattr(_cscan, "VERSION", None) != VERSION:
        return None, "built from older sources: rebuild with `pip install -e .` or `make`"
    return _cscan, ""


cscan, _why_not = _load()


def scanner_name() -> str:
    """Which implementation runs (and why not the compiled one), for benchmark output."""
    return "compiled" if cscan is not None else f"pure Python ({_why_not})"
