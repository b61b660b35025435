"""The whole decision model as Markdown: a Mermaid flowchart and tables, from the same data.

The flowchart needs JavaScript; right after it, a table with one row per rule and one column per
form gives the same information as text, for readers without JavaScript and for screen readers.

Used by the generated block `<!-- kb:wizard-diagram -->` (publish/render.py).
"""
from __future__ import annotations

import posixpath

from wizard.model import Model, build_model, model_inputs
from wizard.present import range_label

LABELS = {
    "nl": {"questions": "Vragen", "rules": "Regels", "forms": "Vormen", "always": "altijd", "and": " en ",
           "rule": "Regel", "when": "Als", "points": "Punten", "why": "Waarom", "source": "Bron",
           "caution": "Let op", "applies": "Wanneer", "with": "bij advies", "any": "elk advies",
           "parameter": "Parameter", "value": "Waarde", "note": "Toelichting", "order": "Volgorde van vermelden bij gelijke stand (het advies heet dan ‘dicht bij elkaar’)", "level": "Hoeveel betaalt de vorm voor resultaat", "margin": "Marge waarbinnen twee vormen dicht bij elkaar liggen (punten)",
           "version": "Versie van het beslismodel", "unknown": "Weet ik niet (of niet beantwoord)",
           "h_diagram": "Het schema", "h_rules": "De regels", "h_cautions": "De waarschuwingen",
           "h_settings": "Instellingen", "h_matrix": "Het schema als tabel",
           "legend": "Een pijl van een vraag naar een regel noemt het antwoord waarbij de regel geldt. Een "
                     "doorgetrokken pijl van een regel naar een vorm geeft pluspunten, een gestippelde pijl trekt "
                     "punten af; het getal staat bij de pijl. Bij {out} punten of minder is de vorm in de praktijk "
                     "uitgesloten.",
           "matrix_intro": "Dezelfde regels als in het schema, met de punten die elke regel per vorm geeft. Zonder "
                           "JavaScript ziet u hierboven de tekst waaruit het schema wordt getekend; deze tabel bevat "
                           "dezelfde informatie."},
    "en": {"questions": "Questions", "rules": "Rules", "forms": "Forms", "always": "always", "and": " and ",
           "rule": "Rule", "when": "When", "points": "Points", "why": "Why", "source": "Source",
           "caution": "Caution", "applies": "When", "with": "with the advice", "any": "any advice",
           "parameter": "Parameter", "value": "Value", "note": "Note", "order": "Order of listing on a tie (the advice is then ‘close’)", "level": "How much the form pays for results", "margin": "Margin within which two forms are close (points)",
           "version": "Version of the decision model", "unknown": "I don't know (or not answered)",
           "h_diagram": "The diagram", "h_rules": "The rules", "h_cautions": "The cautions",
           "h_settings": "Settings", "h_matrix": "The diagram as a table",
           "legend": "An arrow from a question to a rule names the answer for which the rule holds. A solid "
                     "arrow from a rule to a form adds points, a dotted arrow takes points away; the number is on "
                     "the arrow. At {out} points or fewer the form is in effect ruled out.",
           "matrix_intro": "The same rules as in the diagram, with the points each rule gives each form. Without "
                           "JavaScript you see the text the diagram is drawn from above; this table holds the same "
                           "information."},
}


# An effect this negative or worse rules a form out in practice (the legend says so).
RULES_OUT = -10


def markdown(knowledge, lang: str, rel: str) -> str:
    model = build_model(model_inputs(knowledge))
    t = LABELS[lang]
    parts = [f"## {t['h_diagram']}", f"**{t['version']}:** {model.version}", flowchart(model, lang),
             t["legend"].format(out=_points(RULES_OUT)),
             f"### {t['h_matrix']}", t["matrix_intro"], effects_table(model, lang),
             f"## {t['h_rules']}", rules_table(model, lang, rel),
             f"## {t['h_cautions']}", cautions_table(model, lang, rel),
             f"## {t['h_settings']}", parameters_table(model, lang)]
    return "\n\n".join(parts) + "\n"


def _points(points: int) -> str:
    """+3, −30 (a real minus sign, as in the tables)."""
    return f"{points:+d}".replace("-", "−")


def _node(prefix: str, ident: str) -> str:
    return f"{prefix}_{ident.replace('-', '_')}"


