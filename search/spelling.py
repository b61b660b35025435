"""'Did you mean': the closest word the index knows, within two edits.

Whoosh's own corrector walks its word graph and costs ~100 ms per word here; the vocabulary of a
knowledge base is small, so a dictionary bucketed by first letter and length is much faster.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache

MAX_EDITS = 2
# Bounded work per query (issue 11): a query of 55 made-up words would otherwise compare each
# against hundreds of candidates. Repeated words are looked up once; past MAX_SUGGESTIONS words
# the rest of the query is kept as typed.
MAX_SUGGESTIONS = 8
SHORT_WORD = 6  # a word this short gets one edit: two would turn too many real words into others


class Speller:
    def __init__(self, frequencies: dict[str, int]):
        self.frequencies = frequencies
        self.sorted = sorted(frequencies)
        # Bucketed by first letter and length: a candidate more than two letters longer or
        # shorter is never within two edits, so it is never looked at.
        self.buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in frequencies:
            self.buckets[(word[0], len(word))].append((word, frozenset(word)))
        # Typos repeat across queries ("financering"); a suggestion is looked up once.
        self.suggest = lru_cache(maxsize=20_000)(self._suggest)

    def knows(self, word: str) -> bool:
        return word in self.frequencies

    def starts_a_word(self, prefix: str) -> bool:
        """True if some known word begins with `prefix` (the user may still be typing it)."""
        position = bisect_left(self.sorted, prefix)
        return position < len(self.sorted) and self.sorted[position].startswith(prefix)

    def _suggest(self, word: str) -> str | None:
        limit = 1 if len(word) <= SHORT_WORD else MAX_EDITS
        best, best_key = None, None
        # Typos rarely hit the first letter; transposing the first two is covered by the second bucket.
        firsts = {word[0], word[1]} if len(word) > 1 else {word[0]}
        candidates = [c for first in firsts for size in range(len(word) - limit, len(word) + limit + 1)
                      for c in self.buckets.get((first, size), ())]
        letters = frozenset(word)
        for candidate, its_letters in candidates:
            # One edit changes at most two letters of the set of letters used: a cheap bound
            # that skips most candidates before the (slow, pure Python) edit distance.
            if len(letters ^ its_letters) > 2 * limit:
                continue
            distance = edit_distance(word, candidate, limit)
            if distance <= limit:
                key = (distance, -self.frequencies[candidate], candidate)
                if best_key is None or key < best_key:
                    best, best_key = candidate, key
        return best


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment), giving up once it exceeds `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
