"""Search: GET /api/search (JSON) and the results page /zoeken/ and /en/zoeken/ (HTML, no JS needed)."""
from __future__ import annotations

import logging
import re
import threading
from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, has_request_context, jsonify, render_template, request

from search.engine import IndexUnavailable, SearchIndex
from service import errors, shell
from service.artefacts import current_release

bp = Blueprint("search", __name__)
log = logging.getLogger("resultaatwijzer")

MAX_QUERY = 500
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
LANGUAGES = ("nl", "en")


class BadRequest(ValueError):
    """A message for API clients (English); `problem` and `details` let a page say it in its own words."""

    def __init__(self, message: str, problem: str = "", **details):
        super().__init__(message)
        self.problem, self.details = problem, details


# What the results page says, in the reader's language, for the problems a person can cause there.
READER_MESSAGES = {
    "nl": {"too_long": "Uw zoekopdracht is {length} tekens lang. Gebruik er hoogstens {maximum}.",
           "type": "De soort pagina “{value}” bestaat niet. Kies een soort uit de lijst."},
    "en": {"too_long": "Your search is {length} characters long. Use at most {maximum}.",
           "type": "There is no kind of page called “{value}”. Choose one from the list."},
}


class Indexes:
    """The search index of the current release, opened once per release and per process."""

    def __init__(self, artefacts):
        self.artefacts = artefacts
        self._lock = threading.Lock()
        self._opened: dict = {}

    def current(self) -> SearchIndex:
        release = current_release() if has_request_context() else self.artefacts.release()
        if release is None:
            raise IndexUnavailable("no published build: run 'kb build'")
        index = self._opened.get(release.path)
        if index is None:
            with self._lock:
                index = self._opened.get(release.path)
                if index is None:
                    index = SearchIndex(release.index)
                    # Keep the newest two: requests still running on the previous one finish there.
                    self._opened = {**dict(list(self._opened.items())[-1:]), release.path: index}
        return index

    def problem(self) -> str | None:
        try:
            self.current()
            return None
        except IndexUnavailable as error:
            return str(error)


def init_app(app) -> None:
    indexes = Indexes(app.extensions["artefacts"])
    app.extensions["search"] = indexes
    problem = indexes.problem()
    if problem:
        log.error("Search is unavailable: %s. The site is still served; run 'kb build' to fix.", problem)


def parse_params(args) -> dict:
    query = (args.get("q") or "").strip()
    if not query:
        raise BadRequest("the parameter 'q' (what to search for) is required and may not be empty")
    if len(query) > MAX_QUERY:
        raise BadRequest(f"the parameter 'q' is {len(query)} characters long; the maximum is {MAX_QUERY}",
                         "too_long", length=len(query), maximum=MAX_QUERY)
    lang = args.get("lang", "nl")
    if lang not in LANGUAGES:
        raise BadRequest(f"the parameter 'lang' is '{errors.truncated(lang, 60)}'; allowed values are: {', '.join(LANGUAGES)}")
    raw_limit = args.get("limit", str(DEFAULT_LIMIT))
    # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
    if not re.fullmatch(r"[0-9]{1,3}", raw_limit) or not 1 <= int(raw_limit) <= MAX_LIMIT:
        raise BadRequest(f"the parameter 'limit' is '{errors.truncated(raw_limit, 60)}'; it must be a whole number from 1 to {MAX_LIMIT}")
    return {"q": query, "lang": lang, "limit": int(raw_limit), "type": args.get("type") or None}


def _check_type(index: SearchIndex, params: dict) -> None:
    allowed = index.types[params["lang"]]
    if params["type"] and params["type"] not in allowed:
        shown = errors.truncated(params["type"], 60)  # echoed input stays short
        raise BadRequest(f"the parameter 'type' is '{shown}'; allowed values are: {', '.join(allowed)}",
                         "type", value=shown)


def _index_or_503():
    try:
        return current_app.extensions["search"].current()
    except IndexUnavailable as error:
        abort(503, description=f"search is unavailable: {error}")


@bp.get("/api/search")
def api_search():
    try:
        params = parse_params(request.args)
        index = _index_or_503()
        _check_type(index, params)
    except BadRequest as error:
        return errors.error_response(400, str(error))
    results = index.search(params["q"], params["lang"], params["limit"], params["type"])
    return jsonify({
        "query": results.query,
        "lang": results.lang,
        "total": results.total,
        "results": [{"title": h.title, "section": h.heading, "url": h.url, "snippet": h.snippet,
                     "type": h.type, "lang": h.lang, "score": h.score, "status": h.status} for h in results.hits],
        "did_you_mean": results.did_you_mean,
        "corrected": results.corrected,
        "took_ms": results.took_ms,
    })


@bp.get("/zoeken/", defaults={"lang": "nl"})
@bp.get("/en/zoeken/", defaults={"lang": "en"})
def results_page(lang: str):
    release = current_release()
    if release is None:
        abort(503)
    # The page takes `query`, not `q`: Material's header search opens itself on a `q` parameter.
    args = {"q": request.args.get("query", ""), "type": request.args.get("type", ""), "lang": lang}
    error, results, index = None, None, None
    if (args.get("q") or "").strip():
        try:
            params = parse_params(args)
            index = _index_or_503()
            _check_type(index, params)
            results = index.search(params["q"], lang, params["limit"], params["type"])
        except BadRequest as problem:
            words = READER_MESSAGES[lang].get(problem.problem)
            error = words.format(**problem.details) if words else str(problem)
    if index is None:
        try:
            index = current_app.extensions["search"].current()
        except IndexUnavailable:
            error = error or errors.MESSAGES[lang][503][1]
    query = (request.args.get("query") or "").strip()[:MAX_QUERY]
    selected_type = request.args.get("type") or ""
    html = render_template(
        "search/results.html", lang=lang, query=query, results=results, error=error,
        types=index.types[lang] if index else [], selected_type=selected_type,
        correction_url=_url(lang, results.did_you_mean, selected_type) if results and results.did_you_mean else None)
    title = f"{query} – {'Zoeken' if lang == 'nl' else 'Search'}" if query else None
    # The language switch keeps the search; an unknown type is not carried along (nor echoed whole).
    kept = {"query": query, "type": selected_type if index and selected_type in index.types[lang] else ""}
    page = shell.render(release.site, request.path, html, title=title,
                        query_string=urlencode({k: v for k, v in kept.items() if v}))
    return page, (400 if error and results is None and query else 200)


def _url(lang: str, query: str, page_type: str) -> str:
    path = "/en/zoeken/" if lang == "en" else "/zoeken/"
    return path + "?" + urlencode({k: v for k, v in (("query", query), ("type", page_type)) if v})
