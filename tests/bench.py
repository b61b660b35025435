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
from datetime import UTC, datetime
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
    from publish.build import build

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
    from publish.build import build

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
    """Top-1 and top-3 hit rates per question set, ours next to Material's built-in (lunr) search."""
    import kb
    from search.engine import SearchIndex
    from tests.test_search_relevance import RELEVANCE, set_of, top_pages

    knowledge = kb.load(ROOT)
    index = SearchIndex(release / "index")
    ours = [top_pages(index, knowledge, q["q"], q["lang"]) for q in RELEVANCE]
    material = material_pages(release, knowledge, RELEVANCE)
    sets = {}
    for name in dict.fromkeys(set_of(q) for q in RELEVANCE):
        chosen = [i for i, q in enumerate(RELEVANCE) if set_of(q) == name]
        row = {"queries": len(chosen)}
        for engine, found in (("ours", ours), ("material", material)):
            if found is None:
                row[engine] = None
                continue
            row[engine] = {
                "top1": sum(bool(found[i]) and found[i][0] in RELEVANCE[i]["expect"] for i in chosen) / len(chosen),
                "top3": sum(bool(set(found[i][:3]) & set(RELEVANCE[i]["expect"])) for i in chosen) / len(chosen)}
        sets[name] = row
    return sets


def material_pages(release: Path, knowledge, queries) -> list[list[str]] | None:
    """Run Material's own search worker in Chromium on the built site's search index: the page ids
    it lists for each query, best first (None without Chromium)."""
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
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=["--headless", "--no-sandbox", "--disable-gpu",
                                                       "--disable-background-networking"])
            page = browser.new_page()
            page.goto(base + "/")
            # One worker per language, each given only its language's pages, as the site's own
            # search box does when hosted as plain files (service-search.js, ownLanguage).
            answers = page.evaluate("""async ([worker, queries]) => {
                const index = await (await fetch('/search/search_index.json')).json();
                const english = location => /^en(\\/|$|#)/.test(location.replace(/^\\//, ''));
                const workers = {};
                for (const lang of ['nl', 'en']) {
                    const w = new Worker('/assets/javascripts/workers/' + worker);
                    const next = () => new Promise(resolve => w.addEventListener('message', e => resolve(e.data), {once: true}));
                    const docs = index.docs.filter(d => english(d.location) === (lang === 'en'));
                    w.postMessage({type: 0, data: {config: {...index.config, lang: [lang]}, docs, options: {suggest: false}}});
                    await next();
                    workers[lang] = {w, next};
                }
                const out = [];
                for (const [q, lang] of queries) {
                    const {w, next} = workers[lang];
                    w.postMessage({type: 2, data: q});
                    const result = await next();
                    out.push(result.data.items.map(group => group[0].location));
                }
                return out;
            }""", [worker, [[q["q"], q["lang"]] for q in queries]])
            browser.close()
    finally:
        httpd.shutdown()
    pages = []
    for query, locations in zip(queries, answers):
        found = []
        for location in locations:
            url = "/" + location.split("#")[0].lstrip("/")
            page_id = by_url.get((url, query["lang"]))
            if page_id and page_id not in found:
                found.append(page_id)
        pages.append(found)
    return pages


# --- search without the cache: distinct queries, profile, a 10x corpus (issue 17) -----------

DISTINCT = int(os.environ.get("BENCH_DISTINCT", "6000"))


def distinct_queries(index_dir: Path, count: int = DISTINCT, seed: int = 17) -> list[tuple[str, str]]:
    """`count` different queries of 1 to 4 words from the content's own vocabulary (the words the
    index knows, both languages); one in seven has a typo (two letters swapped)."""
    import random

    from search.engine import SearchIndex

    index = SearchIndex(index_dir)
    rng = random.Random(seed)
    vocabulary = {lang: sorted(w for w in index.spellers[lang].frequencies if len(w) >= 3 and w.isalpha())
                  for lang in ("nl", "en")}
    queries: dict[tuple[str, str], None] = {}
    while len(queries) < count:
        lang = rng.choice(("nl", "en"))
        words = [rng.choice(vocabulary[lang]) for _ in range(rng.randint(1, 4))]
        if rng.random() < 1 / 7 and len(words[-1]) > 3:
            i = rng.randrange(len(words[-1]) - 1)
            words[-1] = words[-1][:i] + words[-1][i + 1] + words[-1][i] + words[-1][i + 2:]
        queries[(" ".join(words), lang)] = None
    return list(queries)


