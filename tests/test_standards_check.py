"""The lifecycle rules of standards: `kb check` passes on the real content and fails on broken
copies, naming the file and line in words an editor understands."""
from __future__ import annotations

from kb import standards
from tests.test_kb_check import edit, kb_check, line_of

STANDARDS = "docs/standaarden"
OUTCOME = f"{STANDARDS}/uitkomst-duurzaam-werk"
CONTRACT = f"{STANDARDS}/contractparameters-resultaatbetaling"
RATE_CARD = f"{STANDARDS}/tarievenkaart-duurzaam-werk"


def failing(project, *expected: str) -> str:
    result = kb_check(project)
    assert result.returncode == 1, result.stdout
    for text in expected:
        assert text in result.stderr, f"{text!r} not in:\n{result.stderr}"
    return result.stderr


def test_the_starter_standards_show_the_lifecycle(knowledge):
    found = standards.collect(knowledge)
    assert set(found) == {"uitkomst-duurzaam-werk", "evaluatie-onafhankelijk",
                          "contractparameters-resultaatbetaling", "tarievenkaart-duurzaam-werk"}
    statuses = {v.status for s in found.values() for v in s.versions}
    assert {"draft", "consultation", "adopted", "superseded"} <= statuses
    assert found["uitkomst-duurzaam-werk"].current.number == "1.0.0"  # adopted beats the newer consultation
    assert found["contractparameters-resultaatbetaling"].current.number == "2.0.0"
    for standard in found.values():
        for version in standard.versions:
            for lang, page in version.pages.items():
                meta = page.meta["standard"]
                # Examples only: no real ministry is named as owner, and rate card amounts are illustrative.
                assert meta["example"] is True and meta["owner"] == "Resultaatwijzer (voorbeeld)", page.rel
                assert all(o["illustrative"] for o in meta.get("outcomes") or []), page.rel


def test_adopted_needs_an_effective_date(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "  effective: 2026-01-01\n", "")
    line = line_of(page, "status: adopted")
    failing(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line}: version 1.0.0 has status 'adopted', so it needs the date it takes effect")


