"""The wizard's regression table: realistic situations written from the source's cases and
lessons, each with the form a reader of the source would expect. Run against the engine here
and against the HTTP API in test_wizard_api.py.
"""
from __future__ import annotations

import pytest

from wizard import build_model, model_inputs, evaluate, next_question

FULL = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
            evidence="promising", outcome_payers="one", comparable_contracts=1,
            commissioner_capacity="high", multi_year_budget="yes")


def case(**answers) -> dict:
    return {**FULL, **answers}


# (name, the situation and where it comes from, answers, expected form)
SCENARIOS = [
    ("rotterdam-buzinezzclub",
     "Rotterdam 2013: unemployed young people, days on benefits measured; the Buzinezzclub could not "
     "pre-finance, ABN AMRO and Start Foundation invested; one outcome payer (nl-rotterdam, nl-so-far)",
     case(provider_can_bear_risk="no", investors_available="yes"), "sib"),
    ("japan-sagae-matchmaking",
     "A small Japanese municipality with little staff pays a match-making service directly on marriages; "
     "no investors needed (japan)",
     dict(outcome_measurable="yes", attributable="yes", months_to_outcome=36, urgency="normal", evidence="promising",
          provider_can_bear_risk="yes", outcome_payers="one", comparable_contracts=1, commissioner_capacity="low"),
     "pay_for_success"),
    ("bogota-employment",
     "Bogotá: outcome payer prefers a direct contract with providers who are paid per person in a job, "
     "even though investors are plentiful in Colombia (colombia)",
     case(months_to_outcome=12, provider_can_bear_risk="yes", investors_available="yes"), "pay_for_success"),
    ("ghana-geop",
     "Ghana: UK FCDO and the Ghanaian government share the outcome payments over six lots; providers "
     "bring their own impact investors (ghana)",
     case(provider_can_bear_risk="no", investors_available="yes", outcome_payers="several", comparable_contracts=6),
     "outcomes_fund"),
    ("uk-life-chances-fund",
     "UK: central government tops up local outcome payments for 29 SIBs, each with a local investor "
     "(uk, recommendations)",
     case(months_to_outcome=36, provider_can_bear_risk="no", investors_available="yes", outcome_payers="several",
          comparable_contracts=29),
     "outcomes_fund"),
    ("proven-intervention",
     "A recognised, well-evidenced intervention: the innovation paradox says a grant or procurement fits "
     "better (drawbacks)",
     case(evidence="proven", provider_can_bear_risk="yes"), "subsidy"),
    ("unmeasurable-outcome",
     "Social cohesion in a neighbourhood: no reliable data on the outcome (drawbacks)",
     dict(outcome_measurable="no"), "subsidy"),
    ("outputs-only",
     "Only outputs such as completed courses are counted; the outcome is not (drawbacks, spectrum)",
     dict(outcome_measurable="partly", attributable="unknown", evidence="promising"), "output_contract"),
    ("urgent-crisis",
     "A crisis that needs help now: no time for a complex outcomes contract (drawbacks)",
     dict(outcome_measurable="yes", attributable="yes", urgency="acute", evidence="promising",
          provider_can_bear_risk="yes"), "subsidy"),
    ("long-term-prevention",
     "Early prevention whose effect shows only after 15 years: payment on results is unrealistic (drawbacks)",
     dict(outcome_measurable="yes", attributable="yes", months_to_outcome=180, urgency="normal", evidence="promising"),
     "subsidy"),
    ("not-attributable",
     "A change driven mostly by the economy, hardly attributable to the approach (drawbacks)",
     dict(outcome_measurable="yes", attributable="no", evidence="promising"), "output_contract"),
    ("nobody-carries-risk",
     "A new approach; the provider cannot pre-finance and no investor is willing: pilot first "
     "(spectrum, way-forward)",
     case(evidence="untested", provider_can_bear_risk="no", investors_available="no"), "subsidy"),
    ("werk-na-detentie",
     "A nationwide employment programme for former prisoners with investors and a ministry with capacity "
     "(nl-map)",
     case(provider_can_bear_risk="no", investors_available="yes"), "sib"),
    ("small-municipality-strong-provider",
     "A Dutch municipality with little capacity and an established provider that can carry the risk (japan)",
     case(months_to_outcome=18, evidence="untested", provider_can_bear_risk="yes", investors_available="no",
          commissioner_capacity="low"), "pay_for_success"),
    ("g40-same-goal",
     "Five municipalities want the same employment outcome; a fund lowers the burden per contract "
     "(recommendations, other-forms)",
     case(provider_can_bear_risk="yes", comparable_contracts=5, commissioner_capacity="low"), "outcomes_fund"),
    ("wrong-pocket-prevention",
     "Prevention paid by a municipality whose benefits land with a health insurer too, in one contract: "
     "the source's answer to the wrong pocket problem is a SIB in which those who benefit act as outcome "
     "payers (benefits); a fund only pays off when contracts are bundled as well (other-forms). "
     "Model 1.0 gave outcomes_fund through a +10 bonus for several payers alone",
     case(months_to_outcome=36, provider_can_bear_risk="no", investors_available="yes", outcome_payers="several"),
     "sib"),
    ("untested-with-capacity",
     "A new approach, a provider that needs pre-financing, investors not yet found: investors prefer a "
     "track record, so a new approach rarely finds them (the innovation paradox, drawbacks, nl-rotterdam); "
     "with nobody known to carry the risk, pilot on ordinary funding first (way-forward). Model 1.0 gave sib",
     case(months_to_outcome=30, evidence="untested", provider_can_bear_risk="no", investors_available="unknown"),
     "subsidy"),
    ("no-capacity-no-budget",
     "A municipality without staff for a SIB and without a multi-year budget (drawbacks, nl-ten-years)",
     case(provider_can_bear_risk="no", investors_available="yes", commissioner_capacity="low",
          multi_year_budget="no"), "subsidy"),
    ("proven-procurement-of-outputs",
     "A proven programme whose data are about outputs: procure it on outputs (drawbacks, spectrum)",
     dict(outcome_measurable="partly", evidence="proven"), "output_contract"),
    ("fund-but-unmeasurable",
     "Many contracts and payers, but the outcome cannot be measured: no outcomes fund (drawbacks)",
     dict(outcome_measurable="no", outcome_payers="several", comparable_contracts=10), "subsidy"),
    ("stevig-staan-health",
     "Fewer falls among older people, measured; investors pre-finance a health impact bond (other-forms, nl-map)",
     dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal", evidence="promising",
          provider_can_bear_risk="no", investors_available="yes", outcome_payers="one", comparable_contracts=1,
          commissioner_capacity="high"), "sib"),
    ("acute-despite-bundling",
     "An urgent problem shared by several payers and regions: still no time for outcomes contracts (drawbacks)",
     dict(outcome_measurable="yes", attributable="yes", urgency="acute", outcome_payers="several",
          comparable_contracts=8), "subsidy"),
    ("colombia-provider-bottleneck",
     "Providers will not carry pay-for-success risk, investors are willing; low capacity (colombia)",
     case(months_to_outcome=12, provider_can_bear_risk="no", investors_available="yes", commissioner_capacity="low"),
     "sib"),
    ("exploring-with-a-provider",
     "A municipality exploring a direct contract with a provider before checking attribution and timing: "
     "payment by results needs a change that can be attributed to the approach, so until that is known "
     "paying for effort fits (drawbacks, spectrum). Model 1.0 gave pay_for_success",
     dict(outcome_measurable="yes", attributable="unknown", urgency="normal", evidence="promising",
          provider_can_bear_risk="yes"), "subsidy"),
    ("direct-contract-timing-open",
     "The same municipality once attribution is settled; only the timing is still open: a direct contract "
     "without investors (other-forms, japan), with a caution to check the timing (drawbacks)",
     dict(outcome_measurable="yes", attributable="yes", urgency="normal", evidence="promising",
          provider_can_bear_risk="yes"), "pay_for_success"),
    ("proven-approach-rolled-out",
     "A proven approach rolled out in twelve municipalities with several payers: for a well-evidenced "
     "approach the case for paying on results is much weaker and a grant or procurement fits better, also "
     "at scale (the innovation paradox, drawbacks); bundling alone does not change that. Model 1.0 gave "
     "outcomes_fund through +10 bonuses for payers and contracts",
     case(evidence="proven", provider_can_bear_risk="no", investors_available="yes", outcome_payers="several",
          comparable_contracts=12), "subsidy"),
    ("proven-with-investors",
     "A proven approach that investors like to fund: still a grant or procurement fits better (drawbacks, academy)",
     case(evidence="proven", provider_can_bear_risk="no", investors_available="yes"), "subsidy"),
    ("nothing-known-yet",
     "Nothing answered yet: the simplest form until an answer points elsewhere",
     {}, "subsidy"),
    # Model 1.1.0 --------------------------------------------------------------------------
    # Payment by results needs an outcome you can measure with reliable data and attribute to the
    # approach (drawbacks): while either is unknown, no outcomes contract wins on other answers.
    ("measurability-unknown-capacity",
     "Only the commissioner's capacity is known: capacity alone is no reason for a SIB while nobody knows "
     "whether the outcome can be measured (drawbacks)",
     {"commissioner_capacity": "high"}, "subsidy"),
    ("measurability-unknown-promising",
     "Only a promising approach is known: not yet a reason for pay-for-success (drawbacks)",
     {"evidence": "promising"}, "subsidy"),
    ("measurability-unknown-several-payers",
     "Only several interested payers are known: not yet a reason for an outcomes fund (drawbacks)",
     {"outcome_payers": "several"}, "subsidy"),
    ("rotterdam-measurability-unknown",
     "The Rotterdam situation before anyone checked whether days on benefits can be measured reliably "
     "(drawbacks, nl-rotterdam)",
     {k: v for k, v in case(provider_can_bear_risk="no", investors_available="yes").items()
      if k != "outcome_measurable"}, "subsidy"),
    ("rotterdam-attribution-unknown",
     "The Rotterdam situation before anyone checked whether the change can be attributed to the approach "
     "(drawbacks, spectrum)",
     case(attributable="unknown", provider_can_bear_risk="no", investors_available="yes"), "subsidy"),
    # Innovation paradox: investors want a track record (drawbacks); pilot first (way-forward).
    ("untested-nobody-known-low-capacity",
     "A new approach, a provider that cannot pre-finance, investors not known, little capacity and a "
     "multi-year budget: nobody is known to carry the risk, so pilot on ordinary funding (drawbacks, "
     "nl-rotterdam, way-forward)",
     case(evidence="untested", provider_can_bear_risk="no", investors_available="unknown",
          commissioner_capacity="low", multi_year_budget="yes"), "subsidy"),
    ("untested-with-willing-investor",
     "A new approach for which a philanthropic investor is willing to take the risk: a SIB, with the "
     "innovation paradox as a caution (nl-rotterdam, drawbacks)",
     case(evidence="untested", provider_can_bear_risk="no", investors_available="yes"), "sib"),
    ("promising-investors-to-be-found",
     "A promising approach with first results, a provider that cannot pre-finance and investors still to be "
     "approached: a SIB, on condition that investors are found (sib, spectrum)",
     case(provider_can_bear_risk="no", investors_available="unknown"), "sib"),
    # Bundling: a fund pays off when contracts and payers come together (other-forms,
    # recommendations), not for one more contract alone, and not for a proven approach.
    ("rotterdam-two-contracts",
     "Rotterdam with one other municipality pursuing the same goal: still a SIB; one more contract does "
     "not yet justify a fund on top (other-forms)",
     case(provider_can_bear_risk="no", investors_available="yes", comparable_contracts=2), "sib"),
    ("proven-several-payers-many-contracts",
     "A proven approach, several payers and ten contracts with the same goal: a grant or procurement "
     "(the innovation paradox, drawbacks)",
     case(evidence="proven", outcome_payers="several", comparable_contracts=10), "subsidy"),
]


@pytest.fixture(scope="module")
def model(knowledge):
    return build_model(model_inputs(knowledge))


def test_the_table_is_large_and_covers_every_form(model):
    assert len(SCENARIOS) >= 20
    assert len({name for name, *_ in SCENARIOS}) == len(SCENARIOS)
    assert {expected for *_, expected in SCENARIOS} == {f.id for f in model.forms}


@pytest.mark.parametrize("name, situation, answers, expected", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(model, name, situation, answers, expected):
    result = evaluate(model, answers)
    assert result.recommendation == expected, [(r.form, r.score) for r in result.ranking]
    assert result.model_version == model.version
    assert [r.form for r in result.ranking][0] == expected
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
    for name, _, answers, expected in SCENARIOS:
        if len(answers) == len(model.questions):
            assert next_question(model, answers) is None, name
