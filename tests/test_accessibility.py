"""WCAG 2.1 A and AA (axe-core in a real Chromium) on every kind of page, in both languages."""
from __future__ import annotations

import pytest

from tests.helpers import assert_no_violations

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "route for a municipality": "/starten/",
    "about and sources": "/over/",
    "guidance": "/basis/spectrum/",
    "guidance with diagram": "/vormen/sib/",
    "country": "/landen/ghana/",
    "case library": "/casussen/",
    "case": "/casussen/nl-buzinezzclub-rotterdam/",
    "glossary": "/begrippen/",
    "search results": "/zoeken/?query=social+impact+bond",
    "search, nothing found": "/zoeken/?query=qqqqzzzz",
    "search, corrected": "/zoeken/?query=resultaatfinancering",
    "search, no page about it": "/zoeken/?query=schuldhulpverlening",
    "page not found": "/bestaat-niet/",
    "decision model": "/keuzehulp/model/",
    # The standards' pages (register, a standard, its versions) are checked in test_standards_browser.py.
    "accessibility statement": "/over/toegankelijkheid/",
    "security and privacy": "/over/veiligheid/",
}


DRAWN_LATE = {"guidance with diagram", "decision model"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(server, tab, axe, kind, lang):
    path = PAGES[kind] if lang == "nl" else "/en" + PAGES[kind]
    # Diagrams are drawn after the page has loaded: wait until the network is quiet for those.
    tab.goto(server.url + path, wait_until="networkidle" if kind in DRAWN_LATE else "load")
    assert_no_violations(axe, tab, path)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_wizard_step_and_the_result(server, tab, axe, lang):
    """Walk the wizard question by question (a path that asks every question), axe on each page."""
    from tests.test_wizard_scenarios import SCENARIOS

    answers = max((s[2] for s in SCENARIOS), key=len)
    path = "/keuzehulp/vragen/" if lang == "nl" else "/en/keuzehulp/vragen/"
    page = tab
    page.goto(server.url + path + "?start=1")
    for _ in range(len(answers) + 2):
        assert_no_violations(axe, page, page.url)
        asked = page.locator("form.rw-question input[type=radio], form.rw-question input[type=text]")
        if not asked.count():
            break  # the result page
        factor = asked.first.get_attribute("name")
        value = answers.get(factor, "unknown")
        if asked.first.get_attribute("type") == "text":
            page.fill(f"input[name={factor}]", str(value if value != "unknown" else 1))
        else:
            page.check(f"input[name={factor}][value='{value}']")
        with page.expect_navigation():  # check the next page, not this one again
            page.locator("form.rw-question button[type=submit]").first.click()
    assert page.locator("form.rw-question input[type=radio], form.rw-question input[type=text]").count() == 0, "no result reached"
