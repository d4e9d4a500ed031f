"""Is the role hands-on ML (building, training, evaluating or deploying predictive models)?

A score: the title's lean (TITLE_WEIGHTS) plus the number of segments that speak of modelling,
minus a fraction of the segments that speak of reporting and dashboards. An analyst posting that
mentions machine learning once stays an analyst posting (GUIDELINES: a side duty is `false`).
Words inside links and the company's name are no cues; a director's, head's or VP's posting is
ML only if it says the work is hands-on (else a borderline `false`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from hireable.postings.scan import Scanner, positions, rule
from hireable.postings.segment import Doc
from hireable.postings.text import in_link

# Executives direct modelling (GUIDELINES: "management without hands-on modelling" is false):
# their postings speak of ML throughout, so the text must say the work is hands-on.
EXECUTIVE = r"director|head of|\bvp\b|vice president|\bchief\b"
_EXECUTIVE = re.compile(EXECUTIVE, re.IGNORECASE)
HANDS_ON = ("hands-on", "hands on")

# Title lean: (weight, pattern), the comment above each row its rationale. Matching rows add up.
TITLE_WEIGHTS: tuple[tuple[float, str], ...] = (
    # ML is in the job name: the role is about models.
    (
        4.0,
        r"machine learning|\bml\b|\bmles?\b|\bai\b|artificial intelligence|deep learning|\bnlp\b"
        r"|computer vision|mlops|natural language|\bnlu\b|perception|recommend|neural|\bllms?\b",
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
    # People leaders direct modelling rather than do it (GUIDELINES): an "ML Engineering
    # Manager" may still model, a director, head or VP rarely does.
    (-1.5, r"manager"),
    (-3.5, EXECUTIVE),
    # Teaching, advocacy, sales and recruiting about ML are not building models.
    (-3.0, r"instructor|teacher|tutor|trainer|advocate|evangelist|recruit|sales|account exec"),
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
        r"|statistical model|ml\b|mles?\b|ai\b|artificial intelligence|tensorflow|pytorch|keras"
        r"|scikit|sklearn|xgboost|nlp\b|natural language|computer vision"
        r"|recommend(?:er|ation) (?:system|engine)|reinforcement learning|classification"
        r"|classifiers?\b|prediction (?:models?|systems?|engines?)\b"
        r"|regression|random forest|gradient boost|clustering|mlops|feature engineering"
        r"|(?:un)?supervised|forecasting model|anomaly detection|bayesian|time series|mllib)",
    ),
    rule(
        "ml",
        # (GUIDELINES: "building, training, evaluating or deploying" models; creating them is
        # building them)
        ("build", "develop", "train", "evaluat", "deploy", "productioniz", "creat"),
        r"(?:build|develop|train|evaluat|deploy|productioniz|creat)\w* (?:\w+ ){0,3}models?\b",
    ),
    # Work on large language models themselves is modelling (GUIDELINES): fine-tuning them,
    # evaluating or training them.
    rule(
        "ml",
        ("fine-tun", "finetun", "fine tun", "evaluat", "train", "pre-train", "pretrain"),
        r"(?:fine[- ]?tun|evaluat|(?:pre-?)?train)\w* (?:\w+ ){0,3}(?:llms?|language models?)\b"
        r"|fine[- ]?tun(?:e|es|ed|ing) (?:\w+ ){0,3}(?:models?|llms?|transformers?|bert|gpt)",
    ),
    # Wiring a hosted model's API into a product is software work, not modelling (GUIDELINES).
    rule(
        "api",
        ("integrat", "call", "wir", "connect", "consum", "leverag"),
        r"(?:integrat|call|wir|connect|consum|leverag)\w* (?:\w+ ){0,3}"
        r"(?:openai|gpt(?:-\d)?|chatgpt|anthropic|claude|gemini|llm|third[- ]party ai)"
        r"(?:'s)? apis?\b",
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
# A segment that wires a model API into the product outweighs one modelling sentence: an "AI
# Engineer" who only calls an LLM API is at best borderline.
API_SEGMENT_WEIGHT = 1.0
MAX_SEGMENTS = 8  # a long posting does not outvote its title
THRESHOLD = 3.0
# Within this of the threshold the decision is borderline (`ml_clear: false`): one modelling
# sentence more or less, or a title word, would flip it.
CLEAR_MARGIN = 1.5


class MlResult(NamedTuple):
    ml: bool
    span: tuple[int, int] | None  # the strongest text cue
    by_title: bool  # the title outweighed the text
    clear: bool


@lru_cache(maxsize=4096)  # titles repeat a lot ("Data Scientist"): each is read once
def title_lean(title: str) -> float:
    """The sum of the `TITLE_WEIGHTS` rows the title matches."""
    rules, read = (_TITLE_RULES_ASCII, title.lower()) if title.isascii() else (_TITLE_RULES, title)
    return sum(w for w, rx in rules if rx.search(read))


def names_ml(role: str) -> bool:
    """The role's name alone says it is ML work ("Applied ML Scientist", not "Data Analyst")."""
    return title_lean(role) >= THRESHOLD


