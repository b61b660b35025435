"""The wizard API over real HTTP: the regression table, the documented shape, and bad input."""
from __future__ import annotations

import json

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_wizard_scenarios import SCENARIOS

FACTORS = {
    "outcome_measurable": ["yes", "partly", "no"], "attributable": ["yes", "no", "unknown"],
    "evidence": ["proven", "promising", "untested"], "provider_can_bear_risk": ["yes", "no"],
    "investors_available": ["yes", "no", "unknown"], "urgency": ["acute", "normal"],
    "outcome_payers": ["one", "several"], "commissioner_capacity": ["low", "high"], "multi_year_budget": ["yes", "no"],
}


def post(server, body, **kwargs):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return requests.post(server.url + "/api/wizard", data=data, timeout=10,
                         headers={"Content-Type": "application/json", **kwargs.pop("headers", {})}, **kwargs)


@pytest.mark.parametrize("name, situation, answers, expected", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_over_http(server, name, situation, answers, expected):
    for lang in ("nl", "en"):
        response = post(server, {"lang": lang, "answers": answers})
        assert response.status_code == 200, response.text
        assert response.json()["recommendation"]["id"] == expected


def test_the_answer_has_the_documented_shape(server):
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                   evidence="promising", provider_can_bear_risk="no", investors_available="yes",
                   outcome_payers="several")
    body = post(server, {"lang": "en", "answers": answers}).json()
    assert list(body)[:7] == ["recommendation", "ranking", "reasons", "cautions", "would_change", "cases",
                              "model_version"]
    assert body["recommendation"] == {"id": "sib", "title": "Social Impact Bond (SIB)", "url": "/en/vormen/sib/",
                                      "score": body["ranking"][0]["score"]}
    assert {r["id"] for r in body["ranking"]} == {"subsidy", "output_contract", "pay_for_success", "sib",
                                                  "outcomes_fund"}
    assert all(isinstance(r["score"], int) for r in body["ranking"])
    assert [r["score"] for r in body["ranking"]] == sorted((r["score"] for r in body["ranking"]), reverse=True)
    for reason in body["reasons"] + body["cautions"]:
        assert reason["text"] and reason["url"].startswith("/en/") and reason["sources"]
        assert requests.get(server.url + reason["url"].split("#")[0], timeout=10).status_code == 200
    change = next(c for c in body["would_change"] if c["factor"] == "provider_can_bear_risk")
    assert change["alternative"]["value"] == "yes" and change["recommendation"]["id"] == "pay_for_success"
    assert change["answer"] == {"value": "no", "label": "No"}
    unknown = next(c for c in body["would_change"] if c["factor"] == "comparable_contracts")
    assert unknown["answer"]["value"] == "unknown" and unknown["recommendation"]["id"] == "outcomes_fund"
    assert body["reasons_kind"] == "for"
    assert body["cases"] and all(c["form"] in ("sib", "hib", "dib") for c in body["cases"][:1])
    assert body["model_version"].count(".") == 2


def test_the_model_endpoint_in_both_languages(server):
    nl = requests.get(server.url + "/api/wizard/model", params={"lang": "nl"}, timeout=10).json()
    en = requests.get(server.url + "/api/wizard/model?lang=en", timeout=10).json()
    assert nl["model_version"] == en["model_version"]
    ids = [q["id"] for q in nl["questions"]]
    assert set(FACTORS) | {"months_to_outcome", "comparable_contracts"} <= set(ids)
    assert ids == nl["order"]
    measurable = next(q for q in en["questions"] if q["id"] == "outcome_measurable")
    assert [o["value"] for o in measurable["options"]] == ["yes", "partly", "no"]
    assert measurable["text"].startswith("Can you") and measurable["help"]
    months = next(q for q in nl["questions"] if q["id"] == "months_to_outcome")
    assert (months["type"], months["min"], months["max"]) == ("number", 0, 600)
    assert [f["id"] for f in nl["forms"]] == ["subsidy", "output_contract", "pay_for_success", "sib", "outcomes_fund"]
    assert "long_months" in nl["parameters"] and nl["parameters"]["long_months"]["note"]


