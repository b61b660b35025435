"""Static-only hosting: Material's own search, in a real browser, gives each language its own pages."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def result_links(page, url: str, query: str) -> list[str]:
    page.goto(url, wait_until="networkidle")
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__link", timeout=15000)
    # In one step: Material may redraw the list between two reads of a live locator.
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("query", ["Ghana", "SIB"])
def test_an_english_reader_gets_english_pages_only(static_site, new_context, query):
    links = result_links(new_context().new_page(), static_site + "/en/basis/spectrum/", query)
    assert links and all("/en/" in link for link in links), links


@pytest.mark.parametrize("query", ["Ghana", "SIB"])
def test_a_dutch_reader_gets_dutch_pages_only(static_site, new_context, query):
    links = result_links(new_context().new_page(), static_site + "/basis/spectrum/", query)
    assert links and not any("/en/" in link for link in links), links
