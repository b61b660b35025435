"""The calculator API through Flask's test client: answers, the documented shape, bad input, CSV."""
from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from tests.test_pricing_rules import CASES, GOOD, with_change

WORKED = {"cohort": 1000, "outcomes": [{"id": "werk", "price": 5000, "rate": 0.3, "lag_months": 24}],
          "contract_cap": 1_200_000, "investment": {"capital": 1_000_000}}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from server import create_app

    # The API needs no published build; an empty build directory keeps this fast.
    return create_app(tmp_path_factory.mktemp("empty-build")).test_client()


@pytest.fixture(scope="module")
def spec():
    from service.openapi import spec
    return spec()


def check(spec, name, instance):
    document = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    jsonschema.Draft202012Validator(document).validate(instance)


def test_the_worked_check_over_the_api(client, spec):
    response = client.post("/api/calculator", json=WORKED)
    assert response.status_code == 200
    body = response.get_json()
    assert body["expected_payment"] == 1_200_000 and body["maximum_payment"] == 1_200_000
    assert round(body["investor"]["irr"], 4) == 0.0954
    check(spec, "CalculatorResult", body)
    check(spec, "CalculatorRequest", WORKED)
    check(spec, "CalculatorRequest", GOOD)


def test_a_full_request_matches_the_documented_shape(client, spec):
    body = client.post("/api/calculator", json=GOOD).get_json()
    check(spec, "CalculatorResult", body)
    assert [s["id"] for s in body["scenarios"]] == ["low", "base", "high"]
    assert list(body)[:5] == ["cohort", "duration_months", "expected_count", "expected_payment", "maximum_payment"]


@pytest.mark.parametrize("path, value, message", CASES, ids=[c[2][:50] for c in CASES])
def test_every_bad_input_is_a_400_naming_field_and_rule(client, spec, path, value, message):
    body = with_change(path, value)
    # NaN and Infinity are not JSON; send them as Python's json module writes them.
    response = client.post("/api/calculator", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["error"].startswith(message)
    assert answer["field"] and answer["rule"]
    jsonschema.Draft202012Validator(
        {**spec["components"]["responses"]["CalculatorBadRequest"]["content"]["application/json"]["schema"],
         "components": spec["components"]}).validate(answer)


def test_errors_in_dutch_on_request(client):
    body = with_change(("outcomes", 1, "rate"), 2)
    answer = client.post("/api/calculator?lang=nl", json=body).get_json()
    assert answer["error"] == "outcomes[1].rate moet tussen 0 en 1 liggen"


@pytest.mark.parametrize("raw", [b"", b"{", b"[1,2]", b"null", b"\xff\xfe", b"[" * 100_00 + b"]" * 100_00])
def test_not_an_object_is_a_400(client, raw):
    response = client.post("/api/calculator", data=raw, content_type="application/json")
    assert response.status_code in (400, 413)
    assert "error" in response.get_json()


def test_a_body_that_is_not_declared_json_is_a_415(client):
    response = client.post("/api/calculator", data="cohort=1", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and "application/json" in response.get_json()["error"]


def test_an_over_large_body_is_a_413(client):
    body = json.dumps({**WORKED, "padding": "x" * 70_000})
    response = client.post("/api/calculator", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["status"] == 413


def test_an_over_large_chunked_body_is_a_413(client):
    # Sent in chunks, the body has no Content-Length: the service must still count it.
    data = b'{"cohort": 1, "outcomes": [], "x": "' + b"x" * 80_000 + b'"}'
    response = client.post("/api/calculator", input_stream=io.BytesIO(data), content_type="application/json",
                           headers={"Transfer-Encoding": "chunked"},
                           environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 413


def test_get_is_a_405_that_says_what_to_do(client):
    response = client.get("/api/calculator")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"] and "GET" not in response.headers["Allow"]
    assert "POST" in response.get_json()["error"]


def test_the_csv_has_a_total_and_the_schedule_per_scenario(client):
    query = ("cohort=1000&outcome-0-price=5000&outcome-0-rate=0,3&outcome-0-lag_months=24"
             "&contract_cap=1.200.000&capital=1000000&duration_months=36")
    response = client.get("/api/calculator.csv?" + query)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    base = [r for r in rows if r["scenario"] == "base"]
    assert [r["year"] for r in base] == ["total", "1", "2", "3"]
    # 300 outcomes x €5,000 = €1,500,000 cut to €1,200,000, all paid at month 24 (year 2).
    assert float(base[0]["payment"]) == 1_200_000 and float(base[2]["payment"]) == 1_200_000
    assert float(base[0]["multiple"]) == pytest.approx(1.2)
    low = next(r for r in rows if r["scenario"] == "low" and r["year"] == "total")
    assert float(low["payment"]) == 750_000  # 1,000 x 0.15 x €5,000


@pytest.mark.parametrize("query, message", [
    ("", "cohort is required"),
    ("cohort=10", "outcomes is required"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=abc", "outcomes[0].rate must be a number"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=2", "outcomes[0].rate must be between 0 and 1"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=1&outcome-0-colour=red", "outcome-0-colour is not a known field"),
    ("cohort=10&outcome-0-price=1&outcome-0-rate=1&scenarios=low", "scenarios must be 1 to 60"),
])
def test_bad_csv_queries_are_400s(client, query, message):
    response = client.get("/api/calculator.csv?" + query)
    assert response.status_code == 400
    assert response.get_json()["error"].startswith(message)


# --- anything at all: never a 500 ----------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=4),
    max_leaves=15)
fields = st.sampled_from(["cohort", "outcomes", "duration_months", "contract_cap", "top_up_share",
                          "value_per_outcome", "investment", "scenarios"])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(body=st.dictionaries(fields, json_values, max_size=8) | json_values)
def test_any_json_gets_an_answer_never_a_500(client, body):
    response = client.post("/api/calculator", data=json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400), response.get_data(as_text=True)[:300]
    if response.status_code == 400:
        assert response.get_json()["field"]


query_names = st.sampled_from(["cohort", "duration_months", "contract_cap", "top_up_share", "capital", "scenarios",
                               "outcome-0-price", "outcome-0-rate", "outcome-0-baseline", "outcome-0-cap",
                               "outcome-0-lag_months", "outcome-0-value", "outcome-0-id", "outcome-1-rate",
                               "outcome-39-price", "outcome-40-price", "outcome-0-x"])


@FUZZ
@given(query=st.dictionaries(query_names, st.text(max_size=25) | st.from_regex(r"[0-9.,%€ -]{0,12}", fullmatch=True),
                             max_size=10))
def test_any_csv_query_gets_an_answer_never_a_500(client, query):
    response = client.get("/api/calculator.csv", query_string=query)
    assert response.status_code in (200, 400)
