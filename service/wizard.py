"""The decision wizard: GET /api/wizard/model, POST /api/wizard (JSON) and the pages
/keuzehulp/vragen/ and /en/keuzehulp/vragen/ (HTML, no JavaScript needed).

The decision model is compiled once per release from the inputs `kb build` wrote into it
(data/wizard.json). The pages keep every answer in the query string,
keyed by factor id, so a result can be bookmarked and shared.
"""
from __future__ import annotations

import json
import logging
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request
from markupsafe import Markup

from kb.pages import LANGUAGES
from service import bodies, errors, shell
from service.artefacts import ArtefactMissing, Release, current_release
from wizard import answers as parse
from wizard import present
from wizard.engine import evaluate, next_question
from wizard.model import UNKNOWN, Model, ModelError, build_model

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


def published_model() -> Model | None:
    """The model of the release this request is served from, or None when there is none."""
    release = current_release()
    model = _compiled(release.path) if release is not None else None
    return model if isinstance(model, Model) else None


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


@bp.post("/api/wizard")
def api_evaluate():
    model = _model()
    raw = bodies.read_body()
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
    return errors.wrong_method("send the answers with POST as JSON; GET /api/wizard/model lists the questions")


# --- the pages -----------------------------------------------------------------------------
#
# Query parameters besides the answers (factor=value):
#   start=1      the first question (without it and without answers: the start page)
#   ask=<factor> show that question again, its current answer selected (back and change links)
#   then=result  after answering, return to the result (a change made from the result)
#   then=next    after answering, show the next question already answered (walking back and forth)
#   show=result  the result now, even with questions left (they are listed, "answer anyway")
#   from=<factor> the question whose form was sent
#   format=md    the result as a Markdown note to download

NAV = ("start", "then", "show")
TOP = "<!-- rw:top -->"  # where the wizard's own content starts; the page's H1 and intro go


@bp.get(PAGE_PATHS["nl"], defaults={"lang": "nl"})
@bp.get(PAGE_PATHS["en"], defaults={"lang": "en"})
def page(lang: str):
    release = current_release()
    if release is None:
        abort(503)
    model = _model()
    state = parse.from_query(model, request.args)
    submitted = request.args.get("from")  # the question whose form was sent
    ask = request.args.get("ask")         # a back or change link: show this question again
    ask = ask if ask in model.questions else None
    then = request.args.get("then") if request.args.get("then") in ("result", "next") else None
    show_result = request.args.get("show") == "result"

    if submitted in model.questions and submitted in state.answers and ask is None:
        # A question was answered: continue at the clean, shareable address of these answers.
        return redirect(_after_answer(lang, model, state.answers, submitted, then), code=303)
    error_factor = submitted if submitted in model.questions and submitted not in state.answers else None
    error_factor = error_factor or next((f for f in model.questions if f in state.invalid), None)
    start_page = not state.answers and not state.invalid and not ask and not submitted \
        and not request.args.get("start") and not show_result
    factor = error_factor or ask or (None if show_result or start_page
                                     else next_question(model, state.answers, state.answered))
    links = Links(lang, model, state.answers, then=then, show_result=show_result)
    summary = _summary(model, state.answers, lang, links)
    if start_page:
        html, title = _start(model, lang, links), None
    elif factor is None:
        data = present.result_json(model, evaluate(model, state.answers), lang)
        if request.args.get("format") == "md":
            return _markdown_download(model, data, state, lang, links)
        html, title = _result(model, data, state, lang, links, summary)
    else:
        html, title = _question(model, state, factor, error_factor, lang, links, summary, then)
    keep = [(f, str(v)) for f, v in state.answers.items()]
    keep += [("ask", ask)] if ask and factor == ask else []
    keep += [(k, request.args[k]) for k in NAV if k in request.args and request.args[k] in ("1", "result", "next")]
    try:
        page_html = shell.render(release.site, request.path, Markup(TOP + html if not start_page else html),
                                 title=title, query_string=urlencode(keep))
    except shell.ShellMissing:
        abort(503, description="the published site has no wizard page yet: run 'kb build'")
    if not start_page:
        # The question (or the outcome) is the page's H1: the built page's own heading and intro go.
        page_html = re.sub(r"<h1\b.*?" + re.escape(TOP), "", page_html, count=1, flags=re.S)
    return page_html, 400 if error_factor else 200


def _after_answer(lang: str, model, answers: dict, submitted: str, then: str | None) -> str:
    if then == "result":
        return _url(lang, answers, show="result")
    if then == "next":
        later = [f for f in model.questions if f in answers and model.order.index(f) > model.order.index(submitted)]
        if later:
            return _url(lang, answers, ask=later[0], then="next")
    return _url(lang, answers)


def _start(model, lang: str, links) -> str:
    return render_template("wizard/start.html", lang=lang, links=links, count=len(model.questions))


