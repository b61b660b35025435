"""Static-only hosting: Material's own search, in a real browser, gives each language its own pages."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def static_site(release):
    """The built site served as plain files: no /api/search, so the search box falls back to lunr."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(release / "site"))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def result_links(browser, url: str, query: str) -> list[str]:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.click("input.md-search__input")
        page.keyboard.type(query, delay=20)
        page.wait_for_selector(".md-search-result__link", timeout=15000)
        # In one step: Material may redraw the list between two reads of a live locator.
        return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
    finally:
        context.close()


@pytest.mark.parametrize("query", ["Ghana", "SIB"])
def test_an_english_reader_gets_english_pages_only(static_site, browser, query):
    links = result_links(browser, static_site + "/en/basis/spectrum/", query)
    assert links and all("/en/" in link for link in links), links


@pytest.mark.parametrize("query", ["Ghana", "SIB"])
def test_a_dutch_reader_gets_dutch_pages_only(static_site, browser, query):
    links = result_links(browser, static_site + "/basis/spectrum/", query)
    assert links and not any("/en/" in link for link in links), links
