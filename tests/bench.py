"""Benchmarks (`make bench`): build time, search latency, HTTP load, relevance vs Material's search.

Writes the figures to BENCHMARKS.md. Ratios against a baseline measured in the same run matter
more than absolute times on a shared machine. All traffic stays on loopback and every load run
is bounded in time.
"""
from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LOAD_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
MIXED_SECONDS = int(os.environ.get("BENCH_MIXED_SECONDS", "60"))
WORKER_COUNTS = [int(n) for n in os.environ.get("BENCH_WORKERS", "1,2,4").split(",")]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def bench_build(build_dir: Path) -> dict:
    from kb.build import build

    timings = {}
    started = time.perf_counter()
    build(ROOT, build_dir, log=lambda message: timings.setdefault("log", []).append(message))
    timings["total_s"] = time.perf_counter() - started
    for line in timings.pop("log"):
        match = re.match(r"(site|search index) built in ([\d.]+) s", line)
        if match:
            timings[match[1].replace(" ", "_") + "_s"] = float(match[2])
    return timings


def bench_queries(release: Path) -> dict:
    from search.engine import SearchIndex

    queries = yaml.safe_load((ROOT / "tests/relevance.yml").read_text(encoding="utf-8"))["queries"]
    index = SearchIndex(release / "index")
    for q in queries:  # warm up caches the way a running server has them
        index.search(q["q"], q["lang"])
    latencies = []
    for _ in range(5):
        for q in queries:
            started = time.perf_counter()
            index.search_uncached(q["q"], q["lang"])
            latencies.append((time.perf_counter() - started) * 1000)
    return {"queries": len(latencies), "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99),
            "max_ms": max(latencies)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, seconds: int, connections: int, paths: list | None = None) -> dict:
    """Run wrk; `paths` is a list of GET paths or (method, path, JSON body) requests to cycle through."""
    lua = Path(tempfile.mkdtemp()) / "report.lua"
    rotate = ""
    if paths:  # each connection cycles through the given requests
        requests_ = [p if isinstance(p, tuple) else ("GET", p, None) for p in paths]
        listed = ", ".join("{%s, %s, %s}" % (json.dumps(m), json.dumps(p), json.dumps(b) if b else "nil")
                           for m, p, b in requests_)
        rotate = (f"local requests = {{{listed}}}\nlocal n = 0\n"
                  'local json_headers = {["Content-Type"] = "application/json"}\n'
                  "request = function()\n  n = n % #requests + 1\n  local r = requests[n]\n"
                  "  if r[3] then return wrk.format(r[1], r[2], json_headers, r[3]) end\n"
                  "  return wrk.format(r[1], r[2])\nend\n")
    lua.write_text(rotate +
        'done = function(summary, latency, requests)\n'
        '  io.write(string.format("JSON {\\"requests\\": %d, \\"errors\\": %d, \\"non2xx\\": %d, \\"p50\\": %f, \\"p99\\": %f, \\"duration\\": %d}\\n",\n'
        '    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,\n'
        '    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration))\n'
        'end\n')
    out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", str(lua), url], capture_output=True, text=True, timeout=seconds + 60).stdout
    result = json.loads(out.split("JSON ", 1)[1])
    result["rps"] = result["requests"] / (result["duration"] / 1e6)
    return result


def search_paths() -> list[str]:
    from urllib.parse import urlencode

    queries = yaml.safe_load((ROOT / "tests/relevance.yml").read_text(encoding="utf-8"))["queries"]
    return ["/api/search?" + urlencode({"q": q["q"], "lang": q["lang"]}) for q in queries]


