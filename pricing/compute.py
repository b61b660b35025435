"""The figures: expected and maximum payment, who pays, when, and what an investor gets.

Amounts are computed in floats and rounded to cents only in the output (`cents`), so rounding
never compounds. Every formula is explained on docs/rekenhulp/methode.*.md.
"""
from __future__ import annotations

import math
from bisect import bisect_left

from pricing.inputs import Inputs
from pricing.irr import irr


def cents(amount: float | None) -> float | None:
    """Rounded to the cent (correctly rounded from the float's exact value); never -0.0."""
    if amount is None:
        return None
    return round(amount, 2) + 0.0


def _rounded(value: float | None, digits: int) -> float | None:
    """To `digits` decimals: enough to recompute from, without float noise (0.30000000000000004)."""
    return None if value is None else round(value, digits) + 0.0


def _significant(value: float | None, digits: int = 12) -> float | None:
    """To `digits` significant digits, for figures that may be tiny (a break-even of 1e-9)."""
    return None if value is None else float(f"{value:.{digits}g}")


def outcome_payment(cohort: int, price: float, rate: float, baseline: float, cap: float | None) -> tuple[float, float]:
    """(expected_count, expected_payment) of one outcome at a success rate."""
    count = cohort * max(0.0, rate - baseline)
    payment = count * price
    return count, (payment if cap is None else min(payment, cap))


def _capped_total(total: float, contract_cap: float | None) -> float:
    return total if contract_cap is None else min(total, contract_cap)


def year_of(month: int) -> int:
    """A payment at month m falls in contract year ceil(m / 12); month 0 counts as year 1."""
    return max(1, math.ceil(month / 12))


def calculate(inputs: Inputs) -> dict:
    """Every output the API documents, for the expected rates and for each scenario."""
    base_break_even = _break_even(inputs, [o.rate for o in inputs.outcomes]) if inputs.capital else None
    base = _figures(inputs, 1.0, base_break_even)
    per_outcome_max = [outcome_payment(inputs.cohort, o.price, 1.0, 0.0, o.cap)[1] for o in inputs.outcomes]
    maximum = _capped_total(sum(per_outcome_max), inputs.contract_cap)
    scenarios = []
    for name, multiplier in inputs.scenarios.items():
        figures = base if multiplier == 1.0 else _figures(inputs, multiplier, base_break_even)
        scenarios.append({"id": name, "multiplier": multiplier, **figures})
    outcomes = [{**row, "maximum_payment": cents(most)} for row, most in zip(base["outcomes"], per_outcome_max, strict=True)]
    return {
        "cohort": inputs.cohort,
        "duration_months": inputs.duration_months,
        "expected_count": base["expected_count"],
        "expected_payment": base["expected_payment"],
        "maximum_payment": cents(maximum),
        "cost_per_outcome": base["cost_per_outcome"],
        "net_value": base["net_value"],
        "payers": base["payers"],
        "schedule": base["schedule"],
        "investor": base["investor"],
        "outcomes": outcomes,
        "scenarios": scenarios,
    }


