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
SUGGESTION_MEMO = 8192


class Speller:
    def __init__(self, frequencies: dict[str, int]):
        self.frequencies = frequencies
        self.sorted = sorted(frequencies)
        self.buckets: dict[str, list[str]] = defaultdict(list)
        for word in frequencies:
            self.buckets[word[0]].append(word)
        self.suggest = lru_cache(maxsize=SUGGESTION_MEMO)(self._suggest)

    def knows(self, word: str) -> bool:
        return word in self.frequencies

    def starts_a_word(self, prefix: str) -> bool:
        """True if some known word begins with `prefix` (the user may still be typing it)."""
        position = bisect_left(self.sorted, prefix)
        return position < len(self.sorted) and self.sorted[position].startswith(prefix)

    def _suggest(self, word: str) -> str | None:
        best, best_key = None, None
        # Typos rarely hit the first letter; transposing the first two is covered by the second bucket.
        candidates = self.buckets.get(word[0], []) + (self.buckets.get(word[1], []) if len(word) > 1 else [])
        for candidate in candidates:
            if abs(len(candidate) - len(word)) > MAX_EDITS:
                continue
            distance = edit_distance(word, candidate, MAX_EDITS)
            if distance <= MAX_EDITS:
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
