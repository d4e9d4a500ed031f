"""Which lines of a "Who is hiring?" comment name roles, and which header parts name places.
Every line here is made up."""

from __future__ import annotations

import pytest

from hireable.postings.hn_header import body_roles, is_role, list_roles, parse_header
from hireable.postings.places import place_of

# (line, names a role)
ROLE_LINES = [
    ("Staff Data Engineer, Search", True),
    ("Director of Platform", True),
    ("Head of Developer Relations", True),
    ("VP Sales", True),
    ("Data Scientist II", True),
    ("Lead Java Developer CRM & ERP (m/f/d)", True),
    ("Platform Engineer - Storage", True),
    ("Ops - Site Reliability Engineer", True),
    ("Support Analyst- Leeds, UK", True),
    ("Mid-level Android Developer 110k-130k", True),
    ("Technical co-founders", True),
    ("Staff and Senior SWE", True),
    ("Researcher in protein folding", True),
    # duties, skills, team names, stacks, perks, sentences: a job noun is in them, not at the head
    ("Mentor junior engineers on code review", False),
    ("Work closely with our data scientists", False),
    ("Experience managing engineers", False),
    ("Developer Experience", False),
    ("Designer Tools and Icons", False),
    ("Home office budget for every engineer", False),
    ("Podcast with our CTO", False),
    ("Talk to our engineers", False),
    ("The best engineers we know", False),
    ("Backend, Infra", False),
    ("Senior Software Developer-Payments Team", True),  # a hyphen before a capital cuts
    ("Front-End", False),
]


@pytest.mark.parametrize(("line", "role"), ROLE_LINES)
def test_a_role_line_has_a_job_noun_at_its_head(line: str, role: bool) -> None:
    assert is_role(line) is role


def test_bullets_under_a_heading_of_duties_skills_stack_or_perks_are_no_roles() -> None:
    lines = [
        "Brindle builds scheduling software for dental clinics.",
        "* Senior Backend Engineer - https://jobs.brindle.example/11",
        "What you will do:",
        "- Mentor junior engineers",
        "- Pair with our product designers",
        "Requirements",
        "- Kubernetes expert",
        "- Seasoned Go developer",
        "Tech stack:",
        "- Kubernetes operators",
        "Perks:",
        "- Conference budget for each developer",
        "We answer every application within a week, and we pay for the trial day too.",
        "(Senior) Platform Engineer, Storage (m/f/d) | ONSITE Graz | "
        "(https://jobs.brindle.example/job/12?display=en&source=hn-thread-long-link)",
        "Sam, co-founder,",
        "-Podcast with our CTO: https://pod.brindle.example/3",
    ]
    assert body_roles(lines) == [
        "Senior Backend Engineer",
        "(Senior) Platform Engineer, Storage (m/f/d)",
    ]


def test_a_role_list_stops_at_what_is_no_role() -> None:
    lines = [
        "We're hiring:",
        "- Backend Engineer",
        "- Frontend",
        "- Unlimited PTO",
        "- Tech stack: Go, Postgres",
        "- Data",
    ]
    assert list_roles(lines, "Engineer") == ["Backend Engineer", "Engineer (Frontend)"]
    # an area that is also a heading word ("Product") is an item of the list, not its end
    items = ["Open roles:", "- Product", "- Platform", "Tech Stack", "- Go"]
    assert list_roles(items, "Engineer") == ["Engineer (Product)", "Engineer (Platform)"]


def test_labelled_lines_of_a_role_list_give_their_roles() -> None:
    lines = [
        "Open positions:",
        "In engineering: platform engineer (remote OK), data scientist, and SRE (EU)",
        "Outside engineering: office manager, head of people",
        "- Staff Engineer, Storage | Berlin | https://jobs.example/5",
        "Our office is next to the river and we have a dog.",
    ]
    assert list_roles(lines) == [
        "platform engineer (remote OK)",
        "data scientist",
        "SRE (EU)",
        "office manager",
        "head of people",
        "Staff Engineer, Storage",
    ]


def test_a_lead_in_before_the_roles_of_a_header_part_is_dropped() -> None:
    header = parse_header("Tilde | 3 open roles: Data Scientist (Intern), Rails Engineer | Leeds")
    assert header.roles == ("Data Scientist (Intern)", "Rails Engineer")
    assert parse_header("Eyrie | Backend Engineers, and QA Engineers | Oslo").roles == (
        "Backend Engineers",
        "QA Engineers",
    )


# (header, roles, location, remote)
HEADERS = [
    ("Acme | Backend, Infra | Remote", (), None, True),
    ("Lattice | Platform Engineer | Payments team | Austin, TX", ("Platform Engineer",),
     "Austin, TX", None),
    ("Kite | Product Manager | Our mission: cleaner air | Seattle", ("Product Manager",),
     "Seattle", None),
    ("Orchard | Data Engineer | Remote (US only, no visa sponsorship)", ("Data Engineer",),
     "US", True),
    ("Brambl | Founding Engineer | Onsite in Missoula or Bozeman, MT", ("Founding Engineer",),
     "Missoula, Bozeman, MT", False),
    ("Hexa | SRE | REMOTE (UTC-2 to UTC+4)", ("SRE",), "UTC-2 to UTC+4", True),
    ("Quokka | ML Engineer | Distributed Systems, Inference | Oslo", ("ML Engineer",), "Oslo",
     None),
    ("Wren | Designer | Flex-in-office (Porto)", ("Designer",), "Porto", False),
    ("Gorse | Analyst | Hybrid (NY, Boston, or Bay Area) and REMOTE", ("Analyst",),
     "NY, Boston, Bay Area", True),
    ("Tarn | Full-time | Engineering | Seed stage", (), None, None),
    # a role with its pay in parentheses; a work mode among the roles of a part
    ("Fernway | Boise, ID, REMOTE | Data Engineer ($140k)", ("Data Engineer",), "Boise, ID",
     True),
    ("Pollen | Remote, Interns | Denver, CO", ("Interns",), "Denver, CO", True),
]  # fmt: skip


@pytest.mark.parametrize(("line", "roles", "location", "remote"), HEADERS)
def test_a_location_is_a_place(line, roles, location, remote) -> None:
    header = parse_header(line)
    assert (header.roles, header.location, header.remote) == (roles, location, remote)
    assert (header.salary or {}).get("min") == (140000 if "$140k" in line else None)


# (text, the place it names)
PLACES = [
    ("Berlin, Germany", "Berlin, Germany"),
    ("Mostly based in Lyon", "Lyon"),
    ("Offices in Kalispell and Helena, MT", "Kalispell, Helena, MT"),
    ("Zagreb, Varazdin", "Zagreb, Varazdin"),  # a city the tables lack, beside one they have
    ("Varazdin Croatia", "Varazdin Croatia"),
    ("CET +/- 3 hours", "CET +/- 3 hours"),
    ("US or Canada", "US, Canada"),
    ("New York City", "New York City"),
    ("SF Bay Area", "SF Bay Area"),
    ("New City", None),  # generic words of place names name no place alone
    ("Varazdin", None),  # an unknown name alone may be anything
    ("Multiple Roles", None),
    ("Series A, well funded", None),
    ("Backend / Infra", None),
    ("4 days a week", None),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_place_of(text: str, place: str | None) -> None:
    assert place_of(text) == place
