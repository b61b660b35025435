"""Standards in a real browser: WCAG 2.1 AA on their pages, and the register's filters."""
from __future__ import annotations

import pytest

from tests.helpers import assert_no_violations

pytestmark = pytest.mark.browser

PAGES = [
    "/standaarden/register/",
    "/standaarden/handleiding/",
    "/standaarden/uitkomst-duurzaam-werk/",                  # adopted, a newer version in consultation
    "/standaarden/evaluatie-onafhankelijk/",                 # only a draft, which is not published
    "/standaarden/contractparameters-resultaatbetaling/2.0.0/",  # adopted: fingerprint and differences
    "/standaarden/contractparameters-resultaatbetaling/1.0.0/",  # superseded
    "/standaarden/tarievenkaart-duurzaam-werk/",             # rate card in consultation
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_standard_pages_meet_wcag(server, tab, axe, path, lang):
    tab.goto(server.url + ("/en" + path if lang == "en" else path))
    assert_no_violations(axe, tab, path)


def test_register_filters_by_kind_and_status(server, new_context):
    page = new_context().new_page()
    page.goto(server.url + "/standaarden/register/", wait_until="networkidle")
    rows = page.locator("table.rw-table tbody tr")
    assert rows.count() == 3  # the draft-only standard is not published
    page.get_by_label("Status").select_option("Vastgesteld")
    visible = page.locator("table.rw-table tbody tr:not([hidden])")
    assert visible.count() == 2 and "Evaluatiestandaard" not in page.locator("table.rw-table").inner_text()
    page.get_by_label("Status").select_option("")
    page.get_by_label("Soort").select_option("Tarievenkaart")
    assert visible.count() == 1 and "In consultatie" in visible.first.inner_text()
