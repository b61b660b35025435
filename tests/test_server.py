"""The service over real HTTP: every built page in both languages, health, errors, safety."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import requests

from tests.conftest import LiveServer


def test_every_built_page_is_served_in_both_languages(server, knowledge):
    for page in knowledge.pages:
        response = requests.get(server.url + page.url, timeout=10)
        assert response.status_code == 200, page.url
        assert f'<html lang="{page.lang}"' in response.text, page.url
        assert page.title.split()[0] in response.text


def test_language_switch_points_to_the_twin(server):
    html = requests.get(server.url + "/basis/spectrum/", timeout=10).text
    assert 'hreflang="en"' in html
    assert "/en/basis/spectrum/" in html


def test_healthz_reports_pages_and_build_time(server, knowledge):
    response = requests.get(server.url + "/healthz", timeout=10)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["pages"]["nl"] == len(knowledge.pages_in("nl"))
    assert body["pages"]["en"] == len(knowledge.pages_in("en"))
    assert body["pages"]["total"] == len(knowledge.pages)
    assert body["built_at"].startswith("20")


def test_directory_without_slash_redirects(server):
    response = requests.get(server.url + "/basis/spectrum", allow_redirects=False, timeout=10)
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/basis/spectrum/")


def test_unknown_page_is_a_404_page_in_the_right_language(server):
    for path, lang, title in [("/bestaat-niet/", "nl", "Pagina niet gevonden"),
                              ("/vormen/bestaat/ook/niet/", "nl", "Pagina niet gevonden"),
                              ("/en/does-not-exist/", "en", "Page not found")]:
        response = requests.get(server.url + path, timeout=10)
        assert response.status_code == 404, path
        assert f'<html lang="{lang}"' in response.text and title in response.text, path
        # Answered at the unknown address, its stylesheets must still resolve.
        base = re.search(r'<base href="([^"]+)">', response.text)[1]
        sheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', response.text)[1]
        assert requests.get(server.url + urljoin(base, sheet), timeout=10).status_code == 200


def test_path_traversal_never_leaves_the_site(server):
    for path in ["/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../../../etc/passwd",
                 "/en/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e%2fmanifest.json"]:
        response = requests.get(server.url + path, timeout=10)
        assert response.status_code in (400, 404), path
        assert "root:" not in response.text


def test_without_a_build_the_service_says_so(tmp_path):
    from server import create_app

    with LiveServer(create_app(tmp_path)) as live:
        health = requests.get(live.url + "/healthz", timeout=10)
        assert health.status_code == 503
        assert "kb build" in health.json()["problem"]
        page = requests.get(live.url + "/", timeout=10)
        assert page.status_code == 503
        assert "Traceback" not in page.text


def test_an_overlong_address_is_refused_with_headers_in_the_readers_language(server):
    for path, lang in [("/zoeken/", "nl"), ("/en/zoeken/", "en")]:
        response = requests.get(server.url + path, params={"query": "x" * 7500}, timeout=10)
        assert response.status_code == 414
        assert f'<html lang="{lang}"' in response.text
        assert "Content-Security-Policy" in response.headers and "X-Frame-Options" in response.headers
    # A 500-character query in any script is not overlong.
    response = requests.get(server.url + "/api/search", params={"q": "語" * 500}, timeout=10)
    assert response.status_code == 200


def test_an_unknown_api_path_is_a_json_404(server):
    response = requests.get(server.url + "/api/bestaat-niet", timeout=10)
    assert response.status_code == 404 and response.headers["Content-Type"].startswith("application/json")
    assert "does not exist" in response.json()["error"]
    dutch = requests.get(server.url + "/api/bestaat-niet", params={"lang": "nl"}, timeout=10).json()
    assert "bestaat niet" in dutch["error"]
