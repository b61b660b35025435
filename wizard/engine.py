"""Evaluate answers against the decision model. Pure: no Flask, no I/O, no language.

Every form starts at 0 points; each rule whose conditions hold adds its effects. The form with
the most points leads; forms with equal points are listed in the model's order, but a tie is
never presented as firm advice: the result's confidence says how sure the advice is.

- `clear`: the leader is more than `close_margin` points ahead of the runner-up.
- `close`: the runner-up is within the margin (a tie included); both are named, with the
  answers that would decide between them.
- `undecided`: a question answered "unknown" (or not at all) could still move the advice to a
  form that pays more or less for results; there is then no recommendation, only the list of
  what to find out first, most important first.

A factor that is not answered counts as unknown; no rule reads unknown as "no".
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wizard.model import UNKNOWN, Model

CLEAR, CLOSE, UNDECIDED = "clear", "close", "undecided"


@dataclass(frozen=True)
class Ranked:
    form: str
    score: int
    for_rules: tuple[str, ...]      # fired rules that added points to this form
    against_rules: tuple[str, ...]  # fired rules that took points away


@dataclass(frozen=True)
class Change:
    factor: str
    value: object          # the alternative answer (for a number: the lowest of its range)
    low: int | None        # for a number question: the range of answers this stands for
    high: int | None
    form: str              # the form these answers would lead to
    margin: int = 0        # how far that form would be ahead of its runner-up
    confidence: str = CLEAR


@dataclass(frozen=True)
class FindOut:
    factor: str
    forms: tuple[str, ...]  # the forms its possible answers lead to, leader first
    shifts_level: bool      # an answer would change how much the advice pays for results


@dataclass(frozen=True)
class Result:
    recommendation: str | None  # None when undecided
    leader: str                 # the form with most points (also when undecided)
    confidence: str             # clear | close | undecided
    runner_up: str | None       # the second form, when close
    ranking: tuple[Ranked, ...]
    reasons: tuple[str, ...]    # rule ids that support the leader (see reasons_kind)
    reasons_kind: str           # "for": they added points to it; "against": they took points
                                # from the other forms (no rule added points to the leader)
    risks: tuple[str, ...]      # fired rules that take points from the recommendation
    decides: tuple[Change, ...]          # when close: answers that would settle it
    find_out_first: tuple[FindOut, ...]  # when undecided: what to find out, in order
    fired: tuple[str, ...]      # every rule that applied
    cautions: tuple[str, ...]
    would_change: tuple[Change, ...]     # actionable changes only, biggest effect first
    cases: tuple[str, ...]
    answers: dict               # every factor, unknown ones included
    model_version: str


def complete(model: Model, answers: dict) -> dict:
    """Every factor of the model with its answer; a missing one takes its default (unknown)."""
    return {factor: answers.get(factor, question.default) for factor, question in model.questions.items()}


def scores(model: Model, answers: dict) -> dict:
    totals = {form.id: 0 for form in model.forms}
    for rule in model.rules:
        if rule.applies(answers):
            for form, points in rule.effects.items():
                totals[form] += points
    return totals


def order(model: Model, totals: dict) -> list[str]:
    """Form ids by points, most first; equal points keep the model's order (see confidence)."""
    return sorted((f.id for f in model.forms), key=lambda form: -totals[form])  # sorted() is stable


def recommend(model: Model, answers: dict) -> str:
    """The leading form (the form with most points)."""
    return order(model, scores(model, answers))[0]


def classify(model: Model, totals: dict, undecided: bool) -> str:
    if undecided:
        return UNDECIDED
    first, second = order(model, totals)[:2]
    return CLOSE if totals[first] - totals[second] <= model.close_margin else CLEAR


def margin(model: Model, totals: dict) -> int:
    first, second = order(model, totals)[:2]
    return totals[first] - totals[second]


def evaluate(model: Model, answers: dict) -> Result:
    answers = complete(model, answers)
    fired = [rule for rule in model.rules if rule.applies(answers)]
    totals = scores(model, answers)
    ranked_ids = order(model, totals)
    leader = ranked_ids[0]
    ranking = tuple(Ranked(form, totals[form],
                           tuple(r.id for r in fired if r.effects.get(form, 0) > 0),
                           tuple(r.id for r in fired if r.effects.get(form, 0) < 0))
                    for form in ranked_ids)
    find_out = find_out_first(model, answers, leader)
    confidence = classify(model, totals, undecided=any(f.shifts_level for f in find_out))
    recommendation = None if confidence == UNDECIDED else leader
    runner_up = ranked_ids[1] if confidence == CLOSE else None
    reasons, reasons_kind = ranking[0].for_rules, "for"
    if not reasons:
        reasons, reasons_kind = against_others(fired, leader), "against"
    shown = [f for f in (recommendation, runner_up) if f] or ranked_ids[:2]
    return Result(
        recommendation=recommendation,
        leader=leader,
        confidence=confidence,
        runner_up=runner_up,
        ranking=ranking,
        reasons=reasons,
        reasons_kind=reasons_kind,
        risks=tuple(r.id for r in fired if recommendation and r.effects.get(recommendation, 0) < 0),
        decides=deciding(model, answers, leader, runner_up) if runner_up else (),
        find_out_first=tuple(f for f in find_out if confidence == UNDECIDED)[: model.max_find_out],
        fired=tuple(r.id for r in fired),
        cautions=tuple(c.id for c in model.cautions if c.applies(answers, recommendation)),
        would_change=would_change(model, answers, leader, {f.factor for f in find_out} if confidence == UNDECIDED else set()),
        cases=similar_cases(model, answers, shown, ranked_ids),
        answers=answers,
        model_version=model.version,
    )


