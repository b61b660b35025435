"""Every rule the content must follow, each reported as a Problem with file and line.

The messages are read by editors (at a ministry, say), not by developers: they say what is wrong
and what to do, in plain words, in Dutch or English (the texts live in kb/messages.py).
"""
from __future__ import annotations

import posixpath

from kb import standards, standards_ledger, yamlio
from kb.blocks import check_block
from kb.check_calculator import check_calculator
from kb.check_search import check_search
from kb.messages import say
from kb.pages import LANGUAGES
from kb.problems import Problem
from kb.schema import schema_problems

SERVICE_PATHS = ("/api/",)


def check_all(kb) -> list[Problem]:
    problems: list[Problem] = []
    for name, data in kb.data.items():
        problems += schema_problems(name, data, kb.rel(kb.data_paths[name]))
    problems += check_sources(kb)
    problems += check_glossary(kb)
    problems += check_cases(kb)
    problems += check_pages(kb)
    problems += check_wizard(kb)
    found, invalid = standards.check_standards(kb)
    # "Record it with kb ledger" is the last step: it is only said once the standards are right.
    problems += found + standards_ledger.check(kb, standards.collect(kb), invalid, quiet=bool(found))
    problems += check_search(kb)  # the site search's own data (kb/data/search.yml)
    problems += check_calculator(kb)  # the calculator's presets (kb/data/calculator.yml)
    return problems


def _unique(items, key: str, file: str, what: str) -> list[Problem]:
    """Each `key` once; `what` is the message key naming it, such as "id_case" ('case id', 'casus-id')."""
    seen, problems = {}, []
    for item in items:
        value = item.get(key)
        if value is None:
            continue
        if value in seen:
            problems.append(Problem(file, item.line_of(key),
                                    say("id_twice", what=say(what), value=value, line=seen[value])))
        else:
            seen[value] = item.line_of(key)
    return problems


def _known_sections(kb, ids, file: str, line: int, where: str) -> list[Problem]:
    sections = kb.sections
    if not isinstance(ids, list):
        return []
    return [Problem(file, line, say("unknown_section", where=where, section=s))
            for s in ids if s not in sections]


def check_sources(kb) -> list[Problem]:
    file = kb.rel(kb.data_paths["sources"])
    problems = _unique(kb.items("sources", "documents"), "id", file, "id_document")
    problems += _unique(kb.items("sources", "sections"), "id", file, "id_section")
    for section in kb.items("sources", "sections"):
        if section.get("document") not in kb.documents:
            problems.append(Problem(file, section.line_of("document"),
                                    say("section_unknown_document", id=section.get("id"), document=section.get("document"))))
    return problems


def check_glossary(kb) -> list[Problem]:
    file = kb.rel(kb.data_paths["glossary"])
    problems = _unique(kb.glossary, "id", file, "id_term")
    seen: dict[str, tuple[str, int]] = {}
    for entry in kb.glossary:
        problems += _known_sections(kb, entry.get("sources"), file, entry.line_of("sources"), say("where_term", id=entry.get("id")))
        page = entry.get("page")
        if isinstance(page, str) and any(kb.page_by_stem(page, lang) is None for lang in LANGUAGES):
            problems.append(Problem(file, entry.line_of("page"), say("term_no_page", id=entry.get("id"), page=page)))
        words = []
        for lang in LANGUAGES:
            term = (entry.get("term") or {}).get(lang) if isinstance(entry.get("term"), dict) else None
            if term:
                words.append((term.lower(), entry.line_of("term")))
        words += [(a.lower(), entry.line_of("abbr")) for a in entry.get("abbr") or [] if isinstance(a, str)]
        words += [(s.lower(), entry.line_of("synonyms")) for s in entry.get("synonyms") or [] if isinstance(s, str)]
        for word in {w for w, _ in words}:
            line = next(line for w, line in words if w == word)
            if word in seen and seen[word][0] != entry.get("id"):
                problems.append(Problem(file, line, say("term_defined_twice", word=word, term=seen[word][0], line=seen[word][1])))
            else:
                seen.setdefault(word, (entry.get("id"), line))
    return problems


