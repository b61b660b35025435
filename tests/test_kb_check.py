"""`kb check` passes on the real content and fails, naming file and line, on broken copies."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers import kb_cli, kb_subprocess


def kb_check(path: Path) -> subprocess.CompletedProcess:
    """`kb check --lang en`: these tests assert the English messages (Dutch is the default, tested below)."""
    return kb_cli("check", "--lang", "en", path)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test set-up: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_real_content_is_valid():
    result = kb_subprocess("check", ROOT)  # the real command, as an editor runs it
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_missing_front_matter_field(project_copy):
    page = project_copy / "docs/basis/spectrum.nl.md"
    edit(page, "\nreviewed:", "\nreviewd:")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "docs/basis/spectrum.nl.md" in result.stderr
    assert "the field 'reviewed' is missing" in result.stderr
    assert "unknown field 'reviewd'" in result.stderr


def test_orphan_translation(project_copy):
    (project_copy / "docs/basis/voordelen.en.md").unlink()
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "docs/basis/voordelen.nl.md:1: this page has no English version" in result.stderr


def test_broken_link_names_file_and_line(project_copy):
    page = project_copy / "docs/index.nl.md"
    edit(page, "(basis/spectrum.md)", "(basis/spectrun.md)")
    line = line_of(page, "basis/spectrun.md")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert f"docs/index.nl.md:{line}: the link 'basis/spectrun.md' points to a page that does not exist" in result.stderr


def test_broken_anchor(project_copy):
    page = project_copy / "docs/index.en.md"
    edit(page, "(basis/spectrum.md)", "(basis/spectrum.md#no-such-section)")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "'#no-such-section', which is not a heading" in result.stderr


def test_duplicate_page_id(project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"docs/basis/voordelen.{lang}.md", "id: voordelen", "id: spectrum")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert re.search(r"docs/basis/(spectrum|voordelen)\.nl\.md:\d+: the page id 'spectrum' is also used by", result.stderr)


def test_twins_must_share_their_id(project_copy):
    edit(project_copy / "docs/basis/voordelen.en.md", "id: voordelen", "id: benefits")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "differs from the id" in result.stderr


def test_unknown_citation(project_copy):
    page = project_copy / "docs/index.nl.md"
    edit(page, "[^nl-so-far]", "[^nl-so-farr]")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "the citation [^nl-so-farr] does not name a section" in result.stderr


def test_unknown_generated_block(project_copy):
    edit(project_copy / "docs/begrippen/index.nl.md", "<!-- kb:glossary -->", "<!-- kb:glosary -->")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "unknown generated block 'kb:glosary'" in result.stderr


def test_glossary_term_defined_twice(project_copy):
    glossary = project_copy / "kb/data/glossary.yml"
    edit(glossary, "synonyms: [impact bond, ", "synonyms: [outcomes fund, impact bond, ")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert re.search(r"kb/data/glossary.yml:\d+: 'outcomes fund' is already defined by the term", result.stderr)


def test_invalid_yaml_names_the_line(project_copy):
    cases = project_copy / "kb/data/cases.yml"
    edit(cases, "    place: Enschede\n", "    place: Enschede: Twente\n")
    result = kb_cli("check", project_copy)  # Dutch, the default
    assert result.returncode == 1
    line = line_of(cases, "Enschede: Twente")
    assert f"kb/data/cases.yml:{line}: deze tekst bevat een dubbele punt: zet de hele tekst tussen aanhalingstekens" in result.stderr


def test_schema_error_in_data_names_the_line(project_copy):
    cases = project_copy / "kb/data/cases.yml"
    edit(cases, "    country: CO\n", "    country: Colombia\n")
    result = kb_check(project_copy)
    assert result.returncode == 1
    line = line_of(cases, "country: Colombia")
    assert f"kb/data/cases.yml:{line}: 'cases." in result.stderr
    assert "ISO 3166-1 alpha-2" in result.stderr


def test_not_a_project():
    result = subprocess.run([sys.executable, "-m", "publish.cli", "check", "/tmp"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "does not look like a Resultaatwijzer project" in result.stderr


def test_a_missing_picture_is_named(project_copy):
    page = project_copy / "docs/basis/index.nl.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n![Schema](schema-bestaat-niet.png)\n", encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert f"docs/basis/index.nl.md:{line}: the link 'schema-bestaat-niet.png' points to a file that does not exist" in result.stderr


def test_a_glossary_page_must_exist(project_copy):
    data = project_copy / "kb/data/glossary.yml"
    edit(data, "    page: vormen/sib\n", "    page: vormen/sibb\n")
    line = line_of(data, "page: vormen/sibb")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert f"kb/data/glossary.yml:{line}: term 'sib': there is no page 'vormen/sibb' in both languages" in result.stderr


def test_every_message_has_a_dutch_and_an_english_text_with_the_same_placeholders():
    from string import Formatter

    from kb.messages import MESSAGES

    def placeholders(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name is not None}

    for key, texts in MESSAGES.items():
        assert set(texts) == {"nl", "en"}, key
        assert all(isinstance(text, str) and text.strip() for text in texts.values()), key
        assert placeholders(texts["nl"]) == placeholders(texts["en"]), key


def test_problems_are_in_dutch_by_default(project_copy):
    page = project_copy / "docs/index.nl.md"
    edit(page, "(basis/spectrum.md)", "(basis/spectrun.md)")
    link = line_of(page, "basis/spectrun.md")
    cases = project_copy / "kb/data/cases.yml"
    edit(cases, "    form: hib\n", "    form: hibb\n")
    form = line_of(cases, "form: hibb")
    (project_copy / "docs/basis/voordelen.en.md").unlink()
    result = kb_cli("check", project_copy)
    assert result.returncode == 1
    assert (f"docs/index.nl.md:{link}: de link 'basis/spectrun.md' verwijst naar een pagina die niet bestaat "
            "(gezocht naar docs/basis/spectrun.nl.md)") in result.stderr
    assert re.search(rf"kb/data/cases.yml:{form}: de casus '[\w-]+' heeft de vorm 'hibb', maar die staat niet in "
                     r"kb/data/forms.yml; bekende vormen: ", result.stderr)
    assert "docs/basis/voordelen.nl.md:1: deze pagina heeft geen Engelse versie: maak docs/basis/voordelen.en.md" in result.stderr
    assert "the link" not in result.stderr and "which does not exist" not in result.stderr