@contextlib.contextmanager
def gunicorn(build_dir: Path, workers: int):
    """The production server on a free loopback port, serving `build_dir`; yields its base URL and pid."""
    port = free_port()
    env = {**os.environ, "RESULTAATWIJZER_BUILD_DIR": str(build_dir)}
    server = subprocess.Popen([str(Path(PYTHON).parent / "gunicorn"), "server:create_app()", "--bind",
                               f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
                              cwd=ROOT, env=env)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def worker_rss(master: int) -> float:
    """The largest resident memory of one gunicorn worker, in MiB, after it served the load."""
    children = subprocess.run(["ps", "--ppid", str(master), "-o", "rss="], capture_output=True, text=True).stdout.split()
    return max((int(kib) for kib in children), default=0) / 1024


def bench_http(build_dir: Path) -> list[dict]:
    if not shutil.which("wrk"):
        return []
    rows = []
    for workers in WORKER_COUNTS:
        with gunicorn(build_dir, workers) as (base, pid):
            subprocess.run(["curl", "-s", "-o", "/dev/null", base + "/api/search?q=sib"], check=False)
            baseline = wrk(base + "/livez", LOAD_SECONDS, CONNECTIONS)
            search = wrk(base + "/api/search", LOAD_SECONDS, CONNECTIONS, paths=search_paths())
            rows.append({"workers": workers, "baseline": baseline, "search": search, "rss_mib": worker_rss(pid)})
    return rows


MIXED_PAGES = ["/", "/basis/spectrum/", "/vormen/sib/", "/en/landen/ghana/", "/casussen/", "/keuzehulp/vragen/",
               "/zoeken/?query=resultatenfonds", "/assets/stylesheets/extra.css"]
WIZARD_BODIES = [
    {"lang": "nl", "answers": {"outcome_measurable": "yes", "attributable": "yes", "evidence": "promising",
                               "provider_can_bear_risk": "no", "investors_available": "yes"}},
    {"lang": "en", "answers": {"outcome_measurable": "no"}},
    {"lang": "nl", "answers": {"outcome_measurable": "yes", "attributable": "yes", "evidence": "proven"}},
]


def mixed_requests() -> list:
    searches = search_paths()[:20]
    wizard = [("POST", "/api/wizard", json.dumps(body)) for body in WIZARD_BODIES]
    return [r for group in zip(searches, MIXED_PAGES * 3, wizard * 7) for r in group]


def bench_mixed_with_rebuild(build_dir: Path, workers: int = 2) -> dict:
    """Mixed traffic for MIXED_SECONDS; a full rebuild runs while it does."""
    from kb.build import build

    def release(base: str) -> str:
        return json.loads(subprocess.run(["curl", "-s", base + "/healthz"], capture_output=True, text=True).stdout)["release"]

    with gunicorn(build_dir, workers) as (base, _):
        before = release(base)
        result: dict = {"workers": workers}
        load = threading.Thread(target=lambda: result.update(wrk(base + "/", MIXED_SECONDS, CONNECTIONS, mixed_requests())))
        load.start()
        time.sleep(MIXED_SECONDS / 3)
        started = time.perf_counter()
        build(ROOT, build_dir, log=lambda *_: None)
        result["rebuild_s"] = time.perf_counter() - started
        load.join()
        result["swapped"] = release(base) != before
        return result


def bench_relevance(release: Path) -> dict:
    """Our top-3 hit rate next to Material's built-in (lunr) search on the same questions."""
    from search.engine import SearchIndex
    from tests.test_search_relevance import RELEVANCE, top_pages
    import kb

    knowledge = kb.load(ROOT)
    index = SearchIndex(release / "index")
    ours = sum(bool(set(q["expect"]) & set(top_pages(index, knowledge, q["q"], q["lang"]))) for q in RELEVANCE)
    material = material_relevance(release, knowledge, RELEVANCE)
    return {"queries": len(RELEVANCE), "ours": ours / len(RELEVANCE),
            "material": None if material is None else material / len(RELEVANCE)}


def material_relevance(release: Path, knowledge, queries) -> int | None:
    """Run Material's own search worker in Chromium on the built site's search index."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(release / "site"))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_port}"
    worker = next((release / "site/assets/javascripts/workers").glob("search.*.min.js")).name
    by_url = {(p.url, p.lang): p.id for p in knowledge.pages}
    hits = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--headless", "--no-sandbox", "--disable-gpu",
                                                       "--disable-background-networking"])
            page = browser.new_page()
            page.goto(base + "/")
            answers = page.evaluate("""async ([worker, queries]) => {
                const index = await (await fetch('/search/search_index.json')).json();
                const w = new Worker('/assets/javascripts/workers/' + worker);
                const next = () => new Promise(resolve => w.addEventListener('message', e => resolve(e.data), {once: true}));
                w.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
                await next();
                const out = [];
                for (const q of queries) {
                    w.postMessage({type: 2, data: q});
                    const result = await next();
                    out.push(result.data.items.map(group => group[0].location));
                }
                return out;
            }""", [worker, [q["q"] for q in queries]])
            browser.close()
    finally:
        httpd.shutdown()
    for query, locations in zip(queries, answers):
        found = []
        for location in locations:
            url = "/" + location.split("#")[0].lstrip("/")
            page_id = by_url.get((url, query["lang"]))
            if page_id and page_id not in found:
                found.append(page_id)
        hits += bool(set(query["expect"]) & set(found[:3]))
    return hits



# --- issue 11: worst-case query cost -------------------------------------------------------------
def worst_case_queries(index) -> dict[str, str]:
    """Adversarial query families, each up to the service's length limit (MAX_QUERY)."""
    import random
    import string

    from search.analysis import CompoundFilter
    from service.search import MAX_QUERY

    rnd = random.Random(11)
    compound = next(i for i in index.searcher("nl").schema["content"].analyzer.items if isinstance(i, CompoundFilter))
    known = sorted(compound.vocabulary)

    def fill(make) -> str:
        words: list[str] = []
        while True:
            word = make()
            if len(" ".join(words + [word])) > MAX_QUERY:
                return " ".join(words)
            words.append(word)

    def glued() -> str:
        return "".join(rnd.choice(known) for _ in range(4)) + "q"

    return {
        "'allestekens' x8 + 'qqqq' (the reported query, 92 characters)": "allestekens" * 8 + "qqqq",
        "'allestekens' x45 + 'qqqq' (up to the limit)": ("allestekens" * 45 + "qqqq")[:MAX_QUERY],
        "glued runs of known words, to the limit": fill(glued),
        "near-misses of known words (speller), to the limit": fill(lambda: rnd.choice(known)[:-1] + "q"),
        "made-up 8-letter words, to the limit": fill(lambda: "".join(rnd.choice("aeiouklmnrst") for _ in range(8))),
        "random 3-letter words, to the limit": fill(lambda: "".join(rnd.choice(string.ascii_lowercase) for _ in range(3))),
        "one word of 500 letters": "a" * MAX_QUERY,
    }


def bench_worst_case_queries(release: Path, rounds: int = 3) -> list[dict]:
    """The slowest uncached search of each adversarial family, in-process, both languages."""
    from search.engine import SearchIndex

    index = SearchIndex(release / "index")
    index.search_uncached("resultaatfinanciering", "nl")
    rows = []
    for name, text in worst_case_queries(index).items():
        for lang in ("nl", "en"):
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                index.search_uncached(text, lang)
                times.append((time.perf_counter() - started) * 1000)
            rows.append({"family": name, "lang": lang, "chars": len(text), "max_ms": max(times)})
    return rows


def worst_case_report(rows: list[dict]) -> list[str]:
    lines = [
        "## Worst-case query cost (issue 11)",
        "",
        "Each adversarial family searched uncached in-process (3 rounds, slowest shown). Before issue 11",
        "the compound splitter retried every split: `'allestekens' x8 + 'qqqq'` (92 characters) took",
        "2,521 ms (x5 per 11 characters more; 100 ms at x6, 529 ms at x7), so a query of about 114",
        "characters outlasted gunicorn's 30 s worker timeout; 55 made-up words cost the speller 196 ms.",
        "Now the splitter remembers every tail it tried (also the failed ones), skips words longer than",
        "64 letters and splits at most 64 new words per query; the speller remembers its answers and",
        "looks up at most 8 distinct unknown words per query. Bound: under 300 ms for any query",
        "up to the 500-character limit (`tests/test_bounded_cost.py`).",
        "",
        "| family | lang | characters | slowest ms |",
        "| --- | --- | ---: | ---: |",
    ]
    lines += [f"| {r['family']} | {r['lang']} | {r['chars']} | {r['max_ms']:.1f} |" for r in rows]
    return lines + [""]



# --- issue 11: slow clients with and without the proxy ---------------------------------------------
SLOW_TIMEOUT = 3.0  # a /livez slower than this counts as blocked


def livez_delays(url: str, rounds: int = 5) -> list[float | None]:
    """Seconds per GET /livez on a fresh connection; None when it took longer than SLOW_TIMEOUT."""
    import requests

    delays: list[float | None] = []
    for _ in range(rounds):
        started = time.perf_counter()
        try:
            requests.get(url + "/livez", timeout=SLOW_TIMEOUT)
            delays.append(time.perf_counter() - started)
        except requests.RequestException:
            delays.append(None)
    return delays


def bench_slow_clients(build_dir: Path) -> list[dict]:
    """/livez while 2 or 20 clients hold half-sent requests: gunicorn alone (sync, gthread) and
    behind nginx (deploy/nginx.conf.template)."""
    from tests.servers import gunicorn as app_server
    from tests.test_proxy import nginx, slow_clients

    site = (build_dir / "current").resolve() / "site"
    layouts = [("gunicorn, 2 sync workers, direct", {"workers": 2}, False),
               ("gunicorn, 2 gthread workers x 4 threads, direct", {"workers": 2, "worker_class": "gthread",
                                                                    "extra": ["--threads", "4"]}, False),
               ("nginx + gunicorn, 2 sync workers", {"workers": 2}, True)]
    rows = []
    for name, options, proxied in layouts:
        with app_server(build_dir, env={"RESULTAATWIJZER_PROXY_HOPS": "1"} if proxied else None, **options) as (url, port):
            with (nginx(site, f"127.0.0.1:{port}") if proxied else contextlib.nullcontext(port)) as front:
                base = f"http://127.0.0.1:{front}"
                baseline = statistics.median(d for d in livez_delays(base) if d is not None)
                for count in (2, 20):
                    with slow_clients(front, count):
                        delays = livez_delays(base)
                    rows.append({"layout": name, "clients": count, "baseline_ms": baseline * 1000,
                                 "blocked": sum(d is None for d in delays), "rounds": len(delays),
                                 "max_ms": max((d for d in delays if d is not None), default=None)})
    return [{**row, "max_ms": None if row["max_ms"] is None else row["max_ms"] * 1000} for row in rows]


def slow_clients_report(rows: list[dict]) -> list[str]:
    lines = [
        "## Slow clients, with and without the proxy (issue 11)",
        "",
        "GET /livez (5 requests, each on a new connection) while clients hold half-sent requests open:",
        "half stop inside the headers, half inside a chunked body. Loopback; `bench_slow_clients` in",
        f"`tests/bench.py`. A request that took longer than {SLOW_TIMEOUT:.0f} s counts as blocked.",
        "",
        "| layout | slow clients | /livez alone ms | /livez slowest ms | blocked |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    if not rows:
        lines.append("| not measured: /usr/sbin/nginx is missing (`make browser` installs it) | | | | |")
    for r in rows:
        slowest = "–" if r["max_ms"] is None else f"{r['max_ms']:.1f}"
        lines.append(f"| {r['layout']} | {r['clients']} | {r['baseline_ms']:.1f} | {slowest} | {r['blocked']} of {r['rounds']} |")
    return lines + [""]


def report(figures: dict) -> str:
    b, q, r = figures["build"], figures["queries"], figures["relevance"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured {figures['date']} with `make bench` on {figures['machine']}.",
        "Shared machine: compare ratios within one run rather than absolute times across runs.",
        "",
        "## Build (site + search index, one release)",
        "",
        "| step | seconds |",
        "| --- | ---: |",
        f"| site (mkdocs build --strict, both languages) | {b.get('site_s', 0):.2f} |",
        f"| search index (both languages) | {b.get('search_index_s', 0):.2f} |",
        f"| whole `kb build` (check, site, index, swap) | {b['total_s']:.2f} |",
        "",
        "Target: index build under 5 s.",
        "",
        "## Search latency in-process",
        "",
        f"{q['queries']} queries (the relevance set, 5 rounds, answer cache bypassed): p50 **{q['p50_ms']:.1f} ms**, "
        f"p99 **{q['p99_ms']:.1f} ms**, max {q['max_ms']:.1f} ms. Target: p99 under 10 ms.",
        "",
        "The service also keeps the last 2048 answers per opened index (a release never changes, so",
        "neither do its answers); the HTTP figures below include that cache.",
        "",
        "## Relevance: answering page in the top 3",
        "",
        "| search | top-3 hit rate |",
        "| --- | ---: |",
        f"| Resultaatwijzer (Whoosh, this service) | {r['ours']:.0%} of {r['queries']} |",
        f"| Material's built-in search (lunr, same content, same questions) | "
        + ("not measured (no Chromium)" if r["material"] is None else f"{r['material']:.0%} of {r['queries']}") + " |",
        "",
        "Target: at least 90% and ahead of Material's built-in search.",
        "",
        f"## HTTP under load (wrk, {CONNECTIONS} connections, {LOAD_SECONDS} s per run, loopback, gunicorn sync workers)",
        "",
        "`/livez` does no work at all; the ratio shows what search itself costs on the same server.",
        f"The search runs cycle through the {r['queries']} questions of the relevance set (Dutch and English).",
        "",
        "| workers | /livez req/s | /livez p99 ms | /api/search req/s | /api/search p99 ms | search / baseline | errors | worker memory (RSS) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in figures["http"]:
        base, search = row["baseline"], row["search"]
        errors = base["errors"] + base["non2xx"] + search["errors"] + search["non2xx"]
        lines.append(f"| {row['workers']} | {base['rps']:.0f} | {base['p99']:.1f} | {search['rps']:.0f} | "
                     f"{search['p99']:.1f} | {search['rps'] / base['rps']:.2f} | {errors} | {row['rss_mib']:.0f} MiB |")
    if not figures["http"]:
        lines.append("| – | wrk not installed | | | | | |")
    lines += ["", "Target: `/api/search` at least half the throughput of the no-work endpoint.",
              f"This machine has {os.cpu_count()} cores and wrk runs on them too: more workers than cores",
              "adds no throughput here. Beyond that, more load is met with more replicas (see the README).",
              "Worker memory is the largest resident set of one worker after the load.", ""]
    mixed = figures.get("mixed")
    if mixed:
        errors = mixed["errors"] + mixed["non2xx"]
        lines += [
            f"## Mixed load with a rebuild ({CONNECTIONS} connections, {MIXED_SECONDS} s, {mixed['workers']} workers)",
            "",
            "Searches, pages, assets and wizard answers (POST) in turn; a full `kb build` (site and index,",
            "then the atomic swap) runs while the load does.",
            "",
            "| requests | req/s | p50 ms | p99 ms | failed | rebuild took | new release served afterwards |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
            f"| {mixed['requests']} | {mixed['rps']:.0f} | {mixed['p50']:.1f} | {mixed['p99']:.1f} | {errors} | "
            f"{mixed['rebuild_s']:.1f} s | {'yes' if mixed['swapped'] else 'NO'} |",
            "",
        ]
    return "\n".join(lines)


def main() -> int:
    figures = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine()}
    with tempfile.TemporaryDirectory() as tmp:
        build_dir = Path(tmp) / "build"
        print("build ...", flush=True)
        figures["build"] = bench_build(build_dir)
        release = (build_dir / "current").resolve()
        print("queries ...", flush=True)
        figures["queries"] = bench_queries(release)
        print("relevance ...", flush=True)
        figures["relevance"] = bench_relevance(release)
        print("worst-case queries ...", flush=True)
        figures["worst_case"] = bench_worst_case_queries(release)
        print("slow clients ...", flush=True)
        figures["slow_clients"] = bench_slow_clients(build_dir) if Path("/usr/sbin/nginx").exists() else []
        print("http ...", flush=True)
        figures["http"] = bench_http(build_dir)
        print("mixed load with a rebuild ...", flush=True)
        figures["mixed"] = bench_mixed_with_rebuild(build_dir) if shutil.which("wrk") else None
    text = report(figures) + "\n" + "\n".join(worst_case_report(figures["worst_case"])
                                               + slow_clients_report(figures["slow_clients"]))
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