def check_cases(kb) -> list[Problem]:
    problems = []
    stems = {p.stem for p in kb.pages}
    file = kb.rel(kb.data_paths["cases"])
    problems += _unique(kb.items("cases", "cases"), "id", file, "id_case")
    for case in kb.items("cases", "cases"):
        problems += _known_sections(kb, case.get("sources"), file, case.line_of("sources"), say("where_case", id=case.get("id")))
        if case.get("form") and case["form"] not in kb.forms:
            problems.append(Problem(file, case.line_of("form"), say("case_unknown_form", id=case.get("id"), form=case["form"], known=", ".join(kb.forms))))
        start, end = case.get("start_year"), case.get("end_year")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            problems.append(Problem(file, case.line_of("end_year"), say("case_ends_early", id=case.get("id"), end=end, start=start)))
        if case.get("page") and case["page"] not in stems and f"{case['page']}/index" not in stems:
            problems.append(Problem(file, case.line_of("page"), say("points_to_missing_page", where=say("where_case", id=case.get("id")), page=case["page"])))
    file = kb.rel(kb.data_paths["forms"])
    problems += _unique(kb.items("forms", "forms"), "id", file, "id_form")
    for form in kb.items("forms", "forms"):
        if form.get("page") and form["page"] not in stems and f"{form['page']}/index" not in stems:
            problems.append(Problem(file, form.line_of("page"), say("points_to_missing_page", where=say("where_form", id=form.get("id")), page=form["page"])))
    file = kb.rel(kb.data_paths["countries"])
    problems += _unique(kb.items("countries", "countries"), "code", file, "id_country")
    for country in kb.items("countries", "countries"):
        problems += _known_sections(kb, country.get("sources"), file, country.line_of("sources"), say("where_country", id=country.get("code")))
        if country.get("page") and country["page"] not in stems:
            problems.append(Problem(file, country.line_of("page"), say("points_to_missing_page", where=say("where_country", id=country.get("code")), page=country["page"])))
    file = kb.rel(kb.data_paths["timeline"])
    for event in kb.timeline:
        if event.get("confirmed_by") and event["confirmed_by"] not in kb.sections:
            problems.append(Problem(file, event.line_of("confirmed_by"), say("timeline_unknown_section", section=event["confirmed_by"])))
    return problems


def check_pages(kb) -> list[Problem]:
    problems: list[Problem] = []
    by_rel = {p.rel: p for p in kb.pages}
    ids: dict[tuple[str, str], str] = {}
    for page in kb.pages:
        file = kb.file_of(page)
        for error in schema_problems("page", page.meta, file):
            problems.append(error)
        # One stable id per page, shared by its Dutch and English version.
        key = (page.id, page.lang)
        if page.id and key in ids:
            problems.append(Problem(file, page.line_of("id"), say("page_id_twice", id=page.id, other=ids[key])))
        elif page.id:
            ids[key] = file
        for lang in LANGUAGES:
            if lang == page.lang:
                continue
            twin = by_rel.get(page.twin_rel(lang))
            if twin is None:
                if page.twin_rel(lang) not in kb.unreadable:  # an unreadable twin is reported once, itself
                    problems.append(Problem(file, 1, say("no_twin", language=_language_name(lang), twin=page.twin_rel(lang))))
            elif twin.id != page.id:
                problems.append(Problem(file, page.line_of("id"), say("twin_id_differs", id=page.id, twin_id=twin.id, language=_language_name(lang),
                                                                   twin=twin.rel)))
        h1 = [h for h in page.headings if h.level == 1]
        if len(h1) != 1:
            problems.append(Problem(file, page.body_line, say("main_headings", count=len(h1))))
        problems += _known_sections(kb, page.meta.get("sources"), file, page.line_of("sources"), say("where_front_matter"))
        for section_id, line in page.citations:
            if section_id not in kb.sections:
                problems.append(Problem(file, line, say("unknown_citation", section=section_id)))
        for block in page.blocks:
            message = check_block(kb, block.name, block.arg)
            if message:
                problems.append(Problem(file, block.line, message))
        problems += _check_links(kb, page, by_rel)
    return problems


def _language_name(lang: str) -> str:
    return say(f"lang_{lang}")  # "Dutch" / "Nederlandse", as in "this page has no Dutch version"


def _check_links(kb, page, by_rel) -> list[Problem]:
    problems = []
    file = kb.file_of(page)
    base = posixpath.dirname(page.rel)
    for link in page.links:
        href = link.href
        if not href or href.startswith(("http://", "https://", "mailto:", "tel:")):
            continue
        if href.startswith(SERVICE_PATHS):
            continue  # the service's own endpoints (downloads, API), not pages of the site
        if href.startswith("/"):
            problems.append(Problem(file, link.line, say("link_absolute", href=href)))
            continue
        target, _, anchor = href.partition("#")
        if not target:
            target_page = page
        else:
            if not target.endswith(".md"):
                if not (kb.docs_dir / posixpath.normpath(posixpath.join(base, target))).exists():
                    problems.append(Problem(file, link.line, say("link_no_file", href=href)))
                continue
            stem = posixpath.normpath(posixpath.join(base, target[:-3]))
            target_page = by_rel.get(f"{stem}.{page.lang}.md")
            if target_page is None:
                problems.append(Problem(file, link.line, say("link_no_page", href=href, stem=stem, lang=page.lang)))
                continue
        if anchor and anchor not in {h.slug for h in target_page.headings}:
            problems.append(Problem(file, link.line, say("link_no_heading", href=href, anchor=anchor, page=target_page.rel)))
    return problems


