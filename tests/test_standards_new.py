"""`kb new standard` and `kb new version` create valid files from the templates, never overwrite,
and an editor can take a new version from draft to published with the documented commands."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from publish.build import build
from tests.conftest import ROOT
from tests.test_kb_check import edit, kb_check

ATOM = "{http://www.w3.org/2005/Atom}"


def kb_new(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publish.cli", "new", *args, "--project", str(project)],
                          capture_output=True, text=True, cwd=ROOT)


def new_standard(project: Path, standard_id: str, kind: str = "guideline") -> subprocess.CompletedProcess:
    return kb_new(project, "standard", standard_id, "--kind", kind,
                  "--title-nl", "Richtlijn: \"resultaten\" vastleggen", "--title-en", "Guideline: recording results")


def test_new_standard_creates_valid_files(project_copy):
    result = new_standard(project_copy, "test-richtlijn")
    assert result.returncode == 0, result.stderr
    folder = "docs/standaarden/test-richtlijn"
    for name in ("index.nl.md", "index.en.md", "0.1.0.nl.md", "0.1.0.en.md"):
        assert f"created {folder}/{name}" in result.stdout
        assert (project_copy / folder / name).is_file()
    text = (project_copy / folder / "0.1.0.nl.md").read_text(encoding="utf-8")
    assert "status: draft" in text and "<!-- kb:standard-version -->" in text
    check = kb_check(project_copy)
    assert check.returncode == 0, check.stderr


def test_new_rate_card_is_valid(project_copy):
    assert new_standard(project_copy, "test-tarieven", "rate_card").returncode == 0
    assert "outcomes:" in (project_copy / "docs/standaarden/test-tarieven/0.1.0.en.md").read_text(encoding="utf-8")
    check = kb_check(project_copy)
    assert check.returncode == 0, check.stderr


def test_new_never_overwrites(project_copy):
    page = project_copy / "docs/standaarden/uitkomst-duurzaam-werk/index.nl.md"
    before = page.read_text(encoding="utf-8")
    result = new_standard(project_copy, "uitkomst-duurzaam-werk")
    assert result.returncode == 2
    assert "docs/standaarden/uitkomst-duurzaam-werk/ already exists; to add a version, run 'kb new version uitkomst-duurzaam-werk'" in result.stderr
    assert page.read_text(encoding="utf-8") == before


def test_new_explains_bad_input(project_copy):
    result = new_standard(project_copy, "Geen Id")
    assert result.returncode == 2 and "may only hold lower-case letters" in result.stderr
    result = kb_new(project_copy, "version", "bestaat-niet")
    assert result.returncode == 2 and "there is no standard 'bestaat-niet'" in result.stderr
    result = kb_new(project_copy, "standard", "x", "--kind", "price_list", "--title-nl", "x", "--title-en", "x")
    assert result.returncode == 2 and "invalid choice: 'price_list'" in result.stderr


def test_new_version_numbers(project_copy):
    assert new_standard(project_copy, "test-richtlijn").returncode == 0
    for flag, expected in (("--patch", "0.1.1"), ("--minor", "0.2.0"), ("--major", "1.0.0")):
        result = kb_new(project_copy, "version", "test-richtlijn", flag)
        assert result.returncode == 0, result.stderr
        assert f"created docs/standaarden/test-richtlijn/{expected}.nl.md" in result.stdout
    check = kb_check(project_copy)
    assert check.returncode == 0, check.stderr


def test_an_editor_publishes_a_new_version(project_copy, tmp_path):
    """The documented steps: kb new version, write, adopt, supersede the old one, check, build."""
    folder = project_copy / "docs/standaarden/contractparameters-resultaatbetaling"
    result = kb_new(project_copy, "version", "contractparameters-resultaatbetaling")  # --minor by default
    assert result.returncode == 0, result.stderr
    for lang in ("nl", "en"):
        text = (folder / f"2.1.0.{lang}.md").read_text(encoding="utf-8")
        assert "supersedes: 2.0.0" in text and "status: draft" in text and "2.1.0" in text.split("\n# ")[1].split("\n")[0]
    assert kb_check(project_copy).returncode == 0

    # Out of draft with the template text still in it: the check says what to write.
    for lang in ("nl", "en"):
        edit(folder / f"2.1.0.{lang}.md", "status: draft", "status: adopted\n  effective: '2027-01-01'\n  review: '2028-01-01'")
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert "describe what changed in version 2.1.0 under 'changes:'" in result.stderr
    assert "versions 2.0.0 and 2.1.0 of 'contractparameters-resultaatbetaling' are both adopted" in result.stderr

    for lang, changes in (("nl", "Verduidelijkt wie de meting betaalt."), ("en", "Clarifies who pays for measurement.")):
        page = folder / f"2.1.0.{lang}.md"
        page.write_text(re.sub(r"changes: .*", f"changes: {changes}", page.read_text(encoding="utf-8")), encoding="utf-8")
        edit(folder / f"2.0.0.{lang}.md", "status: adopted", "status: superseded\n  superseded_by: 2.1.0")
    result = kb_check(project_copy)
    assert result.returncode == 0, result.stderr

    release = build(project_copy, tmp_path / "build", log=lambda *_: None)
    site = release / "site"
    html = (site / "standaarden/contractparameters-resultaatbetaling/index.html").read_text(encoding="utf-8")
    assert "Vastgesteld – versie 2.1.0" in html and "Verduidelijkt wie de meting betaalt." in html
    old = (site / "en/standaarden/contractparameters-resultaatbetaling/2.0.0/index.html").read_text(encoding="utf-8")
    assert "admonition standard-superseded" in old and 'href="../2.1.0/"' in old
    feed = ET.parse(site / "en/standaarden/feed.xml").getroot()
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    assert "tag:resultaatwijzer,2026:standaarden/contractparameters-resultaatbetaling/2.1.0/adopted" in ids
    assert "tag:resultaatwijzer,2026:standaarden/contractparameters-resultaatbetaling/2.0.0/superseded" in ids
