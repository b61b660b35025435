"""The flat encoding of a calculator request, shared by the HTML form and GET /api/calculator.csv.

    cohort=1000&duration_months=36&contract_cap=1200000&top_up_share=0.2&capital=1000000
    &outcome-0-id=werk&outcome-0-label=Werk&outcome-0-price=5000&outcome-0-rate=0.3
    &outcome-0-baseline=0.1&outcome-0-cap=&outcome-0-lag_months=24&outcome-0-value=8000
    &scenarios=low:0.5,base:1,high:1.25

Empty fields count as not given, and an outcome row left entirely empty is skipped (the form
offers spare rows). Numbers may be typed plainly (1200000, 0.3), with a decimal comma (0,3),
with thousands dots (1.200.000 or 1.200.000,00; so 1.500 is
fifteen hundred, 0.500 a half), with '€' or spaces, or as a percentage
(30%). `to_body` gives the JSON body `validate` checks; `to_pairs` goes back to the query.
"""
from __future__ import annotations

import re

from pricing.inputs import MAX_OUTCOMES, OUTCOME_FIELDS, PricingError

ROW_FIELDS = OUTCOME_FIELDS + ("value",)
ROW = re.compile(r"^outcome-(\d{1,3})-([a-z_]+)$")
MAX_ROWS = 2 * MAX_OUTCOMES  # spare empty rows are allowed; more rows than this are refused
# Dots as thousands separators: more than one group, or one group after a non-zero integer part.
THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(\.\d{3})+")
ENGLISH_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?")
TOP_NUMBERS = ("cohort", "duration_months", "contract_cap", "top_up_share")


def parse_number(text: str, field: str, lang: str = "nl") -> float | int:
    """A number as people type it; PricingError(field, 'number') when it is none. On English
    pages 1,200,000 and 1,200.50 have thousands commas; otherwise a comma is the decimal sign."""
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    percent = raw.endswith("%")
    raw = raw.rstrip("%")
    if lang == "en" and ENGLISH_THOUSANDS.fullmatch(raw):
        raw = raw.replace(",", "")
    elif "," in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif THOUSANDS.fullmatch(raw):
        raw = raw.replace(".", "")  # 5.000 and 1.200.000 are Dutch thousands, not decimals
    if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?", raw or "x"):
        raise PricingError(field, "number")
    value = float(raw)
    if percent:
        value /= 100
    return int(value) if value.is_integer() and "." not in raw and "e" not in raw.lower() and not percent else value


def to_body(args, lang: str = "nl") -> dict:
    """The JSON body for `validate` from query arguments (a dict or Werkzeug's MultiDict), with
    numbers read as readers of `lang` write them (see parse_number)."""
    get = args.get
    body: dict = {}
    for name in TOP_NUMBERS:
        text = (get(name) or "").strip()
        if text:
            body[name] = parse_number(text, name, lang)
    capital = (get("capital") or "").strip()
    if capital:
        body["investment"] = {"capital": parse_number(capital, "investment.capital", lang)}
    scenarios = (get("scenarios") or "").strip()
    if scenarios:
        body["scenarios"] = _scenarios(scenarios)

    rows: dict[int, dict] = {}
    for key in args.keys():
        match = ROW.match(key)
        if not match:
            continue
        index, name = int(match[1]), match[2]
        if name not in ROW_FIELDS:
            raise PricingError(key[:60], "unknown", allowed=", ".join(ROW_FIELDS))
        if index >= MAX_ROWS:
            raise PricingError("outcomes", "count", low=1, high=MAX_OUTCOMES)
        text = (get(key) or "").strip()
        if text:
            rows.setdefault(index, {})[name] = text
    outcomes, values = [], {}
    for index in sorted(rows):
        row, where = rows[index], f"outcomes[{len(outcomes)}]"
        outcome = {"id": row.get("id") or f"outcome-{len(outcomes) + 1}"}
        if "label" in row:
            outcome["label"] = row["label"]
        for name in ("price", "rate", "baseline", "cap", "lag_months"):
            if name in row:
                outcome[name] = parse_number(row[name], f"{where}.{name}", lang)
        if "value" in row:
            values[outcome["id"]] = parse_number(row["value"], f"value_per_outcome.{outcome['id']}", lang)
        outcomes.append(outcome)
    if outcomes:
        body["outcomes"] = outcomes
    if values:
        body["value_per_outcome"] = values
    return body


def _scenarios(text: str) -> dict:
    found = {}
    for part in text.split(","):
        name, sep, number = part.partition(":")
        if not sep or not name.strip():
            raise PricingError("scenarios", "name")
        found[name.strip()] = parse_number(number, f"scenarios.{name.strip()[:60]}")
    return found


def to_pairs(body: dict) -> list[tuple[str, str]]:
    """The query pairs for a JSON body (the inverse of `to_body` for valid bodies)."""
    pairs = [(name, _text(body[name])) for name in TOP_NUMBERS if body.get(name) is not None]
    if (body.get("investment") or {}).get("capital") is not None:
        pairs.append(("capital", _text(body["investment"]["capital"])))
    values = body.get("value_per_outcome") or {}
    for index, outcome in enumerate(body.get("outcomes") or []):
        for name in OUTCOME_FIELDS:
            if outcome.get(name) is not None:
                pairs.append((f"outcome-{index}-{name}", _text(outcome[name])))
        if values.get(outcome.get("id")) is not None:
            pairs.append((f"outcome-{index}-value", _text(values[outcome["id"]])))
    if body.get("scenarios"):
        pairs.append(("scenarios", ",".join(f"{k}:{_text(v)}" for k, v in body["scenarios"].items())))
    return pairs


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
