"""Every problem `kb check` reports and `kb build` refuses: the knowledge model's own checks, plus
those that need the rendered pages (which only this layer can render)."""
from __future__ import annotations

from kb.problems import Problem
from publish.check_citations import check_citations


def all_problems(knowledge) -> list[Problem]:
    problems = list(knowledge.problems)
    if not any(p.file == "docs" for p in problems):  # without pages there is nothing to render
        problems += check_citations(knowledge)
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.message))
