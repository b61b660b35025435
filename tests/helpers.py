"""Helpers shared by the tests (fixtures live in conftest.py)."""
from __future__ import annotations

import contextlib
import io
import subprocess
import sys

from tests.conftest import ROOT


def kb_cli(*args: str) -> subprocess.CompletedProcess:
    """Run the `kb` command in this process (fast), with its exit code and both outputs.

    Two tests in test_kb_check.py run the real command in a subprocess; the rest use this."""
    from publish.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse's own errors
            code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(["kb", *args], code, out.getvalue(), err.getvalue())


def kb_subprocess(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "publish.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_no_violations(axe, page, where: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    # Only violations are reported back: the passes and incomplete lists are large and unread.
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    assert not violations, where + "\n" + "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes'][:3]]}" for v in violations)
