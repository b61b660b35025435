"""Generated blocks for standards (see kb/standards.py for where they live and their rules).

    <!-- kb:standard ID -->          a standard's page: the current version with its banner,
                                     metadata, text and the history of versions
    <!-- kb:standard-version -->     a version's own page: its banner and metadata
    <!-- kb:standards-register -->  every standard in one table, filterable by kind and status
"""
from __future__ import annotations

import posixpath
import re

from markupsafe import escape

from kb import standards as model
from kb.pages import BLOCK, page_stem, page_url
from kb.formatting import cell, link, money
from publish.standards_feed import feed_path

WORDS = {
    "nl": {
        "standard": "Standaard", "kind": "Soort", "status": "Status", "version": "Versie", "owner": "Eigenaar",
        "effective": "Geldig vanaf", "review": "Herziening uiterlijk", "supersedes": "Vervangt",
        "superseded_by": "Vervangen door", "field": "Gegeven", "value": "Waarde", "details": "Gegevens",
        "text": "Tekst van versie {v}", "history": "Versiegeschiedenis", "changes": "Wat er veranderde",
        "current": "actueel", "outcomes": "Resultaten en tarieven", "outcome": "Resultaat",
        "definition": "Definitie", "evidence": "Bewijs", "price": "Prijs per resultaat", "cap": "Maximum",
        "illustrative": "illustratief", "illustrative_title": "Illustratieve bedragen",
        "illustrative_text": "De bedragen zijn verzonnen om de vorm van een tarievenkaart te laten zien. "
                             "Het zijn geen echte prijzen: reken er niet mee.",
        "example": "voorbeeld",
        "example_text": "**Voorbeeld van Resultaatwijzer.** Geen ministerie heeft deze standaard vastgesteld; "
                        "de status laat alleen zien hoe de levenscyclus van een standaard werkt.",
        "version_of": "versie {v}",
        "banner": {
            "draft": ("Concept – niet vastgesteld", "Versie {v} is een concept. De tekst kan nog veranderen: gebruik hem niet als vastgestelde standaard."),
            "consultation": ("In consultatie – nog niet vastgesteld", "Versie {v} ligt ter consultatie. De tekst kan nog veranderen: gebruik hem niet als vastgestelde standaard."),
            "adopted": ("Vastgesteld – versie {v}", "Vastgesteld door {owner}, geldig vanaf {effective}."),
            "superseded": ("Vervangen – niet meer geldig", "Versie {v} is vervangen door {successor}."),
            "withdrawn": ("Ingetrokken – niet meer geldig", "Versie {v} is ingetrokken."),
        },
        "instead": "Gebruik in plaats daarvan {successor}.",
        "review_by": "Wordt uiterlijk {review} herzien.",
        "newer": "Er is een nieuwere versie: {link} ({status}).",
        "current_is": "De geldende versie van deze standaard is {link}.",
        "all_versions": "Alle versies van deze standaard en hun geschiedenis: {link}.",
        "feed": "Volg nieuwe en gewijzigde standaarden via de Atom-feed",
        "all_standards": "Alle standaarden",
    },
    "en": {
        "standard": "Standard", "kind": "Kind", "status": "Status", "version": "Version", "owner": "Owner",
        "effective": "Effective from", "review": "Review by", "supersedes": "Supersedes",
        "superseded_by": "Superseded by", "field": "Field", "value": "Value", "details": "Details",
        "text": "Text of version {v}", "history": "Version history", "changes": "What changed",
        "current": "current", "outcomes": "Outcomes and prices", "outcome": "Outcome",
        "definition": "Definition", "evidence": "Evidence", "price": "Price per outcome", "cap": "Cap",
        "illustrative": "illustrative", "illustrative_title": "Illustrative amounts",
        "illustrative_text": "The amounts are made up to show what a rate card looks like. They are not "
                             "real prices: do not calculate with them.",
        "example": "example",
        "example_text": "**An example from Resultaatwijzer.** No ministry has adopted this standard; the "
                        "status only shows how the lifecycle of a standard works.",
        "version_of": "version {v}",
        "banner": {
            "draft": ("Draft – not adopted", "Version {v} is a draft. The text may still change: do not use it as an adopted standard."),
            "consultation": ("In consultation – not adopted yet", "Version {v} is out for consultation. The text may still change: do not use it as an adopted standard."),
            "adopted": ("Adopted – version {v}", "Adopted by {owner}, effective from {effective}."),
            "superseded": ("Superseded – no longer in force", "Version {v} has been superseded by {successor}."),
            "withdrawn": ("Withdrawn – no longer in force", "Version {v} has been withdrawn."),
        },
        "instead": "Use {successor} instead.",
        "review_by": "To be reviewed by {review}.",
        "newer": "There is a newer version: {link} ({status}).",
        "current_is": "The version of this standard in force is {link}.",
        "all_versions": "All versions of this standard and their history: {link}.",
        "feed": "Follow new and changed standards in the Atom feed",
        "all_standards": "All standards",
    },
}
HEADING = re.compile(r"^(#{1,5})(\s)")


