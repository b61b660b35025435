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


# --- issue 11: crafted input that used to answer 500 -----------------------------------------------
import json  # noqa: E402
import re  # noqa: E402

import pytest  # noqa: E402

from service.security import MAX_URL  # noqa: E402
from tests.servers import gunicorn, raw_request  # noqa: E402

REPLACEMENT_TEMPLATES = ["\\q", "\\1", "\\g<0>", "\\n", "a\nb", "\\", "\\\\g<1>", "$1 & \\0"]
regex_text = st.text(alphabet="\\^$.|?*+()[]{}<>gn0123456789-:=!&%", min_size=1, max_size=60)


@pytest.mark.parametrize("path,lang", [("/zoeken/", "nl"), ("/en/zoeken/", "en")])
@pytest.mark.parametrize("query", REPLACEMENT_TEMPLATES)
def test_results_page_title_takes_any_text(server, path, lang, query):
    # The reader's text was used as an re.sub replacement template: '\q' answered 500, '\n' broke <title>.
    response = requests.get(server.url + path, params={"query": query}, timeout=30)
    check(response, path, lang)
    title = re.search(r"<title>(.*?)</title>", response.text, re.S)[1]
    assert "\n" not in title
    from markupsafe import escape
    assert str(escape(" ".join(query.split()))) in title


@given(query=regex_text, lang=st.sampled_from(["nl", "en"]))
@EXAMPLES
def test_regex_metacharacters_in_every_text_parameter(server, query, lang):
    for path, names, in_path in get_endpoints():
        url = path
        for name in in_path:
            url = url.replace("{%s}" % name, requests.utils.quote(query, safe=""))
        check(requests.get(server.url + url, params={name: query for name in names}, timeout=30), path)
    for path in ("/zoeken/", "/en/zoeken/"):
        check(requests.get(server.url + path, params={"query": query, "type": query}, timeout=30), path,
              "en" if path.startswith("/en/") else "nl")


@pytest.mark.parametrize("length", [255, 256, 300, 1024, 4096, MAX_URL - 10])
@pytest.mark.parametrize("prefix", ["", "en/", "assets/", "vormen/"])
def test_path_segments_up_to_the_limit_are_not_found(server, prefix, length):
    # A segment longer than the file system's NAME_MAX (255) raised OSError: File name too long.
    path = "/" + prefix + "a" * (length - len(prefix) - 1)
    response = requests.get(server.url + path, timeout=30)
    check(response, path, "en" if prefix == "en/" else "nl")
    assert response.status_code == 404
    response = requests.get(server.url + path + "/", timeout=30)
    assert response.status_code in (404, 414)


@given(segments=st.lists(st.text(alphabet="abc.~-_", min_size=200, max_size=600), min_size=1, max_size=8))
@EXAMPLES
def test_long_nested_paths(server, segments):
    path = "/" + "/".join(segments)
    response = requests.get(server.url + requests.utils.quote(path), timeout=30)
    check(response, path)
    assert response.status_code in (404, 414)


def test_echoed_input_in_errors_is_truncated(server):
    # A 60 KB unknown key was echoed back whole, in the message and in 'factor'.
    key = "k" * 60_000
    for body in ({key: 1}, {"answers": {key: "yes"}}, {"lang": key}):
        response = requests.post(server.url + "/api/wizard", json=body, timeout=30)
        check(response, "/api/wizard")
        assert response.status_code == 400 and len(response.content) < 2_000, len(response.content)


def test_number_answers_have_the_same_bounds_in_the_api_and_the_pages(server):
    # The page took at most 9 digits; the API took 4,299.
    def page_accepts(value: str) -> bool:
        page = requests.get(server.url + "/keuzehulp/vragen/", params={"comparable_contracts": value}, timeout=30)
        assert page.status_code in (200, 400), page.status_code
        return page.status_code == 200  # an answer the page cannot use is a 400 with the question again

    def api_accepts(value: int) -> bool:
        response = requests.post(server.url + "/api/wizard", json={"answers": {"comparable_contracts": value}},
                                 timeout=30)
        assert response.status_code in (200, 400), response.status_code
        return response.status_code == 200

    for value in (1, 2, 999_999_999, 1_000_000_000, 10 ** 4298):
        assert api_accepts(value) == page_accepts(str(value)), value
    assert not api_accepts(10 ** 4298)


@pytest.fixture(scope="module")
def production(build_dir):
    with gunicorn(build_dir, workers=1) as (url, port):
        yield url, port


MALFORMED_CHUNKS = [b"zz\r\nabc\r\n0\r\n\r\n", b"-1\r\nabc\r\n0\r\n\r\n", b"3\r\nabcdef\r\n0\r\n\r\n",
                    b"ffffffffffffffffffff\r\nabc\r\n", b"3\r\nabc", b"3;\x00\r\nabc\r\n0\r\n\r\n"]


@pytest.mark.parametrize("chunks", MALFORMED_CHUNKS)
def test_malformed_chunked_bodies_get_a_400(production, chunks):
    # gunicorn raises InvalidChunkSize / NoMoreData while the app reads the body: it answered 500.
    _, port = production
    answer = raw_request(port, b"POST /api/wizard HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                               b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    assert status == 400, head
    assert json.loads(body)["status"] == 400
    assert b"Content-Security-Policy" in head


@pytest.mark.parametrize("path,params", [("/api/search", {"q": "sib", "lang": "x" * 6000}),
                                         ("/api/search", {"q": "sib", "limit": "9" * 6000}),
                                         ("/api/search", {"q": "sib", "type": "t" * 6000}),
                                         ("/zoeken/", {"query": "sib", "type": "t" * 6000}),
                                         ("/api/cases", {"country": "c" * 6000}),
                                         ("/api/standards", {"kind": "k" * 6000, "status": "s" * 6000})])
def test_echoed_parameters_are_truncated(server, path, params):
    response = requests.get(server.url + path, params=params, timeout=30)
    check(response, path)
    if response.status_code >= 400:
        echoed = response.text if not path.startswith("/api/") else response.json()["error"]
        assert "x" * 300 not in echoed and "9" * 300 not in echoed and "t" * 300 not in echoed
        assert "c" * 300 not in echoed and "k" * 300 not in echoed and "s" * 300 not in echoed
