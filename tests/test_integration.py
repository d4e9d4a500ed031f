"""The features meet on the status screen, in `jobs show`, and in the README's reference."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def all_command_paths() -> list[str]:
    from typer.main import get_command

    from hireable.cli import app

    paths: list[str] = []

    def walk(command, prefix: str) -> None:
        subs = getattr(command, "commands", None)
        if not subs:
            paths.append(prefix)
            return
        if getattr(command, "invoke_without_command", False):
            paths.append(prefix)
        for name, sub in subs.items():
            walk(sub, f"{prefix} {name}")

    walk(get_command(app), "hireable")
    return paths


def test_every_command_is_in_the_readme_reference():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = readme[readme.index("## Command reference") :]
    missing = [p for p in all_command_paths() if f"`{p}" not in reference]
    assert not missing, f"README reference lacks: {missing}"


def test_readme_first_screen_has_exactly_the_two_commands():
    first_screen = "\n".join((ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:25])
    assert "make run" in first_screen and "make test" in first_screen


@pytest.mark.parametrize("path", all_command_paths())
def test_every_command_has_help(cli_sqlite, path):
    r = cli_sqlite(*path.split()[1:], "--help")
    assert r.code == 0, r.err
    assert "Usage:" in r.out


def test_status_gathers_plan_tracker_and_ledger(cli_sqlite):
    cli = cli_sqlite
    assert cli("init", "--name", "Ana", "--stage", "ml-entry", "--target", "ml-entry").code == 0
    assert (
        cli(
            "track",
            "add",
            "--company",
            "Loamwise",
            "--contact",
            "Kai",
            "--email",
            "kai@loamwise.example",
        ).code
        == 0
    )
    data = json.loads(cli("status", "--json").out)
    assert data["this_week"]["text"].startswith("learn:")
    assert any(a.startswith("This week:") for a in data["next_actions"])
    assert "applications" in data
    screen = cli("status").out
    assert "This week" in screen


def test_jobs_show_explains_the_score_for_the_learner(cli_sqlite, tmp_path: Path):
    cli = cli_sqlite
    cli(
        "init", "--name", "Ana", "--stage", "ml-entry", "--target", "ml-entry", "--skill", "pytorch"
    )
    postings = tmp_path / "p.jsonl"
    postings.write_text(
        json.dumps(
            {
                "id": "x1",
                "title": "Junior Machine Learning Engineer",
                "company": "Loamwise",
                "description": "<p>Train and deploy PyTorch models. No degree required.</p>",
            }
        )
        + "\n"
    )
    assert cli("jobs", "import", str(postings)).code == 0
    shown = json.loads(cli("jobs", "show", "1", "--json").out)
    assert shown["score"]["stage"] == "ml-entry"
    assert shown["score"]["score"] >= 50
    factors = {r["factor"] for r in shown["score"]["reasons"]}
    assert {"degree", "ml"} <= factors
    screen = cli("jobs", "show", "1").out
    assert "Score" in screen and "for ml-entry" in screen
