"""Markdown generated from the data, so each fact is typed once and shown wherever it is needed.

The site build calls `expand(kb, page_rel, lang, markdown)` for every page: it replaces the
`<!-- kb:NAME ARG -->` lines, then appends the footnotes for the cited source sections and the
glossary's abbreviations (Material shows those as tooltips).
"""
from __future__ import annotations

from kb.formatting import LABELS, cell, cite, link, money, number, text, years
from kb.pages import BLOCK, CITATION
from publish import library, standard_blocks
from wizard.diagram import markdown as diagram_markdown

# --- the blocks ------------------------------------------------------------------------

def dutch_sibs(kb, arg, lang, rel) -> str:
    t = LABELS[lang]
    cases = sorted((c for c in kb.cases.values() if c.get("country") == "NL"),
                   key=lambda c: (c.get("start_year") or 0, text(c["name"], lang)))
    rows = [f"| {t['name']} | {t['form']} | {t['place']} | {t['years']} | {t['target_group']} | {t['invested']} |",
            "| --- | --- | --- | --- | --- | ---: |"]
    total = 0
    for case in cases:
        name = text(case["name"], lang)
        if case.get("page"):
            name = link(rel, case["page"], name)
        amount = case.get("capital_raised") or {}
        total += amount.get("amount", 0) if amount.get("currency") == "EUR" else 0
        rows.append("| " + " | ".join(cell(v) for v in [
            name, text(kb.forms[case["form"]]["name"], lang) if case.get("form") in kb.forms else case.get("form", ""),
            text(case.get("place"), lang), years(case), text(case.get("target_group"), lang),
            money(amount, lang) or t["unknown"]]) + " |")
    rows.append(f"| **{t['total']}** | | | | | **€{number(total, lang)}** |")
    return "\n".join(rows) + "\n\n" + cite(["nl-map"]) + "\n"


def country_facts(kb, arg, lang, rel) -> str:
    t, country = LABELS[lang], kb.countries[arg]
    first = ": ".join(part for part in [str(country.get("first_sib_year") or ""),
                                         text(country.get("first_sib"), lang)] if part) or t["unknown"]
    lines = [f'!!! info "{t["key_figures"]}: {text(country["name"], lang)}"', ""]
    for label, value in [(t["first_sib"], first), (t["driving_body"], text(country.get("driving_body"), lang)),
                         (t["counts"], text(country.get("counts"), lang)), (t["sectors"], text(country.get("sectors"), lang))]:
        if value:
            lines.append(f"    - **{label}:** {value}")
    lines.append("")
    lines.append("    " + cite(country.get("sources")))
    return "\n".join(lines) + "\n"


def countries_table(kb, arg, lang, rel) -> str:
    t = LABELS[lang]
    rows = [f"| {t['country']} | {t['first_sib']} | {t['driving_body']} | {t['counts']} | {t['sectors']} |",
            "| --- | --- | --- | --- | --- |"]
    for country in sorted(kb.countries.values(), key=lambda c: text(c["name"], lang)):
        rows.append("| " + " | ".join(cell(v) for v in [
            link(rel, country["page"], text(country["name"], lang)),
            str(country.get("first_sib_year") or "–"), text(country.get("driving_body"), lang),
            text(country.get("counts"), lang), text(country.get("sectors"), lang)]) + " |")
    cited = sorted({s for c in kb.countries.values() for s in c.get("sources") or []})
    return "\n".join(rows) + "\n\n" + cite(cited) + "\n"


CASE_FIELDS = ["form", "place", "years", "theme", "target_group", "outcome_payers", "investors", "providers",
               "intermediary", "capital_raised", "max_outcome_payment", "outcome_metrics", "status", "results", "notes"]


