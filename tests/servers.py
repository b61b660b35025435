"""Real production servers for tests: gunicorn with the project's own settings, on loopback."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30, path: str | None = None) -> None:
    """Until the port accepts connections (and, with `path`, answers it: workers have booted)."""
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if path:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).close()
            else:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port} after {seconds} s")


@contextlib.contextmanager
def gunicorn(build_dir: Path, workers: int = 1, worker_class: str = "sync", env: dict | None = None,
             extra: list[str] | None = None):
    """gunicorn with deploy/gunicorn.conf.py on a free loopback port; yields (base URL, port)."""
    port = free_port()
    log = tempfile.TemporaryFile()  # gunicorn's error log; a pipe nobody reads could block it
    environment = {**os.environ, "RESULTAATWIJZER_BUILD_DIR": str(build_dir), "PYTHONPATH": str(ROOT), **(env or {})}
    process = subprocess.Popen(
        [str(GUNICORN), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "server:create_app()",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", worker_class,
         "--log-level", "warning", *(extra or [])],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=log)
    try:
        wait_for_port(port, path="/livez")
        yield f"http://127.0.0.1:{port}", port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def raw_request(port: int, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are (malformed framing included) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(data)
        conn.shutdown(socket.SHUT_WR)  # the client is done: a body cut short ends here
        chunks = []
        while True:
            try:
                chunk = conn.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)
