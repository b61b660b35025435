"""The investor's internal rate of return: the annual rate r solving

    sum over months m of CF_m / (1 + r) ** (m / 12) = 0

With x = ln(1 + r) the left side is sum CF_m * exp(-x m / 12). When the only outflow is at month 0
and every later cash flow is an inflow, that sum falls strictly as x rises, so there is at most one
root; it exists exactly when the later inflows exceed the outflow at x -> -inf and fall below it at
x -> +inf. Newton in x, safeguarded by bisection, finds it.
"""
from __future__ import annotations

import math

FLOOR = math.log(1e-4)  # r = -99.99% a year: below it the capital is as good as lost, and
                        # 1 + r can no longer be told apart from 0 in floating point
BOUND = 700.0           # x at most, where e**x is still a finite float
TOLERANCE = 1e-13          # relative to the largest cash flow


def present_value(flows: dict[int, float], x: float) -> tuple[float, float]:
    """The sum and its derivative in x, for cash flows keyed by month."""
    total = slope = 0.0
    for month, amount in flows.items():
        term = amount * math.exp(-x * month / 12)
        total += term
        slope -= term * month / 12
    return total, slope


def irr(flows: dict[int, float]) -> float | None:
    """The annual IRR of `flows` (month -> amount, outflows negative), or None without a root
    between -99.99% and e**700 a year.

    Assumes the shape of an investment: outflows at month 0 only, inflows after it.
    """
    scale = max((abs(v) for v in flows.values()), default=0.0)
    if scale == 0:
        return None
    low, high = FLOOR, BOUND  # months are at most 600, so exp(-FLOOR * 600 / 12) stays finite
    value_low, _ = present_value(flows, low)
    value_high, _ = present_value(flows, high)
    if not (value_low > 0 > value_high):
        return None  # no sign change: the payments never repay the capital, or repay it at once
    # rtsafe: a Newton step when it stays inside the bracket and at least halves the distance
    # the previous step covered, else bisection, so each step at worst halves the bracket.
    # Start where a single payment of everything at the mean payment month would put the root.
    inflow = sum(v for m, v in flows.items() if m > 0 and v > 0)
    outflow = -sum(v for m, v in flows.items() if m == 0)
    mean_years = sum(m * v for m, v in flows.items() if m > 0 and v > 0) / 12 / inflow if inflow > 0 else 1.0
    x = math.log(inflow / outflow) / mean_years if inflow > 0 and outflow > 0 and mean_years > 0 else 0.0
    x = min(max(x, low), high)
    step_before = high - low
    for _ in range(300):
        value, slope = present_value(flows, x)
        if abs(value) <= TOLERANCE * scale:
            break
        if value > 0:
            low = x
        else:
            high = x
        newton = x - value / slope if slope < 0 else math.nan
        if low < newton < high and abs(newton - x) * 2 <= step_before:
            step_before, x = abs(newton - x), newton
        else:
            step_before, x = (high - low) / 2, (low + high) / 2
        if high - low < 1e-15:
            break
    return math.expm1(x)
