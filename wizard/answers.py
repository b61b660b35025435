"""Reading answers: strictly from an API request (JSON), forgivingly from a page's query string.

The API accepts exactly the answers each question lists, and 'unknown' for every question, as
the pages do (their "I don't know" choice); a factor left out is unknown too. The pages keep
track of which questions the reader has answered.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.pages import LANGUAGES
from wizard.model import UNKNOWN, Model, Question

REQUEST_FIELDS = ("lang", "answers")
# One bound for numbers, in the API and on the pages (whose field takes at most 9 digits), for
# questions without a max of their own (issue 11: the API took 4,299 digits).
MAX_NUMBER = 999_999_999


class AnswerError(ValueError):
    """A request the wizard cannot answer; the message names the factor and what is allowed."""

    def __init__(self, message: str, factor: str | None = None, allowed=None):
        super().__init__(message)
        self.factor = factor
        self.allowed = allowed


def allowed(question: Question):
    if question.type == "number":
        return {"min": question.min, "max": question.max, "or": UNKNOWN}
    return list(question.values) + [UNKNOWN]


def describe_allowed(question: Question) -> str:
    if question.type == "number":
        if question.max is None:
            return f"a whole number of {question.min} or more (at most {MAX_NUMBER}), or 'unknown'"
        return f"a whole number from {question.min} to {question.max}, or 'unknown'"
    return "one of: " + ", ".join(question.values + (UNKNOWN,))


def from_json(model: Model, body) -> tuple[str, dict]:
    """The language and the answers of a POST /api/wizard body (already parsed from JSON)."""
    if not isinstance(body, dict):
        raise AnswerError('the body must be a JSON object such as {"lang": "nl", "answers": {"urgency": "normal"}}')
    for key in body:
        if key not in REQUEST_FIELDS:
            raise AnswerError(f"unknown field '{_clip(key)}'; allowed fields are: {', '.join(REQUEST_FIELDS)}",
                              factor=_clip(key), allowed=list(REQUEST_FIELDS))
    lang = body.get("lang", "nl")
    if lang not in LANGUAGES:
        raise AnswerError(f"'lang' is {_show(lang)}; allowed values are: {', '.join(LANGUAGES)}",
                          factor="lang", allowed=list(LANGUAGES))
    answers = body.get("answers", {})
    if not isinstance(answers, dict):
        raise AnswerError("'answers' must be a JSON object of factor: answer pairs, e.g. {\"urgency\": \"normal\"}",
                          factor="answers")
    return lang, {factor: check(model, factor, value) for factor, value in answers.items()}


def check(model: Model, factor, value):
    question = model.questions.get(factor)
    if question is None:
        raise AnswerError(f"unknown factor '{_clip(str(factor))}'; known factors are: {', '.join(model.questions)}",
                          factor=_clip(str(factor)), allowed=list(model.questions))
    if value == UNKNOWN:  # the pages accept "I don't know" for every question, so the API does too
        return value
    if question.type == "number":
        valid = isinstance(value, int) and not isinstance(value, bool)
        in_range = valid and question.min <= value <= (MAX_NUMBER if question.max is None else question.max)
    else:
        valid = isinstance(value, str)
        in_range = valid and value in question.values
    if not in_range:
        problem = "has the wrong type" if not valid else "is not allowed"
        raise AnswerError(f"the answer for '{factor}' is {_show(value)}, which {problem}; "
                          f"'{factor}' takes {describe_allowed(question)} (leave it out when unknown)",
                          factor=factor, allowed=allowed(question))
    return value


def _clip(text: str, most: int = 60) -> str:
    """A client's text as echoed in a message: never more than `most` characters."""
    return text if len(text) <= most else text[:most - 3] + "..."


def _show(value) -> str:
    text = repr(value) if isinstance(value, str) else _json_kind(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_kind(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)[:60]
    return "a list" if isinstance(value, list) else "an object"


@dataclass
class PageAnswers:
    answers: dict = field(default_factory=dict)   # factor -> answer ('unknown' included)
    invalid: dict = field(default_factory=dict)   # factor -> the text that could not be used

    @property
    def answered(self) -> list[str]:
        return list(self.answers)


def from_query(model: Model, args) -> PageAnswers:
    """Answers from a wizard page's URL, in the model's order; other parameters are ignored."""
    state = PageAnswers()
    for factor, question in model.questions.items():
        if factor not in args:
            continue
        raw = (args.get(factor) or "").strip()
        value = parse_text(question, raw)
        if value is None:
            state.invalid[factor] = raw
        else:
            state.answers[factor] = value
    return state


def parse_text(question: Question, raw: str):
    """One answer typed or chosen on a page; None when it cannot be used."""
    if raw == UNKNOWN:
        return UNKNOWN
    if question.type != "number":
        return raw if raw in question.values else None
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(MAX_NUMBER)):
        return None
    number = int(raw)
    if number < question.min or number > (MAX_NUMBER if question.max is None else question.max):
        return None
    return number