def _quote(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") + '"'


def _short(label: str) -> str:
    """The first words of an answer ('Ja, met betrouwbare gegevens' -> 'Ja') for an arrow."""
    return label.split(":")[0].split(",")[0].split(" (")[0].strip()


def condition_text(model: Model, condition, lang: str, short: bool = False) -> str:
    question = model.questions[condition.factor]
    if condition.values is not None:
        ordered = [v for v in question.values if v in condition.values]
        if "unknown" in condition.values and "unknown" not in ordered:
            ordered.append("unknown")
        labels = [question.label(v, lang) if v in question.values else LABELS[lang]["unknown"] for v in ordered]
        return " / ".join(_short(label) if short else label for label in labels)
    low = condition.min if condition.min is not None else question.min
    return range_label(question, low, condition.max, lang)


def flowchart(model: Model, lang: str) -> str:
    t = LABELS[lang]
    lines = ["```mermaid", "flowchart LR", f"    subgraph Q[{_quote(t['questions'])}]"]
    for number, question in enumerate(model.questions.values(), start=1):
        lines.append(f"        {_node('q', question.id)}[{_quote(f'{number}. ' + question.text[lang])}]")
    lines += ["    end", f"    subgraph R[{_quote(t['rules'])}]"]
    for rule in model.rules:
        lines.append(f"        {_node('r', rule.id)}{{{{{_quote(rule.label[lang])}}}}}")
    lines += ["    end", f"    subgraph F[{_quote(t['forms'])}]"]
    for form in model.forms:
        lines.append(f"        {_node('f', form.id)}([{_quote(form.name[lang])}])")
    lines.append("    end")
    # Arrows from the questions, in the order the questions are asked; then every effect of every
    # rule, in the order of the forms: solid for plus points, dotted for minus points.
    for factor in model.questions:
        for rule in model.rules:
            for condition in rule.when:
                if condition.factor == factor:
                    label = condition_text(model, condition, lang, short=True)
                    lines.append(f"    {_node('q', factor)} -->|{_quote(label)}| {_node('r', rule.id)}")
    for rule in model.rules:
        for form in model.forms:
            points = rule.effects.get(form.id, 0)
            if points:
                arrow = "-->" if points > 0 else "-.->"
                lines.append(f"    {_node('r', rule.id)} {arrow}|{_quote(_points(points))}| {_node('f', form.id)}")
    lines.append("```")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _guidance_link(guidance, lang: str, rel: str) -> str:
    target = posixpath.relpath(f"{guidance.stem}.md", posixpath.dirname(rel) or ".")
    anchor = guidance.anchors.get(lang)
    return f"[{guidance.titles[lang]}]({target}{'#' + anchor if anchor else ''})"


def _cite(ids) -> str:
    return "".join(f"[^{i}]" for i in ids)


def _when(model: Model, conditions, lang: str) -> str:
    t = LABELS[lang]
    if not conditions:
        return t["always"]
    return t["and"].join(f"{model.questions[c.factor].text[lang]} **{condition_text(model, c, lang)}**" for c in conditions)


def _source_titles(model: Model, ids) -> str:
    return "; ".join(model.sections[s]["title"] for s in ids if s in model.sections) + _cite(ids)


def effects_table(model: Model, lang: str) -> str:
    """One row per rule: its condition in words, its points per form (a column each), its sources."""
    t = LABELS[lang]
    header = [t["rule"], t["when"]] + [form.name[lang] for form in model.forms] + [t["source"]]
    rows = ["| " + " | ".join(_cell(h) for h in header) + " |", "| --- | --- |" + " ---: |" * len(model.forms) + " --- |"]
    for rule in model.rules:
        points = [_points(rule.effects[f.id]) if rule.effects.get(f.id) else "" for f in model.forms]
        rows.append("| " + " | ".join(_cell(v) for v in [
            f"**{rule.label[lang]}**", _when(model, rule.when, lang), *points, _source_titles(model, rule.sources)]) + " |")
    return "\n".join(rows)


def rules_table(model: Model, lang: str, rel: str) -> str:
    t = LABELS[lang]
    names = {f.id: f.name[lang] for f in model.forms}
    rows = [f"| {t['rule']} | {t['when']} | {t['points']} | {t['why']} | {t['source']} |",
            "| --- | --- | --- | --- | --- |"]
    for rule in model.rules:
        points = ", ".join(f"{names[f]} {_points(p)}" for f, p in rule.effects.items())
        rows.append("| " + " | ".join(_cell(v) for v in [
            f"**{rule.label[lang]}**", _when(model, rule.when, lang), points, rule.text[lang],
            _guidance_link(rule.guidance, lang, rel) + _cite(rule.sources)]) + " |")
    return "\n".join(rows)


def cautions_table(model: Model, lang: str, rel: str) -> str:
    t = LABELS[lang]
    names = {f.id: f.name[lang] for f in model.forms}
    rows = [f"| {t['caution']} | {t['applies']} | {t['source']} |", "| --- | --- | --- |"]
    for caution in model.cautions:
        forms = ", ".join(names[f] for f in names if caution.recommended is None or f in caution.recommended)
        when = f"{t['with']}: {forms}" if caution.recommended is not None else t["any"]
        if caution.when:
            when += t["and"] + _when(model, caution.when, lang)
        rows.append("| " + " | ".join(_cell(v) for v in [
            caution.text[lang], when, _guidance_link(caution.guidance, lang, rel) + _cite(caution.sources)]) + " |")
    return "\n".join(rows)


def parameters_table(model: Model, lang: str) -> str:
    t = LABELS[lang]
    rows = [f"| {t['parameter']} | {t['value']} | {t['note']} |", "| --- | --- | --- |"]
    for key, parameter in model.parameters.items():
        note = parameter.get("note", {}).get(lang, "")
        rows.append(f"| {_cell(parameter['label'][lang])} (`{key}`) | {parameter['value']} | {_cell(note)} |")
    order = " → ".join(f.name[lang] for f in model.forms)
    rows.append(f"| {t['order']} | {_cell(order)} | |")
    rows.append(f"| {t['margin']} (`close_margin`) | {model.close_margin} | |")
    for form in model.forms:
        rows.append(f"| {t['level']}: {_cell(form.name[lang])} | {form.level} | {_cell(model.levels.get(form.level, {}).get(lang, ''))} |")
    return "\n".join(rows)