def wrk_spread(url: str, seconds: int, connections: int, paths: list[str], threads: int = 2) -> dict:
    """wrk over `paths`, each thread starting at its own share of the list, so that no two
    threads ask the same question at the same moment (which would measure the cache)."""
    lua = Path(tempfile.mkdtemp()) / "spread.lua"
    listed = ",\n".join(json.dumps(p) for p in paths)
    lua.write_text(
        f"local paths = {{{listed}}}\n"
        "local counter = 0\n"
        "setup = function(thread) thread:set('id', counter); counter = counter + 1 end\n"
        f"init = function(args) n = math.floor(#paths * id / {threads}) end\n"
        "request = function()\n  n = n % #paths + 1\n  return wrk.format('GET', paths[n])\nend\n"
        'done = function(summary, latency, requests)\n'
        '  io.write(string.format("JSON {\\"requests\\": %d, \\"errors\\": %d, \\"non2xx\\": %d, \\"p50\\": %f, \\"p99\\": %f, \\"duration\\": %d}\\n",\n'
        '    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,\n'
        '    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.duration))\n'
        'end\n')
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", str(lua), url], capture_output=True, text=True, timeout=seconds + 60).stdout
    result = json.loads(out.split("JSON ", 1)[1])
    result["rps"] = result["requests"] / (result["duration"] / 1e6)
    return result


def bench_http_distinct(build_dir: Path, workers: int = 2) -> dict | None:
    """/api/search with DISTINCT different queries against /livez, beside the cached run (the
    relevance questions, answered from the cache after the first round)."""
    from urllib.parse import urlencode

    if not shutil.which("wrk"):
        return None
    release = (build_dir / "current").resolve()
    paths = ["/api/search?" + urlencode({"q": q, "lang": lang}) for q, lang in distinct_queries(release / "index")]
    with gunicorn(build_dir, workers) as (base, pid):
        for _ in range(2 * workers):
            subprocess.run(["curl", "-s", "-o", "/dev/null", base + "/api/search?q=sib"], check=False)
        runs = {}
        for name, run in (("baseline", lambda: wrk(base + "/livez", LOAD_SECONDS, CONNECTIONS)),
                          ("cached", lambda: wrk(base + "/api/search", LOAD_SECONDS, CONNECTIONS, paths=search_paths())),
                          ("distinct", lambda: wrk_spread(base, LOAD_SECONDS, CONNECTIONS, paths))):
            before = workers_cpu(pid)
            runs[name] = run()
            # CPU the workers spent per request: unlike req/s, it does not depend on how busy
            # the (shared) machine was.
            runs[name]["cpu_ms"] = (workers_cpu(pid) - before) * 1000 / max(1, runs[name]["requests"])
    return {"workers": workers, "queries": len(paths), **runs}


def workers_cpu(master: int) -> float:
    """CPU seconds (user + system) used so far by the gunicorn workers of `master`."""
    children = subprocess.run(["ps", "--ppid", str(master), "-o", "pid="], capture_output=True, text=True).stdout.split()
    total = 0
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


# Where a query's time goes: the functions that make up each phase of an /api/search request.
PHASES = [
    ("whole request (Flask, /api/search)", "service/search.py", "api_search"),
    ("search, uncached", "search/engine.py", "search_uncached"),
    ("query understanding", "search/understanding.py", "understand"),
    ("analysis and query building", "search/engine.py", "query_parts"),
    ("matching and scoring (in-memory BM25F)", "search/scoring.py", "search"),
    ("reading postings from Whoosh (first use of a term)", "search/scoring.py", "_read"),
    ("re-ranking", "search/engine.py", "_rank"),
    ("snippets", "search/snippets.py", "snippet"),
    ("spelling (did you mean)", "search/engine.py", "correct"),
    ("JSON", "flask/json/__init__.py", "jsonify"),
]


