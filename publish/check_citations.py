"""Traceability: a page declares exactly the source sections it cites, and outside sources say where they are.

A page's `sources:` front matter feeds the About page ("cited on"), the search index and the
reader's trust, so it must match the footnotes the built page really carries, including the
footnotes its generated blocks (`<!-- kb:... -->`) add. An external source is only traceable
with its web address and the date that address was checked.

It lives in the publishing layer because it renders the blocks; `kb check` and `kb build` run it
after the knowledge model's own checks (publish.checks).
"""
from __future__ import annotations

from kb.blocks import check_block
from kb.messages import say
from kb.pages import CITATION
from kb.problems import Problem
from publish.render import expand_blocks


def check_citations(kb) -> list[Problem]:
    return _check_external_documents(kb) + [p for page in kb.pages for p in _check_page(kb, page)]


def _check_external_documents(kb) -> list[Problem]:
    file = kb.rel(kb.data_paths["sources"])
    problems = []
    for doc in kb.items("sources", "documents"):
        if doc.get("kind") != "external":
            continue
        for key in ("url", "checked"):
            if not doc.get(key):
                problems.append(Problem(file, doc.line_of("kind"),
                                        say("external_needs", id=doc.get("id"), what=say(f"external_{key}"))))
    return problems


def _cited_by_blocks(kb, page) -> dict[str, int]:
    """Section id -> line of the first generated block that cites it."""
    cited: dict[str, int] = {}
    for block in page.blocks:
        if check_block(kb, block.name, block.arg):
            continue  # unknown blocks and bad arguments are reported by check_pages
        try:
            markdown = expand_blocks(kb, page.rel, page.lang, f"<!-- kb:{block.name}{' ' + block.arg if block.arg else ''} -->")
        except Exception:  # noqa: BLE001 - broken data behind a block is reported by its own check, with its line
            continue
        for section_id in CITATION.findall(markdown):
            cited.setdefault(section_id, block.line)
    return cited


def _check_page(kb, page) -> list[Problem]:
    declared = page.meta.get("sources") if isinstance(page.meta.get("sources"), list) else []
    file = kb.file_of(page)
    cited: dict[str, int] = {}
    for section_id, line in page.citations:
        cited.setdefault(section_id, line)
    for section_id, line in _cited_by_blocks(kb, page).items():
        cited.setdefault(section_id, line)
    problems = []
    for section_id, line in cited.items():
        if section_id in kb.sections and section_id not in declared:
            problems.append(Problem(file, line, say("cited_not_listed", section=section_id)))
    for section_id in declared:
        if section_id in kb.sections and section_id not in cited:
            problems.append(Problem(file, page.line_of("sources"), say("listed_not_cited", section=section_id)))
    return problems
