"""The calculator page /rekenhulp/ and /en/rekenhulp/: a GET form and server-rendered results.

Everything the reader typed is in the query string (the encoding of pricing.query), so a result
can be bookmarked and shared and works without JavaScript. With JavaScript the page asks for
`partial=1` while the reader types and swaps in the results only. The page may start from the
example, from a wizard form (?form=sib: presets in kb/data/calculator.yml) or from a published
rate card (?rate_card=<id>[&version=x.y.z], read from the release's standards.json).
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, abort, render_template, request

from pricing import PricingError, calculate, validate
from pricing.compute import payment_at
from pricing.inputs import MAX_OUTCOMES
from pricing.presets import request_in
from pricing.query import ROW, ROW_FIELDS, to_body, to_pairs
from service import calculator_format as fmt
from service import shell
from service.artefacts import ArtefactMissing, current_release
from service.calculator_texts import FIELDS, ROW_NAME, TEXTS

bp = Blueprint("calculator_page", __name__)
PAGE_PATHS = {"nl": "/rekenhulp/", "en": "/en/rekenhulp/"}
TOP_FIELDS = ("cohort", "duration_months", "contract_cap", "top_up_share", "capital", "scenarios")
KEPT = ("form", "rate_card", "version")   # where the inputs came from; kept in the form
SPARE_ROWS = 1
MIN_ROWS = 2


# --- where the inputs come from ---------------------------------------------------------

def _artefact(name: str) -> dict:
    """A JSON file of the current release; {} when it is missing (the page still opens)."""
    release = current_release()
    try:
        return release.data(name) if release else {}
    except ArtefactMissing:
        return {}


def _calculator_data() -> dict:
    """The release's calculator.json: {example, presets: {form: {note, request}}, forms: {form: name}}."""
    return _artefact("calculator.json")


def _needed(name: str) -> dict:
    """A JSON file of the current release that this request cannot do without: else a 503 naming it."""
    try:
        return current_release().data(name)
    except ArtefactMissing as error:
        abort(503, description=str(error))


def _preset(form_id: str | None) -> dict | None:
    return (_needed("calculator.json").get("presets") or {}).get(form_id)


def _form_name(form_id: str, lang: str) -> str:
    return ((_calculator_data().get("forms") or {}).get(form_id) or {}).get(lang, form_id)


def rate_cards() -> list[dict]:
    standards = _artefact("standards.json").get("standards")
    return [s for s in standards if isinstance(s, dict) and s.get("kind") == "rate_card"] \
        if isinstance(standards, list) else []


class PrefillError(LookupError):
    pass


def _rate_card(card_id: str, version: str | None, lang: str) -> dict:
    """The rate card's version as {standard, version, body, illustrative}; PrefillError if none."""
    _needed("standards.json")
    cards = rate_cards()
    card = next((c for c in cards if c["id"] == card_id), None)
    if card is None:
        known = ", ".join(c["id"] for c in cards) or "–"
        raise PrefillError(("Er is geen tarievenkaart ‘{0}’. Gepubliceerde tarievenkaarten: {1}."
                            if lang == "nl" else "There is no rate card ‘{0}’. Published rate cards: {1}.")
                           .format(card_id[:60], known))
    wanted = version or card.get("current_version")
    found = next((v for v in card["versions"] if v["version"] == wanted), None)
    if found is None:
        known = ", ".join(v["version"] for v in card["versions"])
        raise PrefillError(("Tarievenkaart ‘{0}’ heeft geen versie {1}. Versies: {2}."
                            if lang == "nl" else "Rate card ‘{0}’ has no version {1}. Versions: {2}.")
                           .format(card_id, str(wanted)[:20], known))
    outcomes = []
    for outcome in found["outcomes"][:MAX_OUTCOMES]:
        row = {"id": outcome["id"], "label": _humanised(outcome["id"])}
        price, cap = outcome.get("price") or {}, outcome.get("cap") or {}
        if price.get("currency", "EUR") == "EUR" and price.get("amount") is not None:
            row["price"] = price["amount"]
        if cap.get("currency", "EUR") == "EUR" and cap.get("amount") is not None:
            row["cap"] = cap["amount"]
        outcomes.append(row)
    example = (_calculator_data().get("example") or {}).get("request") or {}
    body = {"cohort": example.get("cohort", 100), "duration_months": example.get("duration_months", 36),
            "outcomes": outcomes}
    return {"id": card_id, "title": card["title"][lang], "version": found["version"], "status": found["status"],
            "url": found["url"][lang], "example": bool(card.get("example")),
            "illustrative": bool(card.get("example")) or any(o.get("illustrative") for o in found["outcomes"]),
            "body": body}


