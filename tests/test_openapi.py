"""The published API description is a valid OpenAPI 3 document (issue 11: unquoted commas in YAML
flow maps had split descriptions into invented keys with null values)."""
from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from server import create_app
from tests.conftest import client_for


@pytest.fixture(scope="module")
def document(build_dir) -> dict:
    response = client_for(create_app(build_dir)).get("/api/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def null_valued_keys(node, path="") -> list[str]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if value is None:
                found.append(f"{path}/{key}")
            found += null_valued_keys(value, f"{path}/{key}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found += null_valued_keys(value, f"{path}/{position}")
    return found


def test_the_served_document_is_valid_openapi_3(document):
    assert document["openapi"].startswith("3.")
    validate(document)  # raises with the path of the first problem


def test_no_key_has_a_null_value(document):
    assert null_valued_keys(document) == []


# Keywords a Schema Object may use here; a key outside them is a description split at a comma.
SCHEMA_KEYWORDS = {"type", "description", "properties", "items", "required", "enum", "format", "minimum",
                   "maximum", "default", "example", "examples", "$ref", "oneOf", "anyOf", "allOf",
                   "additionalProperties", "nullable", "const", "minLength", "maxLength", "pattern",
                   "minItems", "maxItems", "title", "readOnly", "deprecated"}


def schemas(node, path=""):
    if isinstance(node, dict):
        if "schema" in node and isinstance(node["schema"], dict):
            yield from schema_tree(node["schema"], f"{path}/schema")
        for key, value in node.items():
            if key == "schemas" and isinstance(value, dict):
                for name, schema in value.items():
                    yield from schema_tree(schema, f"{path}/schemas/{name}")
            elif key != "schema":
                yield from schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for position, value in enumerate(node):
            yield from schemas(value, f"{path}/{position}")


def schema_tree(schema, path):
    if not isinstance(schema, dict):
        return
    yield path, schema
    for name, child in (schema.get("properties") or {}).items():
        yield from schema_tree(child, f"{path}/properties/{name}")
    if isinstance(schema.get("items"), dict):
        yield from schema_tree(schema["items"], f"{path}/items")
    for combinator in ("oneOf", "anyOf", "allOf"):
        for position, child in enumerate(schema.get(combinator) or []):
            yield from schema_tree(child, f"{path}/{combinator}/{position}")


def test_schema_objects_use_only_known_keywords(document):
    unknown = [(path, sorted(set(schema) - SCHEMA_KEYWORDS)) for path, schema in schemas(document)
               if set(schema) - SCHEMA_KEYWORDS]
    assert unknown == []
    assert len(list(schemas(document))) > 20  # the walk really reached the schemas


def test_descriptions_kept_their_commas(document):
    url = document["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    described = url["properties"]["results"]["items"]["properties"]["url"]["description"]
    assert described == "a path on this server, with an anchor for a section"
