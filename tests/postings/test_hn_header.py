"""The header grammar of "Who is hiring?" comments, and judging a comment for its ML role.
Every header here is made up."""

from __future__ import annotations

import pytest

from hireable.postings.analyse import analyse, comment_roles
from hireable.postings.hn_header import (
    body_roles,
    choose_role,
    head_noun,
    header_line,
    hired_roles,
    list_roles,
    parse_header,
    sentence_roles,
    split_parts,
)
from hireable.postings.ml import leans_ml, names_ml

USD_150_200 = {"min": 150000, "max": 200000, "currency": "USD", "interval": "year"}

# (header, company, roles, location, remote, salary)
HEADERS = [
    (
        "Acme Robotics | Sr Backend Engineers | Remote",
        "Acme Robotics", ("Sr Backend Engineers",), None, True, None,
    ),
    (
        "Pinecrest | ML Engineer, Backend Engineer, Designer | Berlin | ONSITE | $150k-$200k",
        "Pinecrest", ("ML Engineer", "Backend Engineer", "Designer"), "Berlin", False, USD_150_200,
    ),
    (
        "Foo Labs | Lisbon (Hybrid | 2 days) | Senior/Staff Data Scientist | Full-time",
        "Foo Labs", ("Senior/Staff Data Scientist",), "Lisbon", False, None,
    ),
    (
        "Quill (quill.example) | 120-150K EUR | Founding Engineer | REMOTE (EU)",
        "Quill", ("Founding Engineer",), "EU", True,
        {"min": 120000, "max": 150000, "currency": "EUR", "interval": "year"},
    ),
    (
        "Zed.ai | Full-Time | NYC or Remote | Software Engineers (C++ / Rust) | $180K + equity",
        "Zed.ai", ("Software Engineers (C++ / Rust)",), "NYC", True,
        {"min": 180000, "max": 180000, "currency": "USD", "interval": "year"},
    ),
    (
        "Gridline | Hybrid | Toronto, ON | Founding Engineer & Chief of Staff | Visa sponsorship",
        "Gridline", ("Founding Engineer", "Chief of Staff"), "Toronto, ON", False, None,
    ),
    (
        "https://bluefin.example | Hiring: AI Engineer | San Diego, CA",
        "https://bluefin.example", ("AI Engineer",), "San Diego, CA", None, None,
    ),
    # A long list of roles is still roles, however many words it has.
    (
        "Northwind (northwind.example) | Director of Data, ML Researcher, Platform Engineer, "
        "UX Designer, Support Engineer | REMOTE",
        "Northwind", ("Director of Data", "ML Researcher", "Platform Engineer",
                      "UX Designer", "Support Engineer"), None, True, None,
    ),
    # Salary forms: the "k" of the second amount is the first's too; currency before or after.
    (
        "Finch | $150-200k + equity | Founding Engineer | San Francisco",
        "Finch", ("Founding Engineer",), "San Francisco", None, USD_150_200,
    ),
    (
        "Tern | ML Engineer | 150k–200k USD | REMOTE",
        "Tern", ("ML Engineer",), None, True, USD_150_200,
    ),
    (
        "Kestrel | Staff Engineer | Remote (US) | €80K+",
        "Kestrel", ("Staff Engineer",), "US", True,
        {"min": 80000, "max": 80000, "currency": "EUR", "interval": "year"},
    ),
    (
        "Lumen | Data Engineer | USD 140-180K | ONSITE (NYC)",
        "Lumen", ("Data Engineer",), "NYC", False,
        {"min": 140000, "max": 180000, "currency": "USD", "interval": "year"},
    ),
    (
        "Orbit | CHF 120k-150k | Zurich | Hybrid | Platform Engineer",
        "Orbit", ("Platform Engineer",), "Zurich", False,
        {"min": 120000, "max": 150000, "currency": "CHF", "interval": "year"},
    ),
    # The roles first, then the company; an area after a role is no company.
    (
        "Motion Planning and Controls Engineers | Tidewater | Oslo | ONSITE",
        "Tidewater", ("Motion Planning and Controls Engineers",), "Oslo", False, None,
    ),
    (
        "Platform Engineer | Backend | Remote",
        "Platform Engineer", (), None, True, None,
    ),
    # "Ruby on Rails" is a stack, not "on" a qualifier; "engineer(s)" is a job noun.
    (
        "Hollin | Senior Ruby on Rails Developer | Remote (UK)",
        "Hollin", ("Senior Ruby on Rails Developer",), "UK", True, None,
    ),
    (
        "Pell | Backend engineer(s) | Oslo",
        "Pell", ("Backend engineer(s)",), "Oslo", None, None,
    ),
    # A shared noun keeps a list of areas whole.
    (
        "Quoin | Senior Backend, ML, AI Research Engineers | Denver",
        "Quoin", ("Senior Backend, ML, AI Research Engineers",), "Denver", None, None,
    ),
    (
        "Ferrule | Remote | Python Developer/ Erlang Team Lead/ Project Manager",
        "Ferrule", ("Python Developer", "Erlang Team Lead", "Project Manager"), None, True, None,
    ),
    # Dashes for "|" (none inside parentheses), where the line has no "|".
    (
        "Wicket (wicket.example) - Senior SDE (Go - Rust) - Boston, MA - Full-time, onsite",
        "Wicket", ("Senior SDE (Go - Rust)",), "Boston, MA", False, None,
    ),
    (
        "Wicket Labs - Sr. Backend Engineer - Staff Data Engineer - Sr. SRE",
        "Wicket Labs", ("Sr. Backend Engineer", "Staff Data Engineer", "Sr. SRE"), None, None,
        None,
    ),
    # A list's tail that names no role, and a lead-in verb without its colon.
    (
        "Heron | NLU Engineers & other roles | Austin, TX",
        "Heron", ("NLU Engineers",), "Austin, TX", None, None,
    ),
    (
        "Larkspur | Trading firm hiring Quant Researchers, Web Developers and SREs | London",
        "Larkspur", ("Quant Researchers", "Web Developers", "SREs"), "London", None, None,
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "company", "roles", "location", "remote", "salary"), HEADERS)
def test_header_grammar(line, company, roles, location, remote, salary) -> None:
    header = parse_header(line)
    assert header.piped
    assert (header.company, header.roles, header.location) == (company, roles, location)
    assert (header.remote, header.salary) == (remote, salary)


