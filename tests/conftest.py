"""Shared fixtures: one real build of the real content, the real app over real HTTP, a real browser."""
from __future__ import annotations

import fcntl
import functools
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _messages_in_dutch():
    """Every test starts with kb's messages in Dutch, the default, whatever an earlier test in this
    process chose (`kb check --lang en` in-process sets the language for the process)."""
    from kb import messages

    messages.set_language("nl")
    yield
    messages.set_language("nl")


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory, worker_id) -> Path:
    """The real content built once, exactly as `kb build` does it, and shared by the test processes
    (pytest-xdist): the first to get here builds, the others wait for it. Tests only read it."""
    from publish.build import build

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the temporary folder all workers of this run share
    directory = shared / "build"
    with open(shared / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (directory / "current").exists():
            build(ROOT, directory, log=lambda *_: None)
    return directory


@pytest.fixture(scope="session")
def release(build_dir) -> Path:
    return (build_dir / "current").resolve()


@pytest.fixture(scope="session")
def static_site(release):
    """The built site served as plain files: no /api/search, so the search box falls back to lunr."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(release / "site"))
    handler.log_message = lambda *args: None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


class LiveServer:
    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def server(build_dir):
    from server import create_app

    with LiveServer(create_app(build_dir)) as live:
        yield live


def client_for(app):
    """Flask's test client, reading every answer whole: a site file is then closed at once, as a
    server closes it, instead of being left to the garbage collector."""
    from flask.testing import FlaskClient

    class BufferedClient(FlaskClient):
        def open(self, *args, **kwargs):
            kwargs.setdefault("buffered", True)
            return super().open(*args, **kwargs)

    app.test_client_class = BufferedClient
    return app.test_client()


@pytest.fixture(scope="session")
def all_knowledge():
    """All content as `kb check` sees it, draft versions of standards included."""
    import kb

    return kb.load(ROOT)


@pytest.fixture(scope="session")
def knowledge(all_knowledge):
    """The content as the public build publishes it: without draft versions of standards."""
    from kb import drafts

    return drafts.public_view(all_knowledge)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A private copy of the content, to break on purpose."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copytree(ROOT / "docs", copy / "docs")
    shutil.copytree(ROOT / "kb" / "data", copy / "kb" / "data")
    shutil.copytree(ROOT / "overrides", copy / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    return copy


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make browser' (the Makefile installs Debian's chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _shared_tab(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def tab(_shared_tab):
    """One browser tab per test process, which each test navigates. For tests that only load pages
    and read them (axe, keyboard): a new page starts a new renderer process, which costs Chromium
    more than loading the page. Tests that change the browser's settings open their own context."""
    yield _shared_tab
    _shared_tab.goto("about:blank")


@pytest.fixture(scope="session")
def axe():
    """axe-core's WCAG 2.1 A/AA rules, run in a page (see tests.helpers.assert_no_violations)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def new_context(browser):
    """Open browser contexts (`new_context(java_script_enabled=False)`, ...); all are closed after the test."""
    contexts = []

    def open_context(**options):
        contexts.append(browser.new_context(**options))
        return contexts[-1]

    yield open_context
    for context in contexts:
        context.close()
