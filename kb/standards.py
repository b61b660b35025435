"""Standards published through Resultaatwijzer: read from the pages, and the lifecycle rules.

A standard lives in its own folder, docs/standaarden/<id>/:

    index.nl.md, index.en.md        its stable page (shows the current version)
    1.0.0.nl.md, 1.0.0.en.md        one version; the front matter holds a `standard:` part

`collect(kb)` gives every standard with its versions; `check_standards(kb)` returns the problems
`kb check` reports, each worded for the ministry editor who has to fix it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.schema import schema_problems
from kb.pages import DEFAULT_LANGUAGE, Page
from kb.problems import Problem

FOLDER = "standaarden"
KINDS = ("outcome_definition", "evaluation_standard", "contract_parameters", "rate_card", "guideline")
STATUSES = ("draft", "consultation", "adopted", "superseded", "withdrawn")
# Names in both languages (the register, the banners, the feed).
KIND_NAMES = {
    "nl": {"outcome_definition": "Resultaatdefinitie", "evaluation_standard": "Evaluatiestandaard",
           "contract_parameters": "Contractparameters", "rate_card": "Tarievenkaart", "guideline": "Richtlijn"},
    "en": {"outcome_definition": "Outcome definition", "evaluation_standard": "Evaluation standard",
           "contract_parameters": "Contract parameters", "rate_card": "Outcomes rate card", "guideline": "Guideline"},
}
STATUS_NAMES = {
    "nl": {"draft": "Concept", "consultation": "In consultatie", "adopted": "Vastgesteld",
           "superseded": "Vervangen", "withdrawn": "Ingetrokken"},
    "en": {"draft": "Draft", "consultation": "In consultation", "adopted": "Adopted",
           "superseded": "Superseded", "withdrawn": "Withdrawn"},
}
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
# docs/standaarden/<id>/<name>.<lang>.md, where name is "index" or a version
FILE = re.compile(rf"^{FOLDER}/(?P<id>[^/]+)/(?P<name>[^/]+)\.(?P<lang>nl|en)\.md$")
# `kb new version` writes this into `changes:`; it must be replaced before a version leaves draft.
PLACEHOLDER = "TODO"

# What a version needs, per status, on top of the fields every version has.
REQUIRED = {
    "draft": (),
    "consultation": ("owner",),
    "adopted": ("owner", "effective", "review"),
    "superseded": ("owner", "effective", "superseded_by"),
    "withdrawn": ("owner",),
}
HINTS = {
    "owner": "an owner, the ministry or body that publishes it: add 'owner: ...'",
    "effective": "the date it takes effect: add 'effective: YYYY-MM-DD'",
    "review": "the date by which it will be reviewed: add 'review: YYYY-MM-DD'",
    "superseded_by": "the version that replaces it: add 'superseded_by: ...' (for example 2.0.0)",
}
# A version can only be replaced by one that is (or was) in force.
IN_FORCE_OR_PAST = ("adopted", "superseded", "withdrawn")


def version_key(value) -> tuple[int, int, int] | None:
    if isinstance(value, str) and SEMVER.match(value):
        return tuple(int(part) for part in value.split("."))
    return None


@dataclass
class Version:
    standard_id: str
    number: str                                  # from the file name: it is the URL
    pages: dict = field(default_factory=dict)    # lang -> Page

    @property
    def page(self) -> Page:
        """The Dutch page leads (Dutch first); the English one must agree with it."""
        return self.pages.get(DEFAULT_LANGUAGE) or next(iter(self.pages.values()))

    @property
    def meta(self) -> dict:
        return self.page.meta["standard"]

    def meta_in(self, lang: str) -> dict:
        return (self.pages.get(lang) or self.page).meta["standard"]

    @property
    def status(self) -> str | None:
        return self.meta.get("status")

    @property
    def key(self) -> tuple[int, int, int]:
        return version_key(self.number)

    def stem(self) -> str:
        return f"{FOLDER}/{self.standard_id}/{self.number}"


@dataclass
class Standard:
    id: str
    versions: list[Version] = field(default_factory=list)  # oldest first
    pages: dict = field(default_factory=dict)              # lang -> its stable page

    @property
    def current(self) -> Version | None:
        """The adopted version; without one, the newest."""
        adopted = [v for v in self.versions if v.status == "adopted"]
        return (adopted or self.versions or [None])[-1]

    def version(self, number: str) -> Version | None:
        return next((v for v in self.versions if v.number == number), None)

    def title(self, lang: str) -> str:
        page = self.pages.get(lang)
        return page.title if page else self.id

    def stem(self) -> str:
        return f"{FOLDER}/{self.id}/index"


def collect(kb) -> dict[str, Standard]:
    """Every standard, from the files in docs/standaarden/<id>/; versions sorted oldest first."""
    standards: dict[str, Standard] = {}
    for page in kb.pages:
        match = FILE.match(page.rel)
        if not match:
            continue
        standard = standards.setdefault(match["id"], Standard(match["id"]))
        if match["name"] == "index":
            standard.pages[page.lang] = page
        elif version_key(match["name"]) and isinstance(page.meta.get("standard"), dict):
            version = standard.version(match["name"])
            if version is None:
                version = Version(match["id"], match["name"])
                standard.versions.append(version)
            version.pages[page.lang] = page
    for standard in standards.values():
        standard.versions.sort(key=lambda v: v.key)
    return standards


def resolve(standards: dict, standard: Standard, ref: str) -> tuple[Version | None, str | None]:
    """The version a reference names: '1.1.0' (this standard), 'other-id' or 'other-id/1.0.0'."""
    if "/" in ref:
        standard_id, _, number = ref.partition("/")
    elif version_key(ref):
        standard_id, number = standard.id, ref
    else:
        standard_id, number = ref, ""
    target = standards.get(standard_id)
    if target is None or not target.versions:
        known = ", ".join(sorted(s for s in standards if standards[s].versions)) or "none"
        return None, f"names the standard '{standard_id}', which does not exist in docs/{FOLDER}/ (known standards: {known})"
    if not number:
        return target.current, None
    version = target.version(number)
    if version is None:
        known = ", ".join(v.number for v in target.versions)
        return None, f"names version {number} of '{standard_id}', which does not exist (its versions are: {known})"
    return version, None


def status_of(kb, page: Page) -> str | None:
    """The status a search result shows: a version's own, or the current one on a standard's page."""
    meta = page.meta.get("standard")
    if isinstance(meta, dict):
        return meta.get("status")
    match = FILE.match(page.rel)
    if match and match["name"] == "index":
        standard = collect(kb).get(match["id"])
        if standard and standard.current:
            return standard.current.status
    return None


# --- the checks -----------------------------------------------------------------------

def check_standards(kb) -> list[Problem]:
    problems: list[Problem] = []
    for page in kb.pages:
        problems += _check_page(kb, page)
    standards = collect(kb)
    for standard in standards.values():
        problems += _check_standard(kb, standard, standards)
    return problems


def _file(kb, page: Page) -> str:
    return kb.rel(page.path)


def _check_page(kb, page: Page) -> list[Problem]:
    """Where a standard's files live and what they must hold."""
    file, meta = _file(kb, page), page.meta
    match = FILE.match(page.rel)
    banners = [b for b in page.blocks if b.name == "standard-version"]
    problems = []
    if "standard" not in meta:
        for block in banners:
            problems.append(Problem(file, block.line, "the block kb:standard-version only works on a version of a standard (a page whose front matter has a 'standard:' part)"))
        if match and match["name"] != "index":
            problems.append(Problem(file, page.meta_line, f"every file in docs/{FOLDER}/{match['id']}/ except index is a version of the standard: its front matter needs a 'standard:' part (run 'kb new version {match['id']}' to start one)"))
        if match and match["name"] == "index":
            if meta.get("type") != "standard":
                problems.append(Problem(file, page.line_of("type"), "the page of a standard needs 'type: standard'"))
            if not any(b.name == "standard" and b.arg == match["id"] for b in page.blocks):
                problems.append(Problem(file, page.body_line, f"the page of a standard shows its current version with a line '<!-- kb:standard {match['id']} -->' under the title"))
        elif meta.get("type") == "standard" and not match:
            problems.append(Problem(file, page.line_of("type"), f"'type: standard' is only for the pages in a standard's folder, docs/{FOLDER}/<standard id>/"))
        return problems

    problems += schema_problems("standard", meta, file)
    standard = meta["standard"]
    if not isinstance(standard, dict):
        return problems
    if meta.get("type") != "standard":
        problems.append(Problem(file, page.line_of("type"), "a page with a 'standard:' part is a version of a standard, so it needs 'type: standard'"))
    standard_id, number = standard.get("id"), standard.get("version")
    if isinstance(standard_id, str) and version_key(number):
        expected = f"{FOLDER}/{standard_id}/{number}.{page.lang}.md"
        if page.rel != expected:
            problems.append(Problem(file, standard.line_of("version"), f"this file says it is version {number} of the standard '{standard_id}', so it must be docs/{expected} (the folder is the standard's id, the file name its version)"))
        page_id = f"{standard_id}-{number.replace('.', '-')}"
        if page.id != page_id:
            problems.append(Problem(file, page.line_of("id"), f"the page id of version {number} of '{standard_id}' must be '{page_id}', so that every version has its own id"))
    if not banners:
        problems.append(Problem(file, page.body_line, "a version of a standard shows its status banner: add a line '<!-- kb:standard-version -->' under the title"))
    return problems