def leans_ml(role: str) -> bool:
    """The role's name makes modelling likely without saying it ("Data Scientist"): alone it
    is at least a borderline ML decision. Of a comment's roles, such a one is the role an ML
    learner would apply to when none names ML outright."""
    return title_lean(role) > THRESHOLD - CLEAR_MARGIN


# A sentence about the company, not the role: "<Company> is an AI company", "<Company> combines
# ML technology with ...", "a computer vision company", "an AI-powered platform". The company's
# product being ML does not make every role ML (GUIDELINES: the role's own work decides).
_COMPANY_VERBS = (
    r"(?:is|was|are|builds?|makes?|combines?|helps?|offers?|provides?|uses?|develops?|has|was"
    r" founded)"
)
_BUSINESS = re.compile(
    r"(?:\bai|\bml|machine learning|computer vision|deep learning)[- ](?:powered|driven|first"
    r"|native|backed|company|startup|start-up|vc|fund|investors?)\b"
    r"|(?:ai|ml|computer vision|machine learning)(?: \w+)? (?:company|startup|start-up)\b"
)


# "Feature Labs, Inc." is "Feature Labs" in its own sentences.
_LEGAL_SUFFIX = re.compile(r",?\s+(?:inc|llc|ltd|limited|gmbh|corp|co|plc|s\.?a|b\.?v)\.?$")


def _company_name(company: str) -> str:
    """The company's name as its text writes it: lowercase, no "(YC W17)", no ", Inc."."""
    return _LEGAL_SUFFIX.sub("", company.strip().lower().split(" (")[0])


@lru_cache(maxsize=1024)
def _company_subject(company: str) -> re.Pattern[str] | None:
    name = _company_name(company)
    if len(name) < 2:
        return None
    return re.compile(rf"(?<![\w.]){re.escape(name)}(?:,[^,]{{0,60}},)? {_COMPANY_VERBS}\b")


def _about_company(segment: str, company: str | None) -> bool:
    if _BUSINESS.search(segment):
        return True
    subject = _company_subject(company) if company else None
    return subject is not None and subject.search(segment) is not None


def _name_spans(lower: str, company: str | None) -> list[tuple[int, int]]:
    """Where the company's name stands in the text: "AI" in "Acme AI is hiring" names the
    company, not the role's work (a company name with "AI" does not make a role ML)."""
    name = _company_name(company) if company else ""
    if len(name) < 2:
        return []
    return [(i, i + len(name)) for i in positions(lower, name)]


def _in_name(names: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in names)


class MlScore(NamedTuple):
    """The parts of the rule score: what `analyse_ml` decides from, and the learned judge reads."""

    title: float  # the title's lean (`title_lean`)
    ml: int  # segments with a modelling cue (before the MAX_SEGMENTS cap)
    analytics: int  # segments with a reporting or dashboard cue
    api: int  # segments that wire a hosted model's API into the product
    total: float  # the score compared with THRESHOLD
    vetoed: bool  # an executive's posting that reached the threshold but is not hands-on
    span: tuple[int, int] | None  # the strongest text cue
    comment: bool = False  # a "Who is hiring?" comment's role (its company known)


