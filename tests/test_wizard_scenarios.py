"""The wizard's regression table: situations written from the source (tests/wizard_scenarios.yml),
each naming the section and passage it rests on and the advice a reader of the source expects.
Run against the engine here; test_wizard_api.py runs the same table over HTTP."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from wizard import build_model, evaluate, next_question
from wizard.model import model_inputs

TABLE = yaml.safe_load((Path(__file__).parent / "wizard_scenarios.yml").read_text(encoding="utf-8"))


def _answers(scenario: dict) -> dict:
    return {**TABLE["bases"].get(scenario.get("base"), {}), **(scenario.get("answers") or {})}


# (id, source section, answers, expectations)
SCENARIOS = [(s["id"], s["source"], _answers(s), s["expect"]) for s in TABLE["scenarios"]]


@pytest.fixture(scope="module")
def model(knowledge):
    return build_model(model_inputs(knowledge))


def check(model, result, expect: dict) -> None:
    """Assert one scenario's expectations against a result (engine or API alike: `result` is
    the engine's Result)."""
    leader = result.leader
    if "form" in expect:
        assert result.recommendation == expect["form"], [(r.form, r.score) for r in result.ranking]
    if "forms" in expect:
        assert result.recommendation in expect["forms"], [(r.form, r.score) for r in result.ranking]
    if "max_level" in expect:
        assert model.level(leader) <= expect["max_level"], leader
    if "min_level" in expect:
        assert model.level(leader) >= expect["min_level"], leader
    for form in expect.get("not", []):
        assert leader != form
    if "confidence" in expect:
        assert result.confidence == expect["confidence"]
    found = [f.factor for f in result.find_out_first]
    first = expect.get("find_out_first", [])
    assert found[: len(first)] == first, found
    assert set(expect.get("find_out_includes", [])) <= set(found), found
    assert set(expect.get("risks", [])) <= set(result.risks), result.risks
    assert set(expect.get("cautions", [])) <= set(result.cautions), result.cautions
    if "first_case" in expect:
        assert result.cases[:1] == (expect["first_case"],), result.cases
    assert set(expect.get("cases_include", [])) <= set(result.cases), result.cases
    assert set(expect.get("would_change_includes", [])) <= {c.factor for c in result.would_change}


def test_the_table_is_large_sourced_and_covers_every_form(model, knowledge):
    assert len(SCENARIOS) >= 40
    assert len({s[0] for s in SCENARIOS}) == len(SCENARIOS)
    for scenario in TABLE["scenarios"]:
        assert scenario["source"] in knowledge.sections, scenario["id"]
        assert len(scenario["passage"]) > 20, scenario["id"]
    advised = {e.get("form") for *_, e in SCENARIOS} | {f for *_, e in SCENARIOS for f in e.get("forms", [])}
    assert {f.id for f in model.forms} <= advised
    assert {"clear", "close", "undecided"} <= {e.get("confidence") for *_, e in SCENARIOS}


@pytest.mark.parametrize("name, source, answers, expect", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(model, name, source, answers, expect):
    result = evaluate(model, answers)
    check(model, result, expect)
    assert result.model_version == model.version
    assert {r.form for r in result.ranking} == {f.id for f in model.forms}


def test_every_rule_and_caution_is_exercised(model):
    fired, cautions = set(), set()
    for _, _, answers, _ in SCENARIOS:
        result = evaluate(model, answers)
        fired |= set(result.fired)
        cautions |= set(result.cautions)
    assert {r.id for r in model.rules} - fired == set()
    assert {c.id for c in model.cautions} - cautions == set()


def test_complete_scenarios_need_no_more_questions(model):
    for name, _, answers, _ in SCENARIOS:
        if set(answers) >= set(model.questions):
            assert next_question(model, answers) is None, name