def _check_standard(kb, standard: Standard, standards: dict) -> list[Problem]:
    problems = []
    if standard.versions and not standard.pages:
        problems.append(Problem(_file(kb, standard.versions[0].page), 1, f"the standard '{standard.id}' has no page of its own: create docs/{FOLDER}/{standard.id}/index.nl.md and index.en.md ('kb new standard' does this)"))
    if standard.pages and not standard.versions:
        page = standard.pages.get(DEFAULT_LANGUAGE) or next(iter(standard.pages.values()))
        problems.append(Problem(_file(kb, page), 1, f"the standard '{standard.id}' has no versions yet: run 'kb new version {standard.id}'"))
    if not standard.versions:
        return problems

    # At most one adopted version: the newest adopted one is in force.
    adopted = [v for v in standard.versions if v.status == "adopted"]
    for older in adopted[:-1]:
        problems.append(Problem(_file(kb, older.page), older.meta.line_of("status"), f"versions {older.number} and {adopted[-1].number} of '{standard.id}' are both adopted, but only one version can be in force: set version {older.number} to 'status: superseded' with 'superseded_by: {adopted[-1].number}'"))

    # The lifecycle runs one way: once a version is adopted, an older one cannot become a draft again.
    if adopted:
        for older in (v for v in standard.versions if v.key < adopted[-1].key and v.status in ("draft", "consultation")):
            problems.append(Problem(_file(kb, older.page), older.meta.line_of("status"), f"version {older.number} of '{standard.id}' has status '{older.status}', but the newer version {adopted[-1].number} is already adopted: an older version cannot be adopted any more, so set {older.number} to 'status: withdrawn' (or superseded, if it was ever in force)"))

    kind = standard.current.meta.get("kind")
    latest_effective = None  # (date, version) of the newest effective date so far
    for version in standard.versions:
        file, meta = _file(kb, version.page), version.meta
        if meta.get("kind") != kind and meta.get("kind") in KINDS:
            problems.append(Problem(file, meta.line_of("kind"), f"version {version.number} is of kind '{meta.get('kind')}', but the current version {standard.current.number} is '{kind}': all versions of a standard are of the same kind"))
        effective = meta.get("effective")
        if isinstance(effective, str):
            if latest_effective and effective < latest_effective[0]:
                problems.append(Problem(file, meta.line_of("effective"), f"version {version.number} takes effect on {effective}, before the older version {latest_effective[1]} ({latest_effective[0]}): versions only go up, so a newer version cannot take effect earlier"))
            else:
                latest_effective = (effective, version.number)
        problems += _check_version(kb, standard, version, standards)
        problems += _check_outcomes(kb, version)
        problems += _check_unfinished(kb, version)
        problems += _check_languages(kb, version)
    return problems


