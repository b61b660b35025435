"""Query understanding on the real index: one test per kind of first question that used to miss.

Expected pages are named by URL: the page that answers the question. The words that trigger each
behaviour come from the content's own data (kb/data/search.yml, countries.yml, the glossary), so
the tests read them from there rather than repeating them.
"""
from __future__ import annotations

import json

import pytest

from search.engine import SearchIndex


@pytest.fixture(scope="module")
def index(release):
    return SearchIndex(release / "index")


def first_page(results) -> str:
    return results.hits[0].url.split("#")[0]


def pages(results) -> list[str]:
    return list(dict.fromkeys(hit.url.split("#")[0] for hit in results.hits))


# --- question words are not content ---------------------------------------------------------

@pytest.mark.parametrize("query, lang, page", [
    ("hoe werkt een sib", "nl", "/vormen/sib/"),
    ("wat is een resultatenfonds", "nl", "/vormen/resultatenfonds/"),
    ("uitleg social impact bond", "nl", "/vormen/sib/"),
    ("what is an outcomes fund", "en", "/en/vormen/resultatenfonds/"),
    ("how does a social impact bond work", "en", "/en/vormen/sib/"),
    ("define impact-linked loan", "en", "/en/vormen/leningen/"),
])
def test_a_definition_question_puts_the_terms_own_page_first(index, query, lang, page):
    results = index.search(query, lang)
    assert first_page(results) == page, pages(results)
    assert "definition" in results.understood


def test_a_definition_question_about_a_term_without_a_page_reaches_the_glossary(index):
    # HIB has no page of its own in the glossary: the glossary page defines it.
    assert "/begrippen/" in pages(index.search("wat is een HIB", "nl"))[:2]


# --- stems that collide with the site's main theme ------------------------------------------

def test_werkt_is_not_stemmed_to_the_labour_theme(index):
    analyse = index.searcher("nl").schema["content"].analyzer
    assert [t.text for t in analyse("werkt")] == ["werkt"]
    assert [t.text for t in analyse("werk")] == ["werk"]
    # Without the exception, half the site (werk = labour) outranked the SIB page.
    assert first_page(index.search("hoe werkt een sib", "nl")) == "/vormen/sib/"
    assert first_page(index.search("hoe werkt pay for success", "nl")) == "/vormen/pay-for-success/"


# --- place names and their everyday variants (from countries.yml) ---------------------------

@pytest.mark.parametrize("query, lang, page", [
    ("resultaatfinanciering in engeland", "nl", "/landen/verenigd-koninkrijk/"),
    ("sib's in groot-brittannië", "nl", "/landen/verenigd-koninkrijk/"),
    ("social impact bonds in amerika", "nl", "/landen/verenigde-staten/"),
    ("pay for success in de VS", "nl", "/landen/verenigde-staten/"),
    ("japanse gemeenten", "nl", "/landen/japan/"),
    ("franse sib's", "nl", "/landen/frankrijk/"),
    ("outcomes-based financing in England", "en", "/en/landen/verenigd-koninkrijk/"),
    ("SIBs in the UK", "en", "/en/landen/verenigd-koninkrijk/"),
    ("pay for success in the US", "en", "/en/landen/verenigde-staten/"),
    ("Japanese municipalities", "en", "/en/landen/japan/"),
])
def test_a_country_variant_reaches_the_country_page(index, query, lang, page):
    results = index.search(query, lang)
    assert first_page(results) == page, pages(results)
    assert "country" in results.understood


def test_a_capitalised_country_name_is_not_an_ordinary_word(index):
    # "US" is the United States; "us" is a pronoun.
    assert "country" in index.search("SIB in the US", "en").understood
    assert "country" not in index.search("help us choose", "en").understood


# --- facet words that name a kind of page ---------------------------------------------------

