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
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_wcag_violations(server, browser, axe, kind, lang):
    path = PAGES[kind] if lang == "nl" else "/en" + PAGES[kind]
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + path, wait_until="networkidle")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        violations = results.response["violations"]
        assert not violations, "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in violations)
    finally:
        context.close()
