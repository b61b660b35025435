"""HTTP details from the second hardening round (issue 11), through the real app on a real build."""
from __future__ import annotations

import pytest

from server import create_app


@pytest.fixture(scope="module")
def app(build_dir):
    return create_app(build_dir)


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


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
    return app.test_client().get("/_probe/scheme", headers=headers,
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
