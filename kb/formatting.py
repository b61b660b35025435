"""How data values read on a page: texts per language, numbers, money, years, table cells, links.

A leaf module: the knowledge model's checks, the renderers and the service all format alike.
"""
from __future__ import annotations

import posixpath

LABELS = {
    "nl": {
        "name": "Naam", "form": "Vorm", "place": "Plaats", "years": "Looptijd", "target_group": "Doelgroep",
        "invested": "Geïnvesteerd bedrag", "total": "Totaal (opgeteld uit de kaart)", "country": "Land",
        "first_sib": "Eerste SIB", "driving_body": "Belangrijkste aanjager", "counts": "Aantallen",
        "sectors": "Sectoren", "key_figures": "Kerncijfers", "factsheet": "Factsheet", "theme": "Onderwerp",
        "outcome_payers": "Resultaatbetaler(s)", "investors": "Investeerders", "providers": "Uitvoerder(s)",
        "intermediary": "Beheer en intermediair", "capital_raised": "Opgehaald kapitaal",
        "max_outcome_payment": "Uitbetaling (maximaal)", "outcome_metrics": "Indicatoren", "status": "Status",
        "results": "Resultaten", "notes": "Opmerkingen", "year": "Jaar", "event": "Gebeurtenis",
        "confirmed": "Jaar bevestigd in", "unplaced": "Jaar niet te herleiden", "term": "Term",
        "other_term": "Engels", "abbr": "Afkorting", "meaning": "Betekenis", "also": "Ook wel",
        "section": "sectie", "page": "p.", "cited_by": "Gebruikt op", "omitted":
        "Velden die de bron niet noemt, zijn weggelaten.", "unknown": "onbekend", "note": "Let op",
        "source_sections": "Secties",
    },
    "en": {
        "name": "Name", "form": "Form", "place": "Place", "years": "Term", "target_group": "Target group",
        "invested": "Amount invested", "total": "Total (added up from the map)", "country": "Country",
        "first_sib": "First SIB", "driving_body": "Main driving body", "counts": "Numbers",
        "sectors": "Sectors", "key_figures": "Key figures", "factsheet": "Factsheet", "theme": "Topic",
        "outcome_payers": "Outcome payer(s)", "investors": "Investors", "providers": "Provider(s)",
        "intermediary": "Management and intermediary", "capital_raised": "Capital raised",
        "max_outcome_payment": "Payments (maximum)", "outcome_metrics": "Indicators", "status": "Status",
        "results": "Results", "notes": "Notes", "year": "Year", "event": "Event",
        "confirmed": "Year confirmed in", "unplaced": "Year cannot be recovered", "term": "Term",
        "other_term": "Dutch", "abbr": "Abbreviation", "meaning": "Meaning", "also": "Also",
        "section": "section", "page": "p.", "cited_by": "Cited on", "omitted":
        "Fields the source does not give are left out.", "unknown": "unknown", "note": "Note",
        "source_sections": "Sections",
    },
}

CURRENCY = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥", "COP": "COP "}


def text(value, lang: str) -> str:
    """A data text in the page's language: plain strings are the same in both."""
    if isinstance(value, dict):
        return str(value.get(lang, ""))
    return "" if value is None else str(value)


def number(value: float, lang: str) -> str:
    formatted = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    if lang == "nl":
        formatted = formatted.replace(",", "_").replace(".", ",").replace("_", ".")
    return formatted


def money(amount: dict | None, lang: str) -> str:
    if not amount:
        return ""
    parts = []
    if "amount" in amount:
        parts.append(f"{CURRENCY.get(amount['currency'], amount['currency'] + ' ')}{number(amount['amount'], lang)}")
    if amount.get("note"):
        parts.append(f"({text(amount['note'], lang)})" if parts else text(amount["note"], lang))
    return " ".join(parts)


def years(record: dict) -> str:
    start, end = record.get("start_year"), record.get("end_year")
    if start and end:
        return f"{start}–{end}"
    return str(start or end or "")


def cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def link(from_rel: str, stem: str, label: str) -> str:
    """A relative Markdown link from the page being built to another page (by its stem)."""
    target = posixpath.relpath(f"{stem}.md", posixpath.dirname(from_rel) or ".")
    return f"[{label}]({target})"


def cite(ids) -> str:
    return "".join(f"[^{i}]" for i in ids or [])
