"""Text analysis per language: tokens, accents, stop words, Dutch compounds, stemming.

Dutch glues words together ("resultaatfinanciering"); a search for one part must find the whole.
The compound filter splits a word into parts that are themselves words of the knowledge base
(the vocabulary comes from the content and the glossary, never from a list typed in code).
"""
from __future__ import annotations

import re

from whoosh.analysis import (CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter,
                             StopFilter)
from whoosh.support.charset import accent_map

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_PART = 4            # shorter parts split too eagerly ("over" + "heid")
LINKING = ("s", "e")    # Dutch linking letters: arbeid-s-participatie


class CompoundFilter(Filter):
    """Keep a compound word and add its parts, when every part is a known word."""

    def __init__(self, vocabulary: frozenset[str]):
        self.vocabulary = vocabulary

    def __eq__(self, other):
        return isinstance(other, CompoundFilter) and self.vocabulary == other.vocabulary

    def split(self, word: str) -> list[str] | None:
        return _split(word, self.vocabulary, top=True)

    def __call__(self, tokens):
        for token in tokens:
            parts = self.split(token.text) if len(token.text) >= 2 * MIN_PART else None
            yield token
            if parts:
                original = token.text
                for part in parts:
                    token.text = part
                    yield token
                token.text = original


def _split(word: str, vocabulary, top: bool = False) -> list[str] | None:
    # Longest known prefix first, so "resultaatfinanciering" is resultaat + financiering.
    if not top and word in vocabulary:
        return [word]
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        prefix, rest = word[:cut], word[cut:]
        if prefix not in vocabulary:
            continue
        for link in ("",) + LINKING:
            if link and not rest.startswith(link):
                continue
            tail = _split(rest[len(link):], vocabulary) if len(rest) - len(link) >= MIN_PART else None
            if tail:
                return [prefix] + tail
    return None


def vocabulary_from(texts) -> frozenset[str]:
    """Every word of at least MIN_PART letters that occurs in the texts, lower-cased and unaccented."""
    words = set()
    fold = str.maketrans(accent_map)
    for text in texts:
        for word in WORD.findall(text.lower().translate(fold)):
            if len(word) >= MIN_PART:
                words.add(word)
    return frozenset(words)


def analyzer(lang: str, vocabulary: frozenset[str] = frozenset(), keep: frozenset[str] = frozenset()):
    """`keep`: words the stemmer leaves whole (kb/data/search.yml stem_exceptions: werkt is not werk)."""
    chain = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
    if lang == "nl":
        chain = chain | CompoundFilter(vocabulary)
    return chain | StopFilter(lang=lang) | StemFilter(lang=lang, ignore=set(keep) or None)


def spelling_analyzer():
    """Whole words, unstemmed: what "did you mean" suggests from."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
