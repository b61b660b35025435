"""Generated blocks for standards (see kb/standards.py for where they live and their rules).

    <!-- kb:standard ID -->          a standard's page: the current version with its banner,
                                     metadata, text and the history of versions
    <!-- kb:standard-version -->     a version's own page: its banner and metadata
    <!-- kb:standards-register -->  every standard in one table, filterable by kind and status
"""
from __future__ import annotations

import difflib
import posixpath
import re
from datetime import date

from markupsafe import escape

from kb import standards as model
from kb.formatting import cell, link, money
from kb.pages import BLOCK, page_stem, page_url
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
        "adopted_by": "Vastgesteld door", "decision": "Besluit", "withdrawn_reason": "Reden van intrekking",
        "consultation_url": "Reageren", "fingerprint": "Vingerafdruk (sha256)",
        "fingerprint_note": "Noem in een contract de versie én deze vingerafdruk: zo staat vast welke tekst is afgesproken.",
        "adopted_future": ("Vastgesteld – geldt vanaf {effective}", "Versie {v} is vastgesteld door {adopted_by} ({decision}) en geldt vanaf {effective}."),
        "adopted_now": "Vastgesteld door {adopted_by} ({decision}), geldt sinds {effective}.",
        "until_then": "Tot die datum geldt {link}.",
        "superseded_future": ("Vervangen per {date} – geldt tot dan", "Versie {v} is vervangen door {successor}, die geldt vanaf {date}. Tot die datum geldt versie {v} nog."),
        "superseded_since": "Versie {v} is vervangen door {successor}, die geldt sinds {date}.",
        "reason": "Reden: {reason}",
        "respond": "Reageren kan via [{url}]({url}).",
        "periods": "Welke versie geldt wanneer", "from": "Geldt vanaf", "until": "Tot", "open": "–",
        "in_force_today": "Op {today} geldt {link}.", "none_in_force": "Op {today} geldt nog geen versie van deze standaard.",
        "recorded": "Statuswijzigingen", "diff": "Verschillen met versie {v}", "no_version": "Van deze standaard is nog geen versie gepubliceerd.",
        "standard_feed": "Volg deze standaard via de Atom-feed",
        "examples_title": "Alleen voorbeelden",
        "examples_text": "Alle standaarden hieronder zijn voorbeelden van Resultaatwijzer, geschreven op basis van de bron. "
                         "Geen ministerie heeft ze vastgesteld. Hun status laat zien hoe de levenscyclus werkt.",
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
        "adopted_by": "Adopted by", "decision": "Decision", "withdrawn_reason": "Reason for withdrawal",
        "consultation_url": "Respond", "fingerprint": "Fingerprint (sha256)",
        "fingerprint_note": "In a contract, cite the version and this fingerprint: it fixes which text was agreed.",
        "adopted_future": ("Adopted – in force from {effective}", "Version {v} was adopted by {adopted_by} ({decision}) and is in force from {effective}."),
        "adopted_now": "Adopted by {adopted_by} ({decision}), in force since {effective}.",
        "until_then": "Until that date, {link} is in force.",
        "superseded_future": ("Superseded from {date} – in force until then", "Version {v} has been superseded by {successor}, which is in force from {date}. Until that date, version {v} is still in force."),
        "superseded_since": "Version {v} has been superseded by {successor}, in force since {date}.",
        "reason": "Reason: {reason}",
        "respond": "Responses go to [{url}]({url}).",
        "periods": "Which version is in force when", "from": "In force from", "until": "Until", "open": "–",
        "in_force_today": "On {today}, {link} is in force.", "none_in_force": "On {today}, no version of this standard is in force yet.",
        "recorded": "Status changes", "diff": "Differences from version {v}", "no_version": "No version of this standard has been published yet.",
        "standard_feed": "Follow this standard in the Atom feed",
        "examples_title": "Examples only",
        "examples_text": "All standards below are examples from Resultaatwijzer, written from the source. No ministry "
                         "has adopted them. Their status shows how the lifecycle works.",
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
    """The status banner: its own admonition type per status (styled in extra.css). It says from
    when a version is in force, so 'adopted' is not read as 'in force' before its effective date."""
    words, meta = WORDS[lang], version.meta_in(lang)
    status = meta.get("status", "draft")
    title, body = words["banner"][status]
    today = date.today()
    successor = _successor(kb, rel, standard, version, lang)
    values = dict(v=version.number, owner=meta.get("owner", ""), effective=meta.get("effective", ""),
                  successor=successor, adopted_by=meta.get("adopted_by", ""), decision=meta.get("decision", ""))
    lines = [body.format(**values)]
    if status == "adopted":
        if version.effective and version.effective > today:
            title, text = words["adopted_future"]
            lines = [text.format(**values)]
            before = standard.in_force(today)
            if before is not None and before is not version:
                lines[0] += " " + words["until_then"].format(link=link(rel, before.stem(), words["version_of"].format(v=before.number)))
        else:
            lines = [words["adopted_now"].format(**values)]
        if meta.get("review"):
            lines[0] += " " + words["review_by"].format(review=meta["review"])
    if status == "superseded":
        target, _ = model.resolve(model.collect(kb), standard, str(meta.get("superseded_by", "")))
        when = target.effective if target is not None else None
        if when and when > today:
            title, text = words["superseded_future"]
            values["date"] = when.isoformat()
            lines = [text.format(**values)]
        elif when:
            lines = [words["superseded_since"].format(date=when.isoformat(), **values)]
    if status == "withdrawn":
        if successor:
            lines[0] += " " + words["instead"].format(successor=successor)
        if meta.get("withdrawn_reason"):
            lines[0] += " " + words["reason"].format(reason=meta["withdrawn_reason"])
    if status == "consultation" and meta.get("consultation_url"):
        lines[0] += " " + words["respond"].format(url=meta["consultation_url"])
    if meta.get("example"):
        title += f" ({words['example']})"
    lines += list(extra)
    if meta.get("example"):
        lines.append(words["example_text"])
    out = [f'!!! standard-{status} "{title.format(**values)}"', ""]
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
        (words["adopted_by"], meta.get("adopted_by", "")),
        (words["decision"], meta.get("decision", "")),
        (words["effective"], meta.get("effective", "")),
        (words["review"], meta.get("review", "")),
        (words["supersedes"], _reference(kb, rel, standard, meta.get("supersedes"), lang)),
        (words["superseded_by"], _successor(kb, rel, standard, version, lang)),
        (words["withdrawn_reason"], meta.get("withdrawn_reason", "")),
        (words["consultation_url"], f"<{meta['consultation_url']}>" if meta.get("consultation_url") else ""),
        (words["fingerprint"], f"`{fingerprint_of(version)}`" if version.status in FROZEN else ""),
    ]
    table = [f"| {words['field']} | {words['value']} |", "| --- | --- |"]
    table += [f"| **{label}** | {cell(str(value))} |" for label, value in rows if value]
    note = f"\n{words['fingerprint_note']}\n" if version.status in FROZEN else ""
    return "\n".join(table) + "\n" + note


