"""`kb ledger`: record every newly published status of a standard's versions in the ledger
(kb/data/standards-ledger.yml), with the fingerprint that freezes an adopted version. The
knowledge model reads and checks the ledger (kb/standards_ledger.py); only this command writes it."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from kb import load
from kb import standards as model
from kb import standards_ledger as ledger
from kb.messages import say
from kb.problems import Problem


def update(root: Path, today: date | None = None) -> tuple[list[str], list[Problem]]:
    """Record every public status not in the ledger yet. Refuses (records nothing) while kb check
    finds any other problem, so a changed frozen version can never be recorded."""
    knowledge = load(root)
    pending = getattr(knowledge, "ledger_pending", {})
    blocking = [p for p in knowledge.problems if p not in pending]
    if blocking:
        return [], blocking
    if not pending:
        return [], []
    day = (today or date.today()).isoformat()
    entries, _ = ledger.read(knowledge)
    standards = model.collect(knowledge)
    done = []
    for standard_id, number, status in sorted(set(pending.values()), key=lambda p: (p[0], model.version_key(p[1]))):
        version = standards[standard_id].version(number)
        entry = entries.setdefault((standard_id, number), {"standard": standard_id, "version": number, "history": []})
        entry["history"] = list(entry["history"]) + [{"status": status, "date": day}]
        if status in ledger.FROZEN and not entry.get("fingerprint"):
            entry["fingerprint"] = ledger.fingerprint(version)
            entry["parts"] = ledger.part_hashes(version)
        done.append(say("ledger_recorded", id=standard_id, number=number, status=status, date=day))
    write(knowledge.root / ledger.LEDGER, entries)
    return done, []


def write(path: Path, entries: dict) -> None:
    lines = [ledger.HEADER.rstrip("\n"), "versions:"]
    for key in sorted(entries, key=lambda k: (k[0], model.version_key(k[1]) or (0, 0, 0))):
        entry = entries[key]
        lines += [f"  - standard: {entry['standard']}", f"    version: {entry['version']}"]
        if entry.get("fingerprint"):
            lines.append(f"    fingerprint: \"{entry['fingerprint']}\"")
            lines.append("    parts:")
            lines += [f"      {name}: \"{value}\"" for name, value in sorted(entry["parts"].items())]
        lines.append("    history:")
        lines += [f"      - {{status: {item['status']}, date: {item['date']}}}" for item in entry["history"]]
    if not entries:
        lines[-1] = "versions: []"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_arguments(parser) -> None:
    parser.add_argument("path", nargs="?", default=".", help="the project folder (default: current folder)")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the messages (default: nl)")


def run(args) -> int:
    done, problems = update(Path(args.path))
    if problems:
        print(say("ledger_refused"), file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    for line in done:
        print(line)
    if not done:
        print(say("ledger_nothing"))
    return 0
