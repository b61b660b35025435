"""The search engine on a real Whoosh index on disk, built from the real content."""
from __future__ import annotations

import re

import pytest

from search.engine import IndexUnavailable, SearchIndex


@pytest.fixture(scope="module")
def index(release):
    return SearchIndex(release / "index")


def urls(results):
    return [hit.url for hit in results.hits]


def pages(results):
    return [hit.url.split("#")[0] for hit in results.hits]


def test_every_page_and_its_sections_are_indexed(index, knowledge):
    for lang in ("nl", "en"):
        urls = index.indexed_urls(lang)
        for page in knowledge.pages_in(lang):
            if page.id in ("zoeken", "niet-gevonden"):
                continue
            assert page.url in urls, page.rel
            sections = [s for s in page.sections if s.anchor and s.text and s.link_share < 0.5]
            missing = [s.anchor for s in sections if f"{page.url}#{s.anchor}" not in urls]
            assert not missing, (page.rel, missing)


def test_each_section_carries_its_page_fields(index, knowledge):
    for lang in ("nl", "en"):
        stored = {f["url"]: f for f in index.searcher(lang).all_stored_fields()}
        for page in knowledge.pages_in(lang):
            fields = stored.get(page.url)
            if fields is None:
                continue  # a tool page that is not indexed
            assert fields["title"] == page.title and fields["lang"] == lang
            assert fields["type"] == page.meta["type"]
            assert fields["topics"] == [str(t) for t in page.meta["topics"]]


def test_dutch_compound_parts_find_the_compound(index):
    # "financiering" must find pages that only say "resultaatfinanciering" in a heading or text.
    hits = index.search("financiering", "nl", limit=50).hits
    assert any(re.search(r"resultaatfinanciering", h.snippet, re.I) for h in hits)
    hits = index.search("contract", "nl", limit=50).hits
    assert any(re.search(r"resultaatcontract", h.snippet, re.I) for h in hits)


def test_dutch_stemming(index):
    assert index.search("financieringen", "nl").total > 0
    assert index.search("investeerders", "nl").total == index.search("investeerder", "nl").total


def test_synonyms_from_the_glossary(index, knowledge):
    glossary = {entry["id"]: entry for entry in knowledge.glossary}
    assert "payment by results" in glossary["pay-for-success"]["synonyms"]
    for query in ("payment by results", "PbR", "pay-for-success"):
        assert "/en/vormen/pay-for-success/" in pages(index.search(query, "en", limit=5)), query
    assert "/vormen/sib/" in pages(index.search("impact bond", "nl", limit=5))


def test_languages_are_separate(index):
    assert all(u.startswith("/en/") for u in urls(index.search("outcomes fund", "en")))
    assert not any(u.startswith("/en/") for u in urls(index.search("resultatenfonds", "nl")))


def test_typo_is_corrected_and_said(index):
    results = index.search("resultaatfinancering", "nl")
    assert results.corrected and results.did_you_mean == "resultaatfinanciering"
    assert results.total > 0
    results = index.search("socail impact bnod", "en")
    assert results.total > 0 and results.did_you_mean


@pytest.mark.parametrize("query", ['"unbalanced', "SIB AND", "OR NOT", "title:ghana", "(sib", "sib~2", "*", "a:b:c", "\\", "))"])
def test_query_syntax_is_just_text(index, query):
    index.search(query, "nl")  # no exception is the assertion


def test_snippets_are_escaped_with_marks(index):
    results = index.search("Ghana", "nl", limit=5)
    assert results.hits
    for hit in results.hits:
        assert "<script" not in hit.snippet
        stripped = re.sub(r"</?mark>", "", hit.snippet)
        assert "<" not in stripped, hit.snippet
    assert any("<mark>Ghana</mark>" in hit.snippet for hit in results.hits)


def test_type_filter(index):
    results = index.search("Ghana", "nl", limit=20, page_type="country")
    assert results.hits and all(hit.type == "country" for hit in results.hits)


def test_a_missing_index_is_reported_clearly(tmp_path):
    with pytest.raises(IndexUnavailable, match="cannot be opened"):
        SearchIndex(tmp_path / "nowhere")


@pytest.mark.parametrize("query, lang, page", [("sib", "nl", "/vormen/sib/"), ("impact bond", "en", "/en/vormen/sib/"),
                                               ("resultatenfonds", "nl", "/vormen/resultatenfonds/"),
                                               ("SIPPRA", "en", "/en/landen/verenigde-staten/")])
def test_a_query_that_names_a_term_finds_the_page_the_glossary_names_first(index, query, lang, page):
    assert pages(index.search(query, lang))[0] == page
