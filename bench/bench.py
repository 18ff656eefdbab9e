"""Build speed and size at N = 19, 200 and 1000 werkvormen, against plain ProperDocs on the same pages.

For each N the script generates N realistic records from the real ones, then
measures the handbook build (hooks, no PDFs) cold (no .cache/) and warm (a
second build: builds keep nothing but PDFs, so the two should match), a
plain ProperDocs build of the very same pages (exported as Markdown; same
theme, same navigation, no hooks), side by side, and `serve` as an editor
uses it: after `make site`, how many PDFs the first preview renders, and how
long an edited sentence takes to show on the served page. It prints a table
and writes the figures to bench/results.json. Nothing here is asserted:
targets are reported, not tested (`make bench`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml

from handbook import build as build_pipeline
from handbook import configuration
from handbook.base.paths import BOOK_PDF
from handbook.base.yamlfile import parse
from handbook.export import export

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "HANDBOOK_PDF": "0"}
# Peak memory from VmHWM: unlike ru_maxrss it starts afresh at exec, so the bench's own size does not count.
RUN = """import re, runpy, sys
sys.argv = ["properdocs"] + sys.argv[1:]
try:
    runpy.run_module("properdocs", run_name="__main__")
except SystemExit as exit:
    code = exit.code
else:
    code = 0
