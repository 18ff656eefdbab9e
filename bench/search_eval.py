"""Search quality: type realistic Dutch queries into the real search box of the built site.

Builds the handbook (no PDFs), serves it on 127.0.0.1 and drives Debian's Chromium through
Playwright. For every query in bench/search_queries.yml it reads the result list in order and
reports top-1, top-3, the mean reciprocal rank and the queries that find nothing, for every kind
of query. Figures go to bench/search_results.json. Nothing is asserted (`make bench`); the
targets are printed, and so is every request the page made to another host (there must be none).

`--set questions` measures the question and situation set of issue #32 (bench/search_questions.yml),
with figures for its `tune` and `check` halves; `--set both` (the default) measures both sets. On the
questions set it also times the longest questions with Chromium's CPU slowed 4x (a phone-class CPU).
CDP slows the page but not its search worker, so it also prints 4x the answer at full speed: the
figure for a phone whose whole CPU is four times slower, worker included.

`--engine pagefind` measures the alternative on the same site and queries: Pagefind (from PyPI,
with its binary) indexes the built pages, given the same extra words the lunr index gets (other
names, reasons, word parts) as weighted hidden text, and its own search API answers each query.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "bench" / "search_queries.yml"
QUESTIONS = ROOT / "bench" / "search_questions.yml"
SETS = {"earlier": QUERIES, "questions": QUESTIONS}
THROTTLE = 4  # Chromium's CPU slowed 4x: about a mid-range phone
SLOW_TARGET_MS = 100  # a 100-character question answered within this on the slowed CPU
SLOW_RUNS = 5  # answers per question on the slowed CPU; the median is reported
RESULTS = ROOT / "bench" / "search_results.json"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
TARGETS = {"top1": 0.75, "top3": 0.90}
# kinds of query added for issue #26 (need phrases, compounds, English, roles, everyday words)
NEW_KINDS = {"phrase", "compound", "english", "role", "everyday"}
KIND_TOP3 = {"phrase": 0.90, "*": 0.80}  # need phrases top-3 >= 90%, no kind below 80%

# issue 31: words a, aa, ... a x n and "q" + "a" x n; before the bound a split took hours (n=48: 34 s)
BOMB_JS = """(n) => {
  const known = (word) => /^a+$/.test(word) && word.length <= n;
  const t0 = performance.now();
  window.hbZoekregels.splitCompound("q" + "a".repeat(n), known);
  window.hbZoekregels.splitCompound("zorg".repeat(1400), (word) => word === "zorg");
  return performance.now() - t0;
}"""


def bomb_figures() -> list[str]:
    """The cost of splitting the word bombs of issue 31 in the build (Python), in milliseconds."""
    sys.path.insert(0, str(ROOT / "src"))
    from handbook.search import index as search
    from handbook.search import wordforms

    out = []
    for n in (38, 60):
        known = {"a" * size for size in range(1, n + 1)}
        t0 = time.perf_counter()
        wordforms.split_compound("q" + "a" * n, known)
        out.append(f"split_compound q+a x {n}: {(time.perf_counter() - t0) * 1000:.1f} ms")
    field = " ".join("a" * size for size in range(1, 61)) + " q" + "a" * 60
    docs = [{"location": "a/", "title": "A", "text": field}, {"location": "b/", "title": "B", "text": "zorg" * 1400}]
    t0 = time.perf_counter()
    search.add_word_parts(docs)
    out.append(f"index of the 1,958-character field and zorg x 1400: {(time.perf_counter() - t0) * 1000:.1f} ms")
    return out


SETTLED = """() => {
  const box = document.querySelector('.md-search-result');
  return box ? box.innerHTML : '';
}"""


RESPONSE = """async (query) => {
  const box = document.querySelector('[data-md-component=search-query]');
  const result = document.querySelector('.md-search-result');
  box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup'));
  await new Promise(r => setTimeout(r, 150));
  return await new Promise(resolve => {
    const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now() - t0); });
    observer.observe(result, {childList: true, subtree: true, characterData: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 3000);
    const t0 = performance.now();
    box.value = query; box.dispatchEvent(new KeyboardEvent('keyup'));
  });
}"""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
    )


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def wait_settled(page, quiet: float = 0.35, limit: float = 10.0) -> None:
    """Wait until the result list stops changing (Material searches on every key)."""
    last, since, start = None, time.monotonic(), time.monotonic()
    while time.monotonic() - start < limit:
        now = page.evaluate(SETTLED)
        if now != last:
            last, since = now, time.monotonic()
        elif (
            time.monotonic() - since >= quiet
            and "md-search-result__meta" in (now or "")
            and not page.locator(".md-search-result__meta").inner_text().startswith("Typ om")
        ):
            return
        time.sleep(0.05)


def ranked_pages(page, base: str) -> list[str]:
    """The result list as site paths of pages, best first, each page once."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "els => els.map(e => e.href)")
    seen: list[str] = []
    for href in hrefs:
        path = urlparse(href).path.lstrip("/")
        if path.startswith(urlparse(base).path.lstrip("/")):
            path = path[len(urlparse(base).path.lstrip("/")) :]
        if path not in seen:
            seen.append(path)
    return seen


