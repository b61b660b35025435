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
from datetime import date
from decimal import Decimal

from kb.messages import say
from kb.pages import DEFAULT_LANGUAGE, Page
from kb.problems import Problem
from kb.schema import validator

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
    "adopted": ("owner", "adopted_by", "decision", "effective", "review"),
    "superseded": ("owner", "adopted_by", "decision", "effective", "superseded_by"),
    "withdrawn": ("owner", "withdrawn_reason"),
}
# A version can only be replaced by one that is (or was) in force.
IN_FORCE_OR_PAST = ("adopted", "superseded", "withdrawn")
# Statuses that are ever in force (from their effective date).
DECIDED = ("adopted", "superseded")
# The order of the lifecycle: a status never goes back to a lower rank.
RANK = {"draft": 0, "consultation": 1, "adopted": 2, "superseded": 3, "withdrawn": 4}
# Fields written in the page's own language; every other field must be the same in both files.
TRANSLATED = ("changes", "outcomes", "decision", "withdrawn_reason")
CURRENCIES = ("EUR", "GBP", "USD", "COP", "JPY")
# An amount is written one way: 1500 or 1500.00. Anything else (1.500, 1.500,00, € 1500) is refused.
AMOUNT = re.compile(r"^(0|[1-9][0-9]*)(\.[0-9]{2})?$")