def case_factsheet(kb, arg, lang, rel) -> str:
    t, case = LABELS[lang], kb.cases[arg]
    lines = [f'!!! example "{t["factsheet"]}: {text(case["name"], lang)}"', "",
             "    | | |", "    | --- | --- |"]
    for field in CASE_FIELDS:
        if field == "years":
            value = years(case)
        elif field == "form":
            value = text(kb.forms[case["form"]]["name"], lang) if case.get("form") in kb.forms else ""
        elif field == "place":
            place = text(case.get("place"), lang)
            value = ", ".join(v for v in [place, text(kb.countries[case["country"]]["name"], lang)
                                          if case.get("country") in kb.countries else case.get("country", "")] if v)
            field = "country"
        elif field in ("capital_raised", "max_outcome_payment"):
            value = money(case.get(field), lang)
        elif isinstance(case.get(field), list):
            value = "; ".join(text(v, lang) for v in case[field])
        else:
            value = text(case.get(field), lang)
        if value:
            lines.append(f"    | **{t[field]}** | {cell(value)} |")
    lines += ["", f"    {t['omitted']} {cite(case.get('sources'))}"]
    return "\n".join(lines) + "\n"


def timeline(kb, arg, lang, rel) -> str:
    t = LABELS[lang]
    events = kb.timeline
    placed = sorted((e for e in events if e.get("year")), key=lambda e: e["year"])
    rows = [f"| {t['year']} | {t['event']} | {t['confirmed']} |", "| --- | --- | --- |"]
    for event in placed + [e for e in events if not e.get("year")]:
        description = text(event["text"], lang)
        if event.get("note"):
            description += f" ({t['note'].lower()}: {text(event['note'], lang)})"
        confirmed = kb.sections[event["confirmed_by"]]["title"] if event.get("confirmed_by") in kb.sections else ""
        source = f"{confirmed}{cite([event['confirmed_by']])}" if confirmed else ""
        rows.append(f"| {event.get('year') or t['unplaced']} | {cell(description)} | {cell(source)} |")
    return "\n".join(rows) + "\n\n" + cite(["timeline"]) + "\n"


def glossary(kb, arg, lang, rel) -> str:
    t = LABELS[lang]
    other = "en" if lang == "nl" else "nl"
    rows = [f"| {t['term']} | {t['other_term']} | {t['abbr']} | {t['meaning']} | {t['also']} |",
            "| --- | --- | --- | --- | --- |"]
    for entry in sorted(kb.glossary, key=lambda e: e["term"][lang].lower()):
        name = f"**{entry['term'][lang]}**"
        if entry.get("page"):  # the page that explains the term
            name = link(rel, entry["page"], name)
        rows.append("| " + " | ".join(cell(v) for v in [
            name, entry["term"][other], ", ".join(entry.get("abbr") or []),
            entry["definition"][lang] + cite(entry.get("sources")), ", ".join(entry.get("synonyms") or [])]) + " |")
    return "\n".join(rows) + "\n"


def sources(kb, arg, lang, rel) -> str:
    """Every source document, grouped by kind, with its sections and the pages that cite them."""
    out = []
    cited_by: dict[str, list] = {}
    for page in kb.pages_in(lang):
        for section in page.meta.get("sources") or []:
            cited_by.setdefault(section, []).append(page)
    for kind, heading in SOURCE_KINDS[lang].items():
        docs = [d for d in kb.documents.values() if d.get("kind") == kind]
        if docs:
            out += [f"### {heading['title']}", "", heading["intro"], ""]
        for doc in docs:
            out += _source_document(kb, doc, lang, rel, cited_by)
    return "\n".join(out)


SOURCE_KINDS = {
    "nl": {"report": {"title": "Het rapport (hoofdbron)", "intro": "Bijna alle feiten op deze site komen uit dit rapport."},
           "article": {"title": "Het artikel", "intro": "Een tweede, korte bron over de Outcomes Academy."},
           "external": {"title": "Buiten de bron", "intro": "Enkele feiten komen niet uit het rapport of het artikel. Ze staan "
                        "hier met hun webadres en de datum waarop dat is gecontroleerd; hun voetnoot begint met "
                        "‘Buiten de bron’."}},
    "en": {"report": {"title": "The report (main source)", "intro": "Almost every fact on this site comes from this report."},
           "article": {"title": "The article", "intro": "A second, short source about the Outcomes Academy."},
           "external": {"title": "Outside the source", "intro": "A few facts do not come from the report or the article. They are "
                        "listed here with their web address and the date it was checked; their footnote starts with "
                        "‘Outside the source’."}},
}