def _standard_of(kb, rel: str):
    """The standard and (for a version's page) the version a page belongs to."""
    match = model.FILE.match(rel)
    standard = model.collect(kb).get(match["id"]) if match else None
    version = standard.version(match["name"]) if standard else None
    return standard, version


def _successor(kb, rel: str, standard, version, lang: str) -> str:
    return _reference(kb, rel, standard, version.meta.get("superseded_by"), lang)


def banner(kb, rel: str, standard, version, lang: str, extra: list[str] = ()) -> str:
    """The status banner: its own admonition type per status (styled in extra.css)."""
    words, meta = WORDS[lang], version.meta_in(lang)
    status = meta.get("status", "draft")
    title, body = words["banner"][status]
    if meta.get("example"):
        title += f" ({words['example']})"
    successor = _successor(kb, rel, standard, version, lang)
    lines = [body.format(v=version.number, owner=meta.get("owner", ""), effective=meta.get("effective", ""),
                         successor=successor)]
    if status == "adopted" and meta.get("review"):
        lines[0] += " " + words["review_by"].format(review=meta["review"])
    if status == "withdrawn" and successor:
        lines[0] += " " + words["instead"].format(successor=successor)
    lines += list(extra)
    if meta.get("example"):
        lines.append(words["example_text"])
    out = [f'!!! standard-{status} "{title.format(v=version.number)}"', ""]
    for line in lines:
        out += [f"    {line}", ""]
    return "\n".join(out)


def details(kb, rel: str, standard, version, lang: str) -> str:
    words, meta = WORDS[lang], version.meta_in(lang)
    rows = [
        (words["standard"], f"`{standard.id}`"),
        (words["kind"], model.KIND_NAMES[lang].get(meta.get("kind"), meta.get("kind", ""))),
        (words["status"], model.STATUS_NAMES[lang].get(meta.get("status"), meta.get("status", ""))),
        (words["version"], version.number),
        (words["owner"], meta.get("owner", "")),
        (words["effective"], meta.get("effective", "")),
        (words["review"], meta.get("review", "")),
        (words["supersedes"], _reference(kb, rel, standard, meta.get("supersedes"), lang)),
        (words["superseded_by"], _successor(kb, rel, standard, version, lang)),
    ]
    table = [f"| {words['field']} | {words['value']} |", "| --- | --- |"]
    table += [f"| **{label}** | {cell(str(value))} |" for label, value in rows if value]
    return "\n".join(table) + "\n"


def _reference(kb, rel: str, standard, ref, lang: str) -> str:
    """A link to the version a `supersedes`/`superseded_by` reference names."""
    if not ref:
        return ""
    found = model.collect(kb)
    target, _ = model.resolve(found, standard, ref)
    if target is None:
        return ref  # kb check reports it; the build never gets here with a broken reference
    label = WORDS[lang]["version_of"].format(v=target.number)
    if target.standard_id != standard.id:
        label = f"{found[target.standard_id].title(lang)}, {label}"
    return link(rel, target.stem(), label)


def outcomes(version, lang: str) -> str:
    """A rate card's outcomes as a table; amounts marked illustrative say so twice."""
    words, meta = WORDS[lang], version.meta_in(lang)
    items = [o for o in meta.get("outcomes") or [] if isinstance(o, dict)]
    if not items:
        return ""
    out = []
    if any(o.get("illustrative") for o in items):
        out += [f'!!! warning "{words["illustrative_title"]}"', "", f"    {words['illustrative_text']}", ""]
    out += [f"| {words['outcome']} | {words['definition']} | {words['evidence']} | {words['price']} | {words['cap']} |",
            "| --- | --- | --- | ---: | ---: |"]
    for outcome in items:
        mark = f" ({words['illustrative']})" if outcome.get("illustrative") else ""
        price = money(outcome.get("price"), lang) + mark if outcome.get("price") else ""
        cap = money(outcome.get("cap"), lang) + mark if outcome.get("cap") else ""
        out.append("| " + " | ".join(cell(v) for v in [
            f"`{outcome.get('id', '')}`", str(outcome.get("definition", "")), str(outcome.get("evidence", "")),
            price, cap]) + " |")
    return "\n".join(out) + "\n"


def version_body(kb, rel: str, version, lang: str) -> str:
    """A version's Markdown, to show on the standard's page: without its title and banner, and
    with its headings one level down so they sit under the page's own."""
    page = version.pages.get(lang) or version.page
    source = page.source or page.path.read_text(encoding="utf-8")
    lines, out, in_fence, title_seen = source.split("\n")[page.body_line - 1:], [], False, False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence:
            if not title_seen and line.startswith("# "):
                title_seen = True
                continue
            block = BLOCK.match(line.strip())
            if block and block["name"] == "standard-version":
                continue
            line = HEADING.sub(lambda m: "#" + m[1] + m[2], line)
        out.append(line)
    # The version lives in the same folder as the standard's page, so its relative links still work;
    # publish.render expands the blocks it holds.
    return "\n".join(out).strip() + "\n"


