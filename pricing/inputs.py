"""Validate a calculator request: every field, each error naming the field and the rule.

`validate(body)` takes the decoded JSON (or the same structure built from a query string) and
returns `Inputs`, or raises `PricingError("outcomes[1].rate", "between", low=0, high=1)`, whose
text is "outcomes[1].rate must be between 0 and 1" (and in Dutch via `message("nl")`).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

MAX_OUTCOMES = 20
MAX_SCENARIOS = 5
MAX_COHORT = 10_000_000
MAX_MONTHS = 600
MAX_AMOUNT = 1_000_000_000_000  # € 1 trillion: beyond any public contract, and far from float trouble
MAX_MULTIPLIER = 10
DEFAULT_DURATION = 36
DEFAULT_SCENARIOS = {"low": 0.5, "base": 1.0, "high": 1.25}
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$")
TOP_FIELDS = ("cohort", "outcomes", "duration_months", "contract_cap", "top_up_share",
              "value_per_outcome", "investment", "scenarios")
OUTCOME_FIELDS = ("id", "label", "price", "rate", "baseline", "cap", "lag_months")

RULES = {
    "en": {
        "required": "{field} is required",
        "object": "{field} must be a JSON object",
        "list": "{field} must be a list",
        "number": "{field} must be a number",
        "integer": "{field} must be a whole number",
        "text": "{field} must be a text",
        "between": "{field} must be between {low} and {high}",
        "positive": "{field} must be greater than 0 and at most {high}",
        "count": "{field} must have between {low} and {high} entries",
        "unknown": "{field} is not a known field; allowed are: {allowed}",
        "name": "{field} must be 1 to 60 letters, digits, '.', '_' or '-', starting with a letter or digit",
        "unique": "{field} '{value}' is used twice; every outcome needs its own id",
        "no_outcome": "{field} names '{value}', which is not one of the outcomes' ids",
    },
    "nl": {
        "required": "{field} is verplicht",
        "object": "{field} moet een JSON-object zijn",
        "list": "{field} moet een lijst zijn",
        "number": "{field} moet een getal zijn",
        "integer": "{field} moet een heel getal zijn",
        "text": "{field} moet een tekst zijn",
        "between": "{field} moet tussen {low} en {high} liggen",
        "positive": "{field} moet groter zijn dan 0 en hoogstens {high}",
        "count": "{field} moet {low} tot en met {high} elementen hebben",
        "unknown": "{field} is geen bekend veld; toegestaan zijn: {allowed}",
        "name": "{field} moet bestaan uit 1 tot 60 letters, cijfers, '.', '_' of '-', te beginnen met een letter of cijfer",
        "unique": "{field} '{value}' komt twee keer voor; elk resultaat heeft een eigen id nodig",
        "no_outcome": "{field} noemt '{value}', maar dat is geen id van een resultaat",
    },
}


class PricingError(ValueError):
    """A request the calculator cannot use: which field, which rule."""

    def __init__(self, field: str, rule: str, **params):
        self.field, self.rule, self.params = field, rule, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en", field_name: str | None = None) -> str:
        params = {k: _plain(v) for k, v in self.params.items()}
        return RULES[lang][self.rule].format(field=field_name or self.field, **params)


def _plain(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


@dataclass(frozen=True)
class Outcome:
    id: str
    label: str
    price: float
    rate: float
    baseline: float = 0.0
    cap: float | None = None
    lag_months: int = DEFAULT_DURATION


@dataclass(frozen=True)
class Inputs:
    cohort: int
    outcomes: tuple[Outcome, ...]
    duration_months: int = DEFAULT_DURATION
    contract_cap: float | None = None
    top_up_share: float = 0.0
    value_per_outcome: dict = field(default_factory=dict)
    capital: float | None = None
    scenarios: dict = field(default_factory=lambda: dict(DEFAULT_SCENARIOS))


# --- field readers ---------------------------------------------------------------------------

def _number(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PricingError(where, "number")
    value = float(value)
    if not math.isfinite(value):
        raise PricingError(where, "number")
    return value


def _integer(value, where: str, low: int, high: int) -> int:
    number = _number(value, where)
    if not number.is_integer():
        raise PricingError(where, "integer")
    if not low <= number <= high:
        raise PricingError(where, "between", low=low, high=high)
    return int(number)


def _share(value, where: str) -> float:
    number = _number(value, where)
    if not 0 <= number <= 1:
        raise PricingError(where, "between", low=0, high=1)
    return number


def _amount(value, where: str) -> float:
    number = _number(value, where)
    if not 0 <= number <= MAX_AMOUNT:
        raise PricingError(where, "between", low=0, high=MAX_AMOUNT)
    return number


def _object(value, where: str, allowed: tuple[str, ...] | None = None) -> dict:
    if not isinstance(value, dict):
        raise PricingError(where, "object")
    if allowed is not None:
        for key in value:
            if key not in allowed:
                shown = str(key) if NAME.match(str(key)) else json.dumps(str(key))[:60]
                name = f"{where}.{shown}" if where != "body" else shown
                raise PricingError(name[:120], "unknown", allowed=", ".join(allowed))
    return value


def _given(data: dict, key: str) -> bool:
    return data.get(key) is not None


# --- the request ---------------------------------------------------------------------------

def validate(body) -> Inputs:
    """Check every field of a calculator request; the first problem raises PricingError."""
    data = _object(body, "body", TOP_FIELDS)
    if not _given(data, "cohort"):
        raise PricingError("cohort", "required")
    cohort = _integer(data["cohort"], "cohort", 1, MAX_COHORT)
    duration = _integer(data["duration_months"], "duration_months", 1, MAX_MONTHS) \
        if _given(data, "duration_months") else DEFAULT_DURATION
    outcomes = _outcomes(data.get("outcomes"), duration)
    ids = {o.id for o in outcomes}

    contract_cap = _amount(data["contract_cap"], "contract_cap") if _given(data, "contract_cap") else None
    top_up = _share(data["top_up_share"], "top_up_share") if _given(data, "top_up_share") else 0.0

    values = {}
    if _given(data, "value_per_outcome"):
        for key, value in _object(data["value_per_outcome"], "value_per_outcome").items():
            where = f"value_per_outcome.{str(key)[:60]}"
            if key not in ids:
                raise PricingError("value_per_outcome", "no_outcome", value=str(key)[:60])
            if value is not None:
                values[key] = _amount(value, where)

    capital = None
    if _given(data, "investment"):
        investment = _object(data["investment"], "investment", ("capital",))
        if not _given(investment, "capital"):
            raise PricingError("investment.capital", "required")
        capital = _number(investment["capital"], "investment.capital")
        if not 0 < capital <= MAX_AMOUNT:
            raise PricingError("investment.capital", "positive", high=MAX_AMOUNT)

    scenarios = dict(DEFAULT_SCENARIOS)
    if _given(data, "scenarios"):
        given = _object(data["scenarios"], "scenarios")
        if not 1 <= len(given) <= MAX_SCENARIOS:
            raise PricingError("scenarios", "count", low=1, high=MAX_SCENARIOS)
        scenarios = {}
        for key, value in given.items():
            if not isinstance(key, str) or not NAME.match(key):
                raise PricingError("scenarios", "name")
            multiplier = _number(value, f"scenarios.{key}")
            if not 0 <= multiplier <= MAX_MULTIPLIER:
                raise PricingError(f"scenarios.{key}", "between", low=0, high=MAX_MULTIPLIER)
            scenarios[key] = multiplier

    return Inputs(cohort=cohort, outcomes=outcomes, duration_months=duration, contract_cap=contract_cap,
                  top_up_share=top_up, value_per_outcome=values, capital=capital, scenarios=scenarios)


def _outcomes(value, duration: int) -> tuple[Outcome, ...]:
    if value is None:
        raise PricingError("outcomes", "required")
    if not isinstance(value, list):
        raise PricingError("outcomes", "list")
    if not 1 <= len(value) <= MAX_OUTCOMES:
        raise PricingError("outcomes", "count", low=1, high=MAX_OUTCOMES)
    found, seen = [], set()
    for index, raw in enumerate(value):
        where = f"outcomes[{index}]"
        item = _object(raw, where, OUTCOME_FIELDS)
        for key in ("id", "price", "rate"):
            if not _given(item, key):
                raise PricingError(f"{where}.{key}", "required")
        if not isinstance(item["id"], str):
            raise PricingError(f"{where}.id", "text")
        if not NAME.match(item["id"]):
            raise PricingError(f"{where}.id", "name")
        if item["id"] in seen:
            raise PricingError(f"{where}.id", "unique", value=item["id"])
        seen.add(item["id"])
        label = item.get("label") if _given(item, "label") else item["id"]
        if not isinstance(label, str):
            raise PricingError(f"{where}.label", "text")
        if not 1 <= len(label.strip()) <= 200:
            raise PricingError(f"{where}.label", "between", low=1, high=200)
        rate = _share(item["rate"], f"{where}.rate")
        baseline = _share(item["baseline"], f"{where}.baseline") if _given(item, "baseline") else 0.0
        found.append(Outcome(
            id=item["id"], label=label.strip(), price=_amount(item["price"], f"{where}.price"), rate=rate,
            baseline=baseline,
            cap=_amount(item["cap"], f"{where}.cap") if _given(item, "cap") else None,
            lag_months=_integer(item["lag_months"], f"{where}.lag_months", 0, MAX_MONTHS)
            if _given(item, "lag_months") else duration))
    return tuple(found)
