"""Standards in a real browser: WCAG 2.1 AA on their pages, and the register's filters."""
from __future__ import annotations

import pytest

from tests.helpers import WCAG

pytestmark = pytest.mark.browser

PAGES = [
    "/standaarden/register/",
    "/standaarden/handleiding/",
    "/standaarden/uitkomst-duurzaam-werk/",                  # adopted, a newer version in consultation
    "/standaarden/evaluatie-onafhankelijk/0.1.0/",           # draft
    "/standaarden/contractparameters-resultaatbetaling/1.0.0/",  # superseded
    "/standaarden/tarievenkaart-duurzaam-werk/",             # rate card in consultation
]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_standard_pages_meet_wcag(server, browser, axe, path, lang):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + ("/en" + path if lang == "en" else path), wait_until="networkidle")
        violations = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}}).response["violations"]
        assert not violations, "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in violations)
    finally:
        context.close()


def test_register_filters_by_kind_and_status(server, browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(server.url + "/standaarden/register/", wait_until="networkidle")
        rows = page.locator("table.rw-table tbody tr")
        assert rows.count() == 4
        page.get_by_label("Status").select_option("Concept")
        visible = page.locator("table.rw-table tbody tr:not([hidden])")
        assert visible.count() == 1 and "Evaluatiestandaard" in visible.first.inner_text()
        page.get_by_label("Status").select_option("")
        page.get_by_label("Soort").select_option("Tarievenkaart")
        assert visible.count() == 1 and "In consultatie" in visible.first.inner_text()
    finally:
        context.close()
