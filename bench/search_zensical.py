"""Search quality on Zensical's build: the queries of search_eval.py, typed into Zensical's own search box.

Exports the handbook (no PDFs), builds it with Zensical (.venv-zensical, as `make zensical`),
serves it on 127.0.0.1 and reads Zensical's result list (in its shadow root) for every query
in bench/search_queries.yml. Figures go to bench/search_zensical.json under "zensical" (and
"zensical, without page words": the same build without the hidden line of other names and
accent-free words that record pages carry, to show what that line is worth). Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from search_eval import ARGS, CHROMIUM, QUERIES, ROOT, TARGETS, serve, summary

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
RESULTS = ROOT / "bench" / "search_zensical.json"
RESULTS_LIST = "a[role=option]"
SETTLED = """() => {
  for (const host of document.body.children) {
    const list = host.shadowRoot && host.shadowRoot.querySelector('[role=status]');
    if (list) { return list.textContent + host.shadowRoot.querySelector('[role=listbox]').innerHTML.length; }
  }
  return '';
}"""


def build(out: Path, page_words: bool = True) -> Path:
    env = {**os.environ, "HANDBOOK_PDF": "0"}
    subprocess.run([sys.executable, "-m", "handbook", "export", str(out)], cwd=ROOT, env=env, check=True)
    if not page_words:
        for page in (out / "docs").rglob("*.md"):
            text = page.read_text(encoding="utf-8")
            page.write_text(re.sub(r"\nZoekwoorden: .*\n\{: \.hb-zoekwoorden[^}]*\}\n", "\n", text), encoding="utf-8")
    subprocess.run([str(ZENSICAL), "build", "--clean", "-f", "zensical.yml"], cwd=out, check=True, capture_output=True)
    return out / "site"


def wait_settled(page, quiet: float = 0.4, limit: float = 10.0) -> None:
    last, since, start = None, time.monotonic(), time.monotonic()
    while time.monotonic() - start < limit:
        now = page.evaluate(SETTLED)
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet and now:
            return
        time.sleep(0.05)


def ranked_pages(page, base: str) -> list[str]:
    """The result list as site paths of pages, best first, each page once."""
    hrefs = page.locator(RESULTS_LIST).evaluate_all("els => els.map(e => e.href)")
    return list(dict.fromkeys(href.split("?")[0].split("#")[0].removeprefix(base) for href in hrefs))


def run(base: str, queries: list[dict]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        page.goto(base)
        page.locator(".md-search__button").click()
        box = page.locator("input[role=combobox]")
        for item in queries:
            box.fill("")
            started = time.monotonic()
            box.press_sequentially(item["q"])
            wait_settled(page)
            found = ranked_pages(page, base)
            rank = next((i + 1 for i, path in enumerate(found) if path in item["want"]), None)
            rows.append({"q": item["q"], "want": item["want"], "rank": rank, "found": found[:5], "ms": None})
            rows[-1]["ms"] = round((time.monotonic() - started) * 1000)  # typing included: not comparable
        browser.close()
    return rows


def main() -> int:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for label, words in (("zensical", True), ("zensical, without page words", False)):
        with tempfile.TemporaryDirectory() as tmp:
            server, base = serve(build(Path(tmp) / "export", page_words=words))
            try:
                rows = run(base, queries)
            finally:
                server.shutdown()
        figures = summary(rows)
        print(
            f"search, {label}: {figures['queries']} queries  top-1 {figures['top1']:.0%} (target "
            f"{TARGETS['top1']:.0%})  top-3 {figures['top3']:.0%} (target {TARGETS['top3']:.0%})  "
            f"MRR {figures['mrr']:.2f}  nothing found: {len(figures['nothing'])} {figures['nothing']}"
        )
        if "-v" in sys.argv:
            for row in rows:
                if row["rank"] != 1:
                    print(f"  {row['rank'] or '-':>2}  {row['q']!r:40} want {row['want'][0]}  got {row['found'][:3]}")
        kept[label] = {**figures, "rows": rows}
    RESULTS.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
