"""The lifecycle rules of standards: `kb check` passes on the real content and refuses broken
copies with one Dutch message per mistake, naming the file and line. In-process (`kb.load`)
on a private copy; tests/test_standards_new.py runs the command line itself."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal

import pytest

import kb
from kb import messages, standards, standards_ledger
from publish import ledger
from tests.conftest import ROOT
from tests.test_kb_check import edit, line_of

STANDARDS = "docs/standaarden"
OUTCOME = f"{STANDARDS}/uitkomst-duurzaam-werk"
CONTRACT = f"{STANDARDS}/contractparameters-resultaatbetaling"
RATE_CARD = f"{STANDARDS}/tarievenkaart-duurzaam-werk"
MONEY_ADVICE = "schrijf 1500 of 1500.00, zonder € of scheidingstekens voor duizendtallen"


@pytest.fixture(autouse=True)
def dutch():
    messages.set_language("nl")
    yield
    messages.set_language("nl")


def problems(project) -> list[str]:
    return [str(p) for p in kb.load(project).problems]


def refused(project, *expected: str, count: int | None = None) -> list[str]:
    """kb check refuses the copy with each expected text; `count`: and with that many messages in all."""
    found = problems(project)
    assert found, "kb check accepted a broken copy"
    for text in expected:
        assert any(text in p for p in found), f"{text!r} not in:\n" + "\n".join(found)
    if count is not None:
        assert len(found) == count, "follow-on messages:\n" + "\n".join(found)
    return found


def both(project, path: str, old: str, new: str) -> None:
    for lang in ("nl", "en"):
        edit(project / f"{path}.{lang}.md", old, new)


def adopt_rate_card(project, effective="2099-01-01", review="2100-01-01", decision=True) -> None:
    """Take the example rate card 0.1.0 from consultation to adopted, as an editor would."""
    for lang in ("nl", "en"):
        extra = "  decision: \"Stcrt. 2027, 1\"\n" if decision else ""
        edit(project / f"{RATE_CARD}/0.1.0.{lang}.md", "  status: consultation\n",
             f"  status: adopted\n  adopted_by: Minister van SZW\n{extra}  effective: {effective}\n  review: {review}\n")


def test_the_real_content_is_valid_and_every_published_version_is_in_the_ledger(all_knowledge):
    assert all_knowledge.problems == []
    found = standards.collect(all_knowledge)
    recorded = {(e["standard"], e["version"]) for e in standards_ledger.read(all_knowledge)[0].values()}
    public = {(s.id, v.number) for s in found.values() for v in s.versions if v.status != "draft"}
    assert public == recorded


def test_the_starter_standards_show_the_lifecycle(all_knowledge):
    found = standards.collect(all_knowledge)
    assert set(found) == {"uitkomst-duurzaam-werk", "evaluatie-onafhankelijk",
                          "contractparameters-resultaatbetaling", "tarievenkaart-duurzaam-werk"}
    statuses = {v.status for s in found.values() for v in s.versions}
    assert {"draft", "consultation", "adopted", "superseded"} <= statuses
    assert found["uitkomst-duurzaam-werk"].current.number == "1.0.0"  # adopted beats the newer consultation
    assert found["contractparameters-resultaatbetaling"].current.number == "2.0.0"
    for standard in found.values():
        for version in standard.versions:
            for _lang, page in version.pages.items():
                meta = page.meta["standard"]
                # Examples only: no real ministry is named, and rate card amounts are illustrative.
                assert meta["example"] is True and meta["owner"] == "Resultaatwijzer (voorbeeld)", page.rel
                assert all(o["illustrative"] for o in meta.get("outcomes") or []), page.rel


# --- exact money ---------------------------------------------------------------------------

@pytest.mark.parametrize("written", ["1.500", "1.500,00", "€ 1500", "1500,50", "1,500", "1e3", "'1 500'"])
def test_an_amount_is_written_one_way(project_copy, written):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "price: {amount: 1000, currency: EUR}", f"price: {{amount: {written}, currency: EUR}}")
    line = line_of(page, f"amount: {written}")
    shown = written.strip("'")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: resultaat 'duurzaam-werk': het bedrag bij 'price' is "
                          f"'{shown}': {MONEY_ADVICE}", count=1)


def test_an_amount_in_block_style_is_read_as_written(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "cap: {amount: 100000, currency: EUR}", "cap:\n        amount: 100.000\n        currency: EUR")
    line = line_of(page, "amount: 100.000")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: resultaat 'duurzaam-werk': het bedrag bij 'cap' is '100.000'", count=1)


def test_amounts_are_exact_decimals(project_copy):
    both(project_copy, f"{RATE_CARD}/0.1.0", "price: {amount: 1000, currency: EUR}", "price: {amount: 1250.50, currency: EUR}")
    knowledge = kb.load(project_copy)
    assert knowledge.problems == []
    version = standards.collect(knowledge)["tarievenkaart-duurzaam-werk"].version("0.1.0")
    price = version.meta["outcomes"][0]["price"]
    amount = standards.exact_amount(version.page, price)
    assert amount == Decimal("1250.50") and isinstance(amount, Decimal) and str(amount) == "1250.50"


def test_english_messages_on_request(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "price: {amount: 1000, currency: EUR}", "price: {amount: 1.500, currency: EUR}")
    messages.set_language("en")
    refused(project_copy, "write 1500 or 1500.00, without € or thousands separators", count=1)


# --- no traceback from any value in any field -----------------------------------------------

WRONG = ["[1, 2]", "{a: 1}", "3.5", "true", "''", "null", "2026-13-45", "'€ 1500'", "-1", "1.1"]
FIELDS = ["id", "kind", "version", "status", "owner", "adopted_by", "decision", "effective", "review",
          "consultation_url", "supersedes", "superseded_by", "withdrawn_reason", "changes", "example", "outcomes"]
OUTCOME_FIELDS = ["id", "definition", "evidence", "price", "cap", "illustrative"]
PAGE_FIELDS = ["id", "title", "description", "type", "topics", "sources", "reviewed", "standard"]


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    """Just the rate card and the sources, so hundreds of broken versions load fast."""
    root = tmp_path_factory.mktemp("small")
    shutil.copytree(ROOT / RATE_CARD, root / RATE_CARD)
    (root / "kb/data").mkdir(parents=True)
    shutil.copy(ROOT / "kb/data/sources.yml", root / "kb/data/sources.yml")
    return root


def _set_field(text: str, key: str, value: str, indent: str = "  ") -> str:
    pattern = re.compile(rf"^{indent}{key}:.*$", re.M)
    if pattern.search(text):
        return pattern.sub(lambda _: f"{indent}{key}: {value}", text, count=1)
    return text.replace("\n  changes:", f"\n  {key}: {value}\n  changes:", 1)


@pytest.mark.parametrize("field", FIELDS + [f"outcomes.{f}" for f in OUTCOME_FIELDS] + ["price.amount", "price.currency"]
                         + [f"page.{f}" for f in PAGE_FIELDS])
def test_no_value_in_any_field_gives_a_traceback(small_project, field):
    page = small_project / f"{RATE_CARD}/0.1.0.nl.md"
    original = (ROOT / f"{RATE_CARD}/0.1.0.nl.md").read_text(encoding="utf-8")
    file = f"{RATE_CARD}/0.1.0.nl.md"
    for value in WRONG:
        if field.startswith("page."):
            name = field.split(".")[1]
            if name == "standard":  # the whole part replaced by one wrong value
                text = re.sub(r"^standard:\n(?:  .*\n)+", f"standard: {value}\n", original, flags=re.M)
            else:
                text = re.sub(rf"^{name}:.*$", lambda _: f"{name}: {value}", original, count=1, flags=re.M)
        elif field.startswith("outcomes."):
            text = _set_field(original, field.split(".")[1] if field != "outcomes.id" else "- id", value, indent="    ")
        elif field.startswith("price."):
            text = original.replace("price: {amount: 1000, currency: EUR}",
                                    "price: {amount: 1000, currency: EUR}".replace(
                                        f"{field.split('.')[1]}: {'1000' if field.endswith('amount') else 'EUR'}",
                                        f"{field.split('.')[1]}: {value}"), 1)
        else:
            text = _set_field(original, field, value)
        page.write_text(text, encoding="utf-8")
        knowledge = kb.load(small_project)  # must not raise, whatever the value
        mine = [p for p in knowledge.problems if p.file == file]
        for problem in mine:
            assert problem.line and "Traceback" not in problem.message
    page.write_text(original, encoding="utf-8")


# --- adopted means frozen ----------------------------------------------------------------

def test_an_edit_to_a_frozen_version_is_refused(project_copy):
    page = project_copy / f"{CONTRACT}/2.0.0.nl.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## Waarvoor deze parameters zijn", "## Waarvoor deze parameters zijn\n\nEen extra zin.", 1), encoding="utf-8")
    body = kb.load(project_copy).pages
    body_line = next(p for p in body if p.rel.endswith("contractparameters-resultaatbetaling/2.0.0.nl.md")).body_line
    refused(project_copy, f"{CONTRACT}/2.0.0.nl.md:{body_line}: versie 2.0.0 van 'contractparameters-resultaatbetaling' "
                          "is gepubliceerd als 'adopted' en ligt vast (vingerafdruk sha256:",
            "maar de tekst is veranderd: zet de wijziging terug en publiceer een nieuwe versie met "
            "'kb new version contractparameters-resultaatbetaling'", count=1)


def test_a_price_change_in_an_adopted_rate_card_is_refused(project_copy):
    """The issue's story: 1250.50 adopted and published, then changed in place to 1400."""
    both(project_copy, f"{RATE_CARD}/0.1.0", "price: {amount: 1000, currency: EUR}", "price: {amount: 1250.50, currency: EUR}")
    adopt_rate_card(project_copy)
    done, blocking = ledger.update(project_copy)
    assert blocking == [] and any("tarievenkaart-duurzaam-werk 0.1.0: adopted" in line for line in done)
    assert problems(project_copy) == []
    both(project_copy, f"{RATE_CARD}/0.1.0", "price: {amount: 1250.50, currency: EUR}", "price: {amount: 1400, currency: EUR}")
    line = line_of(project_copy / f"{RATE_CARD}/0.1.0.nl.md", "  outcomes:")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: versie 0.1.0 van 'tarievenkaart-duurzaam-werk' is gepubliceerd "
                          "als 'adopted' en ligt vast", "maar 'outcomes' is veranderd", count=1)
    # kb ledger never records a changed frozen version.
    done, blocking = ledger.update(project_copy)
    assert done == [] and blocking


