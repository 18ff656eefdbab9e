"""MkDocs/ProperDocs hooks: a thin adapter over the `handbook` package.

Each build makes its `Options` from the loaded configuration with
`handbook.configuration.options` (the one way; `export` and the benchmark use
it too) and hands `handbook.build.make`'s result to the engine. Records are
loaded and checked, and PDFs made, in on_config: before the engine cleans or
writes anything, so a bad record stops the build with every problem listed
and the old site untouched. What one process knows (whether it serves, the
last build's result) is held by one object of ours, `SESSION`; on_config
replaces the result on every build, so every rebuild of `serve` starts afresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import properdocs16
from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook import build, configuration
from handbook.base.problems import RecordError
from handbook.printing import pdfs
from handbook.search import index as search
from handbook.site import offline
from handbook.trust import docsdir, policy

log = logging.getLogger("mkdocs.hooks.handbook")
# `serve` only: the engine's live reload from a file, as the Content-Security-Policy allows (see that file)
LIVERELOAD = "assets/javascripts/livereload.js"
# `serve` only: the problems of the last build (none: an empty list), which livereload.js shows over the page
BUILD_STATUS = "handboek-bouw.json"
OFFLINE = "offline_worker"  # extra's key for the offline worker's address, which main.html reads


@dataclass
class Session:
    """What this process knows between the engine's events: whether it serves, and the last build's result."""

    serving: bool = False
    result: build.Build | None = None
    policy_tag: str = ""  # the Content-Security-Policy tag as the theme renders it (overrides/partials/policy.html)

    @property
    def built(self) -> build.Build:
        assert self.result is not None, "on_config made no build"
        return self.result


SESSION = Session()


def on_startup(command: str, dirty: bool) -> None:
    """The engine says once per process what it runs: `serve` previews (the one way this is decided)."""
    SESSION.serving = command == "serve"
    SESSION.result = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        options = configuration.options(config, serving=SESSION.serving)
    except configuration.ConfigError as error:
        raise PluginError(str(error)) from None
    start = time.monotonic()
    # docs/ is checked like the records, before anything is built: a pull request may change any file
    convert = docsdir.markdown_converter(config.markdown_extensions, config.mdx_configs)
    refused = docsdir.check(Path(config.docs_dir), configuration.root(config), convert)
    try:
        result = build.make(options)
    except RecordError as error:
        raise PluginError(RecordError(error.problems + refused).report()) from None
    except search.SynonymError as error:
        raise PluginError(str(error)) from None
    if refused:
        raise PluginError(RecordError(refused).report())
    if options.pdf == "off":
        log.info("PDF's staan uit (extra.handbook.pdf: off, of HANDBOOK_PDF=0)")
    else:
        rendered = sum(pdf.rendered for pdf in result.pdfs)
        log.info(
            f"PDF's: {rendered} gemaakt, {len(result.pdfs) - rendered} uit de cache ({time.monotonic() - start:.1f} s)"
        )
    if result.nav is not None:
        config.nav = result.nav
    if SESSION.serving:
        config.extra_javascript.append(ExtraScriptValue(LIVERELOAD))
    else:  # the pages register the offline worker (main.html); `serve` writes none, its pages change all the time
        config.extra[OFFLINE] = offline.WORKER
    SESSION.result = result
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, content in SESSION.built.outputs().items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} wordt overschreven door een gegenereerd bestand")
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    if SESSION.serving:
        script = (Path(__file__).parent / "livereload.js").read_bytes()
        files.append(File.generated(config, LIVERELOAD, content=script))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """The sitemap's date comes from the records, not the clock: two builds give the same bytes."""
    epoch = SESSION.built.source_date_epoch
    page.update_date = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d")
    return page


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The policy's tag as the theme renders it: the one the pages carry, for `on_post_build`."""
    SESSION.policy_tag = " ".join(env.get_template("partials/policy.html").render().split())
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Every published HTML file carries the policy; the search index gets names, folded words and weights;
    then, the site complete, the offline worker that keeps this build is written (handbook.site.offline)."""
    site_dir = Path(config.site_dir)
    for name in policy.enforce(site_dir, SESSION.policy_tag):
        log.warning(f"{name} had geen Content-Security-Policy; die is er nu in gezet")
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        index = search.enrich(json.loads(path.read_text(encoding="utf-8")), SESSION.built.handbook)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if config.extra.get(OFFLINE):
        shot = offline.write(site_dir)
        log.info(f"Zonder internet: {len(shot.urls)} bestanden in cache {shot.cache_name}")
    else:  # `serve`: a worker that undoes one a built site left on this address
        offline.retire(site_dir)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Watch werkvormen/ too: added to what the engine watches (docs/, mkdocs.yml, and with --watch-theme the theme).

    With the engine this adapter knows (hooks/properdocs16.py), a failed
    rebuild is shown in the open pages instead of leaving them waiting.
    """
    server.watch(str(configuration.root(config) / "werkvormen"))
    if configuration.settings(config).pdf != "off":  # the first edit then waits for its PDF only
        threading.Thread(target=pdfs.warm_up, daemon=True).start()
    site_dir = Path(server.root)
    if properdocs16.fits():
        properdocs16.report_rebuilds(server, lambda error: _rebuilt(site_dir, error))
    _write_status(site_dir, [])
    return server


def _rebuilt(site_dir: Path, error: BaseException | None) -> None:
    if error is None:
        _write_status(site_dir, [])
        return
    problems = _problems(error)
    log.error("De site is niet bijgewerkt; de pagina in je browser toont waarom:\n" + "\n".join(problems))
    _write_status(site_dir, problems or ["De site kon niet worden gebouwd; kijk in de terminal."])


def _problems(error: BaseException) -> list[str]:
    """The lines of the build's own message: the engine wraps our PluginError in a plain Abort."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, PluginError):
            return [line for line in str(seen).splitlines() if line.strip()]
        seen = seen.__cause__ or seen.__context__
    return [f"{type(error).__name__}: {error}"]


def _write_status(site_dir: Path, problems: list[str]) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / BUILD_STATUS).write_text(json.dumps({"problems": problems}, ensure_ascii=False), encoding="utf-8")
