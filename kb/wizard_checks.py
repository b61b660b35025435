"""The wizard model's checks beyond the schema and kb/checks.py's check_wizard (model 2.0):
policy areas, context and actionable questions, levels and next steps. Each Problem names the
line in kb/data/wizard.yml an editor has to fix."""
from __future__ import annotations

from kb.messages import say
from kb.pages import LANGUAGES
from kb.problems import Problem


def _entries(model, key: str) -> list:
    value = model.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def check_wizard_extras(kb, model, file: str) -> list[Problem]:
    questions = {q["id"]: q for q in _entries(model, "questions") if "id" in q}
    problems = []
    problems += _check_context(model, questions, file)
    problems += _check_actionable(questions, file)
    problems += _check_case_areas(kb, model, questions, file)
    problems += _check_forms(kb, model, file)
    return problems


def _check_context(model, questions: dict, file: str) -> list[Problem]:
    context = {f for f, q in questions.items() if q.get("context") is True}
    problems = []
    for kind in ("rules", "cautions"):
        for entry in _entries(model, kind):
            when = entry.get("when") if isinstance(entry.get("when"), dict) else {}
            for factor in when:
                if factor in context:
                    problems.append(Problem(file, when.line_of(factor), say("context_in_condition", where=say(f"where_{kind[:-1]}", id=entry.get("id")), factor=factor)))
    return problems


def _check_actionable(questions: dict, file: str) -> list[Problem]:
    problems = []
    for factor, question in questions.items():
        actionable = question.get("actionable")
        if not isinstance(actionable, dict) or not isinstance(actionable.get("towards"), list):
            continue
        if question.get("type") == "number":
            allowed = ["up"]
        else:
            allowed = [o.get("value") for o in question.get("options") or [] if isinstance(o, dict)]
        for value in actionable["towards"]:
            if value not in allowed:
                problems.append(Problem(file, actionable.line_of("towards"), say("actionable_unknown_answer", factor=factor, value=value,
                                                                                    allowed=", ".join(map(str, allowed)))))
        if question.get("context"):
            problems.append(Problem(file, question.line_of("actionable"), say("actionable_context", factor=factor)))
    return problems


def _check_case_areas(kb, model, questions: dict, file: str) -> list[Problem]:
    areas = model.get("case_areas")
    if not isinstance(areas, dict):
        return []
    problems = []
    area_question = questions.get("policy_area")
    values = [o.get("value") for o in (area_question or {}).get("options") or [] if isinstance(o, dict)]
    for area, case_ids in areas.items():
        line = areas.line_of(area)
        if area_question is None or area not in values:
            problems.append(Problem(file, line, say("case_area_unknown", area=area, known=", ".join(map(str, values)))))
        for case_id in case_ids if isinstance(case_ids, list) else []:
            if case_id not in kb.cases:
                problems.append(Problem(file, line, say("case_area_unknown_case", area=area, case=case_id)))
    return problems


def _check_forms(kb, model, file: str) -> list[Problem]:
    levels = model.get("levels") if isinstance(model.get("levels"), dict) else {}
    known_levels = {int(k) for k in levels if str(k).isdigit()}
    problems = []
    for form in _entries(model, "forms"):
        level = form.get("pays_for_results")
        if isinstance(level, int) and level not in known_levels:
            problems.append(Problem(file, form.line_of("pays_for_results"), say("form_unknown_level", form=form.get("id"), level=level,
                                                                                     known=", ".join(map(str, sorted(known_levels))))))
        for step in form.get("next_steps") or []:
            if not isinstance(step, dict):
                continue
            if isinstance(step.get("page"), str):
                stem = step["page"]
                anchors = step.get("anchor") if isinstance(step.get("anchor"), dict) else {}
                for lang in LANGUAGES:
                    page = kb.page_by_stem(stem, lang) or kb.page_by_stem(f"{stem}/index", lang)
                    if page is None:
                        problems.append(Problem(file, step.line_of("page"), say("next_step_no_page", form=form.get("id"), stem=stem,
                                                                                  language=say(f"in_lang_{lang}"), lang=lang)))
                    elif anchors.get(lang) and anchors[lang] not in {h.slug for h in page.headings}:
                        problems.append(Problem(file, step.line_of("anchor"), say("next_step_no_heading", form=form.get("id"), anchor=anchors[lang],
                                                                                    page=page.rel)))
            if isinstance(step.get("url"), dict):
                for _lang, url in step["url"].items():
                    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
                        problems.append(Problem(file, step.line_of("url"), say("next_step_address", form=form.get("id"), url=url)))
    return problems
