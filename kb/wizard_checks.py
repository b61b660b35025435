"""The wizard model's checks beyond the schema and kb/checks.py's check_wizard (model 2.0):
policy areas, context and actionable questions, levels and next steps. Each Problem names the
line in kb/data/wizard.yml an editor has to fix."""
from __future__ import annotations

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
                    problems.append(Problem(file, when.line_of(factor), f"{kind[:-1]} '{entry.get('id')}' asks about '{factor}', a context question: it may only choose the cases shown, never weigh in the advice; remove the condition"))
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
                problems.append(Problem(file, actionable.line_of("towards"), f"question '{factor}' is actionable towards '{value}', which is not one of its answers: {', '.join(map(str, allowed))}"))
        if question.get("context"):
            problems.append(Problem(file, question.line_of("actionable"), f"question '{factor}' is a context question, so changing it never changes the advice: it cannot be actionable"))
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
            problems.append(Problem(file, line, f"case_areas names '{area}', which is not an answer of the question policy_area; known: {', '.join(map(str, values))}"))
        for case_id in case_ids if isinstance(case_ids, list) else []:
            if case_id not in kb.cases:
                problems.append(Problem(file, line, f"case_areas '{area}' names the case '{case_id}', which is not in kb/data/cases.yml"))
    return problems


def _check_forms(kb, model, file: str) -> list[Problem]:
    levels = model.get("levels") if isinstance(model.get("levels"), dict) else {}
    known_levels = {int(k) for k in levels if str(k).isdigit()}
    problems = []
    for form in _entries(model, "forms"):
        level = form.get("pays_for_results")
        if isinstance(level, int) and level not in known_levels:
            problems.append(Problem(file, form.line_of("pays_for_results"), f"the form '{form.get('id')}' has pays_for_results {level}, which is not under levels; known: {', '.join(map(str, sorted(known_levels)))}"))
        for step in form.get("next_steps") or []:
            if not isinstance(step, dict):
                continue
            if isinstance(step.get("page"), str):
                stem = step["page"]
                anchors = step.get("anchor") if isinstance(step.get("anchor"), dict) else {}
                for lang in LANGUAGES:
                    page = kb.page_by_stem(stem, lang) or kb.page_by_stem(f"{stem}/index", lang)
                    if page is None:
                        problems.append(Problem(file, step.line_of("page"), f"a next step of '{form.get('id')}' points to the page '{stem}', which has no version in {lang} (docs/{stem}.{lang}.md)"))
                    elif anchors.get(lang) and anchors[lang] not in {h.slug for h in page.headings}:
                        problems.append(Problem(file, step.line_of("anchor"), f"a next step of '{form.get('id')}' points to the section '#{anchors[lang]}', which is not a heading on docs/{page.rel}"))
            if isinstance(step.get("url"), dict):
                for _lang, url in step["url"].items():
                    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
                        problems.append(Problem(file, step.line_of("url"), f"a next step of '{form.get('id')}' has the address '{url}'; write an address on this site, starting with /"))
    return problems
