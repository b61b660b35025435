"""Pages in a real browser: nothing is fetched from another host, diagrams render, language switch."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/basis/spectrum/", "/vormen/sib/", "/lessen/", "/en/", "/en/landen/ghana/"]


@pytest.fixture
def page(new_context):
    return new_context().new_page()


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


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_language_switch_keeps_the_page(server, new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(server.url + "/basis/spectrum/")
    page.locator(".md-select").first.hover()
    page.locator('a[hreflang="en"]').first.click()
    page.wait_for_url("**/en/basis/spectrum/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.locator('a[hreflang="nl"]').first.click()
    page.wait_for_url("**/basis/spectrum/")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_search_box_shows_results_from_the_service_as_you_type(server, page):
    api_calls = []
    page.on("request", lambda request: "/api/search" in request.url and api_calls.append(request.url))
    page.goto(server.url + "/en/basis/spectrum/", wait_until="networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("outcomes fund", delay=20)
    # Results for the first letters come first; wait for the answer to the whole query.
    page.wait_for_selector('.md-search-result__link[href*="/en/vormen/resultatenfonds/"]', timeout=15000)
    # Read the list in one step: Material may redraw it between two reads of a live locator.
    links = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
    assert any("/en/vormen/resultatenfonds/" in link for link in links)
    assert any("q=outcomes+fund" in call or "q=outcomes%20fund" in call for call in api_calls)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_results_page(server, new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto(server.url + "/zoeken/")
    page.fill("#rw-q", "innovatieparadox")
    page.click("form.rw-search button[type=submit]")
    page.wait_for_url("**/zoeken/?query=innovatieparadox*")
    assert page.locator("ol.rw-results li").count() > 0
    assert "/valkuilen/" in page.locator("ol.rw-results a").first.get_attribute("href")
    # Filter by kind of page, in English, from the same form.
    page.goto(server.url + "/en/zoeken/?query=Ghana")
    page.select_option("#rw-type", "country")
    page.click("form.rw-search button[type=submit]")
    page.wait_for_url("**/en/zoeken/?query=Ghana&type=country*")
    assert all("/en/landen/" in a.get_attribute("href") for a in page.locator("ol.rw-results a").all())


def test_plain_file_hosting_falls_back_to_materials_own_search(static_site, page):
    """Hosted as plain files (no service), the search box still works with Material's lunr index."""
    page.goto(static_site + "/basis/spectrum/", wait_until="networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("resultatenfonds", delay=20)
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    assert page.locator(".md-search-result__link").count() > 0
