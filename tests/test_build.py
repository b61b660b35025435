"""The strict site build, and the atomic swap that keeps the last good build published."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from kb.problems import ContentError
from publish.build import BuildError, build

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.I)


def test_every_page_is_built_in_both_languages(release, knowledge):
    site = release / "site"
    for page in knowledge.pages:
        built = site / page.url.lstrip("/") / "index.html"
        assert built.is_file(), f"{page.rel} was not built at {page.url}"
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["pages"]["nl"] == manifest["pages"]["en"] == len(knowledge.pages_in("nl"))


def test_no_built_page_references_another_host(release):
    offenders = []
    for html in (release / "site").rglob("*.html"):
        for match in EXTERNAL.finditer(html.read_text(encoding="utf-8")):
            offenders.append(f"{html.relative_to(release)}: {match.group(0)}")
    for css in (release / "site").rglob("*.css"):
        if re.search(r"url\(\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")):
            offenders.append(str(css.relative_to(release)))
    assert not offenders, offenders[:10]


PRIMARY_SIDEBAR = re.compile(r'<div class="md-sidebar md-sidebar--primary"[^>]*>')


def test_a_page_outside_the_navigation_hides_its_empty_column(release):
    # Case pages and standards' versions are not in the navigation: their left column would be an
    # empty scroll box (axe: scrollable-region-focusable), so it is hidden; nav pages keep theirs.
    wrong = []
    for html in (release / "site").rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        sidebar = PRIMARY_SIDEBAR.search(text)
        if sidebar and ("hidden" in sidebar.group(0)) == ("md-nav__link--active" in text):
            wrong.append(str(html.relative_to(release)))
    assert not wrong, wrong[:10]


def test_every_code_block_is_a_tab_stop_without_javascript(release):
    # A wide block scrolls sideways; without Material's script only the HTML can make it reachable.
    blocks = [html for html in (release / "site").rglob("index.html")
              for _ in re.finditer(r"<pre><span></span><code(?![^>]*tabindex=\"0\")", html.read_text(encoding="utf-8"))]
    assert not blocks, blocks[:5]
    assert 'code tabindex="0"' in (release / "site/standaarden/handleiding/index.html").read_text(encoding="utf-8")


def test_only_pages_with_a_diagram_load_mermaid(release):
    # 3.5 MB of script: a page without a diagram does not make its reader download and parse it.
    loads = {html.relative_to(release).as_posix(): ("vendor/mermaid.min.js" in text, 'class="mermaid"' in text)
             for html in (release / "site").rglob("index.html") for text in [html.read_text(encoding="utf-8")]}
    assert all(script == diagram for script, diagram in loads.values()), [p for p, (s, d) in loads.items() if s != d][:5]
    assert loads["site/basis/spectrum/index.html"] == (True, True) and loads["site/index.html"] == (False, False)


def test_generated_blocks_are_expanded(release):
    html = (release / "site/lessen/index.html").read_text(encoding="utf-8")
    assert "kb:dutch-sibs" not in html
    assert "Buzinezzclub" in html and "Joining Forces" in html


def test_citations_become_footnotes_naming_the_source_section(release, knowledge):
    html = (release / "site/en/lessen/rotterdam/index.html").read_text(encoding="utf-8")
    section = knowledge.sections["nl-rotterdam"]["title"]
    assert 'class="footnote"' in html
    text = re.sub(r"<[^>]+>", "", html)  # abbreviations inside the title are wrapped in <abbr>
    assert f"section “{section}”" in text
    assert 'title="Jump back to footnote 1 in the text"' in html
    dutch = (release / "site/lessen/rotterdam/index.html").read_text(encoding="utf-8")
    assert 'title="Terug naar voetnoot 1 in de tekst"' in dutch


def test_glossary_abbreviations_are_tooltips_on_every_page(release, knowledge):
    for page in knowledge.pages:
        if not re.search(r"\bSIB\b", page.source):
            continue
        html = (release / "site" / page.url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert '<abbr title="Social Impact Bond">SIB</abbr>' in html, page.rel


def test_a_failed_build_keeps_the_last_good_release(build_dir, project_copy, tmp_path):
    served = tmp_path / "build"
    shutil.copytree(build_dir, served, symlinks=True)  # the last good release: the session's
    build_dir = served
    good = (build_dir / "current").resolve()
    (project_copy / "docs/basis/spectrum.en.md").unlink()
    with pytest.raises(ContentError) as error:
        build(project_copy, build_dir, log=lambda *_: None)
    assert any("spectrum.nl.md" in p.file for p in error.value.problems)
    assert (build_dir / "current").resolve() == good
    assert not [p for p in (build_dir / "releases").iterdir() if p.name.startswith(".")], "staging left behind"


def test_a_failed_site_build_says_why_and_keeps_the_last_good_release(build_dir, project_copy, tmp_path):
    # Content that passes `kb check` but that MkDocs refuses (here: an extension that does not
    # exist) fails while the search index is being built beside it.
    served = tmp_path / "build"
    shutil.copytree(build_dir, served, symlinks=True)
    good = (served / "current").resolve()
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - no_such_extension\n"),
                      encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build(project_copy, served, log=lambda *_: None)
    assert "no_such_extension" in str(error.value)
    assert (served / "current").resolve() == good
    assert not [p for p in (served / "releases").iterdir() if p.name.startswith(".")], "staging left behind"
    assert not list(project_copy.glob(".kb-build-*")), "the temporary MkDocs configuration was left behind"


def test_the_site_build_uses_the_content_the_build_checked(all_knowledge, tmp_path, monkeypatch):
    """kb build hands its loaded and checked content to MkDocs' process; MkDocs started by hand,
    or for another folder, reads the content itself."""
    import pickle

    from publish import site_hooks
    from publish.build import KNOWLEDGE_ENV

    handed = tmp_path / "knowledge.pickle"
    handed.write_bytes(pickle.dumps(all_knowledge))
    monkeypatch.setenv(KNOWLEDGE_ENV, str(handed))
    received = site_hooks._handed_over(all_knowledge.root)
    assert [(p.rel, p.source) for p in received.pages] == [(p.rel, p.source) for p in all_knowledge.pages]
    assert received.data == all_knowledge.data and received.problems == all_knowledge.problems
    assert site_hooks._handed_over(tmp_path) is None  # another content folder
    monkeypatch.delenv(KNOWLEDGE_ENV)
    assert site_hooks._handed_over(all_knowledge.root) is None


def test_the_static_404_page_speaks_both_languages(release):
    # Plain static hosting serves this one page for every unknown address, Dutch or English.
    html = (release / "site/404.html").read_text(encoding="utf-8")
    assert "Pagina niet gevonden" in html and "Page not found" in html
    assert 'href="/en/"' in html and 'href="/zoeken/"' in html
