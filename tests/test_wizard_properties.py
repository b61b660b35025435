"""Properties of the decision model proven over EVERY answer combination (pure engine, no HTTP).

The answer space is every answer class of every scored question (number questions at the
model's own thresholds) plus 'unknown'. Instead of evaluating millions of combinations one by
one, the walk below adds each rule's points once per branch, at the last question the rule
depends on, and keeps only the distinct score vectors; the questions a property varies (the
"tail") are then tried on every distinct vector. test_the_walk_scores_as_the_engine checks the
walk against the engine's own scores.
"""
from __future__ import annotations

import random

import pytest

from wizard import build_model
from wizard.engine import CLEAR, UNKNOWN, classify, evaluate, order, scores, value_classes
from wizard.model import model_inputs

ORDERS = {"outcome_measurable": ["no", "partly", "yes"], "attributable": ["no", "yes"]}


@pytest.fixture(scope="module")
def model(knowledge):
    return build_model(model_inputs(knowledge))


def choices(model, factor) -> list:
    return [c[0] for c in value_classes(model, factor)] + [UNKNOWN]


def groups(model, fixed: dict, free: list[str], tail: set[str]):
    """Every distinct (points from rules not naming a tail question, truth of the other
    conditions of each rule that does) over all answers to the free questions.

    A dynamic programme over the free questions in turn: each state is the points so far plus
    only those answers that rules still to come ask about, so equal states merge."""
    forms = [f.id for f in model.forms]
    tailed = [r for r in model.rules if any(c.factor in tail for c in r.when)]
    depth = {f: i for i, f in enumerate(free)}
    start, settle = [0] * len(forms), [[] for _ in free]
    for rule in model.rules:
        if rule in tailed:
            continue
        named = [depth[c.factor] for c in rule.when if c.factor in depth]
        if named:
            settle[max(named)].append(rule)
        elif rule.applies(fixed):
            start = [a + b for a, b in zip(start, [rule.effects.get(f, 0) for f in forms])]
    later = []  # per depth: the free questions that rules settled after it (or tailed rules) ask about
    for level in range(len(free)):
        wanted = {c.factor for d in range(level + 1, len(free)) for r in settle[d] for c in r.when}
        wanted |= {c.factor for r in tailed for c in r.when if c.factor not in tail}
        later.append(sorted(f for f in wanted if f in depth and depth[f] <= level))
    states = {(tuple(start), ())}
    for level, factor in enumerate(free):
        merged = set()
        for totals, kept in states:
            for value in choices(model, factor):
                answers = {**fixed, **dict(kept), factor: value}
                here = list(totals)
                for rule in settle[level]:
                    if rule.applies(answers):
                        here = [a + rule.effects.get(f, 0) for a, f in zip(here, forms)]
                merged.add((tuple(here), tuple((f, answers[f]) for f in later[level])))
        states = merged
    keys = set()
    for totals, kept in states:
        answers = {**fixed, **dict(kept)}
        keys.add((totals, tuple(all(c.matches(answers.get(c.factor, UNKNOWN)) for c in r.when if c.factor not in tail)
                                for r in tailed)))
    return keys, tailed


def totals_for(model, key, tailed, tail_answers: dict) -> dict:
    base, truth = key
    totals = list(base)
    for rule, holds in zip(tailed, truth):
        if holds and all(c.matches(tail_answers.get(c.factor, UNKNOWN)) for c in rule.when if c.factor in tail_answers):
            totals = [a + rule.effects.get(f.id, 0) for a, f in zip(totals, model.forms)]
    return {f.id: t for f, t in zip(model.forms, totals)}


def leader_index(totals) -> int:
    """The first form with most points: what the engine's order() puts first (checked below)."""
    best = 0
    for i in range(1, len(totals)):
        if totals[i] > totals[best]:
            best = i
    return best


