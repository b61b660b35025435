"""Relevance: for real questions a civil servant would type, the answering page is in the top 3."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from search.engine import SearchIndex

RELEVANCE = yaml.safe_load((Path(__file__).parent / "relevance.yml").read_text(encoding="utf-8"))["queries"]
TARGET = 0.90


def top_pages(index, knowledge, query, lang, n=3) -> list[str]:
    by_url = {page.url: page.id for page in knowledge.pages_in(lang)}
    seen = []
    for hit in index.search(query, lang, limit=10).hits:
        page_id = by_url.get(hit.url.split("#")[0])
        if page_id not in seen:
            seen.append(page_id)
    return seen[:n]


def test_the_relevance_set_is_large_and_bilingual(knowledge):
    ids = {page.id for page in knowledge.pages}
    assert len(RELEVANCE) >= 40
    assert {q["lang"] for q in RELEVANCE} == {"nl", "en"}
    for q in RELEVANCE:
        assert set(q["expect"]) <= ids, q


def test_answering_page_is_in_the_top_3_for_90_percent(release, knowledge):
    index = SearchIndex(release / "index")
    misses = []
    for q in RELEVANCE:
        found = top_pages(index, knowledge, q["q"], q["lang"])
        if not set(q["expect"]) & set(found):
            misses.append(f"{q['q']!r} ({q['lang']}): expected {q['expect']}, got {found}")
    score = 1 - len(misses) / len(RELEVANCE)
    print(f"\ntop-3 relevance: {score:.0%} of {len(RELEVANCE)} queries")
    assert score >= TARGET, "\n".join(misses)
