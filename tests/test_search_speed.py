"""The in-memory scoring ranks exactly as Whoosh does, and a query stays fast without the cache."""
from __future__ import annotations

import random
import time

import pytest

from search.engine import SearchIndex


@pytest.fixture(scope="module")
def index(release):
    return SearchIndex(release / "index")


def random_queries(index, lang, count, seed):
    rng = random.Random(seed)
    vocabulary = sorted(w for w in index.spellers[lang].frequencies if len(w) >= 3)
    return [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 4))) for _ in range(count)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_in_memory_scoring_ranks_as_whoosh_does(index, lang):
    compared = 0
    for query in random_queries(index, lang, 150, seed=11) + ["sib", "hoe werkt een resultatenfonds", "nadelen"]:
        understood = index.understanding.understand(query, lang)
        clauses, prefixes = index.query_parts(query, lang, understood)
        if prefixes or not clauses:
            continue  # an unfinished word: scored as a constant on purpose (see search/scoring.py)
        # limit=None: with a limit, Whoosh's own count of matches is not always exact.
        whoosh = index.searcher(lang).search(index.build_query(query, lang, understood), limit=None, optimize=False)
        ours, total = index.scorers[lang].search(clauses, prefixes, 30)
        assert total == len(whoosh), query
        expected = sorted(((round(s, 6), d) for s, d in whoosh.top_n), key=lambda item: (-item[0], item[1]))[:30]
        assert [(round(s, 6), d) for s, d in ours] == expected, query
        compared += 1
    assert compared > 100


def test_distinct_queries_are_fast_without_the_cache(index):
    queries = random_queries(index, "nl", 300, seed=5) + random_queries(index, "en", 300, seed=6)
    for query in queries[:50]:
        index.search_uncached(query, "nl")
    timings = []
    for number, query in enumerate(queries):
        started = time.perf_counter()
        index.search_uncached(query, "nl" if number < 300 else "en")
        timings.append(time.perf_counter() - started)
    timings.sort()
    # Generous on a shared machine: measured p50 about 2-5 ms (BENCHMARKS.md).
    assert timings[len(timings) // 2] < 0.025
