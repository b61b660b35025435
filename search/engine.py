"""Query the index: plain text in, ranked sections out. The only place that queries Whoosh.

Whatever a person types is treated as words, never as query syntax: the query is built from the
analysed words, so quotes, AND/OR/NOT, `field:` and brackets cannot cause an error.
"""
from __future__ import annotations

import gc
import json
import re
import threading
import time
import warnings
from functools import lru_cache
from dataclasses import dataclass, field, replace
from pathlib import Path

from whoosh import index
from whoosh.lang import stemmer_for_language
from whoosh.query import Or, Prefix, Term

from search.analysis import spelling_analyzer
from search.concepts import ConceptMatcher
from search.snippets import make_matcher, snippet as make_snippet
from search.spelling import MAX_SUGGESTIONS, Speller

RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)
CACHE_SIZE = 2048  # answers kept per opened index (oldest dropped first)
BEST_PAGE_BOOST = 3.0  # for the page a glossary term names, when the query is only that term
FEW_RESULTS = 3  # fewer hits than this and a spelling correction is searched instead
PER_PAGE = 2   # at most this many sections of one page, so one long page cannot crowd out the rest


@lru_cache(maxsize=None)
def cached_stemmer(lang: str):
    # One cache per language for the life of the process: the vocabulary is small.
    return lru_cache(maxsize=100_000)(stemmer_for_language(lang))


class IndexUnavailable(Exception):
    pass


@dataclass
class Hit:
    title: str
    url: str
    snippet: str
    type: str
    lang: str
    score: float
    heading: str = ""
    status: str | None = None


@dataclass
class Results:
    query: str
    lang: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    did_you_mean: str | None = None
    corrected: bool = False
    took_ms: float = 0.0