@pytest.mark.parametrize("body, factor, needle", [
    ({"answers": {"urgencyy": "acute"}}, "urgencyy", "unknown factor 'urgencyy'"),
    ({"answers": {"urgency": "soon"}}, "urgency", "acute, normal"),
    ({"answers": {"urgency": 1}}, "urgency", "wrong type"),
    ({"answers": {"outcome_measurable": "unknown"}}, "outcome_measurable", "yes, partly, no"),
    ({"answers": {"months_to_outcome": "12"}}, "months_to_outcome", "whole number from 0 to 600"),
    ({"answers": {"months_to_outcome": 12.5}}, "months_to_outcome", "wrong type"),
    ({"answers": {"months_to_outcome": True}}, "months_to_outcome", "wrong type"),
    ({"answers": {"months_to_outcome": 601}}, "months_to_outcome", "0 to 600"),
    ({"answers": {"months_to_outcome": -1}}, "months_to_outcome", "0 to 600"),
    ({"answers": {"comparable_contracts": 0}}, "comparable_contracts", "of 1 or more"),
    ({"answers": {"investors_available": None}}, "investors_available", "yes, no, unknown"),
    ({"answers": ["urgency"]}, "answers", "'answers' must be a JSON object"),
    ({"lang": "de", "answers": {}}, "lang", "nl, en"),
    ({"lang": 1}, "lang", "nl, en"),
    ({"answer": {}}, "answer", "allowed fields are: lang, answers"),
])
def test_bad_answers_are_a_400_naming_the_factor_and_allowed_values(server, body, factor, needle):
    response = post(server, body)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()
    assert needle in error["error"] and error["factor"] == factor and error["status"] == 400
    if factor in FACTORS:
        assert error["allowed"] == FACTORS[factor]


@pytest.mark.parametrize("raw", [b"", b"not json", b"{", b"[1, 2]", b'"text"', b"null", b"\xff\xfe\x00",
                                 b"[" * 5000 + b"]" * 5000, b'{"answers": {"urgency": NaN}}'])
def test_a_body_that_is_not_a_json_object_is_a_400(server, raw):
    response = post(server, raw)
    assert response.status_code == 400
    assert "error" in response.json()


def test_a_body_over_64_kb_is_a_json_413(server):
    body = json.dumps({"answers": {}, "lang": "nl" + " " * (70 * 1024)})
    response = post(server, body)
    assert response.status_code == 413
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["status"] == 413


def post_chunked(server, parts) -> tuple[int, str, dict]:
    """POST /api/wizard with Transfer-Encoding: chunked (no Content-Length), over a real socket."""
    import http.client
    from urllib.parse import urlparse

    address = urlparse(server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("POST", "/api/wizard", body=iter(parts), encode_chunked=True,
                           headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), json.loads(response.read())
    finally:
        connection.close()


@pytest.mark.parametrize("padding", [
    b" " * (70 * 1024),       # valid JSON whose first 64 KB are valid JSON too: once answered with a 200
    b"x" * (64 * 1024 + 1),   # one byte over the limit
])
def test_a_chunked_body_over_64_kb_is_a_json_413(server, padding):
    body = b'{"lang": "nl", "answers": {}}' + padding
    parts = [body[i:i + 8192] for i in range(0, len(body), 8192)]
    status, content_type, error = post_chunked(server, parts)
    assert status == 413
    assert content_type.startswith("application/json")
    assert error["status"] == 413 and error["error"]


def test_a_small_chunked_body_is_answered(server):
    body = json.dumps({"lang": "en", "answers": {"outcome_measurable": "no"}}).encode()
    status, content_type, result = post_chunked(server, [body[:10], body[10:]])
    assert status == 200 and result["recommendation"]["id"] == "subsidy"
    status, _, result = post_chunked(server, [b'{"lang": "nl", "answers": {}}' + b" " * (64 * 1024 - 29)])
    assert status == 200  # exactly 64 KB is allowed


def test_wrong_methods_and_languages(server):
    assert requests.get(server.url + "/api/wizard", timeout=10).status_code == 405
    response = requests.get(server.url + "/api/wizard/model?lang=fr", timeout=10)
    assert response.status_code == 400 and response.json()["factor"] == "lang"


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                           max_leaves=12)
answer_values = st.sampled_from(sorted({v for vs in FACTORS.values() for v in vs})) | st.integers(-5, 700) | json_values
answers = st.dictionaries(st.sampled_from(sorted(FACTORS) + ["months_to_outcome", "comparable_contracts", "x"]),
                          answer_values, max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.fixed_dictionaries({"answers": answers}, optional={"lang": st.sampled_from(["nl", "en", "de"])}) | json_values)
def test_never_a_500(server, body):
    response = post(server, body)
    assert response.status_code in (200, 400), response.text
    assert response.headers["Content-Type"].startswith("application/json")


def test_the_published_api_description_matches_the_model(server):
    """The factor ids and answers are a public contract: the OpenAPI description lists them."""
    spec = requests.get(server.url + "/api/openapi.json", timeout=10).json()
    documented = spec["paths"]["/api/wizard"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    factors = documented["properties"]["answers"]["properties"]
    model = requests.get(server.url + "/api/wizard/model", timeout=10).json()
    assert set(factors) == {q["id"] for q in model["questions"]}
    for question in model["questions"]:
        if question["type"] == "choice":
            assert factors[question["id"]]["enum"] == [o["value"] for o in question["options"]]
        else:
            assert factors[question["id"]]["minimum"] == question["min"]
            assert factors[question["id"]].get("maximum") == question["max"]
    recommended = spec["paths"]["/api/wizard"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert recommended["properties"]["recommendation"]["properties"]["id"]["enum"] == [f["id"] for f in model["forms"]]