def test_pipes_inside_parentheses_do_not_separate() -> None:
    assert split_parts("A | Paris (Remote | EU) | Dev") == ["A", "Paris (Remote | EU)", "Dev"]


def test_a_sentence_with_dashes_is_no_header() -> None:
    assert not parse_header("We are hiring - come and meet us - it is fun").piped
    assert not parse_header("Wicket (YC W20) - Boston - onsite").roles  # no role named


def test_a_sentence_is_no_header() -> None:
    header = parse_header("Bluefin has a handful of roles to fill this spring:")
    assert not header.piped and header.roles == () and header.company is None


def test_body_role_lines_are_names_not_sentences() -> None:
    lines = [
        "We build tools for farmers.",
        "* Senior Data Engineer - https://jobs.example/1",
        "- Applied ML Scientist | Remote | https://jobs.example/2",
        "+ Staff Data Engineer (Rust)",
        "Our engineers care about testing, and we pair a lot on hard problems every week.",
    ]
    assert body_roles(lines) == [
        "Senior Data Engineer",
        "Applied ML Scientist",
        "Staff Data Engineer (Rust)",
    ]


def test_a_link_after_a_role_line_leaves_it_a_role() -> None:
    lines = [
        "Senior Machine Learning Engineer (https://careers.example/jobs/senior-ml-engineer.html)",
        "Machine Learning Engineer: https://boards.example/jobs/4011681006?gh_jid=4011681006...",
        "Full Stack: https://boards.example/jobs/4013846006",  # an area, no job named
    ]
    assert body_roles(lines) == ["Senior Machine Learning Engineer", "Machine Learning Engineer"]


def test_ml_roles_named_in_hiring_sentences() -> None:
    lines = [
        "We're hiring founding MLEs & a mobile engineer for the Lisbon office.",
        "We are seeking an ML Developer Advocate who enjoys writing tutorials.",
        "You will be looking for ways to work with our data scientists.",
        "We are also hiring two senior data scientists.",
    ]
    assert sentence_roles(lines) == [
        "founding MLEs",
        "ML Developer Advocate",
        "senior data scientists",
    ]
    assert names_ml("founding MLEs") and not names_ml("ML Developer Advocate")


