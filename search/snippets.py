"""Snippets: a short, HTML-escaped excerpt of a section with the matched words in <mark>.

Whoosh's highlighter re-analyses every hit through the whole filter chain, which costs more than
the search itself; matching words against the query's stems directly is enough for a snippet.
Only words that could match (they start like a query stem, or contain a long one) are stemmed,
and the scan stops once the excerpt's window is full.
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
        self.prefixes = {t[:PREFIX] for t in terms if t}
        self.starts = _starting_with(frozenset(self.prefixes)) if self.prefixes else None
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
        if not self.terms:
            return []
        folded = fold(text) if folded is None else folded
        if len(folded) != len(text):  # a letter folded into two (ae): match the words as written
            folded = text
        prefixes, matches = self.prefixes, self.matches
        inside = [t for t in self.long_terms if t in folded]  # usually none: one C search each
        # Usually only words that start like a query stem can match: let the regex engine find
        # them. A long stem inside a compound ("...financiering") needs every word looked at.
        candidates = WORD.finditer(folded) if inside or self.starts is None else self.starts.finditer(folded)
        spans, stop = [], None
        for m in candidates:
            if stop is not None and m.start() > stop:
                break
            word = m.group()
            if word[:PREFIX] in prefixes or (inside and any(t in word for t in inside)):
                if matches(text[m.start():m.end()]):
                    spans.append((m.start(), m.end()))
                    if stop is None and window is not None:
                        stop = m.start() + window
        return spans


@lru_cache(maxsize=4096)
def _starting_with(prefixes: frozenset[str]) -> re.Pattern:
    """Words that start with one of these (folded) prefixes."""
    return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, prefixes)))})[^\W_]*")


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
