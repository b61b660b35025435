"""Validation of data against the JSON Schemas in kb/schemas/, worded for editors."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kb import yamlio
from kb.messages import say
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
    """Turn a JSON Schema error into a sentence an editor understands, in the chosen language.

    The schema's own `description` (the hint) is quoted as written in the schema."""
    where = ".".join(str(p) for p in error.absolute_path)
    subject = f"'{where}'" if where else say("schema_this")
    hint = error.schema.get("description") if isinstance(error.schema, dict) else None
    after_colon = say("data_hint", hint=hint) if hint else ""  # ": the description"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return say("schema_required", field=missing, where=say("in", where=where) if where else "")
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extra = ", ".join(sorted(map(str, set(error.instance) - set(error.schema.get("properties", {})))))
        return say("schema_unknown", field=extra, where=say("data_in", where=where) if where else "", allowed=allowed)
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return say("schema_enum", subject=subject, value=error.instance, allowed=allowed)
    if error.validator == "pattern":
        return say("data_pattern", subject=subject, value=error.instance, hint=after_colon)
    if error.validator == "format":
        return say("data_date", subject=subject, value=error.instance, hint=after_colon)
    if error.validator == "type" and isinstance(error.instance, (int, float)) and "string" in str(error.validator_value):
        # YAML reads 2.0 or 2026 as a number; the editor meant text.
        return say("data_number_as_text", subject=subject, value=error.instance,
                   hint=say("data_hint_brackets", hint=hint) if hint else "")
    if error.validator == "type":
        kinds = {"string": "kind_text", "integer": "kind_whole_number", "number": "kind_number", "array": "kind_list",
                 "object": "kind_mapping", "null": "kind_empty"}
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return say("schema_type", subject=subject, wanted=say("or").join(say(kinds[w]) if w in kinds else w for w in wanted))
    if error.validator == "oneOf":
        return say("data_one_of", subject=subject, hint=after_colon)
    if error.validator in ("minItems", "minLength"):
        return say("schema_empty", subject=subject)
    if error.validator == "maxLength":
        return say("data_too_long", subject=subject, limit=error.validator_value)
    if error.validator in ("minimum", "maximum"):
        return say("data_out_of_range", subject=subject, value=error.instance)
    return say("data_other", subject=subject, detail=error.message)


def schema_problems(name: str, data, file: str) -> list[Problem]:
    problems = []
    for error in sorted(validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(Problem(file, yamlio.line_at(data, error.absolute_path), _describe(error)))
    return problems
