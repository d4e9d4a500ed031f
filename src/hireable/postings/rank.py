"""Rank postings for a learner (DESIGN 1.4): a 0–100 score that is a sum of named factors.

Pure: no I/O. Every weight lives in `WEIGHTS` with its rationale (`hireable jobs rank
--explain-weights` prints it); what each stage expects (its seniority fits, years, size group) is
on its `Stage` row in core/stages.py, and which competition group a source is in comes from the
source registry through `RankContext.source_group`. Scoring reads only the denormalised posting
columns (`FACT_FIELDS`, never the description), so 100,000 postings score in well under a second.

score = BASE + the points of every factor, kept within 0–100; postings are ordered by the
unclamped sum so two postings at 100 still keep their true order.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from hireable.core.stages import STAGES, RankingFit, get_stage
from hireable.core.words import plural

BASE = 50


@dataclass(frozen=True)
class Weight:
    """Points for one case of one factor, with the reason it is there and the words shown."""

    factor: str
    case: str
    points: int
    text: str  # shown to the learner as a reason for or against
    rationale: str


def _w(factor: str, case: str, points: int, text: str, rationale: str) -> Weight:
    return Weight(factor, case, points, text, rationale)


WEIGHTS: tuple[Weight, ...] = (
    # Degree openness: a required degree is a filter you cannot pass, so it weighs most.
    _w("degree", "none", 15, "no degree asked", "No degree filter: your evidence is read."),
    _w("degree", "preferred", 12, "a degree is only preferred", "Preferred is not a filter."),
    _w(
        "degree",
        "equivalent",
        10,
        "a degree or equivalent experience",
        "An explicit alternative route lets portfolio evidence through.",
    ),
    _w(
        "degree",
        "required",
        -60,
        "a degree is required",
        "Screened out automatically without a degree: below every open role of any level, "
        "above non-ML roles; shown, never hidden.",
    ),
    # Seniority against the target stage (cases are "stage/seniority"): on each Stage row.
    *(
        _w("seniority", f"{stage.id}/{level}", fit.points, fit.text, fit.rationale)
        for stage in STAGES
        for level, fit in stage.ranking.seniority.items()
    ),
    # Years asked against the years a learner at the stage can show (its `years_ok`).
    _w("years", "fits", 5, "the years asked fit your stage", "Meets the stated minimum."),
    _w(
        "years",
        "over",
        -8,
        "asks 1–2 years more than your stage has",
        "Stated minimums are soft when evidence is strong, but they cost.",
    ),
    _w(
        "years",
        "far-over",
        -15,
        "asks 3+ years more than your stage has",
        "A gap this large is usually filtered.",
    ),
    # Hands-on ML (or plan-B roles close to ML when asked for).
    _w("ml", "ml", 20, "hands-on ML work", "The role builds the evidence you are aiming at."),
    _w(
        "ml",
        "plan-b",
        5,
        "close to ML (plan B)",
        "Software at an ML company, developer advocacy or analytics: a step next to ML.",
    ),
    _w(
        "ml",
        "not-ml",
        -60,
        "not an ML role",
        "The stage is about an ML job: other roles come last, below ML roles of any level.",
    ),
    _w("ml", "not-ml-ok", 0, "not an ML role", "Fine for a software internship."),
    _w(
        "ml",
        "unclear",
        -20,
        "ML work unclear — read it",
        "The analysis was borderline (ml_clear false): between an ML role and a non-ML one, "
        "so a misread posting is neither buried nor put first.",
    ),
    # Company size band against the stage's target employer (cases are "size_group/band").
    _w("size", "early/1-10", 8, "a tiny company", "Founders read every email."),
    _w("size", "early/11-50", 10, "a small company", "Hiring is practical and personal."),
    _w("size", "early/51-200", 5, "a mid-sized company", "Still a short path to a person."),
    _w("size", "early/201-1000", -3, "a large company", "Formal screening starts."),
    _w("size", "early/1000+", -10, "a very large company", "Screens out no-degree candidates."),
    _w("size", "junior/1-10", 0, "a tiny company", "Fine, but the stage aims mid-sized."),
    _w("size", "junior/11-50", 5, "a small company", "Close to the stage's target."),
    _w("size", "junior/51-200", 8, "a mid-sized company", "The stage's target employer."),
    _w("size", "junior/201-1000", 5, "a large company", "Reachable with industry experience."),
    _w("size", "junior/1000+", -5, "a very large company", "Still filters hard."),
    _w("size", "known/1-10", 0, "a tiny company", "Neutral for this stage."),
    _w("size", "known/11-50", 0, "a small company", "Neutral for this stage."),
    _w("size", "known/51-200", 0, "a mid-sized company", "Neutral for this stage."),
    _w("size", "known/201-1000", 4, "a large company", "Near the stage's target."),
    _w("size", "known/1000+", 8, "a very large company", "The stage's target employer."),
    # Competition: where it was posted (the source's group in the registry) and how famous
    # the employer is.
    _w("competition", "hn", 8, "posted on Hacker News", "Few applicants, often founders."),
    _w(
        "competition",
        "direct",
        6,
        "posted on the company's own job board",
        "Fewer applicants than the aggregators.",
    ),
    _w(
        "competition",
        "file",
        -2,
        "imported from a file: origin unknown",
        "Assume it was widely seen.",
    ),
    _w(
        "competition",
        "aggregator",
        -6,
        "posted on a large job aggregator",
        "Hundreds to thousands of applicants a post.",
    ),
    _w(
        "competition",
        "famous",
        -12,
        "a famous employer: many applicants",
        "Brand names draw crowds and filter on degrees.",
    ),
    _w(
        "competition",
        "famous-target",
        0,
        "a famous employer",
        "The ml-engineer stage aims at well-known companies.",
    ),
    # Skills: per posting skill you can show; the best source of each skill counts.
    _w("skills", "api", 4, "verified skills", "Fetched from the source: an employer can check."),
    _w("skills", "link", 3, "linked skills", "A public link backs the skill."),
    _w("skills", "self", 2, "self-reported skills", "Shown by your evidence, your word only."),
    _w("skills", "profile", 1, "profile skills", "Claimed in your profile only."),
    _w("skills", "cap", 12, "skill overlap cap", "Overlap helps, but cannot outweigh the filters."),
    # Freshness: early applicants are read.
    _w("freshness", "week", 5, "posted this week", "Early applicants get read."),
    _w("freshness", "month", 2, "posted this month", "Still early."),
    _w("freshness", "quarter", 0, "posted in the last three months", "Neutral."),
    _w("freshness", "old", -5, "posted over three months ago", "Likely filled or stale."),
)

_TABLE: dict[tuple[str, str], Weight] = {(w.factor, w.case): w for w in WEIGHTS}

SIZE_BANDS = ("1-10", "11-50", "51-200", "201-1000", "1000+")
FRESHNESS_DAYS: tuple[tuple[int, str], ...] = ((7, "week"), (30, "month"), (90, "quarter"))

# Large, well-known employers: hundreds to thousands of applicants a post (DESIGN 1.4).
FAMOUS_EMPLOYERS = frozenset(
    {
        "accenture", "adobe", "airbnb", "alphabet", "amazon", "amazon web services", "apple",
        "bank of america", "bloomberg", "booking.com", "capital one", "cisco", "citi",
        "citigroup", "databricks", "deepmind", "deloitte", "doordash", "dropbox", "ebay", "ey",
        "facebook", "goldman sachs", "google", "ibm", "instacart", "intel", "jp morgan",
        "jpmorgan", "jpmorgan chase", "kpmg", "linkedin", "lyft", "mckinsey", "meta",
        "microsoft", "netflix", "nvidia", "openai", "oracle", "paypal", "pinterest", "pwc",
        "salesforce", "samsung", "sap", "shopify", "snap", "spotify", "stripe", "tesla",
        "twitter", "uber", "visa", "walmart", "wells fargo", "x", "yahoo",
    }
)  # fmt: skip

# Plan-B roles close to ML (DESIGN 1.4), recognised from the title and the posting's skills.
ML_SKILLS = frozenset(
    {
        "machine learning", "deep learning", "nlp", "computer vision", "pytorch", "tensorflow",
        "keras", "scikit-learn", "xgboost", "mlflow",
    }
)  # fmt: skip
ADVOCACY_TITLE = re.compile(
    r"developer (?:advocate|relations|evangelist)|devrel|technical evangelist|"
    r"community engineer",
    re.I,
)
ANALYTICS_TITLE = re.compile(
    r"analyst|analytics|business intelligence|\bbi\b|data engineer|insights", re.I
)
SOFTWARE_TITLE = re.compile(
    r"software|engineer|developer|programmer|back[- ]?end|front[- ]?end|full[- ]?stack|"
    r"platform|infrastructure|devops|sre\b",
    re.I,
)
ML_COMPANY_NAME = re.compile(r"\b(?:ai|ml)\b|\.ai\b|machine learning|intelligence", re.I)
_COMPANY_SUFFIX = re.compile(
    r"[,.]?\s+(?:inc|llc|ltd|limited|corp|corporation|co|gmbh|plc|labs?|group)\.?$"
)


# The posting columns ranking reads, by name: `PostingFacts` has exactly these, the service's
# fast query selects them with the id, and the covering index ix_posting_rank holds them.
FACT_FIELDS = (
    "source",
    "company",
    "title",
    "degree",
    "seniority",
    "years_min",
    "ml",
    "ml_clear",
    "skills",
    "size_band",
    "posted_at",
    "first_seen",
)


class PostingFacts(Protocol):
    """The columns ranking reads (FACT_FIELDS of a database row or a Posting); read-only."""

    @property
    def source(self) -> str: ...

    @property
    def company(self) -> str | None: ...

    @property
    def title(self) -> str | None: ...

    @property
    def degree(self) -> str | None: ...

    @property
    def seniority(self) -> str | None: ...

    @property
    def years_min(self) -> int | None: ...

    @property
    def ml(self) -> bool | None: ...

    @property
    def ml_clear(self) -> bool | None: ...

    @property
    def skills(self) -> list[str] | None: ...

    @property
    def size_band(self) -> str | None: ...

    @property
    def posted_at(self) -> dt.datetime | None: ...

    @property
    def first_seen(self) -> dt.datetime | None: ...


@dataclass(frozen=True)
class Reason:
    factor: str
    points: int
    text: str

    def public(self) -> dict[str, Any]:
        return {"factor": self.factor, "points": self.points, "text": self.text}


@dataclass
class Scored:
    total: int  # BASE plus every factor's points, unclamped: the sort key
    reasons: list[Reason] = field(default_factory=list)

    @property
    def score(self) -> int:
        return max(0, min(100, self.total))

    def pros(self, n: int = 3) -> list[Reason]:
        return sorted((r for r in self.reasons if r.points > 0), key=lambda r: -r.points)[:n]

    def cons(self, n: int = 3) -> list[Reason]:
        return sorted((r for r in self.reasons if r.points < 0), key=lambda r: r.points)[:n]


@dataclass(frozen=True)
class LearnerSkills:
    """Each skill the learner can show, with the weight case of its best source."""

    cases: Mapping[str, str]  # skill (lowercase) → "api" | "link" | "self" | "profile"

    @staticmethod
    def build(
        evidence: Iterable[tuple[Iterable[str], str]], profile_skills: Iterable[str]
    ) -> LearnerSkills:
        """From (skills, verification) per evidence item and the profile's skills list."""
        order = {"api": 0, "link": 1, "self": 2, "profile": 3}
        cases: dict[str, str] = {}
        pairs = [(s, v if v in order else "self") for skills, v in evidence for s in skills]
        pairs += [(s, "profile") for s in profile_skills]
        for skill, case in pairs:
            key = skill.strip().lower()
            if key and (key not in cases or order[case] < order[cases[key]]):
                cases[key] = case
        return LearnerSkills(cases)


