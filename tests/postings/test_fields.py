"""Years, seniority, ML, skills, salary and remote: the hard cases, on hand-made postings."""

from __future__ import annotations

import pytest

from hireable.postings.analyse import analyse
from hireable.postings.ml import THRESHOLD, analyse_ml, rules_ml, score_ml
from hireable.postings.salary import find_salary
from hireable.postings.segment import make_doc
from hireable.postings.skills import find_skills


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("- 3+ years of experience with Python", 3),
        ("- 2-4 years of professional experience", 2),
        ("- Five (5) years of relevant experience", 5),
        ("- At least 2 years of industry experience", 2),
        # Requirements that apply together: the largest.
        ("- 3+ years of SQL experience\n- 5+ years of experience in analytics", 5),
        # Alternative paths: the easiest.
        ("- PhD plus 2 years of experience, or MS plus 5 years of experience", 2),
        (
            "- Seven or more years of experience with a bachelor's degree, or three or more years "
            "of experience with a PhD",
            3,
        ),
        (
            "- Bachelor's plus 7 years of experience, Master's plus 5 years of experience, or "
            "PhD plus 3 years of experience",
            3,
        ),
        # Years stated only as preferred do not count.
        ("- 3+ years of experience preferred", None),
        ("Nice to have\n- 5+ years of experience with Spark", None),
        ("- 2+ years of experience with SQL — more experience preferred", 2),
        ("- 3+ years of experience, preferably in fintech", 3),
        ("- 7+ years of programming experience ideally in C++ and/or Python", 7),
        ("- 4+ years of experience, ideally with Spark", 4),
        ("- Ideally, 3+ years of experience with Spark", None),
        ("Requirements\n- Recent college grads, or preferred 2+ years of experience\n- SQL", None),
        ("- Degree in statistics preferred 2 years of experience in BI", 2),  # glued items
        # A softener after a second count is that count's; alternatives share theirs.
        ("- Minimum 3 years, 5+ years preferred, of experience in analytics", 3),
        ("- 2+ years of experience in SQL, 4+ years of Python a plus", 2),
        ("- BS with 8 years of experience or MS with 6 years of experience preferred", None),
        # "Preferred requirements" glued after the count heads the next list: no softener.
        (
            "Requirements Minimum 1-2 years of experience building forecasts for retail "
            "clients and coding in Go, Rust or Scala at our Oslo office Preferred Requirements "
            "A doctorate",  # (the clause window ends inside "Requirements")
            1,
        ),
        # Not experience: company history, ages.
        ("Founded 25 years ago, we have been in business for over 10 years.", None),
        ("Drawing on over 40 years of experience, Acme leads its market.", None),
        ("Named a Top Workplace by the survey for the last four years.", None),
        # Glued bullets.
        ("QualificationsBachelor's degree in Math2+ years of experience in analytics", 2),
        ("Who You Are3+ years of work in pricing analytics", 3),  # "Are3" is glued
        # Degree paths listed without an "or": each count follows its own degree.
        ("- BS + 7 years, MS + 5 years, PhD + 2 years of work in retail pricing", 2),
        ("- BS or MS and 3 years of Python and 5 years of SQL experience", 5),
        ("- Minimum four (4) - six (6) years of work in claims analytics", 4),
        ("- 2~4 years of work in claims analytics", 2),
        ("- Two to four (2-4) years in a claims analytics team", 2),
        # A softened item glued before the count's own ("Minimum", "At least") is another item.
        ("Graduate degree preferred Minimum 3 years of work in supply planning", 3),
        ("Preferred: Minimum 3 years of experience in SQL", None),
        ("Our Ask0 to 2 years of work in logistics planning", 0),
        ("- BA in finance or similar preferred 5+ years payroll experience in retail", 5),
        # A count its own clause calls required stays one under a soft heading.
        ("Preferred education & experience:\n- 10+ years of work experience required.", 10),
        ("Preferred education & experience:\n- 10+ years of work experience.", None),
        # "Preferred location" is no soft heading: the requirements under it stay required.
        ("Preferred location: Charlotte\n- 6+ years of experience in compliance", 6),
        ("- Minimum 5-7 years of business intelligence analytics", 5),
        ("- Minimum 2 years within an analyst role", 2),
        ("- 3+ years at a consulting firm", 3),
        # A bullet that says what was done those years is experience too.
        ("Requirements\n- 4+ years performing statistical analysis", 4),
        ("- 4-6 years as an individual contributor on a data team", 4),
        ("- 3+ years performing data analysis\n- 5+ years managing analysts", 5),
        ("- 3 years in a row voted a great place to work", None),  # history, not experience
        ("Our staff named us a top workplace in Ohio for six years.\n- 2+ years of SQL", 2),
        ("We have won the regional Best Places to Work award for 7 years running.", None),
        ("Perks: a sabbatical for people who are with us 4 years or more.", None),  # tenure
        ("Tessel was founded by two nurses with 15+ years of ward experience.", None),
        # Years a degree path adds, with or without the word "experience"; the easiest path.
        ("- Master's degree in Geology plus 6 years mapping coastal sediment", 6),
        ("- BS plus 9 years, MS plus 6 years, or PhD plus 3 years", 3),
        ("- Bachelor's degree and 5 years in audit.\nOR Experience: Audit work: 8+ years.", 5),
        # A count opening a line, then a colon and the skills: a requirement.
        ("Stack we need:\n3+ years: Kotlin, SQL\n1+ years: Terraform", 3),
        # "YOE" is "years of experience".
        ("We're looking for experienced backend engineers (5+ YOE) who like Elixir.", 5),
        ("Our founders have 20 YOE between them.", None),
        # A preferred degree is no path of its own: years in its (glued) bullet add to the
        # required path's instead of offering an easier one.
        (
            "- Master's degree required, 7+ years of work experience in data science\n"
            "- 3+ years of experience running a team of data scientists Deep grasp of "
            "statistics, modelling and the methods of data science Comfort with "
            "charts and dashboards Preferred: Ph.D in a related field",
            7,
        ),  # fmt: skip
    ],
)
def test_years(text: str, years: int | None) -> None:
    assert analyse(text)["years_min"] == years