def _result(model, data: dict, state, lang: str, links, summary) -> tuple[str, str]:
    skipped = [{"factor": f, "question": q.text[lang], "link": links.change(f, then="result")}
               for f, q in model.questions.items() if f not in state.answers]
    html = render_template("wizard/result.html", lang=lang, result=data, links=links, summary=summary,
                           skipped=skipped, heading=_outcome(data, lang), today=date.today().isoformat(),
                           address=links.shareable(request.url_root))
    return html, _outcome(data, lang)


def _outcome(data: dict, lang: str) -> str:
    """The result's H1: the outcome in words (never points)."""
    if data["confidence"] == "undecided":
        return "Nog niet te beslissen" if lang == "nl" else "Not decidable yet"
    title = data["recommendation"]["title"]
    if data["confidence"] == "close":
        other = data["runner_up"]["title"]
        return (f"Advies: {title} en {other} liggen dicht bij elkaar" if lang == "nl"
                else f"Advice: {title} and {other} are close")
    return ("Advies: " if lang == "nl" else "Advice: ") + title


def _question(model, state, factor: str, error_factor, lang: str, links, summary, then) -> tuple[str, str]:
    question = model.questions[factor]
    answered_before = [f for f in model.order[: model.order.index(factor)] if f in state.answers]
    html = render_template(
        "wizard/question.html", lang=lang, links=links, question=question, factor=factor,
        text=question.text[lang], help=question.help[lang], options=_options(question, lang),
        current=state.answers.get(factor), typed=state.invalid.get(factor, ""),
        error=_error_text(question, lang) if error_factor else None,
        hidden=[(f, v) for f, v in state.answers.items() if f != factor],
        then=then or ("next" if links.later_answered(factor) else None),
        back=links.back_from(factor), step=1 + len(answered_before),
        unit=question.unit.get(lang, ""), summary=summary)
    title = question.text[lang]
    if error_factor:
        title = ("Fout: " if lang == "nl" else "Error: ") + title
    return html, title


class Links:
    """Addresses within the wizard, all built from the same answers."""

    def __init__(self, lang: str, model, answers: dict, then: str | None = None, show_result: bool = False):
        self.lang, self.model, self.answers = lang, model, answers
        self.then, self.show_result = then, show_result

    @property
    def start(self) -> str:
        return PAGE_PATHS[self.lang]

    @property
    def first(self) -> str:
        return PAGE_PATHS[self.lang] + "?start=1"

    def change(self, factor: str, then: str = "result") -> str:
        return _url(self.lang, self.answers, ask=factor, then=then)

    def answer(self, factor: str, value) -> str:
        """These answers with one changed; on a change made from the result, back to the result."""
        return _url(self.lang, {**self.answers, factor: value}, show="result" if self.then == "result" else None)

    @property
    def result(self) -> str:
        return _url(self.lang, self.answers, show="result" if self.show_result else None)

    def later_answered(self, factor: str) -> bool:
        order = self.model.order
        return any(f in self.answers and order.index(f) > order.index(factor) for f in order)

    def back_from(self, factor: str | None) -> str | None:
        """Back keeps every answer: to the result for a change made there, else to the question
        answered just before this one (its answer selected), else to the start page."""
        if factor is not None and self.then == "result":
            return _url(self.lang, self.answers, show="result")
        order = self.model.order
        end = order.index(factor) if factor is not None else len(order)
        before = [f for f in order[:end] if f in self.answers]
        if before:
            return _url(self.lang, self.answers, ask=before[-1], then="next")
        return PAGE_PATHS[self.lang]

    @property
    def back(self) -> str | None:
        return self.back_from(None) if self.answers else None

    @property
    def model_page(self) -> str:
        return "/keuzehulp/model/" if self.lang == "nl" else "/en/keuzehulp/model/"

    def download(self) -> str:
        return _url(self.lang, self.answers, show="result" if self.show_result else None, format="md")

    def shareable(self, root: str) -> str:
        return root.rstrip("/") + self.result


def _url(lang: str, answers: dict, ask: str | None = None, **extra) -> str:
    pairs = [(f, str(v)) for f, v in answers.items()] + ([("ask", ask)] if ask else [])
    pairs += [(k, v) for k, v in extra.items() if v]
    return PAGE_PATHS[lang] + ("?" + urlencode(pairs) if pairs else "")


def _options(question, lang: str) -> list[dict]:
    """The choices on the page: the model's answers plus "I don't know"."""
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


def _markdown_download(model, data: dict, state, lang: str, links: Links):
    text = render_template("wizard/result.md", lang=lang, r=data, heading=_outcome(data, lang),
                           summary=_summary(model, state.answers, lang, links),
                           skipped=[q.text[lang] for f, q in model.questions.items() if f not in state.answers],
                           address=links.shareable(request.url_root), today=date.today().isoformat(),
                           root=request.url_root.rstrip("/"))
    name = "keuzehulp-advies.md" if lang == "nl" else "wizard-advice.md"
    return Response(text, mimetype="text/markdown", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Content-Type": "text/markdown; charset=utf-8"})
