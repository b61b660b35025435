"""The model and a result in one language, as plain data for the API and the pages."""
from __future__ import annotations

from kb.pages import page_url
from wizard.engine import Change, Result
from wizard.model import UNKNOWN, Model, Question

WORDS = {
    "nl": {"unknown": "Weet ik niet", "or_more": "of meer"},
    "en": {"unknown": "I don't know", "or_more": "or more"},
}


def unit(question: Question, number: int, lang: str) -> str:
    if number == 1 and question.unit_one:
        return question.unit_one[lang]
    return question.unit.get(lang, "")


def answer_label(question: Question, value, lang: str) -> str:
    if value == UNKNOWN or value is None:
        return question.label(UNKNOWN, lang) if UNKNOWN in question.values else WORDS[lang]["unknown"]
    if question.type == "number":
        return f"{value} {unit(question, value, lang)}".strip()
    return question.label(value, lang)


def range_label(question: Question, low: int, high: int | None, lang: str) -> str:
    if high is None:
        return f"{low} {unit(question, 2, lang)} {WORDS[lang]['or_more']}"
    if low == high:
        return f"{low} {unit(question, low, lang)}"
    return f"{low}–{high} {unit(question, high, lang)}"


def form_json(model: Model, form_id: str, lang: str) -> dict:
    form = model.form(form_id)
    return {"id": form.id, "title": form.name[lang], "url": form.url(lang)}


def sources_json(model: Model, ids) -> list[dict]:
    return [{"id": s, "title": model.sections[s]["title"]} for s in ids if s in model.sections]


def model_json(model: Model, lang: str) -> dict:
    questions = []
    for question in model.questions.values():
        item = {"id": question.id, "type": question.type, "text": question.text[lang], "help": question.help[lang]}
        if question.type == "number":
            item.update(min=question.min, max=question.max, unit=question.unit.get(lang))
        else:
            item["options"] = [{"value": o.value, "label": o.label[lang]} for o in question.options]
        item["default"] = question.default
        questions.append(item)
    return {
        "model_version": model.version,
        "lang": lang,
        "order": list(model.order),
        "questions": questions,
        "forms": [form_json(model, f.id, lang) for f in model.forms],
        "parameters": {k: {"value": v["value"], "label": v["label"][lang],
                           **({"note": v["note"][lang]} if v.get("note") else {})}
                       for k, v in model.parameters.items()},
    }


def _explained(model: Model, entry, lang: str) -> dict:
    return {"id": entry.id, "text": entry.text[lang], "url": entry.guidance.url(lang),
            "guidance": entry.guidance.titles[lang], "sources": sources_json(model, entry.sources)}


def change_json(model: Model, change: Change, answers: dict, lang: str) -> dict:
    question = model.questions[change.factor]
    if question.type == "number":
        label = range_label(question, change.low, change.high, lang)
    else:
        label = answer_label(question, change.value, lang)
    return {
        "factor": change.factor,
        "question": question.text[lang],
        "answer": {"value": answers[change.factor], "label": answer_label(question, answers[change.factor], lang)},
        "alternative": {"value": change.value, "label": label},
        "recommendation": form_json(model, change.form, lang),
    }


def result_json(model: Model, result: Result, lang: str) -> dict:
    rules = {r.id: r for r in model.rules}
    cautions = {c.id: c for c in model.cautions}
    cases = {c.id: c for c in model.cases}
    top = result.ranking[0]
    ranking = []
    for ranked in result.ranking:
        item = {**form_json(model, ranked.form, lang), "score": ranked.score}
        if ranked.form != result.recommendation:
            item["why_not"] = [{"id": r, "text": rules[r].text[lang], "url": rules[r].guidance.url(lang)}
                               for r in ranked.against_rules]
        ranking.append(item)
    return {
        "recommendation": {**form_json(model, result.recommendation, lang), "score": top.score},
        "ranking": ranking,
        "reasons": [{"label": rules[r].label[lang], **_explained(model, rules[r], lang)} for r in result.reasons],
        "cautions": [_explained(model, cautions[c], lang) for c in result.cautions],
        "would_change": [change_json(model, c, result.answers, lang) for c in result.would_change],
        "cases": [{"id": c, "name": cases[c].name[lang], "form": cases[c].form, "country": cases[c].country,
                   "country_name": cases[c].country_name[lang], "years": cases[c].years,
                   "url": _case_url(cases[c], lang)} for c in result.cases],
        "model_version": result.model_version,
        "lang": lang,
        "answers": {f: v for f, v in result.answers.items()},
        # "for": the reasons added points to the recommendation; "against": no answer did, and
        # the reasons are the answers that took points from the other forms.
        "reasons_kind": result.reasons_kind,
    }


def _case_url(case, lang: str) -> str | None:
    return page_url(case.stem, lang) if case.stem else None
