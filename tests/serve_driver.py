"""One process that builds the project in its working folder each time it reads a line, as `serve` does after a change.

Shared by tests/test_serve_cache.py and bench/cache_worth.py:

    python tests/serve_driver.py SITE serve|build [--without conversions|templates] [--profile FILE]

`serve` tells the hooks it serves (on_startup), so that they keep what they
keep between rebuilds; `build` is a fresh process's build. Every line read
is one build; it answers with the build's log, then `KLAAR <seconds>` or
`MISLUKT`. `--without` leaves out one of the preview's caches (the bench
measures what each earns); a line `profile` profiles that build (only that
one: a profile slows a build down) into the file `--profile` names.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import sys
import time
import traceback

import properdocs.__main__  # noqa: F401  (the engine's names, as its command line sets them up)
from properdocs.commands.build import build
from properdocs.config import load_config

URL = "http://127.0.0.1:8000/"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("command", choices=["serve", "build"])
    parser.add_argument("--without", choices=["conversions", "templates"])
    parser.add_argument("--profile")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
    logging.getLogger("properdocs").addHandler(logging.StreamHandler(sys.stdout))
    started = False
    for line in sys.stdin:
        config = load_config(config_file="mkdocs.yml", site_dir=args.site)
        config.site_url = URL
        if not started:
            config.plugins.on_startup(command=args.command, dirty=False)
            _leave_out(config, args.without)
            started = True
        profiler = cProfile.Profile() if args.profile and line.strip() == "profile" else None
        start = time.perf_counter()
        try:
            if profiler:
                profiler.enable()
            build(config, serve_url=URL)
        except BaseException:
            traceback.print_exc(file=sys.stdout)
            print("MISLUKT", flush=True)
            continue
        finally:
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
        print(f"KLAAR {time.perf_counter() - start:.6f}", flush=True)


def _leave_out(config, cache: str | None) -> None:
    hooks = next(module for name, module in config.hooks.items() if name.endswith("cache_hooks.py"))
    if cache == "conversions" and hooks._preview:
        hooks._preview.convert_kept = False
    if cache == "templates" and hooks._preview:
        hooks.on_env = lambda env, config, files: env


if __name__ == "__main__":
    main()
