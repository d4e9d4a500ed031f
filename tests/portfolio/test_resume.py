"""`resume export` (JSON Resume valid against the official schema, RenderCV, markdown), `pdf`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jsonresume"


def test_json_resume_is_valid_against_the_official_schema(ledger, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "resume.json"
    r = ledger("resume", "export", "--format", "json-resume", "--output", out)
    assert r.code == 0, r.err
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads((FIXTURES / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(data)
    assert data["basics"]["email"] == "alice@example.org"
    assert data["basics"]["profiles"][0] == {
        "network": "GitHub", "username": "alice", "url": "https://github.com/alice",
    }  # fmt: skip
    assert [w["name"] for w in data["work"]] == ["Shop GmbH"]
    assert [p["name"] for p in data["projects"]] == ["Fix LoRA merge in transformers"]
    assert data["awards"][0]["title"] == "Kaggle: leaf disease"
    assert data["publications"][0]["releaseDate"] == "2025-05"
    assert [c["name"] for c in data["certificates"]] == ["Deep Learning Specialization"]
    assert list(data)[-2:] == ["certificates", "meta"]
    skills = [s["name"] for s in data["skills"]]
    assert skills[:2] == ["pytorch", "computer vision"] and "keras" not in skills  # toy: out
    bad = dict(data, basics={"name": 3})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate(bad)


def test_rendercv_yaml_has_cv_with_contact_and_sections(ledger):
    r = ledger("resume", "export", "--format", "rendercv")
    assert r.code == 0, r.err
    cv = yaml.safe_load(r.out)["cv"]
    assert cv["name"] == "Alice Doe" and cv["email"] == "alice@example.org"
    assert cv["location"] == "Berlin" and cv["website"] == "https://alice.dev"
    assert cv["social_networks"] == [{"network": "GitHub", "username": "alice"}]
    sections = cv["sections"]
    assert list(sections)[-1] == "Certificates"
    assert sections["Experience"][0]["company"] == "Shop GmbH"
    assert any("130k stars" in h for h in sections["Projects"][0]["highlights"])


def test_rendercv_accepts_it_with_its_own_model(ledger):
    data = pytest.importorskip("rendercv.data")
    r = ledger("resume", "export", "--format", "rendercv")
    model = data.validate_input_dictionary_and_return_the_data_model(yaml.safe_load(r.out))
    assert model.cv.name == "Alice Doe" and model.cv.email == "alice@example.org"
    assert "Certificates" in {s.title for s in model.cv.sections}


def test_markdown_is_the_half_page_resume(ledger):
    r = ledger("resume", "export")
    assert r.code == 0, r.err
    text = r.out
    assert text.startswith("# Alice Doe\n")
    assert "Looking for an entry-level machine learning role" in text
    assert "alice@example.org" in text and "github.com/alice" in text
    evidence = text[text.index("## Evidence") : text.index("## Skills")]
    assert evidence.count("\n- ") == 3  # the best three, each with its link
    assert "https://github.com/huggingface/transformers/pull/101" in evidence
    assert "MNIST" not in text and "## Experience" not in text  # the job is among the best
    assert text.endswith("Deep Learning Specialization\n")
    assert text.index("## Certificates") > text.index("## Skills") > text.index("## Evidence")
    assert len(text.split()) < 250


def test_unknown_format_and_missing_contact_are_one_line(cli_sqlite, tmp_path):
    cli_sqlite("init", "--name", "Kim", "--stage", "ml-entry", "--target", "ml-entry")
    r = cli_sqlite("resume", "export")
    assert r.code == 1 and "hireable profile set --email" in r.err and r.err.count("\n") == 1
    cli_sqlite("profile", "set", "--email", "kim@example.org")
    r = cli_sqlite("resume", "export", "--format", "docx")
    assert r.code == 1 and "json-resume, rendercv, markdown" in r.err
    r = cli_sqlite("resume", "export", "--output", tmp_path / "no" / "such" / "r.md")
    assert r.code == 1 and r.err.startswith("error: cannot write")


def test_pdf_fits_on_one_page(ledger, tmp_path):
    pytest.importorskip("weasyprint")
    out = tmp_path / "resume.pdf"
    r = ledger("resume", "pdf", "--output", out)
    assert r.code == 0, r.err
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    try:
        from pypdf import PdfReader
    except ImportError:
        pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    else:
        pages = len(PdfReader(out).pages)
    assert pages == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Alice Doe" in text and "130k stars" in text


def test_pdf_without_weasyprint_says_how_to_get_it(ledger, monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    r = ledger("resume", "pdf", "--output", tmp_path / "r.pdf")
    assert r.code == 1 and "pip install 'hireable[pdf]'" in r.err and r.err.count("\n") == 1
