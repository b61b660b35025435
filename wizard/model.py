"""The wizard's decision model, compiled in two steps.

`model_inputs(knowledge)` gathers everything the model needs from the knowledge base into one
plain, JSON-serialisable dict: kb/data/wizard.yml, the forms, source sections, case records and
the titles and addresses of the pages the model links to. `build_model(inputs)` turns that dict
into plain immutable objects the engine evaluates quickly; it reads no files and needs no
knowledge object, so a service can build the model from a dict stored in a release.
Both assume `kb check` passed; anything unusable raises `ModelError`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kb.pages import LANGUAGES, page_url

UNKNOWN = "unknown"


class ModelError(ValueError):
    pass


@dataclass(frozen=True)
class Option:
    value: str
    label: dict  # {nl, en}


@dataclass(frozen=True)
class Actionable:
    """A factor a commissioner can change: towards which answers, and what doing so means."""
    towards: tuple  # answers to move to; for a number question: ("up",)
    action: dict    # {lang: "Find investors"}


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # "choice" | "number"
    text: dict
    help: dict
    default: Any = UNKNOWN
    options: tuple[Option, ...] = ()
    min: int | None = None
    max: int | None = None
    unit: dict = field(default_factory=dict)
    unit_one: dict = field(default_factory=dict)  # the unit after the number 1
    context: bool = False                         # asked always; never weighs in the advice
    actionable: Actionable | None = None

    @property
    def values(self) -> tuple:
        return tuple(o.value for o in self.options)

    def label(self, value, lang: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label[lang]
        return str(value)


@dataclass(frozen=True)
class Condition:
    factor: str
    values: frozenset | None = None  # answers that match (may hold "unknown")
    min: int | None = None           # inclusive bounds for a number question
    max: int | None = None

    def matches(self, value) -> bool:
        if self.values is not None:
            return value in self.values
        if value == UNKNOWN or value is None:
            return False
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class Guidance:
    stem: str
    anchors: dict  # {lang: anchor}
    titles: dict   # {lang: page title}

    def url(self, lang: str) -> str:
        anchor = self.anchors.get(lang)
        return page_url(self.stem, lang) + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Rule:
    id: str
    label: dict
    when: tuple[Condition, ...]
    effects: dict  # form id -> points
    text: dict
    sources: tuple[str, ...]
    guidance: Guidance

    def applies(self, answers: dict) -> bool:
        return all(c.matches(answers.get(c.factor, UNKNOWN)) for c in self.when)


@dataclass(frozen=True)
class Caution:
    id: str
    when: tuple[Condition, ...]
    recommended: frozenset | None  # None: with every recommendation
    text: dict
    sources: tuple[str, ...]
    guidance: Guidance

    def applies(self, answers: dict, recommendation: str | None) -> bool:
        if self.recommended is not None and recommendation not in self.recommended:
            return False
        return all(c.matches(answers.get(c.factor, UNKNOWN)) for c in self.when)


@dataclass(frozen=True)
class Step:
    """One item of a form's next-steps checklist: a text and where to do it."""
    text: dict
    urls: dict     # {lang: address}; "{form}" in an address is the form id
    titles: dict   # {lang: title of the page}, empty for an address outside the knowledge base


@dataclass(frozen=True)
class Form:
    id: str
    name: dict
    stem: str
    level: int                    # how much the form pays for results: 0 grant, 1 output, 2 outcomes
    cases_from: frozenset
    anchors: dict = field(default_factory=dict)  # {lang: heading}: the form's own section
    profile: dict = field(default_factory=dict)  # {aspect: {lang: text}} from kb/data/forms.yml
    profile_sources: tuple = ()
    next_steps: tuple[Step, ...] = ()

    def url(self, lang: str) -> str:
        anchor = self.anchors.get(lang)
        return page_url(self.stem, lang) + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True, eq=False)
class Case:
    id: str
    name: dict
    form: str
    country: str
    country_name: dict
    years: str
    payers: int     # how many outcome payers the case lists (0: not given)
    stem: str | None
    areas: dict = field(default_factory=dict)  # policy area -> rank within it (wizard.yml case_areas)


@dataclass(frozen=True, eq=False)  # hashed by identity: results are cached per model
class Model:
    version: str
    questions: dict          # id -> Question, in asking order
    forms: tuple[Form, ...]  # in the order a tie is listed (never a silent choice: see engine)
    rules: tuple[Rule, ...]
    cautions: tuple[Caution, ...]
    parameters: dict         # id -> {value, label, note}
    cases: tuple[Case, ...]
    sections: dict           # section id -> {"title", "document"}
    max_cases: int = 4
    close_margin: int = 2
    max_changes: int = 5
    max_find_out: int = 5
    levels: dict = field(default_factory=dict)  # level -> {lang: name}
    form_names: dict = field(default_factory=dict)  # every form in kb/data/forms.yml -> {lang: name}

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(self.questions)

    @property
    def scored(self) -> tuple[str, ...]:
        """The factors that can weigh in the advice (every question but the context ones)."""
        return tuple(f for f, q in self.questions.items() if not q.context)

    def form(self, form_id: str) -> Form:
        return next(f for f in self.forms if f.id == form_id)

    def level(self, form_id: str) -> int:
        return self.form(form_id).level


