"""`kb new`: start a standard, or a new version of one, so an editor never copies files by hand.

    kb new standard ID --kind KIND --title-nl TITLE --title-en TITLE
    kb new version ID [--major | --minor | --patch]

A new standard gets its page and a draft 0.1.0 from the templates in publish/templates/. A new
version copies the newest version (text, owner, outcomes) as a draft that supersedes it. Files
are never overwritten; every file created is printed.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from string import Template

import yaml

from kb import standards
from kb.pages import LANGUAGES, PageError, read_page

TEMPLATES = Path(__file__).parent / "templates"
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FIRST_VERSION = "0.1.0"
CHANGES = {"nl": "TODO: beschrijf wat er in deze versie verandert.",
           "en": "TODO: describe what changes in this version."}
VERSION_WORD = {"nl": "versie", "en": "version"}
DESCRIPTION = {"nl": "{kind}: {title}. Vervang deze zin door een korte samenvatting van de standaard.",
               "en": "{kind}: {title}. Replace this sentence by a short summary of the standard."}
# The order of the fields in a version's `standard:` part, as the guide documents them.
ORDER = ("id", "kind", "version", "status", "owner", "effective", "review", "supersedes", "superseded_by",
         "changes", "example", "outcomes")


class NewError(Exception):
    pass


def add_arguments(parser) -> None:
    what = parser.add_subparsers(dest="what", required=True)
    standard = what.add_parser("standard", help="start a new standard: its page and a draft version 0.1.0")
    standard.add_argument("id", help="the standard's id: lower-case letters, digits and hyphens")
    standard.add_argument("--kind", required=True, choices=standards.KINDS)
    standard.add_argument("--title-nl", required=True, help="the Dutch title")
    standard.add_argument("--title-en", required=True, help="the English title")
    standard.add_argument("--project", default=".", help="the project folder (default: current folder)")
    version = what.add_parser("version", help="start a new draft version from the newest version")
    version.add_argument("id", help="the standard's id")
    part = version.add_mutually_exclusive_group()
    for name, meaning in (("major", "changes that break existing contracts (1.2.0 -> 2.0.0)"),
                          ("minor", "additions and changes that keep contracts valid (1.2.0 -> 1.3.0, the default)"),
                          ("patch", "corrections that change no terms (1.2.0 -> 1.2.1)")):
        part.add_argument(f"--{name}", dest="part", action="store_const", const=name, help=meaning)
    version.set_defaults(part="minor")
    version.add_argument("--project", default=".", help="the project folder (default: current folder)")


def run(args) -> int:
    root = Path(args.project)
    try:
        if not (root / "docs").is_dir():
            raise NewError(f"{root} does not look like a Resultaatwijzer project (no docs/ folder)")
        if args.what == "standard":
            created = new_standard(root, args.id, args.kind, {"nl": args.title_nl, "en": args.title_en})
        else:
            created = new_version(root, args.id, args.part)
    except NewError as error:
        print(f"kb new: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created {path.relative_to(root).as_posix()}")
    print("Next: write the text, run 'make check' and preview with 'make dev' (see the authoring guide).")
    return 0


def new_standard(root: Path, standard_id: str, kind: str, titles: dict) -> list[Path]:
    if not ID.match(standard_id):
        raise NewError(f"the id '{standard_id}' may only hold lower-case letters, digits and single hyphens, e.g. 'uitkomst-duurzaam-werk'")
    if kind not in standards.KINDS:
        raise NewError(f"the kind '{kind}' is not one of: {', '.join(standards.KINDS)}")
    for lang, title in titles.items():
        if not title.strip():
            raise NewError(f"the {lang} title is empty")
    folder = root / "docs" / standards.FOLDER / standard_id
    if folder.exists():
        raise NewError(f"docs/{standards.FOLDER}/{standard_id}/ already exists; to add a version, run 'kb new version {standard_id}'")
    today = date.today().isoformat()
    files = {}
    for lang in LANGUAGES:
        title = titles[lang].strip()
        version_title = f"{title}, {VERSION_WORD[lang]} {FIRST_VERSION}"
        values = {
            "id": standard_id, "kind": kind, "version": FIRST_VERSION, "today": today,
            "page_id": page_id(standard_id, FIRST_VERSION), "title": title, "version_title": version_title,
            "title_yaml": json.dumps(title, ensure_ascii=False),  # a JSON string is a valid YAML string
            "version_title_yaml": json.dumps(version_title, ensure_ascii=False),
            "description_yaml": json.dumps(DESCRIPTION[lang].format(kind=standards.KIND_NAMES[lang][kind], title=title), ensure_ascii=False),
            "outcomes": _template(f"rate-card-outcomes.{lang}.yml") if kind == "rate_card" else "",
        }
        files[folder / f"index.{lang}.md"] = Template(_template(f"standard-index.{lang}.md")).safe_substitute(values)
        files[folder / f"{FIRST_VERSION}.{lang}.md"] = Template(_template(f"standard-version.{lang}.md")).safe_substitute(values)
    folder.mkdir(parents=True)
    return _write(files)


def new_version(root: Path, standard_id: str, part: str) -> list[Path]:
    folder = root / "docs" / standards.FOLDER / standard_id
    if not folder.is_dir():
        known = sorted(p.name for p in (root / "docs" / standards.FOLDER).iterdir() if p.is_dir()) \
            if (root / "docs" / standards.FOLDER).is_dir() else []
        raise NewError(f"there is no standard '{standard_id}' in docs/{standards.FOLDER}/ (known: {', '.join(known) or 'none'}); "
                       f"start one with 'kb new standard {standard_id} --kind ... --title-nl ... --title-en ...'")
    names = {p.name.rsplit(".", 2)[0] for p in folder.glob("*.md")}  # "1.0.0.nl.md" -> "1.0.0"
    numbers = sorted((n for n in names if standards.version_key(n)), key=standards.version_key)
    if not numbers:
        raise NewError(f"docs/{standards.FOLDER}/{standard_id}/ has no version to start from (files named like 1.0.0.nl.md)")
    old = numbers[-1]
    new = bump(old, part)
    files = {}
    for lang in LANGUAGES:
        source = folder / f"{old}.{lang}.md"
        if not source.exists():
            raise NewError(f"version {old} has no file docs/{standards.FOLDER}/{standard_id}/{old}.{lang}.md to start from")
        target = folder / f"{new}.{lang}.md"
        if target.exists():
            raise NewError(f"docs/{standards.FOLDER}/{standard_id}/{new}.{lang}.md already exists")
        files[target] = _next_version(source, folder.parent.parent, standard_id, old, new, lang)
    return _write(files)


def bump(version: str, part: str) -> str:
    major, minor, patch = standards.version_key(version)
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[part]


def page_id(standard_id: str, version: str) -> str:
    return f"{standard_id}-{version.replace('.', '-')}"


def _next_version(source: Path, docs: Path, standard_id: str, old: str, new: str, lang: str) -> str:
    """The text of the new version: the old one's, as a draft that supersedes it."""
    try:
        page = read_page(source, docs)
    except PageError as error:
        raise NewError(f"{source.name} cannot be read (line {error.line}): {error.message}; run 'kb check'") from None
    meta = json.loads(json.dumps(page.meta))  # plain dicts and lists for the YAML writer
    if not isinstance(meta.get("standard"), dict):
        raise NewError(f"{source.name} has no 'standard:' part in its front matter; run 'kb check'")
    meta["id"] = page_id(standard_id, new)
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = meta[key].replace(old, new)
    meta["reviewed"] = date.today().isoformat()
    part = dict(meta["standard"], version=new, status="draft", supersedes=old, changes=CHANGES[lang])
    for key in ("superseded_by", "effective", "review"):
        part.pop(key, None)  # they belong to the old version's lifecycle
    meta["standard"] = {key: part[key] for key in ORDER if key in part} | {k: v for k, v in part.items() if k not in ORDER}
    lines = source.read_text(encoding="utf-8").split("\n")[page.body_line - 1:]
    for index, line in enumerate(lines):
        if line.startswith("# "):
            lines[index] = line.replace(old, new)
            break
    front = yaml.dump(meta, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
    return f"---\n{front}---\n" + "\n".join(lines)


class _Dumper(yaml.SafeDumper):
    """Writes front matter the way the hand-written files look: `topics: [a, b]` and
    `price: {amount: 1000, currency: EUR}` on one line, everything else as indented blocks."""


def _plain(items) -> bool:
    return all(not isinstance(item, (dict, list)) for item in items)


_Dumper.add_representer(list, lambda dumper, data: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", data, flow_style=_plain(data)))
_Dumper.add_representer(dict, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data.items(), flow_style=_plain(data.values()) and len(data) <= 3))


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _write(files: dict) -> list[Path]:
    for path, text in files.items():
        with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
            handle.write(text)
    return list(files)
