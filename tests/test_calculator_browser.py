"""The calculator page in a real Chromium: with JavaScript it updates as the reader types, without
it the form works through the server; axe finds no WCAG 2.1 AA problem in either language."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from tests.helpers import assert_no_violations

pytestmark = pytest.mark.browser


def summary_value(page, label: str) -> str:
    return page.locator(f"#rw-calc-output dt:text-is('{label}') + dd").first.inner_text().strip()


def test_with_javascript_the_result_follows_the_typing(server, new_context):
    page = new_context().new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Failed loads are expected (a 400 for bad input, Material's sitemap probe); a refused script is not.
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text else None)
    page.goto(server.url + "/rekenhulp/", wait_until="networkidle")
    assert summary_value(page, "Verwachte betaling") == "€ 1.200.000,00"
    url_before = page.url
    # Rate 0.1: 1,000 x 0.1 x €5,000 = €500,000, below the cap.
    page.fill("#outcome-0-rate", "0,1")
    page.wait_for_function(
        "() => document.querySelector('#rw-calc-status').textContent.includes('500.000,00')", timeout=10000)
    assert summary_value(page, "Verwachte betaling") == "€ 500.000,00"
    # The address bar holds the shareable address, numbers written plainly; so does the language switch.
    assert page.url != url_before and parse_qs(urlparse(page.url).query)["outcome-0-rate"] == ["0.1"]
    assert "outcome-0-rate=0.1" in page.get_attribute("a[hreflang=en]", "href")
    # A bad value shows the error and marks the input, still without leaving the page.
    page.fill("#outcome-0-rate", "7")
    page.wait_for_selector("#rw-calc-output .rw-error-summary", timeout=10000)
    assert page.get_attribute("#outcome-0-rate", "aria-invalid") == "true"
    assert "moet tussen 0 en 1 liggen" in page.inner_text("#rw-calc-output")
    assert not errors, errors  # no CSP violation, no script error


def test_without_javascript_the_form_is_calculated_by_the_server(server, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url + "/en/rekenhulp/")
    assert page.locator(".rw-calc-live").is_hidden()
    page.fill("#outcome-0-rate", "0.1")
    page.click("#rw-calc-form button[type=submit]")
    page.wait_for_load_state()
    assert "outcome-0-rate=0.1" in page.url
    assert summary_value(page, "Expected payment") == "€500,000.00"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_from_the_wizards_result_to_a_priced_scenario_in_one_click(server, new_context, lang):
    from urllib.parse import urlencode

    from tests.test_wizard_pages import PATH, ROTTERDAM

    page = new_context(java_script_enabled=False).new_page()
    page.goto(server.url + PATH[lang] + "?" + urlencode(ROTTERDAM))  # the wizard's advice: a SIB
    prefix = "/" if lang == "nl" else "/en/"
    page.click(f'a[href="{prefix}rekenhulp/?form=sib"]')
    page.wait_for_load_state()
    assert "Social Impact Bond" in page.inner_text(".rw-calc-notice")
    assert page.locator("#rw-calc-output table").count() >= 4  # a table per scenario and the schedule
    assert page.locator("#rw-calc-output dd").first.inner_text().startswith("€")


@pytest.mark.parametrize("path", ["/rekenhulp/", "/en/rekenhulp/", "/rekenhulp/?cohort=10&outcome-0-price=1&outcome-0-rate=5",
                                  "/en/rekenhulp/?rate_card=tarievenkaart-duurzaam-werk", "/rekenhulp/methode/",
                                  "/en/rekenhulp/methode/"])
def test_no_wcag_violations(server, tab, axe, path):
    tab.goto(server.url + path, wait_until="networkidle")  # the script fills in the result
    assert_no_violations(axe, tab, path)
