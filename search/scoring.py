"""Scoring a query's terms from postings kept in memory, with Whoosh's own BM25F numbers.

Profiling showed Whoosh's matcher machinery (a union matcher over a 2048-slot array, cleared and
scanned in Python for every query) costing as much as everything else in a search put together.
A knowledge base's index is small, so each term's postings are read once, the first time a query
uses the term, and kept as its per-document BM25F score: idf, field length and average length
come from Whoosh and never change in a published release. A query then only adds up numbers.
The result is the same ranking Whoosh gives (tests/test_search_speed.py compares them).
"""
from __future__ import annotations

import heapq
import threading
from array import array
from bisect import bisect_left

from whoosh.scoring import bm25

MAX_PREFIX_TERMS = 64  # an unfinished word expands to at most this many known words


PRELOADED = ("content", "concepts")  # the fields every query scores: read whole when opened


class MemoryScorer:
    def __init__(self, ix, spell_words: list[str]):
        self.ix = ix
        self.spell_words = spell_words  # sorted, for prefix expansion
        self._postings: dict[tuple[str, str], tuple[array, array]] = {}
        self._lock = threading.Lock()  # one reader for all threads: reading a term is done under it
        self._searcher = ix.searcher()
        self.weighting = self._searcher.weighting
        self.scorable = {name: self._searcher.schema[name].scorable for name in self._searcher.schema.names()}
        self._lengths: dict[str, list[int]] = {}  # field -> length per docnum, read on first use
        self._preload()

    def _preload(self) -> None:
        """Every posting of the fields every query scores, in one pass over the index (a term
        read one at a time costs ~0.2 ms; a server would otherwise pay it on each first use)."""
        reader = self._searcher.reader()
        raw: dict[tuple[str, str], list] = {}
        for field, text, docnum, weight, _ in reader.iter_postings():
            if field in PRELOADED:
                raw.setdefault((field, text.decode() if isinstance(text, bytes) else text), []).append((docnum, weight))
        for (field, term), items in raw.items():
            self._postings[(field, term)] = self._scored(field, term, items)

    def postings(self, field: str, term: str) -> tuple[array, array]:
        """docnums and their score for one term (empty when the index does not know it)."""
        key = (field, term)
        found = self._postings.get(key)
        if found is None:
            with self._lock:
                found = self._postings.get(key)
                if found is None:
                    found = self._postings[key] = self._read(field, term)
        return found

    def _read(self, field: str, term: str) -> tuple[array, array]:
        docs, scores = array("i"), array("d")
        searcher = self._searcher
        if (field, term) not in searcher.reader():
            return docs, scores
        matcher = searcher.reader().postings(field, term)
        items = []  # (docnum, weight); items_as("weight") would drop the index-time boosts
        while matcher.is_active():
            items.append((matcher.id(), matcher.weight()))
            matcher.next()
        return self._scored(field, term, items)

    def _scored(self, field: str, term: str, items) -> tuple[array, array]:
        docs, scores = array("i"), array("d")
        searcher = self._searcher
        if self.scorable.get(field):
            lengths = self._lengths.get(field)
            if lengths is None:
                lengths = self._lengths[field] = [searcher.doc_field_length(d, field, 1)
                                                  for d in range(searcher.doc_count_all())]
            idf = searcher.idf(field, term)
            avgfl = searcher.avg_field_length(field) or 1
            B, K1 = getattr(self.weighting, "B", 0.75), getattr(self.weighting, "K1", 1.2)
            for docnum, weight in items:
                docs.append(docnum)
                scores.append(bm25(idf, weight, lengths[docnum], avgfl, B, K1))
        else:  # not scorable (an ID field): the weight is the score, as in Whoosh
            for docnum, weight in items:
                docs.append(docnum)
                scores.append(weight)
        return docs, scores

    def prefixed(self, prefix: str) -> list[str]:
        start = bisect_left(self.spell_words, prefix)
        words = []
        for word in self.spell_words[start:start + MAX_PREFIX_TERMS]:
            if not word.startswith(prefix):
                break
            words.append(word)
        return words

    def search(self, clauses, prefixes, limit: int, allowed=None) -> tuple[list[tuple[float, int]], int]:
        """clauses: (field, term, boost); prefixes: (field, prefix, boost), scored as a constant
        per matching document like Whoosh's Prefix. Returns the best `limit` (score, docnum), best
        first, and how many documents matched. `allowed(docnum)` filters (e.g. one page type)."""
        totals: dict[int, float] = {}
        get = totals.get
        for field, term, boost in clauses:
            docs, scores = self.postings(field, term)
            for docnum, score in zip(docs, scores):
                totals[docnum] = get(docnum, 0.0) + score * boost
        for field, prefix, boost in prefixes:
            matched = set()
            for word in self.prefixed(prefix):
                matched.update(self.postings(field, word)[0])
            for docnum in matched:
                totals[docnum] = get(docnum, 0.0) + boost
        if allowed is not None:
            totals = {docnum: score for docnum, score in totals.items() if allowed(docnum)}
        best = heapq.nsmallest(limit, totals.items(), key=lambda item: (-item[1], item[0]))
        return [(score, docnum) for docnum, score in best], len(totals)
