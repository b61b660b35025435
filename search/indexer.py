"""Placeholder until the search index is built (issue 3): records what would be indexed."""
from __future__ import annotations

import json
from pathlib import Path


def build_index(knowledge, index_dir: Path) -> dict:
    index_dir.mkdir(parents=True)
    documents = sum(len(page.sections) for page in knowledge.pages)
    (index_dir / "pending.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return {"documents": documents}
