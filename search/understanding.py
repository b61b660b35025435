"""Query understanding: what a typed question asks for, read from the content's own data.

Nothing here is a word list: the phrases, facets, variants and best bets come from
kb/data/search.yml, country names from kb/data/countries.yml and terms from the glossary, compiled
by the index build into index/query.json (see `compile_query_data`). At run time only that file
is read.

A query is understood as:
- pinned pages, put first in this order: best bets, the wizard for a choice between forms, and
  the page that explains a term for a definition question (or a query that is only the term);
- favoured pages and page types, whose sections weigh more: a country the query names, a facet
  word (nadelen, lessons, ...), a glossary term named anywhere in the query;
- the words to match: without the question's own words (wat is, how does, ...), with the
  everyday variants of a word and the site's own name for a country added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh.support.charset import accent_map

_FOLD = str.maketrans(accent_map)
_NOT_WORD = re.compile(r"[^\w]+|_", re.UNICODE)

# How far a favoured page's opening section is lifted, as a share of the best match's score:
# 1.5 puts it above every page that only matches the words (a facet word is the most specific).
COUNTRY_FACTOR = 2.2
FACET_FACTOR = 2.5
CONCEPT_FACTOR = 1.6  # on the score of a named term's page (not lifted: other words may matter more)
TYPE_FACTOR = 1.3
FALLBACK_FACTOR = 3.0  # the glossary, for a definition question about a term without its own page


def normalise(text: str, lower: bool = True) -> str:
    """Words only, single spaces, no accents; lower case unless asked otherwise."""
    text = text.translate(_FOLD)
    text = _NOT_WORD.sub(" ", text.lower() if lower else text)
    return " ".join(text.split())


def contains(padded: str, phrase: str) -> bool:
    """Whole-word phrase test; `padded` is a normalised query with a space at both ends."""
    return f" {phrase} " in padded


@dataclass
class Understanding:
    words: str                                    # what to match against the text
    pinned: list[str] = field(default_factory=list)   # page ids, first to last
    favoured: dict[str, float] = field(default_factory=dict)  # page id -> factor; its lead ranks near the top
    weighted: dict[str, float] = field(default_factory=dict)  # page id -> factor on its score only
    types: dict[str, float] = field(default_factory=dict)     # page type -> weight factor
    concepts: list[str] = field(default_factory=list)
    not_covered: list[str] = field(default_factory=list)  # nearest pages, when the topic is not on the site
    terms: set[str] = field(default_factory=set)  # the analysed words, once the query is built
    signals: list[str] = field(default_factory=list)  # what was recognised, for the API and tests


class QueryUnderstanding:
    def __init__(self, data: dict, concepts, concept_pages: dict[str, str]):
        self.data = data                    # per language, from index/query.json
        self.concepts = concepts            # a ConceptMatcher over the glossary
        self.concept_pages = concept_pages  # concept id -> page id (the glossary's `page:`)

    def known_words(self, lang: str) -> set[str]:
        """Words the data gives a meaning: never 'corrected' into something else."""
        data = self.data[lang]
        words = set()
        for phrase in (data["definition"] + data["filler"] + [p for g in data["variants"] for p in g]
                       + [w for t in data["not_covered"] for w in t["words"]]
                       + [w for f in data["facets"] for w in f["words"]]
                       + [n for c in data["countries"] for n in c["names"]]):
            words.update(phrase.split())
        return words

    def understand(self, text: str, lang: str) -> Understanding:
        data = self.data[lang]
        norm = normalise(text)
        padded = f" {norm} "
        result = Understanding(words=norm)
        concepts = self.concepts.concepts_in(text)
        result.concepts = concepts

        # The bet whose phrase says most wins ("hoe beslist de keuzehulp" over "keuzehulp").
        bets = []
        for bet in data["best_bets"]:
            matched = [len(phrase) for phrase in bet["phrases"] if contains(padded, phrase)]
            if matched:
                bets.append((-max(matched), bet["page"]))
        for _, page in sorted(bets):
            self._pin(result, page, "best_bet")

        choice = data["choice"]
        tokens = norm.split()
        forms = [c for c in concepts if c in choice["concepts"]]
        if len(forms) >= 2 and any(c in tokens for c in choice["connectors"]):
            self._pin(result, choice["page"], "choice")

        definition = next((p for p in data["definition"] if contains(padded, p)), None)
        named = self.concepts.named_by(text)
        if definition or named:
            # The first term the question names, in the order it is typed.
            first = named or min(concepts, key=lambda c: self.concepts.position(c, text), default=None)
            if first in self.concept_pages:
                self._pin(result, self.concept_pages[first], "definition")
            elif first and data["definition_fallback"]:
                result.favoured[data["definition_fallback"]] = FALLBACK_FACTOR
                result.signals.append("definition")

        extra: list[str] = []
        cased = f" {normalise(text, lower=False)} "
        for country in data["countries"]:
            hit = [n for n in country["names"] if contains(padded, n)] + \
                  [n for n in country["caps"] if contains(cased, n)]
            if hit:
                result.favoured[country["page"]] = COUNTRY_FACTOR
                result.signals.append("country")
                if country["name"] not in hit:
                    extra.append(country["name"])

        for facet in data["facets"]:
            if any(contains(padded, w) for w in facet["words"]):
                result.signals.append("facet")
                for page in facet["pages"]:
                    result.favoured[page] = max(result.favoured.get(page, 1.0), FACET_FACTOR)
                for page_type in facet["types"]:
                    result.types[page_type] = TYPE_FACTOR

        for group in data["variants"]:
            if any(contains(padded, w) for w in group):
                result.signals.append("variant")
                extra += [w for w in group if not contains(padded, w)]

        # A term named beside a country or an aspect (nadelen, lessons) asks about that: only a
        # term named on its own favours the term's page.
        if not result.favoured:
            for concept in concepts:
                page = self.concept_pages.get(concept)
                if page:
                    result.weighted[page] = CONCEPT_FACTOR

        # The question's own words say nothing about the subject: match the rest.
        words = norm
        if definition:
            words = f" {words} ".replace(f" {definition} ", " ", 1).strip()
        kept = [w for w in words.split() if w not in data["filler_set"]]
        result.words = " ".join(kept + extra) if kept or extra else norm
        if kept and not result.pinned:
            rest = f" {' '.join(kept)} "
            for topic in data["not_covered"]:
                for phrase in topic["words"]:
                    rest = rest.replace(f" {phrase} ", " ")
                if not rest.strip():
                    result.not_covered = topic["nearest"]
                    result.signals.append("not_covered")
                    break
        return result

    @staticmethod
    def _pin(result: Understanding, page: str, signal: str) -> None:
        if page not in result.pinned:
            result.pinned.append(page)
        result.signals.append(signal)


def prepare(data: dict) -> dict:
    """Run-time helpers derived from the compiled data (sets for fast look-ups)."""
    for lang_data in data.values():
        lang_data["filler_set"] = set(lang_data["filler"])
    return data


# --- build time ------------------------------------------------------------------------------

def compile_query_data(knowledge) -> dict:
    """kb/data/search.yml and countries.yml as the engine needs them: normalised, pages as ids."""
    model = knowledge.data.get("search") or {}

    def page_id(stem: str, lang: str) -> str:
        page = knowledge.page_by_stem(stem, lang)
        return page.id if page else stem

    out = {}
    for lang in ("nl", "en"):
        def phrases(value) -> list[str]:
            return [p for p in (normalise(str(v)) for v in (value or {}).get(lang) or []) if p]

        choice = model.get("choice") or {}
        countries = []
        for country in knowledge.countries.values():
            names = [str(country["name"][lang])] + [str(n) for n in country.get("names") or []]
            names.append(str(country["name"]["en" if lang == "nl" else "nl"]))
            caps = sorted({normalise(n, lower=False) for n in names if n.isupper()})
            countries.append({"page": page_id(country["page"], lang), "name": normalise(country["name"][lang]),
                              "names": sorted({normalise(n) for n in names if not n.isupper()}), "caps": caps})
        out[lang] = {
            "definition": sorted(phrases(model.get("definition")), key=len, reverse=True),
            "filler": phrases(model.get("filler")),
            "variants": [phrases(group) for group in model.get("variants") or []],
            "not_covered": [{"words": sorted(phrases(t.get("words")), key=len, reverse=True), "nearest": [page_id(s, lang) for s in t.get("nearest") or []]}
                            for t in model.get("not_covered") or []],
            "facets": [{"words": phrases(f.get("words")), "pages": [page_id(s, lang) for s in f.get("pages") or []],
                        "types": list(f.get("types") or [])} for f in model.get("facets") or []],
            "choice": {"page": page_id(choice.get("page", ""), lang), "connectors": phrases(choice.get("connectors")),
                       "concepts": list(choice.get("concepts") or [])},
            "best_bets": [{"phrases": phrases(b.get("match")), "page": page_id(b["page"], lang)}
                          for b in model.get("best_bets") or []],
            "countries": countries,
            "stem_exceptions": phrases(model.get("stem_exceptions")),
            "definition_fallback": page_id(model["definition_fallback"], lang) if model.get("definition_fallback") else None,
        }
    return out