def test_a_status_cannot_go_backwards(project_copy):
    both(project_copy, f"{OUTCOME}/1.1.0", "status: consultation", "status: draft")
    line = line_of(project_copy / f"{OUTCOME}/1.1.0.nl.md", "status: draft")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line}: versie 1.1.0 van 'uitkomst-duurzaam-werk' is op ",
            "gepubliceerd als 'consultation' en kan niet terug naar 'draft': zet 'status: consultation' terug en publiceer "
            "wijzigingen als nieuwe versie met 'kb new version uitkomst-duurzaam-werk'", count=1)


def test_an_adopted_version_cannot_become_a_draft_again(project_copy):
    both(project_copy, f"{OUTCOME}/1.0.0", "status: adopted", "status: draft")
    line = line_of(project_copy / f"{OUTCOME}/1.0.0.nl.md", "status: draft")
    refused(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line}: versie 1.0.0 van 'uitkomst-duurzaam-werk' is op ",
            "kan niet terug naar 'draft'")


def test_a_superseded_version_cannot_be_adopted_again(project_copy):
    for lang in ("nl", "en"):
        page = project_copy / f"{CONTRACT}/1.0.0.{lang}.md"
        edit(page, "status: superseded", "status: adopted")
        edit(page, "  superseded_by: 2.0.0\n", "")
    line = line_of(project_copy / f"{CONTRACT}/1.0.0.nl.md", "status: adopted")
    refused(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: versie 1.0.0 van 'contractparameters-resultaatbetaling' is op ",
            "gepubliceerd als 'superseded' en kan niet terug naar 'adopted'")


