"""`kb check` for kb/data/calculator.yml: each preset names a known form once, and each request
passes the calculator's own validation (in both languages, as the page would send it)."""
from __future__ import annotations

from kb.problems import Problem

FILE = "kb/data/calculator.yml"


def request_in(request: dict, lang: str) -> dict:
    """A preset's request as the calculator takes it: bilingual labels resolved to `lang`."""
    outcomes = [{**o, "label": o["label"][lang]} if isinstance(o.get("label"), dict) else dict(o)
                for o in request.get("outcomes") or [] if isinstance(o, dict)]
    return {**request, "outcomes": outcomes}


def check_calculator(kb) -> list[Problem]:
    from pricing import PricingError, validate

    data = kb.data.get("calculator")
    if not isinstance(data, dict):
        return []
    file = kb.rel(kb.data_paths["calculator"])
    problems, seen = [], {}
    entries = [("example", data["example"])] if isinstance(data.get("example"), dict) else []
    entries += [(f"the preset for '{p.get('form')}'", p) for p in data.get("presets") or [] if isinstance(p, dict)]
    for where, entry in entries:
        form = entry.get("form")
        if form is not None:
            if form not in kb.forms:
                problems.append(Problem(file, entry.line_of("form"),
                                        f"the form '{form}' is not in kb/data/forms.yml; known forms: {', '.join(kb.forms)}"))
            if form in seen:
                problems.append(Problem(file, entry.line_of("form"),
                                        f"the form '{form}' has a second preset (the first is on line {seen[form]})"))
            seen.setdefault(form, entry.line_of("form"))
        request = entry.get("request")
        if not isinstance(request, dict):
            continue
        for lang in ("nl", "en"):
            try:
                validate(request_in(request, lang))
            except PricingError as error:
                problems.append(Problem(file, entry.line_of("request"),
                                        f"{where}: the request is not one the calculator takes: {error}"))
                break
    return problems
