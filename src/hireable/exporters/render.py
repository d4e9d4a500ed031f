"""The Jinja2 environment of the portfolio and résumé templates (one family, one stylesheet)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=2)
def environment(*, html: bool = True) -> Any:
    """HTML templates autoescape (a title `<script>` shows as text); text templates do not."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, **context: Any) -> str:
    html = name.endswith(".html.j2")
    return str(environment(html=html).get_template(name).render(**context))


def stylesheet() -> str:
    return (TEMPLATES / "style.css").read_text(encoding="utf-8")
