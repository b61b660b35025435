"""A release is the whole product: the service reads build/current and nothing else.

- A wheel of the project (not an editable install) builds the content and serves the build.
- A replica with a copy of build/ alone, no docs/ and no kb/data/, answers every endpoint.
- (A rebuild under the running service is picked up whole: tests/test_rebuild_under_load.py.)
- A release that lacks an artefact is reported as degraded, naming what is missing.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT, client_for

ENDPOINTS = [
    ("/", 200), ("/en/", 200), ("/healthz", 200), ("/livez", 200), ("/api/openapi.json", 200),
    ("/api/search?q=sib", 200), ("/zoeken/?query=sib", 200), ("/en/zoeken/?query=sib", 200),
    ("/api/cases", 200), ("/api/cases.csv", 200), ("/api/standards", 200),
    ("/api/wizard/model", 200), ("/keuzehulp/vragen/", 200), ("/en/keuzehulp/vragen/", 200),
    ("/bestaat-niet/", 404),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory) -> Path:
    """The project as a wheel, unpacked into its own folder (the dependencies come from this venv)."""
    out = tmp_path_factory.mktemp("wheel")
    # Built from a copy of the code alone: setuptools writes its work files next to the project.
    source = out / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "docs", "data", "tests", "site", "__pycache__", "*.egg-info"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                    "-w", str(out / "dist"), str(source)], check=True, capture_output=True)
    wheel = next((out / "dist").glob("resultaatwijzer-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                    "--target", str(out / "site"), str(wheel)], check=True, capture_output=True)
    return out / "site"


def _isolated_env(wheel_site: Path, **extra) -> dict:
    # The wheel's packages come first, so nothing is imported from the source tree.
    return {**os.environ, "PYTHONPATH": str(wheel_site), **extra}


def test_a_wheel_builds_the_content_and_a_replica_serves_every_endpoint(wheel_install, tmp_path):
    content = tmp_path / "content"  # what an editor has: pages, data, theme overrides; no Python
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, content / name)
    shutil.copytree(ROOT / "kb" / "data", content / "kb" / "data")
    shutil.copy(ROOT / "mkdocs.yml", content / "mkdocs.yml")
    env = _isolated_env(wheel_install)
    built = subprocess.run([sys.executable, "-P", "-m", "publish.cli", "build", str(content),
                            "--site-url", "https://resultaatwijzer.example/"],
                           cwd=tmp_path, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    # With the public address, the sitemap lists real addresses, and no draft.
    sitemap = (content / "build" / "current" / "site" / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert locations and all(loc.startswith("https://resultaatwijzer.example/") for loc in locations)
    assert "None" not in sitemap
    assert "evaluatie-onafhankelijk/0.1.0" not in sitemap  # a draft is not published, nor listed

    replica = tmp_path / "replica"
    shutil.copytree(content / "build", replica / "build", symlinks=True)
    shutil.rmtree(content)  # the replica cannot lean on the content
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-P", "-m", "gunicorn", "server:create_app()", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=replica, env=_isolated_env(wheel_install, RESULTAATWIJZER_BUILD_DIR=str(replica / "build")),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # gunicorn listens before its worker is ready
            try:
                requests.get(base + "/livez", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.1)
        for path, status in ENDPOINTS:
            response = requests.get(base + path, timeout=10)
            assert response.status_code == status, (path, response.status_code, response.text[:300])
        assert requests.get(base + "/healthz", timeout=5).json()["status"] == "ok"
        assert requests.get(base + "/api/cases", timeout=5).json()["total"] > 0
        answer = requests.post(base + "/api/wizard", json={"answers": {}}, timeout=5)
        assert answer.status_code == 200, answer.text
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert "Traceback" not in errors, errors


@pytest.mark.parametrize("artefact", ["data/cases.json", "data/wizard.json", "standards.json"])
def test_a_release_without_an_artefact_is_degraded_and_says_which(build_dir, tmp_path, artefact):
    from server import create_app

    copy = tmp_path / "build"
    shutil.copytree(build_dir, copy, symlinks=True)
    (copy / "current" / artefact).unlink()
    client = client_for(create_app(copy))
    health = client.get("/healthz").get_json()
    assert health["status"] == "degraded"
    assert artefact in health["missing"]
    api = {"data/cases.json": "/api/cases", "data/wizard.json": "/api/wizard/model", "standards.json": "/api/standards"}
    response = client.get(api[artefact])
    assert response.status_code == 503
    assert artefact in json.dumps(response.get_json())


def test_without_a_public_address_no_sitemap(build_dir):
    # The session build has no public address: a sitemap would list "None./" addresses.
    assert not list((build_dir / "current" / "site").rglob("sitemap.xml*"))
