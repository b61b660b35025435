"""The Atom feeds of published and changed standards, one per language, written by `kb build`
into the site: site/standaarden/feed.xml and site/en/standaarden/feed.xml.

Every version gets one entry per status it reaches (its id includes the status), so a
municipality's feed reader shows "1.1.0: adopted" as news after "1.1.0: in consultation".
An entry's date is the version page's `reviewed` date, which editors set when they change it.
Links are relative to the feed, so the feed works on whatever host serves the site.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from xml.etree import ElementTree as ET

from kb import standards as model
from kb.pages import DEFAULT_LANGUAGE, LANGUAGES, page_url

ATOM = "http://www.w3.org/2005/Atom"
ID_PREFIX = "tag:resultaatwijzer,2026:standaarden"
TITLES = {"nl": "Resultaatwijzer – standaarden", "en": "Resultaatwijzer – standards"}
BY = {"nl": "Eigenaar", "en": "Owner"}
VERSION = {"nl": "versie", "en": "version"}

ET.register_namespace("", ATOM)


def feed_path(lang: str) -> str:
    """Where the feed of a language is, relative to the site root."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    return f"{prefix}{model.FOLDER}/feed.xml"


def _href(lang: str, stem: str) -> str:
    return posixpath.relpath(page_url(stem, lang), posixpath.dirname("/" + feed_path(lang))) + "/"


def _element(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def entries(kb, lang: str) -> list[dict]:
    """The feed's entries as plain data, newest first."""
    found = []
    for standard in model.collect(kb).values():
        for version in standard.versions:
            page = version.pages.get(lang) or version.page
            meta = page.meta["standard"]
            status = meta.get("status", "draft")
            found.append({
                "id": f"{ID_PREFIX}/{standard.id}/{version.number}/{status}",
                "title": f"{standard.title(lang)}, {VERSION[lang]} {version.number}: {model.STATUS_NAMES[lang].get(status, status).lower()}",
                "updated": f"{page.meta.get('reviewed')}T00:00:00Z",
                "href": _href(lang, version.stem()),
                "summary": str(meta.get("changes", "")),
                "author": str(meta.get("owner") or "Resultaatwijzer"),
                "kind": meta.get("kind", ""),
                "kind_name": model.KIND_NAMES[lang].get(meta.get("kind"), ""),
            })
    found.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    return found


def feed(kb, lang: str) -> bytes:
    items = entries(kb, lang)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _element(root, "id", f"{ID_PREFIX}/{lang}")
    _element(root, "title", TITLES[lang])
    _element(root, "updated", items[0]["updated"] if items else "1970-01-01T00:00:00Z")
    _element(root, "link", rel="self", href="feed.xml", type="application/atom+xml")
    _element(root, "link", rel="alternate", href="register/", type="text/html")
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
        _element(entry, "summary", f"{item['summary']} ({BY[lang]}: {item['author']})")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_feeds(kb, site: Path) -> None:
    for lang in LANGUAGES:
        path = site / feed_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(feed(kb, lang))
