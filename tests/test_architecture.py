"""The house's layers, checked over the real imports of every module (no import-linter needed):

    kb (the knowledge model)  <-  wizard, search  <-  publish  <-  service, server

A package imports only from its own layer or below, and the knowledge model's modules import
each other without cycles, so any of them can be imported first.
"""
from __future__ import annotations

import ast
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"kb": 0, "wizard": 1, "search": 1, "pricing": 1, "publish": 2, "service": 3, "server": 3}
PACKAGES = [name for name in LAYERS if (ROOT / name).is_dir()]


def imports_of(path: Path) -> set[str]:
    """Every project module a file imports, at the top or inside a function."""
    found, files = set(), modules()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from kb import yamlio` imports the module kb.yamlio; `from kb import load`, kb itself.
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in files else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] in LAYERS}


@functools.lru_cache(maxsize=1)
def modules() -> dict[str, Path]:
    found = {"server": ROOT / "server.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


def test_every_package_imports_only_its_own_layer_or_below():
    wrong = []
    for name, path in modules().items():
        layer = LAYERS[name.split(".")[0]]
        for imported in imports_of(path):
            top = imported.split(".")[0]
            own = name.split(".")[0]
            if top != own and LAYERS[top] >= layer and {top, own} != {"service", "server"}:
                wrong.append(f"{name} imports {imported}")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_the_knowledge_model_has_no_import_cycles():
    known = modules()
    graph = {name: {i for i in imports_of(path) if i in known and i != name}
             for name, path in known.items() if name.startswith("kb")}
    cycles, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in graph.get(node, ()):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]) if nxt in trail else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


# One interpreter loads the other packages the project uses, then imports each project module in a
# forked copy of itself: as fresh as a new interpreter for the project's modules, where a circular
# import fails with "partially initialized module", without starting Python and its libraries anew.
IMPORT_FIRST = """
import json, os, sys, traceback
for package in sys.argv[1:]:
    __import__(package)
for line in sys.stdin:
    if os.fork() == 0:
        try:
            __import__(line.strip())
            error = None
        except BaseException:
            error = traceback.format_exc()
        print(json.dumps(error), flush=True)
        os._exit(0)
    os.wait()
"""


def external_packages() -> set[str]:
    """The installed packages the project's modules import (not the standard library's)."""
    found = set()
    for path in modules().values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found.update(name.split(".")[0] for name in names)
    return {name for name in found - set(LAYERS) - sys.stdlib_module_names if name != "__future__"}


@pytest.fixture(scope="module")
def import_first():
    with subprocess.Popen([sys.executable, "-c", IMPORT_FIRST, *sorted(external_packages())], cwd=ROOT,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as process:

        def error_of(module: str) -> str | None:
            process.stdin.write(module + "\n")
            process.stdin.flush()
            return json.loads(process.stdout.readline())

        yield error_of


@pytest.mark.parametrize("module", sorted(m for m in modules() if m.split(".")[0] in ("kb", "publish")))
def test_any_module_can_be_imported_first(import_first, module):
    error = import_first(module)
    assert error is None, error


def test_every_declared_block_has_a_renderer():
    from kb.blocks import BLOCKS, CHARTS
    from publish import library, render

    assert set(render.RENDERERS) == set(BLOCKS)
    assert set(library.CHARTS) == set(CHARTS)


def test_the_service_never_loads_the_content():
    service = [n for n in modules() if n.split(".")[0] in ("service", "server")]
    loading = [f"{n} imports {i}" for n in service for i in imports_of(modules()[n])
               if i in ("kb", "kb.model", "kb.load", "kb.checks") or i.startswith("publish")]
    assert not loading, loading