def _humanised(identifier: str) -> str:
    words = re.sub(r"[-_.]+", " ", identifier).strip()
    return words[:1].upper() + words[1:]


# --- the form's rows ----------------------------------------------------------------------

def _submitted(args) -> bool:
    return any(name in TOP_FIELDS or ROW.match(name) for name in args)


def _form_values(pairs) -> tuple[dict, list[dict]]:
    """The texts to show in the inputs: top-level fields, and one dict per outcome row."""
    top, rows = {}, {}
    for name, value in pairs:
        match = ROW.match(name)
        if match and match[2] in ROW_FIELDS:
            index = int(match[1])
            if index < 2 * MAX_OUTCOMES:
                rows.setdefault(index, {})[match[2]] = value
        elif name in TOP_FIELDS:
            top[name] = value
    filled = [rows[i] for i in sorted(rows) if any((v or "").strip() for v in rows[i].values())]
    spare = max(SPARE_ROWS, MIN_ROWS - len(filled))
    return top, (filled + [{} for _ in range(spare)])[:MAX_OUTCOMES]


def _input_of(error: PricingError, filled_rows: list[dict]) -> str:
    """The id of the input on the page that the error is about."""
    field = error.field
    match = re.match(r"^outcomes\[(\d+)\]\.([a-z_]+)$", field)
    if match:
        position = int(match[1])
        return f"outcome-{position}-{match[2]}"
    if field.startswith("value_per_outcome."):
        wanted = field.split(".", 1)[1]
        for position, row in enumerate(filled_rows):
            if (row.get("id") or f"outcome-{position + 1}") == wanted:
                return f"outcome-{position}-value"
    if field == "investment.capital":
        return "capital"
    if field.startswith("scenarios"):
        return "scenarios"
    if field in TOP_FIELDS:
        return field
    if field.startswith("outcome") and ROW.match(field):
        return field
    return "outcome-0-price" if field.startswith("outcomes") else "cohort"


def _field_name(input_id: str, lang: str) -> str:
    match = ROW.match(input_id)
    if match:
        return ROW_NAME[lang].format(n=int(match[1]) + 1, field=FIELDS[lang].get(match[2], match[2]))
    return FIELDS[lang].get(input_id, input_id)


# --- the chart: payment against success ---------------------------------------------------

def chart(inputs, result, lang: str) -> dict:
    """Points of the expected payment as every rate moves from 0 to where one reaches 1 (at most
    twice the expected rates), with the scenarios marked; in numbers for the SVG and the table."""
    top = max(o.rate for o in inputs.outcomes)
    k_max = min(2.0, 1.0 / top) if top > 0 else 2.0
    steps = 10
    ks = sorted({round(k_max * i / steps, 6) for i in range(steps + 1)} | {1.0 if k_max >= 1 else k_max})
    points = [{"k": k, "payment": payment_at(inputs, k),
               "rates": [min(1.0, o.rate * k) for o in inputs.outcomes]} for k in ks]
    ceiling = max([p["payment"] for p in points] + [inputs.capital or 0, 1.0])
    width, height, left, bottom, top_pad, right = 640, 320, 110, 50, 20, 20
    plot_w, plot_h = width - left - right, height - bottom - top_pad

    def x(k):
        return round(left + plot_w * k / k_max, 1)

    def y(value):
        return round(top_pad + plot_h * (1 - value / ceiling), 1)

    ticks = [ceiling * i / 4 for i in range(5)]
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top_pad,
        "bottom": height - bottom,
        "path": " ".join(f"{'M' if i == 0 else 'L'}{x(p['k'])},{y(p['payment'])}" for i, p in enumerate(points)),
        "points": [{**p, "x": x(p["k"]), "y": y(p["payment"])} for p in points],
        "y_ticks": [{"y": y(t), "label": fmt.money(t, lang, cents=False)} for t in ticks],
        "x_ticks": [{"x": x(p["k"]), "label": fmt.percent(p["k"], lang, 0)} for p in points[::2]],
        "capital": {"y": y(inputs.capital)} if inputs.capital else None,
        "expected": {"x": x(1.0)} if k_max >= 1 else None,
    }