@dataclass(frozen=True)
class RankContext:
    """Everything that is the same for every posting: computed once per ranking.

    `source_group` names the competition group ("hn", "direct", "aggregator", "file") of a
    stored source such as "greenhouse:acme"; the service passes the source registry's.
    """

    stage: str
    today: dt.date
    skills: LearnerSkills = field(default_factory=lambda: LearnerSkills({}))
    plan_b: bool = False
    source_group: Callable[[str], str] = field(kw_only=True)
    fit: RankingFit = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fit", get_stage(self.stage).ranking)


def normalise_company(name: str | None) -> str:
    text = " ".join((name or "").lower().replace("&", " and ").split())
    while True:
        shorter = _COMPANY_SUFFIX.sub("", text)
        if shorter == text:
            return text
        text = shorter


def is_famous(company: str | None) -> bool:
    """A famous employer, by its name or its first one to three words ("Amazon Lab126")."""
    words = normalise_company(company).split()
    return any(" ".join(words[:n]) in FAMOUS_EMPLOYERS for n in (1, 2, 3) if len(words) >= n)


def plan_b_kind(title: str | None, company: str | None, skills: Iterable[str]) -> str | None:
    """Which plan-B role close to ML this is, if any."""
    title = title or ""
    if ADVOCACY_TITLE.search(title):
        return "developer advocacy"
    if ANALYTICS_TITLE.search(title):
        return "analytics"
    if SOFTWARE_TITLE.search(title) and (
        ML_SKILLS.intersection(skills) or ML_COMPANY_NAME.search(company or "")
    ):
        return "software at an ML company"
    return None


