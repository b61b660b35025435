"""The case library's generated blocks: the table of all cases and the charts.

Charts are inline SVG drawn from the records at build time (no script, no request), each with a
title and description for screen readers and the same figures as a table beside it.
"""
from __future__ import annotations

import posixpath

from markupsafe import escape

from kb.formatting import LABELS, money, text, years
from kb.pages import page_stem, page_url

WORDS = {
    "nl": {"all_cases": "Alle casussen", "country": "Land", "theme": "Thema", "amount": "Bedrag", "amount_given": "Bedrag (zoals de bron het geeft)", "year": "Jaar",
           "sibs": "SIB's", "count": "Aantal", "filter": "Filter de tabel", "any": "Alle",
           "chart_note": "De cijfers staan ook in de tabel onder de grafiek.", "source": "Bron", "no_year": "geen SIB genoemd"},
    "en": {"all_cases": "All cases", "country": "Country", "theme": "Theme", "amount": "Amount", "amount_given": "Amount (as the source gives it)", "year": "Year",
           "sibs": "SIBs", "count": "Number", "filter": "Filter the table", "any": "All",
           "chart_note": "The figures are also in the table below the chart.", "source": "Source", "no_year": "no SIB mentioned"},
}

CHARTS = {
    "dutch-themes": {"nl": "Nederlandse SIB's naar thema", "en": "Dutch SIBs by theme", "source": "nl-so-far"},
    "dutch-amounts": {"nl": "Geïnvesteerd bedrag per Nederlandse SIB en HIB", "en": "Amount invested per Dutch SIB and HIB", "source": "nl-map"},
    "first-sibs": {"nl": "Eerste SIB per land", "en": "First SIB per country", "source": None},
    "contracts-per-country": {"nl": "Aantal SIB's per land", "en": "Number of SIBs per country", "source": None},
}


def _href(rel: str, target_stem: str, lang: str) -> str:
    """A relative URL (raw HTML gets no .md link rewriting) from the page being built to another."""
    here = page_url(page_stem(rel), lang)
    return posixpath.relpath(page_url(target_stem, lang), here) + "/"


def _amount_as_given(case: dict, lang: str) -> str:
    """The amount as the source gives it: the record's own short wording, else the bare figure.

    Never a note (notes are on the case page) and never a conversion of ours.
    """
    if case.get("amount_as_given"):
        return text(case["amount_as_given"], lang)
    amount = case.get("capital_raised") or case.get("max_outcome_payment") or {}
    return money({k: v for k, v in amount.items() if k != "note"}, lang) if "amount" in amount else ""


def cases_table(kb, arg, lang, rel) -> str:
    """Every case, one row each, in columns a reader can scan; details and caveats are on the case page.

    Filterable and sortable by docs/assets/javascripts/tables.js; on a narrow screen the
    table scrolls sideways inside its own (keyboard-focusable) region instead of squeezing words.
    """
    t, w = LABELS[lang], WORDS[lang]
    rows = []
    cases = sorted(kb.cases.values(), key=lambda c: (c.get("country", ""), c.get("start_year") or 0, text(c["name"], lang)))
    for case in cases:
        country = text(kb.countries.get(case.get("country"), {}).get("name"), lang) or case.get("country", "")
        form = text(kb.forms.get(case.get("form"), {}).get("name"), lang)
        theme = text(case.get("theme"), lang) or text(case.get("target_group"), lang)
        amount = case.get("capital_raised") or case.get("max_outcome_payment") or {}
        cells = [
            f'<a href="{_href(rel, "casussen/" + case["id"], lang)}">{escape(text(case["name"], lang))}</a>',
            escape(form), escape(country), escape(years(case)), escape(theme), escape(_amount_as_given(case, lang)),
        ]
        data = (f' data-country="{escape(country)}" data-form="{escape(form)}" '
                f'data-start="{case.get("start_year") or ""}" data-amount="{amount.get("amount", "")}"')
        classes = ["rw-case-name", "", "", "rw-nowrap", "", "rw-case-amount"]
        rows.append(f"<tr{data}>" + "".join(f'<td class="{c}">{cell}</td>' if c else f"<td>{cell}</td>"
                                            for c, cell in zip(classes, cells)) + "</tr>")
    head = [t["name"], t["form"], w["country"], t["years"], f"{w['theme']} / {t['target_group'].lower()}", w["amount_given"]]
    return (f'<div class="rw-table-scroll" role="region" tabindex="0" aria-label="{escape(w["all_cases"])}">\n'
            '<table class="rw-table rw-cases" data-filter="country form" data-sort>\n'
            f"<caption>{escape(w['all_cases'])} ({len(cases)})</caption>\n"
            "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in head) + "</tr></thead>\n"
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</div>\n")


def _bar_chart(title: str, rows: list[tuple[str, float, str]], note: str) -> str:
    """Horizontal bars: label, value, printed value."""
    width, label_w, bar_h, gap = 640, 230, 22, 8
    top = 10
    height = top + len(rows) * (bar_h + gap)
    largest = max((value for _, value, _ in rows), default=1) or 1
    parts = []
    for i, (label, value, shown) in enumerate(rows):
        y = top + i * (bar_h + gap)
        length = max(2, (width - label_w - 110) * value / largest)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + bar_h * 0.7:.0f}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{label_w}" y="{y}" width="{length:.0f}" height="{bar_h}" rx="2"></rect>'
            f'<text x="{label_w + length + 6:.0f}" y="{y + bar_h * 0.7:.0f}">{escape(shown)}</text>')
    return _figure(title, note, width, height, "".join(parts))