FROZEN = ("adopted", "superseded", "withdrawn")


def fingerprint_of(version) -> str:
    from kb.standards_ledger import fingerprint  # the same function kb check compares with the ledger

    return fingerprint(version)


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
    page = version.pages.get(lang) or version.page
    for outcome in items:
        mark = f" ({words['illustrative']})" if outcome.get("illustrative") else ""
        price = money(_exact(page, outcome.get("price")), lang) + mark if outcome.get("price") else ""
        cap = money(_exact(page, outcome.get("cap")), lang) + mark if outcome.get("cap") else ""
        out.append("| " + " | ".join(cell(v) for v in [
            f"`{outcome.get('id', '')}`", str(outcome.get("definition", "")), str(outcome.get("evidence", "")),
            price, cap]) + " |")
    return "\n".join(out) + "\n"


def _exact(page, value) -> dict | None:
    """An amount as written (a Decimal, never a float) with its currency, for the money formatter."""
    if not isinstance(value, dict):
        return None
    return {"amount": model.exact_amount(page, value), "currency": value.get("currency")}


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
    """Every version with its status changes as the ledger recorded them, newest version first."""
    from kb.standards_ledger import history as recorded

    words, names = WORDS[lang], model.STATUS_NAMES[lang]
    rows = [f"| {words['version']} | {words['status']} | {words['recorded']} | {words['effective']} | {words['changes']} |",
            "| --- | --- | --- | --- | --- |"]
    for version in reversed(standard.versions):
        meta = version.meta_in(lang)
        label = link(rel, version.stem(), version.number)
        if version is standard.current:
            label += f" ({words['current']})"
        changes = "; ".join(f"{names.get(h['status'], h['status']).lower()} {h['date']}"
                            for h in recorded(kb, standard.id, version.number)) or "–"
        rows.append("| " + " | ".join(cell(str(v)) for v in [
            label, names.get(meta.get("status"), meta.get("status", "")), changes,
            meta.get("effective", "–"), meta.get("changes", "")]) + " |")
    return "\n".join(rows) + "\n"


