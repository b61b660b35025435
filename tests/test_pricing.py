"""The payment calculator's arithmetic: the issue's worked check and hand-computed cases.

Every expected figure below was worked out by hand (the arithmetic is in the comment above the
case), not copied from the implementation.
"""
from __future__ import annotations

import math

import pytest

from pricing import calculate, validate


def run(**body):
    return calculate(validate(body))


def one(price, rate, **extra):
    return {"id": "a", "price": price, "rate": rate, **extra}


def scenario(result, name):
    return next(s for s in result["scenarios"] if s["id"] == name)


def test_the_issues_worked_check():
    # 1,000 x 0.3 = 300 outcomes x €5,000 = €1,500,000, cut to the contract cap: €1,200,000.
    # Maximum: 1,000 x €5,000 = €5,000,000, cut to €1,200,000. Multiple 1.2M / 1M = 1.2.
    # IRR: 1.2 = (1 + r)^2 -> r = sqrt(1.2) - 1 = 0.0954451...
    # Break-even: 1,000 x 0.3k x 5,000 = 1,000,000 -> k = 2/3, so a rate of 0.3 x 2/3 = 0.2.
    r = run(cohort=1000, outcomes=[one(5000, 0.3, lag_months=24)], contract_cap=1_200_000,
            investment={"capital": 1_000_000})
    assert r["expected_payment"] == 1_200_000
    assert r["maximum_payment"] == 1_200_000
    assert r["investor"]["multiple"] == pytest.approx(1.2)
    assert r["investor"]["irr"] == pytest.approx(math.sqrt(1.2) - 1, abs=1e-9)
    assert round(r["investor"]["irr"] * 100, 2) == 9.54
    assert r["investor"]["break_even"] == pytest.approx(2 / 3, abs=1e-6)
    assert r["outcomes"][0]["break_even_rate"] == pytest.approx(0.2, abs=1e-6)


def test_a_baseline_pays_only_the_difference():
    # 200 x (0.5 - 0.2) = 60 outcomes x €1,000 = €60,000; maximum 200 x €1,000 = €200,000;
    # cost per outcome 60,000 / 60 = €1,000.
    r = run(cohort=200, outcomes=[one(1000, 0.5, baseline=0.2)])
    assert r["expected_count"] == pytest.approx(60)
    assert r["expected_payment"] == 60_000
    assert r["maximum_payment"] == 200_000
    assert r["cost_per_outcome"] == 1000


def test_an_outcome_cap_limits_its_payment_and_the_maximum():
    # 100 x 0.6 = 60 x €2,000 = €120,000, capped at €100,000; maximum min(200,000, 100,000);
    # cost per outcome 100,000 / 60 = €1,666.666... -> €1,666.67.
    r = run(cohort=100, outcomes=[one(2000, 0.6, cap=100_000)])
    assert r["outcomes"][0]["expected_payment"] == 100_000
    assert r["expected_payment"] == 100_000
    assert r["maximum_payment"] == 100_000
    assert r["cost_per_outcome"] == 1666.67


def test_two_outcomes_and_a_top_up_fund():
    # A: 500 x 0.4 = 200 x €1,000 = €200,000. B: 500 x 0.1 = 50 x €3,000 = €150,000.
    # Total €350,000; a quarter from the fund: €87,500, locally €262,500.
    # Maximum 500 x 1,000 + 500 x 3,000 = €2,000,000; cost per outcome 350,000 / 250 = €1,400.
    r = run(cohort=500, top_up_share=0.25,
            outcomes=[{"id": "a", "price": 1000, "rate": 0.4}, {"id": "b", "price": 3000, "rate": 0.1}])
    assert r["expected_payment"] == 350_000
    assert r["payers"] == {"local": 262_500, "top_up": 87_500}
    assert r["maximum_payment"] == 2_000_000
    assert r["expected_count"] == pytest.approx(250)
    assert r["cost_per_outcome"] == 1400


