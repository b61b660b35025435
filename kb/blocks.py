"""The generated blocks an author may put on a page (`<!-- kb:NAME ARG -->`) and what each
block's argument must name.

Declared here, in the knowledge model, so `kb check` validates pages without importing the
renderers; `publish.render` maps every name to the function that writes it (a test keeps the two
lists equal).
"""
from __future__ import annotations

from kb import standards
from kb.messages import say

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
        return say("block_unknown", name=name, known=", ".join(sorted(BLOCKS)))
    kind = BLOCKS[name]
    if kind is None:
        return say("block_no_argument", name=name, arg=arg) if arg else None
    known = _known(kb, kind)
    if not arg:
        return say("block_needs_argument", name=name, kind=say(f"block_kind_{kind}"), example=next(iter(sorted(known)), ""))
    if arg not in known:
        return say("block_unknown_argument", name=name, arg=arg, kind=say(f"block_kind_{kind}"), known=", ".join(sorted(known)))
    return None