def load(name: str) -> list[dict]:
    """The queries of one set; the questions set alternates tune/check within each kind, in file order."""
    queries = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    for item in queries:
        item["set"] = name
        if name == "questions":
            item["part"] = "tune" if seen.get(item["kind"], 0) % 2 == 0 else "check"
            seen[item["kind"]] = seen.get(item["kind"], 0) + 1
    return queries


def run(base: str, queries: list[dict], throttled: list[str] = ()) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        page.on("request", lambda request: OUTSIDE.append(request.url) if not _local(request.url) else None)
        page.goto(base)
        box = page.get_by_role("textbox", name="Zoeken").first
        box.click()
        # the first query must not be read while the worker still builds the index ("Geen ...")
        page.keyboard.type("intervisie")
        page.wait_for_selector(".md-search-result__item", timeout=20_000)
        for item in queries:
            box.fill("")
            box.click()
            page.keyboard.type(item["q"])
            wait_settled(page)
            found = ranked_pages(page, base)
            rows.append(row_of(item, found))
        # time from a query reaching the box to its results on screen (worker search and rendering)
        for row in rows:
            row["ms"] = page.evaluate(RESPONSE, row["q"])
        if throttled:  # the same on a CPU slowed down to a phone's (CDP slows the page, not its search worker)
            for query in throttled:  # at full speed first: THROTTLE times this is a phone's answer, worker included
                times = [page.evaluate(RESPONSE, query) for _ in range(SLOW_RUNS)]
                answered = [ms for ms in times if ms is not None]
                FULL_SPEED.append(statistics.median(answered) if len(answered) == SLOW_RUNS else None)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
            for query in throttled:  # the median of a few answers: one answer may meet a garbage collection
                times = [page.evaluate(RESPONSE, query) for _ in range(SLOW_RUNS)]
                answered = [ms for ms in times if ms is not None]
                SLOW.append((query, statistics.median(answered) if len(answered) == SLOW_RUNS else None))
            for n in (38, 60):
                ms = page.evaluate(BOMB_JS, n)
                BOMBS.append(
                    f"splitCompound in the browser, CPU slowed {THROTTLE}x, q+a x {n} and zorg x 1400: {ms:.1f} ms"
                )
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        browser.close()
    return rows


def row_of(item: dict, found: list[str]) -> dict:
    """One query's outcome: its kind, set and half, the rank of the first wanted page (None: not found)."""
    rank = next((i + 1 for i, path in enumerate(found) if path in item["want"]), None)
    return {
        "kind": item.get("kind", "-"),
        "set": item.get("set", "earlier"),
        "part": item.get("part"),
        "q": item["q"],
        "want": item["want"],
        "rank": rank,
        "found": found[:5],
    }


SLOW: list[tuple[str, float | None]] = []  # (query, ms) with the CPU slowed THROTTLE times
FULL_SPEED: list[float | None] = []  # the same questions at full speed, ms
BOMBS: list[str] = []  # the word bombs of issue 31 split in the browser


