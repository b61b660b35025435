"""HTTP details from the second hardening round (issue 11), through the real app on a real build."""
from __future__ import annotations

import pytest

from server import create_app
from tests.conftest import client_for


@pytest.fixture(scope="module")
def app(build_dir):
    return create_app(build_dir)


@pytest.fixture(scope="module")
def client(app):
    return client_for(app)


# --- redirects never reflect the Host header; X-Forwarded-* only behind a configured proxy -----------

@pytest.mark.parametrize("path,expected", [("/zoeken", "/zoeken/"), ("/en/zoeken", "/en/zoeken/"),
                                           ("/vormen/sib", "/vormen/sib/"), ("/zoeken?query=sib", "/zoeken/?query=sib")])
def test_redirects_are_relative_whatever_the_host(client, path, expected):
    response = client.get(path, headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example",
                                         "X-Forwarded-Proto": "https"})
    assert response.status_code in (301, 308)
    assert response.headers["Location"] == expected


def scheme_seen(app, headers) -> str:
    if "scheme_probe" not in app.view_functions:
        from flask import request
        app.add_url_rule("/_probe/scheme", "scheme_probe", lambda: f"{request.scheme} {request.remote_addr}")
    return client_for(app).get("/_probe/scheme", headers=headers,
                                 environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_data(as_text=True)


def test_forwarded_headers_are_ignored_without_a_configured_proxy(build_dir, monkeypatch):
    monkeypatch.delenv("RESULTAATWIJZER_PROXY_HOPS", raising=False)
    app = create_app(build_dir)
    assert scheme_seen(app, {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}) == "http 127.0.0.1"


def test_forwarded_headers_count_only_the_configured_hops(build_dir, monkeypatch):
    monkeypatch.setenv("RESULTAATWIJZER_PROXY_HOPS", "1")
    app = create_app(build_dir)
    # The proxy appends the address it saw; a client's own X-Forwarded-For entry in front is not trusted.
    seen = scheme_seen(app, {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7, 203.0.113.9"})
    assert seen == "https 203.0.113.9"


# --- 405 carries Allow, OPTIONS tells the truth, the wizard API takes JSON only ----------------------

METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
SAMPLE = {"case_id": "sib-utrecht", "standard_id": "x", "id": "x", "path": "vormen/sib/"}


def every_path(app) -> list[str]:
    """One concrete path for every rule of the app, the site's catch-all included."""
    paths = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "scheme_probe"):
            continue
        path = rule.rule
        for argument in rule.arguments:
            path = path.replace(f"<{argument}>", SAMPLE.get(argument, "x"))
            for converter in ("path", "string", "int"):
                path = path.replace(f"<{converter}:{argument}>", SAMPLE.get(argument, "x"))
        paths.append(path)
    return sorted(set(paths))


def test_every_405_names_the_methods_that_do_answer(app, client):
    refused = 0
    for path in every_path(app):
        for method in METHODS:
            response = client.open(path, method=method, json={} if method in ("POST", "PUT", "PATCH") else None)
            response.close()
            if response.status_code != 405:
                continue
            refused += 1
            allow = [m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip()]
            assert allow, (method, path)
            assert method not in allow, (method, path, allow)
            for other in allow:
                answer = client.open(path, method=other, json={} if other == "POST" else None)
                answer.close()  # a site page is a file: close it, as a server would
                assert answer.status_code != 405, (path, other, allow)
    assert refused > 10  # the routes really were tried with methods they do not take


def test_options_lists_only_methods_that_answer(app, client):
    for path in every_path(app):
        response = client.options(path)
        allow = [m.strip() for m in response.headers.get("Allow", "").split(",") if m.strip()]
        assert "OPTIONS" in allow, path
        for method in allow:
            answer = client.open(path, method=method, json={} if method == "POST" else None)
            answer.close()
            assert answer.status_code != 405, (path, method, allow)
    assert client.options("/api/wizard").headers["Allow"] == "OPTIONS, POST"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/jsonx", "text/json"])
def test_the_wizard_api_takes_json_only(client, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/api/wizard", data=b'{"lang": "nl", "answers": {}}', headers=headers)
    assert response.status_code == 415
    body = response.get_json()
    assert body["status"] == 415 and "application/json" in body["error"]


def test_the_wizard_api_takes_json_with_a_charset(client):
    response = client.post("/api/wizard", data=b'{"lang": "nl", "answers": {}}',
                           headers={"Content-Type": "application/json; charset=utf-8"})
    assert response.status_code == 200


# --- explicit caching ---------------------------------------------------------------------------------

def cache_control(response) -> set[str]:
    return {part.strip() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


def max_age(response) -> int | None:
    ages = [int(part.split("=", 1)[1]) for part in cache_control(response) if part.startswith("max-age=")]
    return ages[0] if ages else None


@pytest.mark.parametrize("path", ["/healthz", "/livez"])
def test_probes_are_never_stored(client, path):
    assert "no-store" in cache_control(client.get(path))


@pytest.mark.parametrize("path", ["/api/search?q=sib", "/api/cases", "/api/standards", "/api/wizard/model",
                                  "/api/openapi.json", "/zoeken/?query=sib", "/en/zoeken/?query=sib",
                                  "/keuzehulp/vragen/", "/en/keuzehulp/vragen/"])
def test_dynamic_answers_have_a_short_explicit_ttl(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = cache_control(response)
    assert "no-cache" in policy or "no-store" in policy or 0 < (max_age(response) or 0) <= 300, policy


@pytest.mark.parametrize("path,method,body", [("/api/search?q=", "GET", None), ("/bestaat-niet/", "GET", None),
                                              ("/api/cases/bestaat-niet", "GET", None),
                                              ("/api/wizard", "POST", {"answers": {"x": 1}}),
                                              ("/api/wizard", "POST", {"answers": {}})])
def test_errors_and_posts_are_never_stored(client, path, method, body):
    assert "no-store" in cache_control(client.open(path, method=method, json=body))


def site_files(release, pattern: str) -> list[str]:
    return sorted("/" + p.relative_to(release / "site").as_posix() for p in (release / "site").glob(pattern))


def test_hashed_assets_are_immutable(client, release):
    hashed = site_files(release, "assets/**/*.min.js") + site_files(release, "assets/**/*.min.css")
    from service.caching import HASHED_ASSET
    hashed = [path for path in hashed if HASHED_ASSET.search(path)]
    assert len(hashed) >= 3  # Material's bundle, main and palette styles at least
    for path in hashed:
        response = client.get(path)
        assert response.status_code == 200
        assert {"immutable", "public"} <= cache_control(response) and max_age(response) >= 30 * 86400, path


@pytest.mark.parametrize("path", ["/assets/stylesheets/extra.css", "/assets/javascripts/search-setup.js",
                                  "/assets/javascripts/tables.js", "/assets/javascripts/vendor/mermaid.min.js",
                                  "/", "/vormen/sib/", "/search/search_index.json"])
def test_unhashed_files_are_revalidated(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "no-cache" in cache_control(response) and not max_age(response), path
    validator = response.headers.get("ETag")
    assert validator and response.headers.get("Last-Modified")
    again = client.get(path, headers={"If-None-Match": validator})
    assert again.status_code == 304


@pytest.mark.parametrize("host", ["", "a b", "x:99999", "evil/..", "evil.example/zoeken", '"', "a@b", "exé.com",
                                  "[::1]:80", "localhost"])
def test_redirects_are_relative_for_any_host_header(client, host):
    # Werkzeug turns an invalid Host into '', giving 'http:///zoeken/': a browser goes to host 'zoeken'.
    response = client.get("/zoeken", headers={"Host": host})
    assert response.headers["Location"] == "/zoeken/"
