"""The static portfolio site: `index.html` (CSS inline, no external requests) and
`portfolio.json`, written into a temporary folder and moved into place whole."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from hireable.core.contact import contact_links
from hireable.core.portfolio import Portfolio, document
from hireable.errors import ValidationError
from hireable.exporters.render import render, stylesheet
from hireable.fileio import cannot_write

SITE_FILES = ("index.html", "portfolio.json")


def links(portfolio: Portfolio) -> list[tuple[str, str]]:
    p = portfolio.person
    return contact_links(
        email=p.email, website=p.website, github=p.github, huggingface=p.huggingface
    )


def index_html(portfolio: Portfolio) -> str:
    return render(
        "portfolio.html.j2",
        person=portfolio.person,
        links=links(portfolio),
        sections=portfolio.sections(),
        generated_at=portfolio.generated_at,
        css=stylesheet(),
    )


def site_files(portfolio: Portfolio) -> dict[str, str]:
    """The site's files by name, as `portfolio build` writes them."""
    return {
        "index.html": index_html(portfolio),
        "portfolio.json": json.dumps(document(portfolio), indent=2, ensure_ascii=False) + "\n",
    }


def site_zip(portfolio: Portfolio) -> bytes:
    """The site as one zip (a `portfolio/` folder), its entries dated `generated_at`."""
    stamp = dt.datetime.strptime(portfolio.generated_at, "%Y-%m-%dT%H:%M:%SZ")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in site_files(portfolio).items():
            info = zipfile.ZipInfo(f"portfolio/{name}", stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _check_target(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise ValidationError(f"{output} is a file, not a folder; give --output a folder")
    if output.is_dir():
        others = sorted(p.name for p in output.iterdir() if p.name not in SITE_FILES)
        if others:
            raise ValidationError(
                f"{output} holds other files ({', '.join(others[:3])}); give --output an empty "
                "or earlier portfolio folder"
            )


def write_site(portfolio: Portfolio, output: Path) -> list[Path]:
    """Write the site; on any failure the folder is as it was."""
    _check_target(output)
    files = site_files(portfolio)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".portfolio-", dir=output.parent))
    except OSError as exc:
        raise ValidationError(cannot_write(output, exc, "--output")) from None
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        os.chmod(staging, 0o755)
        _swap(staging, output)
    except OSError as exc:
        raise ValidationError(cannot_write(output, exc, "--output")) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [output / name for name in files]


def _swap(staging: Path, output: Path) -> None:
    """Move the finished folder into place; an earlier portfolio is removed only after."""
    old = None
    if output.exists():
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        output.rename(old)
    try:
        staging.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