def test_a_published_version_cannot_disappear(project_copy):
    for lang in ("nl", "en"):
        (project_copy / f"{OUTCOME}/1.1.0.{lang}.md").unlink()
    refused(project_copy, "kb/data/standards-ledger.yml:", "versie 1.1.0 van 'uitkomst-duurzaam-werk' is gepubliceerd "
                                                           "(consultation), maar docs/standaarden/uitkomst-duurzaam-werk/1.1.0.nl.md bestaat niet meer")


def test_a_new_public_status_must_be_recorded(project_copy):
    adopt_rate_card(project_copy)
    line = line_of(project_copy / f"{RATE_CARD}/0.1.0.nl.md", "status: adopted")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: versie 0.1.0 van 'tarievenkaart-duurzaam-werk' heeft de status "
                          "'adopted', maar die staat nog niet in het register van versies (kb/data/standards-ledger.yml): "
                          "voer 'kb ledger' uit", count=1)


# --- the lifecycle with dates -----------------------------------------------------------------

def test_adopting_needs_who_and_which_decision(project_copy):
    adopt_rate_card(project_copy, decision=False)
    line = line_of(project_copy / f"{RATE_CARD}/0.1.0.nl.md", "status: adopted")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: versie 0.1.0 heeft de status 'adopted', dus er ontbreekt het "
                          "besluit waarmee ze is vastgesteld: voeg 'decision: ...' toe", count=1)