def _check_version(kb, standard: Standard, version: Version, standards: dict) -> list[Problem]:
    file, meta, status, number = _file(kb, version.page), version.meta, version.status, version.number
    problems = []
    for name in REQUIRED.get(status, ()):
        if not meta.get(name):
            problems.append(Problem(file, meta.line_of("status"), f"version {number} has status '{status}', so it needs {HINTS[name]}"))
    changes = meta.get("changes")
    if status != "draft" and isinstance(changes, str) and changes.strip().startswith(PLACEHOLDER):
        problems.append(Problem(file, meta.line_of("changes"), f"describe what changed in version {number} under 'changes:' (replace the {PLACEHOLDER} text) before it leaves draft"))
    if meta.get("superseded_by") and status not in ("superseded", "withdrawn"):
        problems.append(Problem(file, meta.line_of("superseded_by"), f"version {number} names its successor (superseded_by) but has status '{status}': set 'status: superseded', or remove superseded_by"))
    effective, review = meta.get("effective"), meta.get("review")
    if isinstance(effective, str) and isinstance(review, str) and review < effective:
        problems.append(Problem(file, meta.line_of("review"), f"the review date {review} is before the effective date {effective}"))

    for name in ("supersedes", "superseded_by"):
        ref = meta.get(name)
        if not isinstance(ref, str) or not ref:
            continue
        line = meta.line_of(name)
        target, message = resolve(standards, standard, ref)
        if message:
            problems.append(Problem(file, line, f"'{name}: {ref}' {message}"))
            continue
        if target is version:
            problems.append(Problem(file, line, f"'{name}: {ref}' names this version itself"))
            continue
        if target.standard_id == standard.id:
            if name == "supersedes" and target.key > version.key:
                problems.append(Problem(file, line, f"version {number} can only supersede an older version, but {ref} is newer: versions only go up"))
            if name == "superseded_by" and target.key < version.key:
                problems.append(Problem(file, line, f"version {number} can only be replaced by a newer version, but {ref} is older: versions only go up"))
        if name == "superseded_by" and status == "superseded" and target.status == "withdrawn":
            problems.append(Problem(file, line, f"version {number} is marked superseded by {ref}, but {ref} has been withdrawn, so no version would be in force: set {number} back to 'status: adopted', or withdraw it too"))
        elif name == "superseded_by" and status == "superseded" and target.status not in IN_FORCE_OR_PAST:
            problems.append(Problem(file, line, f"version {number} is marked superseded by {ref}, but that version has status '{target.status}', so it is not in force yet: keep {number} adopted until {ref} is adopted"))
    return problems


