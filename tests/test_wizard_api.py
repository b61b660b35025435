"""The wizard API over real HTTP: the regression table, the documented shape, and bad input."""
from __future__ import annotations

import json

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import client_for
from tests.test_wizard_scenarios import SCENARIOS
from wizard.answers import MAX_NUMBER

FACTORS = {  # every question accepts "unknown", as the pages do
    "outcome_measurable": ["yes", "partly", "no", "unknown"], "attributable": ["yes", "no", "unknown"],
    "evidence": ["proven", "promising", "untested", "unknown"], "provider_can_bear_risk": ["yes", "no", "unknown"],
    "investors_available": ["yes", "no", "unknown"], "urgency": ["acute", "normal", "unknown"],
    "outcome_payers": ["one", "several", "unknown"], "commissioner_capacity": ["low", "high", "unknown"],
    "multi_year_budget": ["yes", "no", "unknown"], "market_exists": ["yes", "no", "unknown"],
    "provider_borrows": ["yes", "no", "unknown"],
    "policy_area": ["employment", "health_care", "youth", "justice", "debt", "education", "housing", "environment",
                    "other", "unknown"],
}


class Answer:
    """A test-client response with the same surface as a `requests` one."""

    def __init__(self, response):
        self.status_code, self.headers = response.status_code, response.headers
        self.text = response.get_data(as_text=True)
        self._response = response

    def json(self):
        return self._response.get_json()


@pytest.fixture(scope="module")
def client(build_dir):
    """The real app in-process (Flask's test client); the live `server` is kept for the tests
    that need a real socket (chunked bodies, the size limit)."""
    from server import create_app

    return client_for(create_app(build_dir))


def post(target, body, **kwargs):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
    if hasattr(target, "url"):  # the live server
        return requests.post(target.url + "/api/wizard", data=data, timeout=10, headers=headers, **kwargs)
    return Answer(target.post("/api/wizard", data=data, headers=headers))


@pytest.mark.parametrize("name, source, answers, expect", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_through_the_api(client, knowledge, name, source, answers, expect):
    """The API gives the same advice as the engine, whose expectations test_wizard_scenarios checks."""
    from wizard import evaluate

    result = evaluate(_model(knowledge), answers)
    for lang in ("nl", "en"):
        response = post(client, {"lang": lang, "answers": answers})
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["recommendation"] or {}).get("id") == result.recommendation
        assert body["confidence"] == result.confidence
        assert [f["factor"] for f in body["find_out_first"]] == [f.factor for f in result.find_out_first]
        assert [r["id"] for r in body["risks"]] == list(result.risks)
        assert [c["id"] for c in body["cases"]] == list(result.cases)


_MODELS = {}


def _model(knowledge):
    from wizard import build_model
    from wizard.model import model_inputs

    if "m" not in _MODELS:
        _MODELS["m"] = build_model(model_inputs(knowledge))
    return _MODELS["m"]


def test_the_answer_has_the_documented_shape(server):
    answers = dict(outcome_measurable="yes", attributable="yes", months_to_outcome=24, urgency="normal",
                   evidence="promising", market_exists="no", provider_can_bear_risk="no", provider_borrows="no",
                   investors_available="yes", outcome_payers="one", comparable_contracts=1,
                   commissioner_capacity="high", multi_year_budget="no")
    body = post(server, {"lang": "en", "answers": answers}).json()
    assert list(body)[:3] == ["recommendation", "confidence", "confidence_text"]
    assert body["recommendation"] == {"id": "sib", "title": "Social Impact Bond (SIB)", "url": "/en/vormen/sib/",
                                      "score": body["ranking"][0]["score"]}
    assert body["confidence"] == "clear" and body["runner_up"] is None and body["find_out_first"] == []
    assert {r["id"] for r in body["ranking"]} == {"subsidy", "output_contract", "pay_for_success", "sib",
                                                  "outcomes_fund", "top_up", "impact_linked_loan"}
    assert [r["score"] for r in body["ranking"]] == sorted((r["score"] for r in body["ranking"]), reverse=True)
    # the rule against the advised SIB (no multi-year budget) is a risk, with its source and page
    assert "no-multi-year-budget" in [r["id"] for r in body["risks"]]
    for entry in body["reasons"] + body["cautions"] + body["risks"]:
        assert entry["text"] and entry["url"].startswith("/en/") and entry["sources"]
        assert requests.get(server.url + entry["url"].split("#")[0], timeout=10).status_code == 200
    # what would change: only actionable factors, at most five, each with its action
    assert 0 < len(body["would_change"]) <= 5
    assert {c["factor"] for c in body["would_change"]} <= {"outcome_measurable", "investors_available", "outcome_payers",
                                                          "comparable_contracts", "commissioner_capacity", "multi_year_budget"}
    assert all(c["action"] for c in body["would_change"])
    steps = body["next_steps"]
    assert steps and all(s["text"] and s["url"].startswith("/en/") for s in steps)
    assert "/en/rekenhulp/?form=sib" in [s["url"] for s in steps] and "/en/starten/" in [s["url"] for s in steps]
    for step in steps:
        if "title" in step:  # a page of the knowledge base (the route and calculator come from other work)
            assert requests.get(server.url + step["url"].split("#")[0], timeout=10).status_code == 200
    comparison = body["comparison"]
    assert [f["id"] for f in comparison["forms"]] == ["sib", body["ranking"][1]["id"]]
    assert [r["aspect"] for r in comparison["rows"]] == ["pays_when", "risk", "parties", "setup", "examples"]
    assert all(len(r["values"]) == 2 and all(r["values"]) for r in comparison["rows"]) and comparison["sources"]
    assert body["links"] == {"route": "/en/starten/", "calculator": "/en/rekenhulp/?form=sib"}
    assert body["cases"] and body["cases"][0]["form"] in ("sib", "hib", "dib")
    assert body["model_version"].count(".") == 2


