"""The generated blocks an author may put on a page (`<!-- kb:NAME ARG -->`) and what each
block's argument must name.

Declared here, in the knowledge model, so `kb check` validates pages without importing the
renderers; `publish.render` maps every name to the function that writes it (a test keeps the two
lists equal).
"""
from __future__ import annotations

from kb import standards

# name -> the kind of thing its argument names (None: the block takes no argument)
BLOCKS: dict[str, str | None] = {
    "dutch-sibs": None,
    "country-facts": "country",
    "countries-table": None,
    "case": "case",
    "timeline": None,
    "glossary": None,
    "sources": None,
    "wizard-diagram": None,
    "cases-table": None,
    "chart": "chart",
    "standard": "standard",
    "standard-version": None,
    "standards-register": None,
}

# The charts the case library can draw (their titles and sources live with the renderer).
CHARTS = ("dutch-themes", "dutch-amounts", "first-sibs", "contracts-per-country")


def _known(kb, kind: str):
    if kind == "country":
        return kb.countries
    if kind == "case":
        return kb.cases
    if kind == "chart":
        return CHARTS
    return {i for i, s in standards.collect(kb).items() if s.versions}


def check_block(kb, name: str, arg: str | None) -> str | None:
    """Why this use of a block is wrong, or None."""
    if name not in BLOCKS:
        return f"unknown generated block 'kb:{name}'; known blocks: {', '.join(sorted(BLOCKS))}"
    kind = BLOCKS[name]
    if kind is None:
        return f"kb:{name}: this block takes no argument, but got '{arg}'" if arg else None
    known = _known(kb, kind)
    if not arg:
        return f"kb:{name}: name a {kind}, e.g. '{next(iter(sorted(known)), '')}'"
    if arg not in known:
        return f"kb:{name}: '{arg}' is not a known {kind}; known: {', '.join(sorted(known))}"
    return None
