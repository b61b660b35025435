"""GET /healthz: is there a published build, and what is in it."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from service.artefacts import current_release

bp = Blueprint("health", __name__)


@bp.get("/livez")
def livez():
    """Liveness for a load balancer: the process answers. Does no work at all (also the
    baseline the benchmarks compare search against)."""
    return "ok\n", 200, {"Content-Type": "text/plain; charset=utf-8"}


@bp.get("/healthz")
def healthz():
    release = current_release()
    if release is None:
        return jsonify({"status": "unavailable", "problem": current_app.extensions["artefacts"].problem()}), 503
    manifest = release.manifest
    pages = dict(manifest.get("pages", {}))
    pages["total"] = sum(v for k, v in pages.items() if k != "total")
    search_problem = current_app.extensions["search"].problem()
    search = ({"status": "ok", "documents": manifest.get("index", {}).get("documents")}
              if search_problem is None else {"status": "unavailable", "problem": search_problem})
    # A release without the data the API and the wizard answer from is not healthy, however
    # well its pages are served.
    missing = release.missing()
    return jsonify({
        "status": "ok" if search_problem is None and not missing else "degraded",
        "missing": missing,
        "search": search,
        "built_at": manifest.get("built_at"),
        "release": release.path.name,
        "pages": pages,
    })
