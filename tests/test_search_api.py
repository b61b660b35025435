"""The search API and results page over real HTTP."""
from __future__ import annotations

import shutil

import pytest
import requests

from tests.conftest import LiveServer


def get(server, path, **params):
    return requests.get(server.url + path, params=params, timeout=10)


def test_answer_has_the_documented_shape(server):
    response = get(server, "/api/search", q="social impact bond")
    assert response.status_code == 200
    body = response.json()
    assert {"query", "lang", "total", "results", "took_ms"} <= set(body)
    assert body["lang"] == "nl" and body["query"] == "social impact bond"
    assert 1 <= len(body["results"]) <= 10
    for hit in body["results"]:
        assert {"title", "url", "snippet", "type", "lang", "score"} <= set(hit)
        assert hit["url"].startswith("/") and hit["lang"] == "nl"
    assert get(server, body["results"][0]["url"].split("#")[0]).status_code == 200


def test_limit_and_language(server):
    body = get(server, "/api/search", q="fund", lang="en", limit=3).json()
    assert len(body["results"]) == 3 and all(h["url"].startswith("/en/") for h in body["results"])
    assert len(get(server, "/api/search", q="resultaat", limit=50).json()["results"]) <= 50


@pytest.mark.parametrize("params, needle", [
    ({}, "'q'"),
    ({"q": "   "}, "'q'"),
    ({"q": "x" * 501}, "maximum is 500"),
    ({"q": "sib", "lang": "de"}, "nl, en"),
    ({"q": "sib", "limit": "ten"}, "'limit'"),
    ({"q": "sib", "limit": "0"}, "'limit'"),
    ({"q": "sib", "limit": "51"}, "1 to 50"),
    ({"q": "sib", "limit": "²"}, "'limit'"),
    ({"q": "sib", "limit": "١٢"}, "'limit'"),
    ({"q": "sib", "type": "poem"}, "allowed values are: "),
])
def test_bad_input_is_a_clear_400(server, params, needle):
    response = get(server, "/api/search", **params)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("application/json")
    assert needle in response.json()["error"]


@pytest.mark.parametrize("query", ['"', "sib AND OR NOT", "title:x", "((", "~~~", "*", "<script>alert(1)</script>"])
def test_query_language_characters_are_text(server, query):
    response = get(server, "/api/search", q=query)
    assert response.status_code == 200
    assert response.json()["query"] == query  # echoed as JSON data, never as markup
    assert all("<script" not in hit["snippet"] for hit in response.json()["results"])


def test_the_results_page_escapes_the_query(server):
    html = get(server, "/zoeken/", query="<script>alert(1)</script>").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_results_page_works_without_javascript(server):
    response = get(server, "/zoeken/", query="Ghana")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl"' in html and 'value="Ghana"' in html
    assert 'href="/landen/ghana/' in html and "<mark>Ghana</mark>" in html
    english = get(server, "/en/zoeken/", query="Ghana", type="country").text
    assert '<html lang="en"' in english and 'href="/en/landen/ghana/' in english
    assert 'option value="country" selected' in english


def test_results_page_says_did_you_mean(server):
    html = get(server, "/zoeken/", query="resultaatfinancering").text
    assert "resultaatfinanciering" in html and "dit zijn de resultaten voor" in html


def test_results_page_bad_input_is_a_readable_page(server):
    response = get(server, "/zoeken/", query="x" * 600)
    assert response.status_code == 400 and "hoogstens 500" in response.text and '<html lang="nl"' in response.text
    response = get(server, "/zoeken/", query="sib", type="gedicht")
    assert response.status_code == 400 and "De soort pagina “gedicht” bestaat niet" in response.text
    response = get(server, "/en/zoeken/", query="sib", type="poem")
    assert response.status_code == 400 and "no kind of page called “poem”" in response.text
    assert '<html lang="en"' in response.text


def _cut_segments_short(copy):
    for segment in (copy / "index").rglob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:64])


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_missing_or_corrupt_index_keeps_the_site_and_says_so(release, tmp_path, damage):
    from server import create_app

    broken = tmp_path / "build"
    copy = broken / "releases" / "r1"
    if damage == "missing":
        shutil.copytree(release, copy, ignore=shutil.ignore_patterns("index"))
    else:
        shutil.copytree(release, copy)
        _cut_segments_short(copy)
    (broken / "current").symlink_to(copy.relative_to(broken))
    with LiveServer(create_app(broken)) as live:
        assert requests.get(live.url + "/", timeout=10).status_code == 200
        health = requests.get(live.url + "/healthz", timeout=10).json()
        assert health["status"] == "degraded" and health["search"]["status"] == "unavailable"
        response = requests.get(live.url + "/api/search", params={"q": "sib"}, timeout=10)
        assert response.status_code == 503 and "search is unavailable" in response.json()["error"]
