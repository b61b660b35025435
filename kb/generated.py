"""Pages generated from the data at build time: one page per case, in both languages.

They are never committed: `kb.load` adds them to the knowledge, the site build writes them
(publish/site_hooks.py on_files) and the search index reads them like any other page.
"""
from __future__ import annotations

import json

from kb.formatting import text, years
from kb.messages import say
from kb.pages import LANGUAGES, PageError, parse_page
from kb.problems import Problem

CASES_DIR = "casussen"

WORDS = {
    "nl": {"case": "casus", "more": "Meer over deze casus", "guidance": "Lees de uitleg op de pagina",
           "similar": "Vergelijkbare casussen", "library": "Terug naar de casusbibliotheek", "in": "in"},
    "en": {"case": "case", "more": "More about this case", "guidance": "Read the guidance on the page",
           "similar": "Similar cases", "library": "Back to the case library", "in": "in"},
}


def case_rel(case_id: str, lang: str) -> str:
    return f"{CASES_DIR}/{case_id}.{lang}.md"


def generated_pages(knowledge) -> list:
    pages = []
    source_file = knowledge.rel(knowledge.data_paths["cases"])
    for case in knowledge.cases.values():
        for lang in LANGUAGES:
            rel = case_rel(case["id"], lang)
            try:
                page = parse_page(case_page(knowledge, case, lang), rel)
            except PageError as error:  # a record the generator cannot turn into a page
                knowledge.problems.append(Problem(source_file, case.line, say("case_page_error", id=case["id"], message=error.message)))
                continue
            page.generated_from = source_file
            pages.append(page)
    return pages


def similar_cases(knowledge, case: dict, limit: int = 5) -> list[dict]:
    """Cases of the same form first, then from the same country."""
    others = [c for c in knowledge.cases.values() if c["id"] != case["id"]]
    same_form = [c for c in others if c.get("form") == case.get("form")]
    same_country = [c for c in others if c.get("country") == case.get("country") and c not in same_form]
    return (same_form + same_country)[:limit]


def case_page(knowledge, case: dict, lang: str) -> str:
    w = WORDS[lang]
    name = text(case["name"], lang)
    form = text(knowledge.forms.get(case.get("form"), {}).get("name"), lang)
    country = text(knowledge.countries.get(case.get("country"), {}).get("name"), lang) or case.get("country", "")
    where = ", ".join(part for part in [text(case.get("place"), lang), country] if part)
    summary = " ".join(part for part in [f"{form} {w['in']} {where}".strip(), years(case)] if part)
    target = text(case.get("target_group"), lang)
    description = f"{summary}: {target}" if target else summary
    topics = [w["case"], case.get("form", ""), country] + ([text(case["theme"], lang)] if case.get("theme") else [])
    front = {
        "id": f"casus-{case['id']}",
        "title": name,
        "description": description if len(description) >= 10 else f"{w['case']}: {name}",
        "type": "case",
        "topics": [t for t in topics if t],
        "sources": list(case.get("sources") or []),
        "reviewed": str(knowledge.data["cases"].get("reviewed", "")),
    }
    lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()] + ["---", "",
             f"# {name}", "", f"<!-- kb:case {case['id']} -->", ""]
    if case.get("page"):
        lines += [f"## {w['more']}", "", f"{w['guidance']} [{_page_title(knowledge, case['page'], lang)}]"
                  f"(../{case['page']}.md).", ""]
    similar = similar_cases(knowledge, case)
    if similar:
        lines += [f"## {w['similar']}", ""]
        lines += [f"- [{text(c['name'], lang)}]({c['id']}.md) ({years(c)})" if years(c) else
                  f"- [{text(c['name'], lang)}]({c['id']}.md)" for c in similar]
        lines.append("")
    lines += [f"[{w['library']}](index.md)", ""]
    return "\n".join(lines)


def _page_title(knowledge, stem: str, lang: str) -> str:
    page = knowledge.page_by_stem(stem, lang) or knowledge.page_by_stem(f"{stem}/index", lang)
    return page.title if page else stem
