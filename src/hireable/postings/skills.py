"""Canonical skill names found in a description, with their aliases.

One table: canonical name → plain lowercase aliases. A skill is found when an alias stands in
the text as a whole word. The analyser reports canonical names in table order, so equal
postings give equal lists. Speed: a substring test per alias (C speed) finds the few candidates
and only those are checked for word boundaries.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from hireable.postings.scan import (
    TRIGGERS,
    WORD_EDGES,
    WordHits,
    active_keys,
    spaced,
    start_key,
)

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


# Aliases by the start of their first word (`scan.start_key`), with their skill's place in the
# table: only aliases whose start is among the text's word starts are searched for.
_BY_KEY: dict[str, list[tuple[int, str]]] = {}
for _order, (_, _aliases) in enumerate(SKILLS):
    for _alias in _aliases:
        _BY_KEY.setdefault(start_key(_alias), []).append((_order, _alias))
_KEYS = frozenset(_BY_KEY)
# (place in the table, alias, `scan.spaced` alias) for reading `Doc.words()`.
_ALIASES = tuple((o, a, spaced(a)) for o, (_, aliases) in enumerate(SKILLS) for a in aliases)
_GENERATION = TRIGGERS.add(a for _, a, _ in _ALIASES)


def _overlaps_at_word_start(alias: str) -> bool:
    """Whether a second occurrence of `alias` can start a word inside a first one: then
    `_has_word`, which skips such occurrences, is used for it."""
    return any(
        alias.startswith(alias[k:]) and alias[k - 1] in WORD_EDGES for k in range(1, len(alias))
    )


_BY_SPACED: dict[str, list[tuple[int, str]]] = {}
_UNSAFE: list[tuple[int, str]] = []
for _o, _a, _k in _ALIASES:
    if _overlaps_at_word_start(_a):
        _UNSAFE.append((_o, _a))
    else:
        _BY_SPACED.setdefault(_k, []).append((_o, _a))


def find_skills(
    lower: str,
    words: WordHits | AbstractSet[str] | None = None,
) -> list[str]:
    """Canonical names of the skills named in `lower` (lowercase text), in table order.

    `words` (`Doc.words()` for `lower`) gives where aliases start a word; a set of word starts
    (`Doc.word_starts`) lets aliases no word starts with be skipped; None reads every alias.
    """
    if isinstance(words, WordHits):
        return _from_hits(lower, words)
    word_starts = words
    found: set[int] = set()
    for key in active_keys(_KEYS, word_starts):
        for order, alias in _BY_KEY[key]:
            if order not in found and _has_word(lower, alias):
                found.add(order)
    names = [SKILLS[i][0] for i in sorted(found)]
    if (word_starts is None or not _R_KEYS.isdisjoint(word_starts)) and _has_r(lower):
        names.insert(sum(1 for i in found if i < _R_ORDER), "r")
    return names


def _from_hits(lower: str, words: WordHits) -> list[str]:
    """`find_skills` from where the aliases start a word: the same list without one text pass
    per alias. (`_has_word` skips occurrences that overlap a rejected one; that matters only for
    `_UNSAFE` aliases, which it still reads.)"""
    found = {order for order, alias in _UNSAFE if _has_word(lower, alias)}
    size = len(lower)
    for aliases, at in words.select(_BY_SPACED, _GENERATION):
        for order, alias in aliases:
            if order in found:
                continue
            for i in at:
                end = i + len(alias)
                if (
                    lower.startswith(alias, i)
                    and (i == 0 or lower[i - 1] in WORD_EDGES)
                    and (end == size or not (lower[end].isalnum() or lower[end] == "+"))
                ):
                    found.add(order)
                    break
    names = [SKILLS[i][0] for i in sorted(found)]
    # The R gate of `find_skills`: a word "r", or a word starting "rst" (every R needle but
    # "rstudio" holds the word "r", so it stands at one of those word starts).
    r_words = words.at(_R_WORD)
    if (r_words or words.at(_R_START)) and _has_r_at(lower, r_words):
        names.insert(sum(1 for i in found if i < _R_ORDER), "r")
    return names


def _has_word(lower: str, alias: str) -> bool:
    i = lower.find(alias)
    while i >= 0:
        end = i + len(alias)
        if (i == 0 or lower[i - 1] in WORD_EDGES) and (
            end == len(lower) or not (lower[end].isalnum() or lower[end] == "+")
        ):
            return True
        i = lower.find(alias, end)
    return False


_R_KEYS = frozenset({"r", "rst"})  # the word starts the R needles can have
_R_WORD, _R_START = "r ", "rst"  # the same read from `Doc.words()`: the word "r", a word "rst..."
TRIGGERS.add((_R_WORD, _R_START))
_R_ORDER = next(i for i, (name, _) in enumerate(SKILLS) if name == "r")




# The R needles that hold the word "r", with where it stands in each.
_R_AROUND = tuple((n, n.index("r")) for n in _R_NEEDLES if n != "rstudio")


def _has_r(lower: str) -> bool:
    return any(n in lower for n in _R_NEEDLES)


def _has_r_at(lower: str, r_words: list[int]) -> bool:
    """`_has_r`, reading only around `r_words` (where the word "r" stands, or may)."""
    return "rstudio" in lower or any(
        i >= k and lower.startswith(n, i - k) for i in r_words for n, k in _R_AROUND
    )
