"""`kb check` for kb/data/calculator.yml beyond its schema: each preset names a known wizard
form, once. (The schema, kb/schemas/calculator.yml, checks every request field against the
calculator's own limits; tests/test_calculator_presets.py runs each preset through the calculator.)"""
from __future__ import annotations

from kb.messages import say
from kb.problems import Problem


def check_calculator(kb) -> list[Problem]:
    data = kb.data.get("calculator")
    if not isinstance(data, dict):
        return []
    file = kb.rel(kb.data_paths["calculator"])
    problems, seen = [], {}
    for preset in data.get("presets") or []:
        if not isinstance(preset, dict) or preset.get("form") is None:
            continue
        form, line = preset["form"], preset.line_of("form")
        if form not in kb.forms:
            problems.append(Problem(file, line, say("form_unknown", form=form, known=", ".join(kb.forms))))
        if form in seen:
            problems.append(Problem(file, line, say("preset_twice", form=form, line=seen[form])))
        seen.setdefault(form, line)
    return problems