def parse_date(value) -> date | None:
    """A date written as YYYY-MM-DD; anything else is None (the schema reports it)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def raw_amount(page: Page, money) -> str | None:
    """The amount exactly as the editor typed it, read from the page's text (YAML would read
    1.500 as 1.5 and 1.500,00 as two keys). None when there is no `amount:` at all."""
    if not isinstance(money, dict) or "amount" not in money:
        return None
    line = money.line_of("amount") if hasattr(money, "line_of") else 0
    lines = (page.source or "").split("\n")
    if 0 < line <= len(lines):
        found = re.search(r"\bamount\s*:\s*(.*)$", lines[line - 1])
        if found:
            raw = re.split(r",\s*(?:currency|note)\s*:|\}|\s#", found.group(1))[0].strip()
            if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
                raw = raw[1:-1].strip()
            return raw
    value = money["amount"]
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else repr(value)


def exact_amount(page: Page, money) -> Decimal | None:
    """The amount as a Decimal (never a float), or None when it is not written as 1500 or 1500.00."""
    raw = raw_amount(page, money)
    return Decimal(raw) if raw is not None and AMOUNT.match(raw) else None


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
        status = self.meta.get("status")
        return status if isinstance(status, str) else None

    @property
    def effective(self) -> date | None:
        return parse_date(self.meta.get("effective"))

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
    broken: set = field(default_factory=set)               # version numbers whose file could not be read

    @property
    def current(self) -> Version | None:
        """The adopted version; without one, the newest."""
        adopted = [v for v in self.versions if v.status == "adopted"]
        return (adopted or self.versions or [None])[-1]

    def version(self, number: str) -> Version | None:
        return next((v for v in self.versions if v.number == number), None)

    def in_force(self, day: date) -> Version | None:
        """The version in force on a day: the decided version that took effect last, on or before
        that day. A successor takes over on its own effective date, not when it is adopted."""
        started = [v for v in self.versions if v.status in DECIDED and v.effective and v.effective <= day]
        return max(started, key=lambda v: (v.effective, v.key), default=None)

    def periods(self) -> list[tuple]:
        """(version, from, until) for every decided version, oldest first; until is None while open."""
        decided = sorted((v for v in self.versions if v.status in DECIDED and v.effective),
                         key=lambda v: (v.effective, v.key))
        return [(v, v.effective, decided[i + 1].effective if i + 1 < len(decided) else None)
                for i, v in enumerate(decided)]

    def title(self, lang: str) -> str:
        page = self.pages.get(lang)
        return page.title if page else self.id

    def stem(self) -> str:
        return f"{FOLDER}/{self.id}/index"


def collect(kb) -> dict[str, Standard]:
    """Every standard, from the files in docs/standaarden/<id>/; versions sorted oldest first."""
    standards: dict[str, Standard] = {}
    for rel in sorted(getattr(kb, "unreadable", ())):
        match = FILE.match(rel)
        if match:  # reported once where it is; a reference to it is no second mistake
            standards.setdefault(match["id"], Standard(match["id"])).broken.add(match["name"])
    for page in kb.pages:
        match = FILE.match(page.rel)
        if not match:
            continue
        standard = standards.setdefault(match["id"], Standard(match["id"]))
        if match["name"] == "index":
            standard.pages[page.lang] = page
        elif version_key(match["name"]) and not isinstance(page.meta.get("standard"), dict) and "standard" in page.meta:
            standard.broken.add(match["name"])
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
    if target is not None and not target.versions and target.broken:
        return None, None  # its file does not parse: that is the one mistake to report
    if target is None or not target.versions:
        known = ", ".join(sorted(s for s in standards if standards[s].versions)) or "–"
        return None, ("ref_unknown_standard", {"target": standard_id, "known": known, "folder": FOLDER})
    if not number:
        return target.current, None
    version = target.version(number)
    if version is None and number in target.broken:
        return None, None
    if version is None:
        known = ", ".join(v.number for v in target.versions)
        return None, ("ref_unknown_version", {"target": standard_id, "number": number, "known": known})
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

def check_standards(kb) -> tuple[list[Problem], set]:
    """Every problem with the standards (a past review date goes to kb.warnings instead), and the
    versions whose `standard:` part breaks the schema (the ledger check skips those)."""
    problems: list[Problem] = []
    invalid: set = set()  # versions (id, number) whose `standard:` part breaks the schema
    for page in kb.pages:
        found = _check_page(kb, page)
        if found and isinstance(page.meta.get("standard"), dict):
            match = FILE.match(page.rel)
            if match:
                invalid.add((match["id"], match["name"]))
        problems += found
    standards = collect(kb)
    for standard in standards.values():
        problems += _check_standard(kb, standard, standards, invalid)
    return problems, invalid


def _file(kb, page: Page) -> str:
    return kb.rel(page.path)


def _problem(file: str, line, key: str, /, **values) -> Problem:
    return Problem(file, line, say(key, **values))


def _check_page(kb, page: Page) -> list[Problem]:
    """Where a standard's files live and what they must hold."""
    file, meta = _file(kb, page), page.meta
    match = FILE.match(page.rel)
    banners = [b for b in page.blocks if b.name == "standard-version"]
    problems = []
    if "standard" not in meta:
        for block in banners:
            problems.append(_problem(file, block.line, "banner_off_version"))
        if match and match["name"] != "index":
            problems.append(_problem(file, page.meta_line, "needs_standard_part", folder=FOLDER, id=match["id"]))
        if match and match["name"] == "index":
            if meta.get("type") != "standard":
                problems.append(_problem(file, page.line_of("type"), "index_type"))
            if not any(b.name == "standard" and b.arg == match["id"] for b in page.blocks):
                problems.append(_problem(file, page.body_line, "index_block", id=match["id"]))
        elif meta.get("type") == "standard" and not match:
            problems.append(_problem(file, page.line_of("type"), "type_outside", folder=FOLDER))
        return problems

    standard = meta["standard"]
    if not isinstance(standard, dict):
        return problems  # page.yml already says it must be a set of 'field: value' lines
    problems += schema_problems(meta, file)
    problems += _check_money(kb, page)
    if meta.get("type") != "standard":
        problems.append(_problem(file, page.line_of("type"), "version_type"))
    standard_id, number = standard.get("id"), standard.get("version")
    if isinstance(standard_id, str) and version_key(number):
        expected = f"{FOLDER}/{standard_id}/{number}.{page.lang}.md"
        if page.rel != expected:
            problems.append(_problem(file, standard.line_of("version"), "wrong_file", number=number, id=standard_id, expected=expected))
        page_id = f"{standard_id}-{number.replace('.', '-')}"
        if page.id != page_id:
            problems.append(_problem(file, page.line_of("id"), "page_id", number=number, id=standard_id, page_id=page_id))
    if not banners:
        problems.append(_problem(file, page.body_line, "no_banner"))
    return problems