def test_a_past_review_date_is_a_warning_not_an_error(project_copy):
    adopt_rate_card(project_copy, effective="2020-01-01", review="2021-01-01")
    done, blocking = ledger.update(project_copy)
    assert blocking == [] and done
    knowledge = kb.load(project_copy)
    assert knowledge.problems == []
    line = line_of(project_copy / f"{RATE_CARD}/0.1.0.nl.md", "review: 2021-01-01")
    assert [str(w) for w in knowledge.warnings] == [
        f"{RATE_CARD}/0.1.0.nl.md:{line}: versie 0.1.0 is vastgesteld, maar haar herzieningsdatum 2021-01-01 is voorbij: "
        "herzie de standaard en publiceer een nieuwe versie met 'kb new version tarievenkaart-duurzaam-werk'"]


def test_dates_are_compared_as_dates(project_copy):
    """As text, '2026-1-5' < '2026-01-01'; a real date needs the zero and is then compared as a date."""
    both(project_copy, f"{CONTRACT}/2.0.0", "effective: 2026-01-01", "effective: 2026-1-5")
    line = line_of(project_copy / f"{CONTRACT}/2.0.0.nl.md", "effective: 2026-1-5")
    found = refused(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: 'standard.effective' is '2026-1-5', en dat is geen "
                                  "bestaande datum: schrijf JJJJ-MM-DD")
    assert not any("vóór de oudere versie" in p for p in found)


def test_a_newer_version_cannot_take_effect_earlier(project_copy):
    adopt_rate_card(project_copy)  # not recorded yet: the date mistake comes first
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    both(project_copy, f"{OUTCOME}/1.1.0", "  status: consultation\n",
         "  status: consultation\n  effective: 2025-12-31\n")
    line = line_of(page, "effective: 2025-12-31")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line}: versie 1.1.0 gaat in op 2025-12-31, vóór de oudere versie 1.0.0 (2026-01-01)")


def test_supersession_takes_effect_on_the_successors_date(knowledge):
    from datetime import date

    contract = standards.collect(knowledge)["contractparameters-resultaatbetaling"]
    assert contract.in_force(date(2024, 12, 31)) is None
    assert contract.in_force(date(2025, 12, 31)).number == "1.0.0"
    assert contract.in_force(date(2026, 1, 1)).number == "2.0.0"
    assert [(v.number, str(start), str(end)) for v, start, end in contract.periods()] == [
        ("1.0.0", "2025-01-01", "2026-01-01"), ("2.0.0", "2026-01-01", "None")]


# --- YAML slips: plain advice, one message ----------------------------------------------------

def test_a_tab_gives_one_message(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "  owner: Resultaatwijzer", "\towner: Resultaatwijzer")
    line = line_of(page, "\towner:")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line}: in de gegevens bovenaan de pagina: er staat een tab in de gegevens: "
                          "spring in met twee spaties, nooit met een tab", count=1)


def test_a_colon_in_text_gives_one_message(project_copy):
    for lang in ("nl", "en"):  # both files of a version another version names
        edit(project_copy / f"{CONTRACT}/1.0.0.{lang}.md", "  changes: Eerste versie" if lang == "nl" else "  changes: First version",
             "  changes: Let op: eerste versie")
    found = refused(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line_of(project_copy / f'{CONTRACT}/1.0.0.nl.md', 'Let op:')}: "
                                  "in de gegevens bovenaan de pagina: deze tekst bevat een dubbele punt: zet de hele tekst "
                                  "tussen aanhalingstekens")
    assert len(found) == 2 and all("dubbele punt" in p for p in found)  # one per file; no "1.0.0 does not exist"