def against_others(fired, recommendation: str) -> tuple[str, ...]:
    """The fired rules that took points from another form and none from the recommendation."""
    return tuple(rule.id for rule in fired
                 if rule.effects.get(recommendation, 0) >= 0
                 and any(points < 0 for form, points in rule.effects.items() if form != recommendation))


# --- the answers the rules can tell apart ----------------------------------------------------

def value_classes(model: Model, factor: str) -> list[tuple]:
    """The answers to a question that the rules can tell apart, as (value, low, high).

    A choice question gives each option; a number question gives one range per stretch
    between the thresholds the rules use, represented by its lowest value.
    """
    question = model.questions[factor]
    if question.type != "number":
        return [(value, None, None) for value in question.values]
    cuts = set()
    for rule in model.rules:
        for condition in rule.when:
            if condition.factor == factor and condition.values is None:
                if condition.min is not None:
                    cuts.add(condition.min)
                if condition.max is not None:
                    cuts.add(condition.max + 1)
    low, high = question.min or 0, question.max
    edges = sorted(c for c in cuts if c > low and (high is None or c <= high))
    starts = [low] + edges
    ends = [e - 1 for e in edges] + [high]
    return [(start, start, end) for start, end in zip(starts, ends)]


def _same_class(model: Model, factor: str, value, cls: tuple) -> bool:
    if model.questions[factor].type != "number":
        return value == cls[0]
    _, low, high = cls
    return value != UNKNOWN and value >= low and (high is None or value <= high)


def _alternatives(model: Model, answers: dict, factor: str):
    """(class, totals) for every answer class of `factor` other than the current answer."""
    for cls in value_classes(model, factor):
        if not _same_class(model, factor, answers[factor], cls):
            yield cls, scores(model, {**answers, factor: cls[0]})


# --- undecided: what to find out first -------------------------------------------------------

def find_out_first(model: Model, answers: dict, leader: str) -> list[FindOut]:
    """The unknown factors whose answer would change the leading form, most important first:
    those that would change how much the advice pays for results, then in the order of the
    questions (which asks the preconditions of paying for results first)."""
    level = model.level(leader)
    found = []
    for index, factor in enumerate(model.scored):
        if answers[factor] != UNKNOWN:
            continue
        leaders = [order(model, totals)[0] for _, totals in _alternatives(model, answers, factor)]
        forms = tuple(dict.fromkeys(f for f in leaders if f != leader))
        if forms:
            shifts = any(model.level(f) != level for f in forms)
            found.append((not shifts, index, FindOut(factor, (leader,) + forms, shifts)))
    return [entry[-1] for entry in sorted(found, key=lambda e: e[:2])]


# --- close: what decides between the two -----------------------------------------------------

def deciding(model: Model, answers: dict, leader: str, runner_up: str) -> tuple[Change, ...]:
    """Single answers after which one of the two close forms leads clearly; unknown ones first."""
    changes = []
    for factor in model.scored:
        for cls, totals in _alternatives(model, answers, factor):
            first = order(model, totals)[0]
            if first in (leader, runner_up) and margin(model, totals) > model.close_margin:
                changes.append(Change(factor, cls[0], cls[1], cls[2], first, margin(model, totals)))
    changes.sort(key=lambda c: (answers[c.factor] != UNKNOWN, -c.margin))
    return tuple(changes[:3])


# --- what would change the advice ------------------------------------------------------------

def _towards(model: Model, factor: str, answers: dict) -> list[tuple]:
    """The answer classes a commissioner can move `factor` to (its `actionable` directions)."""
    question = model.questions[factor]
    classes = value_classes(model, factor)
    current = answers[factor]
    if question.type == "number":
        if current == UNKNOWN:
            return classes[1:]
        return [c for c in classes if c[1] > current]
    return [c for c in classes if c[0] in question.actionable.towards and c[0] != current]


def would_change(model: Model, answers: dict, leader: str, open_factors=frozenset()) -> tuple[Change, ...]:
    """Changes a commissioner can make (actionable factors, towards their direction) that lead
    to another form, or settle a question the advice is undecided on (`open_factors`); the
    biggest effect (the new form furthest ahead) first, at most `max_changes`."""
    changes = []
    for factor, question in model.questions.items():
        if question.actionable is None:
            continue
        for cls in _towards(model, factor, answers):
            totals = scores(model, {**answers, factor: cls[0]})
            first = order(model, totals)[0]
            if first != leader or factor in open_factors:
                changes.append(Change(factor, cls[0], cls[1], cls[2], first, margin(model, totals),
                                      classify(model, totals, undecided=False)))
    changes.sort(key=lambda c: -c.margin)  # stable: equal effects keep the question order
    return tuple(changes[: model.max_changes])


