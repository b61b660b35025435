"""Relevance: for real questions a civil servant would type, the answering page comes first.

Two sets in tests/relevance.yml: the answer set (questions about the content) and `set: first`,
the first questions a newcomer types (question words, place-name variants, facet words, choice
questions). Each has a floor a little under the measured figures (BENCHMARKS.md), so a change
that makes search worse fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from search.engine import SearchIndex

RELEVANCE = yaml.safe_load((Path(__file__).parent / "relevance.yml").read_text(encoding="utf-8"))["queries"]
# set -> (top-1 floor, top-3 floor); measured figures are in BENCHMARKS.md.
FLOORS = {"answer": (0.85, 0.95), "first": (0.90, 0.95)}


def set_of(question: dict) -> str:
    return question.get("set", "answer")


def top_pages(index, knowledge, query, lang, n=3) -> list[str]:
    by_url = {page.url: page.id for page in knowledge.pages_in(lang)}
    seen = []
    for hit in index.search(query, lang, limit=10).hits:
        page_id = by_url.get(hit.url.split("#")[0])
        if page_id not in seen:
            seen.append(page_id)
    return seen[:n]


def scores(index, knowledge, questions) -> tuple[float, float, list[str]]:
    """Top-1 and top-3 hit rates, and the questions whose answer was not first."""
    top1 = top3 = 0
    misses = []
    for q in questions:
        found = top_pages(index, knowledge, q["q"], q["lang"])
        top1 += bool(found) and found[0] in q["expect"]
        top3 += bool(set(q["expect"]) & set(found))
        if not found or found[0] not in q["expect"]:
            misses.append(f"{q['q']!r} ({q['lang']}): expected {q['expect']}, got {found}")
    return top1 / len(questions), top3 / len(questions), misses


def test_the_relevance_set_is_large_and_bilingual(knowledge):
    ids = {page.id for page in knowledge.pages}
    assert len(RELEVANCE) >= 120
    assert len([q for q in RELEVANCE if set_of(q) == "first"]) >= 60
    assert {set_of(q) for q in RELEVANCE} == set(FLOORS)
    for name in FLOORS:
        assert {q["lang"] for q in RELEVANCE if set_of(q) == name} == {"nl", "en"}
    for q in RELEVANCE:
        assert set(q["expect"]) <= ids, q
    assert len({(q["q"].lower(), q["lang"]) for q in RELEVANCE}) == len(RELEVANCE) - 1  # 'outcomes fund' is there twice


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_answering_page_comes_first(release, knowledge, name):
    index = SearchIndex(release / "index")
    questions = [q for q in RELEVANCE if set_of(q) == name]
    top1, top3, misses = scores(index, knowledge, questions)
    print(f"\n{name}: top-1 {top1:.0%}, top-3 {top3:.0%} of {len(questions)} questions")
    floor1, floor3 = FLOORS[name]
    assert top1 >= floor1 and top3 >= floor3, f"top-1 {top1:.2f}, top-3 {top3:.2f}\n" + "\n".join(misses)
