"""One error handler for the whole service: JSON for API clients, a page for people.

Never a stack trace: unexpected errors are logged and answered with a plain 500.
"""
from __future__ import annotations

import re

from flask import Flask, jsonify, request
from werkzeug.exceptions import ClientDisconnected, HTTPException, InternalServerError

from service import shell
from service.artefacts import current_release

MESSAGES = {
    "nl": {
        400: ("Ongeldig verzoek", "Het verzoek klopt niet."),
        404: ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina."),
        405: ("Methode niet toegestaan", "Deze methode wordt hier niet ondersteund."),
        413: ("Verzoek te groot", "Het verzoek is groter dan is toegestaan."),
        415: ("Verkeerd soort inhoud", "Dit adres neemt alleen JSON aan (Content-Type: application/json)."),
        414: ("Adres te lang", "Het adres van deze pagina is te lang. Gebruik een kortere zoekvraag of begin opnieuw."),
        500: ("Er ging iets mis", "Er ging aan onze kant iets mis. Probeer het later opnieuw."),
        503: ("Tijdelijk niet beschikbaar", "De site is nog niet gebouwd of wordt bijgewerkt. Probeer het zo opnieuw."),
        "home": "Naar de startpagina",
    },
    "en": {
        400: ("Bad request", "The request is not valid."),
        404: ("Page not found", "This page does not exist (any more). Check the address or go to the home page."),
        405: ("Method not allowed", "This method is not supported here."),
        413: ("Request too large", "The request is larger than allowed."),
        415: ("Unsupported media type", "This address only takes JSON (Content-Type: application/json)."),
        414: ("Address too long", "The address of this page is too long. Use a shorter search or start again."),
        500: ("Something went wrong", "Something went wrong on our side. Please try again later."),
        503: ("Temporarily unavailable", "The site has not been built yet or is being updated. Please try again shortly."),
        "home": "Go to the home page",
    },
}


def request_language() -> str:
    if request.path.startswith("/en/") or request.path == "/en" or request.args.get("lang") == "en":
        return "en"
    return "nl"


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def wrong_method(detail: str, allow: str = "POST"):
    """A 405 for a GET on a POST-only API address, which the site's catch-all would answer with a 404."""
    response, status = error_response(405, detail)
    response.headers["Allow"] = allow
    return response, status


def error_response(status: int, detail: str | None = None):
    # People get their page's language; API clients get English (like the API's own messages)
    # unless they ask for Dutch with ?lang=nl.
    lang = (request.args.get("lang") if request.args.get("lang") in MESSAGES else "en") if wants_json() \
        else request_language()
    title, text = MESSAGES[lang].get(status, MESSAGES[lang][500] if status >= 500 else MESSAGES[lang][400])
    detail = truncated(_shorten_quoted(detail), 4 * MAX_ECHO) if detail else detail
    if wants_json():
        return jsonify({"error": detail or text, "status": status}), status
    if status == 404:
        page = _site_404(lang)
        if page is not None:
            return page, 404, {"Content-Type": "text/html; charset=utf-8"}
    home = "/en/" if lang == "en" else "/"
    from markupsafe import escape
    body = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)} – Resultaatwijzer</title></head><body><main>"
            f"<h1>{escape(title)}</h1><p>{escape(detail or text)}</p>"
            f'<p><a href="{home}">{MESSAGES[lang]["home"]}</a></p></main></body></html>')
    return body, status, {"Content-Type": "text/html; charset=utf-8"}


NOT_FOUND_PAGE = {"nl": "/niet-gevonden/", "en": "/en/niet-gevonden/"}


def _site_404(lang: str) -> str | None:
    """The built 'page not found' page (docs/niet-gevonden.*.md), in the site's own layout."""
    release = current_release()
    if release is None:
        return None
    url = NOT_FOUND_PAGE[lang]
    try:
        html = shell.read(release.site, url)
    except shell.ShellMissing:
        return None
    # It is answered at whatever address was asked for: <base> keeps its relative links working.
    return html.replace("<head>", f'<head><base href="{url}">', 1)


def _broken_framing() -> tuple[type, ...]:
    """What servers raise while the app reads a body whose framing is broken (a bad chunk size,
    a body that ends early): the client's fault, so a 400, not a 500 with a traceback."""
    kinds: list[type] = [ClientDisconnected]
    try:
        from gunicorn.http import errors as gunicorn_errors
        kinds += [gunicorn_errors.ParseException, gunicorn_errors.NoMoreData]
    except ImportError:  # another WSGI server: its errors stay 500s until added here
        pass
    return tuple(kinds)


BROKEN_FRAMING = _broken_framing()
MAX_ECHO = 200  # characters of a client's text repeated in an error message


def truncated(text: str, most: int = MAX_ECHO) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


_QUOTED = re.compile(r"(?<=\s)'([^']{61,})'(?=[;,.\s]|$)")


def _shorten_quoted(message: str) -> str:
    """Messages quote the client's value ("the filter 'country' is '…'"): at most 60 characters of it."""
    return _QUOTED.sub(lambda m: f"'{truncated(m[1], 60)}'", message)


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException):
        return error_response(error.code or 500, error.description if wants_json() and error.code != 404 else None)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        if isinstance(error, BROKEN_FRAMING):
            return error_response(400, "the request body is cut off or its chunked framing is not valid")
        app.logger.exception("unhandled error on %s", request.path)
        return error_response(InternalServerError.code)
