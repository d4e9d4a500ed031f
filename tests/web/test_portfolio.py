"""The Portfolio page: a sandboxed preview of the site, the downloads, the missing-data message."""

from __future__ import annotations

import io
import json
import sys
import zipfile

import pytest
import yaml

from hireable.core.evidence import validate_record
from hireable.services.evidence import add_evidence
from hireable.services.portfolio import NO_CONTACT
from hireable.services.profile import ProfileChanges, create_profile
from hireable.services.resume import PDF_MISSING
from hireable.store.db import session_scope
from hireable.store.models import Evidence, Profile
from hireable.web.security import headers_for
from tests.web.conftest import TODAY, Dashboard

XSS = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
TEXT_DOWNLOADS = {
    "portfolio.json": "application/json",
    "resume.json": "application/json",
    "resume.yaml": "application/yaml",
    "resume.md": "text/markdown; charset=utf-8",
}


def _learner(web: Dashboard, *, email: str | None = "ada@example.org") -> Dashboard:
    with session_scope(web.engine) as s:
        changes = ProfileChanges(name="Ada", stage="ml-entry", target="ml-entry", email=email)
        create_profile(session=s, changes=changes)
        for record in (
            {"kind": "competition", "title": XSS, "url": "https://www.kaggle.com/c/x",
             "metrics": {"platform": "kaggle", "teams": 1200, "rank": 9}, "skills": ["cv"]},
            {"kind": "product", "title": "Quiet tool", "metrics": {"weekly_users": 150}},
        ):  # fmt: skip
            add_evidence(session=s, record=validate_record(record, today=TODAY))
    return web


@pytest.fixture
def learner(web: Dashboard) -> Dashboard:
    return _learner(web)


def _stored(web: Dashboard) -> tuple[int, int]:
    return web.count(Evidence), web.count(Profile)


def test_the_empty_workspace_is_sent_to_the_profile(web: Dashboard) -> None:
    r = web.get("/portfolio")
    assert r.status_code == 200
    assert "no profile yet; run `hireable init" in r.text
    assert '<a href="/profile">Open your profile</a>' in r.text
    assert "<iframe" not in r.text


def test_no_contact_is_the_cli_message_and_a_link_not_an_error(web: Dashboard) -> None:
    _learner(web, email=None)
    r = web.get("/portfolio")
    assert r.status_code == 200
    assert NO_CONTACT in r.text and "hireable profile set --email" in r.text
    assert '<a href="/profile">' in r.text


def test_the_demo_previews_its_site_in_a_sandbox(demo_web: Dashboard) -> None:
    r = demo_web.get("/portfolio")
    assert r.status_code == 200 and 'aria-current="page"' in r.text
    frame = r.text.split("<iframe", 1)[1].split(">", 1)[0]
    assert 'src="/portfolio/site"' in frame and " sandbox " in frame
    assert "allow-scripts" not in r.text
    site = demo_web.get("/portfolio/site")
    assert site.status_code == 200 and "Ada (demo)" in site.text
    assert "Kaggle: Predict retail demand" in site.text
    for name in ("portfolio.json", "portfolio.zip", "resume.json", "resume.yaml", "resume.md"):
        assert f'href="/portfolio/download/{name}' in r.text


def test_include_self_is_a_get_toggle(learner: Dashboard) -> None:
    assert "Quiet tool" not in learner.get("/portfolio/site").text
    assert "Quiet tool" in learner.get("/portfolio/site?include_self=1").text
    page = learner.get("/portfolio?include_self=1").text
    assert 'src="/portfolio/site?include_self=1"' in page
    assert 'href="/portfolio/download/portfolio.json?include_self=1"' in page
    assert 'href="/portfolio/download/resume.md"' in page  # the résumé does not follow it
    assert 'name="include_self" type="checkbox" value="1" checked' in page
    shown = json.loads(learner.get("/portfolio/download/portfolio.json").text)
    every = json.loads(learner.get("/portfolio/download/portfolio.json?include_self=1").text)
    assert [i["title"] for i in shown["items"]] == [XSS]
    assert [i["title"] for i in every["items"]] == [XSS, "Quiet tool"]