def score_posting(p: PostingFacts, ctx: RankContext) -> Scored:
    """The posting's score for the learner in `ctx`, with every factor that contributed."""
    seen = p.posted_at or p.first_seen
    found = (
        degree_reason(p.degree),
        seniority_reason(p.seniority, ctx.stage, ctx.fit),
        years_reason(p.years_min, ctx.fit),
        ml_reason(p.ml, p.title, p.company, p.skills or (), ctx, p.ml_clear),
        size_reason(p.size_band, ctx.fit),
        competition_reason(ctx.source_group(p.source), p.company, ctx.fit),
        skills_reason(p.skills or (), ctx.skills.cases),
        freshness_reason(seen.date() if seen is not None else None, ctx.today),
    )
    reasons = [r for r in found if r is not None]
    return Scored(BASE + sum(r.points for r in reasons), reasons)


# The factors, one function each; `score_posting` and `Scorer` share them.


def degree_reason(degree: str | None) -> Reason | None:
    w = _TABLE.get(("degree", degree or ""))
    return Reason("degree", w.points, w.text) if w else None


def seniority_reason(seniority: str | None, stage: str, fit: RankingFit) -> Reason | None:
    w = fit.seniority.get(seniority or "")
    if w is None:
        return None
    if w.points > 0:
        return Reason("seniority", w.points, f"{w.text}: fits {stage}")
    if w.points < 0:
        return Reason("seniority", w.points, f"{w.text}: out of reach for {stage}")
    return Reason("seniority", w.points, f"{w.text}: neutral for {stage}")