def test_the_schedule_puts_each_payment_in_the_year_of_its_lag():
    # A at month 6 (year 1): 100 x 0.5 x €100 = €5,000. B at month 30 (year 3): 100 x 0.5 x €200
    # = €10,000. A 48-month contract has 4 years: 5,000 / 0 / 10,000 / 0.
    r = run(cohort=100, duration_months=48,
            outcomes=[{"id": "a", "price": 100, "rate": 0.5, "lag_months": 6},
                      {"id": "b", "price": 200, "rate": 0.5, "lag_months": 30}])
    assert [(y["year"], y["payment"]) for y in r["schedule"]] == [(1, 5000), (2, 0), (3, 10000), (4, 0)]


def test_net_value_is_what_the_outcomes_are_worth_minus_the_payment():
    # 1,000 x 0.25 = 250 outcomes; paid 250 x €2,000 = €500,000; worth 250 x €5,000 = €1,250,000;
    # net €750,000.
    r = run(cohort=1000, outcomes=[one(2000, 0.25)], value_per_outcome={"a": 5000})
    assert r["net_value"] == 750_000


def test_scenarios_multiply_the_rate_and_cap_it_at_one():
    # Low: 0.9 x 0.5 = 0.45 -> 45 x €1,000 = €45,000. High: 0.9 x 1.25 = 1.125, capped at 1 ->
    # 100 x €1,000 = €100,000. Base: 90 x €1,000 = €90,000.
    r = run(cohort=100, outcomes=[one(1000, 0.9)])
    assert scenario(r, "low")["expected_payment"] == 45_000
    assert scenario(r, "base")["expected_payment"] == 90_000
    assert scenario(r, "high")["expected_payment"] == 100_000
    assert scenario(r, "high")["outcomes"][0]["rate"] == 1


def test_one_payment_after_a_year():
    # 100 x 1.0 x €1,100 = €110,000 at month 12 for €100,000 in: IRR 10%, multiple 1.1.
    # Break-even: 100 x k x 1,100 = 100,000 -> k = 0.909090..., the rate at it the same.
    r = run(cohort=100, outcomes=[one(1100, 1.0, lag_months=12)], investment={"capital": 100_000})
    assert r["investor"]["irr"] == pytest.approx(0.10, abs=1e-9)
    assert r["investor"]["multiple"] == pytest.approx(1.1)
    assert r["investor"]["break_even"] == pytest.approx(1 / 1.1, abs=1e-6)
    assert r["outcomes"][0]["break_even_rate"] == pytest.approx(1 / 1.1, abs=1e-6)


def test_two_payments_irr_from_the_quadratic():
    # 10 x 0.6 x €100 = €600 at month 12 and the same at month 24, for €1,000 in.
    # 1,000 = 600v + 600v^2 with v = 1/(1+r): v = (-600 + sqrt(600^2 + 4 x 600 x 1,000)) / 1,200
    # = 0.88444, r = 0.13066. Multiple 1,200 / 1,000 = 1.2. Break-even: 1,200k = 1,000 -> k = 5/6,
    # each rate 0.6 x 5/6 = 0.5.
    r = run(cohort=10, investment={"capital": 1000},
            outcomes=[{"id": "a", "price": 100, "rate": 0.6, "lag_months": 12},
                      {"id": "b", "price": 100, "rate": 0.6, "lag_months": 24}])
    v = (-600 + math.sqrt(600 ** 2 + 4 * 600 * 1000)) / 1200
    assert r["investor"]["irr"] == pytest.approx(1 / v - 1, abs=1e-9)
    assert r["investor"]["multiple"] == pytest.approx(1.2)
    assert r["investor"]["break_even"] == pytest.approx(5 / 6, abs=1e-6)
    assert [o["break_even_rate"] for o in r["outcomes"]] == pytest.approx([0.5, 0.5], abs=1e-6)


def test_no_payment_means_no_irr_and_no_break_even():
    # A rate of 0 pays nothing: the capital never comes back, so neither an IRR nor a break-even.
    r = run(cohort=100, outcomes=[one(1000, 0.0)], investment={"capital": 50_000})
    assert r["expected_payment"] == 0
    assert r["investor"]["irr"] is None
    assert r["investor"]["break_even"] is None
    assert r["investor"]["multiple"] == 0
    assert r["cost_per_outcome"] is None