def _check_outcomes(kb, version: Version) -> list[Problem]:
    """A rate card: its outcomes, prices and caps; an example's prices must be marked illustrative."""
    file, meta = _file(kb, version.page), version.meta
    outcomes = meta.get("outcomes")
    problems = []
    if meta.get("kind") == "rate_card" and not outcomes:
        problems.append(Problem(file, meta.line_of("kind"), "a rate card lists its outcomes under 'outcomes:', each with id, definition, evidence, price and cap"))
    if meta.get("kind") != "rate_card" and outcomes:
        problems.append(Problem(file, meta.line_of("outcomes"), "only a rate card (kind: rate_card) lists outcomes with prices: remove 'outcomes:' or change the kind"))
    if not isinstance(outcomes, list):
        return problems
    seen = set()
    lines = getattr(outcomes, "item_lines", [])
    for index, outcome in enumerate(outcomes):
        if not isinstance(outcome, dict):
            continue
        line = lines[index] if index < len(lines) else meta.line_of("outcomes")
        name = outcome.get("id")
        if name in seen:
            problems.append(Problem(file, line, f"the outcome id '{name}' is used twice on this rate card"))
        seen.add(name)
        price, cap = outcome.get("price"), outcome.get("cap")
        if isinstance(price, dict) and isinstance(cap, dict):
            if price.get("currency") != cap.get("currency"):
                problems.append(Problem(file, line, f"outcome '{name}': the price is in {price.get('currency')} but the cap in {cap.get('currency')}; use one currency"))
            elif isinstance(price.get("amount"), (int, float)) and isinstance(cap.get("amount"), (int, float)) and cap["amount"] < price["amount"]:
                problems.append(Problem(file, line, f"outcome '{name}': the cap ({cap['amount']}) is lower than the price of a single outcome ({price['amount']})"))
        if meta.get("example") and outcome.get("illustrative") is not True:
            problems.append(Problem(file, line, f"outcome '{name}': this standard is an example, so its amounts are not real prices: add 'illustrative: true'"))
    return problems


def _check_unfinished(kb, version: Version) -> list[Problem]:
    """Template text (TODO) may stay in a draft, never in a version others read as final."""
    if version.status in ("draft", None):
        return []
    problems = []
    for page in version.pages.values():
        source = page.source or page.path.read_text(encoding="utf-8")
        for number, line in enumerate(source.split("\n"), start=1):
            if number >= page.body_line and line.strip().startswith(PLACEHOLDER):
                problems.append(Problem(_file(kb, page), number, f"this line is still template text ({PLACEHOLDER}): write it before version {version.number} leaves draft"))
    return problems


COMPARED_OUTCOME_FIELDS = ("id", "price", "cap", "illustrative")  # definition and evidence are translated


def _check_languages(kb, version: Version) -> list[Problem]:
    """The Dutch and English file of a version must say the same about it (except the changelog text)."""
    if len(version.pages) < 2:
        return []  # the missing twin is reported by the page checks
    dutch, english = version.pages["nl"], version.pages["en"]
    ours, theirs = english.meta["standard"], dutch.meta["standard"]
    problems = []
    for key in sorted((set(ours) | set(theirs)) - {"changes", "outcomes"}):
        if ours.get(key) != theirs.get(key):
            here = f"'{ours[key]}'" if key in ours else "missing"
            there = f"'{theirs[key]}'" if key in theirs else "missing"
            problems.append(Problem(_file(kb, english), ours.line_of(key), f"'{key}' is {here} here but {there} in the Dutch version docs/{dutch.rel}: both languages must say the same"))

    def comparable(meta):
        return [{k: o.get(k) for k in COMPARED_OUTCOME_FIELDS} if isinstance(o, dict) else o for o in meta.get("outcomes") or []]

    if comparable(ours) != comparable(theirs):
        problems.append(Problem(_file(kb, english), ours.line_of("outcomes"), f"the outcomes differ from those in the Dutch version docs/{dutch.rel}: ids, prices, caps and 'illustrative' must be the same; only definition and evidence are translated"))
    return problems
