"""What every served page owes a learner in a real browser, at 1280 px and at phone width:
nothing wider than the window, table rows whose cells line up, form fields that look alike and
each carry a label, and the main controls reachable with Tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hireable.web.app import PAGE_ROUTES
from hireable.web.pages import NAV
from tests.browser.conftest import PHONE, WIDE, Site

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Every served page, and one evidence item (its factor table and edit form).
PATHS = [p.path for p in NAV if p.key in PAGE_ROUTES] + ["/evidence/5"]

# Each finder returns a list of offending descriptions; [] is a pass.
TOO_WIDE = """() => {
  const room = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("main *")].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > room + 1 && !el.closest(".table-wrap, .visually-hidden");
  });
  const page = document.documentElement.scrollWidth > room + 1 ? ["the page scrolls sideways"] : [];
  const end = el => el.getBoundingClientRect().right | 0;
  return page.concat(wide.slice(0, 5).map(el =>
    `${el.tagName}.${el.className} "${el.textContent.slice(0, 30)}" ends at ${end(el)}/${room}`));
}"""
CELLS_OUT_OF_LINE = """() => [...document.querySelectorAll("main tr")].filter(tr => {
  if (getComputedStyle(tr).display !== "table-row") return false;  // a phone's card layout
  const cells = [...tr.children].filter(c => c.getClientRects().length);
  if (cells.some(c => getComputedStyle(c).display !== "table-cell")) return true;
  const boxes = cells.map(c => c.getBoundingClientRect());
  return boxes.some(b => Math.abs(b.top - boxes[0].top) > 1
                      || Math.abs(b.height - boxes[0].height) > 1);
}).map(tr => tr.innerText.slice(0, 40))"""
UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")].filter(el => {
  if (el.type === "hidden") return false;
  return !(el.labels && el.labels.length) && !el.getAttribute("aria-label");
}).map(el => el.outerHTML.slice(0, 80))"""
# Text fields, selects among them, share the one field style (an input type the stylesheet
# forgot shows as the browser's default box).
FIELD_STYLES = """() => {
  const kinds = ["text", "number", "date", "url", "email", "search"];
  const fields = [...document.querySelectorAll("main input, main select")]
    .filter(el => el.tagName === "SELECT" || kinds.includes(el.type));
  const style = el => { const s = getComputedStyle(el);
    return [s.borderTopLeftRadius, s.paddingLeft, s.backgroundColor].join(" "); };
  const seen = {};
  fields.forEach(el => { (seen[style(el)] = seen[style(el)] || []).push(el.name); });
  return Object.keys(seen).length > 1 ? [JSON.stringify(seen)] : [];
}"""


@pytest.mark.parametrize("size", [WIDE, PHONE], ids=["1280", "390"])
def test_every_page_fits_and_lines_up(page: Page, demo_site: Site, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    problems = {}
    for path in PATHS:
        page.goto(demo_site.at(path))
        found = {
            "too wide": page.evaluate(TOO_WIDE),
            "cells out of line": page.evaluate(CELLS_OUT_OF_LINE),
            "unlabelled": page.evaluate(UNLABELLED),
            "field styles differ": page.evaluate(FIELD_STYLES),
        }
        problems.update({f"{path}: {k}": v for k, v in found.items() if v})
    assert problems == {}


def focus_path(page: Page, presses: int) -> list[str]:
    """What Tab focuses, press by press: each element as 'tag name-or-label'."""
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => { const el = document.activeElement;
                  const label = el.labels && el.labels.length ? el.labels[0].innerText
                              : (el.getAttribute("aria-label") || el.innerText || el.name || "");
                  return el.tagName.toLowerCase() + " " + label.trim(); }"""
            )
        )
    return seen


def test_the_journal_works_from_the_keyboard(page: Page, demo_site: Site) -> None:
    from playwright.sync_api import expect

    page.goto(demo_site.at("/journal"))
    path = focus_path(page, 30)
    # First the skip link, then the navigation, then the forms' fields and buttons in order.
    assert path[0] == "a Skip to content"
    assert [p for p in path if p in {f"a {n.label}" for n in NAV}][:2] == ["a Status", "a Evidence"]
    do_fields = ["What you built, fixed, wrote or shipped", "Artefact URL", "Hours", "Date"]
    expected = [f"input {name}" for name in do_fields] + ["button Log do"]
    expected += ["input What you studied", "input Course, book or tutorial URL"]
    assert all(e in path for e in expected), path
    assert [path.index(e) for e in expected] == sorted(path.index(e) for e in expected)

    # Skip to content moves focus into the page; the form then logs a session by keyboard.
    page.goto(demo_site.at("/journal"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.get_by_label("What you studied", exact=True).focus()
    page.keyboard.type("Keyboard-only study session")
    page.keyboard.press("Tab")  # the URL is optional
    page.keyboard.press("Tab")
    page.keyboard.type("1.5")
    page.keyboard.press("Enter")  # submits the form it is in
    expect(page.get_by_role("cell", name="Keyboard-only study session", exact=True)).to_be_visible()
    # Focus is shown: a focused control draws an outline.
    page.get_by_role("button", name="Log learn").focus()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
