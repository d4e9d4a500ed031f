"""Profile contact fields: validated on init and profile set, "" clears, shown, migrated."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from hireable.store.db import current_revision, downgrade, head_revision, make_engine, upgrade

INIT = ("init", "--name", "Kim", "--stage", "ml-entry", "--target", "ml-entry")


def test_init_and_set_contact_fields(cli):
    r = cli(*INIT, "--email", "kim@example.org", "--github", "@kim-dev")
    assert r.code == 0, r.err
    shown = json.loads(cli("profile", "show", "--json").out)
    assert shown["email"] == "kim@example.org" and shown["github"] == "kim-dev"
    assert shown["website"] is None
    r = cli(
        "profile", "set", "--website", "https://kim.dev", "--location", "Berlin",
        "--huggingface", "kim.ml", "--email", "",
    )  # fmt: skip
    assert r.code == 0, r.err
    shown = json.loads(cli("profile", "show", "--json").out)
    assert shown["email"] is None and shown["website"] == "https://kim.dev"
    assert shown["location"] == "Berlin" and shown["huggingface"] == "kim.ml"
    plain = cli("profile", "show").out
    assert "https://kim.dev" in plain and "kim-dev" in plain


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--email", "kim.example.org"),
        ("--email", "kim@x"),
        ("--website", "kim.dev"),
        ("--website", "ftp://kim.dev"),
        ("--github", "-kim"),
        ("--github", "a" * 40),
        ("--github", "kim--dev"),
        ("--huggingface", "kim/ml"),
        ("--location", "Berlin\nGermany"),
    ],
)
def test_bad_contact_is_one_line_and_changes_nothing(cli_sqlite, option, value):
    assert cli_sqlite(*INIT, "--email", "kim@example.org").code == 0
    before = cli_sqlite("profile", "show", "--json").out
    r = cli_sqlite("profile", "set", option, value)
    assert r.code == 1 and r.err.startswith(f"error: {option}") and r.err.count("\n") == 1
    assert cli_sqlite("profile", "show", "--json").out == before
    r = cli_sqlite("init", "--name", "X", "--stage", "ml-entry", "--target", "ml-entry")
    assert r.code == 1  # a profile exists already: init still refuses


def test_init_with_bad_contact_creates_no_profile(cli_sqlite):
    r = cli_sqlite(*INIT, "--website", "not a url")
    assert r.code == 1 and "--website" in r.err
    assert cli_sqlite("profile", "show").code == 1


def test_upgrade_from_0003_keeps_profiles(database_url):
    engine = make_engine(database_url)
    try:
        upgrade(engine, "0003")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO profile (name, current_stage, target_stage, hours_per_week,"
                    " runway_months, skills, created_at, updated_at) VALUES ('Kim', 'swe-intern',"
                    " 'ml-entry', 12, 6, '[\"sql\"]', '2026-01-01', '2026-01-02')"
                )
            )
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM profile")).mappings().one()
        assert (row["name"], row["current_stage"], row["target_stage"]) == (
            "Kim", "swe-intern", "ml-entry",
        )  # fmt: skip
        assert row["hours_per_week"] == 12 and row["runway_months"] == 6
        skills = row["skills"]
        assert (json.loads(skills) if isinstance(skills, str) else skills) == ["sql"]
        assert row["email"] is None and row["github"] is None
        downgrade(engine, "0003")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM profile")).scalar() == "Kim"
    finally:
        engine.dispose()
