"""The case library as data: GET /api/cases, /api/cases/<id>, /api/cases.csv, from the release's
data/cases.json (see publish/release_data.py)."""
from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, jsonify, request

from service import errors
from service.artefacts import ArtefactMissing, current_release

bp = Blueprint("cases", __name__)

LANGUAGES = ("nl", "en")
CSV_COLUMNS = ["id", "name", "form", "country", "place", "start_year", "end_year", "theme", "target_group",
               "outcome_payers", "investors", "providers", "intermediary", "capital_raised_amount",
               "capital_raised_currency", "capital_raised_note", "max_outcome_payment_amount",
               "max_outcome_payment_currency", "max_outcome_payment_note",
               "outcome_metrics", "status", "results", "notes", "sources", "url"]


class BadFilter(ValueError):
    pass


def _published(lang: str) -> list[dict]:
    """The case records of the current release in one language (written by `kb build`)."""
    release = current_release()
    if release is None:
        abort(503, description="no published build: run 'kb build'")
    try:
        return release.data("data/cases.json")["cases"][lang]
    except (ArtefactMissing, KeyError) as error:
        abort(503, description=f"the case library is missing from the release: {error}")


def allowed_values(cases: list[dict]) -> dict:
    return {name: sorted({c[name] for c in cases if c.get(name)}) for name in ("country", "form", "theme")}


def filtered(args) -> tuple[list[dict], str]:
    lang = args.get("lang", "nl")
    if lang not in LANGUAGES:
        raise BadFilter(f"the parameter 'lang' is '{lang}'; allowed values are: {', '.join(LANGUAGES)}")
    cases = _published(lang)
    allowed = allowed_values(cases)
    for name in ("country", "form", "theme"):
        value = args.get(name)
        if value is None:
            continue
        options = allowed[name]
        matches = [o for o in options if o.lower() == value.lower()]
        if not matches:
            raise BadFilter(f"the filter '{name}' is '{value}'; allowed values are: {', '.join(options)}")
        cases = [c for c in cases if c.get(name) == matches[0]]
    return cases, lang


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
    case = next((c for c in _published(lang) if c["id"] == case_id), None)
    if case is None:
        return errors.error_response(404, f"there is no case with the id '{case_id}'; see /api/cases for all ids")
    return jsonify(case)


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