@pytest.mark.parametrize("query, lang, page", [
    ("nadelen van een sib", "nl", "/valkuilen/"),
    ("risico's van resultaatfinanciering", "nl", "/valkuilen/"),
    ("voordelen social impact bond", "nl", "/basis/voordelen/"),
    ("tijdlijn resultaatfinanciering", "nl", "/lessen/tijdlijn/"),
    ("disadvantages of outcomes-based financing", "en", "/en/valkuilen/"),
    ("benefits of a social impact bond", "en", "/en/basis/voordelen/"),
    ("examples of social impact bonds", "en", "/en/casussen/"),
])
def test_a_facet_word_puts_that_kind_of_page_first(index, query, lang, page):
    results = index.search(query, lang)
    assert first_page(results) == page, pages(results)
    assert "facet" in results.understood


# --- choice questions: the wizard answers them ----------------------------------------------

@pytest.mark.parametrize("query, lang", [
    ("subsidie of sib", "nl"), ("sib of resultatenfonds", "nl"), ("welke vorm past bij mijn project", "nl"),
    ("which form should I choose", "en"), ("grant or SIB", "en"), ("SIB or outcomes fund", "en"),
])
def test_a_choice_question_puts_the_wizard_first(index, query, lang):
    results = index.search(query, lang)
    assert first_page(results) == ("/keuzehulp/" if lang == "nl" else "/en/keuzehulp/"), pages(results)


def test_two_forms_without_a_choice_are_not_a_choice(index):
    # "difference between" compares; the forms' own pages answer it, not the wizard.
    results = index.search("difference between PfS and SIB", "en")
    assert "choice" not in results.understood
    assert first_page(results) != "/en/keuzehulp/"


# --- best bets, read from kb/data/search.yml ------------------------------------------------

def test_every_best_bet_puts_its_page_first(index, knowledge):
    for bet in knowledge.data["search"]["best_bets"]:
        for lang in ("nl", "en"):
            page = knowledge.page_by_stem(bet["page"], lang)
            for phrase in bet["match"][lang]:
                results = index.search(phrase, lang)
                assert results.hits and first_page(results) == page.url, (phrase, pages(results))
                assert "best_bet" in results.understood


# --- glossary terms anywhere in a query -----------------------------------------------------

def test_a_term_named_inside_a_longer_question_favours_its_page(index):
    # The term's page is favoured even when the query is more than the term ("SIBs" is plural).
    results = index.search("who pays in a SIB", "en")
    assert first_page(results) == "/en/vormen/sib/", pages(results)
    assert "/vormen/resultatenfonds/" in pages(index.search("hoe werkt een resultatenfonds voor onderwijs", "nl"))[:2]


# --- whole pages before sections; at most two sections of a page ----------------------------

def test_the_page_the_query_names_opens_with_the_whole_page(index):
    for query, lang in [("sib", "nl"), ("resultaatfinanciering in engeland", "nl"), ("nadelen van een sib", "nl"),
                        ("subsidie of sib", "nl"), ("benefits of a social impact bond", "en")]:
        results = index.search(query, lang)
        assert "#" not in results.hits[0].url, (query, results.hits[0].url)


def test_at_most_two_sections_of_one_page(index):
    for query, lang in [("sib", "nl"), ("resultaatfinanciering", "nl"), ("outcomes fund", "en")]:
        shown = [hit.url.split("#")[0] for hit in index.search(query, lang, limit=20).hits]
        assert max(shown.count(page) for page in shown) <= 2, query


# --- the release carries what the engine needs ----------------------------------------------

def test_the_index_carries_the_query_data(release):
    data = json.loads((release / "index" / "query.json").read_text(encoding="utf-8"))
    assert set(data) == {"nl", "en"}
    for lang in data:
        assert data[lang]["best_bets"] and data[lang]["countries"] and data[lang]["facets"]
        # Pages are page ids, ready for the engine (no kb/data at run time).
        assert all("/" not in bet["page"] for bet in data[lang]["best_bets"])