def _figures(inputs: Inputs, multiplier: float, base_break_even: float | None) -> dict:
    cohort = inputs.cohort
    rates = [min(1.0, o.rate * multiplier) for o in inputs.outcomes]
    uncapped_rates = all(o.rate * multiplier <= 1.0 for o in inputs.outcomes)
    counts, payments = [], []
    for outcome, rate in zip(inputs.outcomes, rates, strict=True):
        count, payment = outcome_payment(cohort, outcome.price, rate, outcome.baseline, outcome.cap)
        counts.append(count)
        payments.append(payment)
    uncapped = sum(payments)
    total = _capped_total(uncapped, inputs.contract_cap)
    paid_share = total / uncapped if uncapped > 0 else 0.0   # below 1 when the contract cap binds
    count = sum(counts)

    net_value = None
    if inputs.value_per_outcome:
        worth = sum(c * inputs.value_per_outcome[o.id] for o, c in zip(inputs.outcomes, counts, strict=True)
                    if o.id in inputs.value_per_outcome)
        net_value = cents(worth - total)

    top_up = total * inputs.top_up_share
    by_year: dict[int, float] = {}
    for outcome, payment in zip(inputs.outcomes, payments, strict=True):
        year = year_of(outcome.lag_months)
        by_year[year] = by_year.get(year, 0.0) + payment * paid_share
    last_year = max([year_of(inputs.duration_months), *by_year])
    schedule = [{"year": year, "payment": cents(by_year.get(year, 0.0)),
                 "local": cents(by_year.get(year, 0.0) * (1 - inputs.top_up_share)),
                 "top_up": cents(by_year.get(year, 0.0) * inputs.top_up_share)}
                for year in range(1, last_year + 1)]

    investor, break_even = None, None
    if inputs.capital is not None:
        if uncapped_rates and multiplier > 0:
            # The same rates scaled: the break-even multiplier scales back (k on m*r is k_base/m).
            break_even = None if base_break_even is None else base_break_even / multiplier
        else:
            break_even = _break_even(inputs, rates)
        flows: dict[int, float] = {0: -inputs.capital}
        for outcome, payment in zip(inputs.outcomes, payments, strict=True):
            flows[outcome.lag_months] = flows.get(outcome.lag_months, 0.0) + payment * paid_share
        investor = {"capital": cents(inputs.capital), "multiple": _rounded(total / inputs.capital, 12),
                    "irr": _rounded(irr(flows), 12), "break_even": _significant(break_even)}

    outcomes = []
    for outcome, rate, c, payment in zip(inputs.outcomes, rates, counts, payments, strict=True):
        row = {"id": outcome.id, "label": outcome.label, "price": cents(outcome.price), "rate": _rounded(rate, 12),
               "baseline": outcome.baseline, "cap": cents(outcome.cap), "lag_months": outcome.lag_months,
               "expected_count": _rounded(c, 10), "expected_payment": cents(payment)}
        if inputs.capital is not None:
            row["break_even_rate"] = _significant(rate * break_even) if break_even is not None else None
        outcomes.append(row)

    return {
        "expected_count": _rounded(count, 10),
        "expected_payment": cents(total),
        "cost_per_outcome": cents(total / count) if count > 0 else None,
        "net_value": net_value,
        "payers": {"local": cents(total - top_up), "top_up": cents(top_up)},
        "schedule": schedule,
        "investor": investor,
        "outcomes": outcomes,
    }


def _break_even(inputs: Inputs, rates: list[float]) -> float | None:
    """The one multiplier k on all `rates` at which the payments equal the capital, keeping every
    rate * k <= 1; None when even the highest allowed k does not repay it.

    The total payment is continuous, non-decreasing and piecewise linear in k, bending only where
    an outcome passes its baseline, reaches its cap or reaches a rate of 1; so find the first bend
    at which the total reaches the capital and interpolate within that stretch.
    """
    capital, cohort = inputs.capital, inputs.cohort
    if inputs.contract_cap is not None and inputs.contract_cap < capital:
        return None
    top = max(rates)
    if top <= 0:
        return None
    k_max = 1.0 / top
    if not math.isfinite(k_max):
        return None  # a rate so small (below 1e-308) that no multiplier can be represented
    bends = {0.0, k_max}
    for outcome, rate in zip(inputs.outcomes, rates, strict=True):
        if rate <= 0:
            continue
        for bend in (outcome.baseline / rate, 1.0 / rate):
            bends.add(bend)
        if outcome.cap is not None and outcome.price > 0:
            bends.add((outcome.baseline + outcome.cap / (cohort * outcome.price)) / rate)
    points = sorted(k for k in bends if 0.0 <= k <= k_max)

    def total(k: float) -> float:  # without the contract cap, which is at least the capital here
        return sum(outcome_payment(cohort, o.price, min(1.0, r * k), o.baseline, o.cap)[1]
                   for o, r in zip(inputs.outcomes, rates, strict=True))

    values = [total(k) for k in points] if len(points) <= 8 else None
    if values is None:
        # Many bends: binary search over them instead of evaluating each.
        lo, hi = 0, len(points) - 1
        if total(points[hi]) < capital:
            return None
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if total(points[mid]) >= capital:
                hi = mid
            else:
                lo = mid
        k0, k1 = points[lo], points[hi]
        v0, v1 = total(k0), total(k1)
    else:
        if values[-1] < capital:
            return None
        j = bisect_left(values, capital)
        if j == 0:
            return points[0]
        k0, k1, v0, v1 = points[j - 1], points[j], values[j - 1], values[j]
    if v1 == v0:
        return k1
    return k0 + (capital - v0) / (v1 - v0) * (k1 - k0)


def payment_at(inputs: Inputs, multiplier: float) -> float:
    """The expected payment (contract cap applied) with every rate multiplied, each at most 1:
    the line in the page's chart of payment against success."""
    total = sum(outcome_payment(inputs.cohort, o.price, min(1.0, o.rate * multiplier), o.baseline, o.cap)[1]
                for o in inputs.outcomes)
    return _capped_total(total, inputs.contract_cap)