def test_all_unknown_is_undecided_with_no_recommendation(client):
    body = post(client, {"lang": "nl", "answers": {f: "unknown" for f in FACTORS}}).json()
    assert body["recommendation"] is None and body["confidence"] == "undecided"
    assert body["find_out_first"][0]["factor"] == "outcome_measurable"
    assert body["next_steps"] == [] and body["links"]["calculator"] == "/rekenhulp/"
    assert body == post(client, {"lang": "nl", "answers": {}}).json()  # unknown is the same as left out


def test_a_close_result_names_the_runner_up(client):
    body = post(client, {"lang": "en", "answers": {"outcome_measurable": "no", "attributable": "no",
                                                    "evidence": "proven", "urgency": "normal"}}).json()
    assert body["confidence"] == "close"
    assert body["runner_up"]["id"] == body["ranking"][1]["id"] != body["recommendation"]["id"]


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
    assert [f["id"] for f in nl["forms"]] == ["subsidy", "output_contract", "pay_for_success", "sib", "outcomes_fund",
                                             "top_up", "impact_linked_loan"]
    assert [f["pays_for_results"] for f in nl["forms"]] == [0, 1, 2, 2, 2, 2, 2]
    area = next(q for q in en["questions"] if q["id"] == "policy_area")
    assert area["context"] is True and [o["value"] for o in area["options"]] == FACTORS["policy_area"][:-1]
    assert all(q["accepts_unknown"] for q in nl["questions"])
    assert "long_months" in nl["parameters"] and nl["parameters"]["long_months"]["note"]


@pytest.mark.parametrize("body, factor, needle", [
    ({"answers": {"urgencyy": "acute"}}, "urgencyy", "unknown factor 'urgencyy'"),
    ({"answers": {"urgency": "soon"}}, "urgency", "acute, normal"),
    ({"answers": {"urgency": 1}}, "urgency", "wrong type"),
    ({"answers": {"outcome_measurable": "maybe"}}, "outcome_measurable", "yes, partly, no, unknown"),
    ({"answers": {"policy_area": "sports"}}, "policy_area", "employment, health_care"),
    ({"answers": {"months_to_outcome": "12"}}, "months_to_outcome", "whole number from 0 to 600, or 'unknown'"),
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
def test_bad_answers_are_a_400_naming_the_factor_and_allowed_values(client, body, factor, needle):
    response = post(client, body)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    error = response.json()
    assert needle in error["error"] and error["factor"] == factor and error["status"] == 400
    if factor in FACTORS:
        assert error["allowed"] == FACTORS[factor]
    if factor == "months_to_outcome":
        assert error["allowed"] == {"min": 0, "max": 600, "or": "unknown"}


@pytest.mark.parametrize("raw", [b"", b"not json", b"{", b"[1, 2]", b'"text"', b"null", b"\xff\xfe\x00",
                                 b"[" * 5000 + b"]" * 5000, b'{"answers": {"urgency": NaN}}'])
def test_a_body_that_is_not_a_json_object_is_a_400(client, raw):
    response = post(client, raw)
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
    assert status == 200 and result["recommendation"]["id"] in ("subsidy", "output_contract")
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
            assert factors[question["id"]]["enum"] == [o["value"] for o in question["options"]] + ["unknown"]
        else:
            number, unknown = factors[question["id"]]["oneOf"]
            # without a maximum of its own, a number has the bound the pages and the API share
            assert number["minimum"] == question["min"] and number["maximum"] == (question["max"] or MAX_NUMBER)
            assert unknown == {"const": "unknown"}
    recommended = spec["paths"]["/api/wizard"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    advised = recommended["properties"]["recommendation"]["oneOf"][0]
    assert advised["properties"]["id"] == {"$ref": "#/components/schemas/FormId"}
    assert spec["components"]["schemas"]["FormId"]["enum"] == [f["id"] for f in model["forms"]]