def periods(kb, rel: str, standard, lang: str) -> str:
    """Which version is in force on which day: the decided versions with their periods."""
    words, found = WORDS[lang], standard.periods()
    if not found:
        return ""
    rows = [f"| {words['version']} | {words['from']} | {words['until']} |", "| --- | --- | --- |"]
    for version, start, end in reversed(found):
        rows.append(f"| {link(rel, version.stem(), version.number)} | {start.isoformat()} | {end.isoformat() if end else words['open']} |")
    today = date.today()
    now = standard.in_force(today)
    line = (words["in_force_today"].format(today=today.isoformat(), link=link(rel, now.stem(), words["version_of"].format(v=now.number)))
            if now else words["none_in_force"].format(today=today.isoformat()))
    return "\n".join(rows) + "\n\n" + line + "\n"


def _normative_lines(version, lang: str) -> list[str]:
    """A version as lines to compare: its fields and amounts, then its text."""
    from kb.standards_ledger import body  # the text exactly as the fingerprint reads it

    page = version.pages.get(lang) or version.page
    meta = page.meta["standard"]
    # Lifecycle fields (status, dates, decision) differ between any two versions: the diff shows terms.
    lines = [f"{key}: {meta[key]}" for key in ("kind", "owner") if meta.get(key)]
    for outcome in meta.get("outcomes") or []:
        if isinstance(outcome, dict):
            lines.append(f"outcome {outcome.get('id')}:")
            for key in ("definition", "evidence"):
                lines.append(f"  {key}: {outcome.get(key, '')}")
            for key in ("price", "cap"):
                value = _exact(page, outcome.get(key))
                if value:
                    lines.append(f"  {key}: {value['amount']} {value['currency']}")
    return lines + [""] + [line for line in body(page).split("\n")
                           if not BLOCK.match(line.strip()) and not line.startswith("# ")]


def differences(kb, rel: str, standard, version, lang: str) -> str:
    """What changed since the previous version, as a unified diff in a collapsible box."""
    older = [v for v in standard.versions if v.key < version.key]
    if not older:
        return ""
    previous = older[-1]
    diff = list(difflib.unified_diff(_normative_lines(previous, lang), _normative_lines(version, lang),
                                     fromfile=previous.number, tofile=version.number, lineterm="", n=1))
    if not diff:
        return ""
    fence = "`" * max(4, max(len(m) for m in re.findall(r"`+", "\n".join(diff)) or [""]) + 1)
    out = [f'??? note "{WORDS[lang]["diff"].format(v=previous.number)}"', "", f"    {fence}diff"]
    out += [f"    {line}" for line in diff]
    return "\n".join(out + [f"    {fence}", ""]) + "\n"


# --- the blocks ------------------------------------------------------------------------

def standard_page(kb, arg, lang, rel) -> str:
    words = WORDS[lang]
    standard = model.collect(kb).get(arg)
    if standard is None or standard.current is None:
        return f'!!! info "{words["no_version"]}"\n'  # only drafts, which the public build leaves out
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
    table = periods(kb, rel, standard, lang)
    if table:
        parts += [f"## {words['periods']}", "", table]
    parts += [f"## {words['text'].format(v=current.number)}", "", version_body(kb, rel, current, lang),
              f"## {words['history']}", "", history(kb, rel, standard, lang),
              f'<p class="rw-feed"><a href="feed.xml" type="application/atom+xml">{escape(words["standard_feed"])}</a></p>', ""]
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
    parts.append(differences(kb, rel, standard, version, lang))
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
    # The warning stands only while every standard is one of Resultaatwijzer's own examples.
    warning = ""
    if found and all(s.current.meta.get("example") for s in found):
        warning = (f'<div class="admonition warning"><p class="admonition-title">{escape(words["examples_title"])}</p>'
                   f'<p>{escape(words["examples_text"])}</p></div>\n\n')
    return (warning + '<table class="rw-table" data-filter="kind status" data-sort>\n'
            f"<caption>{escape(words['all_standards'])} ({len(found)})</caption>\n"
            "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in head) + "</tr></thead>\n"
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n\n"
            f'<p class="rw-feed"><a href="{feed}" type="application/atom+xml">{escape(words["feed"])}</a></p>\n')

