"""The wizard engine's behaviour beyond the scenario table: unknowns, what-would-change,
skipping, reachability and the generated diagram."""
from __future__ import annotations

import pytest

from wizard import build_model, evaluate, next_question
from wizard.engine import UNKNOWN, value_classes


@pytest.fixture(scope="module")
def model(knowledge):
    return build_model(knowledge)


def test_missing_factors_count_as_unknown(model):
    result = evaluate(model, {"outcome_measurable": "yes"})
    assert set(result.answers) == set(model.questions)
    assert result.answers["attributable"] == UNKNOWN
    assert result.answers["months_to_outcome"] == UNKNOWN


def test_would_change_names_answers_that_lead_elsewhere(model):
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                   evidence="promising", provider_can_bear_risk="no", investors_available="yes")
    result = evaluate(model, answers)
    assert result.recommendation == "sib"
    changes = {(c.factor, c.value): c.form for c in result.would_change}
    assert changes[("provider_can_bear_risk", "yes")] == "pay_for_success"
    assert changes[("urgency", "acute")] == "subsidy"
    assert changes[("outcome_payers", "several")] == "outcomes_fund"  # an unknown factor
    long_months = model.parameters["long_months"]["value"]
    assert changes[("months_to_outcome", long_months)] == "subsidy"
    for change in result.would_change:  # re-evaluating each change really gives that form
        assert evaluate(model, {**answers, change.factor: change.value}).recommendation == change.form != "sib"


def test_number_questions_are_split_at_the_model_thresholds(model):
    long_months = model.parameters["long_months"]["value"]
    assert value_classes(model, "months_to_outcome") == [(0, 0, long_months - 1), (long_months, long_months, 600)]
    assert value_classes(model, "comparable_contracts") == [(1, 1, 1), (2, 2, None)]


def test_the_threshold_is_a_parameter(model):
    long_months = model.parameters["long_months"]["value"]
    base = dict(outcome_measurable="yes", attributable="yes", urgency="normal", evidence="promising",
                provider_can_bear_risk="yes")
    assert evaluate(model, {**base, "months_to_outcome": long_months - 1}).recommendation == "pay_for_success"
    assert evaluate(model, {**base, "months_to_outcome": long_months}).recommendation == "subsidy"


def test_questions_are_asked_in_order_and_skipped_when_they_cannot_matter(model):
    assert next_question(model, {}) == model.order[0]
    # Unmeasurable outcomes settle it: no other answer can bring an outcomes contract back.
    assert next_question(model, {"outcome_measurable": "no"}) is None
    assert next_question(model, {"urgency": "acute", "outcome_measurable": "yes", "attributable": "yes"}) is None
    # With a provider that carries the risk, investors no longer matter.
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=12, urgency="normal",
                   evidence="promising", provider_can_bear_risk="yes")
    assert next_question(model, answers) != "investors_available"


def test_a_skipped_question_really_cannot_change_the_outcome(model):
    answers = {"outcome_measurable": "no"}
    expected = evaluate(model, answers).recommendation
    for factor in model.order[1:]:
        for value, *_ in value_classes(model, factor):
            assert evaluate(model, {**answers, factor: value}).recommendation == expected


def test_every_question_and_every_form_is_reachable(model):
    """Walk the wizard as a reader would, answer by answer, until every question was asked
    and every form recommended at least once."""
    asked, forms = set(), set()

    def walk(answers: dict) -> bool:
        factor = next_question(model, answers)
        if factor is None:
            forms.add(evaluate(model, answers).recommendation)
        else:
            asked.add(factor)
            for value in [c[0] for c in value_classes(model, factor)] + [UNKNOWN]:
                if walk({**answers, factor: value}):
                    return True
        return asked == set(model.questions) and forms == {f.id for f in model.forms}

    walk({})
    assert asked == set(model.questions)
    assert forms == {f.id for f in model.forms}


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
