"""Builds the optional compiled scanner; everything else is declared in pyproject.toml.

`optional=True`: on a machine without a C compiler the install still succeeds and the analyser
runs its pure-Python reference (same results, slower; `benchmarks/bench_analyse.py` says which
one runs).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "hireable.postings._cscan",
            ["src/hireable/postings/_cscan.c"],
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