def test_years_as_a_form_field() -> None:
    form = "Job Title\nML Engineer\nRelevant Experience (in yrs)\n6+\nSkills\nPython, Spark"
    assert analyse(form)["years_min"] == 6
    assert analyse("Years of experience: 3-5\nLocation: Austin")["years_min"] == 3
    assert analyse("Preferred\nYears of experience: 8\n")["years_min"] is None  # soft heading
    assert analyse("Years of experience with Go matter less than curiosity.")["years_min"] is None


@pytest.mark.parametrize(
    ("title", "text", "seniority"),
    [
        ("Data Science Intern", "- 5+ years of experience", "intern"),
        ("Senior Data Scientist", "- 2+ years of experience", "senior"),
        ("Lead Data Analyst", "", "senior"),
        ("Associate Director of Analytics", "", "senior"),
        ("Engineering Managers, Platform", "", "senior"),  # a comment's roles, in the plural
        ("Tech Leads (Rust)", "", "senior"),
        ("Junior Data Analyst", "", "entry"),
        ("Data Analyst I", "", "entry"),
        ("Data Scientist II", "", "mid"),
        # Company ladders in digits: "L5" and rung 3+ are senior.
        ("ML Engineer (L5) - Ads Platform", "", "senior"),
        ("Data Scientist 3 - 23502", "", "senior"),
        ("Data Support Analyst - 1", "", "entry"),  # a rung after a dash
        ("Platform Engineer – 2", "", "mid"),
        ("Data Analyst 2", "", "mid"),
        ("Data Scientist 1: Translational Programs", "", "entry"),
        ("3D Graphics Engineer", "", "mid"),
        # Levels offered as alternatives: the easiest path, as for years.
        ("Credit Risk Analyst, Associate/AVP", "", "entry"),
        ("Data Analyst I/II", "", "entry"),
        ("Senior Data Scientist/Engineer", "", "senior"),
        # ... and a range of levels: its lower end.
        ("Junior to Senior Backend Developers", "", "entry"),
        ("Mid-Senior Unity Developer", "", "mid"),
        ("Junior & Senior Rails Developers", "", "entry"),  # offered at both levels
        ("(Senior) Android Developer", "", "mid"),  # the senior level is optional
        ("Non-technical CEO", "", "senior"),
        ("Founding CTO", "", "senior"),
        ("Senior / Firmware Engineer", "", "mid"),
        ("Senior/Staff Firmware Engineer", "", "senior"),
        ("Junior .. Senior Elixir developer", "", "entry"),
        ("Mid. or Sr. Backend Engineer", "", "mid"),
        # An internship offered beside the full-time role is no level of the role.
        ("Vision Researcher (Full-time / Intern)", "", "mid"),
        ("Applied Scientist (Internship or Full Time)", "", "mid"),
        ("Research Intern (Summer)", "", "intern"),
        # A silent title: the years decide (titles that say nothing, text that does).
        ("Data Scientist", "- 7+ years of experience building models", "senior"),
        ("Data Analyst", "- 1+ years of experience with SQL", "entry"),
        ("Data Analyst", "- 3 years of experience with SQL", "mid"),
        ("Data Analyst", "This is an entry-level role for recent graduates.", "entry"),
        ("Data Analyst", "Join our team.", "mid"),
        ("Data Scientist", "You will mentor junior data scientists.", "mid"),
        (None, "We offer a paid internship for students this summer.", "intern"),
    ],
)
def test_seniority(title: str | None, text: str, seniority: str) -> None:
    assert analyse(text, title)["seniority"] == seniority


