"""The Knowledge object: every page and data file of a project, loaded once and validated.

`load(root)` never raises for bad content: it returns the knowledge it could read together with
the list of problems, so `kb check` can report all of them at once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb import yamlio
from kb.checks import check_all
from kb.generated import generated_pages
from kb.messages import say
from kb.pages import Page, PageError, read_page
from kb.problems import Problem, relative

DATA_FILES = ("sources", "glossary", "forms", "cases", "countries", "timeline", "wizard", "search", "calculator")


@dataclass
class Knowledge:
    root: Path
    pages: list[Page] = field(default_factory=list)
    data: dict = field(default_factory=dict)         # name -> parsed YAML (Node)
    data_paths: dict = field(default_factory=dict)   # name -> Path
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # reported, but do not stop a build
    unreadable: set = field(default_factory=set)            # pages (relative to docs/) that did not parse

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def file_of(self, page) -> str:
        """Where an editor fixes a page: its Markdown file, or the data file it is generated from."""
        return page.generated_from or self.rel(page.path)

    # --- convenient views on the data -------------------------------------------------
    def items(self, name: str, key: str) -> list:
        value = self.data.get(name) or {}
        items = value.get(key) if isinstance(value, dict) else None
        return [item for item in (items or []) if isinstance(item, dict)]

    @property
    def sections(self) -> dict:
        return {s["id"]: s for s in self.items("sources", "sections") if "id" in s}

    @property
    def documents(self) -> dict:
        return {d["id"]: d for d in self.items("sources", "documents") if "id" in d}

    @property
    def glossary(self) -> list:
        return self.items("glossary", "terms")

    @property
    def forms(self) -> dict:
        return {f["id"]: f for f in self.items("forms", "forms") if "id" in f}

    @property
    def cases(self) -> dict:
        return {c["id"]: c for c in self.items("cases", "cases") if "id" in c}

    @property
    def countries(self) -> dict:
        return {c["code"]: c for c in self.items("countries", "countries") if "code" in c}

    @property
    def timeline(self) -> list:
        return self.items("timeline", "events")

    @property
    def wizard(self) -> dict:
        """The decision model of the wizard (kb/data/wizard.yml), as parsed YAML."""
        value = self.data.get("wizard")
        return value if isinstance(value, dict) else {}

    def pages_in(self, lang: str) -> list[Page]:
        return [p for p in self.pages if p.lang == lang]

    def page_by_stem(self, stem: str, lang: str) -> Page | None:
        for page in self.pages:
            if page.stem == stem and page.lang == lang:
                return page
        return None

    def page_by_id(self, page_id: str, lang: str) -> Page | None:
        for page in self.pages:
            if page.id == page_id and page.lang == lang:
                return page
        return None


def load(root: Path | str = ".") -> Knowledge:
    root = Path(root).resolve()
    knowledge = Knowledge(root=root)
    data_dir = root / "kb" / "data"
    for name in DATA_FILES:
        path = data_dir / f"{name}.yml"
        knowledge.data_paths[name] = path
        if not path.exists():
            knowledge.problems.append(Problem(knowledge.rel(path), None, say("data_file_missing")))
            continue
        try:
            knowledge.data[name] = yamlio.load_file(path)
        except yamlio.YamlError as error:
            knowledge.problems.append(Problem(knowledge.rel(path), error.line, error.message))

    docs = knowledge.docs_dir
    if not docs.is_dir():
        knowledge.problems.append(Problem("docs", None, say("docs_missing")))
        return knowledge
    for path in sorted(docs.rglob("*.md")):
        try:
            knowledge.pages.append(read_page(path, docs))
        except PageError as error:
            knowledge.problems.append(Problem(knowledge.rel(path), error.line, error.message))
            knowledge.unreadable.add(path.relative_to(docs).as_posix())  # so no check reports it missing too

    # Pages generated from the data (one per case, ...) join the written ones, so links,
    # twins, the site and the search index treat them alike.
    for page in generated_pages(knowledge):
        knowledge.pages.append(page)

    knowledge.problems.extend(check_all(knowledge))
    knowledge.problems.sort(key=lambda p: (p.file, p.line or 0, p.message))
    return knowledge
