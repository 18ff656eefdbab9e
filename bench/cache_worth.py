"""What each of `serve`'s in-memory caches earns, and what the caches it does not keep would earn.

For each N the script makes a handbook of N records (bench.make_project) and
drives one process as `serve` drives it: build, then after each edit to a
record's summary build the whole site again. It does so four times: with
everything kept (conversions, search entries and compiled templates,
hooks/cache_hooks.py), without each of them in turn, and with nothing (a
plain `build` process: what a rebuild costs with nothing kept). Of one
rebuild with everything kept it also reports, from a profile, the time
spent on pages' HTML (Material's templates, made anew every time: the
removed HTML cache) and on search entries. Prints a table and writes bench/cache_worth.json; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench

ROOT = Path(__file__).resolve().parents[1]
DRIVER = r"""
import cProfile, json, logging, pstats, sys, time
import properdocs.__main__  # noqa: F401
from properdocs.commands.build import build
from properdocs.config import load_config

variant, site, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
logging.getLogger("properdocs").setLevel(logging.INFO)  # as `serve` runs: every message heard
logging.getLogger("properdocs").addHandler(logging.NullHandler())
record = sorted(__import__("pathlib").Path("werkvormen").glob("*.yml"))[0]
original = record.read_text(encoding="utf-8")
times, profile = [], {}
try:
    for i in range(edits + 2):  # the last one profiled, not timed
        if i:
            record.write_text(original.replace("samenvatting: ", f"samenvatting: Zin {i}. ", 1), encoding="utf-8")
        config = load_config(config_file="mkdocs.yml", site_dir=site)
        if i == 0:
            config.plugins.on_startup(command="build" if variant == "nothing" else "serve", dirty=False)
            hooks = next(m for name, m in config.hooks.items() if name.endswith("cache_hooks.py"))
            if variant == "no-conversions" and hooks._preview:
                hooks._preview.engine = None
            if variant == "no-search" and hooks._preview:
                hooks._preview.search = None
            if variant == "no-templates" and hooks._preview:
                hooks.on_env = lambda env, config, files: env
        profiler = cProfile.Profile() if i == edits + 1 else None
        if profiler and variant != "all":
            break
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        build(config, serve_url="http://127.0.0.1:8000/")
        if profiler:
            profiler.disable()
        if not profiler:
            times.append(time.perf_counter() - start)
        else:
            stats = pstats.Stats(profiler).stats
            total = sum(v[2] for v in stats.values())
            def spent(test):
                return max([v[3] for k, v in stats.items() if test(k)] or [0.0]) / total
            profile = {
                "html_share": spent(lambda k: k[2] == "_build_page"),
                "search_share": spent(lambda k: k[2] == "add_entry_from_context"),
                "conversion_share": spent(lambda k: k[2] == "render" and "structure/pages.py" in k[0]),
            }
finally:
    record.write_text(original, encoding="utf-8")
print(json.dumps({"first": times[0], "rebuilds": times[1:], **profile}))
"""
VARIANTS = ("all", "no-conversions", "no-search", "no-templates", "nothing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[21, 200, 1000])
    parser.add_argument("--edits", type=int, default=3, help="rebuilds per process")
    parser.add_argument("--rounds", type=int, default=3, help="processes per variant, interleaved")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "cache_worth.json")
    args = parser.parse_args()
    results = []
    print(f"{'N':>5} {'pages':>6} " + " ".join(f"{v:>15}" for v in VARIANTS) + f" {'HTML':>7} {'search':>7}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"worth-{n}-") as tmp:
            project = bench.make_project(Path(tmp) / "handbook", n)
            row: dict = {"n": n}
            runs: dict[str, list[float]] = {v: [] for v in VARIANTS}
            for variant in [v for _ in range(args.rounds) for v in VARIANTS]:  # interleaved: drift hits all alike
                done = subprocess.run(
                    [sys.executable, "-c", DRIVER, variant, str(Path(tmp) / "site"), str(args.edits)],
                    cwd=project,
                    env={**os.environ, "HANDBOOK_PDF": "0"},
                    capture_output=True,
                    text=True,
                )
                if done.returncode != 0:
                    raise SystemExit(done.stderr[-3000:])
                measured = json.loads(done.stdout.strip().splitlines()[-1])
                runs[variant] += measured["rebuilds"]
                row[f"{variant}_first"] = measured["first"]
                row[variant] = min(runs[variant])
                row[f"{variant}_median"] = statistics.median(runs[variant])
                if variant == "all" and "html_share" in measured:
                    row["profile"] = {k: v for k, v in measured.items() if k.endswith("_share")}
            row["pages"] = sum(1 for _ in (Path(tmp) / "site").rglob("index.html"))
            results.append(row)
            share = row["profile"]
            print(
                f"{n:>5} {row['pages']:>6} "
                + " ".join(f"{row[v]:>14.2f}s" for v in VARIANTS)
                + f" {share['html_share'] * row['all']:>6.2f}s {share['search_share'] * row['all']:>6.2f}s",
                flush=True,
            )
    args.out.write_text(json.dumps({"machine": bench.machine(), "results": results}, indent=2) + "\n")
    print(
        "\nfastest of (rounds x edits) rebuilds after an edited summary (the machine is shared: the minimum is the "
        "least disturbed figure; medians are in the JSON), by what is kept in memory; HTML and search: "
        "of the 'all' rebuild, the time spent on pages' HTML and on search entries (profile share x time)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
