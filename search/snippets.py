"""Snippets: a short, HTML-escaped excerpt of a section with the matched words in <mark>.

Whoosh's highlighter re-analyses every hit through the whole filter chain, which costs more than
the search itself; matching words against the query's stems directly is enough for a snippet.
Only words that could match (they start like a query stem, or contain a long one) are stemmed:
one regular expression over the text finds them, instead of a Python call per word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import escape
from whoosh.support.charset import accent_map

WORD = re.compile(r"[^\W_]+", re.UNICODE)
_FOLD = str.maketrans(accent_map)
MAX_CHARS = 220
BEFORE = 60  # characters of context before the first match
PREFIX = 2   # a stem keeps the first letters of its word (Dutch may undouble a vowel: veel -> vel)


class Matcher:
    """'Does this word match the query': same stem, or contains a long query stem."""

    def __init__(self, terms: set[str], stem):
        self.terms, self.stem = terms, stem
        self.long_terms = [t for t in terms if len(t) >= 5]  # parts of Dutch compounds
        prefixes = sorted({re.escape(t[:PREFIX]) for t in terms if t}, key=len, reverse=True)
        inner = sorted({re.escape(t) for t in self.long_terms}, key=len, reverse=True)
        alternatives = ([rf"\b(?:{'|'.join(prefixes)})[^\W_]*"] if prefixes else []) + \
                       ([rf"\b[^\W_]+?(?:{'|'.join(inner)})[^\W_]*"] if inner else [])
        self.candidates = re.compile("|".join(alternatives)) if alternatives else None
        self.matches = lru_cache(maxsize=4096)(self._matches)

    def _matches(self, word: str) -> bool:
        folded = word.lower().translate(_FOLD)
        if self.stem(folded) in self.terms:
            return True
        return any(term in folded for term in self.long_terms)

    def __call__(self, word: str) -> bool:
        return self.matches(word)

    def spans(self, text: str, folded: str | None = None, window: int | None = None) -> list[tuple[int, int]]:
        """Where the matching words are in `text` (`folded`: the same text through `fold`, if known).
        With `window`, stop once past that many characters after the first match."""
        if self.candidates is None:
            return []
        folded = fold(text) if folded is None else folded
        if len(folded) != len(text):  # a letter folded into two (æ -> ae): check every word
            found = WORD.finditer(text)
        else:
            found = self.candidates.finditer(folded)
        spans, stop = [], None
        for m in found:
            if stop is not None and m.start() > stop:
                break
            if self.matches(text[m.start():m.end()]):
                spans.append((m.start(), m.end()))
                if stop is None and window is not None:
                    stop = m.start() + window
        return spans


def fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def make_matcher(terms: set[str], stem) -> Matcher:
    return Matcher(terms, stem)


SCAN_CHARS = 2000  # look for the first match only this far into a section


def snippet(text: str, matches, folded: str | None = None) -> str:
    if isinstance(matches, Matcher):
        spans = matches.spans(text[:SCAN_CHARS], folded, window=MAX_CHARS)
    else:
        spans = [(m.start(), m.end()) for m in WORD.finditer(text, 0, SCAN_CHARS) if matches(m.group())]
    if not spans:
        return _cut(text, 0)
    start = max(0, spans[0][0] - BEFORE)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + MAX_CHARS)
    out, position = [], start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        out.append(str(escape(text[position:begin])))
        out.append(f"<mark>{escape(text[begin:finish])}</mark>")
        position = finish
    out.append(str(escape(text[position:end])))
    return ("… " if start else "") + "".join(out).strip() + (" …" if end < len(text) else "")


def _cut(text: str, start: int) -> str:
    piece = text[start:start + MAX_CHARS]
    return str(escape(piece)) + (" …" if len(text) > start + MAX_CHARS else "")