def _source_document(kb, doc, lang: str, rel: str, cited_by: dict) -> list[str]:
    t = LABELS[lang]
    out = [f"#### {text(doc['title'], lang)}", "", f"{doc['author']}.", ""]
    if doc.get("url"):
        out += [f"`{doc['url']}` ({OUTSIDE[lang]['checked']} {doc.get('checked', '')})", ""]
    if doc.get("note"):
        out += [f"!!! note \"{t['note']}\"", "", f"    {text(doc['note'], lang)}", ""]
    out += [f"| {t['section'].capitalize()} | {t['cited_by']} |", "| --- | --- |"]
    for section in kb.items("sources", "sections"):
        if section["document"] != doc["id"]:
            continue
        title = section["title"] + (f", {t['page']} {section['page']}" if section.get("page") else "")
        pages = ", ".join(link(rel, p.stem, p.title) for p in cited_by.get(section["id"], []))
        out.append(f"| `{section['id']}`: {cell(title)} | {cell(pages)} |")
    out.append("")
    return out


def wizard_diagram(kb, arg, lang, rel) -> str:
    return diagram_markdown(kb, lang, rel)


NEVER_NESTED = ("standard", "standard-version")

# Every block declared in kb.blocks, with the function that writes it.
RENDERERS = {
    "dutch-sibs": dutch_sibs,
    "country-facts": country_facts,
    "countries-table": countries_table,
    "case": case_factsheet,
    "timeline": timeline,
    "glossary": glossary,
    "sources": sources,
    "wizard-diagram": wizard_diagram,
    "cases-table": library.cases_table,
    "chart": library.chart,
    "standard": standard_blocks.standard_page,
    "standard-version": standard_blocks.standard_version,
    "standards-register": standard_blocks.register,
}


def expand_blocks(kb, rel: str, lang: str, markdown: str, skip: tuple[str, ...] = ()) -> str:
    """Replace every kb: line by its generated Markdown; blocks named in `skip` are dropped.

    A block's output may hold blocks of its own (a standard's page shows its current version's
    text); they are expanded too, except the standard blocks, which never nest."""
    out, in_fence = [], False
    for line in markdown.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else BLOCK.match(line.strip())
        if match and match["name"] in skip:
            out.append("")
        elif match and match["name"] in RENDERERS:
            generated = RENDERERS[match["name"]](kb, match["arg"], lang, rel)
            out.append(expand_blocks(kb, rel, lang, generated, skip=(*skip, *NEVER_NESTED)))
        else:
            out.append(line)
    return "\n".join(out)


OUTSIDE = {"nl": {"label": "Buiten de bron", "checked": "gecontroleerd op"},
           "en": {"label": "Outside the source", "checked": "checked on"}}


def footnotes(kb, lang: str, markdown: str) -> str:
    """Footnote definitions for every source section the page cites."""
    t = LABELS[lang]
    lines = []
    for section_id in dict.fromkeys(CITATION.findall(markdown)):
        section = kb.sections.get(section_id)
        if not section:
            continue
        doc = kb.documents.get(section["document"], {})
        if doc.get("kind") == "external":
            # Labelled, and the address as text: the site links to no other host.
            lines.append(f"[^{section_id}]: **{OUTSIDE[lang]['label']}:** *{text(doc.get('title'), lang)}*, "
                         f"{doc.get('author', '')}, `{doc.get('url', '')}` ({OUTSIDE[lang]['checked']} {doc.get('checked', '')}).")
            continue
        page = f", {t['page']} {section['page']}" if section.get("page") else ""
        lines.append(f"[^{section_id}]: *{text(doc.get('title'), lang)}*, {t['section']} “{section['title']}”{page}.")
    return "\n".join(lines)


def abbreviations(kb, lang: str) -> str:
    lines = []
    for entry in kb.glossary:
        for abbr in entry.get("abbr") or []:
            lines.append(f"*[{abbr}]: {entry['term'][lang]}")
    return "\n".join(lines)


def expand(kb, rel: str, lang: str, markdown: str) -> str:
    body = expand_blocks(kb, rel, lang, markdown)
    return "\n\n".join(part for part in [body.rstrip(), footnotes(kb, lang, body), abbreviations(kb, lang)] if part) + "\n"