def bench_profile(release: Path, count: int = 2000) -> dict:
    """cProfile over `count` distinct queries through the real Flask app in-process (no cache:
    every query is new). Returns milliseconds per query for each phase and the top functions."""
    import cProfile
    import io
    import pstats
    from urllib.parse import urlencode

    from server import create_app

    build_dir = Path(tempfile.mkdtemp()) / "build"
    (build_dir / "releases").mkdir(parents=True)
    (build_dir / "current").symlink_to(release)
    client = create_app(build_dir).test_client()
    queries = distinct_queries(release / "index", count + 200, seed=23)
    for q, lang in queries[:200]:  # warm: first searcher, stemmer caches
        client.get("/api/search?" + urlencode({"q": q, "lang": lang}))
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for q, lang in queries[200:]:
        client.get("/api/search?" + urlencode({"q": q, "lang": lang}))
    profile.disable()
    wall = (time.perf_counter() - started) * 1000 / count
    stats = pstats.Stats(profile)
    phases = {}
    for label, file, function in PHASES:
        phases[label] = sum(row[3] for (path, _, name), row in stats.stats.items()
                            if name == function and path.endswith(file)) * 1000 / count
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(12)
    top = [line for line in out.getvalue().splitlines() if re.match(r"\s+\d", line)][:12]
    return {"queries": count, "wall_ms_profiled": wall, "phases": phases, "top_tottime": top}


def synthetic_corpus(target: Path, factor: int = 10, seed: int = 17) -> int:
    """A copy of the project with `factor` times today's indexed sections: guidance, country and
    reference pages are copied, each copy renamed (own id, title and file) and its sections
    shuffled, as often as needed. Standards and the wizard's pages are copied once (their blocks
    need their own folders); case pages are generated from the data as usual. Returns the
    number of copies made of each page."""
    import math
    import random

    import kb
    from publish.render import expand_blocks
    from search.indexer import documents

    rng = random.Random(seed)
    knowledge = kb.load(ROOT)
    today = sum(1 for lang in ("nl", "en") for _ in documents(knowledge, lang, expand_blocks))
    for part in ("docs", "overrides"):
        shutil.copytree(ROOT / part, target / part)
    shutil.copytree(ROOT / "kb" / "data", target / "kb" / "data")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    copied = []
    for path in sorted((target / "docs").rglob("*.md")):
        rel = path.relative_to(target / "docs").as_posix()
        if rel.startswith(("standaarden/", "keuzehulp/")) or rel.count(".") != 2:
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            copied.append((path, text))
    per_copy = sum(1 + len(re.findall(r"(?m)^## ", text)) for _, text in copied)
    copies = math.ceil((factor - 1) * today / per_copy)
    for path, text in copied:
        front, body = text[4:].split("\n---\n", 1)
        head, *sections = re.split(r"(?m)^(?=## )", body)
        stem, lang, _ = path.name.rsplit(".", 2)
        for copy in range(1, copies + 1):
            rng.shuffle(sections)
            renamed = re.sub(r"(?m)^id: (.+)$", lambda m: f"id: {m[1]}-x{copy}", front)
            renamed = re.sub(r"(?m)^title: (.+)$", lambda m: f"title: {m[1].strip(chr(34))} ({copy})", renamed)
            (path.parent / f"{stem}-x{copy}.{lang}.md").write_text(
                f"---\n{renamed}\n---\n" + head + "".join(sections), encoding="utf-8")
    return copies


