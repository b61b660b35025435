"""The decision wizard: GET /api/wizard/model, POST /api/wizard (JSON) and the pages
/keuzehulp/vragen/ and /en/keuzehulp/vragen/ (HTML, no JavaScript needed).

The decision model is compiled once per release from the inputs `kb build` wrote into it
(data/wizard.json). The pages keep every answer in the query string,
keyed by factor id, so a result can be bookmarked and shared.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, jsonify, redirect, render_template, request
from werkzeug.exceptions import ClientDisconnected

from kb.pages import LANGUAGES
from service import errors, shell
from wizard import answers as parse
from wizard import present
from wizard.engine import evaluate, next_question
from wizard.model import UNKNOWN, Model, ModelError, build_model
from service.artefacts import ArtefactMissing, Release, current_release

bp = Blueprint("wizard", __name__)
log = logging.getLogger("resultaatwijzer")

PAGE_PATHS = {"nl": "/keuzehulp/vragen/", "en": "/en/keuzehulp/vragen/"}


@lru_cache(maxsize=4)
def _compiled(release_path: Path) -> Model | str:
    """The model of one release, compiled once (a release never changes), or why it cannot be."""
    try:
        return build_model(Release(release_path, {}).data("data/wizard.json"))
    except (ModelError, ArtefactMissing) as error:
        problem = f"the decision model cannot be used: {error}. Run 'kb build'."
        log.error("Wizard unavailable: %s", problem)
        return problem


def _model() -> Model:
    release = current_release()
    if release is None:
        abort(503, description="no published build: run 'kb build'")
    model = _compiled(release.path)
    if isinstance(model, str):
        abort(503, description=model)
    return model


def _bad_request(error: parse.AnswerError):
    response, status = errors.error_response(400, str(error))
    body = response.get_json()
    if error.factor is not None:
        body["factor"] = error.factor
    if error.allowed is not None:
        body["allowed"] = error.allowed
    return jsonify(body), status


# --- the API -------------------------------------------------------------------------------

@bp.get("/api/wizard/model")
def api_model():
    lang = request.args.get("lang", "nl")
    if lang not in LANGUAGES:
        return _bad_request(parse.AnswerError(
            f"the parameter 'lang' is '{lang[:20]}'; allowed values are: {', '.join(LANGUAGES)}", "lang", list(LANGUAGES)))
    return jsonify(present.model_json(_model(), lang))


def _read_body() -> bytes:
    """The request body, at most MAX_CONTENT_LENGTH bytes; a larger one is answered with a 413.

    With a Content-Length, Werkzeug refuses a body that is too large before it is read. A body
    sent in chunks has no length: Werkzeug then cuts it off at the limit without saying so, so
    the service would answer the first 64 KB (a 400 or even a 200). So read one byte more than
    allowed from the server's stream and refuse the body when that byte arrives.
    """
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or request.max_content_length
    environ = request.environ
    if limit is None or request.content_length is not None or "wsgi.input_terminated" not in environ:
        return request.get_data(cache=False)  # beyond a declared MAX_CONTENT_LENGTH this raises a 413
    stream, chunks, size = environ["wsgi.input"], [], 0
    while size <= limit:
        try:
            chunk = stream.read(limit + 1 - size)
        except (OSError, ValueError):  # a broken chunk or a client that went away
            raise ClientDisconnected() from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        _drain(stream)
        abort(413)
    return b"".join(chunks)


def _drain(stream, most: int = 1024 * 1024) -> None:
    """Read (and drop) what the client is still sending, up to `most` bytes, so that it can read
    the 413 instead of a connection reset; a client that sends more is cut off."""
    try:
        while most > 0:
            chunk = stream.read(min(most, 64 * 1024))
            if not chunk:
                return
            most -= len(chunk)
    except (OSError, ValueError):
        return


@bp.post("/api/wizard")
def api_evaluate():
    model = _model()
    raw = _read_body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return _bad_request(parse.AnswerError(
            'the body is not valid JSON; send an object such as {"lang": "nl", "answers": {"urgency": "normal"}}'))
    try:
        lang, answers = parse.from_json(model, body)
    except parse.AnswerError as error:
        return _bad_request(error)
    return jsonify(present.result_json(model, evaluate(model, answers), lang))


@bp.get("/api/wizard")
def api_wrong_method():
    # Without this the site's catch-all route would answer GET with a 404.
    response, status = errors.error_response(
        405, "send the answers with POST as JSON; GET /api/wizard/model lists the questions")
    response.headers["Allow"] = "POST"
    return response, status


# --- the pages -----------------------------------------------------------------------------

@bp.get(PAGE_PATHS["nl"], defaults={"lang": "nl"})
@bp.get(PAGE_PATHS["en"], defaults={"lang": "en"})
def page(lang: str):
    release = current_release()
    if release is None:
        abort(503)
    model = _model()
    state = parse.from_query(model, request.args)
    submitted = request.args.get("from")  # the question whose form was sent
    ask = request.args.get("ask")         # a "change" link: show this question again

    if submitted in model.questions and submitted in state.answers and ask is None:
        # A question was answered: continue at the clean, shareable address of these answers.
        return redirect(_url(lang, state.answers), code=303)
    error_factor = submitted if submitted in model.questions and submitted not in state.answers else None
    error_factor = error_factor or next((f for f in model.questions if f in state.invalid), None)
    factor = error_factor or (ask if ask in model.questions else None) \
        or next_question(model, state.answers, state.answered)

    links = Links(lang, model, state.answers)
    summary = _summary(model, state.answers, lang, links)
    if factor is None:
        html, title = _result(model, state, lang, links, summary)
    else:
        html, title = _question(model, state, factor, error_factor, lang, links, summary)
    query = urlencode([(f, str(v)) for f, v in state.answers.items()] + ([("ask", ask)] if factor == ask else []))
    try:
        page_html = shell.render(release.site, request.path, html, title=title, query_string=query)
    except shell.ShellMissing:
        abort(503, description="the published site has no wizard page yet: run 'kb build'")
    return page_html, 400 if error_factor else 200


def _result(model, state, lang: str, links, summary) -> tuple[str, str]:
    data = present.result_json(model, evaluate(model, state.answers), lang)
    html = render_template("wizard/result.html", lang=lang, result=data, links=links, summary=summary)
    return html, ("Advies: " if lang == "nl" else "Advice: ") + data["recommendation"]["title"]


def _question(model, state, factor: str, error_factor, lang: str, links, summary) -> tuple[str, str]:
    question = model.questions[factor]
    html = render_template(
        "wizard/question.html", lang=lang, links=links, question=question, factor=factor,
        text=question.text[lang], help=question.help[lang], options=_options(question, lang),
        current=state.answers.get(factor), typed=state.invalid.get(factor, ""),
        error=_error_text(question, lang) if error_factor else None,
        hidden=[(f, v) for f, v in state.answers.items() if f != factor],
        step=1 + len([f for f in state.answers if f != factor]),
        unit=question.unit.get(lang, ""), summary=summary)
    return html, question.text[lang]


class Links:
    """Addresses within the wizard, all built from the same answers."""

    def __init__(self, lang: str, model, answers: dict):
        self.lang, self.model, self.answers = lang, model, answers

    @property
    def start(self) -> str:
        return PAGE_PATHS[self.lang]

    def change(self, factor: str) -> str:
        return _url(self.lang, self.answers, ask=factor)

    def answer(self, factor: str, value) -> str:
        return _url(self.lang, {**self.answers, factor: value})

    @property
    def back(self) -> str | None:
        if not self.answers:
            return None
        last = [f for f in self.model.questions if f in self.answers][-1]
        return _url(self.lang, {f: v for f, v in self.answers.items() if f != last})

    @property
    def model_page(self) -> str:
        return "/keuzehulp/model/" if self.lang == "nl" else "/en/keuzehulp/model/"


def _url(lang: str, answers: dict, ask: str | None = None) -> str:
    pairs = [(f, str(v)) for f, v in answers.items()] + ([("ask", ask)] if ask else [])
    return PAGE_PATHS[lang] + ("?" + urlencode(pairs) if pairs else "")


def _options(question, lang: str) -> list[dict]:
    """The choices on the page: the model's answers plus "I don't know" where it has none."""
    options = [{"value": o.value, "label": o.label[lang]} for o in question.options]
    if question.type == "choice" and UNKNOWN not in question.values:
        options.append({"value": UNKNOWN, "label": present.WORDS[lang]["unknown"]})
    return options


def _summary(model, answers: dict, lang: str, links: Links) -> list[dict]:
    return [{"factor": f, "question": q.text[lang], "answer": present.answer_label(q, answers[f], lang),
             "change": links.change(f)}
            for f, q in model.questions.items() if f in answers]


def _error_text(question, lang: str) -> str:
    if question.type != "number":
        return "Kies een van de antwoorden." if lang == "nl" else "Choose one of the answers."
    if lang == "nl":
        upper = f"tot en met {question.max}" if question.max is not None else "of meer"
        return f"Vul een heel getal in van {question.min} {upper}, of kies ‘Weet ik niet’."
    upper = f"to {question.max}" if question.max is not None else "or more"
    return f"Enter a whole number from {question.min} {upper}, or choose ‘I don't know’."