# --- cases -----------------------------------------------------------------------------------

def similar_cases(model: Model, answers: dict, shown, ranked_ids) -> tuple[str, ...]:
    """The source's nearest cases: of the advised (or close) forms first, then cases in the
    reader's policy area of any form, then of the next forms in the ranking. Within a form,
    cases in the same policy area, with as many outcome payers, and with a page come first."""
    area = answers.get("policy_area", UNKNOWN)
    payers = answers.get("outcome_payers")

    def key(case):
        return (area not in case.areas, case.areas.get(area, 0), not _same_payers(case, payers), case.stem is None)

    chosen: list[str] = []

    def add(cases):
        chosen.extend(c.id for c in sorted(cases, key=key) if c.id not in chosen)

    for form_id in shown:
        add(c for c in model.cases if c.form in model.form(form_id).cases_from)
    if area != UNKNOWN:
        add(c for c in model.cases if area in c.areas)
    for form_id in ranked_ids:
        if len(chosen) >= model.max_cases:
            break
        add(c for c in model.cases if c.form in model.form(form_id).cases_from)
    return tuple(chosen[: model.max_cases])


def _same_payers(case, payers) -> bool:
    if not case.payers or payers not in ("one", "several"):
        return False
    return (case.payers > 1) == (payers == "several")


# --- which question to ask next ------------------------------------------------------------

def next_question(model: Model, answers: dict, answered=None) -> str | None:
    """The first question in the model's order that is not answered yet and is either a context
    question or one whose answer could still change the leading form; when none can, but two
    forms are close, a question whose answer would settle it; else None.

    `answered` holds the factors the user has answered (an explicit 'unknown' included); by
    default, the keys of `answers`.
    """
    answered = frozenset(answers if answered is None else answered)
    fixed = tuple(sorted((f, v) for f, v in answers.items() if f in answered))
    return _next_question(model, fixed, answered)


@lru_cache(maxsize=4096)
def _next_question(model: Model, fixed: tuple, answered: frozenset) -> str | None:
    base = {f: v for f, v in fixed if not model.questions[f].context}
    open_factors = [f for f in model.scored if f not in answered]
    decided = _decided(model, base, open_factors)
    for factor, question in model.questions.items():
        if factor in answered:
            continue
        if question.context:
            return factor
        if not decided and can_change(model, base, factor, [f for f in open_factors if f != factor]):
            return factor
    return _settles_a_close_call(model, base, open_factors)


def _settles_a_close_call(model: Model, base: dict, open_factors: list[str]) -> str | None:
    """When no answer can change the leading form but the advice is close, the first open
    question whose answer would make one of the two close forms lead clearly."""
    answers = complete(model, base)
    totals = scores(model, answers)
    if margin(model, totals) > model.close_margin:
        return None
    leader, runner_up = order(model, totals)[:2]
    deciders = {change.factor for change in deciding(model, answers, leader, runner_up)}
    return next((f for f in open_factors if f in deciders), None)


def can_change(model: Model, base: dict, factor: str, others: list[str]) -> bool:
    """Is there a way to answer the other open questions under which two answers to `factor`
    lead to different forms? A depth-first search over the others' answers that drops every
    branch where the outcome is already decided."""
    own = [cls[0] for cls in value_classes(model, factor)] + [UNKNOWN]

    def search(assigned: dict, rest: list[str]) -> bool:
        if _decided(model, assigned, rest + [factor]):
            return False
        if not rest:
            answers = complete(model, assigned)
            return len({recommend(model, {**answers, factor: value}) for value in own}) > 1
        first, tail = rest[0], rest[1:]
        return any(search({**assigned, first: value}, tail)
                   for value in [cls[0] for cls in value_classes(model, first)] + [UNKNOWN])

    return search(dict(base), list(others))


def _decided(model: Model, base: dict, open_factors: list[str]) -> bool:
    """True when one form stays ahead however the open questions are answered.

    For the leader L and each other form X it bounds the most X can gain on L: rules already
    settled count exactly, rules that may still fire count only when they favour X. Comparing
    per pair (rather than per form) keeps rules that lift both forms from cancelling out.
    """
    open_set = set(open_factors)
    answers = complete(model, base)
    settled, possible = [], []
    for rule in model.rules:
        if not all(c.factor in open_set or c.matches(answers[c.factor]) for c in rule.when):
            continue  # an answered condition fails: this rule can never fire
        (possible if any(c.factor in open_set for c in rule.when) else settled).append(rule)
    order = [f.id for f in model.forms]
    now = {f: sum(r.effects.get(f, 0) for r in settled) for f in order}
    leader = max(order, key=lambda f: now[f])
    for other in order:
        if other == leader:
            continue
        gap = sum(r.effects.get(other, 0) - r.effects.get(leader, 0) for r in settled)
        gap += sum(max(0, r.effects.get(other, 0) - r.effects.get(leader, 0)) for r in possible)
        if gap > 0 or (gap == 0 and order.index(other) < order.index(leader)):
            return False
    return True
