"""Security headers on every response. The service sets no cookies and stores nothing about users."""
from __future__ import annotations

from flask import Flask, abort, current_app, request
from service.artefacts import current_release


def content_security_policy() -> str:
    release = current_release()
    hashes = " ".join(release.manifest.get("csp_script_hashes", [])) if release else ""
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


# Longer addresses are refused by the app itself, so the refusal carries the headers below;
# gunicorn (--limit-request-line in the Makefile) only refuses what is far longer still.
MAX_URL = 7000  # a 500-character query in 4-byte UTF-8, percent-encoded, still fits


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_long_urls():
        if len(request.full_path) > MAX_URL:
            abort(414)

    @app.after_request
    def add_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", content_security_policy())
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        return response