def years_reason(years: int | None, fit: RankingFit) -> Reason | None:
    if years is None:
        return None
    ok = fit.years_ok
    gap = years - ok
    w = _TABLE[("years", "fits" if gap <= 0 else "over" if gap <= 2 else "far-over")]
    if gap <= 0:
        return Reason("years", w.points, f"asks {plural(years, 'year')}: fits your stage")
    return Reason("years", w.points, f"asks {years}+ years; your stage shows about {ok}")


def ml_reason(
    ml: bool | None,
    title: str | None,
    company: str | None,
    skills: Iterable[str],
    ctx: RankContext,
    clear: bool | None = None,
) -> Reason | None:
    """`clear` False (a borderline analysis) scores between ML and not ML on the ML stages."""
    if ml is None:
        return None
    if clear is False and ctx.fit.ml_job:
        case, text = "unclear", None
    elif ml:
        case, text = "ml", None
    elif not ctx.fit.ml_job:
        case, text = "not-ml-ok", None
    elif ctx.plan_b and (kind := plan_b_kind(title, company, skills)):
        case, text = "plan-b", f"plan B: {kind}, close to ML"
    else:
        case, text = "not-ml", None
    w = _TABLE[("ml", case)]
    return Reason("ml", w.points, text or w.text)


def size_reason(size_band: str | None, fit: RankingFit) -> Reason | None:
    w = _TABLE.get(("size", f"{fit.size_group}/{size_band}"))
    return Reason("size", w.points, w.text) if w else None