def history(kb, rel: str, standard, lang: str) -> str:
    words = WORDS[lang]
    rows = [f"| {words['version']} | {words['status']} | {words['effective']} | {words['changes']} |",
            "| --- | --- | --- | --- |"]
    for version in reversed(standard.versions):
        meta = version.meta_in(lang)
        label = link(rel, version.stem(), version.number)
        if version is standard.current:
            label += f" ({words['current']})"
        rows.append("| " + " | ".join(cell(str(v)) for v in [
            label, model.STATUS_NAMES[lang].get(meta.get("status"), meta.get("status", "")),
            meta.get("effective", "–"), meta.get("changes", "")]) + " |")
    return "\n".join(rows) + "\n"


# --- the blocks ------------------------------------------------------------------------

def standard_page(kb, arg, lang, rel) -> str:
    words = WORDS[lang]
    standard = model.collect(kb).get(arg)
    if standard is None or standard.current is None:
        return ""
    current = standard.current
    newer = [v for v in standard.versions if v.key > current.key]
    extra = []
    if newer:
        status = model.STATUS_NAMES[lang].get(newer[-1].status, newer[-1].status).lower()
        extra.append(words["newer"].format(link=link(rel, newer[-1].stem(), words["version_of"].format(v=newer[-1].number)), status=status))
    parts = [banner(kb, rel, standard, current, lang, extra),
             f"## {words['details']}", "", details(kb, rel, standard, current, lang)]
    table = outcomes(current, lang)
    if table:
        parts += [f"## {words['outcomes']}", "", table]
    parts += [f"## {words['text'].format(v=current.number)}", "", version_body(kb, rel, current, lang),
              f"## {words['history']}", "", history(kb, rel, standard, lang)]
    return "\n".join(parts)


def standard_version(kb, arg, lang, rel) -> str:
    words = WORDS[lang]
    standard, version = _standard_of(kb, rel)
    if version is None:
        return ""  # kb check reports a banner on a page that is no version
    extra = []
    current = standard.current
    if current is not version and current is not None:
        extra.append(words["current_is"].format(link=link(rel, current.stem(), words["version_of"].format(v=current.number))))
    extra.append(words["all_versions"].format(link=link(rel, standard.stem(), standard.title(lang))))
    parts = [banner(kb, rel, standard, version, lang, extra), details(kb, rel, standard, version, lang)]
    table = outcomes(version, lang)
    if table:
        parts.append(table)
    return "\n".join(parts)


def _href(rel: str, lang: str, target: str) -> str:
    """A URL relative to the page being built (raw HTML gets no .md link rewriting)."""
    return posixpath.relpath(target, page_url(page_stem(rel), lang))


def register(kb, arg, lang, rel) -> str:
    """Every standard, one row each; filterable by kind and status and sortable by
    docs/assets/javascripts/tables.js, a plain table without it."""
    words, kinds, statuses = WORDS[lang], model.KIND_NAMES[lang], model.STATUS_NAMES[lang]
    found = [s for s in model.collect(kb).values() if s.current is not None]
    order = {kind: index for index, kind in enumerate(model.KINDS)}
    found.sort(key=lambda s: (order.get(s.current.meta.get("kind"), 99), s.title(lang).lower()))
    rows = []
    for standard in found:
        meta = standard.current.meta_in(lang)
        kind = kinds.get(meta.get("kind"), meta.get("kind", ""))
        status = statuses.get(meta.get("status"), meta.get("status", ""))
        title = f'<a href="{_href(rel, lang, page_url(standard.stem(), lang))}/">{escape(standard.title(lang))}</a>'
        if meta.get("example"):
            title += f" ({words['example']})"
        number = standard.current.number
        newer = [v for v in standard.versions if v.key > standard.current.key]
        if newer:
            number += f" ({newer[-1].number}: {statuses.get(newer[-1].status, newer[-1].status).lower()})"
        cells = [title, escape(kind), escape(status), escape(number), escape(meta.get("owner", "–")),
                 escape(meta.get("effective", "–")), escape(meta.get("review", "–"))]
        rows.append(f'<tr data-kind="{escape(kind)}" data-status="{escape(status)}">'
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = [words[k] for k in ("standard", "kind", "status", "version", "owner", "effective", "review")]
    feed = _href(rel, lang, "/" + feed_path(lang))
    return ('<table class="rw-table" data-filter="kind status" data-sort>\n'
            f"<caption>{escape(words['all_standards'])} ({len(found)})</caption>\n"
            "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in head) + "</tr></thead>\n"
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n\n"
            f'<p class="rw-feed"><a href="{feed}" type="application/atom+xml">{escape(words["feed"])}</a></p>\n')

