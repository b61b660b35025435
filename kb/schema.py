"""Validation of data against the JSON Schemas in kb/schemas/, worded for editors."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kb import yamlio
from kb.problems import Problem

SCHEMA_DIR = Path(__file__).parent / "schemas"


@cache
def _registry() -> Registry:
    defs = yamlio.load_file(SCHEMA_DIR / "defs.yml")
    return Registry().with_resource("defs", Resource.from_contents(defs, default_specification=DRAFT202012))


@cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = yamlio.load_file(SCHEMA_DIR / f"{name}.yml")
    # The format checker makes 'format: date' refuse dates that do not exist, such as 2026-13-45.
    return jsonschema.Draft202012Validator(schema, registry=_registry(),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _describe(error: jsonschema.ValidationError) -> str:
    """Turn a JSON Schema error into a sentence an editor understands."""
    where = ".".join(str(p) for p in error.absolute_path)
    subject = f"'{where}'" if where else "this"
    hint = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"the field '{missing}' is missing" + (f" (in {where})" if where else "")
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extra = ", ".join(sorted(map(str, set(error.instance) - set(error.schema.get("properties", {})))))
        return f"unknown field '{extra}'" + (f" in {where}" if where else "") + f"; allowed fields are: {allowed}"
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{subject} is '{error.instance}', which is not one of the allowed values: {allowed}"
    if error.validator == "pattern":
        return f"{subject} is '{error.instance}', which does not have the expected form" + (f": {hint}" if hint else "")
    if error.validator == "format":
        return f"{subject} is '{error.instance}', which is not a real date" + (f": {hint}" if hint else "")
    if error.validator == "type" and isinstance(error.instance, (int, float)) and "string" in str(error.validator_value):
        # YAML reads 2.0 or 2026 as a number; the editor meant text.
        return f"{subject} is {error.instance}, which YAML reads as a number: put it in quotes" + (f" ({hint})" if hint else "")
    if error.validator == "type":
        kinds = {"string": "text", "integer": "a whole number", "number": "a number", "array": "a list",
                 "object": "a set of 'field: value' lines", "null": "empty"}
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{subject} should be " + " or ".join(kinds.get(w, w) for w in wanted)
    if error.validator == "oneOf":
        return f"{subject} does not have the expected form" + (f": {hint}" if hint else "")
    if error.validator in ("minItems", "minLength"):
        return f"{subject} is empty or too short"
    if error.validator == "maxLength":
        return f"{subject} is too long (at most {error.validator_value} characters)"
    if error.validator in ("minimum", "maximum"):
        return f"{subject} is {error.instance}, which is out of range"
    return f"{subject}: {error.message}"


def schema_problems(name: str, data, file: str) -> list[Problem]:
    problems = []
    for error in sorted(validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(Problem(file, yamlio.line_at(data, error.absolute_path), _describe(error)))
    return problems
