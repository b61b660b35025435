"""Build every artefact (site, search index) into a fresh release and swap it in atomically.

    build/releases/<stamp>/site/        the static site (mkdocs)
    build/releases/<stamp>/index/       the search index
    build/releases/<stamp>/data/        cases and the wizard's model (publish/release_data.py)
    build/releases/<stamp>/standards.json
    build/releases/<stamp>/manifest.json
    build/current -> releases/<stamp>   what the server serves

A failed build leaves `current` untouched, so the last good release stays served.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kb import drafts, load
from kb.drafts import PREVIEW_ENV
from kb.problems import ContentError
from publish import calculator_export, release_data, standards_export
from publish.checks import all_problems
from publish.csp import inline_script_hashes
from publish.render import expand_blocks
from search.indexer import build_index  # Whoosh stays behind the search package

KEEP_RELEASES = 3
# The content this build loaded and checked, handed to the MkDocs process (publish/site_hooks.py)
# so that it does not read and check everything a second time.
KNOWLEDGE_ENV = "RESULTAATWIJZER_KNOWLEDGE"


class BuildError(Exception):
    pass


def current_release(build_dir: Path) -> Path | None:
    link = build_dir / "current"
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def build(root: Path, build_dir: Path | None = None, log=print, site_url: str | None = None,
          preview: bool = False) -> Path:
    root = root.resolve()
    # A preview (drafts included) never goes where the public release is served from.
    build_dir = (build_dir or root / (drafts.PREVIEW_DIR if preview else "build")).resolve()
    releases = build_dir / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    with _exclusive(build_dir / ".lock"):
        loaded = load(root)
        problems = all_problems(loaded)
        if problems:
            raise ContentError(problems)
        knowledge = drafts.view(loaded, preview)  # the public build leaves drafts out of everything
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        release = releases / stamp
        staging = releases / f".{stamp}.partial"
        staging.mkdir()
        try:
            started = time.perf_counter()
            # MkDocs renders the site in its own process while this one writes the data and the
            # search index: on two cores the build takes the longer of the two, not their sum.
            # Nothing else writes into site/ until MkDocs is done with it.
            with _site_build(root, staging / "site", site_url or os.environ.get("RESULTAATWIJZER_SITE_URL"),
                             preview, loaded) as wait_for_site:
                release_data.write(knowledge, staging)      # cases and the wizard's model
                calculator_export.write(knowledge, staging)  # the calculator's presets (issue 14)
                indexing = time.perf_counter()
                stats = build_index(knowledge, staging / "index", expand_blocks)
                log(f"search index built in {time.perf_counter() - indexing:.2f} s ({stats['documents']} sections)")
                wait_for_site()
            log(f"site built in {time.perf_counter() - started:.1f} s")
            standards_export.write(knowledge, staging)  # the standards' API data, and feeds in site/
            manifest = {
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "csp_script_hashes": inline_script_hashes(staging / "site"),
                "pages": _count_pages(staging / "site"),
                "content_pages": len(knowledge.pages),
                "preview": preview,
                "index": stats,
            }
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
            staging.rename(release)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _point_current_at(build_dir, release)
        _prune(releases, keep=release)
        return release


@contextlib.contextmanager
def _site_build(root: Path, site_dir: Path, site_url: str | None, preview: bool, knowledge):
    """Start MkDocs on the content; the caller works meanwhile, then calls the function this
    yields, which waits and raises BuildError if MkDocs failed. Leaving early stops MkDocs."""
    # The content's mkdocs.yml, plus the hooks of this installed package and the public address.
    config = root / f".kb-build-{os.getpid()}-{time.monotonic_ns()}.yml"
    extra = {"INHERIT": "mkdocs.yml", "hooks": [str(Path(__file__).with_name("site_hooks.py"))]}
    if site_url:
        extra["site_url"] = site_url
    config.write_text(json.dumps(extra), encoding="utf-8")  # JSON is YAML
    # -P: never import a project-local kb/ folder instead of the installed package.
    # A subprocess keeps MkDocs' global state (plugins, hooks, logging) out of this process.
    # Its output goes to a file, not a pipe: nobody reads a pipe while the index is being built.
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output, \
            tempfile.NamedTemporaryFile(suffix=".pickle") as handed:
        pickle.dump(knowledge, handed, protocol=pickle.HIGHEST_PROTOCOL)
        handed.flush()
        process = subprocess.Popen(
            [sys.executable, "-P", "-m", "mkdocs", "build", "--strict", "--quiet",
             "--config-file", str(config), "--site-dir", str(site_dir)],
            cwd=root, stdout=output, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, PREVIEW_ENV: "1" if preview else "0", KNOWLEDGE_ENV: handed.name})

        def wait() -> None:
            if process.wait() != 0:
                output.seek(0)
                raise BuildError("the site build failed:\n" + output.read().strip())
            if not site_url:
                # Without the public address every URL in a sitemap would be wrong: publish none.
                for sitemap in site_dir.rglob("sitemap.xml*"):
                    sitemap.unlink()

        try:
            yield wait
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            config.unlink(missing_ok=True)


def _count_pages(site: Path) -> dict:
    counts = {"nl": 0, "en": 0}
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("search/", "en/search/", "assets/")):
            continue
        counts["en" if rel.startswith("en/") else "nl"] += 1
    return counts


def _point_current_at(build_dir: Path, release: Path) -> None:
    temporary = build_dir / f".current-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(release.relative_to(build_dir))
    os.replace(temporary, build_dir / "current")  # atomic on POSIX


def _prune(releases: Path, keep: Path) -> None:
    # Keep a few old releases: a request that started on one may still be reading it.
    old = sorted(p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep)
    for path in old[: max(0, len(old) - (KEEP_RELEASES - 1))]:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def _exclusive(lock_path: Path):
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