def test_the_ml_role_is_chosen_else_the_first() -> None:
    assert choose_role(["Designer", "ML Engineer"], names_ml) == "ML Engineer"
    assert choose_role(["Designer", "Backend Engineer"], names_ml) == "Designer"
    assert choose_role([], names_ml) is None
    assert not names_ml("Head of AI")  # a leader directs ML rather than builds it


def test_a_data_scientist_is_chosen_when_no_role_names_ml() -> None:
    roles = ["Software Engineers", "Data Scientists", "ML Engineer"]
    assert choose_role(roles, names_ml, leans_ml) == "ML Engineer"
    assert choose_role(roles[:2], names_ml, leans_ml) == "Data Scientists"
    assert choose_role(["Software Engineers", "Quant Researcher"], names_ml, leans_ml) == (
        "Software Engineers"
    )
    assert not names_ml("Data Scientists") and leans_ml("Data Scientists")
    assert not leans_ml("Data Science Manager")


COMMENT = (
    "Pinecrest | Senior Frontend Engineer, Machine Learning Engineer | Remote (US) | Full-time\n\n"
    "Pinecrest helps bakeries plan their ovens.\n\n"
    "As our machine learning engineer you will train and evaluate forecasting models in PyTorch "
    "and deploy them.\n\n"
    "Email jobs@pinecrest.example"
)


def test_a_multi_role_comment_is_judged_for_its_ml_role() -> None:
    first_line = COMMENT.split("\n", 1)[0]
    result = analyse(COMMENT, first_line)
    assert result["ml"] is True
    assert result["seniority"] == "mid"  # the ML role's level, not the Senior frontend role's
    assert analyse(COMMENT, None)["ml"] is True  # the header is read from the first line too


def test_ai_in_the_company_name_does_not_make_a_role_ml() -> None:
    text = (
        "Tallow.ai | Backend Engineer | Remote\n\n"
        "Tallow.ai is an AI-powered platform for machine learning teams.\n\n"
        "You will build our billing service in Go and keep Postgres fast."
    )
    assert analyse(text, text.split("\n", 1)[0])["ml"] is False


def test_founding_and_sr_in_headers_set_the_level() -> None:
    body = "\n\nWe make invoices simple."
    assert (
        analyse("Kiln | Founding Engineer | NYC" + body, "Kiln | Founding Engineer | NYC")[
            "seniority"
        ]
        == "mid"
    )
    assert (
        analyse("Kiln | Sr Engineer | NYC" + body, "Kiln | Sr Engineer | NYC")["seniority"]
        == "senior"
    )


def test_a_job_title_is_not_read_as_a_header() -> None:
    text = "Data Analyst\n\nBuild dashboards in Tableau."
    assert analyse(text, "Data Analyst")["ml"] is False


def test_a_cue_inside_a_link_is_no_modelling_work() -> None:
    text = (
        "Quillon | Backend Engineer | Remote\n\n"
        "You will keep our billing service fast.\n\n"
        "Read our blog at https://quillon-ml.example/blog\n\n"
        "Docs: docs.quillon.ai\n\n"
        "Apply at https://www.quillon-ml.example/jobs/ml-platform"
    )
    assert analyse(text, text.split("\n", 1)[0])["ml"] is False


def test_a_stack_in_parentheses_does_not_make_a_role_line_a_sentence() -> None:
    lines = ["Platform, Senior and Staff Engineers (Go, Rust, Python, computer vision) - £90k"]
    assert body_roles(lines) == lines
    header = parse_header("Lumen | Frontend, ML and Backend engineering roles | Oslo")
    assert header.roles == ("Frontend, ML and Backend engineering roles",)
    assert names_ml(header.roles[0])  # the header names an ML role among its roles
    assert body_roles(["- Computer vision experts for our mapping team"]) == [
        "Computer vision experts for our mapping team"
    ]


