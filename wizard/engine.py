"""Evaluate answers against the decision model. Pure: no Flask, no I/O, no language.

Every form starts at 0 points; each rule whose conditions hold adds its effects. The form with
the most points wins; on a tie the form listed first in the model (the simpler one) wins.
A factor that is not answered counts as unknown.

The reasons for the advice are the fired rules that gave the recommended form points. When no
rule did (the form won because the others lost points, say a grant at 0 against a SIB at -1),
the reasons are the fired rules that took points from the other forms, and `reasons_kind` says
"against" so a page can present them as answers that weigh against the alternatives.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from wizard.model import UNKNOWN, Model


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


@dataclass(frozen=True)
class Result:
    recommendation: str
    ranking: tuple[Ranked, ...]
    reasons: tuple[str, ...]   # rule ids that support the recommendation (see reasons_kind)
    reasons_kind: str          # "for": they added points to it; "against": they took points
                               # from the other forms (no rule added points to the winner)
    fired: tuple[str, ...]     # every rule that applied
    cautions: tuple[str, ...]
    would_change: tuple[Change, ...]
    cases: tuple[str, ...]
    answers: dict              # every factor, unknown ones included
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


def recommend(model: Model, answers: dict) -> str:
    totals = scores(model, answers)
    # max() keeps the first of equal scores, so the model's form order breaks ties.
    return max(model.forms, key=lambda form: totals[form.id]).id


def evaluate(model: Model, answers: dict) -> Result:
    answers = complete(model, answers)
    fired = [rule for rule in model.rules if rule.applies(answers)]
    totals = scores(model, answers)
    recommendation = recommend(model, answers)
    ranking = tuple(sorted(
        (Ranked(form.id, totals[form.id],
                tuple(r.id for r in fired if r.effects.get(form.id, 0) > 0),
                tuple(r.id for r in fired if r.effects.get(form.id, 0) < 0))
         for form in model.forms),
        key=lambda ranked: -ranked.score))  # sorted() is stable: ties keep the model's order
    reasons, reasons_kind = ranking[0].for_rules, "for"
    if not reasons:
        reasons, reasons_kind = against_others(fired, recommendation), "against"
    return Result(
        recommendation=recommendation,
        ranking=ranking,
        reasons=reasons,
        reasons_kind=reasons_kind,
        fired=tuple(r.id for r in fired),
        cautions=tuple(c.id for c in model.cautions if c.applies(answers, recommendation)),
        would_change=would_change(model, answers, recommendation),
        cases=similar_cases(model, answers, ranking),
        answers=answers,
        model_version=model.version,
    )


def against_others(fired, recommendation: str) -> tuple[str, ...]:
    """The fired rules that took points from another form and none from the recommendation."""
    return tuple(rule.id for rule in fired
                 if rule.effects.get(recommendation, 0) >= 0
                 and any(points < 0 for form, points in rule.effects.items() if form != recommendation))


# --- what would change the outcome ---------------------------------------------------------

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


def would_change(model: Model, answers: dict, recommendation: str) -> tuple[Change, ...]:
    """Each single different answer (to an answered or unknown factor) that changes the outcome."""
    changes = []
    for factor in model.questions:
        for cls in value_classes(model, factor):
            if _same_class(model, factor, answers[factor], cls):
                continue
            form = recommend(model, {**answers, factor: cls[0]})
            if form != recommendation:
                changes.append(Change(factor, cls[0], cls[1], cls[2], form))
    return tuple(changes)


def similar_cases(model: Model, answers: dict, ranking) -> tuple[str, ...]:
    """Cases of the recommended form first, then of forms within `close_margin` points; within
    a form, cases with as many outcome payers as the answers say, and cases with a page, first."""
    top = ranking[0].score
    payers = answers.get("outcome_payers")  # "one", "several" or unknown
    chosen = []
    for ranked in ranking:
        if top - ranked.score > model.close_margin:
            break
        form = model.form(ranked.form)
        matching = sorted((c for c in model.cases if c.form in form.cases_from),
                          key=lambda case: (not _same_payers(case, payers), case.stem is None))
        chosen += [c.id for c in matching if c.id not in chosen]
    return tuple(chosen[: model.max_cases])


def _same_payers(case, payers) -> bool:
    if not case.payers or payers not in ("one", "several"):
        return False
    return (case.payers > 1) == (payers == "several")


# --- which question to ask next ------------------------------------------------------------

def next_question(model: Model, answers: dict, answered=None) -> str | None:
    """The first question in the model's order that is not answered yet and whose answer could
    still change the recommendation; None when no answer can change it any more.

    `answered` holds the factors the user has answered (an explicit 'unknown' included); by
    default, the keys of `answers`.
    """
    answered = frozenset(answers if answered is None else answered)
    fixed = tuple(sorted((f, v) for f, v in answers.items() if f in answered))
    return _next_question(model, fixed, answered)


@lru_cache(maxsize=1024)
def _next_question(model: Model, fixed: tuple, answered: frozenset) -> str | None:
    base = dict(fixed)
    open_factors = [f for f in model.questions if f not in answered]
    if _decided(model, base, open_factors):
        return None
    for factor in open_factors:
        if can_change(model, base, factor, [f for f in open_factors if f != factor]):
            return factor
    return None


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
        return any(search({**assigned, first: cls[0]}, tail) for cls in value_classes(model, first))

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
