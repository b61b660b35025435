"""The decision model is data: a broken kb/data/wizard.yml fails `kb check`, naming file and line."""
from __future__ import annotations

import pytest

from tests.test_kb_check import edit, kb_check, line_of

WIZARD = "kb/data/wizard.yml"

# (what breaks, text in the file, its replacement, the text to find the line by, part of the message)
BREAKAGES = [
    ("unknown factor in a rule", "when: {urgency: [acute]}", "when: {urgensy: [acute]}", "urgensy",
     "asks about 'urgensy', which is not one of the questions"),
    ("unknown answer in a rule", "when: {evidence: [proven]}", "when: {evidence: [proved]}", "[proved]",
     "expects 'proved' for 'evidence', which is not one of its answers"),
    ("yes without quotes", 'when: {attributable: ["no"]}', "when: {attributable: [no]}", "attributable: [no]",
     'write "yes" and "no" in quotes'),
    ("unknown form in an effect", "effects: {sib: 2, outcomes_fund: 2}", "effects: {sibb: 2, outcomes_fund: 2}",
     "sibb", "names the form 'sibb', which is not under forms"),
    ("unknown source section", "sources: [other-forms]", "sources: [other-form]", "[other-form]",
     "cites the source section 'other-form'"),
    ("missing guidance page", "guidance: {page: vormen/sib, anchor: {nl: hoe-complex",
     "guidance: {page: vormen/sibb, anchor: {nl: hoe-complex", "vormen/sibb", "points to the page 'vormen/sibb'"),
    ("missing guidance anchor", "anchor: {nl: de-innovatieparadox,", "anchor: {nl: de-innovatie-paradox,",
     "de-innovatie-paradox", "'#de-innovatie-paradox', which is not a heading"),
    ("version is not semver", "version: 2.0.0", 'version: "2.0"', 'version: "2.0"', "'version' is '2.0'"),
    ("unknown parameter", "when: {months_to_outcome: {min: long_months}}", "when: {months_to_outcome: {min: long_month}}",
     "{min: long_month}}",
     "uses the parameter 'long_month', which is not under parameters"),
    ("form not in forms.yml", "  - id: output_contract\n", "  - id: outputcontract\n", "id: outputcontract",
     "the form 'outputcontract' is not in kb/data/forms.yml"),
    ("question never asked", "  - multi_year_budget\n", "", "- id: multi_year_budget",
     "'multi_year_budget' is not in the order list"),
    ("number range on a choice", "when: {commissioner_capacity: [high]}", "when: {commissioner_capacity: {min: 2}}",
     "commissioner_capacity: {min: 2}", "gives a range for 'commissioner_capacity'"),
    ("range min above max", "when: {comparable_contracts: {min: 2}}", "when: {comparable_contracts: {min: 5, max: 2}}",
     "{min: 5, max: 2}", "asks for 'comparable_contracts' from 5 to 2: the min is above the max, so no answer can match"),
    ("range below the question's answers", "when: {comparable_contracts: {min: 2}}",
     "when: {comparable_contracts: {min: -50}}", "{min: -50}",
     "uses -50 as the min for 'comparable_contracts', but that question only takes answers of 1 or more"),
    ("range above the question's answers", "when: {months_to_outcome: {min: long_months}}",
     "when: {months_to_outcome: {min: long_months, max: 700}}", "max: 700",
     "uses 700 as the max for 'months_to_outcome', but that question only takes answers from 0 to 600"),
    ("parameter outside the question's answers", "    value: 60\n", "    value: 900\n", "{min: long_months}}",
     "uses 900 (the parameter 'long_months') as the min for 'months_to_outcome', but that question only takes "
     "answers from 0 to 600"),
    ("public form dropped", "  - id: sib\n    pays_for_results: 2\n    cases_from: [sib, hib, dib]\n    next_steps: *outcome_steps\n",
     "", "forms:", "the form 'sib' is missing under forms"),
    ("a rule asks about the policy area", "when: {urgency: [acute]}", "when: {policy_area: [health_care]}",
     "when: {policy_area: [health_care]}", "asks about 'policy_area', a context question"),
    ("actionable towards an answer that does not exist", "towards: [several]", "towards: [many]", "towards: [many]",
     "is actionable towards 'many', which is not one of its answers"),
    ("a policy area names an unknown case", "    - nl-stevig-staan\n", "    - nl-stevig-staaan\n", "health_care:",
     "names the case 'nl-stevig-staaan', which is not in kb/data/cases.yml"),
    ("a policy area that is not an answer", "  housing:      #", "  housin:      #", "housin:",
     "case_areas names 'housin', which is not an answer of the question policy_area"),
    ("a next step to a missing page", "        page: lessen/voor-tijdens-na\n", "        page: lessen/voor-tijdens-naa\n",
     "page: lessen/voor-tijdens-naa", "points to the page 'lessen/voor-tijdens-naa'"),
    ("a next step to another site", "url: {nl: /starten/, en: /en/starten/}", "url: {nl: //evil.example/, en: /en/starten/}",
     "//evil.example/", "write an address on this site, starting with /"),
    ("a level that is not defined", "  - id: top_up\n    pays_for_results: 2", "  - id: top_up\n    pays_for_results: 7",
     "pays_for_results: 7", "has pays_for_results 7, which is not under levels"),
    ("more than five changes", "  max_changes: 5 ", "  max_changes: 12 ", "max_changes: 12", "'results.max_changes' is 12, which is out of range"),
    ("form anchor missing", "    anchor: {nl: taakgericht-betalen-voor-een-afgeronde-taak, en: task-oriented-paying-for-a-completed-task}\n    next_steps:",
     "    anchor: {nl: taakgericht-betalen, en: task-oriented-paying-for-a-completed-task}\n    next_steps:",
     "anchor: {nl: taakgericht-betalen,", "the form 'output_contract' points to the section '#taakgericht-betalen', which is "
     "not a heading on docs/basis/spectrum.nl.md"),
]


@pytest.mark.parametrize("what, old, new, needle, message", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_broken_model_fails_kb_check_with_file_and_line(project_copy, what, old, new, needle, message):
    path = project_copy / WIZARD
    edit(path, old, new)
    line = line_of(path, needle)
    result = kb_check(project_copy)
    assert result.returncode == 1, result.stdout
    problems = [p for p in result.stderr.splitlines() if p.startswith(f"{WIZARD}:{line}:")]
    assert any(message in p for p in problems), result.stderr


def test_missing_model_file_fails_kb_check(project_copy):
    (project_copy / WIZARD).unlink()
    result = kb_check(project_copy)
    assert result.returncode == 1
    assert f"{WIZARD}: this data file is missing" in result.stderr


def test_a_ministry_can_change_the_threshold_without_code(project_copy):
    import kb
    from wizard import build_model, evaluate
    from wizard.model import model_inputs

    answers = dict(outcome_measurable="yes", attributable="yes", urgency="normal", evidence="promising",
                   provider_can_bear_risk="yes", months_to_outcome=30, market_exists="no", provider_borrows="no")
    before = evaluate(build_model(model_inputs(kb.load(project_copy))), answers)
    assert before.leader == "pay_for_success"
    edit(project_copy / WIZARD, "    value: 60\n", "    value: 24\n")
    edit(project_copy / WIZARD, "version: 2.0.0", "version: 2.1.0")
    knowledge = kb.load(project_copy)
    assert [p for p in knowledge.problems if p.file.startswith("kb/")] == []
    model = build_model(model_inputs(knowledge))
    result = evaluate(model, answers)
    assert model.level(result.leader) <= 1 and result.model_version == "2.1.0"