def test_adopted_needs_an_owner(project_copy):
    page = project_copy / f"{CONTRACT}/2.0.0.nl.md"
    edit(page, "  owner: Resultaatwijzer (voorbeeld)\n", "")
    line = line_of(page, "status: adopted")
    failing(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: version 2.0.0 has status 'adopted', so it needs an owner")


def test_superseded_names_its_successor(project_copy):
    page = project_copy / f"{CONTRACT}/1.0.0.nl.md"
    edit(page, "  superseded_by: 2.0.0\n", "")
    line = line_of(page, "status: superseded")
    failing(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: version 1.0.0 has status 'superseded', so it needs the version that replaces it")


def test_a_successor_must_be_in_force(project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"{CONTRACT}/2.0.0.{lang}.md", "status: adopted", "status: consultation")
    line = line_of(project_copy / f"{CONTRACT}/1.0.0.nl.md", "superseded_by: 2.0.0")
    failing(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: version 1.0.0 is marked superseded by 2.0.0, but that version has status 'consultation'")


def test_at_most_one_adopted_version(project_copy):
    for lang in ("nl", "en"):
        page = project_copy / f"{CONTRACT}/1.0.0.{lang}.md"
        edit(page, "status: superseded", "status: adopted")
        edit(page, "  superseded_by: 2.0.0\n", "")
    line = line_of(project_copy / f"{CONTRACT}/1.0.0.nl.md", "status: adopted")
    failing(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: versions 1.0.0 and 2.0.0 of 'contractparameters-resultaatbetaling' are both adopted")


def test_versions_only_go_up(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "  changes: Eerste versie.\n", "  supersedes: 1.1.0\n  changes: Eerste versie.\n")
    line = line_of(page, "supersedes: 1.1.0")
    failing(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line}: version 1.0.0 can only supersede an older version, but 1.1.0 is newer")


def test_a_newer_version_cannot_take_effect_earlier(project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"{CONTRACT}/2.0.0.{lang}.md", "effective: 2026-01-01", "effective: 2024-06-01")
    line = line_of(project_copy / f"{CONTRACT}/2.0.0.nl.md", "effective: 2024-06-01")
    failing(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: version 2.0.0 takes effect on 2024-06-01, before the older version 1.0.0")


def test_references_point_at_existing_standards_and_versions(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "supersedes: 1.0.0", "supersedes: 0.9.0")
    version_line = line_of(page, "supersedes: 0.9.0")
    other = project_copy / f"{CONTRACT}/1.0.0.nl.md"
    edit(other, "superseded_by: 2.0.0", "superseded_by: geen-standaard/1.0.0")
    standard_line = line_of(other, "superseded_by: geen-standaard")
    failing(project_copy,
            f"{OUTCOME}/1.1.0.nl.md:{version_line}: 'supersedes: 0.9.0' names version 0.9.0 of 'uitkomst-duurzaam-werk', which does not exist (its versions are: 1.0.0, 1.1.0)",
            f"{CONTRACT}/1.0.0.nl.md:{standard_line}: 'superseded_by: geen-standaard/1.0.0' names the standard 'geen-standaard', which does not exist")


def test_a_successor_needs_the_status_superseded(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "  changes: Eerste versie.\n", "  superseded_by: 1.1.0\n  changes: Eerste versie.\n")
    line = line_of(page, "superseded_by: 1.1.0")
    failing(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line}: version 1.0.0 names its successor (superseded_by) but has status 'adopted'")


def test_dutch_and_english_must_agree(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.en.md"
    edit(page, "status: consultation", "status: adopted")
    line = line_of(page, "status: adopted")
    failing(project_copy, f"{OUTCOME}/1.1.0.en.md:{line}: 'status' is 'adopted' here but 'consultation' in the Dutch version")


def test_rate_card_prices_must_agree_between_languages(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.en.md"
    edit(page, "price: {amount: 1000, currency: EUR}", "price: {amount: 1500, currency: EUR}")
    failing(project_copy, f"{RATE_CARD}/0.1.0.en.md:", "the outcomes differ from those in the Dutch version")


def test_example_prices_must_be_marked_illustrative(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    edit(page, "      illustrative: true\n", "")
    line = line_of(page, "- id: duurzaam-werk")
    failing(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: outcome 'duurzaam-werk': this standard is an example, so its amounts are not real prices: add 'illustrative: true'")


def test_a_rate_card_needs_its_outcomes(project_copy):
    page = project_copy / f"{RATE_CARD}/0.1.0.nl.md"
    text = page.read_text(encoding="utf-8")
    start, end = text.index("  outcomes:\n"), text.index("---\n", text.index("  outcomes:\n"))
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    line = line_of(page, "kind: rate_card")
    failing(project_copy, f"{RATE_CARD}/0.1.0.nl.md:{line}: a rate card lists its outcomes under 'outcomes:'")


def test_file_name_and_version_must_match(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "  version: 1.0.0\n", "  version: 1.0.1\n")
    line = line_of(page, "version: 1.0.1")
    failing(project_copy, f"{OUTCOME}/1.0.0.nl.md:{line}: this file says it is version 1.0.1 of the standard 'uitkomst-duurzaam-werk', so it must be {STANDARDS}/uitkomst-duurzaam-werk/1.0.1.nl.md")


def test_unknown_kind_and_a_version_that_is_no_text(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.nl.md"
    edit(page, "kind: outcome_definition", "kind: outcome")
    edit(page, "  version: 1.0.0\n", "  version: 1.0\n")
    kind, version = line_of(page, "kind: outcome"), line_of(page, "version: 1.0")
    failing(project_copy,
            f"{OUTCOME}/1.0.0.nl.md:{kind}: 'standard.kind' is 'outcome', which is not one of the allowed values: outcome_definition",
            f"{OUTCOME}/1.0.0.nl.md:{version}: 'standard.version' is 1.0, which YAML reads as a number: put it in quotes")


def test_template_text_may_not_leave_draft(project_copy):
    page = project_copy / f"{OUTCOME}/1.1.0.nl.md"
    edit(page, "## Doelgroep\n", "## Doelgroep\n\nTODO: doelgroep nakijken.\n")
    line = line_of(page, "TODO: doelgroep")
    failing(project_copy, f"{OUTCOME}/1.1.0.nl.md:{line}: this line is still template text (TODO)")


def test_a_version_shows_its_banner(project_copy):
    page = project_copy / f"{OUTCOME}/1.0.0.en.md"
    edit(page, "<!-- kb:standard-version -->\n", "")
    failing(project_copy, f"{OUTCOME}/1.0.0.en.md:", "add a line '<!-- kb:standard-version -->' under the title")


def test_a_standard_page_names_a_known_standard(project_copy):
    page = project_copy / f"{OUTCOME}/index.nl.md"
    edit(page, "<!-- kb:standard uitkomst-duurzaam-werk -->", "<!-- kb:standard uitkomst-duurzaam-wrk -->")
    line = line_of(page, "kb:standard uitkomst-duurzaam-wrk")
    failing(project_copy, f"{OUTCOME}/index.nl.md:{line}: kb:standard: 'uitkomst-duurzaam-wrk' is not a known standard")


def test_a_date_must_exist(project_copy):
    page = project_copy / f"{CONTRACT}/2.0.0.nl.md"
    edit(page, "effective: 2026-01-01", "effective: 2026-13-45")
    line = line_of(page, "effective: 2026-13-45")
    failing(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: 'standard.effective' is '2026-13-45', which is not a real date")


def test_adopted_needs_a_review_date(project_copy):
    page = project_copy / f"{CONTRACT}/2.0.0.nl.md"
    edit(page, "  review: 2027-07-01\n", "")
    line = line_of(page, "status: adopted")
    failing(project_copy, f"{CONTRACT}/2.0.0.nl.md:{line}: version 2.0.0 has status 'adopted', so it needs the date by which it will be reviewed")


def test_a_withdrawn_successor_leaves_nothing_in_force(project_copy):
    for lang in ("nl", "en"):
        edit(project_copy / f"{CONTRACT}/2.0.0.{lang}.md", "status: adopted", "status: withdrawn")
    line = line_of(project_copy / f"{CONTRACT}/1.0.0.nl.md", "superseded_by: 2.0.0")
    failing(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: version 1.0.0 is marked superseded by 2.0.0, but 2.0.0 has been withdrawn")


def test_an_older_version_cannot_go_back_to_draft(project_copy):
    for lang in ("nl", "en"):
        page = project_copy / f"{CONTRACT}/1.0.0.{lang}.md"
        edit(page, "status: superseded", "status: draft")
        edit(page, "  superseded_by: 2.0.0\n", "")
    line = line_of(project_copy / f"{CONTRACT}/1.0.0.nl.md", "status: draft")
    failing(project_copy, f"{CONTRACT}/1.0.0.nl.md:{line}: version 1.0.0 of 'contractparameters-resultaatbetaling' has status 'draft', but the newer version 2.0.0 is already adopted")
