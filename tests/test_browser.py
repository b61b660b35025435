"""Pages in a real browser: nothing is fetched from another host, diagrams render, language switch."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/basis/spectrum/", "/vormen/sib/", "/lessen/", "/en/", "/en/landen/ghana/"]


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_pages_make_no_request_to_another_host(server, page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for path in PAGES:
        page.goto(server.url + path, wait_until="networkidle")
    assert hosts == {urlparse(server.url).netloc}


def test_mermaid_diagram_renders_from_the_local_copy(server, page):
    page.goto(server.url + "/basis/spectrum/", wait_until="networkidle")
    # Material draws each diagram into a closed shadow root and empties the source text.
    page.wait_for_function(
        """() => [...document.querySelectorAll('.mermaid')].every(
               e => e.textContent.trim() === '' && e.getBoundingClientRect().height > 40)""",
        timeout=15000)


def test_language_switch_keeps_the_page(server, page):
    page.goto(server.url + "/basis/spectrum/", wait_until="networkidle")
    page.locator(".md-select").first.hover()
    page.locator('a[hreflang="en"]').first.click()
    page.wait_for_url("**/en/basis/spectrum/")
    assert page.locator("html").get_attribute("lang") == "en"
