"""Every rule the calculator checks: each bad input is refused with the field and the rule."""
from __future__ import annotations

import copy

import pytest

from pricing import PricingError, validate
from pricing.query import parse_number, to_body, to_pairs

GOOD = {"cohort": 1000, "duration_months": 36, "contract_cap": 1_200_000, "top_up_share": 0.2,
        "outcomes": [{"id": "a", "label": "Werk", "price": 5000, "rate": 0.3, "baseline": 0.1, "cap": 900_000,
                      "lag_months": 24},
                     {"id": "b", "price": 100, "rate": 0.5}],
        "value_per_outcome": {"a": 8000}, "investment": {"capital": 1_000_000},
        "scenarios": {"low": 0.5, "base": 1, "high": 1.25}}


def with_change(path, value):
    body = copy.deepcopy(GOOD)
    target = body
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return body


DELETE = object()
CASES = [
    # (what changes, the new value, the message)
    (("cohort",), DELETE, "cohort is required"),
    (("cohort",), 0, "cohort must be between 1 and 10000000"),
    (("cohort",), 10_000_001, "cohort must be between 1 and 10000000"),
    (("cohort",), 10.5, "cohort must be a whole number"),
    (("cohort",), "1000", "cohort must be a number"),
    (("cohort",), True, "cohort must be a number"),
    (("cohort",), float("nan"), "cohort must be a number"),
    (("outcomes",), DELETE, "outcomes is required"),
    (("outcomes",), {"id": "a"}, "outcomes must be a list"),
    (("outcomes",), [], "outcomes must have between 1 and 20 entries"),
    (("outcomes",), [{"id": f"o{i}", "price": 1, "rate": 0.1} for i in range(21)],
     "outcomes must have between 1 and 20 entries"),
    (("outcomes", 1), "b", "outcomes[1] must be a JSON object"),
    (("outcomes", 1, "rate"), 1.5, "outcomes[1].rate must be between 0 and 1"),
    (("outcomes", 1, "rate"), -0.1, "outcomes[1].rate must be between 0 and 1"),
    (("outcomes", 1, "rate"), DELETE, "outcomes[1].rate is required"),
    (("outcomes", 1, "price"), DELETE, "outcomes[1].price is required"),
    (("outcomes", 1, "price"), -1, "outcomes[1].price must be between 0 and 1000000000000"),
    (("outcomes", 1, "price"), float("inf"), "outcomes[1].price must be a number"),
    (("outcomes", 1, "id"), DELETE, "outcomes[1].id is required"),
    (("outcomes", 1, "id"), 7, "outcomes[1].id must be a text"),
    (("outcomes", 1, "id"), "a b", "outcomes[1].id must be 1 to 60 letters"),
    (("outcomes", 1, "id"), "a", "outcomes[1].id 'a' is used twice"),
    (("outcomes", 0, "label"), "", "outcomes[0].label must be between 1 and 200"),
    (("outcomes", 0, "label"), 3, "outcomes[0].label must be a text"),
    (("outcomes", 0, "baseline"), 2, "outcomes[0].baseline must be between 0 and 1"),
    (("outcomes", 0, "cap"), -5, "outcomes[0].cap must be between 0 and 1000000000000"),
    (("outcomes", 0, "lag_months"), 601, "outcomes[0].lag_months must be between 0 and 600"),
    (("outcomes", 0, "lag_months"), 1.5, "outcomes[0].lag_months must be a whole number"),
    (("outcomes", 0, "colour"), "red", "outcomes[0].colour is not a known field"),
    (("duration_months",), 0, "duration_months must be between 1 and 600"),
    (("contract_cap",), -1, "contract_cap must be between 0 and 1000000000000"),
    (("top_up_share",), 1.2, "top_up_share must be between 0 and 1"),
    (("value_per_outcome",), [8000], "value_per_outcome must be a JSON object"),
    (("value_per_outcome",), {"zz": 1}, "value_per_outcome names 'zz', which is not one of the outcomes' ids"),
    (("value_per_outcome", "a"), -1, "value_per_outcome.a must be between 0 and 1000000000000"),
    (("investment",), 5, "investment must be a JSON object"),
    (("investment",), {}, "investment.capital is required"),
    (("investment",), {"capital": 0}, "investment.capital must be greater than 0"),
    (("investment",), {"capital": 1, "fee": 2}, "investment.fee is not a known field"),
    (("scenarios",), {}, "scenarios must have between 1 and 5 entries"),
    (("scenarios",), {f"s{i}": 1 for i in range(6)}, "scenarios must have between 1 and 5 entries"),
    (("scenarios",), {"low": 11}, "scenarios.low must be between 0 and 10"),
    (("scenarios",), {"low": "x"}, "scenarios.low must be a number"),
    (("scenarios",), {"no good": 1}, "scenarios must be 1 to 60 letters"),
    (("colour",), "red", "colour is not a known field"),
]


def test_the_good_body_is_accepted():
    assert validate(GOOD).capital == 1_000_000


@pytest.mark.parametrize("path, value, message", CASES, ids=[c[2][:50] for c in CASES])
def test_each_rule_names_the_field_and_the_rule(path, value, message):
    with pytest.raises(PricingError) as caught:
        validate(with_change(path, value))
    assert str(caught.value).startswith(message)
    assert caught.value.message("nl") != caught.value.message("en")


def test_the_body_must_be_an_object():
    with pytest.raises(PricingError, match="body must be a JSON object"):
        validate([1, 2])


@pytest.mark.parametrize("text, number", [
    ("1200000", 1_200_000), ("1.200.000", 1_200_000), ("1.200.000,50", 1_200_000.5), ("€ 5.000", 5000),
    ("0,3", 0.3), ("0.3", 0.3), ("30%", 0.3), ("1.5", 1.5), ("0.500", 0.5)])
def test_numbers_as_people_type_them(text, number):
    assert parse_number(text, "x") == pytest.approx(number)


@pytest.mark.parametrize("text, lang, number", [
    ("1,200,000", "en", 1_200_000), ("1,200.50", "en", 1200.5), ("0,3", "en", 0.3), ("1,2", "nl", 1.2),
    ("1,200", "nl", 1.2), ("1,200", "en", 1200)])
def test_thousands_commas_only_on_english_pages(text, lang, number):
    assert parse_number(text, "x", lang) == pytest.approx(number)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "--1", "1e999999"])
def test_what_is_not_a_number(text):
    with pytest.raises(PricingError, match="x must be a number"):
        parse_number(text, "x")


def test_the_query_encoding_round_trips():
    body = to_body(dict(to_pairs(GOOD)))
    assert validate(body) == validate(GOOD)


def test_empty_rows_and_fields_are_skipped_and_errors_use_json_names():
    args = {"cohort": "100", "outcome-0-price": "1000", "outcome-0-rate": "0,5", "outcome-1-price": "",
            "outcome-2-label": "", "contract_cap": ""}
    inputs = validate(to_body(args))
    assert [o.id for o in inputs.outcomes] == ["outcome-1"] and inputs.contract_cap is None
    with pytest.raises(PricingError, match=r"outcomes\[0\].rate must be a number"):
        to_body({**args, "outcome-0-rate": "half"})