def figures_of(rows: list[dict]) -> dict:
    """Top-1, top-3 and mean reciprocal rank of some rows."""
    n = len(rows)
    return {
        "queries": n,
        "top1": sum(r["rank"] == 1 for r in rows) / n,
        "top3": sum(r["rank"] is not None and r["rank"] <= 3 for r in rows) / n,
        "mrr": sum(1 / r["rank"] for r in rows if r["rank"]) / n,
    }


def per_kind(rows: list[dict]) -> dict[str, dict]:
    """Figures for every kind of query and for groups of kinds: for the earlier set, the set from
    before issue #26 and the one added for it; for the questions set, its two halves."""
    kinds = dict.fromkeys(r["kind"] for r in rows)
    out = {kind: figures_of([r for r in rows if r["kind"] == kind]) for kind in kinds}
    groups = {
        "existing": lambda r: r["kind"] not in NEW_KINDS,
        "new": lambda r: r["kind"] in NEW_KINDS,
    }
    if any(r.get("part") for r in rows):
        groups = {
            "sentences": lambda r: r["kind"] in ("situation", "question"),
            "tune": lambda r: r.get("part") == "tune",
            "check": lambda r: r.get("part") == "check",
        }
    for name, belongs in groups.items():
        some = [r for r in rows if belongs(r)]
        if some:
            out[name] = figures_of(some)
    out["all"] = figures_of(rows)
    return out


OUTSIDE: list[str] = []  # every request a measured page made to another host


def _local(url: str) -> bool:
    return urlparse(url).hostname in (None, "", "127.0.0.1") or url.startswith(("data:", "blob:"))


PAGEFIND_SEARCH = """async (queries) => {
  const pagefind = await import('./pagefind/pagefind.js');
  await pagefind.init();
  const out = [];
  for (const q of queries) {
    const found = await pagefind.search(q);
    const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return out;
}"""


def pagefind_site(site: Path, into: Path) -> Path:
    """A copy of the site with Pagefind's index, each page given the lunr index's extra words."""
    shutil.copytree(site, into)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    weights = {"namen": 7.0, "wanneer": 5.0, "delen": 0.5}  # title 10, h1 7 and body 1 in Pagefind's own scale
    for doc in index["docs"]:
        page = into / doc["location"].partition("#")[0] / "index.html"
        extra = "".join(
            f'<p hidden data-pagefind-weight="{weight}">{html.escape(doc[field])}</p>'
            for field, weight in weights.items()
            if doc.get(field) and "#" not in doc["location"]
        )
        if extra and page.exists():
            text = page.read_text(encoding="utf-8")
            opening = re.search(r"<article[^>]*>", text)
            if opening:
                page.write_text(text[: opening.end()] + extra + text[opening.end() :], encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(into),
            "--root-selector",
            "article",
            "--force-language",
            "nl",
            "--quiet",
        ],
        check=True,
    )
    return into