MODELLING = (
    "You will build and deploy machine learning models for fraud detection.\n"
    "- Train classification and regression models in Python with scikit-learn\n"
    "- Feature engineering on large data sets\n"
    "- Experience with TensorFlow or PyTorch"
)
ANALYTICS_ONE_ML_MENTION = (
    "You will build dashboards in Tableau and write SQL reports for the business.\n"
    "- Own weekly KPI reporting\n"
    "- Ad hoc analysis in Excel\n"
    "- Exposure to machine learning is a plus"
)


@pytest.mark.parametrize(
    ("title", "text", "ml"),
    [
        ("Machine Learning Engineer", "Build our platform.", True),
        ("Data Scientist", MODELLING, True),
        ("Software Engineer", MODELLING, True),
        # Analytics roles that mention ML once stay analytics.
        ("Data Analyst", ANALYTICS_ONE_ML_MENTION, False),
        # A title that disagrees with the text: a "data scientist" doing only reporting.
        (
            "Data Scientist",
            "Build dashboards in Tableau; own KPI reporting and Excel models.",
            False,
        ),
        ("Senior Scientist, Toxicology", "Run assays and write study reports.", False),
        # Duties that build classifiers and prediction systems are modelling, whatever the words.
        (
            "Data Scientist / Root Cause Engineer",
            "Write reports and present results.\n- Build prediction systems for our products\n"
            "- Select features and optimize classifiers\n- Create anomaly detection systems\n"
            "- Prepare ad hoc reports\n- Track KPIs in dashboards",
            True,
        ),
        # Evaluating models is modelling work (GUIDELINES), as building them is.
        ("Data Scientist", "You will evaluate competing demand models.", True),
        ("Data Scientist", "You will write the quarterly plan.", False),
        # Creating models is building them.
        ("Data Scientist", "Create models to flag fraudulent orders.", True),
        ("Data Scientist", "You will create dashboards for the sales team.", False),
    ],
)
def test_ml(title: str, text: str, ml: bool) -> None:
    assert analyse(text, title)["ml"] is ml


DIRECTING_ML = (
    "You will lead our machine learning strategy and manage a team of data scientists.\n"
    "- Own the AI roadmap and budgets for deep learning projects\n"
    "- Represent us at NLP conferences\n- Oversee computer vision and predictive models\n"
    "- Mentor our ML engineers\n- Partner with product on recommendation systems"
)


def test_an_executive_directing_ml_is_no_hands_on_role_unless_the_text_says_so() -> None:
    directing = analyse(DIRECTING_ML, "Director of Machine Learning")
    assert directing["ml"] is False and directing["ml_clear"] is False  # read it
    hands_on = analyse(DIRECTING_ML + "\n- Stay hands-on: you will train models yourself", "VP, AI")
    assert hands_on["ml"] is True
    assert analyse(DIRECTING_ML, "Machine Learning Engineer")["ml"] is True


def test_the_ml_score_parts_add_up_to_the_rules_decision() -> None:
    # `score_ml` exposes what the rules decide from (for experiments such as
    # benchmarks/train_ml_judge.py); `rules_ml` turns it into the same decision as `analyse_ml`.
    text = (
        "You will train forecasting models in PyTorch.\n- Deploy the models to production\n"
        "- Build Tableau dashboards\n- Integrate the OpenAI API into our support tool"
    )
    doc = make_doc(text)
    score = score_ml("Data Analyst", doc)
    assert (score.title, score.ml, score.analytics, score.api) == (-2.0, 2, 1, 1)
    assert score.total == pytest.approx(-2.0 + 2 - 0.25 - 1)
    assert not score.vetoed and score.span is not None
    assert rules_ml(score) == analyse_ml("Data Analyst", doc)
    assert rules_ml(score).ml is False
    directing = score_ml("Director of Machine Learning", make_doc(DIRECTING_ML))
    assert directing.vetoed and directing.total >= THRESHOLD
    assert rules_ml(directing).ml is False and rules_ml(directing).clear is False


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Python/R, SQL", True),
        ("Stats in R.", True),
        ("(R) or SAS", True),
        ("Python or R programming", True),
        ("You know RStudio well", True),
        ("R, Python", False),  # no R needle: the list must lead into the letter
        ("Our R&D team; R & D budget", False),
        ("Grade: R", False),
    ],
)
def test_r_is_the_language_only_standing_alone_in_a_list(text: str, named: bool) -> None:
    doc = make_doc(text)
    assert ("r" in find_skills(doc.lower, doc.words())) is named
    assert ("r" in find_skills(doc.lower)) is named  # the same without the shared word scan