def test_roles_listed_after_a_lead_in_are_roles() -> None:
    lines = [
        "We grow rice with drones.",
        "Two open positions: mobile/frontend; vision/backend.",
        "Open roles: AI Engineer, Office Manager, Design",
        "We have three positions open:",
        "- Data platform (Spark, Kafka)",
        "Firmware",
        "https://jobs.example/42",
        "What we offer:",
        "- Free lunch",
    ]
    assert list_roles(lines, "Sr Engineer") == [
        "Sr Engineer (mobile/frontend)",
        "Sr Engineer (vision/backend)",
        "AI Engineer",
        "Office Manager",
        "Sr Engineer (Design)",
        "Sr Engineer (Data platform (Spark, Kafka))",
        "Sr Engineer (Firmware)",
    ]
    assert list_roles(lines) == ["AI Engineer", "Office Manager"]  # no role to qualify areas
    sentence = "We are hiring for these roles: you will love the team spirit we built over years."
    assert list_roles([sentence]) == []
    assert list_roles(["We're hiring: if you like ML, write to us"], "Engineer") == []
    assert list_roles(["Open roles include: Data, ML"], "Engineer") == [
        "Engineer (Data)",
        "Engineer (ML)",
    ]


def test_an_ml_area_listed_under_the_header_role_makes_the_comment_ml() -> None:
    text = (
        "Fieldwise | Sr Software Engineer | Remote | Europe\n\n"
        "We have two open positions: mobile/frontend; ML/platform.\n\n"
        "Fieldwise prices weather risk for farmers."
    )
    result = analyse(text, text.split("\n", 1)[0])
    assert result["ml"] is True and result["seniority"] == "senior"


def test_people_of_an_ml_field_named_in_a_hiring_sentence() -> None:
    lines = [
        "We plan to hire curious, seasoned group leaders in machine learning, "
        "robotics and soil biology.",
        "We are hiring engineers for our storage layer.",
    ]
    assert sentence_roles(lines) == ["leaders in machine learning"]
    text = "Ferrous Bio | Boston | Onsite\n\n" + " ".join(lines)
    result = analyse(text, text.split("\n", 1)[0])
    assert result["ml"] is True and result["seniority"] == "senior"  # "leaders" is a level


def test_ai_in_the_company_name_read_anywhere_is_no_ml_work() -> None:
    text = (
        "Quill AI | Backend Engineer | Remote\n\n"
        "Join Quill AI to build our billing APIs in Go.\n\n"
        "At Quill AI you will keep Postgres fast.\n\n"
        "Quill AI's customers are bakeries; email jobs at Quill AI."
    )
    assert analyse(text, text.split("\n", 1)[0])["ml"] is False


def test_roles_named_in_hiring_sentences() -> None:
    lines = [
        "We're looking for a few senior full stack devs to join our studio.",
        "We are seeking a junior C programmer who likes interpreters.",
        "Hiring Manager: Dana (reach her by e-mail)",
        "We are hiring both junior and senior engineers, and mid-to-senior level designers.",
        "We're hiring for several key positions across the company.",
    ]
    text = "\n".join(lines)
    assert hired_roles(text, text.lower()) == ["senior full stack devs", "junior C programmer"]
    assert head_noun("Senior Backend Engineers") == "engineer"
    assert head_noun("Team Lead, Payments") == "lead"  # (a qualifier after it)
    assert head_noun("Quality") is None


def test_a_field_of_work_may_open_a_listed_role() -> None:
    header = parse_header("Vireo | Backend Engineers, Deep Learning Researchers | Onsite | Oslo")
    assert header.roles == ("Backend Engineers", "Deep Learning Researchers")
    assert body_roles(["Deep knowledge of Python engineers"]) == []  # a skill, not a role


def test_a_line_of_roles_each_before_its_link() -> None:
    line = (
        "Senior Backend Engineer - https://jobs.example.com/a1 Machine Learning Engineer - "
        "https://jobs.example.com/b2... Feel free to ask about other engineering roles from "
        "https://example.com/careers"
    )
    assert body_roles([line]) == ["Senior Backend Engineer", "Machine Learning Engineer"]
    cut = "Designer: https://jobs.example.com/x/4f1e-9a... 0b9e... Data Scientist https://e.co/j"
    assert body_roles([cut]) == ["Designer", "Data Scientist"]


def test_a_bullet_that_names_its_role_then_its_work() -> None:
    lines = [
        "We are hiring for:",
        "- Sr Map Engineer: lead the team that builds our tile server",
        "- Firmware engineer - port our sensors to a new microcontroller",
        "- Requirements: you know C well",
        "- Backend Engineer: https://jobs.example.com/9",
    ]
    assert body_roles(lines) == ["Sr Map Engineer", "Firmware engineer", "Backend Engineer"]
    # The work may start with a capital: "- Staff Data Engineer: Owns the pipelines ..."
    assert body_roles(["- Staff Data Engineer: Owns the ingestion pipelines end to end"]) == [
        "Staff Data Engineer"
    ]


