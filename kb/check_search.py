"""`kb check` for kb/data/search.yml: every page it names exists in both languages, every term
it names is in the glossary, and no phrase leads to two different best bets."""
from __future__ import annotations

from kb.messages import say
from kb.pages import LANGUAGES
from kb.problems import Problem


def _entries(value) -> list:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _missing_page(kb, stem, file: str, line: int, where: str) -> list[Problem]:
    if not isinstance(stem, str):
        return []
    missing = [lang for lang in LANGUAGES if kb.page_by_stem(stem, lang) is None]
    if not missing:
        return []
    languages = say("and").join(say(f"in_lang_{lang}") for lang in missing)  # "nl and en", "het Nederlands en het Engels"
    return [Problem(file, line, say("search_missing_page", where=where, stem=stem, languages=languages))]


def check_search(kb) -> list[Problem]:
    model = kb.data.get("search")
    if not isinstance(model, dict):
        return []  # a missing or unreadable file is reported when it is loaded
    file = kb.rel(kb.data_paths["search"])
    problems: list[Problem] = []
    for number, topic in enumerate(_entries(model.get("not_covered")), start=1):
        pages = topic.get("nearest")
        for stem, line in zip(pages or [], getattr(pages, "item_lines", [])):
            problems += _missing_page(kb, stem, file, line, say("where_not_covered", number=number))
    for number, facet in enumerate(_entries(model.get("facets")), start=1):
        pages = facet.get("pages")
        for stem, line in zip(pages or [], getattr(pages, "item_lines", [])):
            problems += _missing_page(kb, stem, file, line, say("where_facet", number=number))
    problems += _missing_page(kb, model.get("definition_fallback"), file, model.line_of("definition_fallback"),
                              "definition_fallback")
    choice = model.get("choice") if isinstance(model.get("choice"), dict) else {}
    if choice:
        problems += _missing_page(kb, choice.get("page"), file, choice.line_of("page"), "choice")
        terms = {entry.get("id") for entry in kb.glossary}
        concepts = choice.get("concepts") or []
        for concept, line in zip(concepts, getattr(concepts, "item_lines", [])):
            if concept not in terms:
                problems.append(Problem(file, line, say("search_unknown_term", term=concept)))
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for bet in _entries(model.get("best_bets")):
        problems += _missing_page(kb, bet.get("page"), file, bet.line_of("page"), say("where_best_bet"))
        match = bet.get("match") if isinstance(bet.get("match"), dict) else {}
        for lang in LANGUAGES:
            for phrase in match.get(lang) or []:
                key = (lang, " ".join(str(phrase).lower().split()))
                earlier = seen.get(key)
                if earlier and earlier[0] != bet.get("page"):
                    problems.append(Problem(file, bet.line_of("match"), say("best_bet_phrase_twice", phrase=phrase, lang=lang,
                                                                                 page=earlier[0], line=earlier[1])))
                seen.setdefault(key, (bet.get("page"), bet.line_of("match")))
    return problems
