"""What `kb build` publishes about standards besides their pages, into the release:

    standards.json                   every standard and version as data (read by GET /api/standards)
    site/standaarden/feed.xml        the Atom feeds (publish/standards_feed.py)
    site/en/standaarden/feed.xml

Written from the same knowledge as the site, so the API always matches the published pages.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kb import standards as model
from kb import standards_ledger as ledger
from kb.pages import BLOCK, LANGUAGES, page_url
from publish.standards_feed import write_feeds

FILE = "standards.json"


def _texts(version, key: str) -> dict:
    return {lang: version.meta_in(lang).get(key) for lang in LANGUAGES}


def _money(page, value) -> dict | None:
    """An amount as an exact decimal string, as written ("1250.50"), never a binary float."""
    if not isinstance(value, dict):
        return None
    amount = model.exact_amount(page, value)
    return {"amount": str(amount) if amount is not None else None, "currency": value.get("currency")}


def _outcomes(version) -> list[dict]:
    by_lang = {lang: [o for o in version.meta_in(lang).get("outcomes") or [] if isinstance(o, dict)] for lang in LANGUAGES}
    page = version.pages.get("nl") or version.page
    out = []
    for index, outcome in enumerate(by_lang["nl"]):
        other = by_lang["en"][index] if index < len(by_lang["en"]) else outcome
        out.append({
            "id": outcome.get("id"),
            "definition": {"nl": outcome.get("definition"), "en": other.get("definition")},
            "evidence": {"nl": outcome.get("evidence"), "en": other.get("evidence")},
            "price": _money(page, outcome.get("price")),
            "cap": _money(page, outcome.get("cap")),
            "illustrative": bool(outcome.get("illustrative")),
        })
    return out


def _text(version, lang: str) -> str:
    """The version's Markdown as written, without the banner line the site generates."""
    page = version.pages.get(lang) or version.page
    lines = ledger.body(page).split("\n")
    return "\n".join(line for line in lines if not BLOCK.match(line.strip())).replace("\n\n\n", "\n\n").strip() + "\n"


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
                "adopted_by": meta.get("adopted_by"),
                "decision": _texts(version, "decision"),
                "withdrawn_reason": _texts(version, "withdrawn_reason"),
                "consultation_url": meta.get("consultation_url"),
                "changes": _texts(version, "changes"),
                "url": {lang: page_url(version.stem(), lang) for lang in LANGUAGES},
                "fingerprint": ledger.fingerprint(version) if version.status in ledger.FROZEN else None,
                "history": ledger.history(kb, standard.id, version.number),
                "outcomes": _outcomes(version),
                "text": {lang: _text(version, lang) for lang in LANGUAGES},
            })
        found.append({
            "id": standard.id,
            "kind": standard.current.meta.get("kind"),
            "title": {lang: standard.title(lang) for lang in LANGUAGES},
            "url": {lang: page_url(standard.stem(), lang) for lang in LANGUAGES},
            "example": bool(standard.current.meta.get("example")),
            "current_version": standard.current.number,
            "in_force_version": getattr(standard.in_force(date.today()), "number", None),
            "versions": versions,
        })
    return {"standards": found}


def write(kb, release: Path) -> None:
    (release / FILE).write_text(json.dumps(as_data(kb), ensure_ascii=False, indent=1), encoding="utf-8")
    write_feeds(kb, release / "site")