def competition_reason(group: str, company: str | None, fit: RankingFit) -> Reason:
    """`group`: where it was posted ("hn", "direct", "aggregator", "file")."""
    where = _TABLE[("competition", group)]
    if not is_famous(company):
        return Reason("competition", where.points, where.text)
    if fit.famous_target:
        w = _TABLE[("competition", "famous-target")]
        return Reason("competition", w.points + where.points, f"{w.text}, {where.text}")
    w = _TABLE[("competition", "famous")]
    return Reason("competition", w.points + min(0, where.points), f"{w.text}, {where.text}")


_SKILL_CASES = ("api", "link", "self", "profile")
_SKILL_WORDS = {"api": "verified", "link": "linked", "self": "self-reported", "profile": "profile"}


def skills_reason(skills: Iterable[str], cases: Mapping[str, str]) -> Reason | None:
    hits: dict[str, list[str]] = {}
    for skill in skills:
        case = cases.get(skill)
        if case is not None:
            hits.setdefault(case, []).append(skill)
    if not hits:
        return None
    points = sum(_TABLE[("skills", c)].points * len(names) for c, names in hits.items())
    points = min(points, _TABLE[("skills", "cap")].points)
    parts = [f"{_SKILL_WORDS[c]}: {', '.join(hits[c])}" for c in _SKILL_CASES if c in hits]
    return Reason("skills", points, "you show skills it asks for (" + "; ".join(parts) + ")")


def freshness_reason(seen: dt.date | None, today: dt.date) -> Reason | None:
    if seen is None:
        return None
    days = (today - seen).days
    for limit, case in FRESHNESS_DAYS:
        if days <= limit:
            w = _TABLE[("freshness", case)]
            return Reason("freshness", w.points, f"{w.text} ({plural(max(days, 0), 'day')} ago)")
    w = _TABLE[("freshness", "old")]
    return Reason("freshness", w.points, f"posted {days} days ago: likely filled or stale")


# Fast path: `Scorer` reads rows (tuples) by their column names, resolved to positions once per
# ranking. Unprocessed values are fine: `skills` may be the stored JSON text, `ml` 0/1, the dates
# ISO strings (as SQLite returns them).
_NO_POINTS = 0


def _points(reason: Reason | None) -> int:
    return reason.points if reason is not None else _NO_POINTS