def _figure(title: str, note: str, width: int, height: int, body: str) -> str:
    key = "rw-chart-" + "".join(c for c in title.lower() if c.isalnum())[:40]
    return (f'<figure class="rw-chart">\n'
            f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="{key}-t {key}-d" '
            f'xmlns="http://www.w3.org/2000/svg"><title id="{key}-t">{escape(title)}</title>'
            f'<desc id="{key}-d">{escape(note)}</desc>{body}</svg>\n'
            f"<figcaption>{escape(title)}. {escape(note)}</figcaption>\n</figure>\n")


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def chart(kb, arg, lang, rel) -> str:
    w, spec = WORDS[lang], CHARTS[arg]
    title = spec[lang]
    if arg == "dutch-themes":
        counts = kb.countries["NL"].get("theme_counts") or []
        rows = [(text(c["theme"], lang), c["count"], str(c["count"])) for c in counts]
        table = _table([w["theme"], w["sibs"]], [[label, shown] for label, _, shown in rows])
    elif arg == "dutch-amounts":
        dutch = [c for c in kb.cases.values() if c.get("country") == "NL" and (c.get("capital_raised") or {}).get("amount")]
        dutch.sort(key=lambda c: -c["capital_raised"]["amount"])
        rows = [(text(c["name"], lang), c["capital_raised"]["amount"], money({k: v for k, v in c["capital_raised"].items()
                 if k != "note"}, lang)) for c in dutch]
        table = _table([LABELS[lang]["name"], w["amount"]], [[label, shown] for label, _, shown in rows])
    elif arg == "first-sibs":
        countries = sorted(kb.countries.values(), key=lambda c: (c.get("first_sib_year") or 9999))
        rows = [(text(c["name"], lang), c["first_sib_year"], str(c["first_sib_year"])) for c in countries if c.get("first_sib_year")]
        return _timeline_chart(title, rows, w["chart_note"]) + "\n" + _table(
            [w["country"], w["year"]], [[text(c["name"], lang), str(c.get("first_sib_year") or w["no_year"])] for c in countries]) + \
            "\n" + w["source"] + ": " + "".join(f"[^{s}]" for s in sorted({s for c in countries for s in c.get("sources") or []})) + "\n"
    else:  # contracts-per-country
        countries = sorted((c for c in kb.countries.values() if c.get("sib_count") is not None), key=lambda c: -c["sib_count"])
        rows = [(text(c["name"], lang), c["sib_count"], str(c["sib_count"])) for c in countries]
        table = _table([w["country"], w["sibs"]], [[label, shown] for label, _, shown in rows])
    sources = [spec["source"]] if spec["source"] else sorted({s for c in kb.countries.values() for s in c.get("sources") or []})
    return _bar_chart(title, rows, w["chart_note"]) + "\n" + table + "\n" + w["source"] + ": " + "".join(f"[^{s}]" for s in sources) + "\n"


def _timeline_chart(title: str, rows: list[tuple[str, int, str]], note: str) -> str:
    width, label_w, row_h = 640, 160, 26
    first, last = min(v for _, v, _ in rows) - 1, max(v for _, v, _ in rows) + 1
    scale = (width - label_w - 40) / (last - first)
    height = 30 + len(rows) * row_h
    parts = [f'<line x1="{label_w}" y1="{height - 20}" x2="{width - 20}" y2="{height - 20}"></line>']
    for year in range(first, last + 1, 2):
        x = label_w + (year - first) * scale
        parts.append(f'<text x="{x:.0f}" y="{height - 4}" text-anchor="middle">{year}</text>')
    for i, (label, year, shown) in enumerate(rows):
        y = 10 + i * row_h
        x = label_w + (year - first) * scale
        parts.append(f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
                     f'<circle cx="{x:.0f}" cy="{y + 9}" r="6"></circle>'
                     f'<text x="{x + 10:.0f}" y="{y + 14}">{shown}</text>')
    return _figure(title, note, width, height, "".join(parts))

