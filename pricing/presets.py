"""The calculator's starting points as the page uses them (from the release's calculator.json,
written by `kb build` from kb/data/calculator.yml)."""
from __future__ import annotations


def request_in(request: dict, lang: str) -> dict:
    """A preset's request as the calculator takes it: bilingual labels resolved to `lang`."""
    outcomes = [{**o, "label": o["label"][lang]} if isinstance(o.get("label"), dict) else dict(o)
                for o in request.get("outcomes") or [] if isinstance(o, dict)]
    return {**request, "outcomes": outcomes}