def score_ml(title: str | None, doc: Doc, skip: int = 0, company: str | None = None) -> MlScore:
    """The rule score and its parts. The first `skip` segments (a comment's header, read as its
    title) are not read for cues; with `company` (a comment's), neither are sentences about the
    company."""
    title_score = title_lean(title) if title else 0.0
    ml_segs: dict[int, int] = {}
    an_segs: set[int] = set()
    api_segs: set[int] = set()
    blurb: dict[int, bool] = {}
    names = _name_spans(doc.lower, company)
    for start, _, kind, _ in _CUES.find(doc.lower, doc.words()):
        seg = doc.index(start)
        if seg < skip:
            continue
        if company is not None and kind == "ml":
            if seg not in blurb:
                blurb[seg] = _about_company(doc.lower[doc.starts[seg] : doc.ends[seg]], company)
            if blurb[seg]:
                continue
        if kind == "ml":
            if seg in ml_segs or in_link(doc.lower, start) or names and _in_name(names, start):
                continue  # (a segment counts once: its first cue that names work)
            ml_segs[seg] = start
        elif kind == "api":
            api_segs.add(seg)
        else:
            an_segs.add(seg)
    text_score = (
        ML_SEGMENT_WEIGHT * min(len(ml_segs), MAX_SEGMENTS)
        - ANALYTICS_SEGMENT_WEIGHT * min(len(an_segs), MAX_SEGMENTS)
        - API_SEGMENT_WEIGHT * min(len(api_segs), MAX_SEGMENTS)
    )
    total = title_score + text_score
    vetoed = (
        total >= THRESHOLD
        and bool(title and _EXECUTIVE.search(title))
        and not any(h in doc.lower for h in HANDS_ON)
    )
    span = _span(doc, ml_segs)
    return MlScore(
        title_score, len(ml_segs), len(an_segs), len(api_segs), total, vetoed, span,
        company is not None,
    )  # fmt: skip


def rules_ml(score: MlScore) -> MlResult:
    """The hand-written rules' decision from the score's parts."""
    if score.vetoed:
        return MlResult(False, score.span, False, False)  # read it: borderline
    by_title = abs(score.title) >= abs(score.total - score.title)
    if score.total < THRESHOLD and _bare_modelling_title(score):
        return MlResult(True, score.span, True, False)  # "Data Scientists", nothing else: read it
    return MlResult(score.total >= THRESHOLD, score.span, by_title, _is_clear(score.total))


def _bare_modelling_title(score: MlScore) -> bool:
    """A comment's role that usually models ("Data Scientists" in a list of roles) over a text
    that says nothing either way (no modelling, reporting or API cue): it leans to ML,
    borderline. (A whole posting that never speaks of modelling has said something.)"""
    silent = not (score.ml or score.analytics or score.api)
    return score.comment and silent and score.title > THRESHOLD - CLEAR_MARGIN


def analyse_ml(title: str | None, doc: Doc, skip: int = 0, company: str | None = None) -> MlResult:
    """Is the role ML, the strongest text cue, whether the title decided, how clearly
    (`score_ml` says what is read)."""
    return rules_ml(score_ml(title, doc, skip, company))


def _span(doc: Doc, ml_segs: dict[int, int]) -> tuple[int, int] | None:
    """The shortest segment with a modelling cue: the strongest evidence."""
    if not ml_segs:
        return None
    seg = min(ml_segs, key=lambda s: doc.ends[s] - doc.starts[s])
    return doc.starts[seg], doc.ends[seg]


def _is_clear(total: float) -> bool:
    """Far enough from the threshold that one cue more or less would not flip the decision."""
    return abs(total - THRESHOLD) >= CLEAR_MARGIN