def run_pagefind(base: str, queries: list[dict]) -> list[dict]:
    """Each query through Pagefind's own search API, in Chromium, on the same pages."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(locale="nl-NL")
        page.on("request", lambda request: OUTSIDE.append(request.url) if not _local(request.url) else None)
        page.goto(base)
        t0 = time.monotonic()
        answers = page.evaluate(PAGEFIND_SEARCH, [item["q"] for item in queries])
        ms = (time.monotonic() - t0) * 1000 / max(1, len(queries))
        browser.close()
    rows = []
    prefix = urlparse(base).path
    for item, urls in zip(queries, answers, strict=True):
        found = list(dict.fromkeys(urlparse(url).path.removeprefix(prefix).lstrip("/") for url in urls))
        rows.append({**row_of(item, found), "ms": ms})
    return rows


def summary(rows: list[dict]) -> dict:
    return {
        **figures_of(rows),
        "kinds": per_kind(rows),
        "nothing": [r["q"] for r in rows if not r["found"]],
        "ms_median": statistics.median(r["ms"] for r in rows if r["ms"] is not None),
        "ms_max": max(r["ms"] for r in rows if r["ms"] is not None),
    }


def report(engine: str, figures: dict, rows: list[dict], verbose: bool) -> None:
    print(
        f"search ({engine}): {figures['queries']} queries  top-1 {figures['top1']:.0%} (target {TARGETS['top1']:.0%})  "
        f"top-3 {figures['top3']:.0%} (target {TARGETS['top3']:.0%})  MRR {figures['mrr']:.2f}  "
        f"nothing found: {len(figures['nothing'])} {figures['nothing'][:8]}  "
        f"response {figures['ms_median']:.0f} ms median, {figures['ms_max']:.0f} ms max"
    )
    print(f"  {'kind':10} {'n':>3}  {'top-1':>6} {'top-3':>6} {'MRR':>5}")
    for kind, f in figures["kinds"].items():
        target = KIND_TOP3.get(kind, KIND_TOP3["*"])
        groups = ("existing", "new", "all", "sentences", "tune", "check")
        flag = "" if kind in groups or f["top3"] >= target else f"  below {target:.0%} top-3"
        print(f"  {kind:10} {f['queries']:>3}  {f['top1']:>6.0%} {f['top3']:>6.0%} {f['mrr']:>5.2f}{flag}")
    for row in rows:
        if verbose and row["rank"] != 1:
            part = f"[{row['part']}] " if row.get("part") else ""
            print(f"  {row['rank'] or '-':>2}  {part}{row['q']!r:40} want {row['want'][0]}  got {row['found'][:3]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--label", default="now", help="the name under which figures are kept in the JSON")
    parser.add_argument("--verbose", action="store_true", help="print every query that misses the top 1")
    parser.add_argument("--set", choices=["earlier", "questions", "both"], default="both", help="which query set")
    parser.add_argument("--kind", action="append", help="only queries of this kind (repeatable); figures are not kept")
    parser.add_argument(
        "--engine",
        choices=["lunr", "pagefind", "both"],
        default="both",
        help="Material's lunr search, Pagefind, or both",
    )
    args = parser.parse_args()
    names = ["earlier", "questions"] if args.set == "both" else [args.set]
    queries = [item for name in names for item in load(name)]
    longest = sorted((item["q"] for item in queries if item["set"] == "questions"), key=len)[-3:]
    if args.kind:
        queries = [item for item in queries if item["kind"] in args.kind]
    measured: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if not args.site:
            build(site)
        engines = ["lunr", "pagefind"] if args.engine == "both" else [args.engine]
        for engine in engines:
            root = site if engine == "lunr" else pagefind_site(site, Path(tmp) / "pagefind-site")
            server, base = serve(root)
            try:
                rows = run(base, queries, longest) if engine == "lunr" else run_pagefind(base, queries)
            finally:
                server.shutdown()
            measured[engine] = rows
    for engine, rows in measured.items():
        for name in names:
            some = [row for row in rows if row["set"] == name]
            if some:
                print(f"== set: {name} ({SETS[name].name})")
                report(engine, summary(some), some, args.verbose)
    for (query, ms), full in zip(SLOW, FULL_SPEED, strict=True):
        shown = "no answer" if ms is None else f"{ms:.0f} ms"
        whole = "no answer" if full is None else f"{THROTTLE * full:.0f} ms"
        print(
            f"CPU slowed {THROTTLE}x: {shown} (page slowed, worker not), {whole} ({THROTTLE} x full speed, worker"
            f" included); medians of {SLOW_RUNS}, target < {SLOW_TARGET_MS} ms, {len(query)}-character question"
        )
    for line in [*BOMBS, *bomb_figures()]:
        print(f"word bomb: {line} (target: well under a second)")
    print(f"requests to other hosts: {len(OUTSIDE)} {OUTSIDE[:5]}")
    if args.kind:
        return 0
    kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for engine, rows in measured.items():
        label = args.label if engine == "lunr" else f"{args.label}-{engine}"
        for name in names:
            some = [row for row in rows if row["set"] == name]
            key = label if name == "earlier" else f"{label}-{name}"
            kept[key] = {**summary(some), "rows": some}
        if SLOW and engine == "lunr":
            kept[f"{label}-slowed"] = [
                {"q": query, "ms": ms, "full_speed_ms": full}
                for (query, ms), full in zip(SLOW, FULL_SPEED, strict=True)
            ]
    RESULTS.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
