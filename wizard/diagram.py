"""The whole decision model as Markdown: a Mermaid flowchart and tables, from the same data.

Used by the generated block `<!-- kb:wizard-diagram -->` (kb/render.py).
"""
from __future__ import annotations

import posixpath

from wizard.model import Model, build_model
from wizard.present import range_label

LABELS = {
    "nl": {"questions": "Vragen", "rules": "Regels", "forms": "Vormen", "always": "altijd", "and": " en ",
           "rule": "Regel", "when": "Als", "points": "Punten", "why": "Waarom", "source": "Bron",
           "caution": "Let op", "applies": "Wanneer", "with": "bij advies", "any": "elk advies",
           "parameter": "Parameter", "value": "Waarde", "note": "Toelichting", "order": "Volgorde bij gelijke stand",
           "version": "Versie van het beslismodel", "unknown": "onbekend",
           "h_diagram": "Het schema", "h_rules": "De regels", "h_cautions": "De waarschuwingen",
           "h_settings": "Instellingen",
           "legend": "Een doorgetrokken pijl naar een vorm geeft pluspunten; een gestippelde pijl sluit de vorm "
                     "uit ({out} punten of minder). Kleinere minpunten staan alleen in de tabel met regels."},
    "en": {"questions": "Questions", "rules": "Rules", "forms": "Forms", "always": "always", "and": " and ",
           "rule": "Rule", "when": "When", "points": "Points", "why": "Why", "source": "Source",
           "caution": "Caution", "applies": "When", "with": "with the advice", "any": "any advice",
           "parameter": "Parameter", "value": "Value", "note": "Note", "order": "Order on a tie",
           "version": "Version of the decision model", "unknown": "unknown",
           "h_diagram": "The diagram", "h_rules": "The rules", "h_cautions": "The cautions",
           "h_settings": "Settings",
           "legend": "A solid arrow to a form adds points; a dotted arrow rules the form out ({out} points or "
                     "fewer). Smaller minus points are shown in the table of rules only."},
}


# In the diagram an effect this negative or worse is drawn as "rules out"; smaller minus points
# would turn it into a tangle, so they appear in the table of rules only.
RULES_OUT = -10


def markdown(knowledge, lang: str, rel: str) -> str:
    model = build_model(knowledge)
    t = LABELS[lang]
    parts = [f"## {t['h_diagram']}", f"**{t['version']}:** {model.version}", flowchart(model, lang),
             t["legend"].format(out=f"{RULES_OUT}".replace("-", "−")),
             f"## {t['h_rules']}", rules_table(model, lang, rel),
             f"## {t['h_cautions']}", cautions_table(model, lang, rel),
             f"## {t['h_settings']}", parameters_table(model, lang)]
    return "\n\n".join(parts) + "\n"


def _node(prefix: str, ident: str) -> str:
    return f"{prefix}_{ident.replace('-', '_')}"


def _quote(text: str) -> str:
    return '"' + text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") + '"'


def _short(label: str) -> str:
    """The first words of an answer ('Ja, met betrouwbare gegevens' -> 'Ja') for an arrow."""
    return label.split(":")[0].split(",")[0].strip()


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
    for rule in model.rules:
        for condition in rule.when:
            label = condition_text(model, condition, lang, short=True)
            lines.append(f"    {_node('q', condition.factor)} -->|{_quote(label)}| {_node('r', rule.id)}")
        for form, points in rule.effects.items():
            if points > 0 or points <= RULES_OUT:  # smaller minus points only in the table
                arrow = "-->" if points > 0 else "-.->"
                lines.append(f"    {_node('r', rule.id)} {arrow}|{_quote(f'{points:+d}'.replace('-', '−'))}| {_node('f', form)}")
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


def rules_table(model: Model, lang: str, rel: str) -> str:
    t = LABELS[lang]
    names = {f.id: f.name[lang] for f in model.forms}
    rows = [f"| {t['rule']} | {t['when']} | {t['points']} | {t['why']} | {t['source']} |",
            "| --- | --- | --- | --- | --- |"]
    for rule in model.rules:
        points = ", ".join(f"{names[f]} {p:+d}".replace("-", "−") for f, p in rule.effects.items())
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
    return "\n".join(rows)
