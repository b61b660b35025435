"""Fill in deploy/nginx.conf.template: ports, paths and the headers from the service's own code.

    python deploy/render_nginx.py --listen 80 --upstream 127.0.0.1:8000 \\
        --site /srv/resultaatwijzer/build/current/site --runtime /var/lib/resultaatwijzer-nginx > nginx.conf

The security headers and cache policies come from service/security.py and service/caching.py,
so nginx and the app answer alike. Run gunicorn with RESULTAATWIJZER_PROXY_HOPS=1 behind it.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

DEPLOY = Path(__file__).resolve().parent
sys.path.insert(0, str(DEPLOY.parent))

from service import caching, security  # noqa: E402

TEMPLATE = DEPLOY / "nginx.conf.template"
ERROR_ROOT = DEPLOY / "errors"
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# What the app reads from a request; nginx passes nothing else, so gunicorn's header limits can
# never be reached through it (and a client's own X-Forwarded-* never arrive).
PASSED_HEADERS = {
    "Host": "$host",
    "Content-Type": "$content_type",
    "If-None-Match": "$http_if_none_match",
    "If-Modified-Since": "$http_if_modified_since",
    "Range": "$http_range",
    "If-Range": "$http_if_range",
    "X-Forwarded-For": "$remote_addr",   # replaces whatever the client sent: one trusted hop
    "X-Forwarded-Proto": "$scheme",
}
# nginx's own error page has no script and no style sheet.
ERROR_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


def _headers(headers: dict[str, str], indent: str = " " * 12) -> str:
    return "\n".join(f'{indent}add_header {name} "{value}" always;' for name, value in headers.items())


def _proxy(indent: str = " " * 12) -> str:
    lines = ["proxy_pass http://resultaatwijzer;", "proxy_http_version 1.1;",
             'proxy_set_header Connection "";', "proxy_pass_request_headers off;"]
    lines += [f"proxy_set_header {name} {value};" for name, value in PASSED_HEADERS.items()]
    lines += ["proxy_request_buffering on;   # the whole body first, then the worker",
              "proxy_buffering on;           # the whole answer, so slow readers hold no worker",
              "proxy_connect_timeout 5s;", "proxy_send_timeout 10s;",
              "proxy_read_timeout 35s;       # gunicorn's worker timeout is 30 s"]
    return "\n".join(indent + line for line in lines)


def values(*, listen: str, upstream: str, site: str | Path, runtime: str | Path, user: str | None = None,
           worker_processes: str = "auto", mime_types: str = "/etc/nginx/mime.types") -> dict[str, str]:
    static = {"Content-Security-Policy": security.csp([]), **security.STATIC_HEADERS, "Allow": "GET, HEAD"}
    errors = {"Content-Security-Policy": ERROR_CSP, **security.STATIC_HEADERS, "Cache-Control": caching.NO_STORE}
    return {
        "listen": str(listen), "upstream": upstream, "site": str(site), "runtime": str(runtime),
        "user": f"user {user};" if user else "# user: as whoever starts nginx",
        "worker_processes": str(worker_processes), "mime_types": mime_types, "error_root": str(ERROR_ROOT),
        "hashed_asset": caching.HASHED_ASSET.pattern, "immutable": caching.IMMUTABLE,
        "revalidate": caching.REVALIDATE, "static_headers": _headers(static), "error_headers": _headers(errors),
        "proxy": _proxy(),
    }


def render(**options) -> str:
    filled = values(**options)
    text = PLACEHOLDER.sub(lambda m: filled[m[1]], TEMPLATE.read_text(encoding="utf-8"))
    assert not PLACEHOLDER.search(text), PLACEHOLDER.search(text)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="80", help="address:port or port nginx listens on")
    parser.add_argument("--upstream", default="127.0.0.1:8000", help="where gunicorn listens")
    parser.add_argument("--site", required=True, help="the published site: BUILD_DIR/current/site")
    parser.add_argument("--runtime", required=True, help="a folder for nginx's pid, log and temporary files")
    parser.add_argument("--user", default=None, help="the user nginx's workers run as when started by root")
    parser.add_argument("--worker-processes", default="auto")
    parser.add_argument("--mime-types", default="/etc/nginx/mime.types")
    args = parser.parse_args(argv)
    sys.stdout.write(render(listen=args.listen, upstream=args.upstream, site=args.site, runtime=args.runtime,
                            user=args.user, worker_processes=args.worker_processes, mime_types=args.mime_types))
    return 0


if __name__ == "__main__":
    sys.exit(main())
