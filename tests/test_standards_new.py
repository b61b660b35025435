"""`kb new standard`, `kb new version` and `kb ledger` create valid files, never overwrite, and an
editor can take a version from draft to published with the documented commands. The commands
run in-process through `publish.cli.main`; two tests run `kb check` as a real process for its exit
code and its summary in both languages."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import kb
from kb import messages
from publish.build import build
from publish.cli import main
from tests.conftest import ROOT
from tests.helpers import kb_cli
from tests.test_kb_check import edit

ATOM = "{http://www.w3.org/2005/Atom}"
CONTRACT = "docs/standaarden/contractparameters-resultaatbetaling"


@pytest.fixture(autouse=True)
def dutch():
    messages.set_language("nl")
    yield
    messages.set_language("nl")


def kb_new(capsys, project: Path, *args: str) -> tuple[int, str, str]:
    code = main(["new", *args, "--project", str(project)])
    out = capsys.readouterr()
    return code, out.out, out.err


def kb_ledger(capsys, project: Path) -> tuple[int, str, str]:
    code = main(["ledger", str(project)])
    out = capsys.readouterr()
    return code, out.out, out.err


def problems(project: Path) -> list[str]:
    return [str(p) for p in kb.load(project).problems]


def new_standard(capsys, project: Path, standard_id: str, kind: str = "guideline"):
    return kb_new(capsys, project, "standard", standard_id, "--kind", kind,
                  "--title-nl", "Richtlijn: \"resultaten\" vastleggen", "--title-en", "Guideline: recording results")


def write_text(page: Path, changes: str) -> None:
    """What an editor does with the template: replace every TODO line by real text."""
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'changes: .*', f"changes: {changes}", text)
    text = re.sub(r"^TODO:.*$", "De afspraken van deze richtlijn.[^recommendations]", text, flags=re.M)
    text = re.sub(r"^kb/data/sources.yml.*$", "", text, flags=re.M)
    page.write_text(text, encoding="utf-8")


def test_new_standard_creates_valid_files(capsys, project_copy):
    code, out, err = new_standard(capsys, project_copy, "test-richtlijn")
    assert code == 0, err
    folder = "docs/standaarden/test-richtlijn"
    for name in ("index.nl.md", "index.en.md", "0.1.0.nl.md", "0.1.0.en.md"):
        assert f"gemaakt: {folder}/{name}" in out
        assert (project_copy / folder / name).is_file()
    text = (project_copy / folder / "0.1.0.nl.md").read_text(encoding="utf-8")
    assert "status: draft" in text and "<!-- kb:standard-version -->" in text and "# decision:" in text
    assert problems(project_copy) == []


def test_new_rate_card_is_valid(capsys, project_copy):
    assert new_standard(capsys, project_copy, "test-tarieven", "rate_card")[0] == 0
    assert "outcomes:" in (project_copy / "docs/standaarden/test-tarieven/0.1.0.en.md").read_text(encoding="utf-8")
    assert problems(project_copy) == []


def test_new_never_overwrites(capsys, project_copy):
    page = project_copy / "docs/standaarden/uitkomst-duurzaam-werk/index.nl.md"
    before = page.read_text(encoding="utf-8")
    code, _, err = new_standard(capsys, project_copy, "uitkomst-duurzaam-werk")
    assert code == 2
    assert "docs/standaarden/uitkomst-duurzaam-werk/ bestaat al; een nieuwe versie begint u met 'kb new version uitkomst-duurzaam-werk'" in err
    assert page.read_text(encoding="utf-8") == before


def test_new_explains_bad_input(capsys, project_copy):
    code, _, err = new_standard(capsys, project_copy, "Geen Id")
    assert code == 2 and "mag alleen kleine letters, cijfers en losse streepjes bevatten" in err
    code, _, err = kb_new(capsys, project_copy, "version", "bestaat-niet")
    assert code == 2 and "er is geen standaard 'bestaat-niet'" in err
    code, _, err = kb_new(capsys, project_copy, "version", "bestaat-niet", "--lang", "en")
    assert code == 2 and "there is no standard 'bestaat-niet'" in err


def test_new_version_numbers(capsys, project_copy):
    assert new_standard(capsys, project_copy, "test-richtlijn")[0] == 0
    for flag, expected in (("--patch", "0.1.1"), ("--minor", "0.2.0"), ("--major", "1.0.0")):
        code, out, err = kb_new(capsys, project_copy, "version", "test-richtlijn", flag)
        assert code == 0, err
        assert f"gemaakt: docs/standaarden/test-richtlijn/{expected}.nl.md" in out
    assert problems(project_copy) == []


def test_an_editor_publishes_a_new_version(capsys, project_copy, tmp_path):
    """The documented steps: kb new version, write, adopt, supersede the old one, check, kb ledger, build."""
    folder = project_copy / CONTRACT
    code, _, err = kb_new(capsys, project_copy, "version", "contractparameters-resultaatbetaling")  # --minor
    assert code == 0, err
    for lang in ("nl", "en"):
        text = (folder / f"2.1.0.{lang}.md").read_text(encoding="utf-8")
        assert "supersedes: 2.0.0" in text and "status: draft" in text and "2.1.0" in text.split("\n# ")[1].split("\n")[0]
        assert "decision:" not in text and "effective:" not in text  # the old version's lifecycle stays behind
    assert problems(project_copy) == []

    # Out of draft with the template text still in it: the check says what to write.
    for lang in ("nl", "en"):
        edit(folder / f"2.1.0.{lang}.md", "status: draft", "status: adopted\n  adopted_by: Minister van SZW\n"
             "  decision: \"Stcrt. 2027, 12345\"\n  effective: 2099-01-01\n  review: 2100-01-01")
    found = "\n".join(problems(project_copy))
    assert "beschrijf onder 'changes:' wat er in versie 2.1.0 is veranderd" in found
    assert "versie 2.0.0 en 2.1.0 van 'contractparameters-resultaatbetaling' zijn allebei vastgesteld" in found

    for lang, changes in (("nl", "Verduidelijkt wie de meting betaalt."), ("en", "Clarifies who pays for measurement.")):
        page = folder / f"2.1.0.{lang}.md"
        page.write_text(re.sub(r"changes: .*", f"changes: {changes}", page.read_text(encoding="utf-8")), encoding="utf-8")
        edit(folder / f"2.0.0.{lang}.md", "status: adopted", "status: superseded\n  superseded_by: 2.1.0")
    found = problems(project_copy)
    assert len(found) == 2 and all("voer 'kb ledger' uit" in p for p in found)  # 2.1.0 adopted, 2.0.0 superseded

    code, out, err = kb_ledger(capsys, project_copy)
    assert code == 0, err
    assert "vastgelegd: contractparameters-resultaatbetaling 2.0.0: superseded" in out
    assert "vastgelegd: contractparameters-resultaatbetaling 2.1.0: adopted" in out
    assert problems(project_copy) == []
    assert kb_ledger(capsys, project_copy)[1].startswith("kb ledger: het register is bij")

    release = build(project_copy, tmp_path / "build", log=lambda *_: None)
    site = release / "site"
    html = (site / "standaarden/contractparameters-resultaatbetaling/index.html").read_text(encoding="utf-8")
    # Adopted for a later date: until then 2.0.0 stays in force, and the page says so.
    assert "Vastgesteld – geldt vanaf 2099-01-01" in html and "Verduidelijkt wie de meting betaalt." in html
    assert "Tot die datum geldt" in html and 'href="2.0.0/"' in html
    old = (site / "en/standaarden/contractparameters-resultaatbetaling/2.0.0/index.html").read_text(encoding="utf-8")
    assert "admonition standard-superseded" in old and 'href="../2.1.0/"' in old
    assert "Superseded from 2099-01-01 – in force until then" in old
    feed = ET.parse(site / "en/standaarden/contractparameters-resultaatbetaling/feed.xml").getroot()
    ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
    # Every status change is its own entry: 2.0.0 keeps its 'adopted' entry beside 'superseded'.
    assert {"tag:resultaatwijzer,2026:standaarden/contractparameters-resultaatbetaling/2.1.0/adopted",
            "tag:resultaatwijzer,2026:standaarden/contractparameters-resultaatbetaling/2.0.0/adopted",
            "tag:resultaatwijzer,2026:standaarden/contractparameters-resultaatbetaling/2.0.0/superseded"} <= set(ids)


def test_a_consultation_draft_becomes_1_0_0(capsys, project_copy):
    """The documented route: 0.1.0 in consultation, then `kb new version --major` gives 1.0.0, which is
    adopted while 0.1.0 is withdrawn in its favour."""
    assert new_standard(capsys, project_copy, "test-richtlijn")[0] == 0
    folder = project_copy / "docs/standaarden/test-richtlijn"
    for lang in ("nl", "en"):
        page = folder / f"0.1.0.{lang}.md"
        write_text(page, "Eerste versie ter consultatie.")
        edit(page, "status: draft", "status: consultation\n  owner: Ministerie van SZW\n"
             "  consultation_url: https://www.internetconsultatie.nl/test-richtlijn")
    assert [p for p in problems(project_copy) if "test-richtlijn" in p and "kb ledger" not in p] == []
    assert kb_ledger(capsys, project_copy)[0] == 0
    banner = render_version(project_copy, "test-richtlijn", "0.1.0")
    assert "Reageren kan via [https://www.internetconsultatie.nl/test-richtlijn]" in banner

    code, out, err = kb_new(capsys, project_copy, "version", "test-richtlijn", "--major")
    assert code == 0 and "gemaakt: docs/standaarden/test-richtlijn/1.0.0.nl.md" in out, err
    for lang in ("nl", "en"):
        page = folder / f"1.0.0.{lang}.md"
        assert "consultation_url" not in page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"changes: .*", "changes: Vastgestelde versie na de consultatie.", page.read_text(encoding="utf-8")), encoding="utf-8")
        edit(page, "status: draft", "status: adopted\n  adopted_by: Minister van SZW\n  decision: \"Stcrt. 2027, 7\"\n"
             "  effective: 2099-01-01\n  review: 2100-01-01")
        edit(folder / f"0.1.0.{lang}.md", "status: consultation", "status: withdrawn\n  superseded_by: 1.0.0\n"
             "  withdrawn_reason: Opgevolgd door de vastgestelde versie 1.0.0.")
    assert kb_ledger(capsys, project_copy)[0] == 0
    assert problems(project_copy) == []
    withdrawn = render_version(project_copy, "test-richtlijn", "0.1.0")
    assert '!!! standard-withdrawn "Ingetrokken – niet meer geldig"' in withdrawn
    assert "Gebruik in plaats daarvan [versie 1.0.0](1.0.0.md)." in withdrawn
    assert "Reden: Opgevolgd door de vastgestelde versie 1.0.0." in withdrawn
    adopted = render_version(project_copy, "test-richtlijn", "1.0.0")
    assert "Vastgesteld – geldt vanaf 2099-01-01" in adopted and "Stcrt. 2027, 7" in adopted


def render_version(project: Path, standard_id: str, number: str, lang: str = "nl") -> str:
    from publish import standard_blocks

    return standard_blocks.standard_version(kb.load(project), None, lang, f"standaarden/{standard_id}/{number}.{lang}.md")


# --- the command line itself: exit codes and the summary, in both languages ---------------------

def kb_check(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publish.cli", "check", str(path), *args],
                          capture_output=True, text=True, cwd=ROOT)


def test_kb_check_speaks_dutch(project_copy):
    edit(project_copy / "docs/standaarden/tarievenkaart-duurzaam-werk/0.1.0.nl.md",
         "price: {amount: 1000, currency: EUR}", "price: {amount: 1.500,00, currency: EUR}")
    result = kb_check(project_copy)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "het bedrag bij 'price' is '1.500,00': schrijf 1500 of 1500.00" in result.stderr
    assert result.stderr.rstrip().endswith("\n1 probleem gevonden. Er is niets gepubliceerd.")


def test_kb_check_in_english(project_copy):
    edit(project_copy / "docs/standaarden/tarievenkaart-duurzaam-werk/0.1.0.nl.md",
         "price: {amount: 1000, currency: EUR}", "price: {amount: € 1500, currency: EUR}")
    result = kb_check(project_copy, "--lang", "en")
    assert result.returncode == 1
    assert "the amount under 'price' is '€ 1500': write 1500 or 1500.00, without € or thousands separators" in result.stderr
    assert "\n1 problem found. Nothing was published." in result.stderr


def test_the_summary_counts_in_words(project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"docs/basis/spectrum.{lang}.md", "\n# ", "\n# Tweede kop\n\n# ")
    english = kb_cli("check", project_copy, "--lang", "en")
    dutch = kb_cli("check", project_copy)
    assert dutch.returncode == english.returncode == 1
    assert dutch.stderr.rstrip().endswith("\n2 problemen gevonden. Er is niets gepubliceerd."), dutch.stderr
    assert english.stderr.rstrip().endswith("\n2 problems found. Nothing was published."), english.stderr


def test_a_new_version_keeps_amounts_as_written(capsys, project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"docs/standaarden/tarievenkaart-duurzaam-werk/0.1.0.{lang}.md",
             "price: {amount: 1000, currency: EUR}", "price: {amount: 1250.50, currency: EUR}")
    code, _, err = kb_new(capsys, project_copy, "version", "tarievenkaart-duurzaam-werk")
    assert code == 0, err
    text = (project_copy / "docs/standaarden/tarievenkaart-duurzaam-werk/0.2.0.nl.md").read_text(encoding="utf-8")
    assert "price: {amount: 1250.50, currency: EUR}" in text and "cap: {amount: 100000, currency: EUR}" in text
    assert problems(project_copy) == [] or all("kb ledger" in p for p in problems(project_copy))
