"""Every problem `kb check` reports and `kb build` refuses: the knowledge model's own checks, plus
those that need the rendered pages (which only this layer can render)."""
from __future__ import annotations

from kb.problems import Problem
from publish.check_citations import check_citations


def all_problems(knowledge) -> list[Problem]:
    # The rendered pages are only checked once the content itself is right: a broken value would
    # otherwise also show up as footnotes that went missing (one message per mistake).
    if knowledge.problems:
        return list(knowledge.problems)
    return sorted(check_citations(knowledge), key=lambda p: (p.file, p.line or 0, p.message))
