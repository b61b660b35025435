"""WCAG 2.1 A and AA (axe-core in a real Chromium) on every kind of page, in both languages."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "home": "/",
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
    "standards register": "/standaarden/register/",
    "standard": "/standaarden/uitkomst-duurzaam-werk/",
    "standard version": "/standaarden/uitkomst-duurzaam-werk/1.1.0/",
    "decision model": "/keuzehulp/model/",
    "accessibility statement": "/over/toegankelijkheid/",
    "security and privacy": "/over/veiligheid/",
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


def assert_no_violations(axe, page, where: str) -> None:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    violations = results.response["violations"]
    assert not violations, where + "\n" + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in violations)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(server, browser, axe, kind, lang):
    path = PAGES[kind] if lang == "nl" else "/en" + PAGES[kind]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + path, wait_until="networkidle")
        assert_no_violations(axe, page, path)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_wizard_step_and_the_result(server, browser, axe, lang):
    """Walk the wizard question by question (a path that asks every question), axe on each page."""
    from tests.test_wizard_scenarios import SCENARIOS

    answers = max((s[2] for s in SCENARIOS), key=len)
    path = "/keuzehulp/vragen/" if lang == "nl" else "/en/keuzehulp/vragen/"
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + path)
        for _ in range(len(answers) + 1):
            assert_no_violations(axe, page, page.url)
            asked = page.locator("form input[type=radio], form input[type=number]")
            if not asked.count():
                break  # the result page
            factor = asked.first.get_attribute("name")
            value = answers.get(factor, "unknown")
            if asked.first.get_attribute("type") == "number":
                page.fill(f"input[name={factor}]", str(value if value != "unknown" else 1))
            else:
                page.check(f"input[name={factor}][value='{value}']")
            page.locator("form button[type=submit]").first.click()
        assert page.locator("form input[type=radio], form input[type=number]").count() == 0, "no result reached"
    finally:
        context.close()
