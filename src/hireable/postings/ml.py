"""Is the role hands-on ML (building, training, evaluating or deploying predictive models)?

A score: the title's lean (TITLE_WEIGHTS) plus the number of segments that speak of modelling,
minus a fraction of the segments that speak of reporting and dashboards. An analyst posting that
mentions machine learning once stays an analyst posting (GUIDELINES: a side duty is `false`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from hireable.postings.scan import Scanner, rule
from hireable.postings.segment import Doc

# Title lean: (weight, pattern), the comment above each row its rationale. Matching rows add up.
TITLE_WEIGHTS: tuple[tuple[float, str], ...] = (
    # ML is in the job name: the role is about models.
    (
        4.0,
        r"machine learning|\bml\b|\bai\b|artificial intelligence|deep learning|\bnlp\b"
        r"|computer vision|mlops|natural language|perception|recommend",
    ),
    # Data scientists usually model: one modelling cue in the text confirms it.
    (2.5, r"data scien"),
    # Other scientists and modelers may work in another science: the text has to say ML.
    (1.0, r"(?<!data )scientist|modell?er|quantitative|statistician|algorithm"),
    # Analysts, BI, reporting and data-platform roles rarely train models themselves.
    (
        -2.0,
        r"analyst|business intelligence|\bbi\b|reporting|data engineer|etl|warehouse|architect"
        r"|insights|consultant|product manager|devops|security|qe\b|test",
    ),
    # People leaders direct modelling rather than do it.
    (-1.0, r"director|head of|vp\b|vice president|manager"),
)
_TITLE_RULES = tuple((w, re.compile(p, re.IGNORECASE)) for w, p in TITLE_WEIGHTS)
# For an ASCII title: the same (lowercase) patterns on its lowercase copy, which is faster.
_TITLE_RULES_ASCII = tuple((w, re.compile(p)) for w, p in TITLE_WEIGHTS)

# Cues in the text: (kind, words a cue starts with, the cue). A segment counts once per kind
# however many cues it holds.
CUE_RULES = (
    rule(
        "ml",
        (
            "machine",
            "deep",
            "neural",
            "predictive",
            "statistical",
            "ml",
            "ai",
            "artificial",
            "tensorflow",
            "pytorch",
            "keras",
            "scikit",
            "sklearn",
            "xgboost",
            "nlp",
            "natural",
            "computer vision",
            "recommend",
            "reinforcement",
            "classification",
            "classifier",
            "prediction",
            "regression",
            "random forest",
            "gradient",
            "clustering",
            "mlops",
            "feature engineering",
            "supervised",
            "unsupervised",
            "forecasting model",
            "anomaly",
            "bayesian",
            "time series",
            "mllib",
        ),
        r"(?<![a-z])(?:machine[- ]learning|deep learning|neural net|predictive (?:model|analytics)"
        r"|statistical model|ml\b|ai\b|artificial intelligence|tensorflow|pytorch|keras|scikit"
        r"|sklearn|xgboost|nlp\b|natural language|computer vision"
        r"|recommend(?:er|ation) (?:system|engine)|reinforcement learning|classification"
        r"|classifiers?\b|prediction (?:models?|systems?|engines?)\b"
        r"|regression|random forest|gradient boost|clustering|mlops|feature engineering"
        r"|(?:un)?supervised|forecasting model|anomaly detection|bayesian|time series|mllib)",
    ),
    rule(
        "ml",
        ("build", "develop", "train", "deploy", "productioniz"),
        r"(?:build|develop|train|deploy|productioniz)\w* (?:\w+ ){0,3}models?\b",
    ),
    rule(
        "an",
        (
            "dashboard",
            "tableau",
            "power bi",
            "powerbi",
            "looker",
            "qlik",
            "excel",
            "visuali",
            "kpi",
            "ad hoc",
            "ad-hoc",
            "business intelligence",
            "bi",
            "etl",
            "reporting",
            "reports",
            "spreadsheet",
            "data entry",
            "data quality",
            "microstrategy",
            "cognos",
            "pivot",
        ),
        r"(?<![a-z])(?:dashboard|tableau|power ?bi|looker|qlik|excel|visuali[sz]|kpis?\b"
        r"|ad[- ]hoc|business intelligence|bi\b|etl\b|reporting|reports\b|spreadsheet"
        r"|data entry|data quality|microstrategy|cognos|pivot)",
    ),
)
_CUES = Scanner(CUE_RULES)
ML_SEGMENT_WEIGHT = 1.0
ANALYTICS_SEGMENT_WEIGHT = 0.25
MAX_SEGMENTS = 8  # a long posting does not outvote its title
THRESHOLD = 3.0


@lru_cache(maxsize=4096)  # titles repeat a lot ("Data Scientist"): each is read once
def title_lean(title: str) -> float:
    """The sum of the `TITLE_WEIGHTS` rows the title matches."""
    rules, read = (_TITLE_RULES_ASCII, title.lower()) if title.isascii() else (_TITLE_RULES, title)
    return sum(w for w, rx in rules if rx.search(read))


def analyse_ml(title: str | None, doc: Doc) -> tuple[bool, tuple[int, int] | None, bool]:
    """(ml, (start, end) of the strongest text cue or None, whether the title decided it)."""
    title_score = title_lean(title) if title else 0.0
    ml_segs: dict[int, int] = {}
    an_segs: set[int] = set()
    for start, _, kind, _ in _CUES.find(doc.lower, doc.words()):
        seg = doc.index(start)
        if kind == "ml":
            ml_segs.setdefault(seg, start)
        else:
            an_segs.add(seg)
    text_score = ML_SEGMENT_WEIGHT * min(len(ml_segs), MAX_SEGMENTS) - (
        ANALYTICS_SEGMENT_WEIGHT * min(len(an_segs), MAX_SEGMENTS)
    )
    ml = title_score + text_score >= THRESHOLD
    span = None
    if ml_segs:
        seg = min(ml_segs, key=lambda s: doc.ends[s] - doc.starts[s])
        span = (doc.starts[seg], doc.ends[seg])
    return ml, span, abs(title_score) >= abs(text_score)
