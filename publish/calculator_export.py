"""What `kb build` publishes for the payment calculator: calculator.json in the release, with the
example and the presets per wizard form (kb/data/calculator.yml) and those forms' names, so the
service reads the calculator's starting points from the release like everything else.
"""
from __future__ import annotations

import json
from pathlib import Path

FILE = "calculator.json"


def release_data(data: dict, forms: dict) -> dict:
    """The example, the presets by form id, and the names of those forms in both languages."""
    presets = {p["form"]: {"note": _plain(p["note"]), "request": _plain(p["request"])}
               for p in data.get("presets") or [] if isinstance(p, dict) and "form" in p}
    example = data.get("example") or {}
    return {
        "example": {"note": _plain(example.get("note")), "request": _plain(example.get("request"))} if example else None,
        "presets": presets,
        "forms": {form_id: _plain(forms[form_id]["name"]) for form_id in presets if form_id in forms},
    }


def write(knowledge, release: Path) -> None:
    value = release_data(knowledge.data.get("calculator") or {}, knowledge.forms)
    (release / FILE).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def _plain(value):
    """YAML nodes (dicts and lists that know their lines) as plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
