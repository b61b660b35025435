"""The Atom feeds of published and changed standards, written by `kb build` into the site:

    site/standaarden/feed.xml, site/en/standaarden/feed.xml            every standard
    site/standaarden/<id>/feed.xml, site/en/standaarden/<id>/feed.xml  one standard

Every status change of a version is its own entry (its id includes the status), dated by the
day the ledger recorded it (kb/data/standards-ledger.yml), so a feed reader shows
"1.1.0: adopted" as news after "1.1.0: in consultation" and keeps both. A frozen version's entry
carries its fingerprint. A version the ledger does not know yet (a draft in a preview build) is
dated by its page's `reviewed` date. Links are relative to the feed, so any host can serve it.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from xml.etree import ElementTree as ET

from kb import standards as model
from kb import standards_ledger as ledger
from kb.pages import DEFAULT_LANGUAGE, LANGUAGES, page_url

ATOM = "http://www.w3.org/2005/Atom"
ID_PREFIX = "tag:resultaatwijzer,2026:standaarden"
TITLES = {"nl": "Resultaatwijzer – standaarden", "en": "Resultaatwijzer – standards"}
BY = {"nl": "Eigenaar", "en": "Owner"}
VERSION = {"nl": "versie", "en": "version"}
FINGERPRINT = {"nl": "Vingerafdruk", "en": "Fingerprint"}

ET.register_namespace("", ATOM)


def feed_path(lang: str, standard_id: str | None = None) -> str:
    """Where a feed is, relative to the site root: the overall one, or one standard's."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    folder = f"{model.FOLDER}/{standard_id}" if standard_id else model.FOLDER
    return f"{prefix}{folder}/feed.xml"


def _href(lang: str, stem: str, standard_id: str | None = None) -> str:
    return posixpath.relpath(page_url(stem, lang), posixpath.dirname("/" + feed_path(lang, standard_id))) + "/"


def _element(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def entries(kb, lang: str, standard_id: str | None = None) -> list[dict]:
    """The feed's entries as plain data, newest first: one per recorded status change."""
    found = []
    for standard in model.collect(kb).values():
        if standard_id and standard.id != standard_id:
            continue
        for version in standard.versions:
            page = version.pages.get(lang) or version.page
            meta = page.meta["standard"]
            changes = ledger.history(kb, standard.id, version.number) or [
                {"status": meta.get("status", "draft"), "date": str(page.meta.get("reviewed"))}]
            fingerprint = ledger.recorded_fingerprint(kb, standard.id, version.number)
            for change in changes:
                status = change["status"]
                summary = f"{meta.get('changes', '')} ({BY[lang]}: {meta.get('owner') or 'Resultaatwijzer'})"
                if fingerprint and status in ledger.FROZEN:
                    summary += f" {FINGERPRINT[lang]}: {fingerprint}"
                found.append({
                    "id": f"{ID_PREFIX}/{standard.id}/{version.number}/{status}",
                    "title": f"{standard.title(lang)}, {VERSION[lang]} {version.number}: {model.STATUS_NAMES[lang].get(status, status).lower()}",
                    "updated": f"{change['date']}T00:00:00Z",
                    "href": _href(lang, version.stem(), standard_id),
                    "summary": summary,
                    "author": str(meta.get("owner") or "Resultaatwijzer"),
                    "kind": meta.get("kind", ""),
                    "kind_name": model.KIND_NAMES[lang].get(meta.get("kind"), ""),
                    "fingerprint": fingerprint if status in ledger.FROZEN else None,
                })
    found.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    return found


def feed(kb, lang: str, standard_id: str | None = None) -> bytes:
    items = entries(kb, lang, standard_id)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _element(root, "id", f"{ID_PREFIX}/{standard_id}/{lang}" if standard_id else f"{ID_PREFIX}/{lang}")
    title = TITLES[lang]
    if standard_id:
        title += f": {model.collect(kb)[standard_id].title(lang)}"
    _element(root, "title", title)
    _element(root, "updated", items[0]["updated"] if items else "1970-01-01T00:00:00Z")
    _element(root, "link", rel="self", href="feed.xml", type="application/atom+xml")
    _element(root, "link", rel="alternate", href="./" if standard_id else "register/", type="text/html")
    _element(_element(root, "author"), "name", "Resultaatwijzer")
    for item in items:
        entry = _element(root, "entry")
        _element(entry, "id", item["id"])
        _element(entry, "title", item["title"])
        _element(entry, "updated", item["updated"])
        _element(entry, "link", rel="alternate", href=item["href"], type="text/html")
        _element(_element(entry, "author"), "name", item["author"])
        if item["kind"]:
            _element(entry, "category", term=item["kind"], label=item["kind_name"])
        _element(entry, "summary", item["summary"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_feeds(kb, site: Path) -> None:
    targets = [None] + [s.id for s in model.collect(kb).values() if s.pages]
    for lang in LANGUAGES:
        for standard_id in targets:
            path = site / feed_path(lang, standard_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(feed(kb, lang, standard_id))