@pytest.mark.parametrize(("name", "media_type"), TEXT_DOWNLOADS.items())
def test_each_download_is_an_attachment_of_its_type(
    learner: Dashboard, name: str, media_type: str
) -> None:
    before = _stored(learner)
    r = learner.get(f"/portfolio/download/{name}")
    assert r.status_code == 200
    assert r.headers["content-type"] == media_type
    assert r.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert r.headers["x-content-type-options"] == "nosniff"
    text = r.text
    if name == "portfolio.json":
        assert json.loads(text)["format"] == "hireable-portfolio/1"
    elif name == "resume.json":
        assert json.loads(text)["awards"][0]["title"] == XSS  # data, never markup
    elif name == "resume.yaml":
        assert yaml.safe_load(text)["cv"]["name"] == "Ada"
    else:
        assert text.startswith("# Ada\n") and XSS in text
    assert _stored(learner) == before
    assert learner.post(f"/portfolio/download/{name}", {}).status_code == 405


def test_the_site_downloads_as_a_zip(learner: Dashboard) -> None:
    r = learner.get("/portfolio/download/portfolio.zip")
    assert r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"] == 'attachment; filename="portfolio.zip"'
    with zipfile.ZipFile(io.BytesIO(r.content)) as archive:
        assert archive.namelist() == ["portfolio/index.html", "portfolio/portfolio.json"]
        html = archive.read("portfolio/index.html").decode()
        assert ESCAPED in html and XSS not in html
        assert json.loads(archive.read("portfolio/portfolio.json"))["items"][0]["title"] == XSS


def test_an_unknown_download_is_not_found(learner: Dashboard) -> None:
    assert learner.get("/portfolio/download/secrets.txt").status_code == 404


def test_a_title_with_markup_is_escaped_in_the_preview(learner: Dashboard) -> None:
    site = learner.get("/portfolio/site").text
    assert ESCAPED in site and XSS not in site
    assert XSS not in learner.get("/portfolio").text


def test_the_preview_can_be_framed_but_runs_no_script(learner: Dashboard) -> None:
    r = learner.get("/portfolio/site")
    csp = r.headers["content-security-policy"]
    directives = dict(d.strip().partition(" ")[::2] for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and "script-src" not in directives
    assert directives["frame-ancestors"] == "'self'" and directives["form-action"] == "'none'"
    assert "sandbox" in directives and "allow-scripts" not in csp
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    assert r.headers["x-content-type-options"] == "nosniff"
    page = learner.get("/portfolio")  # the page around it keeps the strict policy
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_path_headers_apply_to_the_path_and_below_only() -> None:
    def csp(path: str) -> str:
        return dict(headers_for(path))["content-security-policy"]

    assert "sandbox" in csp("/portfolio/site") and "sandbox" in csp("/portfolio/site/x")
    for path in ("/portfolio", "/portfolio/sitemap", "/", "/static/hireable.css"):
        assert "sandbox" not in csp(path) and "frame-ancestors 'none'" in csp(path)


def test_without_weasyprint_the_page_says_how_to_get_pdf(
    learner: Dashboard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    page = learner.get("/portfolio").text
    assert PDF_MISSING.replace("'", "&#39;") in page
    assert 'href="/portfolio/download/resume.pdf"' not in page
    r = learner.get("/portfolio/download/resume.pdf")
    assert r.status_code == 503 and "pip install &#39;hireable[pdf]&#39;" in r.text


def test_with_weasyprint_the_pdf_downloads(learner: Dashboard) -> None:
    pytest.importorskip("weasyprint")
    assert 'href="/portfolio/download/resume.pdf"' in learner.get("/portfolio").text
    r = learner.get("/portfolio/download/resume.pdf")
    assert r.headers["content-type"] == "application/pdf" and r.content.startswith(b"%PDF")
    assert r.headers["content-disposition"] == 'attachment; filename="resume.pdf"'


def test_the_previews_error_reads_well_without_the_stylesheet_it_may_not_load(
    web: Dashboard,
) -> None:
    """No profile yet: the preview's policy blocks the dashboard's stylesheet, so its error is
    a plain page (no navigation bar left unstyled), saying why and linking back."""
    from hireable.web.security import own_styles_allowed

    assert not own_styles_allowed("/portfolio/site") and own_styles_allowed("/portfolio")
    r = web.get("/portfolio/site")
    assert r.status_code == 503
    assert "stylesheet" not in r.text and "<nav" not in r.text and "<style" not in r.text
    assert (  # the command left to the CLI: the link does it, out of the preview's frame
        'role="alert"><a href="/profile" target="_top">no profile yet; create it first</a>'
    ) in r.text
    assert '<a href="/portfolio" target="_top">Back to Portfolio</a>' in r.text
    assert "<nav" in web.get("/portfolio/download/none").text  # other errors keep the page
