"""Synonyms from the glossary: every way of naming a term points to the same concept.

"SIB", "Social Impact Bond" and "impact bond" are one concept; a document that mentions any of
them is tagged with it, and a query that mentions any of them also searches for the tag.
"""
from __future__ import annotations

import re

_WORDS = re.compile(r"[^\W_]+")


def concept_groups(glossary: list[dict]) -> dict[str, list[str]]:
    """concept id -> every name for it (terms in both languages, abbreviations, synonyms)."""
    groups = {}
    for entry in glossary:
        names = {entry["term"]["nl"], entry["term"]["en"], *(entry.get("abbr") or []), *(entry.get("synonyms") or [])}
        groups[entry["id"]] = sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)
    return groups


def _pattern(names: list[str], plurals: bool) -> re.Pattern:
    # A hyphen and a space are the same to a searcher: "pay for success" names "pay-for-success".
    alternatives = "|".join(re.escape(name.lower()).replace(r"\-", r"[-\s]") for name in names)
    # In a query a plural or possessive still names the term (SIBs, SIB's, impact bonds); the
    # index tags only the names as written, so "outcomes" in a text is not a definition of "outcome".
    ending = "(?:'s|’s|s)?" if plurals else ""
    return re.compile(rf"(?<![\w-])(?:{alternatives}){ending}(?![\w-])")


class ConceptMatcher:
    def __init__(self, groups: dict[str, list[str]], plurals: bool = False):
        self.groups = groups
        self.patterns = {concept: _pattern(names, plurals) for concept, names in groups.items() if names}
        # Which concepts a word could start naming, by the word's first letters: a query then
        # tries only those patterns instead of all of them.
        self.by_start: dict[str, set[str]] = {}
        for concept, names in groups.items():
            for name in names:
                first = next(iter(_WORDS.findall(name.lower())), "")
                self.by_start.setdefault(first[:3], set()).add(concept)

    def concepts_in(self, text: str) -> list[str]:
        lowered = text.lower()
        starts = {word[:size] for word in _WORDS.findall(lowered) for size in (1, 2, 3)}
        candidates = set().union(*(self.by_start.get(start, ()) for start in starts))
        return [concept for concept, pattern in self.patterns.items()
                if concept in candidates and pattern.search(lowered)]

    def position(self, concept: str, text: str) -> int:
        """Where in the text the concept is first named (for 'the first term a question names')."""
        found = self.patterns[concept].search(text.lower())
        return found.start() if found else len(text)

    def named_by(self, text: str) -> str | None:
        """The concept whose name is the whole text ("SIB", "impact bond"), if any."""
        wanted = " ".join(text.lower().split())
        return next((concept for concept, names in self.groups.items()
                     if any(wanted == name.lower() for name in names)), None)

    def occurrences(self, text: str, cap: int = 10) -> str:
        """The concepts a text mentions, each repeated as often as it is named (for term frequency)."""
        lowered = text.lower()
        words = []
        for concept, pattern in self.patterns.items():
            words += [concept] * min(cap, len(pattern.findall(lowered)))
        return " ".join(words)