# --- step 1: the inputs, from the knowledge base ---------------------------------------------

def _plain(value):
    """Parsed YAML (with line numbers) as plain JSON data."""
    return json.loads(json.dumps(value, default=str))


def _page_entry(knowledge, stem: str) -> dict | None:
    entry = {}
    for lang in LANGUAGES:
        page = knowledge.page_by_stem(stem, lang) or knowledge.page_by_stem(f"{stem}/index", lang)
        if page is None:
            return None
        entry[lang] = {"title": page.title, "url": page_url(page.stem, lang)}
    return entry


def _stems(wizard: dict, forms: dict) -> set[str]:
    stems = set()
    for kind in ("rules", "cautions"):
        for entry in wizard.get(kind) or []:
            if isinstance(entry.get("guidance"), dict):
                stems.add(entry["guidance"].get("page"))
    for entry in wizard.get("forms") or []:
        for step in entry.get("next_steps") or []:
            if step.get("page"):
                stems.add(step["page"])
        form = forms.get(entry.get("id")) or {}
        if form.get("page"):
            stems.add(form["page"])
    return {s for s in stems if isinstance(s, str)}


def model_inputs(knowledge) -> dict:
    """Everything the compiled model needs, as one JSON-serialisable dict."""
    wizard = _plain(knowledge.wizard)
    if not wizard:
        raise ModelError("kb/data/wizard.yml is missing or empty")
    forms = _plain(knowledge.forms)
    pages = {}
    for stem in sorted(_stems(wizard, forms)):
        entry = _page_entry(knowledge, stem)
        if entry is not None:
            pages[stem] = entry
    # A case's own page (a page of type 'case' named after it), if the site has one.
    own = {p.stem.rsplit("/", 1)[-1]: p.stem for p in knowledge.pages_in("nl") if p.meta.get("type") == "case"}
    cases = []
    for case in knowledge.cases.values():
        start, end = case.get("start_year"), case.get("end_year")
        country = knowledge.countries.get(case.get("country"), {})
        cases.append({
            "id": case["id"], "name": _plain(case["name"]), "form": case["form"], "country": case.get("country", ""),
            "country_name": _plain(country.get("name") or case.get("country", "")),
            "years": f"{start}–{end}" if start and end else str(start or end or ""),
            "payers": len(case.get("outcome_payers") or []),
            # Else the guidance page about it; else its country's page (the Dutch SIBs: lessons).
            "stem": own.get(case["id"]) or case.get("page") or country.get("page")})
    return {
        "wizard": wizard,
        "forms": forms,
        "sections": {k: {"title": v["title"], "document": v["document"]} for k, v in knowledge.sections.items()},
        "cases": cases,
        "pages": pages,
    }


# --- step 2: the model, from the inputs alone ------------------------------------------------

def _bilingual(value, what: str) -> dict:
    if isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGUAGES):
        return {lang: value[lang] for lang in LANGUAGES}
    if isinstance(value, str):
        return {lang: value for lang in LANGUAGES}
    raise ModelError(f"{what} needs a Dutch and an English text")


def _conditions(when, questions: dict, parameters: dict) -> tuple[Condition, ...]:
    conditions = []
    for factor, condition in (when or {}).items():
        if factor not in questions:
            raise ModelError(f"a condition names the unknown question '{factor}'")
        if isinstance(condition, list):
            conditions.append(Condition(factor, values=frozenset(condition)))
            continue
        bounds = {}
        for key in ("min", "max"):
            bound = condition.get(key)
            bounds[key] = parameters[bound]["value"] if isinstance(bound, str) else bound
        conditions.append(Condition(factor, min=bounds["min"], max=bounds["max"]))
    return tuple(conditions)


def _guidance(pages: dict, data: dict) -> Guidance:
    stem = data["page"]
    if stem not in pages:
        raise ModelError(f"the guidance page '{stem}' does not exist")
    return Guidance(stem=stem, anchors=dict(data.get("anchor") or {}),
                    titles={lang: pages[stem][lang]["title"] for lang in LANGUAGES})


def _step(pages: dict, data: dict) -> Step:
    if data.get("page"):
        stem = data["page"]
        if stem not in pages:
            raise ModelError(f"the next step names the page '{stem}', which does not exist")
        anchors = data.get("anchor") or {}
        urls = {lang: pages[stem][lang]["url"] + (f"#{anchors[lang]}" if anchors.get(lang) else "") for lang in LANGUAGES}
        titles = {lang: pages[stem][lang]["title"] for lang in LANGUAGES}
    else:
        urls, titles = _bilingual(data["url"], "a next step's address"), {}
    return Step(text=_bilingual(data["text"], "a next step"), urls=urls, titles=titles)


