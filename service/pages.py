"""The built static site: Dutch at /, English at /en/.

Files are only ever read from inside the current release's site folder (`send_from_directory`
refuses anything that would leave it).
"""
from __future__ import annotations

from flask import Blueprint, abort, redirect, request, send_from_directory

from service import caching
from service.artefacts import current_release

bp = Blueprint("pages", __name__)


@bp.get("/", defaults={"path": ""})
@bp.get("/<path:path>")
def page(path: str):
    release = current_release()
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
    # send_from_directory adds ETag and Last-Modified and answers conditional requests with 304.
    response = send_from_directory(site, target)
    response.headers["Cache-Control"] = caching.for_site_file(target)
    return response


def _inside(root, candidate) -> bool:
    try:
        candidate.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False
