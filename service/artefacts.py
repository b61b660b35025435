"""Read-only access to the published build (build/current): the site and the search index.

`kb build` swaps `build/current` atomically; every request resolves it afresh, so a rebuild is
picked up without a restart and a request never sees half a release.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Release:
    path: Path
    manifest: dict

    @property
    def site(self) -> Path:
        return self.path / "site"

    @property
    def index(self) -> Path:
        return self.path / "index"


class Artefacts:
    def __init__(self, build_dir: Path):
        self.build_dir = Path(build_dir)

    def release(self) -> Release | None:
        link = self.build_dir / "current"
        try:
            target = link.resolve(strict=True)
        except (FileNotFoundError, RuntimeError, OSError):
            return None
        manifest = _read_manifest(target)
        if manifest is None or not (target / "site").is_dir():
            return None
        return Release(path=target, manifest=manifest)

    def problem(self) -> str | None:
        """Why nothing can be served, in words for the operator; None when all is well."""
        if self.release() is None:
            return (f"No published build found in {self.build_dir.name}/current. "
                    "Run 'make build' (or 'kb build') to build the site and search index.")
        return None


@lru_cache(maxsize=16)
def _read_manifest(release: Path) -> dict | None:
    # A release never changes once published, so its manifest is read once.
    try:
        return json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
