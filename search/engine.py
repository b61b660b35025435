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
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from whoosh import index
from whoosh.lang import stemmer_for_language
from whoosh.query import Or, Prefix, Term

from search.analysis import spelling_analyzer
from search.concepts import ConceptMatcher
from search.scoring import MemoryScorer
from search.snippets import SCAN_CHARS, fold, make_matcher
from search.snippets import snippet as make_snippet
from search.spelling import MAX_SUGGESTIONS, Speller
from search.understanding import QueryUnderstanding, prepare

RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)
SPELLING_ANALYZER = spelling_analyzer()
CACHE_SIZE = 2048  # answers kept per opened index (oldest dropped first)
PER_PAGE = 2   # at most this many sections of one page, so one long page cannot crowd out the rest
CANDIDATES = 5  # sections fetched per result shown, before re-ranking and the per-page cap
LEAD_FACTOR = 2.0  # a favoured page's opening section comes before its own deeper sections
NEAREST = 5    # pages offered when nothing answers the query


@cache
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
    query: str                   # the words these results are for (the correction, if one replaced the query)
    lang: str
    total: int
    hits: list[Hit] = field(default_factory=list)
    did_you_mean: str | None = None   # a correction: offered (suggestion) or used (corrected_from)
    corrected: bool = False
    corrected_from: str | None = None  # the words as typed, when they found nothing and a correction did
    suggestion: str | None = None      # a correction offered beside results for the words as typed
    no_match: bool = False             # nothing on the site answers this; `nearest` lists the closest pages
    nearest: list[Hit] = field(default_factory=list)
    understood: list[str] = field(default_factory=list)  # what the query was recognised as
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
                self.concepts = ConceptMatcher(concepts["groups"], plurals=True)
                self.best_pages = concepts["pages"]
                query_data = prepare(json.loads((self.path / "query.json").read_text(encoding="utf-8")))
                self.understanding = QueryUnderstanding(query_data, self.concepts, self.best_pages)
                self.types = {lang: self._types(ix) for lang, ix in self.indexes.items()}
                self.spellers = {lang: self._speller(ix) for lang, ix in self.indexes.items()}
                self.scorers = {lang: MemoryScorer(ix, self.spellers[lang].sorted) for lang, ix in self.indexes.items()}
                self.known = {lang: self._content_terms(ix) | self.understanding.known_words(lang)
                              for lang, ix in self.indexes.items()}
                self.stored = {lang: self._stored(ix) for lang, ix in self.indexes.items()}
                # docnum -> (page id, is the page's opening section, page type): all that ranking needs
                self.doc_tables = {lang: {docnum: (f["page_id"], "#" not in f["url"], f["type"]) for docnum, f in stored.items()}
                                   for lang, stored in self.stored.items()}
                self.lead_docs = {lang: {page: docnum for docnum, (page, lead, _) in table.items() if lead}
                                  for lang, table in self.doc_tables.items()}
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
    def _content_terms(ix) -> set[str]:
        with ix.reader() as reader:
            return {t.decode() if isinstance(t, bytes) else t for t in reader.field_terms("content")}

    @staticmethod
    def _stored(ix) -> dict[int, dict]:
        """docnum -> stored fields, read once: decompressing them per query cost as much as the search.
        A knowledge base is small enough to keep them in memory (a few MB even at 10x today's size)."""
        with ix.reader() as reader:
            stored = {docnum: fields for docnum, fields in reader.iter_docs()}
        for fields in stored.values():
            fields["_folded"] = fold(fields["body"][:SCAN_CHARS])  # for snippets
        return stored

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
    def query_parts(self, text: str, lang: str, understood=None):
        """What to score: (field, term, boost) clauses, and (field, prefix, boost) for a word
        that may be unfinished. Everything typed is a word: there is no query syntax."""
        understood = understood or self.understanding.understand(text, lang)
        analyse = self.searcher(lang).schema["content"].analyzer
        terms = list(dict.fromkeys(t.text for t in analyse(understood.words)))
        understood.terms = set(terms)  # for the snippets: the same words, not analysed twice
        clauses = [("content", term, 1.0) for term in terms]
        prefixes = []
        # As-you-type: a last word the index does not know may be unfinished ("financ").
        raw = RAW_WORD.findall(text.lower())
        if raw and len(raw[-1]) >= 3 and not self.spellers[lang].knows(raw[-1]):
            prefixes.append(("spell", raw[-1], 0.5))
        for concept in understood.concepts:
            clauses.append(("concepts", concept.lower(), 1.0))
        # Favoured pages and types join the candidates; re-ranking gives them their weight.
        for page in list(understood.favoured) + understood.pinned:
            clauses.append(("page_id", page, 0.2))
        for page_type in understood.types:
            clauses.append(("type", page_type, 0.1))
        return clauses, prefixes

    def build_query(self, text: str, lang: str, understood=None):
        """The same query as a Whoosh query object (to compare the in-memory scoring with Whoosh's)."""
        clauses, prefixes = self.query_parts(text, lang, understood)
        parts = [Term(field, term, boost=boost) for field, term, boost in clauses]
        parts += [Prefix(field, prefix, boost=boost) for field, prefix, boost in prefixes]
        return Or(parts) if parts else None

    def search(self, text: str, lang: str = "nl", limit: int = 10, page_type: str | None = None,
               correct: bool = True) -> Results:
        """Cached per opened index: a release never changes, so neither do its answers."""
        started = time.perf_counter()
        key = (text, lang, limit, page_type, correct)
        cached = self._cache.get(key)
        if cached is None:
            cached = self.search_uncached(text, lang, limit, page_type, correct)
            if len(self._cache) >= CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = cached
        return replace(cached, took_ms=round((time.perf_counter() - started) * 1000, 2))

    def search_uncached(self, text: str, lang: str = "nl", limit: int = 10, page_type: str | None = None,
                        correct: bool = True) -> Results:
        started = time.perf_counter()
        understood = self.understanding.understand(text, lang)
        if understood.not_covered:
            # A topic the sources do not cover: say so, and offer the nearest pages, never look-alikes.
            results = Results(query=text, lang=lang, total=0, no_match=True, understood=["not_covered"])
            results.nearest = self._pages(understood.not_covered, lang)
            results.took_ms = round((time.perf_counter() - started) * 1000, 2)
            return results
        # The query as typed is searched first. A correction (a word the site does not know,
        # close to one it does) is only offered, unless the typed words find nothing at all.
        results = self._run(text, lang, limit, page_type, understood)
        correction = self.correct(text, lang) if correct else None
        if results.total == 0 and correction:
            fixed = self._run(correction, lang, limit, page_type)
            if fixed.total:
                fixed.corrected, fixed.corrected_from, fixed.did_you_mean = True, text, correction
                results = fixed
        elif correction:
            results.suggestion = results.did_you_mean = correction
        if results.total == 0:
            # Honest: no page about this. The nearest pages, not look-alike words passed off as the answer.
            results.no_match = True
            results.suggestion = results.did_you_mean = None
            results.nearest = self._nearest(text, lang)
        results.took_ms = round((time.perf_counter() - started) * 1000, 2)
        return results

    def _run(self, text: str, lang: str, limit: int, page_type: str | None, understood=None) -> Results:
        results = Results(query=text, lang=lang, total=0)
        understood = understood or self.understanding.understand(text, lang)
        results.understood = list(dict.fromkeys(understood.signals))
        clauses, prefixes = self.query_parts(text, lang, understood)
        if not clauses and not prefixes:
            return results
        table = self.doc_tables[lang]
        allowed = (lambda docnum: table[docnum][2] == page_type) if page_type else None
        top_n, results.total = self.scorers[lang].search(clauses, prefixes, max(limit * CANDIDATES, 30), allowed)
        if not results.total:
            return results
        # Ranking reads the small per-document table and the stored fields kept in memory.
        matches = make_matcher(understood.terms, cached_stemmer(lang))
        per_page: dict[str, int] = {}
        for score, docnum in self._rank(top_n, understood, lang, page_type):
            page = table[docnum][0]
            per_page[page] = per_page.get(page, 0) + 1
            if per_page[page] > PER_PAGE:
                continue
            if len(results.hits) == limit:
                break
            results.hits.append(self._hit(self.stored[lang][docnum], lang, score, matches))
        return results

    def _rank(self, top_n, understood, lang: str, page_type: str | None) -> list[tuple[float, int]]:
        """Pinned pages first (their opening section leading), then favoured pages, then by score.

        A favoured page (a country or facet the query names) is lifted by a share of the best
        match's score, so its opening section ranks above pages that merely match the words.
        """
        pin = {page: rank for rank, page in enumerate(understood.pinned)}
        favoured, weighted, types = understood.favoured, understood.weighted, understood.types
        table = self.doc_tables[lang]
        top = top_n[0][0] if top_n else 1.0
        rows, seen = [], set()

        def add(docnum: int, raw: float) -> None:
            page, lead, page_kind = table[docnum]
            score = raw * weighted.get(page, 1.0) * types.get(page_kind, 1.0)
            if page in favoured:
                score += top * (favoured[page] - 1) * (1.0 if lead else 0.5)
            rows.append(((pin.get(page, len(pin)), 0 if lead and page in pin else 1, -score), score, docnum))
            seen.add(docnum)

        for raw, docnum in top_n:
            add(docnum, raw)
        # A pinned or favoured page's opening section is shown even when none of its words matched.
        for page in list(pin) + list(favoured):
            docnum = self.lead_docs[lang].get(page)
            if docnum is not None and docnum not in seen and (not page_type or table[docnum][2] == page_type):
                add(docnum, 0.0)
        rows.sort(key=lambda row: row[0])
        return [(score, docnum) for _, score, docnum in rows]

    @staticmethod
    def _hit(fields: dict, lang: str, score: float, matches) -> Hit:
        return Hit(title=fields["title"], heading=fields.get("heading", ""), url=fields["url"],
                   snippet=make_snippet(fields["body"], matches, fields.get("_folded")), type=fields["type"], lang=lang,
                   score=round(score, 3), status=fields.get("status"))

    def _pages(self, page_ids: list[str], lang: str) -> list[Hit]:
        # The opening sections of these pages, as hits.
        hits = []
        for page in page_ids:
            docnum = self.lead_docs[lang].get(page)
            if docnum is not None:
                hits.append(self._hit(self.stored[lang][docnum], lang, 0.0, lambda word: False))
        return hits

    def _nearest(self, text: str, lang: str) -> list[Hit]:
        """Pages that share the start of a typed word (kinderopvang -> kinderen), one hit per page."""
        words = [w for w in RAW_WORD.findall(text.lower()) if len(w) >= 4]
        if not words:
            return []
        query = Or([Prefix("spell", w[:4]) for w in words])
        matches = make_matcher({w[:4] for w in words}, cached_stemmer(lang))
        hits, pages = [], set()
        for hit in self.searcher(lang).search(query, limit=NEAREST * 5):
            fields = hit.fields()
            if fields["page_id"] in pages:
                continue
            pages.add(fields["page_id"])
            hits.append(self._hit(fields, lang, hit.score, matches))
            if len(hits) == NEAREST:
                break
        return hits

    def _terms(self, text: str, lang: str) -> set[str]:
        analyse = self.searcher(lang).schema["content"].analyzer
        return {token.text for token in analyse(text)}

    def knows(self, word: str, lang: str) -> bool:
        """A word the site uses (as typed or by its stem), or one the search data gives a meaning."""
        if self.spellers[lang].knows(word) or word in self.known[lang]:
            return True
        analyse = self.searcher(lang).schema["content"].analyzer
        stems = [token.text for token in analyse(word)]
        return bool(stems) and all(stem in self.known[lang] for stem in stems)

    def correct(self, text: str, lang: str) -> str | None:
        """A spelling correction from the index's own words, or None if nothing better is known."""
        speller = self.spellers[lang]
        words, changed = [], False
        tokens = [token.text for token in SPELLING_ANALYZER(text)]
        looked_up = set()
        for position, word in enumerate(tokens):
            unfinished = position == len(tokens) - 1 and speller.starts_a_word(word)
            if len(word) > 2 and not unfinished and not self.knows(word, lang) and (
                    word in looked_up or len(looked_up) < MAX_SUGGESTIONS):
                looked_up.add(word)
                suggestion = speller.suggest(word)
                if suggestion:
                    word, changed = suggestion, True
            words.append(word)
        return " ".join(words) if changed else None
