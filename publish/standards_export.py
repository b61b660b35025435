"""What `kb build` publishes about standards besides their pages, into the release:

    standards.json                   every standard and version as data (read by GET /api/standards)
    site/standaarden/feed.xml        the Atom feeds (kb/standards_feed.py)
    site/en/standaarden/feed.xml

Written from the same knowledge as the site, so the API always matches the published pages.
"""
from __future__ import annotations

import json
from pathlib import Path

from kb import standards as model
from kb.pages import LANGUAGES, page_url
from publish.standards_feed import write_feeds

FILE = "standards.json"


def _texts(version, key: str) -> dict:
    return {lang: version.meta_in(lang).get(key) for lang in LANGUAGES}


def _outcomes(version) -> list[dict]:
    by_lang = {lang: [o for o in version.meta_in(lang).get("outcomes") or [] if isinstance(o, dict)] for lang in LANGUAGES}
    out = []
    for index, outcome in enumerate(by_lang["nl"]):
        other = by_lang["en"][index] if index < len(by_lang["en"]) else outcome
        out.append({
            "id": outcome.get("id"),
            "definition": {"nl": outcome.get("definition"), "en": other.get("definition")},
            "evidence": {"nl": outcome.get("evidence"), "en": other.get("evidence")},
            "price": dict(outcome["price"]) if outcome.get("price") else None,
            "cap": dict(outcome["cap"]) if outcome.get("cap") else None,
            "illustrative": bool(outcome.get("illustrative")),
        })
    return out


def as_data(kb) -> dict:
    found = []
    for standard in sorted(model.collect(kb).values(), key=lambda s: s.id):
        if standard.current is None:
            continue
        versions = []
        for version in reversed(standard.versions):  # newest first, as on the page
            meta = version.meta
            versions.append({
                "version": version.number,
                "status": meta.get("status"),
                "owner": meta.get("owner"),
                "effective": meta.get("effective"),
                "review": meta.get("review"),
                "supersedes": meta.get("supersedes"),
                "superseded_by": meta.get("superseded_by"),
                "changes": _texts(version, "changes"),
                "url": {lang: page_url(version.stem(), lang) for lang in LANGUAGES},
                "outcomes": _outcomes(version),
            })
        found.append({
            "id": standard.id,
            "kind": standard.current.meta.get("kind"),
            "title": {lang: standard.title(lang) for lang in LANGUAGES},
            "url": {lang: page_url(standard.stem(), lang) for lang in LANGUAGES},
            "example": bool(standard.current.meta.get("example")),
            "current_version": standard.current.number,
            "versions": versions,
        })
    return {"standards": found}


def write(kb, release: Path) -> None:
    (release / FILE).write_text(json.dumps(as_data(kb), ensure_ascii=False, indent=1), encoding="utf-8")
    write_feeds(kb, release / "site")
