"""The wizard engine's behaviour beyond the scenario table: unknowns, what-would-change,
skipping, reachability and the generated diagram."""
from __future__ import annotations

import pytest

from wizard import build_model, model_inputs, evaluate, next_question
from wizard.engine import UNKNOWN, value_classes


@pytest.fixture(scope="module")
def model(knowledge):
    return build_model(model_inputs(knowledge))


def test_missing_factors_count_as_unknown(model):
    result = evaluate(model, {"outcome_measurable": "yes"})
    assert set(result.answers) == set(model.questions)
    assert result.answers["attributable"] == UNKNOWN
    assert result.answers["months_to_outcome"] == UNKNOWN


def test_would_change_names_answers_that_lead_elsewhere(model):
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                   evidence="promising", provider_can_bear_risk="no", investors_available="yes",
                   outcome_payers="several")
    result = evaluate(model, answers)
    assert result.recommendation == "sib"
    changes = {(c.factor, c.value): c.form for c in result.would_change}
    assert changes[("provider_can_bear_risk", "yes")] == "pay_for_success"
    assert changes[("urgency", "acute")] == "subsidy"
    assert changes[("comparable_contracts", 2)] == "outcomes_fund"  # an unknown factor
    long_months = model.parameters["long_months"]["value"]
    assert changes[("months_to_outcome", long_months)] == "subsidy"
    for change in result.would_change:  # re-evaluating each change really gives that form
        assert evaluate(model, {**answers, change.factor: change.value}).recommendation == change.form != "sib"


def every_outcome(model):
    """(answers, recommendation) for every way to answer every question, "unknown" included.

    The same scoring as the engine, walked question by question so that a rule's points are
    added once per branch instead of once per complete set of answers; test_the_walk_scores_as_the_engine
    checks it against the engine."""
    factors = list(model.questions)
    forms = [f.id for f in model.forms]
    choices = [[c[0] for c in value_classes(model, f)] + [UNKNOWN] for f in factors]
    settled_at = [[] for _ in factors]  # rules by the last question their conditions name
    start = [0] * len(forms)
    for rule in model.rules:
        if rule.when:
            settled_at[max(factors.index(c.factor) for c in rule.when)].append(rule)
        else:
            start = [s + rule.effects.get(f, 0) for s, f in zip(start, forms)]
    answers = {}

    def walk(depth, totals):
        if depth == len(factors):
            yield answers, forms[max(range(len(forms)), key=totals.__getitem__)]  # first of equal
            return
        for value in choices[depth]:
            answers[factors[depth]] = value
            below = totals
            for rule in settled_at[depth]:
                if rule.applies(answers):
                    below = [s + rule.effects.get(f, 0) for s, f in zip(below, forms)]
            yield from walk(depth + 1, below)

    yield from walk(0, start)


@pytest.fixture(scope="module")
def counterexamples(model):
    """For each property of the model, the first set of answers that breaks it (if any)."""
    outcome_forms = {"pay_for_success", "sib", "outcomes_fund"}
    found, sample = {}, []
    for number, (answers, form) in enumerate(every_outcome(model)):
        if number % 997 == 0:
            sample.append((dict(answers), form))
        if form in outcome_forms and answers["outcome_measurable"] == UNKNOWN:
            found.setdefault("measurability unknown", (dict(answers), form))
        if form in outcome_forms and answers["attributable"] == UNKNOWN:
            found.setdefault("attribution unknown", (dict(answers), form))
        if form == "outcomes_fund" and answers["evidence"] == "proven":
            found.setdefault("proven approach", (dict(answers), form))
    found["sample"] = sample
    return found


def test_the_walk_scores_as_the_engine(model, counterexamples):
    assert len(counterexamples["sample"]) > 500
    for answers, form in counterexamples["sample"]:
        assert evaluate(model, answers).recommendation == form, answers


@pytest.mark.parametrize("gate", ["measurability unknown", "attribution unknown"])
def test_no_outcomes_contract_before_the_outcome_is_known_to_be_measurable_and_attributable(counterexamples, gate):
    """Payment by results needs an outcome you can measure and attribute (drawbacks): while
    either is unknown, no combination of other answers makes an outcomes contract the advice."""
    assert gate not in counterexamples, counterexamples.get(gate)


