"""Read-only access to the published build (build/current): everything the service serves.

`kb build` swaps `build/current` atomically. A request resolves it once (`current_release()`,
kept in Flask's `g`) and reads everything from that release, so a rebuild is picked up without a
restart and no request mixes two releases.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import current_app, g

# What a complete release holds besides the site (see publish/build.py).
REQUIRED = ("manifest.json", "standards.json", "data/cases.json", "data/wizard.json", "index/concepts.json",
            "index/query.json", "calculator.json")


class ArtefactMissing(Exception):
    """A file the service needs is absent or unreadable in this release."""


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

    def data(self, name: str) -> dict:
        """A JSON artefact of this release, e.g. 'data/cases.json'; read once per release."""
        value = _read_json(self.path / name)
        if value is None:
            raise ArtefactMissing(f"{name} is missing or unreadable in release {self.path.name}")
        return value

    def missing(self) -> list[str]:
        return [name for name in REQUIRED if _read_json(self.path / name) is None]


class Artefacts:
    def __init__(self, build_dir: Path):
        self.build_dir = Path(build_dir)

    def release(self) -> Release | None:
        link = self.build_dir / "current"
        try:
            target = link.resolve(strict=True)
        except (FileNotFoundError, RuntimeError, OSError):
            return None
        manifest = _read_json(target / "manifest.json")
        if manifest is None or not (target / "site").is_dir():
            return None
        return Release(path=target, manifest=manifest)

    def problem(self) -> str | None:
        """Why nothing can be served, in words for the operator; None when all is well."""
        release = self.release()
        if release is None:
            return (f"No published build found in {self.build_dir.name}/current. "
                    "Run 'make build' (or 'kb build') to build the site and search index.")
        missing = release.missing()
        if missing:
            return f"The release {release.path.name} is incomplete: {', '.join(missing)}. Run 'kb build' again."
        return None


def current_release() -> Release | None:
    """The release this request is served from, resolved once per request."""
    if "release" not in g:
        g.release = current_app.extensions["artefacts"].release()
    return g.release


@lru_cache(maxsize=64)
def _read_json(path: Path):
    # A release never changes once published, so each of its files is read once.
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
