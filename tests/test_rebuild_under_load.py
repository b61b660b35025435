"""A rebuild while the service answers: no request fails, and afterwards every answer comes from
the new release, the data the service reads from it (cases, the wizard's model) included."""
from __future__ import annotations

import re
import shutil
import threading

import requests

from publish.build import build
from tests.conftest import LiveServer

PATHS = ["/", "/basis/spectrum/", "/en/landen/ghana/", "/api/search?q=social+impact+bond",
         "/api/search?q=outcomes+fund&lang=en", "/api/cases?country=NL", "/healthz", "/zoeken/?query=sib"]


def change_content(project):
    """A case renamed and the wizard's model version raised; returns (new name, new version)."""
    cases = project / "kb" / "data" / "cases.yml"
    text = cases.read_text(encoding="utf-8")
    old = re.search(r"^    name: ([^\n\"']+)$", text, flags=re.M).group(1)  # a name the same in both languages
    cases.write_text(re.sub(rf"^    name: {re.escape(old)}$", f"    name: {old} (herzien)", text, count=1, flags=re.M),
                     encoding="utf-8")
    wizard = project / "kb" / "data" / "wizard.yml"
    wizard.write_text(re.sub(r"^version: .*$", 'version: "99.0.0"', wizard.read_text(encoding="utf-8"), count=1, flags=re.M),
                      encoding="utf-8")
    return old + " (herzien)", "99.0.0"


def test_rebuild_under_load_loses_no_request(build_dir, project_copy, tmp_path):
    from server import create_app

    # A private copy of the published build, so rebuilding does not disturb the other tests.
    local = tmp_path / "build"
    shutil.copytree(build_dir, local, symlinks=True)
    before = (local / "current").resolve().name
    failures, answered, stop = [], [0], threading.Event()
    progress = threading.Condition()

    def wait_for_answers(count: int) -> None:
        with progress:
            assert progress.wait_for(lambda: answered[0] >= count, timeout=60), "the clients stopped answering"

    with LiveServer(create_app(local)) as live:
        def hammer():
            session = requests.Session()
            while not stop.is_set():
                for path in PATHS:
                    try:
                        response = session.get(live.url + path, timeout=30)
                        if response.status_code != 200:
                            failures.append((path, response.status_code))
                    except requests.RequestException as error:
                        failures.append((path, repr(error)))
                    with progress:
                        answered[0] += 1
                        progress.notify_all()
                    # A short pause between requests: still hundreds during the build, but the
                    # build is not starved of the interpreter it shares with this server.
                    stop.wait(0.02)

        clients = [threading.Thread(target=hammer) for _ in range(2)]
        for client in clients:
            client.start()
        wait_for_answers(len(PATHS) * len(clients))  # every client is under way before the rebuild
        renamed, version = change_content(project_copy)
        build(project_copy, local, log=lambda *_: None)
        wait_for_answers(answered[0] + len(PATHS) * len(clients))  # and still answered after the swap
        stop.set()
        for client in clients:
            client.join(timeout=60)

        after = requests.get(live.url + "/healthz", timeout=10).json()
        assert after["release"] != before, "the service still answers from the old release"
        search = requests.get(live.url + "/api/search", params={"q": "sib"}, timeout=10)
        assert search.status_code == 200 and search.json()["total"] > 0
        # The data the service reads from the release changed with it, without a restart.
        assert requests.get(live.url + "/api/wizard/model", timeout=10).json()["model_version"] == version
        names = {c["name"] for c in requests.get(live.url + "/api/cases?lang=nl", timeout=10).json()["cases"]}
        assert renamed in names

    assert answered[0] > 50
    assert not failures, failures[:10]