def test_ml_evidence_quotes_a_modelling_sentence() -> None:
    evidence = analyse(MODELLING, "Software Engineer")["evidence"]["ml"]
    assert evidence and evidence in MODELLING


def test_skills_are_canonical_and_whole_words() -> None:
    text = "Python, R and SQL (PostgreSQL); scikit-learn, TensorFlow; Power BI. R&D team. Teams."
    assert analyse(text)["skills"] == [
        "python", "r", "sql", "scikit-learn", "tensorflow", "power bi"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "salary"),
    [
        (
            "Pay: $120,000 - $150,000 a year",
            {"min": 120000, "max": 150000, "currency": "USD", "interval": "year"},
        ),
        ("$45/hour", {"min": 45, "max": 45, "currency": "USD", "interval": "hour"}),
        ("Salary $90K-$110K", {"min": 90000, "max": 110000, "currency": "USD", "interval": "year"}),
        (
            "Compensation: CA$95,000 - CA$120,000 per year.",
            {"min": 95000, "max": 120000, "currency": "CAD", "interval": "year"},
        ),
        ("A$100k - A$120k", {"min": 100000, "max": 120000, "currency": "AUD", "interval": "year"}),
        ("We raised $20 million and sell $5 widgets.", None),
        ("No pay stated.", None),
        # A currency code counts where it starts a word, not inside one.
        (
            "Salary: USD 100,000 - 120,000",
            {"min": 100000, "max": 120000, "currency": "USD", "interval": "year"},
        ),
        ("(EUR 60k-70k)", {"min": 60000, "max": 70000, "currency": "EUR", "interval": "year"}),
        ("You will flag fraud 5-10 times a day.", None),
        ("Act as an entrepreneur 2-3 days a week.", None),
    ],
)
def test_salary(text: str, salary: dict[str, object] | None) -> None:
    assert analyse(text)["salary"] == salary


def test_salary_without_the_shared_word_scan_reads_codes_the_same_way() -> None:
    # The header parser calls find_salary on its own: it must not read codes inside words.
    assert find_salary("fraud 5-10 times") is None
    assert find_salary("pay: usd 90k-100k") == {
        "min": 90000, "max": 100000, "currency": "USD", "interval": "year"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("title", "text", "remote"),
    [
        ("Data Scientist", "This is a fully remote position.", True),
        ("Data Scientist (Remote)", "Join us.", True),
        ("Data Analyst", "This role is not remote; local candidates only.", False),
        ("Data Analyst", "Our office is in Boston.", None),
    ],
)
def test_remote(title: str, text: str, remote: bool | None) -> None:
    assert analyse(text, title)["remote"] is remote


def test_output_shape_is_stable() -> None:
    result = analyse("<p>Hello</p>")
    assert set(result) == {"degree", "degree_level", "seniority", "years_min", "ml", "ml_clear",
                           "degree_clear", "remote",
                           "salary", "skills", "evidence"}  # fmt: skip
    assert set(result["evidence"]) == {"degree", "seniority", "years_min", "ml"}
    assert analyse("<p>Hello</p>") == result  # deterministic


def test_word_start_gate_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed gate (skip keywords no word starts with) must never change an analysis."""
    from hireable.postings import segment

    texts = [
        MODELLING,
        ANALYTICS_ONE_ML_MENTION,
        "Python, R.Cloud tools (SQL, R)analysis; BS/MS in CS; fully remote; $90K-$110K",
        "QualificationsBachelor's degree in Math2+ years of experience; c++ and node.js",
    ]
    gated = [analyse(t, "Data Scientist") for t in texts]
    monkeypatch.setattr(segment.Doc, "words", lambda self: self.word_starts())
    assert [analyse(t, "Data Scientist") for t in texts] == gated
    monkeypatch.setattr(segment.Doc, "words", lambda self: None)
    assert [analyse(t, "Data Scientist") for t in texts] == gated