def test_a_contract_cap_below_the_capital_rules_out_break_even():
    # 1,000 x 0.3 x €5,000 = €1,500,000, cut to €900,000 at month 24: multiple 0.9, IRR
    # sqrt(0.9) - 1 = -0.05132; no rate can repay €1,000,000 under a €900,000 cap.
    r = run(cohort=1000, outcomes=[one(5000, 0.3, lag_months=24)], contract_cap=900_000,
            investment={"capital": 1_000_000})
    assert r["investor"]["multiple"] == pytest.approx(0.9)
    assert r["investor"]["irr"] == pytest.approx(math.sqrt(0.9) - 1, abs=1e-9)
    assert r["investor"]["break_even"] is None


def test_break_even_needs_a_rate_above_one_so_there_is_none():
    # 100 x 0.5 x €1,000 = €50,000 for €1,000,000 in: even a rate of 1 pays €100,000. The IRR
    # exists: (50,000 / 1,000,000)^(1/3) - 1 = -0.63160 for a payment at month 36 (the default).
    r = run(cohort=100, outcomes=[one(1000, 0.5)], investment={"capital": 1_000_000})
    assert r["investor"]["break_even"] is None
    assert r["outcomes"][0]["break_even_rate"] is None
    assert r["investor"]["irr"] == pytest.approx(0.05 ** (1 / 3) - 1, abs=1e-9)


def test_a_binding_contract_cap_scales_every_payment_in_the_schedule():
    # A and B each 100 x 1 x €1,000 = €100,000 (months 12 and 24): €200,000, cut to €150,000, so
    # each is paid at 75%: €75,000 in year 1 and €75,000 in year 2.
    r = run(cohort=100, duration_months=24, contract_cap=150_000,
            outcomes=[{"id": "a", "price": 1000, "rate": 1, "lag_months": 12},
                      {"id": "b", "price": 1000, "rate": 1, "lag_months": 24}])
    assert [y["payment"] for y in r["schedule"]] == [75_000, 75_000]


def test_a_baseline_above_the_rate_pays_nothing():
    # max(0, 0.1 - 0.2) = 0 outcomes: nothing paid, no cost per outcome; the maximum ignores the
    # baseline: 100 x €1,000 = €100,000.
    r = run(cohort=100, outcomes=[one(1000, 0.1, baseline=0.2)])
    assert r["expected_payment"] == 0
    assert r["cost_per_outcome"] is None
    assert r["maximum_payment"] == 100_000


def test_break_even_with_a_baseline():
    # Payments 100 x (0.5k - 0.2) x €1,000 = 50,000k - 20,000 = 20,000 -> k = 0.8, rate 0.4.
    r = run(cohort=100, outcomes=[one(1000, 0.5, baseline=0.2)], investment={"capital": 20_000})
    assert r["investor"]["break_even"] == pytest.approx(0.8, abs=1e-6)
    assert r["outcomes"][0]["break_even_rate"] == pytest.approx(0.4, abs=1e-6)


def test_break_even_passes_an_outcome_cap():
    # A: 100 x 0.5k x €1,000 capped at €10,000 (reached at k = 0.2). B: 100 x 0.5k x €100.
    # For €15,000: 10,000 + 5,000k = 15,000 -> k = 1.0 (beyond A's cap): rates 0.5 and 0.5.
    r = run(cohort=100, investment={"capital": 15_000},
            outcomes=[{"id": "a", "price": 1000, "rate": 0.5, "cap": 10_000},
                      {"id": "b", "price": 100, "rate": 0.5}])
    assert r["investor"]["break_even"] == pytest.approx(1.0, abs=1e-6)


def test_money_is_rounded_to_cents():
    # 7 x 0.3 = 2.1 outcomes x €33.33 = €69.993 -> €69.99.
    r = run(cohort=7, outcomes=[one(33.33, 0.3)])
    assert r["expected_payment"] == 69.99
