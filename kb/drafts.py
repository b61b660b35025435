"""Private drafts: what the public build leaves out, and the preview build for editors.

The public build (`kb build`) publishes no draft version of a standard: not as a page, nor in
the register, the API, the feeds, search or the sitemap. It works on a *public view* of the
knowledge without those pages, so every part built from it leaves them out by construction.
`kb build --preview` builds everything into build-preview/, with a banner on every page.
"""
from __future__ import annotations

import dataclasses
import os

from kb import standards as model

PREVIEW_ENV = "RESULTAATWIJZER_PREVIEW"  # tells the site build (a subprocess) to keep drafts
PREVIEW_DIR = "build-preview"
BANNER = {
    "nl": ('!!! preview "Voorvertoning – niet gepubliceerd"\n\n'
           "    Deze pagina komt uit een voorvertoning voor redacteuren, met concepten. Niets hiervan is "
           "gepubliceerd.\n\n"),
    "en": ('!!! preview "Preview – not published"\n\n'
           "    This page is from a preview for editors, drafts included. None of it is published.\n\n"),
}


def is_preview() -> bool:
    return os.environ.get(PREVIEW_ENV) == "1"


def hidden_rels(kb) -> set[str]:
    """The pages (relative to docs/) that only a preview shows: every draft version of a standard."""
    hidden = set()
    for standard in model.collect(kb).values():
        for version in standard.versions:
            if version.status not in model.RANK or version.status == "draft":
                hidden.update(page.rel for page in version.pages.values())
    return hidden


def public_view(kb):
    """The knowledge as the public sees it: the same, minus the draft versions."""
    hidden = hidden_rels(kb)
    return dataclasses.replace(kb, pages=[page for page in kb.pages if page.rel not in hidden])


def view(kb, preview: bool):
    return kb if preview else public_view(kb)