def test_bundling_never_makes_a_fund_of_a_proven_approach(counterexamples):
    """The innovation paradox: for a proven approach a grant or procurement fits better, also at scale."""
    assert "proven approach" not in counterexamples, counterexamples.get("proven approach")


def test_knowing_measurability_or_attribution_would_change_the_advice(model):
    rotterdam = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                     evidence="promising", provider_can_bear_risk="no", investors_available="yes",
                     outcome_payers="one", comparable_contracts=1, commissioner_capacity="high", multi_year_budget="yes")
    assert evaluate(model, rotterdam).recommendation == "sib"
    for factor, rule, caution in (("outcome_measurable", "outcome-measurability-unknown", "measurability-unknown"),
                                  ("attributable", "outcome-attribution-unknown", "attribution-unknown")):
        answers = {**rotterdam, factor: UNKNOWN}
        result = evaluate(model, answers)
        assert result.recommendation == "subsidy"
        assert rule in result.reasons and result.reasons_kind == "against"
        assert caution in result.cautions
        changes = {(c.factor, c.value): c.form for c in result.would_change}
        assert changes[(factor, "yes")] == "sib"


def test_without_supporting_rules_the_reasons_are_the_answers_against_the_others(model):
    # Little capacity and no multi-year budget sink a SIB: a grant wins with 0 points, and no
    # rule gave it any, so the reasons are the rules that took points from the other forms.
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                   evidence="promising", provider_can_bear_risk="no", investors_available="yes",
                   outcome_payers="one", comparable_contracts=1, commissioner_capacity="low", multi_year_budget="no")
    result = evaluate(model, answers)
    assert result.recommendation == "subsidy" and result.ranking[0].for_rules == ()
    assert result.reasons_kind == "against"
    assert {"low-capacity", "no-multi-year-budget", "provider-needs-funding", "fund-needs-bundling"} <= set(result.reasons)
    rules = {r.id: r for r in model.rules}
    for reason in result.reasons:
        assert reason in result.fired
        effects = rules[reason].effects
        assert effects.get("subsidy", 0) >= 0 and any(p < 0 for f, p in effects.items() if f != "subsidy")
    # With a rule that supports the winner, the reasons are those rules, as before.
    supported = evaluate(model, {**answers, "commissioner_capacity": "high", "multi_year_budget": "yes"})
    assert supported.recommendation == "sib" and supported.reasons_kind == "for"
    assert supported.reasons == supported.ranking[0].for_rules


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


def test_the_diagram_draws_every_effect_and_the_table_lists_it(knowledge, model):
    from wizard.diagram import markdown

    for lang in ("nl", "en"):
        text = markdown(knowledge, lang, f"keuzehulp/model.{lang}.md")
        diagram = text.split("```mermaid", 1)[1].split("```", 1)[0]
        table = text.split("```", 2)[2].split("\n## ", 1)[0]
        rows = {line.split(" | ")[0].strip("| *"): line.split(" | ") for line in table.splitlines()
                if line.startswith("| **")}
        for rule in model.rules:
            node = "r_" + rule.id.replace("-", "_")
            row = rows[rule.label[lang]]
            for index, form in enumerate(model.forms):
                points = rule.effects.get(form.id, 0)
                shown = f"{points:+d}".replace("-", "−") if points else ""
                assert row[2 + index].strip() == shown, (rule.id, form.id, row)
                if points:  # minus points too: a dotted arrow, labelled
                    arrow = "-->" if points > 0 else "-.->"
                    assert f'{node} {arrow}|"{shown}"| f_{form.id}' in diagram, (rule.id, form.id)
            for condition in rule.when:
                assert f"q_{condition.factor} -->|" in diagram and f"| {node}" in diagram
            assert all(model.sections[s]["title"] in row[-1] for s in rule.sources)
        # Arrows from the questions come in the order the questions are asked.
        firsts = [line.split()[0] for line in diagram.splitlines() if line.strip().startswith("q_") and "-->" in line]
        asked = [f"q_{f}" for f in model.questions]
        assert sorted(firsts, key=asked.index) == firsts


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
