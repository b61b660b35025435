"""Text analysis per language: tokens, accents, stop words, Dutch compounds, stemming.

Dutch glues words together ("resultaatfinanciering"); a search for one part must find the whole.
The compound filter splits a word into parts that are themselves words of the knowledge base
(the vocabulary comes from the content and the glossary, never from a list typed in code).
"""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_PART = 4            # shorter parts split too eagerly ("over" + "heid")
LINKING = ("s", "e")    # Dutch linking letters: arbeid-s-participatie


# Bounds on the splitter's work, whatever the reader types (issue 11: an unbounded search froze a
# worker for seconds on a 92-character query). The longest word of the vocabulary has 33 letters,
# so a word past MAX_COMPOUND is no compound of known words worth splitting.
MAX_COMPOUND = 64
# Splits of words not seen before, per analysed text outside indexing (a query): after this many
# the remaining words are kept whole. A 500-character query has at most 55 words of 8+ letters.
MAX_SPLITS_PER_TEXT = 64
MEMO_SIZE = 65536       # remembered splits per filter (words and their tails)


class CompoundFilter(Filter):
    """Keep a compound word and add its parts, when every part is a known word."""

    def __init__(self, vocabulary: frozenset[str]):
        self.vocabulary = vocabulary

    def __eq__(self, other):
        return isinstance(other, CompoundFilter) and self.vocabulary == other.vocabulary

    # The filter is pickled into the index's schema: keep the memo out of it.
    def __getstate__(self):
        return {"vocabulary": self.vocabulary}

    def _tail_splitter(self):
        tails = self.__dict__.get("_tails")
        if tails is None:
            # Remembers every tail it tried, including the ones that failed: each distinct tail
            # of a word is split once, so a word costs O(n²) look-ups instead of O(2ⁿ).
            @lru_cache(maxsize=MEMO_SIZE)
            def tails(rest: str) -> tuple[str, ...] | None:
                return _split(rest, self.vocabulary, tails, top=False)
            self.__dict__["_tails"] = tails
        return tails

    def split(self, word: str) -> list[str] | None:
        if len(word) > MAX_COMPOUND:
            return None
        parts = _split(word, self.vocabulary, self._tail_splitter(), top=True)
        return list(parts) if parts else None

    def __call__(self, tokens):
        splits = 0
        for token in tokens:
            parts = None
            if len(token.text) >= 2 * MIN_PART:
                # Indexing must split every word; anything else (a query) has a budget.
                if getattr(token, "mode", "") == "index" or splits < MAX_SPLITS_PER_TEXT:
                    splits += 1
                    parts = self.split(token.text)
            yield token
            if parts:
                original = token.text
                for part in parts:
                    token.text = part
                    yield token
                token.text = original


def _split(word: str, vocabulary, tails, top: bool = False) -> tuple[str, ...] | None:
    """Split `word` into known words; `tails` splits what is left after a prefix (memoised)."""
    # Longest known prefix first, so "resultaatfinanciering" is resultaat + financiering.
    if not top and word in vocabulary:
        return (word,)
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        prefix, rest = word[:cut], word[cut:]
        if prefix not in vocabulary:
            continue
        for link in ("",) + LINKING:
            if link and not rest.startswith(link):
                continue
            tail = tails(rest[len(link):]) if len(rest) - len(link) >= MIN_PART else None
            if tail:
                return (prefix,) + tail
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
