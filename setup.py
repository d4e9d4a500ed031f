"""Builds the optional compiled scanner; everything else is declared in pyproject.toml.

`optional=True`: on a machine without a C compiler the install still succeeds and the analyser
runs its pure-Python reference (same results, slower; `benchmarks/bench_analyse.py` says which
one runs).
"""

from glob import glob

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "hireable.postings._cscan",
            sorted(glob("src/hireable/postings/_cscan_src/*.c")),
            depends=glob("src/hireable/postings/_cscan_src/*.h"),
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
