"""Snippets: a short, HTML-escaped excerpt of a section with the matched words in <mark>.

Whoosh's highlighter re-analyses every hit through the whole filter chain, which costs more than
the search itself; matching words against the query's stems directly is enough for a snippet.
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


def make_matcher(terms: set[str], stem):
    """A test for 'does this word match the query': same stem, or contains a long query stem."""
    long_terms = [t for t in terms if len(t) >= 5]

    @lru_cache(maxsize=4096)
    def matches(word: str) -> bool:
        folded = word.lower().translate(_FOLD)
        if stem(folded) in terms:
            return True
        return any(term in folded for term in long_terms)  # parts of Dutch compounds
    return matches


SCAN_CHARS = 2000  # look for the first match only this far into a section


def snippet(text: str, matches) -> str:
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