class SearchIndex:
    """An opened index (one release). Searchers are kept per thread: Whoosh's are not shared."""

    def __init__(self, path: Path):
        self.path = Path(path)
        # Everything that reads the index on disk is inside the try: a damaged segment must
        # become "search unavailable", never a server that cannot start. Whoosh leaves the files
        # of a damaged segment open; they are closed here, quietly, not whenever the garbage
        # collector runs (and warns) somewhere else.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                self.indexes = {lang: index.open_dir(str(self.path / lang)) for lang in ("nl", "en")}
                concepts = json.loads((self.path / "concepts.json").read_text(encoding="utf-8"))
                self.concepts = ConceptMatcher(concepts["groups"])
                self.best_pages = concepts["pages"]
                self.types = {lang: self._types(ix) for lang, ix in self.indexes.items()}
                self.spellers = {lang: self._speller(ix) for lang, ix in self.indexes.items()}
                failure = None
            except Exception as error:  # any unreadable index is reported the same way
                failure = f"the search index cannot be opened ({type(error).__name__}: {error})"
            if failure:
                gc.collect()
        if failure:
            raise IndexUnavailable(failure)
        self._local = threading.local()
        self._cache: dict = {}

    @staticmethod
    def _types(ix) -> list[str]:
        with ix.reader() as reader:
            return sorted(t.decode() if isinstance(t, bytes) else t for t in reader.field_terms("type"))

    @staticmethod
    def _speller(ix) -> Speller:
        reader = ix.reader()
        try:
            return Speller({term.decode() if isinstance(term, bytes) else term: reader.doc_frequency("spell", term)
                            for term in reader.lexicon("spell")})
        finally:
            reader.close()

    def searcher(self, lang: str):
        searchers = getattr(self._local, "searchers", None)
        if searchers is None:
            searchers = self._local.searchers = {}
        if lang not in searchers:
            searchers[lang] = self.indexes[lang].searcher()
        return searchers[lang]

    def indexed_urls(self, lang: str) -> set[str]:
        return {fields["url"] for fields in self.searcher(lang).all_stored_fields()}

    def document_count(self) -> int:
        return sum(ix.doc_count() for ix in self.indexes.values())

    # --- querying -----------------------------------------------------------------------
    def build_query(self, text: str, lang: str):
        searcher = self.searcher(lang)
        schema = searcher.schema
        analyse = schema["content"].analyzer
        terms = list(dict.fromkeys(t.text for t in analyse(text)))
        clauses = [Term("content", term) for term in terms]
        # As-you-type: a last word the index does not know may be unfinished ("financ").
        raw = RAW_WORD.findall(text.lower())
        if raw and len(raw[-1]) >= 3 and not self.spellers[lang].knows(raw[-1]):
            clauses.append(Prefix("spell", raw[-1], boost=0.5))
        for concept in self.concepts.concepts_in(text):
            clauses.append(Term("concepts", concept.lower()))
        # A query that is just a term's name ("sib", "outcomes fund") asks for the page about it.
        named = self.concepts.named_by(text)
        if named in self.best_pages:
            clauses.append(Term("page_id", self.best_pages[named], boost=BEST_PAGE_BOOST))
        if not clauses:
            return None
        return Or(clauses)

    def search(self, text: str, lang: str = "nl", limit: int = 10, page_type: str | None = None) -> Results:
        """Cached per opened index: a release never changes, so neither do its answers."""
        started = time.perf_counter()
        key = (text, lang, limit, page_type)
        cached = self._cache.get(key)
        if cached is None:
            cached = self.search_uncached(text, lang, limit, page_type)
            if len(self._cache) >= CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = cached
        return replace(cached, took_ms=round((time.perf_counter() - started) * 1000, 2))

    def search_uncached(self, text: str, lang: str = "nl", limit: int = 10, page_type: str | None = None) -> Results:
        started = time.perf_counter()
        results = self._run(text, lang, limit, page_type)
        # A word the index has never seen is most likely a typo. When the query as typed finds
        # little, show what the correction finds and say so; otherwise only suggest it.
        correction = self.correct(text, lang)
        if correction:
            if results.total < FEW_RESULTS:
                fixed = self._run(correction, lang, limit, page_type)
                if fixed.total > results.total:
                    fixed.query, fixed.corrected = text, True
                    results = fixed
            results.did_you_mean = correction
        results.took_ms = round((time.perf_counter() - started) * 1000, 2)
        return results

    def _run(self, text: str, lang: str, limit: int, page_type: str | None) -> Results:
        results = Results(query=text, lang=lang, total=0)
        query = self.build_query(text, lang)
        if query is None:
            return results
        searcher = self.searcher(lang)
        filter_query = Term("type", page_type) if page_type else None
        # Whoosh's own collapsing scores every match; over-fetching and skipping is far cheaper.
        # optimize=False: on an index this size scoring everything is faster than Whoosh's
        # block skipping, and it gives the exact total for free.
        found = searcher.search(query, limit=limit * 5, filter=filter_query, optimize=False)
        results.total = len(found)
        matches = make_matcher(self._terms(text, lang), cached_stemmer(lang))
        per_page: dict[str, int] = {}
        for hit in found:
            per_page[hit["page_id"]] = per_page.get(hit["page_id"], 0) + 1
            if per_page[hit["page_id"]] > PER_PAGE:
                continue
            if len(results.hits) == limit:
                break
            snippet = make_snippet(hit["body"], matches)
            results.hits.append(Hit(
                title=hit["title"], heading=hit.get("heading", ""), url=hit["url"], snippet=snippet,
                type=hit["type"], lang=lang, score=round(hit.score, 3), status=hit.get("status")))
        return results

    def _terms(self, text: str, lang: str) -> set[str]:
        analyse = self.searcher(lang).schema["content"].analyzer
        return {token.text for token in analyse(text)}

    def correct(self, text: str, lang: str) -> str | None:
        """A spelling correction from the index's own words, or None if nothing better is known."""
        speller = self.spellers[lang]
        words, changed = [], False
        tokens = [token.text for token in spelling_analyzer()(text)]
        looked_up = set()
        for position, word in enumerate(tokens):
            unfinished = position == len(tokens) - 1 and speller.starts_a_word(word)
            if len(word) > 2 and not speller.knows(word) and not unfinished and (
                    word in looked_up or len(looked_up) < MAX_SUGGESTIONS):
                looked_up.add(word)
                suggestion = speller.suggest(word)
                if suggestion:
                    word, changed = suggestion, True
            words.append(word)
        return " ".join(words) if changed else None
