"""Is the role hands-on ML (building, training, evaluating or deploying predictive models)?

A score: the title's lean (TITLE_WEIGHTS) plus the number of segments that speak of modelling,
minus a fraction of the segments that speak of reporting and dashboards. An analyst posting that
mentions machine learning once stays an analyst posting (GUIDELINES: a side duty is `false`).
"""

from __future__ import annotations

import re

from hireable.postings.segment import Doc

# Title lean, (weight, pattern, rationale). All matching rows add up.
TITLE_WEIGHTS: tuple[tuple[float, str], ...] = (
    # ML is in the job name: the role is about models.
    (
        4.0,
        r"machine learning|\bml\b|\bai\b|artificial intelligence|deep learning|\bnlp\b"
        r"|computer vision|mlops|natural language|perception|recommend",
    ),
    # Scientists and modelers usually model; the text has to confirm it.
    (1.5, r"data scien|scientist|modell?er|quantitative|statistician|algorithm"),
    # Analysts, BI, reporting and data-platform roles rarely train models themselves.
    (
        -2.0,
        r"analyst|business intelligence|\bbi\b|reporting|data engineer|etl|warehouse|architect"
        r"|insights|consultant|product manager|marketing|devops|security|qe\b|test",
    ),
    # People leaders direct modelling rather than do it.
    (-1.0, r"director|head of|vp\b|vice president|manager"),
)
_TITLE_RULES = tuple((w, re.compile(p, re.IGNORECASE)) for w, p in TITLE_WEIGHTS)

# Cues in the text. A segment counts once per kind however many cues it holds.
_ML_CUES = (
    r"machine[- ]learning|deep learning|neural net|predictive (?:model|analytics)|statistical model"
    r"|\bml\b|\bai\b|artificial intelligence|tensorflow|pytorch|keras|scikit|sklearn|xgboost"
    r"|\bnlp\b|natural language|computer vision|recommend(?:er|ation) (?:system|engine)"
    r"|reinforcement learning|classification|regression|random forest|gradient boost|clustering"
    r"|mlops|feature engineering|(?:un)?supervised|forecasting model|anomaly detection"
    r"|(?:build|develop|train|deploy|productioniz)\w* (?:\w+ ){0,3}models?|models? (?:training"
    r"|deployment)|bayesian|time series|optimization algorithm|\bspark ml|mllib"
)
_ANALYTICS_CUES = (
    r"dashboard|tableau|power ?bi|looker|qlik|excel|visuali[sz]|\bkpis?\b|ad[- ]hoc"
    r"|business intelligence|\bbi\b|\betl\b|reporting|reports\b|spreadsheet|data entry"
    r"|data quality|microstrategy|cognos|crystal reports|pivot"
)
_CUES = re.compile(f"(?P<ml>{_ML_CUES})|(?P<an>{_ANALYTICS_CUES})")
ML_SEGMENT_WEIGHT = 1.0
ANALYTICS_SEGMENT_WEIGHT = 0.4
MAX_SEGMENTS = 8  # a long posting does not outvote its title
THRESHOLD = 3.0


def analyse_ml(title: str | None, doc: Doc) -> tuple[bool, tuple[int, int] | None, bool]:
    """(ml, (start, end) of the strongest text cue or None, whether the title decided it)."""
    title_score = sum(w for w, rx in _TITLE_RULES if title and rx.search(title))
    ml_segs: dict[int, int] = {}
    an_segs: set[int] = set()
    for m in _CUES.finditer(doc.lower):
        seg = doc.index(m.start())
        if m.lastgroup == "ml":
            ml_segs.setdefault(seg, m.start())
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