def _question(q: dict) -> Question:
    factor = q["id"]
    actionable = None
    if q.get("actionable"):
        a = q["actionable"]
        towards = tuple(a.get("towards") or ["up"])
        actionable = Actionable(towards=towards, action=_bilingual(a["action"], factor))
    return Question(
        id=factor, type=q["type"], text=_bilingual(q["text"], factor), help=_bilingual(q["help"], factor),
        default=q.get("default", UNKNOWN),
        options=tuple(Option(o["value"], _bilingual(o["label"], factor)) for o in q.get("options") or []),
        min=q.get("min"), max=q.get("max"), unit=_bilingual(q["unit"], factor) if q.get("unit") else {},
        unit_one=_bilingual(q["unit_one"], factor) if q.get("unit_one") else {},
        context=bool(q.get("context")), actionable=actionable)


def build_model(inputs: dict) -> Model:
    """The model from `model_inputs(...)` (or the same dict read back from JSON)."""
    if not isinstance(inputs, dict) or not inputs.get("wizard"):
        raise ModelError("the wizard's inputs are missing or empty")
    try:
        return _build(inputs)
    except (KeyError, TypeError, AttributeError, StopIteration, ValueError) as error:
        if isinstance(error, ModelError):
            raise
        raise ModelError(f"kb/data/wizard.yml cannot be used ({error!r}); run 'kb check'") from None


def _build(inputs: dict) -> Model:
    data, pages, form_data = inputs["wizard"], inputs["pages"], inputs["forms"]
    parameters = {key: dict(value) for key, value in (data.get("parameters") or {}).items()}
    by_id = {q["id"]: q for q in data["questions"]}
    questions = {factor: _question(by_id[factor]) for factor in data["order"]}
    forms = []
    for entry in data["forms"]:
        form = form_data[entry["id"]]
        profile = form.get("profile") or {}
        forms.append(Form(
            id=entry["id"], name=_bilingual(form["name"], entry["id"]), stem=form["page"],
            level=int(entry["pays_for_results"]), cases_from=frozenset(entry.get("cases_from") or []),
            anchors=dict(entry.get("anchor") or {}),
            profile={k: _bilingual(v, f"{entry['id']}.{k}") for k, v in profile.items() if k != "sources"},
            profile_sources=tuple(profile.get("sources") or ()),
            next_steps=tuple(_step(pages, s) for s in entry.get("next_steps") or [])))
    rules = tuple(
        Rule(id=r["id"], label=_bilingual(r["label"], r["id"]), when=_conditions(r["when"], questions, parameters),
             effects=dict(r["effects"]), text=_bilingual(r["text"], r["id"]), sources=tuple(r["sources"]),
             guidance=_guidance(pages, r["guidance"]))
        for r in data["rules"])
    cautions = tuple(
        Caution(id=c["id"], when=_conditions(c.get("when"), questions, parameters),
                recommended=frozenset(c["recommended"]) if c.get("recommended") else None,
                text=_bilingual(c["text"], c["id"]), sources=tuple(c["sources"]),
                guidance=_guidance(pages, c["guidance"]))
        for c in data.get("cautions") or [])
    known = {f.id for f in forms}
    for rule in rules:
        if set(rule.effects) - known:
            raise ModelError(f"rule '{rule.id}' names a form the wizard does not know")
        if any(questions[c.factor].context for c in rule.when):
            raise ModelError(f"rule '{rule.id}' asks about a context question, which may not weigh in the advice")
    areas = {}
    for area, case_ids in (data.get("case_areas") or {}).items():
        for rank, case_id in enumerate(case_ids):
            areas.setdefault(case_id, {})[area] = rank
    cases = tuple(Case(id=c["id"], name=_bilingual(c["name"], c["id"]), form=c["form"], country=c["country"],
                       country_name=_bilingual(c["country_name"], c["id"]), years=c["years"], payers=c["payers"],
                       stem=c.get("stem"), areas=dict(areas.get(c["id"], {})))
                  for c in inputs["cases"])
    results = data.get("results") or {}
    return Model(
        version=str(data["version"]), questions=questions, forms=tuple(forms), rules=rules, cautions=cautions,
        parameters=parameters, cases=cases, sections=dict(inputs["sections"]),
        max_cases=int(results.get("max_cases", 4)), close_margin=int(results.get("close_margin", 2)),
        max_changes=int(results.get("max_changes", 5)), max_find_out=int(results.get("max_find_out", 5)),
        levels={int(k): _bilingual(v, "a level") for k, v in (data.get("levels") or {}).items()},
        form_names={k: _bilingual(v["name"], k) for k, v in form_data.items()})