def bench_scale(factor: int = 10) -> dict:
    """Index build time and in-process query latency on a corpus `factor` times today's."""
    import kb
    from publish.render import expand_blocks
    from search.engine import SearchIndex
    from search.indexer import build_index, documents

    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        copies = synthetic_corpus(project, factor)
        knowledge = kb.load(project)
        real = kb.load(ROOT)
        today = sum(1 for lang in ("nl", "en") for _ in documents(real, lang, expand_blocks))
        started = time.perf_counter()
        stats = build_index(knowledge, Path(tmp) / "index", expand_blocks)
        build_s = time.perf_counter() - started
        started = time.perf_counter()
        index = SearchIndex(Path(tmp) / "index")
        open_s = time.perf_counter() - started
        relevance = yaml.safe_load((ROOT / "tests/relevance.yml").read_text(encoding="utf-8"))["queries"]
        queries = [(q["q"], q["lang"]) for q in relevance] + distinct_queries(Path(tmp) / "index", 1000, seed=29)
        for q, lang in queries[:100]:
            index.search_uncached(q, lang)
        latencies, cpu = [], []
        for q, lang in queries:
            started, started_cpu = time.perf_counter(), time.thread_time()
            index.search_uncached(q, lang)
            latencies.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
    return {"cpu_p50_ms": percentile(cpu, 50), "cpu_p99_ms": percentile(cpu, 99), "factor": factor, "copies": copies, "pages": len(knowledge.pages), "sections": stats["documents"],
            "today_sections": today, "build_s": build_s, "open_s": open_s,
            "queries": len(latencies), "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99)}


def report_search(figures: dict) -> list[str]:
    """The section for search without the cache (issue 17)."""
    lines = ["## Search without the cache (distinct queries)", ""]
    distinct = figures.get("distinct")
    if distinct:
        base, cached, spread = distinct["baseline"], distinct["cached"], distinct["distinct"]
        lines += [
            f"{distinct['queries']} different queries of 1 to 4 words from the content's own vocabulary (both",
            "languages, one in seven with a typo), so almost every request misses the answer cache; beside",
            f"the cached run (the relevance questions, repeated). gunicorn, {distinct['workers']} workers, "
            f"wrk {CONNECTIONS} connections, {LOAD_SECONDS} s per run.",
            "",
            "| run | req/s | p50 ms | p99 ms | / livez | worker CPU per request | CPU / livez's | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for label, row in (("/livez (no work)", base), ("/api/search, cached (relevance questions)", cached),
                           ("/api/search, distinct queries", spread)):
            lines.append(f"| {label} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p99']:.1f} | "
                         f"{row['rps'] / base['rps']:.2f} | {row['cpu_ms']:.2f} ms | "
                         f"{base['cpu_ms'] / row['cpu_ms']:.2f} | {row['errors'] + row['non2xx']} |")
        lines += ["", "Target: distinct queries at least 0.25 of /livez with 2 workers.", ""]
    profile = figures.get("profile")
    if profile:
        lines += [f"### Where a query's time goes (cProfile, {profile['queries']} distinct queries through the Flask app in-process)",
                  "", "| phase | ms per query (profiled) |", "| --- | ---: |"]
        lines += [f"| {label} | {ms:.2f} |" for label, ms in profile["phases"].items()]
        lines += ["", "Functions with the most own time:", "", "```"] + profile["top_tottime"] + ["```", ""]
    scale = figures.get("scale")
    if scale:
        lines += [f"### A corpus {scale['factor']}x today's", "",
                  f"Generated from the real pages (each page {scale['factor']} times, renamed, sections shuffled; in a temporary",
                  "folder, not shipped).", "",
                  "| pages | sections indexed (today) | index build | index open (per worker) | queries | p50 | p99 | CPU p50 | CPU p99 |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                  f"| {scale['pages']} | {scale['sections']} ({scale['today_sections']}) | {scale['build_s']:.1f} s | "
                  f"{scale['open_s']:.1f} s | {scale['queries']} | {scale['p50_ms']:.1f} ms | {scale['p99_ms']:.1f} ms | "
                  f"{scale['cpu_p50_ms']:.1f} ms | {scale['cpu_p99_ms']:.1f} ms |", "",
                  "CPU is the query's own thread time: on a shared machine the wall clock also counts time",
                  "the process waited for a core.", "",
                  "Target: p99 under 20 ms in-process.", ""]
    return lines


# --- issue 14: the payment calculator ------------------------------------------------------

CALCULATOR_ROUNDS = int(os.environ.get("BENCH_CALCULATOR_ROUNDS", "3000"))


def calculator_body(outcomes: int = 20) -> dict:
    """A large request: 20 outcomes with baselines, caps and lags, values, a top-up, an
    investment and the 3 default scenarios, so every part of the calculation runs."""
    return {"cohort": 5000, "duration_months": 60, "contract_cap": 5_000_000, "top_up_share": 0.2,
            "outcomes": [{"id": f"o{i}", "label": f"Outcome {i}", "price": 1000 + 100 * i, "rate": 0.05 + 0.02 * i,
                          "baseline": 0.01, "cap": 200_000 + i, "lag_months": 6 + 3 * i} for i in range(outcomes)],
            "value_per_outcome": {f"o{i}": 3000 for i in range(outcomes)}, "investment": {"capital": 2_000_000}}


def bench_calculator_in_process() -> dict:
    from pricing import calculate, validate

    body = calculator_body()
    for _ in range(100):  # warm up
        calculate(validate(body))
    times, cpu = [], []
    for _ in range(CALCULATOR_ROUNDS):
        start, start_cpu = time.perf_counter(), time.thread_time()
        calculate(validate(body))
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    # Wall-clock time includes waiting for a core on a shared machine; the thread's CPU time does not.
    return {"rounds": CALCULATOR_ROUNDS, "p50_ms": percentile(times, 50), "p99_ms": percentile(times, 99),
            "max_ms": max(times), "cpu_p50_ms": percentile(cpu, 50), "cpu_p99_ms": percentile(cpu, 99),
            "load": os.getloadavg()[0]}


def bench_calculator_http(build_dir: Path, workers: int = 2) -> dict | None:
    if not shutil.which("wrk"):
        return None
    with gunicorn(build_dir, workers) as (base, _pid):
        subprocess.run(["curl", "-s", "-o", "/dev/null", base + "/livez"], check=False)
        baseline = wrk(base + "/livez", LOAD_SECONDS, CONNECTIONS)
        calculator = wrk(base + "/api/calculator", LOAD_SECONDS, CONNECTIONS,
                         paths=[("POST", "/api/calculator", json.dumps(calculator_body()))])
    return {"workers": workers, "baseline": baseline, "calculator": calculator}


def calculator_report(figures: dict) -> list[str]:
    c, h = figures["calculator"], figures.get("calculator_http")
    lines = ["## Payment calculator (issue 14)", "",
             f"In-process, `calculate(validate(body))` with 20 outcomes and 3 scenarios, {c['rounds']} rounds: "
             f"p50 **{c['p50_ms']:.2f} ms**, p99 **{c['p99_ms']:.2f} ms**, max {c['max_ms']:.1f} ms wall-clock; "
             f"CPU time of the calculating thread p50 {c['cpu_p50_ms']:.2f} ms, p99 **{c['cpu_p99_ms']:.2f} ms** "
             f"(load average {c['load']:.1f} on {os.cpu_count()} cores while measuring). Target: p99 under 5 ms.",
             ""]
    if h:
        base, calc = h["baseline"], h["calculator"]
        errors = base["errors"] + base["non2xx"] + calc["errors"] + calc["non2xx"]
        lines += [f"Over HTTP (wrk, {CONNECTIONS} connections, {LOAD_SECONDS} s, gunicorn, {h['workers']} workers), "
                  "the same 20-outcome request to `POST /api/calculator` against the no-work `/livez`:", "",
                  "| endpoint | req/s | p50 ms | p99 ms |", "| --- | ---: | ---: | ---: |",
                  f"| /livez | {base['rps']:.0f} | {base['p50']:.1f} | {base['p99']:.1f} |",
                  f"| POST /api/calculator | {calc['rps']:.0f} | {calc['p50']:.1f} | {calc['p99']:.1f} |", "",
                  f"Calculator / baseline: {calc['rps'] / base['rps']:.2f}; errors: {errors}.", ""]
    return lines


def main_calculator() -> int:
    """`python -m tests.bench calculator`: only this section, printed (BENCHMARKS.md is left alone)."""
    figures = {"calculator": bench_calculator_in_process()}
    with tempfile.TemporaryDirectory() as tmp:
        build_dir = Path(tmp) / "build"
        from publish.build import build
        build(ROOT, build_dir, log=lambda *_: None)
        figures["calculator_http"] = bench_calculator_http(build_dir)
    print("\n".join(calculator_report(figures)))
    return 0

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
        f"| search index (both languages), while MkDocs runs | {b.get('search_index_s', 0):.2f} |",
        f"| site (mkdocs build --strict, both languages), index included | {b.get('site_s', 0):.2f} |",
        f"| whole `kb build` (check, site and index, feeds, swap) | {b['total_s']:.2f} |",
        "",
        "MkDocs renders the site in its own process while `kb build` writes the search index, so on",
        "two cores the site and the index take the longer of the two, not their sum.",
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
        "## Relevance: the answering page first, and in the top 3",
        "",
        "Judged by URL: the page that answers the question (`tests/relevance.yml`). The answer set",
        "asks about the content; `first` holds the first questions a newcomer types (question words,",
        "place-name variants, facet words, choice questions).",
        "",
        "| set | questions | ours top-1 | ours top-3 | Material top-1 | Material top-3 |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *[f"| {name} | {row['queries']} | {row['ours']['top1']:.0%} | {row['ours']['top3']:.0%} | "
          + ("not measured | not measured |" if row["material"] is None
             else f"{row['material']['top1']:.0%} | {row['material']['top3']:.0%} |") for name, row in r.items()],
        "",
        "Targets: top-1 at least 85% and top-3 at least 95% on the first questions, ahead of Material.",
        "",
        f"## HTTP under load (wrk, {CONNECTIONS} connections, {LOAD_SECONDS} s per run, loopback, gunicorn sync workers)",
        "",
        "`/livez` does no work at all; the ratio shows what search itself costs on the same server.",
        f"The search runs cycle through the {sum(row['queries'] for row in r.values())} questions of the relevance set "
        "(Dutch and English), so after the first round they mostly measure the answer cache; see the next section.",
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
    lines += report_search(figures)
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
    if figures.get("calculator"):
        lines += calculator_report(figures)
    return "\n".join(lines)


def main() -> int:
    figures = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine()}
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
        print("search without the cache ...", flush=True)
        figures["distinct"] = bench_http_distinct(build_dir)
        figures["profile"] = bench_profile(release)
        figures["scale"] = bench_scale()
        print("mixed load with a rebuild ...", flush=True)
        figures["mixed"] = bench_mixed_with_rebuild(build_dir) if shutil.which("wrk") else None
        print("calculator ...", flush=True)
        figures["calculator"] = bench_calculator_in_process()
        figures["calculator_http"] = bench_calculator_http(build_dir)
    text = report(figures) + "\n" + "\n".join(worst_case_report(figures["worst_case"])
                                               + slow_clients_report(figures["slow_clients"]))
    (ROOT / "BENCHMARKS.md").write_text(text + "\n" + kept_notes(), encoding="utf-8")
    print(text)
    return 0


NOTES_MARKER = "<!-- Everything below this line is kept"


def kept_notes() -> str:
    """The hand-written notes at the end of BENCHMARKS.md (from NOTES_MARKER on), which a run keeps."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text[text.index(NOTES_MARKER):] if NOTES_MARKER in text else ""


if __name__ == "__main__":
    sys.exit(main_calculator() if sys.argv[1:] == ["calculator"] else main())
