"""What each of `serve`'s in-memory caches earns, and what the caches it does not keep would earn.

For each N the script makes a handbook of N records (bench.make_project) and
drives one process as `serve` drives it: build, then after each edit to a
record's summary build the whole site again. It does so four times: with
everything kept (conversions and compiled templates,
hooks/cache_hooks.py, driven by tests/serve_driver.py), without each of them in turn, and with nothing (a
plain `build` process: what a rebuild costs with nothing kept). Of one
rebuild with everything kept it also reports, from a profile, the time
spent on pages' HTML (Material's templates, made anew every time: the
removed HTML cache) and on search entries. Prints a table and writes bench/cache_worth.json; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "serve_driver.py"  # the one driver of `serve`'s rebuilds, shared with the tests
VARIANTS = ("all", "no-conversions", "no-templates", "nothing")


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
                measured = _rebuilds(variant, project, Path(tmp), args.edits)
                runs[variant] += measured["rebuilds"]
                row[f"{variant}_first"] = measured["first"]
                row[variant] = min(runs[variant])
                row[f"{variant}_median"] = statistics.median(runs[variant])
                if variant == "all":
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


def _rebuilds(variant: str, project: Path, tmp: Path, edits: int) -> dict:
    """One driver process: a first build, then `edits` rebuilds each after an edited summary; the 'all'
    variant profiles one more rebuild."""
    command = "build" if variant == "nothing" else "serve"
    without = {"no-conversions": ["--without", "conversions"], "no-templates": ["--without", "templates"]}
    profile = tmp / "profile.out"
    extra = ["--profile", str(profile)] if variant == "all" else []
    record = sorted((project / "werkvormen").glob("*.yml"))[0]
    original = record.read_text(encoding="utf-8")
    driver = subprocess.Popen(
        [sys.executable, str(DRIVER), str(tmp / "site"), command, *without.get(variant, []), *extra],
        cwd=project,
        env={**os.environ, "HANDBOOK_PDF": "0"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert driver.stdin and driver.stdout
    times = []
    try:
        for i in range(edits + 1 + bool(extra)):
            if i:
                record.write_text(original.replace("samenvatting: ", f"samenvatting: Zin {i}. ", 1), encoding="utf-8")
            driver.stdin.write("profile\n" if i == edits + 1 else "\n")  # the extra last one: profiled, not timed
            driver.stdin.flush()
            for line in driver.stdout:
                if line.startswith("MISLUKT"):
                    raise SystemExit(f"{variant}: the build failed")
                if line.startswith("KLAAR"):
                    times.append(float(line.split()[1]))
                    break
    finally:
        record.write_text(original, encoding="utf-8")
        driver.stdin.close()
        driver.wait(60)
    measured: dict = {"first": times[0], "rebuilds": times[1 : edits + 1]}
    if extra:
        stats = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
        total = sum(v[2] for v in stats.values())

        def spent(test) -> float:
            return max([v[3] for k, v in stats.items() if test(k)] or [0.0]) / total

        measured["html_share"] = spent(lambda k: k[2] == "_build_page")
        measured["search_share"] = spent(lambda k: k[2] == "add_entry_from_context")
        measured["conversion_share"] = spent(lambda k: k[2] == "render" and "structure/pages.py" in k[0])
    return measured


if __name__ == "__main__":
    sys.exit(main())
