"""Property-based tests over every documented endpoint and parameter: never a 5xx, errors say why.

Inputs come from Hypothesis: arbitrary Unicode (control characters, quotes, query syntax, very
long strings), unknown parameters and arbitrary JSON bodies, sent over real HTTP.
"""
from __future__ import annotations

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.openapi import spec

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
anything = st.text(max_size=600)
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=50),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=20), inner, max_size=4),
                           max_leaves=12)


SECURITY_HEADERS = ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options")


def get_endpoints():
    """Every GET in the published OpenAPI description, with its query and path parameters."""
    for path, item in spec()["paths"].items():
        if "get" in item:
            parameters = item["get"].get("parameters", [])
            yield (path, [p["name"] for p in parameters if p.get("in", "query") == "query"],
                   [p["name"] for p in parameters if p.get("in") == "path"])


def check(response, path: str, lang: str = "nl"):
    assert response.status_code < 500, (path, response.status_code, response.text[:300])
    for header in SECURITY_HEADERS:
        assert header in response.headers, (path, header)
    if response.status_code >= 400:
        if path.startswith("/api/"):
            body = response.json()
            assert body["error"] and body["status"] == response.status_code
        else:
            assert f'<html lang="{lang}"' in response.text
            assert "Traceback" not in response.text


@given(data=st.data())
@EXAMPLES
def test_every_get_endpoint_and_parameter(server, data):
    for path, names, in_path in get_endpoints():
        url = path
        for name in in_path:
            url = url.replace("{%s}" % name, requests.utils.quote(data.draw(anything, label=name), safe=""))
        params = {name: data.draw(anything, label=name) for name in names if data.draw(st.booleans())}
        params.update(data.draw(st.dictionaries(st.text(min_size=1, max_size=10), anything, max_size=2), label="extra"))
        check(requests.get(server.url + url, params=params, timeout=30), path)


@given(case_id=anything, lang=anything)
@EXAMPLES
def test_case_by_id(server, case_id, lang):
    response = requests.get(server.url + "/api/cases/" + requests.utils.quote(case_id, safe=""), params={"lang": lang}, timeout=30)
    check(response, "/api/cases/x")


@given(body=json_values)
@EXAMPLES
def test_wizard_takes_any_json(server, body):
    response = requests.post(server.url + "/api/wizard", json=body, timeout=30)
    check(response, "/api/wizard")


@given(raw=st.binary(max_size=300))
@EXAMPLES
def test_wizard_takes_any_bytes(server, raw):
    response = requests.post(server.url + "/api/wizard", data=raw, headers={"Content-Type": "application/json"}, timeout=30)
    check(response, "/api/wizard")


@given(query=anything, kind=anything, lang=st.sampled_from(["nl", "en"]))
@EXAMPLES
def test_search_page(server, query, kind, lang):
    path = "/zoeken/" if lang == "nl" else "/en/zoeken/"
    check(requests.get(server.url + path, params={"query": query, "type": kind}, timeout=30), path, lang)


@given(params=st.dictionaries(st.sampled_from(["outcome_measurable", "attributable", "months_to_outcome", "evidence",
                                               "provider_can_bear_risk", "urgency", "step", "x"]), anything, max_size=5),
       lang=st.sampled_from(["nl", "en"]))
@EXAMPLES
def test_wizard_pages(server, params, lang):
    path = "/keuzehulp/vragen/" if lang == "nl" else "/en/keuzehulp/vragen/"
    check(requests.get(server.url + path, params=params, timeout=30), path, lang)


@given(path=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=80))
@EXAMPLES
def test_any_path(server, path):
    lang = "en" if path.startswith("en/") else "nl"
    response = requests.get(server.url + "/" + requests.utils.quote(path), timeout=30)
    check(response, "/" + path, lang)
