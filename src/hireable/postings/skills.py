"""Canonical skill names found in a description, with their aliases.

One table: canonical name → plain lowercase aliases. A skill is found when an alias stands in
the text as a whole word. The analyser reports canonical names in table order, so equal
postings give equal lists. Speed: a substring test per alias (C speed) finds the few candidates
and only those are checked for word boundaries.
"""

from __future__ import annotations

from collections.abc import Callable

SKILLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("python", ("python",)),
    ("r", ()),  # a letter too: see _R below
    ("sql", ("sql", "postgres", "postgresql", "mysql", "t-sql", "pl/sql", "nosql")),
    ("scala", ("scala",)),
    ("java", ("java",)),
    ("c++", ("c++",)),
    ("javascript", ("javascript", "typescript", "node.js")),
    ("go", ("golang",)),
    ("spark", ("spark", "pyspark")),
    ("hadoop", ("hadoop", "hdfs", "mapreduce")),
    ("hive", ("hive",)),
    ("kafka", ("kafka",)),
    ("airflow", ("airflow",)),
    ("snowflake", ("snowflake",)),
    ("bigquery", ("bigquery", "big query")),
    ("databricks", ("databricks",)),
    ("aws", ("aws", "amazon web services", "sagemaker", "redshift")),
    ("gcp", ("gcp", "google cloud")),
    ("azure", ("azure",)),
    ("docker", ("docker",)),
    ("kubernetes", ("kubernetes", "k8s")),
    ("git", ("git", "github", "gitlab")),
    ("linux", ("linux", "unix")),
    ("pandas", ("pandas",)),
    ("numpy", ("numpy",)),
    ("scikit-learn", ("scikit-learn", "scikit learn", "sklearn")),
    ("tensorflow", ("tensorflow",)),
    ("pytorch", ("pytorch", "torch")),
    ("keras", ("keras",)),
    ("xgboost", ("xgboost", "lightgbm")),
    ("mlflow", ("mlflow",)),
    ("machine learning", ("machine learning", "machine-learning")),
    ("deep learning", ("deep learning", "neural network", "neural networks")),
    ("nlp", ("nlp", "natural language processing")),
    ("computer vision", ("computer vision", "image recognition")),
    ("statistics", ("statistics", "statistical")),
    ("a/b testing", ("a/b test", "a/b tests", "a/b testing", "ab testing", "split testing")),
    ("time series", ("time series", "time-series", "forecasting")),
    ("tableau", ("tableau",)),
    ("power bi", ("power bi", "powerbi")),
    ("looker", ("looker",)),
    ("excel", ("excel",)),
    ("sas", ("sas",)),
    ("spss", ("spss",)),
    ("matlab", ("matlab",)),
)
# "R" as the language: the letter standing alone in a list ("Python, R", "R/SAS", "(R)"),
# never "R&D" or "R & D".
_R_NEEDLES = (" r,", " r/", "/r,", "/r ", "/r)", "(r,", "(r)", "(r ", " r)", ",r,", " r and ",
              " r or ", " r programming", " r language", "rstudio", " r/python", " r.")  # fmt: skip


# (name, ((first word, alias), ...)): the first word is what the gate is asked about.
_GATED = tuple((name, tuple((a.split(" ", 1)[0], a) for a in aliases)) for name, aliases in SKILLS)


def find_skills(lower: str, gate: Callable[[str], bool] | None = None) -> list[str]:
    """Canonical names of the skills named in `lower` (lowercase text), in table order.

    `gate(word)` may say cheaply that no word of the text starts with `word`.
    """
    found = []
    for name, aliases in _GATED:
        if not aliases:
            if _has_r(lower):
                found.append(name)
            continue
        for key, alias in aliases:
            if (gate is None or gate(key)) and _has_word(lower, alias):
                found.append(name)
                break
    return found


def _has_word(lower: str, alias: str) -> bool:
    i = lower.find(alias)
    while i >= 0:
        end = i + len(alias)
        if (i == 0 or not lower[i - 1].isalnum()) and (
            end == len(lower) or not (lower[end].isalnum() or lower[end] == "+")
        ):
            return True
        i = lower.find(alias, end)
    return False


def _has_r(lower: str) -> bool:
    return any(n in lower for n in _R_NEEDLES)
