"""No query costs a worker more than a bounded time (issue 11).

A 92-character query ('allestekens' * 8 + 'qqqq') used to take 2.5 s in the Dutch compound
splitter, growing about x5 per 11 characters. These tests search the real index of the real build
with random and adversarial text up to the length limit the service accepts.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.analysis import MAX_COMPOUND, MIN_PART, CompoundFilter
from search.engine import SearchIndex
from service.search import MAX_QUERY

BUDGET_S = 0.3  # per query, uncached, on a shared 2-core machine
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                          HealthCheck.too_slow])


@pytest.fixture(scope="module")
def index(release) -> SearchIndex:
    index = SearchIndex(release / "index")
    for lang in ("nl", "en"):
        index.search_uncached("resultaatfinanciering", lang)  # open searchers, warm the stemmer
    return index


@pytest.fixture(scope="module")
def vocabulary(index) -> list[str]:
    analyser = index.searcher("nl").schema["content"].analyzer
    compound = next(item for item in analyser.items if isinstance(item, CompoundFilter))
    return sorted(compound.vocabulary)


def timed_search(index: SearchIndex, text: str, lang: str) -> float:
    started = time.perf_counter()
    index.search_uncached(text, lang)
    return time.perf_counter() - started


def test_the_reported_query_is_fast_at_every_length(index):
    # The reported family, up to the length limit: each length once.
    for repeats in range(1, MAX_QUERY // len("allestekens") + 1):
        text = ("allestekens" * repeats + "qqqq")[:MAX_QUERY]
        elapsed = timed_search(index, text, "nl")
        assert elapsed < BUDGET_S, (repeats, len(text), elapsed)


def test_real_compounds_are_still_split(index):
    analyser = index.searcher("nl").schema["content"].analyzer
    compound = next(item for item in analyser.items if isinstance(item, CompoundFilter))
    assert compound.split("resultaatfinanciering") == ["resultaat", "financiering"]
    assert compound.split("x" * (MAX_COMPOUND + 1)) is None


def compounds_of(words: list[str]):
    """Glued runs of known words (what makes the splitter try the most cuts), then a tail no word ends."""
    glued = st.lists(st.sampled_from(words), min_size=2, max_size=12).map("".join)
    tail = st.text(alphabet="qxz", min_size=0, max_size=MIN_PART)
    return st.builds(lambda head, end: head + end, glued, tail)


@st.composite
def adversarial_queries(draw, words):
    """Up to MAX_QUERY characters of compounds, near-misses of known words, or arbitrary text."""
    piece = st.one_of(
        compounds_of(words),
        st.sampled_from(words).map(lambda w: w[:-1] + "q"),  # a typo: speller work
        st.text(min_size=1, max_size=30),
    )
    pieces = draw(st.lists(piece, min_size=1, max_size=60))
    separator = draw(st.sampled_from([" ", "", "-", " OR ", "\n"]))
    return separator.join(pieces)[:MAX_QUERY]


@given(data=st.data(), lang=st.sampled_from(["nl", "en"]))
@PROPERTY
def test_any_query_up_to_the_limit_is_answered_in_bounded_time(index, vocabulary, data, lang):
    text = data.draw(adversarial_queries([w for w in vocabulary if len(w) >= MIN_PART]), label="query")
    elapsed = timed_search(index, text, lang)
    assert elapsed < BUDGET_S, (len(text), elapsed)


@given(text=st.text(max_size=MAX_QUERY), lang=st.sampled_from(["nl", "en"]))
@PROPERTY
def test_any_text_is_answered_in_bounded_time(index, text, lang):
    elapsed = timed_search(index, text, lang)
    assert elapsed < BUDGET_S, (len(text), elapsed)
