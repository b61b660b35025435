"""The built static site: Dutch at /, English at /en/.

Files are only ever read from inside the current release's site folder (`send_from_directory`
refuses anything that would leave it).
"""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, request, send_from_directory

bp = Blueprint("site", __name__)

# Fingerprint-free assets change only with a new release; a day of caching is safe enough.
ASSET_MAX_AGE = 86400


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def page(path: str):
    release = current_app.extensions["artefacts"].release()
    if release is None:
        abort(503)
    try:
        return _serve(release.site, path)
    except OSError:  # e.g. a name longer than the file system allows: no such page
        abort(404)


def _serve(site, path: str):
    if path == "" or path.endswith("/"):
        target = path + "index.html"
    else:
        target = path
        candidate = site / path
        if _inside(site, candidate) and candidate.is_dir():
            query = f"?{request.query_string.decode('latin-1')}" if request.query_string else ""
            return redirect(f"/{path}/{query}", code=308)
    max_age = ASSET_MAX_AGE if target.startswith(("assets/", "en/assets/")) else 0
    response = send_from_directory(site, target, max_age=max_age)
    if max_age == 0:
        response.headers["Cache-Control"] = "no-cache"
    return response


def _inside(root, candidate) -> bool:
    try:
        candidate.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False
