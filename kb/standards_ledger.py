"""The ledger of published versions of standards: adopted means frozen.

kb/data/standards-ledger.yml is committed with the content. For every version that has been
published with a public status (consultation, adopted, superseded, withdrawn) it records the
status history with dates and, from adoption on, a fingerprint of its normative content: the
text in both languages, the amounts and the dates. `kb ledger` writes it; `kb check` then refuses

- a public status that is not recorded yet (so the ledger is updated in the same change),
- any change to a frozen version's normative content (publish a new version instead),
- any status going backwards, and a published version whose files are gone.
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

from kb import standards as model
from kb import yamlio
from kb.messages import say
from kb.pages import LANGUAGES
from kb.problems import Problem
from kb.schema import schema_problems

LEDGER = "kb/data/standards-ledger.yml"
PUBLIC = ("consultation", "adopted", "superseded", "withdrawn")
FROZEN = ("adopted", "superseded", "withdrawn")
# The normative fields of a version; status, superseded_by and withdrawn_reason describe its
# lifecycle and may change after adoption.
NORMATIVE = ("id", "kind", "version", "owner", "adopted_by", "decision", "effective", "review", "supersedes",
             "changes", "example", "outcomes")
HEADER = """\
# The ledger of published versions of standards. Written by `kb ledger`; do not edit it by hand.
# A version recorded as adopted, superseded or withdrawn is frozen: `kb check` refuses any change
# to its fingerprint (its text, amounts and dates) and any status going backwards.
"""


# --- the fingerprint ---------------------------------------------------------------------

def body(page) -> str:
    """A page's Markdown text below the front matter, with line ends and trailing spaces normalised."""
    lines = (page.source or "").replace("\r\n", "\n").split("\n")[page.body_line - 1:]
    return "\n".join(line.rstrip() for line in lines).strip() + "\n"


def _money(page, money):
    if not isinstance(money, dict):
        return None
    amount = model.exact_amount(page, money)
    return {"amount": str(amount.quantize(Decimal("0.01"))) if amount is not None else None,
            "currency": money.get("currency")}


def _plain(value):
    return json.loads(json.dumps(value, default=str))


def parts(version) -> dict:
    """The normative content of a version, part by part, as plain data."""
    found = {}
    for lang in LANGUAGES:
        page = version.pages.get(lang)
        if page is not None:
            found[f"text.{lang}"] = {"title": page.title, "body": body(page)}
    for key in NORMATIVE:
        values = {}
        for lang in LANGUAGES:
            page = version.pages.get(lang)
            if page is None:
                continue
            value = page.meta["standard"].get(key)
            if key == "outcomes" and isinstance(value, list):
                value = [{**{k: o.get(k) for k in ("id", "definition", "evidence", "illustrative")},
                          "price": _money(page, o.get("price")), "cap": _money(page, o.get("cap"))}
                         if isinstance(o, dict) else o for o in value]
            values[lang] = _plain(value)
        if key in model.TRANSLATED:
            found[key] = values
        else:
            found[key] = next(iter(values.values()), None)
    return found


def _canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def fingerprint(version) -> str:
    return "sha256:" + hashlib.sha256(_canonical(parts(version))).hexdigest()


def part_hashes(version) -> dict:
    return {name: hashlib.sha256(_canonical(value)).hexdigest()[:16] for name, value in parts(version).items()}


# --- reading and checking ------------------------------------------------------------------

def path_of(kb) -> Path:
    return kb.root / LEDGER


def read(kb) -> tuple[dict, list[Problem]]:
    """The ledger's entries by (standard id, version), and any problem with the file itself."""
    path = path_of(kb)
    if not path.exists():
        return {}, []
    try:
        data = yamlio.load_file(path)
    except yamlio.YamlError as error:
        return {}, [Problem(LEDGER, error.line, error.message)]
    problems = schema_problems("standards-ledger", data, LEDGER)
    if problems:
        return {}, problems
    entries = {}
    for entry in data["versions"]:
        key = (entry["standard"], entry["version"])
        if key in entries:
            problems.append(Problem(LEDGER, entry.line, say("ledger_twice", number=key[1], id=key[0])))
        entries[key] = entry
    return entries, problems


def check(kb, standards: dict, invalid: set, quiet: bool = False) -> list[Problem]:
    entries, problems = read(kb)
    pending = {}
    for standard in standards.values():
        for version in standard.versions:
            if (standard.id, version.number) in invalid or version.status not in model.RANK:
                continue
            if len(version.pages) < len(LANGUAGES):
                continue  # a missing or unreadable language file is the one mistake to report
            found = _check_version(kb, standard, version, entries.get((standard.id, version.number)))
            if isinstance(found, tuple):  # not recorded yet: `kb ledger` will record it
                pending[found[0]] = found[1]
                if not quiet:
                    problems.append(found[0])
            else:
                problems += found
    for (standard_id, number), entry in entries.items():
        standard = standards.get(standard_id)
        if standard and (standard.version(number) or number in standard.broken):
            continue
        status = entry["history"][-1]["status"]
        for lang in LANGUAGES:
            problems.append(Problem(LEDGER, entry.line, say("published_missing", number=number, id=standard_id,
                                                            status=status, folder=model.FOLDER, lang=lang)))
    kb.ledger_pending = pending
    return problems


def _check_version(kb, standard, version, entry):
    file, meta, status = kb.rel(version.page.path), version.meta, version.status
    if entry is None:
        if status in PUBLIC:
            problem = Problem(file, meta.line_of("status"), say("not_recorded", number=version.number, id=standard.id,
                                                                 status=status, ledger=LEDGER))
            return problem, (standard.id, version.number, status)
        return []
    last = entry["history"][-1]
    if model.RANK[status] < model.RANK[last["status"]]:
        return [Problem(file, meta.line_of("status"), say("status_backwards", number=version.number, id=standard.id,
                                                          recorded=last["status"], status=status, date=last["date"]))]
    problems = []
    recorded = entry.get("fingerprint")
    if recorded and recorded != fingerprint(version):
        now, before = part_hashes(version), entry.get("parts") or {}
        changed = [name for name in now if before.get(name) != now[name]] or ["?"]
        for name in changed:
            if name.startswith("text."):
                page = version.pages.get(name.split(".")[1]) or version.page
                where, line, part = kb.rel(page.path), page.body_line, say("part_text")
            else:
                page = version.page
                where, line = kb.rel(page.path), meta.line_of(name if name != "?" else "version")
                part = say("part_field", field=name) if name != "?" else say("part_text")
            problems.append(Problem(where, line, say("frozen_changed", number=version.number, id=standard.id,
                                                     status=last["status"], fingerprint=recorded, part=part)))
    if status != last["status"] and not problems:
        problem = Problem(file, meta.line_of("status"), say("not_recorded", number=version.number, id=standard.id,
                                                             status=status, ledger=LEDGER))
        return problem, (standard.id, version.number, status)
    return problems


def history(kb, standard_id: str, number: str) -> list[dict]:
    """The recorded status changes of a version, oldest first: [{status, date}]."""
    if not hasattr(kb, "_ledger_entries"):
        kb._ledger_entries = read(kb)[0]
    entry = kb._ledger_entries.get((standard_id, number))
    return [dict(item) for item in entry["history"]] if entry else []


def recorded_fingerprint(kb, standard_id: str, number: str) -> str | None:
    if not hasattr(kb, "_ledger_entries"):
        kb._ledger_entries = read(kb)[0]
    entry = kb._ledger_entries.get((standard_id, number))
    return entry.get("fingerprint") if entry else None
