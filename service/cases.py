"""The case library as data: GET /api/cases, /api/cases/<id>, /api/cases.csv."""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, jsonify, request

from kb.generated import CASES_DIR
from kb.pages import page_url
from kb.render import text
from service import errors
from service.knowledge import knowledge

bp = Blueprint("cases", __name__)

LANGUAGES = ("nl", "en")
BILINGUAL = ("name", "place", "theme", "target_group", "status", "results", "notes", "intermediary")
CSV_COLUMNS = ["id", "name", "form", "country", "place", "start_year", "end_year", "theme", "target_group",
               "outcome_payers", "investors", "providers", "intermediary", "capital_raised_amount",
               "capital_raised_currency", "capital_raised_note", "max_outcome_payment_amount",
               "max_outcome_payment_currency", "max_outcome_payment_note",
               "outcome_metrics", "status", "results", "notes", "sources", "url"]


class BadFilter(ValueError):
    pass


def record(case: dict, lang: str) -> dict:
    """A case in one language, with INDIGO-style field names; unknown fields stay null."""
    out = {"id": case["id"]}
    for field in ("name", "form", "country", "place", "start_year", "end_year", "theme", "target_group",
                  "outcome_payers", "investors", "providers", "intermediary", "capital_raised",
                  "max_outcome_payment", "outcome_metrics", "status", "results", "notes", "sources"):
        value = case.get(field)
        if field in BILINGUAL:
            value = text(value, lang) if value is not None else None
        elif isinstance(value, list) and field != "sources":
            value = [text(v, lang) for v in value]
        elif isinstance(value, dict):  # amounts
            value = {"amount": value.get("amount"), "currency": value.get("currency"),
                     "note": text(value.get("note"), lang) if value.get("note") else None}
        out[field] = value
    out["url"] = page_url(f"{CASES_DIR}/{case['id']}", lang)
    return out


def allowed_values(lang: str) -> dict:
    cases = knowledge().cases.values()
    return {
        "country": sorted({c["country"] for c in cases if c.get("country")}),
        "form": sorted({c["form"] for c in cases if c.get("form")}),
        "theme": sorted({text(c["theme"], lang) for c in cases if c.get("theme")}),
    }


def filtered(args) -> tuple[list[dict], str]:
    lang = args.get("lang", "nl")
    if lang not in LANGUAGES:
        raise BadFilter(f"the parameter 'lang' is '{lang}'; allowed values are: {', '.join(LANGUAGES)}")
    allowed = allowed_values(lang)
    cases = list(knowledge().cases.values())
    for name in ("country", "form", "theme"):
        value = args.get(name)
        if value is None:
            continue
        options = allowed[name]
        matches = [o for o in options if o.lower() == value.lower()]
        if not matches:
            raise BadFilter(f"the filter '{name}' is '{value}'; allowed values are: {', '.join(options)}")
        if name == "theme":
            cases = [c for c in cases if text(c.get("theme"), lang) == matches[0]]
        else:
            cases = [c for c in cases if c.get(name) == matches[0]]
    return [record(c, lang) for c in cases], lang


@bp.get("/api/cases")
def list_cases():
    try:
        cases, lang = filtered(request.args)
    except BadFilter as error:
        return errors.error_response(400, str(error))
    return jsonify({"lang": lang, "total": len(cases), "cases": cases})


@bp.get("/api/cases/<case_id>")
def one_case(case_id: str):
    lang = request.args.get("lang", "nl")
    if lang not in LANGUAGES:
        return errors.error_response(400, f"the parameter 'lang' is '{lang}'; allowed values are: nl, en")
    case = knowledge().cases.get(case_id)
    if case is None:
        return errors.error_response(404, f"there is no case with the id '{case_id}'; see /api/cases for all ids")
    return jsonify(record(case, lang))


@bp.get("/api/cases.csv")
def cases_csv():
    try:
        cases, lang = filtered(request.args)
    except BadFilter as error:
        return errors.error_response(400, str(error))
    buffer = io.StringIO()
    buffer.write("\ufeff")  # byte order mark: spreadsheet programs then read UTF-8 (€, £) correctly
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for case in cases:
        row = {key: case.get(key) for key in CSV_COLUMNS if key in case}
        for amount in ("capital_raised", "max_outcome_payment"):
            value = case.get(amount) or {}
            row[f"{amount}_amount"] = value.get("amount")
            row[f"{amount}_currency"] = value.get("currency")
            row[f"{amount}_note"] = value.get("note")
        for key in ("outcome_payers", "investors", "providers", "outcome_metrics", "sources"):
            row[key] = "; ".join(case.get(key) or [])
        writer.writerow({k: ("" if v is None else v) for k, v in row.items() if k in CSV_COLUMNS})
    return Response(buffer.getvalue().encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="resultaatwijzer-cases-{lang}.csv"'})
