"""The wizard's decision model, compiled once from the knowledge base.

`build_model(model_inputs(knowledge))` reads kb/data/wizard.yml together with the forms, cases, source
sections and pages it refers to, and returns plain immutable objects the engine can evaluate
quickly. It assumes `kb check` passed; anything it cannot use raises `ModelError`.
"""
from __future__ import annotations

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

    def applies(self, answers: dict, recommendation: str) -> bool:
        if self.recommended is not None and recommendation not in self.recommended:
            return False
        return all(c.matches(answers.get(c.factor, UNKNOWN)) for c in self.when)


@dataclass(frozen=True)
class Form:
    id: str
    name: dict
    stem: str
    cases_from: frozenset
    anchors: dict = field(default_factory=dict)  # {lang: heading}: the form's own section

    def url(self, lang: str) -> str:
        anchor = self.anchors.get(lang)
        return page_url(self.stem, lang) + (f"#{anchor}" if anchor else "")


@dataclass(frozen=True)
class Case:
    id: str
    name: dict
    form: str
    country: str
    country_name: dict
    years: str
    payers: int     # how many outcome payers the case lists (0: not given)
    stem: str | None


@dataclass(frozen=True, eq=False)  # hashed by identity: results are cached per model
class Model:
    version: str
    questions: dict          # id -> Question, in asking order
    forms: tuple[Form, ...]  # tie-break order: first wins
    rules: tuple[Rule, ...]
    cautions: tuple[Caution, ...]
    parameters: dict         # id -> {value, label, note}
    cases: tuple[Case, ...]
    sections: dict           # section id -> {"title", "document"}
    max_cases: int = 4
    close_margin: int = 2

    @property
    def order(self) -> tuple[str, ...]:
        return tuple(self.questions)

    def form(self, form_id: str) -> Form:
        return next(f for f in self.forms if f.id == form_id)


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


def _guidance(inputs, data: dict) -> Guidance:
    stem = data["page"]
    titles = inputs.titles.get(stem) or {}
    if set(titles) != set(LANGUAGES):
        raise ModelError(f"the guidance page '{stem}' does not exist")
    return Guidance(stem=stem, anchors=dict(data.get("anchor") or {}), titles=dict(titles))


def model_inputs(knowledge) -> dict:
    """Everything the compiled model needs, as plain JSON: `kb build` writes it into the release,
    so the service compiles the model without the content."""
    stems = {r["guidance"]["page"] for r in knowledge.wizard.get("rules") or [] if isinstance(r.get("guidance"), dict)}
    stems |= {c["guidance"]["page"] for c in knowledge.wizard.get("cautions") or [] if isinstance(c.get("guidance"), dict)}
    titles = {}
    for stem in stems:
        for lang in LANGUAGES:
            page = knowledge.page_by_stem(stem, lang) or knowledge.page_by_stem(f"{stem}/index", lang)
            if page is not None:
                titles.setdefault(stem, {})[lang] = page.title
    return _plain({
        "wizard": knowledge.wizard, "forms": knowledge.forms, "sections": knowledge.sections,
        "cases": list(knowledge.cases.values()), "countries": knowledge.countries, "page_titles": titles,
        "case_pages": {p.stem.rsplit("/", 1)[-1]: p.stem for p in knowledge.pages_in("nl") if p.meta.get("type") == "case"},
    })


def _plain(value):
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Inputs:
    """The model inputs with the few look-ups the compiler makes."""

    def __init__(self, inputs: dict):
        self.wizard, self.forms, self.sections = inputs["wizard"], inputs["forms"], inputs["sections"]
        self.cases = {c["id"]: c for c in inputs["cases"]}
        self.countries, self.titles, self.case_pages = inputs["countries"], inputs["page_titles"], inputs["case_pages"]


def build_model(inputs: dict) -> Model:
    """Compile the model from `model_inputs(knowledge)` (or the same dict read from a release)."""
    data = inputs.get("wizard") if isinstance(inputs, dict) else None
    if not data:
        raise ModelError("kb/data/wizard.yml is missing or empty")
    try:
        return _build(_Inputs(inputs), data)
    except (KeyError, TypeError, AttributeError, StopIteration) as error:
        raise ModelError(f"kb/data/wizard.yml cannot be used ({error!r}); run 'kb check'") from None


def _build(knowledge, data: dict) -> Model:
    parameters = {key: dict(value) for key, value in (data.get("parameters") or {}).items()}
    by_id = {q["id"]: q for q in data["questions"]}
    questions = {}
    for factor in data["order"]:
        q = by_id[factor]
        questions[factor] = Question(
            id=factor, type=q["type"], text=_bilingual(q["text"], factor), help=_bilingual(q["help"], factor),
            default=q.get("default", UNKNOWN),
            options=tuple(Option(o["value"], _bilingual(o["label"], factor)) for o in q.get("options") or []),
            min=q.get("min"), max=q.get("max"), unit=_bilingual(q["unit"], factor) if q.get("unit") else {},
            unit_one=_bilingual(q["unit_one"], factor) if q.get("unit_one") else {})
    forms = []
    for entry in data["forms"]:
        form = knowledge.forms[entry["id"]]
        forms.append(Form(id=entry["id"], name=_bilingual(form["name"], entry["id"]), stem=form["page"],
                          cases_from=frozenset(entry.get("cases_from") or []),
                          anchors=dict(entry.get("anchor") or {})))
    rules = tuple(
        Rule(id=r["id"], label=_bilingual(r["label"], r["id"]), when=_conditions(r["when"], questions, parameters),
             effects=dict(r["effects"]), text=_bilingual(r["text"], r["id"]), sources=tuple(r["sources"]),
             guidance=_guidance(knowledge, r["guidance"]))
        for r in data["rules"])
    cautions = tuple(
        Caution(id=c["id"], when=_conditions(c.get("when"), questions, parameters),
                recommended=frozenset(c["recommended"]) if c.get("recommended") else None,
                text=_bilingual(c["text"], c["id"]), sources=tuple(c["sources"]),
                guidance=_guidance(knowledge, c["guidance"]))
        for c in data.get("cautions") or [])
    known = {f.id for f in forms}
    for rule in rules:
        if set(rule.effects) - known:
            raise ModelError(f"rule '{rule.id}' names a form the wizard does not know")
    results = data.get("results") or {}
    return Model(
        version=str(data["version"]), questions=questions, forms=tuple(forms), rules=rules, cautions=cautions,
        parameters=parameters, cases=_cases(knowledge),
        sections={k: {"title": v["title"], "document": v["document"]} for k, v in knowledge.sections.items()},
        max_cases=int(results.get("max_cases", 4)), close_margin=int(results.get("close_margin", 2)))


def _cases(knowledge) -> tuple[Case, ...]:
    # A case's own page (a page of type 'case' named after it), if the site has one.
    own = knowledge.case_pages
    cases = []
    for case in knowledge.cases.values():
        start, end = case.get("start_year"), case.get("end_year")
        years = f"{start}–{end}" if start and end else str(start or end or "")
        country = knowledge.countries.get(case.get("country"), {})
        cases.append(Case(
            id=case["id"], name=_bilingual(case["name"], case["id"]), form=case["form"], country=case.get("country", ""),
            country_name=_bilingual(country.get("name") or case.get("country", ""), case["id"]), years=years, payers=len(case.get("outcome_payers") or []),
            # Else the guidance page about it; else its country's page (the Dutch SIBs: lessons).
            stem=own.get(case["id"]) or case.get("page") or country.get("page")))
    return tuple(cases)
