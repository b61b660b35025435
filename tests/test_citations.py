"""Traceability: `kb check` refuses pages whose `sources:` do not match their footnotes, and
outside sources without an address; the built pages label outside facts."""
from __future__ import annotations

import re

from tests.test_kb_check import edit, kb_check, line_of


def test_a_citation_the_front_matter_does_not_declare_is_refused(project_copy):
    page = project_copy / "docs/basis/voordelen.nl.md"
    edit(page, "\n## ", "\nDit is een extra zin.[^japan]\n\n## ")
    result = kb_check(project_copy)
    assert result.returncode == 1
    line = line_of(page, "extra zin.[^japan]")
    assert f"docs/basis/voordelen.nl.md:{line}: the page cites [^japan] but does not list 'japan'" in result.stderr


def test_a_declared_section_the_page_never_cites_is_refused(project_copy):
    page = project_copy / "docs/basis/voordelen.nl.md"
    text = page.read_text(encoding="utf-8")
    assert "[^uk]" not in text, "test set-up: pick a section the page does not cite"
    edit(page, "\nsources: [", "\nsources: [uk, ")
    result = kb_check(project_copy)
    assert result.returncode == 1
    line = line_of(page, "sources: [uk, ")
    assert f"docs/basis/voordelen.nl.md:{line}: the front matter lists 'uk' under sources:, but no footnote" in result.stderr


def test_citations_added_by_a_generated_block_count(project_copy):
    # Leave docs/lessen/index citing nl-map only through its <!-- kb:dutch-sibs --> table.
    page = project_copy / "docs/lessen/index.nl.md"
    assert "<!-- kb:dutch-sibs -->" in page.read_text(encoding="utf-8")
    edit(page, "[^nl-map]", "", count=-1)
    text = page.read_text(encoding="utf-8")
    declared = re.search(r"^sources: \[(.*)\]$", text, re.M).group(1)
    edit(page, f"sources: [{declared}]",
         "sources: [" + ", ".join(s.strip() for s in declared.split(",") if s.strip() != "nl-map") + "]")
    result = kb_check(project_copy)
    assert result.returncode == 1
    block_line = line_of(page, "<!-- kb:dutch-sibs -->")
    assert f"docs/lessen/index.nl.md:{block_line}: the page cites [^nl-map]" in result.stderr


def test_an_external_source_without_an_address_or_check_date_is_refused(project_copy):
    sources = project_copy / "kb/data/sources.yml"
    edit(sources, "    url: https://www.w3.org/TR/WCAG21/\n", "")
    edit(sources, "    checked: 2026-12-01\n", "")  # the first external document: WCAG 2.1
    result = kb_check(project_copy)
    assert result.returncode == 1
    line = line_of(sources, "id: w3c-wcag21") + 1  # its `kind:` line
    assert f"kb/data/sources.yml:{line}: the external source 'w3c-wcag21' needs a 'url'" in result.stderr
    assert f"kb/data/sources.yml:{line}: the external source 'w3c-wcag21' needs a 'checked' date" in result.stderr


def test_a_source_document_needs_a_kind(project_copy):
    sources = project_copy / "kb/data/sources.yml"
    edit(sources, "    kind: article\n", "")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "kb/data/sources.yml:" in result.stderr and "the field 'kind' is missing" in result.stderr


def test_outside_facts_are_labelled_and_not_linked(release, knowledge):
    for lang, label in (("nl", "Buiten de bron"), ("en", "Outside the source")):
        prefix = "" if lang == "nl" else "en/"
        html = (release / f"site/{prefix}over/toegankelijkheid/index.html").read_text(encoding="utf-8")
        footnotes = html[html.index('class="footnote"'):]
        text = re.sub(r"<[^>]+>", "", footnotes)
        assert f"{label}:" in text and "https://www.w3.org/TR/WCAG21/" in text
        assert 'href="https://www.w3.org' not in html  # the site links to no other host
        # the report is not credited for the accessibility claims any more
        assert "Managementsamenvatting" not in text


def test_the_about_page_lists_the_kinds_of_source_separately(release):
    for prefix, headings in (("", ["Het rapport (hoofdbron)", "Het artikel", "Buiten de bron"]),
                             ("en/", ["The report (main source)", "The article", "Outside the source"])):
        html = (release / f"site/{prefix}over/index.html").read_text(encoding="utf-8")
        h3 = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h3[^>]*>(.*?)</h3>", html)]
        positions = [next(i for i, h in enumerate(h3) if h.startswith(title)) for title in headings]
        assert positions == sorted(positions), h3
        assert "https://golab.bsg.ox.ac.uk/toolkit/indigo-intro/" in html
