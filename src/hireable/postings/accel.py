"""The compiled scanner (`_cscan_src/*.c`), when the install could build it.

`cscan` is that module, or None: callers then run their pure-Python reference, which gives the
same results more slowly. Setting HIREABLE_PURE_PYTHON=1 forces the reference (for comparing
the two in tests and benchmarks). A build from other sources than these (`VERSION` differs:
an editable install not rebuilt after an update) is not used either.
"""

from __future__ import annotations

import os
from types import ModuleType

VERSION = 2  # _cscan_src/module.c's CSCAN_VERSION for these sources


def _load() -> ModuleType | None:
    if os.environ.get("HIREABLE_PURE_PYTHON", "").strip() not in ("", "0"):
        return None
    try:
        from hireable.postings import _cscan
    except ImportError:  # built without a C compiler: the optional extension was skipped
        return None
    return _cscan if getattr(_cscan, "VERSION", None) == VERSION else None


cscan = _load()


def scanner_name() -> str:
    """Which implementation runs, for benchmark and diagnostic output."""
    return "compiled" if cscan is not None else "pure Python"