def _prefill(args, lang: str) -> tuple[dict | None, str | None, str | None]:
    """(rate card, wizard form, problem): where the reader asked the page to start from."""
    if args.get("rate_card"):
        try:
            return _rate_card(args["rate_card"], args.get("version"), lang), None, None
        except PrefillError as error:
            return None, None, str(error)
    form_id = args.get("form")
    if not form_id:
        return None, None, None
    if _preset(form_id) is None:
        known = ", ".join(_calculator_data().get("presets") or {})
        return None, None, (f"De keuzehulp kent geen vorm ‘{form_id[:60]}’; bekende vormen: {known}." if lang == "nl"
                            else f"The wizard has no form ‘{form_id[:60]}’; known forms: {known}.")
    return None, form_id, None


def _starting_point(args, card, preset_form, lang: str) -> tuple[list, list[str]]:
    """The (name, value) pairs in the form, and the notes that explain where they came from:
    what the reader sent, else the rate card, the wizard form's preset or the example."""
    if _submitted(args):
        return list(args.items(multi=True)), []
    if card:
        return to_pairs(card["body"]), []
    start = _preset(preset_form) if preset_form else _calculator_data().get("example")
    if not start:
        return [], []
    return to_pairs(request_in(start.get("request") or {}, lang)), [start["note"][lang]]


# --- the page ------------------------------------------------------------------------------

@bp.get(PAGE_PATHS["nl"], defaults={"lang": "nl"})
@bp.get(PAGE_PATHS["en"], defaults={"lang": "en"})
def page(lang: str):
    release = current_release()
    if release is None:
        abort(503)
    args = request.args
    card, preset_form, problem = _prefill(args, lang)
    status = 400 if problem else 200
    submitted = _submitted(args)
    pairs, notices = _starting_point(args, card, preset_form, lang)

    top, rows = _form_values(pairs)
    query_pairs = [(k, v) for k, v in pairs if (v or "").strip() and (k in TOP_FIELDS or ROW.match(k))]
    result = inputs = error = None
    try:
        body = to_body(dict(query_pairs), lang)
        inputs = validate(body)
        result = calculate(inputs)
        # Shared, switched to the other language or exported, the numbers are written plainly,
        # so "1,200" typed on the English page cannot become 1.2 on the Dutch one.
        query_pairs = to_pairs(body)
    except PricingError as caught:
        error = caught
    error_view = None
    if error is not None:
        filled = [r for r in rows if any((v or "").strip() for v in r.values())]
        input_id = _input_of(error, filled)
        message = error.message(lang, field_name=_field_name(input_id, lang))
        missing_rate = card is not None and not submitted and error.rule == "required"
        error_view = {"input": input_id, "message": message, "prompt": missing_rate}
        if not submitted and not card and not preset_form:
            error_view = None  # a release without the example (calculator.json): an empty form, no error
        elif not missing_rate:
            status = 400

    kept = [(k, args[k]) for k in KEPT if args.get(k)]
    share_query = urlencode(query_pairs + kept)
    csv_query = urlencode(query_pairs)
    context = dict(
        lang=lang, partial=args.get("partial") == "1", t=TEXTS[lang], fields=FIELDS[lang], top=top, rows=rows,
        error=error_view, problem=problem, notices=notices, card=card,
        preset_form=preset_form, form_name=_form_name(preset_form, lang) if preset_form else None,
        kept=kept, result=result, inputs=inputs, fmt=fmt, cards=rate_cards(),
        chart=chart(inputs, result, lang) if result else None,
        share_query=share_query, share_url=PAGE_PATHS[lang] + ("?" + share_query if share_query else ""),
        csv_url="/api/calculator.csv" + ("?" + csv_query if csv_query else ""),
        action=PAGE_PATHS[lang], method_url="/rekenhulp/methode/" if lang == "nl" else "/en/rekenhulp/methode/",
    )
    if args.get("partial") == "1":
        html = render_template("calculator/results.html", **context)
        return html, status, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
    html = render_template("calculator/page.html", **context)
    title = "Rekenhulp resultaatbetaling" if lang == "nl" else "Payment calculator"
    try:
        page_html = shell.render(release.site, request.path, html, title=title, query_string=share_query)
    except shell.ShellMissing:
        abort(503, description="the published site has no calculator page yet: run 'kb build'")
    return page_html, status