def space(model, keys, tailed, tail: dict):
    """{tail answers: [full score vector per key]} for every combination of the tail answers."""
    import itertools
    names = list(tail)
    added = {}
    table = {}
    for combo in itertools.product(*tail.values()):
        answers = dict(zip(names, combo))
        vectors = []
        for key in keys:
            base, truth = key
            extra = added.get((truth, combo))
            if extra is None:
                extra = added[(truth, combo)] = tuple(totals_for(model, ((0,) * len(base), truth), tailed, answers).values())
            vectors.append(tuple(a + b for a, b in zip(base, extra)))
        table[combo] = vectors
    return table


@pytest.fixture(scope="module")
def measurability_space(model):
    tail = set(ORDERS)
    free = [f for f in model.scored if f not in tail]
    keys, tailed = groups(model, {}, free, tail)
    keys = sorted(keys)
    values = {f: choices(model, f) for f in ORDERS}
    return keys, tailed, space(model, keys, tailed, values)


def test_the_walk_scores_as_the_engine(model, measurability_space):
    keys, tailed, table = measurability_space
    index = {key: i for i, key in enumerate(keys)}
    forms = [f.id for f in model.forms]
    rng = random.Random(13)
    for _ in range(400):
        answers = {f: rng.choice(choices(model, f)) for f in model.scored}
        rest = {f: v for f, v in answers.items() if f not in ORDERS}
        (key,), _ = groups(model, rest, [], set(ORDERS))
        assert key in index  # the walk reached this combination
        vector = table[tuple(answers[f] for f in ORDERS)][index[key]]
        engine = scores(model, answers)
        assert vector == tuple(engine[f] for f in forms), answers
        assert forms[leader_index(vector)] == order(model, engine)[0]


@pytest.mark.parametrize("factor", list(ORDERS))
def test_a_better_outcome_never_moves_the_advice_to_a_form_that_pays_less_for_results(model, measurability_space, factor):
    """More measurable (no < partly < yes, and unknown < yes) or more attributable (no < yes,
    unknown < yes), nothing else changed: the advice never pays less for results."""
    keys, tailed, table = measurability_space
    levels = [f.level for f in model.forms]
    names = list(ORDERS)
    steps = list(zip(ORDERS[factor], ORDERS[factor][1:])) + [(UNKNOWN, "yes")]
    checked = 0
    for combo in table:
        answers = dict(zip(names, combo))
        for worse, better in steps:
            if answers[factor] != worse:
                continue
            improved = tuple(better if f == factor else answers[f] for f in names)
            for low, high in zip(table[combo], table[improved]):
                if levels[leader_index(high)] < levels[leader_index(low)]:
                    raise AssertionError((factor, worse, better, low, high))
                checked += 1
    assert checked == len(keys) * len(steps) * len(choices(model, next(f for f in ORDERS if f != factor)))


def test_with_one_payer_and_one_contract_less_staff_or_no_budget_never_makes_a_fund_the_advice(model):
    fixed = {"outcome_payers": "one", "comparable_contracts": 1}
    tail = {"commissioner_capacity": choices(model, "commissioner_capacity"),
            "multi_year_budget": choices(model, "multi_year_budget")}
    free = [f for f in model.scored if f not in tail and f not in fixed]
    keys, tailed = groups(model, fixed, free, set(tail))
    table = space(model, sorted(keys), tailed, tail)
    fund = [f.id for f in model.forms].index("outcomes_fund")
    for (capacity, budget), vectors in table.items():
        for after in (("low", budget), (capacity, "no")):
            for before_vector, after_vector in zip(vectors, table[after]):
                # less staff or no budget never makes it a fund; in fact it is never a fund here
                assert leader_index(after_vector) != fund or leader_index(before_vector) == fund
                assert leader_index(after_vector) != fund, (capacity, budget, after)


def test_a_tie_is_never_firm_advice_for_the_simplest_form(model, measurability_space):
    """Whenever the top two forms are within the close margin (a tie included), anywhere in
    the answer space, the engine's confidence is not 'clear': it is 'close' (naming both)
    unless undecided."""
    _, _, table = measurability_space
    forms = [f.id for f in model.forms]
    close, ties = set(), 0
    for vectors in table.values():
        for vector in vectors:
            ordered = sorted(vector, reverse=True)
            if ordered[0] - ordered[1] <= model.close_margin:
                close.add(vector)
                ties += ordered[0] == ordered[1]
    assert ties > 0  # the property is exercised
    for vector in close:
        assert classify(model, dict(zip(forms, vector)), undecided=False) != CLEAR, vector


