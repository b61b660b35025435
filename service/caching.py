"""Cache-Control on every answer, so a CDN or browser in front never falls back on its own defaults.

- probes (/healthz, /livez), errors and anything but GET/HEAD: never stored;
- dynamic answers (search, wizard, API): a short shared TTL; a release changes them at most that late;
- the built site: hashed asset names (Material's `main.57a0d79d.min.css`) are immutable; every other
  file (pages, `extra.css`, `tables.js`, `vendor/mermaid.min.js`, ...) is revalidated with its
  ETag / Last-Modified, so a new release never meets a day-old script.
deploy/nginx.conf.template applies the same rules where nginx serves the site itself.
"""
from __future__ import annotations

import re

from flask import Flask, request

NO_STORE = "no-store"
REVALIDATE = "no-cache"
SHORT = "public, max-age=60"
IMMUTABLE = "public, max-age=31536000, immutable"
PROBES = ("/healthz", "/livez")
# Material's fingerprinted bundles: name.<8+ hex>.min.js|css (and their source maps).
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)(?:\.map)?$")


def for_site_file(target: str) -> str:
    return IMMUTABLE if HASHED_ASSET.search(target) else REVALIDATE


def init_app(app: Flask) -> None:
    @app.after_request
    def cache_control(response):
        if request.path in PROBES or response.status_code >= 400 or request.method not in ("GET", "HEAD"):
            response.headers["Cache-Control"] = NO_STORE
        else:
            response.headers.setdefault("Cache-Control", SHORT)
        return response
