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
    ("version is not semver", "version: 1.1.0", 'version: "1.1"', 'version: "1.1"', "'version' is '1.1'"),
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
    ("public form dropped", "  - id: sib\n    cases_from: [sib, hib, dib]\n", "", "forms:",
     "the form 'sib' is missing under forms"),
    ("form anchor missing", "anchor: {nl: taakgericht-betalen-voor-een-afgeronde-taak, en: task-oriented-paying-for-a-completed-task}\n  - id: pay_for_success",
     "anchor: {nl: taakgericht-betalen, en: task-oriented-paying-for-a-completed-task}\n  - id: pay_for_success",
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
    from wizard import build_model, model_inputs, evaluate

    edit(project_copy / WIZARD, "    value: 60\n", "    value: 24\n")
    edit(project_copy / WIZARD, "version: 1.1.0", "version: 1.2.0")
    knowledge = kb.load(project_copy)
    assert [p for p in knowledge.problems if p.file.startswith("kb/")] == []
    model = build_model(model_inputs(knowledge))
    answers = dict(outcome_measurable="yes", attributable="yes", urgency="normal", evidence="promising",
                   provider_can_bear_risk="yes", months_to_outcome=30)
    result = evaluate(model, answers)
    assert (result.recommendation, result.model_version) == ("subsidy", "1.2.0")
