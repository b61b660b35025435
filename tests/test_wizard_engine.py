"""The wizard engine's behaviour beyond the scenario table and the properties: unknowns, number
classes, the threshold parameter, skipping, reachability, the compiled inputs and the diagram."""
from __future__ import annotations

import json

import pytest

from wizard import build_model, evaluate, next_question
from wizard.engine import UNKNOWN, value_classes
from wizard.model import ModelError, model_inputs

ROTTERDAM = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                 evidence="promising", market_exists="no", provider_can_bear_risk="no", provider_borrows="no",
                 investors_available="yes", outcome_payers="one", comparable_contracts=1,
                 commissioner_capacity="high", multi_year_budget="yes")


@pytest.fixture(scope="module")
def inputs(knowledge):
    return model_inputs(knowledge)


@pytest.fixture(scope="module")
def model(inputs):
    return build_model(inputs)


def test_the_inputs_are_plain_json_and_build_the_same_model(inputs, model):
    """The service will read these inputs from the release: they must survive JSON unchanged."""
    again = build_model(json.loads(json.dumps(inputs)))
    assert again.version == model.version and again.order == model.order
    for answers in ({}, ROTTERDAM, {**ROTTERDAM, "outcome_payers": "several", "comparable_contracts": 4}):
        a, b = evaluate(model, answers), evaluate(again, answers)
        assert (a.ranking, a.confidence, a.cases, a.would_change) == (b.ranking, b.confidence, b.cases, b.would_change)


def test_build_model_needs_no_knowledge_and_refuses_bad_inputs(inputs):
    with pytest.raises(ModelError):
        build_model({})
    broken = json.loads(json.dumps(inputs))
    broken["pages"].pop("vormen/sib")
    with pytest.raises(ModelError, match="vormen/sib"):
        build_model(broken)


def test_missing_factors_count_as_unknown(model):
    result = evaluate(model, {"outcome_measurable": "yes"})
    assert set(result.answers) == set(model.questions)
    assert result.answers["attributable"] == UNKNOWN
    assert result.answers["months_to_outcome"] == UNKNOWN


def test_unknown_preconditions_are_not_read_as_no(model):
    """Measurability and attribution unknown: no rule fires on them; the advice is undecided."""
    for rule in model.rules:
        for condition in rule.when:
            if condition.factor in ("outcome_measurable", "attributable"):
                assert UNKNOWN not in (condition.values or ()), rule.id
    assert evaluate(model, {**ROTTERDAM, "attributable": UNKNOWN}).confidence == "undecided"


def test_number_questions_are_split_at_the_model_thresholds(model):
    long_months = model.parameters["long_months"]["value"]
    assert value_classes(model, "months_to_outcome") == [(0, 0, long_months - 1), (long_months, long_months, 600)]
    assert value_classes(model, "comparable_contracts") == [(1, 1, 1), (2, 2, None)]


def test_the_threshold_is_a_parameter(model):
    long_months = model.parameters["long_months"]["value"]
    base = dict(ROTTERDAM, provider_can_bear_risk="yes")
    assert model.level(evaluate(model, {**base, "months_to_outcome": long_months - 1}).leader) == 2
    assert model.level(evaluate(model, {**base, "months_to_outcome": long_months}).leader) <= 1


def test_the_policy_area_is_asked_first_and_questions_are_skipped_when_they_cannot_matter(model):
    assert next_question(model, {}) == "policy_area"
    assert next_question(model, {"policy_area": "youth"}) == "outcome_measurable"
    # Unmeasurable outcomes leave a grant ahead of an output contract, but close: the wizard then
    # asks what would settle it (a close call is not left to the simplest form).
    answers = {"policy_area": "youth", "outcome_measurable": "no"}
    result = evaluate(model, answers)
    assert result.confidence == "close"
    assert next_question(model, answers) in {c.factor for c in result.decides}
    answers.update(urgency="acute", attributable="no")
    assert evaluate(model, answers).confidence == "clear" and next_question(model, answers) is None
    # With a provider that carries the risk, investors no longer matter.
    answers = {k: v for k, v in ROTTERDAM.items() if k not in ("investors_available",)}
    answers["provider_can_bear_risk"] = "yes"
    assert next_question(model, answers) != "investors_available"


def test_a_skipped_question_really_cannot_change_the_outcome(model):
    answers = {"policy_area": "youth", "outcome_measurable": "no"}
    asked = set(answers)
    while (factor := next_question(model, answers)) is not None:
        answers[factor] = value_classes(model, factor)[0][0]
        asked.add(factor)
    expected = evaluate(model, answers).leader
    for factor in set(model.scored) - asked:
        for value, *_ in value_classes(model, factor):
            assert evaluate(model, {**answers, factor: value}).leader == expected


def test_every_question_and_every_form_is_reachable(model):
    """Walk the wizard as a reader would, answer by answer, until every question was asked
    and every form led at least once."""
    asked, forms = set(), set()

    def walk(answers: dict) -> bool:
        factor = next_question(model, answers)
        if factor is None:
            forms.add(evaluate(model, answers).leader)
        else:
            asked.add(factor)
            values = [c[0] for c in value_classes(model, factor)]
            if not model.questions[factor].context:
                values.append(UNKNOWN)
            else:
                values = values[:1]
            for value in values:
                if walk({**answers, factor: value}):
                    return True
        return asked == set(model.questions) and forms == {f.id for f in model.forms}

    walk({})
    assert asked == set(model.questions)
    assert forms == {f.id for f in model.forms}


def test_close_results_name_what_decides_between_the_two(model):
    result = evaluate(model, {**ROTTERDAM, "commissioner_capacity": "low", "multi_year_budget": "no"})
    assert result.confidence == "close" and result.runner_up
    assert result.decides
    for change in result.decides:
        after = evaluate(model, {**ROTTERDAM, "commissioner_capacity": "low", "multi_year_budget": "no",
                                 change.factor: change.value})
        assert after.leader == change.form and after.leader in (result.leader, result.runner_up)


def test_cases_follow_the_policy_area_and_never_the_advice(model):
    health = evaluate(model, {**ROTTERDAM, "policy_area": "health_care"})
    youth = evaluate(model, {**ROTTERDAM, "policy_area": "youth"})
    assert health.cases[0] == "nl-stevig-staan" and youth.cases[0] != "nl-stevig-staan"
    grant = evaluate(model, {"policy_area": "justice", "outcome_measurable": "no"})
    assert grant.cases and set(grant.cases) >= {"nl-werk-na-detentie", "fr-wake-up-cafe"}
    assert len(health.cases) <= model.max_cases


def test_the_diagram_shows_every_question_rule_and_form(knowledge, model):
    from wizard.diagram import markdown

    for lang in ("nl", "en"):
        text = markdown(knowledge, lang, "keuzehulp/model.nl.md" if lang == "nl" else "keuzehulp/model.en.md")
        assert "```mermaid" in text and "flowchart" in text
        for question in model.questions.values():
            assert question.text[lang] in text
        for rule in model.rules:
            assert rule.label[lang] in text
            assert all(f"[^{s}]" in text for s in rule.sources)
        for form in model.forms:
            assert form.name[lang] in text
        assert model.version in text
        assert model.parameters["long_months"]["note"][lang].split(".")[0] in text
