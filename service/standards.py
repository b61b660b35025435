"""GET /api/standards, /api/standards/<id> and /api/standards/<id>/<version>: the published
standards as JSON. Amounts are exact decimal strings with their currency; a frozen version
(adopted, superseded, withdrawn) carries the fingerprint a contract can cite.

Reads standards.json from the current release (written by `kb build` with the site), so the API
always says what the published pages say, and a rebuild is picked up without a restart.
"""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, request

from kb.standards import KINDS, STATUSES
from service import errors
from service.artefacts import ArtefactMissing, current_release

bp = Blueprint("standards", __name__)
LANGUAGES = ("nl", "en")


def _published() -> list[dict]:
    release = current_release()
    if release is None:
        abort(503, description="no published build: run 'kb build'")
    try:
        return release.data("standards.json")["standards"]
    except ArtefactMissing as error:
        abort(503, description=str(error))


def _choice(name: str, allowed: tuple, default: str | None = None) -> str | None:
    value = request.args.get(name, default)
    if value is not None and value not in allowed:
        raise ValueError(f"the parameter '{name}' is '{value}'; allowed values are: {', '.join(allowed)}")
    return value


def _version(version: dict, lang: str, text: bool = False) -> dict:
    found = {
        "version": version["version"], "status": version["status"], "owner": version["owner"],
        "adopted_by": version.get("adopted_by"), "decision": (version.get("decision") or {}).get(lang),
        "effective": version["effective"], "review": version["review"],
        "supersedes": version["supersedes"], "superseded_by": version["superseded_by"],
        "withdrawn_reason": (version.get("withdrawn_reason") or {}).get(lang),
        "consultation_url": version.get("consultation_url"),
        "changes": version["changes"][lang], "url": version["url"][lang],
        "fingerprint": version.get("fingerprint"), "history": version.get("history", []),
        "outcomes": [{"id": o["id"], "definition": o["definition"][lang], "evidence": o["evidence"][lang],
                      "price": o["price"], "cap": o["cap"], "illustrative": o["illustrative"]}
                     for o in version["outcomes"]],
    }
    if text:
        found["text"] = version.get("text", {}).get(lang)
    return found


def _summary(standard: dict, lang: str) -> dict:
    """A standard with its current version's details (the adopted one, else the newest)."""
    current = next(v for v in standard["versions"] if v["version"] == standard["current_version"])
    return {
        "id": standard["id"], "title": standard["title"][lang], "kind": standard["kind"],
        "status": current["status"], "version": current["version"], "owner": current["owner"],
        "effective": current["effective"], "review": current["review"], "example": standard["example"],
        "in_force_version": standard.get("in_force_version"),
        "url": standard["url"][lang], "api": f"/api/standards/{standard['id']}",
    }


@bp.get("/api/standards")
def list_standards():
    try:
        kind, status = _choice("kind", KINDS), _choice("status", STATUSES)
        lang = _choice("lang", LANGUAGES, "nl")
    except ValueError as error:
        return errors.error_response(400, str(error))
    found = [_summary(s, lang) for s in _published()]
    found = [s for s in found if (kind is None or s["kind"] == kind) and (status is None or s["status"] == status)]
    return jsonify({"lang": lang, "total": len(found), "standards": found})


def _standard(standard_id: str) -> dict | None:
    return next((s for s in _published() if s["id"] == standard_id), None)


@bp.get("/api/standards/<standard_id>")
def one_standard(standard_id: str):
    try:
        lang = _choice("lang", LANGUAGES, "nl")
    except ValueError as error:
        return errors.error_response(400, str(error))
    standard = _standard(standard_id)
    if standard is None:
        return errors.error_response(404, f"there is no standard '{standard_id}'; GET /api/standards lists them all")
    return jsonify({**_summary(standard, lang), "current_version": standard["current_version"],
                    "versions": [_version(v, lang) for v in standard["versions"]]})


@bp.get("/api/standards/<standard_id>/<number>")
def one_version(standard_id: str, number: str):
    """One version with its Markdown text, amounts and fingerprint: what a contract can cite."""
    try:
        lang = _choice("lang", LANGUAGES, "nl")
    except ValueError as error:
        return errors.error_response(400, str(error))
    standard = _standard(standard_id)
    if standard is None:
        return errors.error_response(404, f"there is no standard '{standard_id}'; GET /api/standards lists them all")
    version = next((v for v in standard["versions"] if v["version"] == number), None)
    if version is None:
        known = ", ".join(v["version"] for v in standard["versions"])
        return errors.error_response(404, f"'{standard_id}' has no published version '{number}'; its versions are: {known}")
    return jsonify({"id": standard["id"], "title": standard["title"][lang], "kind": standard["kind"],
                    "example": standard["example"], "lang": lang, **_version(version, lang, text=True)})
