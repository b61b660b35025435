"""The model and a result in one language, as plain data for the API and the pages."""
from __future__ import annotations

from kb.pages import page_url
from wizard.engine import CLEAR, CLOSE, UNDECIDED, Change, Result
from wizard.model import UNKNOWN, Model, Question

WORDS = {
    "nl": {"unknown": "Weet ik niet", "or_more": "of meer",
           "pays_when": "Wie betaalt wanneer", "risk": "Wie draagt het risico", "parties": "Welke partijen zijn nodig",
           "setup": "Hoeveel werk is het opzetten", "examples": "Voorbeelden",
           "confidence": {"clear": "Duidelijk advies", "close": "Twee vormen liggen dicht bij elkaar",
                          "undecided": "Nog niet te beslissen"}},
    "en": {"unknown": "I don't know", "or_more": "or more",
           "pays_when": "Who pays when", "risk": "Who carries the risk", "parties": "Which parties are needed",
           "setup": "How much work it is to set up", "examples": "Examples",
           "confidence": {"clear": "Clear advice", "close": "Two forms are close",
                          "undecided": "Not decidable yet"}},
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
        item["accepts_unknown"] = True
        if question.context:
            item["context"] = True
        if question.actionable is not None:
            item["actionable"] = {"towards": list(question.actionable.towards), "action": question.actionable.action[lang]}
        questions.append(item)
    return {
        "model_version": model.version,
        "lang": lang,
        "order": list(model.order),
        "questions": questions,
        "forms": [{**form_json(model, f.id, lang), "pays_for_results": f.level} for f in model.forms],
        "levels": {str(k): v[lang] for k, v in sorted(model.levels.items())},
        "confidence": {"close_margin": model.close_margin, "values": [CLEAR, CLOSE, UNDECIDED]},
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
    item = {
        "factor": change.factor,
        "question": question.text[lang],
        "answer": {"value": answers[change.factor], "label": answer_label(question, answers[change.factor], lang)},
        "alternative": {"value": change.value, "label": label},
        "recommendation": form_json(model, change.form, lang),
        "confidence": change.confidence,
    }
    if question.actionable is not None:
        item["action"] = question.actionable.action[lang]
    return item


def step_json(step, form_id: str, lang: str) -> dict:
    item = {"text": step.text[lang], "url": step.urls[lang].replace("{form}", form_id)}
    if step.titles:
        item["title"] = step.titles[lang]
    return item


def links_json(form_id: str | None, lang: str) -> dict:
    """The route page (issue 16) and the calculator (issue 14), linked from every result."""
    prefix = "/" if lang == "nl" else f"/{lang}/"
    links = {"route": f"{prefix}starten/", "calculator": f"{prefix}rekenhulp/"}
    if form_id:
        links["calculator"] += f"?form={form_id}"
    return links


ASPECTS = ("pays_when", "risk", "parties", "setup", "examples")


def comparison_json(model: Model, first: str, second: str, lang: str) -> dict | None:
    """The two forms side by side, from their profiles in kb/data/forms.yml."""
    forms = [model.form(first), model.form(second)]
    if not all(f.profile for f in forms):
        return None
    return {
        "forms": [form_json(model, f.id, lang) for f in forms],
        "rows": [{"aspect": aspect, "label": WORDS[lang][aspect], "values": [f.profile[aspect][lang] for f in forms]}
                 for aspect in ASPECTS],
        "sources": sources_json(model, dict.fromkeys(s for f in forms for s in f.profile_sources)),
    }


def find_out_json(model: Model, entry, lang: str) -> dict:
    question = model.questions[entry.factor]
    return {"factor": entry.factor, "question": question.text[lang], "shifts_level": entry.shifts_level,
            "forms": [form_json(model, f, lang) for f in entry.forms]}


def result_json(model: Model, result: Result, lang: str) -> dict:
    rules = {r.id: r for r in model.rules}
    cautions = {c.id: c for c in model.cautions}
    cases = {c.id: c for c in model.cases}
    top = result.ranking[0]
    advised = result.recommendation
    ranking = []
    for ranked in result.ranking:
        item = {**form_json(model, ranked.form, lang), "score": ranked.score,
                "pays_for_results": model.level(ranked.form)}
        if ranked.form != advised:
            item["why_not"] = [{"id": r, "text": rules[r].text[lang], "url": rules[r].guidance.url(lang)}
                               for r in ranked.against_rules]
        ranking.append(item)
    focus = advised or result.leader
    other = result.runner_up or result.ranking[1].form
    return {
        "recommendation": {**form_json(model, advised, lang), "score": top.score} if advised else None,
        "confidence": result.confidence,
        "confidence_text": WORDS[lang]["confidence"][result.confidence],
        "runner_up": form_json(model, result.runner_up, lang) if result.runner_up else None,
        "decides": [change_json(model, c, result.answers, lang) for c in result.decides],
        "find_out_first": [find_out_json(model, f, lang) for f in result.find_out_first],
        "ranking": ranking,
        "reasons": [{"label": rules[r].label[lang], **_explained(model, rules[r], lang)} for r in result.reasons],
        "risks": [{"label": rules[r].label[lang], **_explained(model, rules[r], lang)} for r in result.risks],
        "cautions": [_explained(model, cautions[c], lang) for c in result.cautions],
        "would_change": [change_json(model, c, result.answers, lang) for c in result.would_change],
        "next_steps": [step_json(s, advised, lang) for s in model.form(advised).next_steps] if advised else [],
        "comparison": comparison_json(model, focus, other, lang),
        "cases": [{"id": c, "name": cases[c].name[lang], "form": cases[c].form,
                   "form_title": model_form_name(model, cases[c].form, lang), "country": cases[c].country,
                   "country_name": cases[c].country_name[lang], "years": cases[c].years,
                   "same_policy_area": result.answers.get("policy_area") in cases[c].areas,
                   "url": _case_url(cases[c], lang)} for c in result.cases],
        "links": links_json(advised, lang),
        "model_version": result.model_version,
        "lang": lang,
        "answers": {f: v for f, v in result.answers.items()},
        # "for": the reasons added points to the leading form; "against": no answer did, and
        # the reasons are the answers that took points from the other forms.
        "reasons_kind": result.reasons_kind,
    }


def model_form_name(model: Model, form_id: str, lang: str) -> str:
    """A case's form by name: a wizard form's name, else the form id (hib, dib, programme)."""
    for form in model.forms:
        if form.id == form_id:
            return form.name[lang]
    return model.form_names.get(form_id, {}).get(lang, form_id)


def _case_url(case, lang: str) -> str | None:
    return page_url(case.stem, lang) if case.stem else None
