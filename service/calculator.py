"""The payment calculator's API: POST /api/calculator (JSON) and GET /api/calculator.csv.

The arithmetic lives in the `pricing` package; this module only reads requests, turns a
PricingError into a 400 that names the field and the rule, and writes JSON or CSV. The page
/rekenhulp/ is in service/calculator_page.py.
"""
from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, Response, jsonify, request

from pricing import PricingError, calculate, validate
from pricing.query import to_body
from service import bodies, errors

bp = Blueprint("calculator", __name__)
LANGUAGES = ("nl", "en")


def _lang() -> str:
    lang = request.args.get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def bad_request(error: PricingError):
    response, status = errors.error_response(400, error.message(_lang()))
    body = response.get_json()
    body.update(field=error.field, rule=error.rule)
    return jsonify(body), status


@bp.post("/api/calculator")
def api_calculate():
    raw = bodies.read_body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return bad_request(PricingError("body", "object"))
    try:
        inputs = validate(body)
    except PricingError as error:
        return bad_request(error)
    return jsonify(calculate(inputs))


@bp.get("/api/calculator")
def api_wrong_method():
    return errors.wrong_method("send the request with POST as JSON; GET /api/calculator.csv takes the same fields in the query")


CSV_COLUMNS = ("scenario", "multiplier", "year", "payment", "local", "top_up", "expected_count",
               "cost_per_outcome", "net_value", "multiple", "irr", "break_even")


@bp.get("/api/calculator.csv")
def api_csv():
    try:
        result = calculate(validate(to_body(request.args)))
    except PricingError as error:
        return bad_request(error)
    return Response(as_csv(result), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="rekenhulp.csv"'})


def as_csv(result: dict) -> str:
    """One flat table: per scenario a 'total' row, then a row per contract year."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for scenario in result["scenarios"]:
        investor = scenario["investor"] or {}
        writer.writerow([scenario["id"], scenario["multiplier"], "total", scenario["expected_payment"],
                         scenario["payers"]["local"], scenario["payers"]["top_up"], scenario["expected_count"],
                         _blank(scenario["cost_per_outcome"]), _blank(scenario["net_value"]),
                         _blank(investor.get("multiple")), _blank(investor.get("irr")),
                         _blank(investor.get("break_even"))])
        for year in scenario["schedule"]:
            writer.writerow([scenario["id"], scenario["multiplier"], year["year"], year["payment"], year["local"],
                             year["top_up"], "", "", "", "", "", ""])
    return out.getvalue()


def _blank(value) -> str:
    return "" if value is None else value