def schema_problems(meta, file: str) -> list[Problem]:
    """The `standard:` part against kb/schemas/standard.yml, in the editor's language."""
    from kb import yamlio

    problems = []
    for error in sorted(validator("standard").iter_errors(meta), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(Problem(file, yamlio.line_at(meta, error.absolute_path), _describe(error)))
    return problems


def _describe(error) -> str:
    where = ".".join(str(p) for p in error.absolute_path)
    subject = f"'{where}'" if where else say("schema_this")
    hint = error.schema.get("description", "") if isinstance(error.schema, dict) else ""
    instance = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return say("schema_required", field=missing, where=say("in", where=where) if where else "")
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extra = ", ".join(sorted(map(str, set(instance) - set(error.schema.get("properties", {})))))
        return say("schema_unknown", field=extra, where=say("in", where=where) if where else "", allowed=allowed)
    if error.validator == "enum":
        return say("schema_enum", subject=subject, value=instance, allowed=", ".join(map(str, error.validator_value)))
    if error.validator == "format" or (error.validator == "pattern" and "YYYY" in hint):
        return say("schema_date", subject=subject, value=instance)
    if error.validator == "type" and isinstance(instance, (int, float)) and not isinstance(instance, bool) \
            and "string" in str(error.validator_value):
        if isinstance(instance, float) and where.endswith(("version", "supersedes", "superseded_by")):
            return say("schema_version_number", subject=subject, value=instance, fix=f"'{instance}.0'")
        return say("schema_number_as_text", subject=subject, value=instance)
    if error.validator == "pattern":
        return say("schema_pattern", subject=subject, value=instance, hint=hint)
    if error.validator == "type":
        kinds = {"string": "kind_text", "array": "kind_list", "object": "kind_mapping", "boolean": "kind_boolean",
                 "number": "kind_number", "integer": "kind_number"}
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return say("schema_type", subject=subject, wanted=say("or").join(say(kinds.get(w, "kind_text")) for w in wanted))
    if error.validator in ("minItems", "minLength"):
        return say("schema_empty", subject=subject)
    return say("schema_other", subject=subject, detail=error.message)


def _check_standard(kb, standard: Standard, standards: dict, invalid: set) -> list[Problem]:
    problems = []
    if standard.versions and not standard.pages:
        problems.append(_problem(_file(kb, standard.versions[0].page), 1, "no_index", id=standard.id, folder=FOLDER))
    if standard.pages and not standard.versions and not standard.broken:
        page = standard.pages.get(DEFAULT_LANGUAGE) or next(iter(standard.pages.values()))
        problems.append(_problem(_file(kb, page), 1, "no_versions", id=standard.id))
    # A version with a schema mistake gets that one message; its other checks would only echo it.
    versions = [v for v in standard.versions if (standard.id, v.number) not in invalid]
    if not versions:
        return problems

    # At most one adopted version: the newest adopted one is in force.
    adopted = [v for v in versions if v.status == "adopted"]
    for older in adopted[:-1]:
        problems.append(_problem(_file(kb, older.page), older.meta.line_of("status"), "two_adopted",
                                 older=older.number, newer=adopted[-1].number, id=standard.id))

    # The lifecycle runs one way: once a version is adopted, an older one cannot become a draft again.
    if adopted:
        for older in (v for v in versions if v.key < adopted[-1].key and v.status in ("draft", "consultation")):
            problems.append(_problem(_file(kb, older.page), older.meta.line_of("status"), "older_not_draft",
                                     number=older.number, id=standard.id, status=older.status, newer=adopted[-1].number))

    current = standard.current
    kind = current.meta.get("kind")
    latest_effective = None  # (date, version) of the newest effective date so far
    for version in versions:
        file, meta = _file(kb, version.page), version.meta
        if meta.get("kind") != kind and isinstance(kind, str):
            problems.append(_problem(file, meta.line_of("kind"), "kind_differs", number=version.number,
                                     kind=meta.get("kind"), current=current.number, current_kind=kind))
        effective = version.effective
        if effective:
            if latest_effective and effective < latest_effective[0]:
                problems.append(_problem(file, meta.line_of("effective"), "effective_earlier", number=version.number,
                                         effective=effective.isoformat(), older=latest_effective[1],
                                         older_effective=latest_effective[0].isoformat()))
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
            problems.append(_problem(file, meta.line_of("status"), "needs", number=number, status=status, hint=say(f"hint_{name}")))
    changes = meta.get("changes")
    if status != "draft" and isinstance(changes, str) and changes.strip().startswith(PLACEHOLDER):
        problems.append(_problem(file, meta.line_of("changes"), "todo_changes", number=number, placeholder=PLACEHOLDER))
    if meta.get("superseded_by") and status not in ("superseded", "withdrawn"):
        problems.append(_problem(file, meta.line_of("superseded_by"), "successor_but_status", number=number, status=status))
    effective, review = version.effective, parse_date(meta.get("review"))
    if effective and review and review < effective:
        problems.append(_problem(file, meta.line_of("review"), "review_before_effective",
                                 review=review.isoformat(), effective=effective.isoformat()))
    if status == "adopted" and review and review < date.today() and version.page.lang == DEFAULT_LANGUAGE:
        kb.warnings.append(_problem(file, meta.line_of("review"), "review_past", number=number,
                                    review=review.isoformat(), id=standard.id))

    for name in ("supersedes", "superseded_by"):
        ref = meta.get(name)
        if not isinstance(ref, str) or not ref:
            continue
        line = meta.line_of(name)
        target, message = resolve(standards, standard, ref)
        if message:
            problems.append(_problem(file, line, message[0], name=name, ref=ref, **message[1]))
            continue
        if target is None:
            continue  # it names a file that does not parse, which is reported there
        if target is version:
            problems.append(_problem(file, line, "ref_self", name=name, ref=ref))
            continue
        if target.standard_id == standard.id:
            if name == "supersedes" and target.key > version.key:
                problems.append(_problem(file, line, "ref_supersedes_newer", number=number, ref=ref))
            if name == "superseded_by" and target.key < version.key:
                problems.append(_problem(file, line, "ref_successor_older", number=number, ref=ref))
        if name == "superseded_by" and status == "superseded" and target.status == "withdrawn":
            problems.append(_problem(file, line, "successor_withdrawn", number=number, ref=ref))
        elif name == "superseded_by" and status == "superseded" and target.status not in IN_FORCE_OR_PAST:
            problems.append(_problem(file, line, "successor_not_in_force", number=number, ref=ref, status=target.status))
    return problems


def _outcome_items(meta):
    """(outcome, line) for every outcome that is a set of fields."""
    outcomes = meta.get("outcomes")
    if not isinstance(outcomes, list):
        return []
    lines = getattr(outcomes, "item_lines", [])
    return [(o, lines[i] if i < len(lines) else meta.line_of("outcomes"))
            for i, o in enumerate(outcomes) if isinstance(o, dict)]


def _check_money(kb, page: Page) -> list[Problem]:
    """Prices and caps, read from the text as written: 1500 or 1500.00, a known currency."""
    problems = []
    for outcome, _line in _outcome_items(page.meta["standard"]):
        name = outcome.get("id")
        for key in ("price", "cap"):
            if key not in outcome:
                continue  # the schema says price is needed
            money = outcome[key]
            where = money.line_of("amount") if hasattr(money, "line_of") else outcome.line_of(key)
            if not isinstance(money, dict) or "amount" not in money or "currency" not in money:
                problems.append(_problem(_file(kb, page), outcome.line_of(key), "money_shape", name=name, field=key))
                continue
            raw = raw_amount(page, money)
            if not AMOUNT.match(raw or ""):
                problems.append(_problem(_file(kb, page), where, "money_format", name=name, field=key, raw=raw))
            elif set(money) - {"amount", "currency"}:
                problems.append(_problem(_file(kb, page), outcome.line_of(key), "money_shape", name=name, field=key))
            elif not isinstance(money["currency"], str) or money["currency"] not in CURRENCIES:
                problems.append(_problem(_file(kb, page), money.line_of("currency"), "money_currency", name=name,
                                         field=key, value=money["currency"], allowed=", ".join(CURRENCIES)))
    return problems


def _check_outcomes(kb, version: Version) -> list[Problem]:
    """A rate card: its outcomes, prices and caps; an example's prices must be marked illustrative."""
    file, meta = _file(kb, version.page), version.meta
    outcomes = meta.get("outcomes")
    problems = []
    if meta.get("kind") == "rate_card" and not outcomes:
        problems.append(_problem(file, meta.line_of("kind"), "rate_card_outcomes"))
    if meta.get("kind") != "rate_card" and outcomes:
        problems.append(_problem(file, meta.line_of("outcomes"), "outcomes_not_rate_card"))
    seen = set()
    for outcome, line in _outcome_items(meta):
        name = outcome.get("id")
        if name in seen:
            problems.append(_problem(file, line, "outcome_twice", name=name))
        seen.add(name)
        price, cap = outcome.get("price"), outcome.get("cap")
        if isinstance(price, dict) and isinstance(cap, dict):
            low, high = exact_amount(version.page, price), exact_amount(version.page, cap)
            if price.get("currency") != cap.get("currency"):
                problems.append(_problem(file, line, "currency_differs", name=name, price=price.get("currency"), cap=cap.get("currency")))
            elif low is not None and high is not None and high < low:
                problems.append(_problem(file, line, "cap_lower", name=name, cap=high, price=low))
        if meta.get("example") and outcome.get("illustrative") is not True:
            problems.append(_problem(file, line, "example_illustrative", name=name))
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
                problems.append(_problem(_file(kb, page), number, "template_text", placeholder=PLACEHOLDER, number=version.number))
    return problems


COMPARED_OUTCOME_FIELDS = ("id", "illustrative")  # definition and evidence are translated; amounts below


def _check_languages(kb, version: Version) -> list[Problem]:
    """The Dutch and English file of a version must say the same about it (except the translated texts)."""
    if len(version.pages) < 2:
        return []  # the missing twin is reported by the page checks
    dutch, english = version.pages["nl"], version.pages["en"]
    ours, theirs = english.meta["standard"], dutch.meta["standard"]
    problems = []
    for key in sorted(map(str, (set(ours) | set(theirs)) - set(TRANSLATED))):
        if ours.get(key) != theirs.get(key):
            here = f"'{ours[key]}'" if key in ours else say("missing")
            there = f"'{theirs[key]}'" if key in theirs else say("missing")
            problems.append(_problem(_file(kb, english), ours.line_of(key), "languages_differ", key=key, here=here,
                                     there=there, dutch=dutch.rel))

    def comparable(page):
        items = []
        for outcome, _ in _outcome_items(page.meta["standard"]):
            item = {k: outcome.get(k) for k in COMPARED_OUTCOME_FIELDS}
            for key in ("price", "cap"):
                money = outcome.get(key)
                item[key] = (exact_amount(page, money), money.get("currency")) if isinstance(money, dict) else money
            items.append(item)
        return items

    if comparable(english) != comparable(dutch):
        problems.append(_problem(_file(kb, english), ours.line_of("outcomes"), "outcomes_differ", dutch=dutch.rel))
    return problems
