"""Use cases of the résumé: export it in the formats learners use, render the PDF."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from hireable.core.resume import Resume, build_resume
from hireable.errors import ConfigError, ValidationError
from hireable.services.portfolio import ledger_records, person_of
from hireable.services.profile import require_profile

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FORMATS = ("json-resume", "rendercv", "markdown")
PDF_MISSING = "PDF output needs WeasyPrint: pip install 'hireable[pdf]'"


def resume_of(session: Session, today: dt.date) -> Resume:
    return build_resume(person_of(require_profile(session)), ledger_records(session, today))


def export_text(resume: Resume, fmt: str) -> str:
    if fmt == "json-resume":
        from hireable.exporters.resume_jsonresume import json_resume

        return json.dumps(json_resume(resume), indent=2, ensure_ascii=False) + "\n"
    if fmt == "rendercv":
        from hireable.exporters.resume_rendercv import rendercv_yaml

        return rendercv_yaml(resume)
    if fmt == "markdown":
        from hireable.exporters.resume_text import markdown

        return markdown(resume)
    raise ValidationError(f"unknown résumé format '{fmt}'; choose one of: {', '.join(FORMATS)}")


def pdf_available() -> bool:
    """Whether WeasyPrint is installed, so `pdf_bytes` can work."""
    import importlib.util

    try:
        return importlib.util.find_spec("weasyprint") is not None
    except ValueError:  # present in sys.modules as None: imports of it fail
        return False


def pdf_bytes(resume: Resume) -> bytes:
    import warnings

    try:
        with warnings.catch_warnings():  # its notice about an optional system library
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint
    except ImportError:
        raise ConfigError(PDF_MISSING) from None
    from hireable.exporters.resume_text import html

    return bytes(weasyprint.HTML(string=html(resume)).write_pdf())


def write_file(path: Path, data: str | bytes) -> None:
    """Write whole or not at all (see fileio.write_whole)."""
    from hireable.fileio import write_whole

    write_whole(path, data, "--output")


def lint_file(path: Path | None, resume: Resume | None) -> list[tuple[str, str, str]]:
    """(rule, finding, fix) for a résumé file (.json: JSON Resume; else markdown), or for the
    markdown résumé of the ledger when no file is given."""
    from hireable.core.resume_lint import from_json_resume, from_markdown, lint

    if path is None:
        if resume is None:  # pragma: no cover - the CLI passes one
            raise ValidationError("nothing to lint")
        doc = from_markdown(export_text(resume, "markdown"))
    else:
        from hireable.fileio import read_text

        text = read_text(path)
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ValidationError(f"{path} is not valid JSON: {exc.msg}") from None
            if not isinstance(data, dict):
                raise ValidationError(f"{path} is not a JSON Resume (no object at the top)")
            doc = from_json_resume(data)
        else:
            doc = from_markdown(text)
    return [(rule.id, found, rule.fix) for rule, found in lint(doc)]


def pitch(resume: Resume, evidence_id: int | None = None) -> tuple[str, list[tuple[int, str]]]:
    """The introduction and (id, story) for the key items, or for one item."""
    from hireable.core.pitch import introduction, story

    best = resume.best()
    if evidence_id is not None:
        every = [e for entries in resume.sections.values() for e in entries]
        chosen = [e for e in every if e.record.id == evidence_id]
        if not chosen:
            raise ValidationError(
                f"evidence {evidence_id} is not on your résumé (unknown, or of class none); "
                "see `hireable evidence list`"
            )
        best = chosen
    return introduction(resume.person, resume.best()), [(e.record.id, story(e)) for e in best]
