"""`resume lint`: the résumé rules on the tool's own output and on other résumés."""

from __future__ import annotations

import json

BAD = """# Kim

Passionate ML enthusiast and Python guru.

## Certificates

- Deep Learning Specialization

## Projects

- Sentiment model for reviews
- Another thing https://x.org/2

## Skills

pytorch, rust
"""


def test_own_markdown_and_json_resume_pass(ledger, tmp_path):
    r = ledger("resume", "lint")
    assert r.code == 0, r.out + r.err
    assert r.out.strip() == "0 findings."
    out = tmp_path / "r.json"
    assert ledger("resume", "export", "--format", "json-resume", "--output", out).code == 0
    r = ledger("resume", "lint", out)
    assert r.code == 0, r.out


def test_every_rule_fires_with_its_fix(cli_sqlite, tmp_path):
    path = tmp_path / "resume.md"
    filler = "\n".join(f"Did thing number {i}." for i in range(40))
    path.write_text(BAD.replace("Python guru.", "Python guru.\n" + filler), encoding="utf-8")
    r = cli_sqlite("resume", "lint", path)
    assert r.code == 1
    rules = {line.split(":")[0] for line in r.out.splitlines()[:-1]}
    assert rules == {
        "too-long", "no-contact", "best-unlinked", "buzzwords", "certificates-first",
        "unshown-skills",
    }  # fmt: skip
    assert "buzzwords: guru, ml enthusiast, passionate" in r.out
    assert "skills nothing shows: pytorch, rust" in r.out
    assert all(" — fix: " in line for line in r.out.splitlines()[:-1])
    assert "hireable profile set --email" in r.out


def test_json_resume_findings_and_bad_files(cli_sqlite, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps(
            {
                "basics": {"name": "Kim", "summary": "A passionate learner"},
                "certificates": [{"name": "ML course"}],
                "projects": [{"name": "Thing", "keywords": ["sql"]}],
                "skills": [{"name": "sql"}, {"name": "go"}],
            }
        )
    )
    r = cli_sqlite("resume", "lint", path)
    rules = {line.split(":")[0] for line in r.out.splitlines()[:-1]}
    assert rules == {
        "no-contact", "best-unlinked", "buzzwords", "certificates-first", "unshown-skills",
    }  # fmt: skip
    assert "skills nothing shows: go" in r.out
    path.write_text("[1, 2]")
    r = cli_sqlite("resume", "lint", path)
    assert r.code == 1 and r.err.startswith("error: ") and "JSON Resume" in r.err
    r = cli_sqlite("resume", "lint", tmp_path / "none.md")
    assert r.code == 1 and "does not exist" in r.err
