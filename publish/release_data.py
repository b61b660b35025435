"""The knowledge the service answers from, written into the release as JSON:

    data/cases.json    the case library per language (GET /api/cases)
    data/wizard.json   the inputs of the wizard's decision model (the wizard pages and API)

With these (and standards.json, the site and the index) a release is complete: the service
never reads docs/ or kb/data/, so a replica needs build/ and nothing else.
"""
from __future__ import annotations

import json
from pathlib import Path

from kb.formatting import text
from kb.generated import CASES_DIR
from kb.pages import LANGUAGES, page_url
from wizard.model import model_inputs

FILES = ("data/cases.json", "data/wizard.json")

BILINGUAL = ("name", "place", "theme", "target_group", "status", "results", "notes", "intermediary")
FIELDS = ("name", "form", "country", "place", "start_year", "end_year", "theme", "target_group",
          "outcome_payers", "investors", "providers", "intermediary", "capital_raised",
          "max_outcome_payment", "outcome_metrics", "status", "results", "notes", "sources")


def case_record(case: dict, lang: str) -> dict:
    """A case in one language; fields the source does not give stay null."""
    out = {"id": case["id"]}
    for name in FIELDS:
        value = case.get(name)
        if name in BILINGUAL:
            value = text(value, lang) if value is not None else None
        elif isinstance(value, list) and name != "sources":
            value = [text(v, lang) for v in value]
        elif isinstance(value, dict):  # amounts
            value = {"amount": value.get("amount"), "currency": value.get("currency"),
                     "note": text(value.get("note"), lang) if value.get("note") else None}
        elif isinstance(value, list):
            value = list(value)
        out[name] = value
    out["url"] = page_url(f"{CASES_DIR}/{case['id']}", lang)
    return out


def write(knowledge, release: Path) -> None:
    data = release / "data"
    data.mkdir()
    cases = {lang: [case_record(c, lang) for c in knowledge.cases.values()] for lang in LANGUAGES}
    _write(data / "cases.json", {"cases": cases})
    _write(data / "wizard.json", model_inputs(knowledge))


def _write(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, default=str), encoding="utf-8")