# --- the wizard's decision model (kb/data/wizard.yml) ---------------------------------------

# The forms the wizard's API and shared result addresses name: a published model keeps them all.
PUBLIC_FORMS = ("subsidy", "output_contract", "pay_for_success", "sib", "outcomes_fund", "top_up",
                "impact_linked_loan")


def _entries(model, key: str) -> list:
    value = model.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def check_wizard(kb) -> list[Problem]:
    model = kb.wizard
    if not model:
        return []  # a missing or unreadable file is reported when it is loaded
    file = kb.rel(kb.data_paths["wizard"])
    questions = {q["id"]: q for q in _entries(model, "questions") if "id" in q}
    forms = [f.get("id") for f in _entries(model, "forms")]
    problems = _unique(_entries(model, "questions"), "id", file, "id_question")
    problems += _unique(_entries(model, "forms"), "id", file, "id_form")
    problems += _unique(_entries(model, "rules"), "id", file, "id_rule")
    problems += _unique(_entries(model, "cautions"), "id", file, "id_caution")
    for form in _entries(model, "forms"):
        for form_id, key in [(form.get("id"), "id")] + [(c, "cases_from") for c in form.get("cases_from") or []]:
            if form_id not in kb.forms:
                problems.append(Problem(file, form.line_of(key), say("form_unknown", form=form_id, known=", ".join(kb.forms))))
        problems += _check_form_anchor(kb, form, file)
    if isinstance(model.get("forms"), list):
        for form_id in PUBLIC_FORMS:
            if form_id not in forms:
                problems.append(Problem(file, model.line_of("forms"), say("form_public_missing", form=form_id, forms=", ".join(PUBLIC_FORMS))))
    problems += _check_order(model, questions, file)
    for question in questions.values():
        problems += _check_question(question, file)
    parameters = model.get("parameters") if isinstance(model.get("parameters"), dict) else {}
    for kind in ("rules", "cautions"):
        for entry in _entries(model, kind):
            where = say(f"where_{kind[:-1]}", id=entry.get("id"))  # "rule 'x'", "caution 'x'"
            problems += _check_conditions(entry.get("when"), questions, parameters, file, where)
            effects = entry.get("effects") if isinstance(entry.get("effects"), dict) else {}
            named = list(effects) + [f for f in entry.get("recommended") or [] if isinstance(f, str)]
            for form_id in named:
                if form_id not in forms:
                    key = "effects" if form_id in effects else "recommended"
                    problems.append(Problem(file, entry.line_of(key), say("names_unknown_form", where=where, form=form_id, known=", ".join(map(str, forms)))))
            problems += _known_sections(kb, entry.get("sources"), file, entry.line_of("sources"), where)
            problems += _check_guidance(kb, entry.get("guidance"), file, where)
    from kb.wizard_checks import check_wizard_extras  # model 2.0: areas, actionable, next steps
    problems += check_wizard_extras(kb, model, file)
    return problems


def _check_order(model, questions: dict, file: str) -> list[Problem]:
    order = model.get("order")
    if not isinstance(order, yamlio.Seq):
        return []
    problems, seen = [], set()
    for factor, line in zip(order, order.item_lines):
        if factor not in questions:
            problems.append(Problem(file, line, say("order_unknown", factor=factor)))
        elif factor in seen:
            problems.append(Problem(file, line, say("order_twice", factor=factor)))
        seen.add(factor)
    for factor, question in questions.items():
        if factor not in seen:
            problems.append(Problem(file, question.line_of("id"), say("question_not_ordered", factor=factor)))
    return problems


def _check_question(question, file: str) -> list[Problem]:
    problems = []
    values = [o.get("value") for o in question.get("options") or [] if isinstance(o, dict)]
    if len(values) != len(set(values)):
        problems.append(Problem(file, question.line_of("options"), say("question_same_answer", id=question["id"])))
    default = question.get("default")
    if question.get("type") == "number":
        low, high = question.get("min"), question.get("max")
        if isinstance(low, int) and isinstance(high, int) and high < low:
            problems.append(Problem(file, question.line_of("max"), say("question_max_below_min", id=question["id"], high=high, low=low)))
        valid = default == "unknown" or (isinstance(default, int) and not isinstance(default, bool)
                                         and (low is None or default >= low) and (high is None or default <= high))
    else:
        valid = default == "unknown" or default in values
    if not valid:
        problems.append(Problem(file, question.line_of("default"), say("question_bad_default", id=question["id"], default=default)))
    return problems


