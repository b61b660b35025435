"""Every API answer matches what /api/openapi.json says it is: for real requests to every
documented operation, the body is validated against the schema documented for its status code.

(Schemathesis would generate the requests too; its dependency tree and run time do not fit the
suite's budget, and the generated-input side is covered by the Hypothesis tests in test_fuzz.py.)
"""
from __future__ import annotations

import pytest
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from server import create_app
from tests.conftest import client_for

# (method, documented path, request path, JSON body): at least one per documented operation,
# good and bad input alike.
REQUESTS = [
    ("get", "/api/search", "/api/search?q=social+impact+bond", None),
    ("get", "/api/search", "/api/search?q=outcomes+fund&lang=en&limit=3", None),
    ("get", "/api/search", "/api/search?q=", None),
    ("get", "/api/search", "/api/search?q=sib&lang=fr", None),
    ("get", "/api/cases", "/api/cases", None),
    ("get", "/api/cases", "/api/cases?country=NL&lang=en", None),
    ("get", "/api/cases", "/api/cases?country=XX", None),
    ("get", "/api/cases.csv", "/api/cases.csv", None),
    ("get", "/api/cases/{id}", "/api/cases/nl-buzinezzclub-rotterdam", None),
    ("get", "/api/cases/{id}", "/api/cases/does-not-exist", None),
    ("get", "/api/standards", "/api/standards", None),
    ("get", "/api/standards", "/api/standards?kind=rate_card&lang=en", None),
    ("get", "/api/standards", "/api/standards?kind=nonsense", None),
    ("get", "/api/standards/{id}", "/api/standards/uitkomst-duurzaam-werk", None),
    ("get", "/api/standards/{id}", "/api/standards/does-not-exist", None),
    ("get", "/api/standards/{id}/{version}", "/api/standards/contractparameters-resultaatbetaling/1.0.0", None),
    ("get", "/api/standards/{id}/{version}", "/api/standards/uitkomst-duurzaam-werk/9.9.9", None),
    ("get", "/api/wizard/model", "/api/wizard/model?lang=en", None),
    ("get", "/api/wizard/model", "/api/wizard/model?lang=xx", None),
    ("post", "/api/wizard", "/api/wizard", {"answers": {}}),
    ("post", "/api/wizard", "/api/wizard", {"answers": {"outcome_measurable": "yes", "attributable": "yes"}, "lang": "en"}),
    ("post", "/api/wizard", "/api/wizard", {"answers": {"outcome_measurable": "maybe"}}),
    ("post", "/api/calculator", "/api/calculator", {
        "cohort": 1000, "outcomes": [{"id": "work", "price": 5000, "rate": 0.3, "lag_months": 24}],
        "contract_cap": 1_200_000, "investment": {"capital": 1_000_000}}),
    ("post", "/api/calculator", "/api/calculator", {"cohort": 1000, "outcomes": [{"id": "work", "price": 5000, "rate": 2}]}),
    ("get", "/api/calculator.csv", "/api/calculator.csv?cohort=1000&outcome-0-price=5000&outcome-0-rate=0.3", None),
    ("get", "/api/calculator.csv", "/api/calculator.csv?cohort=10", None),
    ("get", "/healthz", "/healthz", None),
    ("get", "/livez", "/livez", None),
    ("get", "/api/openapi.json", "/api/openapi.json", None),
]


@pytest.fixture(scope="module")
def client(build_dir):
    return client_for(create_app(build_dir))


@pytest.fixture(scope="module")
def document(client) -> dict:
    return client.get("/api/openapi.json").get_json()


def documented_schema(document: dict, method: str, path: str, status: int, mimetype: str):
    responses = document["paths"][path][method]["responses"]
    response = responses.get(str(status)) or responses.get("default")
    assert response is not None, f"{method.upper()} {path} answered {status}, which is not documented"
    if "$ref" in response:
        response = resolve(document, response["$ref"])
    content = response.get("content") or {}
    assert mimetype in content, f"{method.upper()} {path} {status} answered {mimetype}; documented: {sorted(content)}"
    return content[mimetype].get("schema")


def resolve(document: dict, ref: str):
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def test_every_documented_operation_is_exercised(document):
    documented = {(method, path) for path, operations in document["paths"].items() for method in operations
                  if method in ("get", "post", "put", "patch", "delete")}
    assert documented <= {(m, p) for m, p, _, _ in REQUESTS}, documented - {(m, p) for m, p, _, _ in REQUESTS}


@pytest.mark.parametrize(("method", "path", "url", "body"), REQUESTS, ids=[f"{m} {u}" for m, _, u, _ in REQUESTS])
def test_the_answer_matches_its_documented_schema(client, document, method, path, url, body):
    response = client.open(url, method=method.upper(), json=body)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    schema = documented_schema(document, method, path, response.status_code, response.mimetype)
    if schema is None or response.mimetype != "application/json":
        return  # documented as text or CSV: the type was checked above
    # The schema is validated inside the whole document, so its "#/components/..." references resolve.
    root = {**document, "$id": "urn:resultaatwijzer:openapi", **schema}
    registry = Registry().with_resource(root["$id"], Resource.from_contents(root, default_specification=DRAFT202012))
    validator = OAS31Validator(root, registry=registry)
    errors = sorted(validator.iter_errors(response.get_json()), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