def test_a_tie_names_both_forms_in_a_full_result(model):
    """Through evaluate(): every tie found in a random sample of complete answers is close (with
    the runner-up named) or undecided, never a silent pick."""
    rng = random.Random(7)
    seen = 0
    for _ in range(800):
        answers = {f: rng.choice(choices(model, f)) for f in model.scored}
        result = evaluate(model, answers)
        if result.ranking[0].score == result.ranking[1].score:
            seen += 1
            assert result.confidence != CLEAR
            if result.confidence == "close":
                assert result.runner_up == result.ranking[1].form
            else:
                assert result.recommendation is None and result.find_out_first
    assert seen > 0


def test_the_policy_area_never_changes_the_advice(model):
    """policy_area is a context question: no rule asks about it, and over a sample of answers
    each area gives the same ranking and confidence."""
    assert model.questions["policy_area"].context
    assert not any(c.factor == "policy_area" for r in model.rules for c in r.when)
    rng = random.Random(3)
    for _ in range(30):
        answers = {f: rng.choice(choices(model, f)) for f in model.scored}
        base = evaluate(model, answers)
        for area in choices(model, "policy_area"):
            other = evaluate(model, {**answers, "policy_area": area})
            assert (other.ranking, other.confidence, other.recommendation) == (base.ranking, base.confidence, base.recommendation)


def test_all_unknown_is_undecided_with_a_ranked_list(model):
    result = evaluate(model, {})
    assert result.confidence == "undecided" and result.recommendation is None
    factors = [f.factor for f in result.find_out_first]
    assert factors[0] == "outcome_measurable"  # the first precondition of paying for results
    assert 1 < len(factors) <= model.max_find_out
    assert all(f.shifts_level for f in result.find_out_first[:1])


def test_what_would_change_lists_only_actionable_changes_at_most_five_by_effect(model):
    rng = random.Random(11)
    nonempty = 0
    for _ in range(250):
        answers = {f: rng.choice(choices(model, f)) for f in model.scored}
        result = evaluate(model, answers)
        changes = result.would_change
        assert len(changes) <= 5
        nonempty += bool(changes)
        assert [c.margin for c in changes] == sorted((c.margin for c in changes), reverse=True)
        for change in changes:
            question = model.questions[change.factor]
            assert question.actionable is not None
            if question.type != "number":
                assert change.value in question.actionable.towards
            # re-evaluating really leads to that form: another one, or a decision where there was none
            after = evaluate(model, {**answers, change.factor: change.value})
            assert after.leader == change.form
            assert change.form != result.leader or result.confidence == "undecided"
    assert nonempty > 20


def test_risks_are_every_rule_against_the_recommendation(model):
    rng = random.Random(5)
    for _ in range(300):
        answers = {f: rng.choice(choices(model, f)) for f in model.scored}
        result = evaluate(model, answers)
        if result.recommendation is None:
            assert result.risks == ()
            continue
        rules = {r.id: r for r in model.rules}
        expected = {r for r in result.fired if rules[r].effects.get(result.recommendation, 0) < 0}
        assert set(result.risks) == expected


def test_every_number_at_the_edges_of_its_class_scores_the_same(model):
    """The walk tries one number per answer class; the rules cannot tell the numbers of one class
    apart, checked at both edges of every class (and far beyond for an open-ended question)."""
    rng = random.Random(17)
    for factor in (f for f in model.scored if model.questions[f].type == "number"):
        for _, low, high in value_classes(model, factor):
            edges = [low, high if high is not None else 10 ** 6, (low + (high or low + 50)) // 2]
            for _ in range(30):
                answers = {f: rng.choice(choices(model, f)) for f in model.scored}
                totals = {scores(model, {**answers, factor: value}).__repr__() for value in edges}
                assert len(totals) == 1, (factor, edges)