def test_a_header_naming_only_areas_of_work_names_positions_in_them() -> None:
    header = parse_header("Quoin | Design, Front-End, ML, Full-Stack | Denver")
    assert (header.roles, header.areas) == ((), ("Design", "Front-End", "ML", "Full-Stack"))
    assert parse_header("Quoin | ML Engineer | Search, Ranking | Denver").areas == ()  # a team
    bare = "Quoin | Design, Front-End, ML | Denver\nQuoin schedules crews for road repairs."
    assert comment_roles(bare) == (parse_header(bare.split("\n")[0]), ["Design", "Front-End", "ML"])
    assert analyse(bare, bare.split("\n")[0])["ml"] is True  # judged for its ML position
    # with a role line in the body, the body's role comes first and only the ML area stays
    lined = bare + "\nOpen roles:\n- Senior Product Designer"
    assert comment_roles(lined)[1] == ["Senior Product Designer", "ML"]


def test_a_header_that_runs_on_into_the_text_ends_where_the_prose_begins() -> None:
    runs_on = (
        "Tarn | Boston, MA | Onsite | Full-time Tarn prints tide tables for small harbours. "
        "We are hiring Android developers and computer vision engineers to read the gauges."
    )
    assert header_line(runs_on) == "Tarn | Boston, MA | Onsite"
    led = (
        "Tarn | SF | Rust | HPC Engineers and ML Engineers Tarn builds the tide gauges that small"
        " harbours use to plan their dredging"
    )
    assert header_line(led) == "Tarn | SF | Rust | HPC Engineers and ML Engineers"
    roles = "Tarn | Staff Engineer, Data Engineer, Designer, Support Engineer, Product Manager"
    assert header_line(roles) == roles  # a long list of roles is still the header
    assert analyse(runs_on, runs_on)["ml"] is True  # the hiring sentence is read


def test_a_body_line_that_is_a_header_names_its_role() -> None:
    lines = [
        "Marrow | Staff Android Developer | Leeds | REMOTE",  # the company first
        "Principal Data Engineer | Scala | You would own our batch jobs end to end.",
        "Our office is in Leeds | Come and see it.",  # no role in any part
    ]
    assert body_roles(lines) == ["Staff Android Developer", "Principal Data Engineer"]


def test_glued_and_numbered_bullets_name_their_roles() -> None:
    glued = "-Web engineer -Firmware engineer -Machine Learning engineer -Recruiter"
    assert body_roles([glued]) == [
        "Web engineer", "Firmware engineer", "Machine Learning engineer", "Recruiter",
    ]  # fmt: skip
    numbered = [
        "1) Android developers with 3+ years of shipping apps to the store, to own our client app",
        "2) Senior vision scientists (a PhD in optics required) to work on our lens models",
    ]
    assert body_roles(numbered) == ["Android developers", "Senior vision scientists"]


def test_an_ml_area_among_listed_opportunities_is_a_position() -> None:
    lines = ["Opportunities include Computer Vision, Mobile, Game Design and SRE roles!"]
    assert list_roles(lines) == ["Computer Vision"]  # (other areas need a header role)


def test_an_ml_role_listed_in_a_hiring_sentence() -> None:
    lines = [
        "We're seeking curious web developers and deep learning engineers.",
        "We are hiring across teams, including iOS developer, data engineer, and NLP scientist.",
        "We are hiring mobile (Swift), payments (Go), and computer vision (C++) engineers to"
        " grow the team.",
        "We are hiring engineers to work on our AI platform.",  # the ML is the product's
        "Looking for backend engineers with ML experience.",  # a skill, not the role
    ]
    assert sentence_roles(lines) == [
        "deep learning engineers",
        "NLP scientist",
        "computer vision (C++) engineers",
    ]


def test_a_comment_whose_hiring_sentence_lists_an_ml_role_is_judged_for_it() -> None:
    comment = (
        "Saltmarsh | Remote (EU) | Full-time\n\n"
        "Saltmarsh schedules ferries for island councils.\n\n"
        "We are looking for backend developers and machine learning engineers."
    )
    assert analyse(comment, comment.split("\n", 1)[0])["ml"] is True
    without = comment.replace(" and machine learning engineers", "")
    assert analyse(without, without.split("\n", 1)[0])["ml"] is False