def _check_conditions(when, questions: dict, parameters: dict, file: str, where: str) -> list[Problem]:
    problems = []
    if not isinstance(when, yamlio.Node):
        return problems
    for factor, condition in when.items():
        line = when.line_of(factor)
        question = questions.get(factor)
        if question is None:
            problems.append(Problem(file, line, say("condition_unknown_question", where=where, factor=factor, known=", ".join(questions))))
            continue
        number = question.get("type") == "number"
        if isinstance(condition, list):
            allowed = ["unknown"] if number else list(dict.fromkeys(
                [o.get("value") for o in question.get("options") or [] if isinstance(o, dict)] + ["unknown"]))
            for value in condition:
                if isinstance(value, bool):
                    problems.append(Problem(file, line, say("condition_yes_no", where=where, factor=factor)))
                elif value not in allowed:
                    hint = say("hint_number_range") if number else ""
                    problems.append(Problem(file, line, say("condition_unknown_answer", where=where, value=value, factor=factor,
                                                             allowed=", ".join(map(str, allowed)), hint=hint)))
        elif isinstance(condition, dict):
            if not number:
                problems.append(Problem(file, line, say("condition_range_on_choice", where=where, factor=factor)))
                continue
            for bound in condition.values():
                if isinstance(bound, str) and bound not in parameters:
                    problems.append(Problem(file, line, say("condition_unknown_parameter", where=where, parameter=bound,
                                                                 known=", ".join(parameters))))
            problems += _check_range(condition, question, parameters, file, line, where, factor)
    return problems


def _bound_value(bound, parameters: dict):
    """A range bound as a number: the number itself or the value of the parameter it names."""
    if isinstance(bound, str):
        parameter = parameters.get(bound)
        bound = parameter.get("value") if isinstance(parameter, dict) else None
    return bound if isinstance(bound, int) and not isinstance(bound, bool) else None


def _check_range(condition, question, parameters: dict, file: str, line: int, where: str, factor: str) -> list[Problem]:
    """A range must be able to match: its min not above its max, both within the question's answers."""
    problems = []
    bounds = {key: _bound_value(condition.get(key), parameters) for key in ("min", "max")}
    named = {key: say("range_parameter", name=condition[key]) if isinstance(condition.get(key), str) else "" for key in bounds}
    low, high = bounds["min"], bounds["max"]
    if low is not None and high is not None and low > high:
        problems.append(Problem(file, line, say("range_empty", where=where, factor=factor, low=low, low_name=named["min"],
                                                 high=high, high_name=named["max"])))
    q_low, q_high = question.get("min"), question.get("max")
    q_low = q_low if isinstance(q_low, int) else None
    q_high = q_high if isinstance(q_high, int) else None
    if q_low is not None:
        allowed = say("range_from_to", low=q_low, high=q_high) if q_high is not None else say("range_from", low=q_low)
    else:
        allowed = say("range_up_to", high=q_high) if q_high is not None else ""
    for key, value in bounds.items():
        if value is None:
            continue
        if (q_low is not None and value < q_low) or (q_high is not None and value > q_high):
            problems.append(Problem(file, line, say("range_outside", where=where, value=value, name=named[key], bound=key,
                                                     factor=factor, allowed=allowed)))
    return problems


def _check_form_anchor(kb, form, file: str) -> list[Problem]:
    """A form's `anchor` must be a heading on its guidance page (from kb/data/forms.yml)."""
    anchors = form.get("anchor")
    page_stem = (kb.forms.get(form.get("id")) or {}).get("page") if isinstance(kb.forms, dict) else None
    if not isinstance(anchors, dict) or not isinstance(page_stem, str):
        return []
    problems = []
    for lang in LANGUAGES:
        page = kb.page_by_stem(page_stem, lang) or kb.page_by_stem(f"{page_stem}/index", lang)
        anchor = anchors.get(lang)
        if page is not None and anchor and anchor not in {h.slug for h in page.headings}:
            problems.append(Problem(file, form.line_of("anchor"), say("form_anchor_missing", form=form.get("id"), anchor=anchor, page=page.rel)))
    return problems


def _check_guidance(kb, guidance, file: str, where: str) -> list[Problem]:
    if not isinstance(guidance, yamlio.Node) or not isinstance(guidance.get("page"), str):
        return []
    problems = []
    stem = guidance["page"]
    anchors = guidance.get("anchor") if isinstance(guidance.get("anchor"), dict) else {}
    for lang in LANGUAGES:
        page = kb.page_by_stem(stem, lang) or kb.page_by_stem(f"{stem}/index", lang)
        if page is None:
            problems.append(Problem(file, guidance.line_of("page"), say("guidance_no_twin", where=where, stem=stem, language=_language_name(lang),
                                                                        lang=lang)))
            continue
        anchor = anchors.get(lang)
        if anchor and anchor not in {h.slug for h in page.headings}:
            problems.append(Problem(file, guidance.line_of("anchor"), say("guidance_no_heading", where=where, anchor=anchor, page=page.rel)))
    return problems
