"""MkDocs hooks (named in mkdocs.yml): the site build reads the knowledge model through `kb`.

- on_config: load and check all content once; any problem stops the build with file and line.
- on_files: add the pages generated from the data (one per case).
- on_page_markdown: replace `kb:` blocks with generated Markdown, add source footnotes and the
  glossary's abbreviations (tooltips).
- on_page_content: footnote titles in the page's language; code blocks get a tab stop.
- on_page_context: pages outside the navigation hide its empty column.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import kb
from kb import drafts
from kb.pages import language_of
from publish import render
from publish.build import KNOWLEDGE_ENV

_loaded: kb.Knowledge | None = None      # everything, as kb check saw it
_knowledge: kb.Knowledge | None = None   # what this build shows (without drafts unless a preview)
_hidden: set = set()  # draft pages a public build leaves out (kb/drafts.py)


def on_config(config):
    global _loaded, _knowledge, _hidden
    root = Path(config.config_file_path).parent.resolve()
    if _loaded is None or _loaded.root != root:
        _loaded = _handed_over(root) or kb.load(root)
    if _loaded.problems:
        listing = "\n".join(f"  {p}" for p in _loaded.problems)
        raise PluginError(f"The content has {len(_loaded.problems)} problem(s); run 'kb check' for details:\n{listing}")
    _hidden = set() if drafts.is_preview() else drafts.hidden_rels(_loaded)
    _knowledge = drafts.view(_loaded, drafts.is_preview())
    return config


def _handed_over(root: Path) -> kb.Knowledge | None:
    """The content `kb build` has loaded and checked for this root (publish/build.py), if any."""
    handed = os.environ.get(KNOWLEDGE_ENV)
    if not handed:
        return None  # MkDocs started by hand (mkdocs serve): read the content here
    with open(handed, "rb") as file:
        knowledge = pickle.load(file)  # written by the build that started this process
    return knowledge if knowledge.root == root else None


def on_files(files, config):
    # Generated pages are announced as ordinary files under docs/ (which mkdocs-static-i18n,
    # listening later at priority -100, requires); their text comes from on_page_read_source.
    for page in _knowledge.pages:
        if page.generated_from:
            files.append(File(page.rel, config.docs_dir, config.site_dir, config.use_directory_urls))
    for file in [f for f in files if f.src_uri in _hidden]:
        files.remove(file)
    return files


def on_page_read_source(page, config):
    generated = _generated_sources()
    return generated.get(page.file.src_uri)


def _generated_sources() -> dict:
    return {page.rel: page.source for page in _knowledge.pages if page.generated_from}


def on_page_markdown(markdown, page, config, files):
    rel = page.file.src_uri
    lang = language_of(rel) or config.theme.get("language", "nl")
    markdown = render.expand(_knowledge, rel, lang, markdown)
    return drafts.BANNER[lang] + markdown if drafts.is_preview() else markdown


# Python-Markdown's footnote and permalink titles are set once for the whole build; translate
# them per page so screen readers hear the page's own language.
_TITLES = {
    "nl": [('title="Jump back to footnote ', 'title="Terug naar voetnoot '), (' in the text"', ' in de tekst"')],
    "en": [('title="Link naar deze sectie"', 'title="Link to this section"')],
}


# A code block that is wider than the page scrolls sideways: keyboard users reach it only as a tab
# stop. Material's script adds that tab stop once it has measured the block (and drops it where
# the block fits); giving it in the HTML covers the time before, and readers without JavaScript.
_CODE_BLOCK = ("<pre><span></span><code>", '<pre><span></span><code tabindex="0">')


def on_page_content(html, page, config, files):
    for old, new in [*_TITLES.get(language_of(page.file.src_uri) or "nl", []), _CODE_BLOCK]:
        html = html.replace(old, new)
    return html


def on_page_context(context, page, config, nav):
    # A page outside the navigation (a case, a standard's version) has nothing to show in the left
    # column, which Material would still draw as an empty scroll box that no keyboard can reach.
    if page not in nav.pages:
        page.meta["hide"] = [*(page.meta.get("hide") or []), "navigation"]
    return context
