"""Canonical skill names found in a description, with their aliases.

One table: canonical name → alias patterns (lowercase regex). The analyser reports canonical
names in the order of the table, so equal postings give equal lists.
"""

from __future__ import annotations

import re

SKILLS: tuple[tuple[str, str], ...] = (
    ("python", r"python"),
    (
        "r",
        # "R" is a letter too: only where it reads as the language.
        r"r(?= programming|/python|, python| and python| or python| studio)|rstudio"
        r"|(?<=python, )r\b|(?<=python or )r\b|(?<=python/)r\b|(?<=python and )r\b",
    ),
    ("sql", r"sql|postgres(?:ql)?|mysql|t-sql|pl/sql"),
    ("scala", r"scala"),
    ("java", r"java(?!script)"),
    ("c++", r"c\+\+"),
    ("javascript", r"javascript|typescript|node\.js"),
    ("go", r"golang"),
    ("spark", r"spark|pyspark"),
    ("hadoop", r"hadoop|hdfs|mapreduce"),
    ("hive", r"hive"),
    ("kafka", r"kafka"),
    ("airflow", r"airflow"),
    ("snowflake", r"snowflake"),
    ("bigquery", r"bigquery|big query"),
    ("databricks", r"databricks"),
    ("aws", r"aws|amazon web services|sagemaker|redshift"),
    ("gcp", r"gcp|google cloud"),
    ("azure", r"azure"),
    ("docker", r"docker"),
    ("kubernetes", r"kubernetes|k8s"),
    ("git", r"git|github|gitlab"),
    ("linux", r"linux|unix"),
    ("pandas", r"pandas"),
    ("numpy", r"numpy"),
    ("scikit-learn", r"scikit-learn|scikit learn|sklearn"),
    ("tensorflow", r"tensorflow"),
    ("pytorch", r"pytorch|torch"),
    ("keras", r"keras"),
    ("xgboost", r"xgboost|lightgbm"),
    ("mlflow", r"mlflow"),
    ("machine learning", r"machine[- ]learning"),
    ("deep learning", r"deep learning|neural networks?"),
    ("nlp", r"nlp|natural language processing"),
    ("computer vision", r"computer vision|image recognition"),
    ("statistics", r"statistics|statistical"),
    ("a/b testing", r"a/b test(?:s|ing)?|experimentation|split test(?:s|ing)"),
    ("time series", r"time[- ]series|forecasting"),
    ("tableau", r"tableau"),
    ("power bi", r"power ?bi"),
    ("looker", r"looker"),
    ("excel", r"excel"),
    ("sas", r"sas"),
    ("spss", r"spss"),
    ("matlab", r"matlab"),
)
_SKILL = re.compile(
    "|".join(f"(?P<s{i}>\\b(?:{pattern})\\b)" for i, (_, pattern) in enumerate(SKILLS))
)
_PREFILTER = re.compile(r"[a-z]")


def find_skills(lower: str) -> list[str]:
    """Canonical names of the skills named in `lower` (lowercase text), in table order."""
    found = {int((m.lastgroup or "s0")[1:]) for m in _SKILL.finditer(lower)}
    return [SKILLS[i][0] for i in sorted(found)]
