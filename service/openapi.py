"""GET /api/openapi.json: the API description (kept as YAML beside this file).

The wizard's questions, their answers and the form ids are not copied into the YAML: they are
filled in from the decision model of the release being served, so the description always says
what POST /api/wizard accepts.
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import yaml
from flask import Blueprint, jsonify

from service import wizard
from wizard.answers import MAX_NUMBER
from wizard.model import UNKNOWN, Model

bp = Blueprint("openapi", __name__)
SPEC = Path(__file__).with_name("openapi.yml")


@lru_cache(maxsize=1)
def spec() -> dict:
    return yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def answer_schema(question) -> dict:
    """What one answer may be: what the wizard's pages accept, 'unknown' included."""
    if question.type == "number":
        number = {"type": "integer", "minimum": question.min}
        number["maximum"] = question.max if question.max is not None else MAX_NUMBER
        return {"oneOf": [number, {"const": UNKNOWN}], "description": question.text["en"]}
    return {"type": "string", "enum": [*question.values, UNKNOWN], "description": question.text["en"]}


def with_model(document: dict, model: Model) -> dict:
    document = copy.deepcopy(document)
    body = document["paths"]["/api/wizard"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    body["properties"]["answers"]["properties"] = {factor: answer_schema(q) for factor, q in model.questions.items()}
    document["components"]["schemas"]["FormId"]["enum"] = [form.id for form in model.forms]
    return document


@bp.get("/api/openapi.json")
def openapi():
    model = wizard.published_model()
    return jsonify(with_model(spec(), model) if model is not None else spec())
