"""Security headers on every response. The service sets no cookies and stores nothing about users."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from service.artefacts import current_release


def content_security_policy() -> str:
    release = current_release()
    return csp(release.manifest.get("csp_script_hashes", []) if release else [])


def csp(script_hashes) -> str:
    """The policy for this origin; `script_hashes` allow the built pages' own inline scripts.
    deploy/render_nginx.py uses it without hashes for the files nginx serves itself."""
    hashes = " ".join(script_hashes)
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {hashes}".strip(),
        # Material and Mermaid set inline styles (Mermaid inside the diagrams' shadow roots).
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


# The headers every answer carries; nginx adds the same to the answers it makes itself.
STATIC_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


# Longer addresses are refused by the app itself, so the refusal carries the headers below;
# gunicorn (--limit-request-line in the Makefile) only refuses what is far longer still.
MAX_URL = 7000  # a 500-character query in 4-byte UTF-8, percent-encoded, still fits


def trust_proxy(app: Flask) -> None:
    """Read X-Forwarded-For/-Proto only when the service is configured to run behind that many
    proxies (RESULTAATWIJZER_PROXY_HOPS=1 behind deploy/nginx.conf.template); otherwise any
    client could claim another scheme or address."""
    hops = int(app.config.get("PROXY_HOPS") or os.environ.get("RESULTAATWIJZER_PROXY_HOPS") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0, x_port=0, x_prefix=0)


def relative_location(response) -> None:
    """Redirects never name a host: Werkzeug's slash redirects ('/zoeken' -> '/zoeken/') are built
    from the Host header, which the client chooses."""
    location = response.headers.get("Location")
    if not location:
        return
    parts = urlsplit(location)
    # The service never sends anyone to another site, so any absolute address is made relative
    # (an invalid Host even yields 'http:///zoeken/', which browsers read as host 'zoeken').
    if parts.scheme in ("http", "https") or location.startswith("//"):
        path = parts.path if parts.path.startswith("/") and not parts.path.startswith("//") else "/"
        response.headers["Location"] = path + (f"?{parts.query}" if parts.query else "") \
            + (f"#{parts.fragment}" if parts.fragment else "")


# Routes that exist only to answer 405 with a helpful message (GET /api/wizard): not "allowed".
METHOD_REFUSERS = {"wizard.api_wrong_method", "calculator.api_wrong_method"}
# Endpoints whose body must be JSON: anything else is a 415 before the body is read.
JSON_ONLY = {"wizard.api_evaluate", "calculator.api_calculate"}


def allowed_methods(path: str) -> list[str]:
    """The methods that really answer at `path` (RFC 9110: what Allow on a 405 and OPTIONS list)."""
    adapter = current_app.url_map.bind("localhost")
    allowed = []
    for method in adapter.allowed_methods(path):
        try:
            endpoint, _ = adapter.match(path, method=method)
        except Exception:  # a redirect or no match for this method: not answered here as it stands
            continue
        if endpoint not in METHOD_REFUSERS:
            allowed.append(method)
    if "GET" not in allowed and "HEAD" in allowed:
        allowed.remove("HEAD")
    return sorted(set(allowed) | {"OPTIONS"})


def refuse_non_json():
    if request.method == "POST" and request.endpoint in JSON_ONLY and request.mimetype != "application/json":
        from service import errors
        given = (request.mimetype or "none")[:60]
        return errors.error_response(415, f"the body must be JSON sent with 'Content-Type: application/json' "
                                          f"(this request's Content-Type is '{given}')")
    return None


def init_app(app: Flask) -> None:
    trust_proxy(app)
    app.response_class.autocorrect_location_header = False  # Werkzeug's default; relied upon here

    @app.before_request
    def refuse_long_urls():
        if len(request.full_path) > MAX_URL:
            abort(414)

    app.before_request(refuse_non_json)

    @app.after_request
    def add_headers(response):
        relative_location(response)
        if response.status_code == 405 or (request.method == "OPTIONS" and "Allow" in response.headers):
            response.headers["Allow"] = ", ".join(allowed_methods(request.path))
        headers = response.headers
        headers.setdefault("Content-Security-Policy", content_security_policy())
        for name, value in STATIC_HEADERS.items():
            headers.setdefault(name, value)
        return response