def test_bad_indentation_gives_plain_advice(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "  owner: Resultaatwijzer", " owner: Resultaatwijzer")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:", "de inspringing klopt niet: elk niveau springt twee spaties verder in",
            count=1)


def test_a_date_that_does_not_exist(project_copy):
    page = project_copy / f"{CONTRACT}/2.0.0.nl.md"
    edit(page, "effective: 2026-01-01", "effective: 2026-13-45")
    line = line_of(page, "effective: 2026-13-45")
    refused(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: 'standard.effective' is '2026-13-45', en dat is geen bestaande "
                          "datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2027-01-01", count=1)


def test_a_version_written_as_a_number_gets_the_real_fix(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "supersedes: 1.0.0", "supersedes: 1.0")
    line = line_of(page, "supersedes: 1.0")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line}: 'standard.supersedes' is 1.0, wat YAML als getal leest: schrijf '1.0.0'",
            count=1)


# --- the rules that were there before, now in Dutch -----------------------------------------

def test_adopted_needs_an_effective_date(project_copy):
    adopt_rate_card(project_copy)
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "  effective: 2099-01-01\n", "")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line_of(page, 'status: adopted')}: versie 0.1.0 heeft de status "
                          "'adopted', dus er ontbreekt de datum waarop ze ingaat")


def test_superseded_names_its_successor(project_copy):
    page = project_copy / f"{CONTRACT}/1.0.0.nl.md"
    edit(page, "  superseded_by: 2.0.0\n", "")
    refused(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line_of(page, 'status: superseded')}: versie 1.0.0 heeft de status "
                          "'superseded', dus er ontbreekt de versie die haar vervangt")


def test_references_point_at_existing_versions(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "supersedes: 1.0.0", "supersedes: 0.9.0")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line_of(page, 'supersedes: 0.9.0')}: 'supersedes: 0.9.0' noemt versie "
                          "0.9.0 van 'uitkomst-duurzaam-werk', die niet bestaat (de versies zijn: 1.0.0, 1.1.0)")


def test_dutch_and_english_must_agree(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.en.md"
    edit(page, "owner: Resultaatwijzer (voorbeeld)", "owner: Someone else")
    refused(project_copy, f"{OUTCOME}/1.1.0.en.md:{line_of(page, 'owner: Someone')}: 'owner' is 'Someone else' hier maar "
                          "'Resultaatwijzer (voorbeeld)' in de Nederlandse versie", count=1)


def test_rate_card_prices_must_agree_between_languages(project_copy):
    edit(project_copy / f"{RATE_CARD}/0.1.0.en.md", "price: {amount: 1000, currency: EUR}", "price: {amount: 1000.00, currency: EUR}")
    assert problems(project_copy) == []  # the same amount, written with cents
    edit(project_copy / f"{RATE_CARD}/0.1.0.en.md", "price: {amount: 1000.00, currency: EUR}", "price: {amount: 1500, currency: EUR}")
    refused(project_copy, f"{RATE_CARD}/0.1.0.en.md:", "de resultaten verschillen van die in de Nederlandse versie", count=1)


def test_example_prices_must_be_marked_illustrative(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "      illustrative: true\n", "")
    refused(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line_of(page, '- id: duurzaam-werk')}: resultaat 'duurzaam-werk': deze "
                          "standaard is een voorbeeld")


def test_template_text_may_not_leave_draft(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "## Doelgroep\n", "## Doelgroep\n\nTODO: doelgroep nakijken.\n")
    refused(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line_of(page, 'TODO: doelgroep')}: deze regel is nog sjabloontekst (TODO)",
            count=1)


def test_at_most_one_adopted_version(project_copy):
    adopt_rate_card(project_copy)
    for lang in ("nl", "en"):
        page = project_copy / f"{CONTRACT}/1.0.0.{lang}.md"
        edit(page, "status: superseded", "status: adopted")
        edit(page, "  superseded_by: 2.0.0\n", "")
    refused(project_copy, "versie 1.0.0 en 2.0.0 van 'contractparameters-resultaatbetaling' zijn allebei vastgesteld")


def test_a_slip_in_one_file_of_a_frozen_version_gives_one_message(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "  changes: Eerste versie.", "  changes: Let op: eerste versie.")
    refused(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line_of(page, 'Let op:')}: in de gegevens bovenaan de pagina: deze tekst "
                          "bevat een dubbele punt", count=1)