class Scorer:
    """The same factors as `score_posting`, totals only, memoised per distinct input.

    Many postings share a degree label, a source, a company, a skills list or a day, so each
    factor is computed once per distinct value: ranking 100,000 postings costs little more than
    reading them. `columns` names the columns of the rows `total` gets, in their order; they
    hold every one of FACT_FIELDS.
    """

    def __init__(self, ctx: RankContext, columns: Sequence[str]) -> None:
        self.ctx = ctx
        self.facts = _picker(columns, FACT_FIELDS)
        self.fixed: dict[tuple[Any, ...], int] = {}
        self.ml: dict[Any, int] = {}
        self.competition: dict[str, dict[str | None, int]] = {}
        self.skills: dict[Any, int] = {}
        self.seen: dict[Any, int] = {}
        learner = sorted(ctx.skills.cases)
        self.needles = [(s, json.dumps(s)) for s in learner]
        self.ml_needles = [(s, json.dumps(s)) for s in sorted(ML_SKILLS)]
        self.plan_b = ctx.plan_b and ctx.fit.ml_job

    def total(self, row: Sequence[Any]) -> int:
        # In FACT_FIELDS order (the test that checks against score_posting shuffles columns).
        source, company, title, degree, seniority, years, ml, clear, skills, size, posted, first = (
            self.facts(row)
        )
        key = (degree, seniority, years, size)
        fixed = self.fixed.get(key)
        if fixed is None:
            fixed = self.fixed[key] = self._fixed(*key)
        return (
            fixed
            + self._ml(ml, clear, title, company, skills)
            + self._competition(source, company)
            + self._skills(skills)
            + self._seen(posted or first)
        )

    def _fixed(self, degree: Any, seniority: Any, years: Any, size: Any) -> int:
        ctx = self.ctx
        found = (
            degree_reason(degree),
            seniority_reason(seniority, ctx.stage, ctx.fit),
            years_reason(years, ctx.fit),
            size_reason(size, ctx.fit),
        )
        return BASE + sum(_points(r) for r in found)

    def _ml(self, ml: Any, clear: Any, title: str | None, company: str | None, skills: Any) -> int:
        ml = None if ml is None else bool(ml)
        clear = None if clear is None else bool(clear)
        key: Any = (ml, clear)
        if (
            ml is False and clear is not False and self.plan_b
        ):  # plan B reads title, company, skills
            key = (title, company, skills if isinstance(skills, str) else tuple(skills or ()))
        points = self.ml.get(key)
        if points is None:
            names = self._names(skills, self.ml_needles)
            reason = ml_reason(ml, title, company, names, self.ctx, clear)
            points = self.ml[key] = _points(reason)
        return points

    def _competition(self, source: str, company: str | None) -> int:
        by_company = self.competition.get(source)
        if by_company is None:
            by_company = self.competition[source] = {}
        points = by_company.get(company)
        if points is None:
            group = self.ctx.source_group(source)
            reason = competition_reason(group, company, self.ctx.fit)
            points = by_company[company] = reason.points
        return points

    def _skills(self, skills: Any) -> int:
        if not self.needles or not skills:
            return 0
        key = skills if isinstance(skills, str) else tuple(skills)
        points = self.skills.get(key)
        if points is None:
            names = self._names(skills, self.needles)
            points = self.skills[key] = _points(skills_reason(names, self.ctx.skills.cases))
        return points

    def _seen(self, seen: Any) -> int:
        if seen is None:
            return 0
        key = seen[:10] if isinstance(seen, str) else seen
        points = self.seen.get(key)
        if points is None:
            day = dt.date.fromisoformat(key) if isinstance(key, str) else _as_date(key)
            points = self.seen[key] = _points(freshness_reason(day, self.ctx.today))
        return points

    @staticmethod
    def _names(skills: Any, needles: list[tuple[str, str]]) -> list[str]:
        """Which of the needle skills a posting lists (its JSON text or a list)."""
        if not skills:
            return []
        if isinstance(skills, str):
            return [name for name, needle in needles if needle in skills]
        listed = set(skills)
        return [name for name, _ in needles if name in listed]


def _picker(columns: Sequence[str], names: Sequence[str]) -> Callable[[Sequence[Any]], Any]:
    """A function giving a row's values of `names`, in that order, by the row's column names."""
    from operator import itemgetter

    missing = [n for n in names if n not in columns]
    if missing:
        raise ValueError(f"rows lack the column(s) ranking reads: {', '.join(missing)}")
    return itemgetter(*(list(columns).index(n) for n in names))


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def top_totals(
    rows: Iterable[Sequence[Any]], columns: Sequence[str], ctx: RankContext, limit: int | None
) -> list[tuple[int, int]]:
    """(total, id) of the best `limit` rows (every row, best first, when `limit` is None), whose
    columns are named `columns` ("id" and every one of FACT_FIELDS, any order); ties go to the
    lower id."""
    import heapq

    total = Scorer(ctx, columns).total
    at = _picker(columns, ("id",))
    pairs = ((total(row), -at(row)) for row in rows)
    best = sorted(pairs, reverse=True) if limit is None else heapq.nlargest(limit, pairs)
    return [(points, -neg_id) for points, neg_id in best]


def rank(
    postings: Iterable[PostingFacts], ctx: RankContext, limit: int | None = None
) -> list[tuple[PostingFacts, Scored]]:
    """Score postings in full (with reasons) and return the best first; ties: lower id first."""
    scored = [(p, score_posting(p, ctx)) for p in postings]
    scored.sort(key=lambda pair: (-pair[1].total, int(getattr(pair[0], "id", 0) or 0)))
    return scored if limit is None else scored[:limit]


def weights_table() -> list[dict[str, Any]]:
    """The weights as rows for `--explain-weights`."""
    return [
        {
            "factor": w.factor,
            "case": w.case,
            "points": w.points,
            "text": w.text,
            "rationale": w.rationale,
        }
        for w in WEIGHTS
    ]
