"""Never answer a different question in silence: typed words first, corrections offered or said,
and an honest "no page about this" for a topic the site does not cover."""
from __future__ import annotations

import pytest
import requests

from search.engine import SearchIndex


@pytest.fixture(scope="module")
def index(release):
    return SearchIndex(release / "index")


def get(server, path, **params):
    return requests.get(server.url + path, params=params, timeout=10)


def test_the_typed_query_is_searched_first_and_a_correction_only_offered(index):
    # "socail" is a typo, but "impact bond" finds the answer: the results are for the typed words.
    results = index.search("socail impact bond", "nl")
    assert not results.corrected and results.corrected_from is None
    assert results.query == "socail impact bond"
    assert results.suggestion == "social impact bond"
    assert results.hits[0].url == "/vormen/sib/"


def test_a_correction_replaces_the_query_only_when_the_typed_words_find_nothing(index):
    assert index.search_uncached("resultaatfinancering", "nl", correct=False).total == 0
    results = index.search("resultaatfinancering", "nl")
    assert results.corrected and results.corrected_from == "resultaatfinancering"
    assert results.query == "resultaatfinanciering" and results.hits


def test_schulden_is_not_silently_schalen(index):
    for query in ("schulden", "schuldhulpverlening"):
        results = index.search(query, "nl")
        assert not results.corrected and results.suggestion is None, query
        assert all("schalen" not in (hit.snippet + hit.title).lower() for hit in results.hits + results.nearest)


def test_a_topic_the_sources_do_not_cover_is_said_honestly(index):
    # The sources say nothing about debt help: no look-alike answer, the nearest pages instead.
    results = index.search("schuldhulpverlening", "nl")
    assert results.no_match and not results.hits and results.nearest
    assert index.search("debt advice", "en").no_match
    # A word the site does not know and no correction is close to: the same honest answer.
    unknown = index.search("stikstofuitstoot", "nl")
    assert unknown.no_match and unknown.total == 0 and not unknown.hits


def test_everyday_variants_reach_the_content(index):
    # Neither spelling is on the site; the variants (re-integratie, arbeidstoeleiding, ...) are.
    for query, lang in [("reintegratie", "nl"), ("re-integratie", "nl"), ("reintegration", "en")]:
        results = index.search(query, lang)
        assert results.total and not results.corrected and not results.no_match, query
        assert results.hits[0].url.split("#")[0] in ("/lessen/", "/en/lessen/"), query
    # A variant is a word with a meaning: it is never 'corrected' into another word.
    assert index.search("aanbesteding", "nl").suggestion is None
    assert index.search("resultaatbetaler", "nl").total > 0


def test_the_api_says_what_happened(server):
    body = get(server, "/api/search", q="resultaatfinancering").json()
    assert body["corrected_from"] == "resultaatfinancering" and body["query"] == "resultaatfinanciering"
    assert body["results"]
    exact = get(server, "/api/search", q="resultaatfinancering", exact="1").json()
    assert exact["corrected_from"] is None and exact["no_match"] and exact["query"] == "resultaatfinancering"
    offered = get(server, "/api/search", q="socail impact bond").json()
    assert offered["suggestion"] == "social impact bond" and offered["corrected_from"] is None
    honest = get(server, "/api/search", q="schulden").json()
    assert honest["no_match"] and honest["results"] == [] and honest["nearest"]


def test_the_results_page_says_what_it_searched_instead(server):
    html = get(server, "/zoeken/", query="resultaatfinancering").text
    assert "Niets gevonden voor <strong>resultaatfinancering</strong>" in html
    assert "dit zijn de resultaten voor <strong>resultaatfinanciering</strong>" in html
    assert 'href="/zoeken/?query=resultaatfinancering&amp;exact=1"' in html
    english = get(server, "/en/zoeken/", query="socail impact bond").text
    assert "Did you mean" in english and "social impact bond" in english


def test_the_results_page_says_there_is_no_page_about_it(server):
    html = get(server, "/zoeken/", query="schuldhulpverlening").text
    assert "Er is geen pagina over <strong>schuldhulpverlening</strong>" in html
    assert 'class="rw-results rw-nearest"' in html and 'href="/lessen/"' in html
    english = get(server, "/en/zoeken/", query="debt advice").text
    assert "There is no page about <strong>debt advice</strong>" in english