peak = re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)
print("maxrss", peak, file=sys.stderr)
sys.exit(code)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[19, 200, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement; the median is reported")
    parser.add_argument("--edits", type=int, default=5, help="edits per serve measurement; the median is reported")
    parser.add_argument(
        "--pdf-sizes",
        type=int,
        nargs="*",
        default=[19],
        help="sizes at which PDFs are rendered cold and warm (slow: ~0.2 s a record)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()

    results = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"bench-{n}-") as tmp:
            results.append(measure(n, Path(tmp), args.runs, n in args.pdf_sizes, args.edits))
        print_row(results[-1], header=len(results) == 1)
    report = {"date": dt.date.today().isoformat(), "machine": machine(), "results": results}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_summary(results)
    print(f"\nfigures written to {args.out}")
    return 0


def measure(n: int, tmp: Path, runs: int, with_pdfs: bool, edits: int) -> dict:
    project = make_project(tmp / "handbook", n)
    plain = make_plain(project, tmp / "plain")
    hooked, bare, cold = [], [], []
    for _ in range(runs):  # interleaved, so that drift in the machine's speed hits both alike
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(build(project, tmp / "site-handbook"))
        hooked.append(build(project, tmp / "site-handbook"))  # warm: the cache the cold build left
        bare.append(build(plain, tmp / "site-plain"))
    site = tmp / "site-handbook"
    result = {
        "n": n,
        "pages": sum(1 for _ in site.rglob("index.html")),
        "handbook_cold_s": statistics.median(t for t, _ in cold),
        "handbook_s": statistics.median(t for t, _ in hooked),
        "plain_s": statistics.median(t for t, _ in bare),
        "handbook_peak_mb": max(m for _, m in hooked) / 1024,
        "plain_peak_mb": max(m for _, m in bare) / 1024,
        "site_bytes": folder_bytes(site),
        "plain_site_bytes": folder_bytes(tmp / "site-plain"),
        "search_index_bytes": (site / "search" / "search_index.json").stat().st_size,
    }
    result["ratio"] = result["handbook_s"] / result["plain_s"]
    result["bytes_per_werkvorm"] = result["site_bytes"] / n
    result["seconds_per_werkvorm"] = result["handbook_s"] / n
    result["rebuild_after_one_change_s"] = rebuild_after_change(project, tmp / "site-handbook")
    result["first_visit"] = first_visit(site, "werkvormen/" + first_slug(project) + "/")
    result.update(serve_after_site(project, n, edits))
    if with_pdfs:
        result.update(pdf_costs(project))
    return result


# --- the synthetic handbook -------------------------------------------------------------------


def make_project(target: Path, n: int) -> Path:
    """A copy of the project whose werkvormen/ holds n records made from the real ones."""
    target.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    records = target / "werkvormen"
    real = sorted((ROOT / "werkvormen").glob("*.yml"))
    originals = [parse(p.read_text(encoding="utf-8")).data for p in real]
    slugs = [p.stem for p in real]
    made: dict[Path, dict] = {}
    for i in range(n):
        data = dict(originals[i % len(real)])
        copy = i // len(real)
        suffix = "" if copy == 0 else f"-{copy + 1}"
        data["titel"] = data["titel"] + ("" if copy == 0 else f" ({copy + 1})")
        # related werkvormen point into the same copy, so every link resolves at every n
        data["verwant"] = [_renamed(s, slugs, suffix, n, copy) for s in data["verwant"]]
        data["verschil_met"] = [
            {**d, "werkvorm": _renamed(d["werkvorm"], slugs, suffix, n, copy)} for d in data.get("verschil_met", [])
        ]
        made[records / f"{slugs[i % len(real)]}{suffix}.yml"] = data
    for path in sorted((ROOT / "werkvormen" / "checklists").glob("*.yml")):
        made[records / "checklists" / path.name] = parse(path.read_text(encoding="utf-8")).data
    shutil.copytree(ROOT / "werkvormen" / "bronnen", records / "bronnen")  # the sources the records name
    existing = {path.stem for path in made}
    for path, data in made.items():
        data["verwant"] = [slug for slug in data["verwant"] if slug in existing]  # below 20, some are missing
        if "verschil_met" in data:
            data["verschil_met"] = [d for d in data["verschil_met"] if d["werkvorm"] in existing]
        for group in data.get("groepen", []):  # a checklist's items name werkvormen too
            for item in group["items"]:
                if isinstance(item, dict) and "werkvormen" in item:
                    item["werkvormen"] = [slug for slug in item["werkvormen"] if slug in existing]
        depth = "../../" if path.parent.name == "checklists" else "../"
        kind = "checklist" if path.parent.name == "checklists" else "werkvorm"
        text = f"# yaml-language-server: $schema={depth}schema/{kind}.schema.json\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return target


def _renamed(slug: str, slugs: list[str], suffix: str, n: int, copy: int) -> str:
    if slug not in slugs:
        return slug  # a checklist
    index = copy * len(slugs) + slugs.index(slug)
    return slug + suffix if index < n else slug  # the first copy always exists


def make_plain(project: Path, target: Path) -> Path:
    """The same pages, exported by `python -m handbook export`: the same mkdocs.yml without hooks."""
    previous = os.environ.get("HANDBOOK_PDF")
    os.environ["HANDBOOK_PDF"] = "0"  # read by mkdocs.yml's !ENV, as the export reads it
    try:
        export(project / "mkdocs.yml", target)
    finally:
        if previous is None:
            del os.environ["HANDBOOK_PDF"]
        else:
            os.environ["HANDBOOK_PDF"] = previous
    return target


def first_slug(project: Path) -> str:
    return sorted((project / "werkvormen").glob("*.yml"))[0].stem


# --- measuring --------------------------------------------------------------------------------


def build(project: Path, site: Path) -> tuple[float, int]:
    """Wall time and peak memory (kB) of one `properdocs build` in a fresh process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN, "build", "-q", "--site-dir", str(site)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stderr[-2000:]}")
    return elapsed, int(re.search(r"maxrss (\d+)", done.stderr).group(1))


def rebuild_after_change(project: Path, site: Path) -> float:
    record = sorted((project / "werkvormen").glob("*.yml"))[0]
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("samenvatting: ", "samenvatting: Bijgewerkt. ", 1), encoding="utf-8")
    elapsed, _ = build(project, site)
    record.write_text(text, encoding="utf-8")
    return elapsed


def serve_after_site(project: Path, n: int, edits: int) -> dict:
    """`make site`, then `make serve`: PDFs the first preview renders, and edit-to-visible times.

    An edit counts as visible when the served page holds the new sentence
    (polled every 20 ms): the watcher's delay (it polls every 0.5 s), the
    rebuild and the write, as an editor waits for them.
    """
    # the whole-handbook PDF grows with N (118 s at 200): past 50 werkvormen `make site` leaves it out here
    env = {**os.environ, "HANDBOOK_PDF": "all" if n <= 50 else "records"}
    env.pop("HANDBOOK_CACHE", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    site_s = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"make site failed in {project}:\n{done.stderr[-2000:]}")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**env, "HANDBOOK_PDF": "records"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []
    threading.Thread(target=lambda: output.extend(server.stdout), daemon=True).start()
    record = sorted((project / "werkvormen").glob("*.yml"))[0]
    url = f"http://127.0.0.1:{port}/werkvormen/{record.stem}/"
    original = record.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(url, "</html>", 600)
        for i in range(edits):
            marker = f"Zin {i} is bijgewerkt."
            record.write_text(original.replace("samenvatting: ", f"samenvatting: {marker} ", 1), encoding="utf-8")
            started = time.perf_counter()
            _wait_for(url, marker, 300)
            times.append(time.perf_counter() - started)
            time.sleep(1.0)  # let the server settle before the next edit
    finally:
        record.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(30)
    log = "".join(output)
    first = re.search(r"PDF's: (\d+) gemaakt", log)
    return {
        "site_s": site_s,
        "serve_first_pdfs_rendered": int(first.group(1)) if first else None,
        "edit_visible_s": statistics.median(times),
        "edit_visible_runs_s": times,
    }


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def pdf_costs(project: Path) -> dict:
    """Cold render, warm (cache) pass, and the pass after one record changed (each a whole pipeline run)."""
    with tempfile.TemporaryDirectory() as cache_dir:
        configured = configuration.options(configuration.read(project / "mkdocs.yml"))
        options = dataclasses.replace(configured, pdf="all", pdf_cache=Path(cache_dir))
        cold, made = _timed(lambda: build_pipeline.make(options).pdfs)
        warm, again = _timed(lambda: build_pipeline.make(options).pdfs)
        record = sorted((project / "werkvormen").glob("*.yml"))[0]
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("samenvatting: ", "samenvatting: Bijgewerkt. ", 1), encoding="utf-8")
        after, changed = _timed(lambda: build_pipeline.make(options).pdfs)
        record.write_text(text, encoding="utf-8")
    book_pdf = next(p for p in made if p.path == BOOK_PDF)
    return {
        "pdf_cold_s": cold,
        "pdf_warm_s": warm,
        "pdfs": len(made),
        "pdfs_rendered_warm": sum(p.rendered for p in again),
        "pdfs_rendered_after_one_change": sum(p.rendered for p in changed),
        "pdf_after_one_change_s": after,
        "handbook_pdf_bytes": len(book_pdf.content),
    }


def _timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def first_visit(site: Path, path: str) -> dict:
    """Everything a browser loads on a first visit to one werkvorm page, and its gzip size."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return {}
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loaded: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(chromium),
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
            )
            page = browser.new_page()
            page.on("response", lambda r: loaded.__setitem__(r.url, len(gzip.compress(r.body(), 6))))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}", wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    biggest = sorted(loaded.items(), key=lambda kv: -kv[1])[:4]
    return {
        "requests": len(loaded),
        "gzip_bytes": sum(loaded.values()),
        "biggest": [(url.split("/", 3)[-1], size) for url, size in biggest],
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# --- reporting --------------------------------------------------------------------------------


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def print_row(r: dict, header: bool) -> None:
    if header:
        print(
            f"{'N':>5} {'pages':>6} {'cold':>7} {'warm':>7} {'plain':>7} {'ratio':>6} {'peak MB':>8} {'site MB':>8} "
            f"{'kB/wv':>7} {'index kB':>9} {'rebuild':>8} {'edit->vis':>9} {'serve PDFs':>10} "
            f"{'1st visit kB gz':>15} {'PDF cold':>9} {'warm':>6}"
        )
    visit = r["first_visit"].get("gzip_bytes")
    print(
        f"{r['n']:>5} {r['pages']:>6} {r['handbook_cold_s']:>6.2f}s {r['handbook_s']:>6.2f}s {r['plain_s']:>6.2f}s "
        f"{r['ratio']:>6.2f} "
        f"{r['handbook_peak_mb']:>8.0f} {r['site_bytes'] / 1e6:>8.1f} {r['bytes_per_werkvorm'] / 1e3:>7.0f} "
        f"{r['search_index_bytes'] / 1e3:>9.0f} {r['rebuild_after_one_change_s']:>7.2f}s "
        f"{r['edit_visible_s']:>8.2f}s {r['serve_first_pdfs_rendered']!s:>10} "
        f"{(visit or 0) / 1e3:>15.0f} "
        + (f"{r['pdf_cold_s']:>8.1f}s {r['pdf_warm_s']:>5.2f}s" if "pdf_cold_s" in r else f"{'-':>9} {'-':>6}"),
        flush=True,
    )


def print_summary(results: list[dict]) -> None:
    by_n = {r["n"]: r for r in results}
    print()
    if len(by_n) >= 2:
        small, big = sorted(by_n)[-2:]
        size = by_n[big]["bytes_per_werkvorm"] / by_n[small]["bytes_per_werkvorm"]
        speed = by_n[big]["seconds_per_werkvorm"] / by_n[small]["seconds_per_werkvorm"]
        print(
            f"growth {small} -> {big}: bytes per werkvorm x{size:.2f}, seconds per werkvorm x{speed:.2f} "
            "(target <= 1.2)"
        )
    for r in results:
        print(
            f"N={r['n']}: edit -> visible in serve "
            + ", ".join(f"{t:.2f}" for t in r["edit_visible_runs_s"])
            + f" s; first serve after make site rendered {r['serve_first_pdfs_rendered']} PDFs; "
            f"warm full build {r['handbook_s']:.1f} s (cold {r['handbook_cold_s']:.1f} s)"
        )
        visit = r["first_visit"]
        if visit:
            print(
                f"N={r['n']}: first visit of a werkvorm page {visit['gzip_bytes'] / 1e3:.0f} kB gzip in "
                f"{visit['requests']} requests; biggest: "
                + ", ".join(f"{name} {size / 1e3:.0f} kB" for name, size in visit["biggest"])
            )
        if "pdfs" in r:
            print(
                f"N={r['n']}: {r['pdfs']} PDFs cold {r['pdf_cold_s']:.1f} s, warm {r['pdf_warm_s']:.2f} s "
                f"({r['pdfs_rendered_warm']} rendered), after one change {r['pdf_after_one_change_s']:.1f} s "
                f"({r['pdfs_rendered_after_one_change']} rendered)"
            )


if __name__ == "__main__":
    sys.exit(main())
