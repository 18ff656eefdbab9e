"""MkDocs/ProperDocs hooks: a thin adapter over the `handbook` package.

The hooks read their settings once per build, typed (`Settings`, from
mkdocs.yml's `extra.handbook`, where `!ENV` lets the environment set them),
pass them to `handbook.build` as options, and hand its result to the engine. Records are loaded and
checked, and PDFs made, in on_config: before the engine cleans or writes
anything, so a bad record stops the build with every problem listed and the
old site untouched. The result travels with this build's config, not in
module state, so every rebuild of `serve` starts afresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from watchdog.observers.polling import PollingObserver

from handbook import RecordError, build, docsdir, offline, pdfs, policy, search

log = logging.getLogger("mkdocs.hooks.handbook")
BUILD = "handbook_build"  # the key under which this build's `Run` rides on the config
WATCH_INTERVAL = 0.1  # seconds between two looks of `serve` at the watched files
# `serve` only: the engine's live reload from a file, as the Content-Security-Policy allows (see that file)
LIVERELOAD = "assets/javascripts/livereload.js"
# `serve` only: the problems of the last build (none: an empty list), which livereload.js shows over the page
BUILD_STATUS = "handboek-bouw.json"
POLICY = "handbook_policy"  # the key under which the rendered policy tag (overrides/partials/policy.html) rides
OFFLINE = "offline_worker"  # extra's key for the offline worker's address, which main.html reads


@dataclass(frozen=True)
class Settings:
    """The hooks' own settings: mkdocs.yml, `extra.handbook` (README, Settings)."""

    pdf: build.PdfMode  # all, records (not the whole book) or off
    pdf_cache: Path  # where rendered PDFs are kept between builds
    published_url: str  # the address PDFs print, also in a preview (whose site_url is its local address)
    redactie: str = ""  # the editorial team's e-mail address, offered by the form; "" offers none

    NAMES = ("pdf", "pdf_cache", "published_url", "redactie")

    @classmethod
    def read(cls, config) -> Settings:
        own = config.extra.get("handbook") or {}
        if not isinstance(own, dict) or own.keys() - set(cls.NAMES):
            allowed = ", ".join(cls.NAMES)
            raise PluginError(f"mkdocs.yml, extra.handbook: alleen {allowed} zijn instellingen van het handboek")
        root = Path(config.config_file_path).parent
        return cls(
            pdf=build.pdf_mode(_text(own.get("pdf"))),
            pdf_cache=build.pdf_cache(_text(own.get("pdf_cache")), root),
            published_url=_text(own.get("published_url")) or "",
            redactie=_address(own.get("redactie")),
        )


def _address(value) -> str:
    try:
        return build.editors_address(_text(value))
    except ValueError as error:
        raise PluginError(f"mkdocs.yml, extra.handbook.redactie: {error}") from None


def _text(value) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Run:
    """What one build of the hooks holds: its settings and the pipeline's result."""

    settings: Settings
    result: build.Build


def on_config(config):
    root = Path(config.config_file_path).parent
    settings = Settings.read(config)
    options = build.Options(
        records=root / "werkvormen",
        site_name=config.site_name,
        site_url=_published_url(config, settings),
        edit_url=config.extra.get("edit_url") or "",
        editors=settings.redactie,
        pdf=settings.pdf,
        pdf_cache=settings.pdf_cache,
        nav=tuple(config.nav) if config.nav else None,
    )
    start = time.monotonic()
    # docs/ is checked like the records, before anything is built: a pull request may change any file
    convert = docsdir.markdown_converter(config.markdown_extensions, config.mdx_configs)
    refused = docsdir.check(Path(config.docs_dir), root, convert)
    try:
        result = build.build(options)
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
    if _previewing(config):
        config.extra_javascript.append(ExtraScriptValue(LIVERELOAD))
    else:  # the pages register the offline worker (main.html); `serve` writes none, its pages change all the time
        config.extra[OFFLINE] = offline.WORKER
    config[BUILD] = Run(settings, result)
    return config


def _published_url(config, settings: Settings) -> str:
    """The address the site is published at, for the PDFs' footer.

    `serve` replaces site_url with its own local address; printed in the
    PDFs that address would change every cache key (every PDF rendered again
    on the first preview after `make site`, and on every other port) and
    show 127.0.0.1 to whoever opens the PDF. Previews print what a build
    prints: `published_url` (HANDBOOK_SITE_URL), or no address.
    """
    if _previewing(config):
        return settings.published_url
    return config.site_url or ""


def _previewing(config) -> bool:
    """Whether this is a build of `serve`: it sets site_url to its own local address."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc in (f"{host}:{port}", f"[{host}]:{port}")


def on_files(files, config):
    for path, content in config[BUILD].result.outputs().items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            log.warning(f"docs/{path} wordt overschreven door een gegenereerd bestand")
            files.remove(existing)
        files.append(File.generated(config, path, content=content))
    if _previewing(config):
        script = (Path(__file__).parent / "livereload.js").read_bytes()
        files.append(File.generated(config, LIVERELOAD, content=script))
    return files


def on_pre_page(page, config, files):
    """The sitemap's date comes from the records, not the clock: two builds give the same bytes."""
    epoch = config[BUILD].result.source_date_epoch
    page.update_date = dt.datetime.fromtimestamp(epoch, dt.UTC).strftime("%Y-%m-%d")
    return page


def on_env(env, config, files):
    """The policy's tag as the theme renders it: the one the pages carry, for `on_post_build`."""
    config[POLICY] = " ".join(env.get_template("partials/policy.html").render().split())
    return env


def on_post_build(config):
    """Every published HTML file carries the policy; the search index gets names, folded words and weights;
    then, the site complete, the offline worker that keeps this build is written (handbook.offline)."""
    fixed = policy.enforce(Path(config.site_dir), config[POLICY])
    for name in fixed:
        log.warning(f"{name} had geen Content-Security-Policy; die is er nu in gezet")
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = search.enrich(json.loads(path.read_text(encoding="utf-8")), config[BUILD].result.handbook)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if config.extra.get(OFFLINE):
        shot = offline.write(Path(config.site_dir))
        log.info(f"Zonder internet: {len(shot.urls)} bestanden in cache {shot.cache_name}")
    else:  # `serve`: a worker that undoes one a built site left on this address
        offline.retire(Path(config.site_dir))


def on_serve(server, config, builder):
    """Watch werkvormen/ too, and look for changes every 0.1 s instead of the engine's 0.5 s.

    The engine polls (reliable on every file system and with every editor's
    way of saving); at 0.5 s that wait was a third of the time from saving a
    record to seeing it at 19 werkvormen. Looking costs a stat per file: at
    1,000 records about 6 ms per look (6% of one core). The paths the engine already watches
    move to the faster observer; its own is never started.
    """
    watched = [config.docs_dir, config.config_file_path]
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=WATCH_INTERVAL)
    for path in [*watched, str(Path(config.config_file_path).parent / "werkvormen")]:
        server.watch(path)
    if Settings.read(config).pdf != "off":  # the first edit then waits for its PDF only
        threading.Thread(target=pdfs.warm_up, daemon=True).start()
    server.builder = _reporting(server.builder, Path(server.root))
    _write_status(Path(server.root), [])
    return server


def _reporting(rebuild, site_dir: Path):
    """The server's rebuild, which tells the open pages how it went instead of leaving them waiting.

    The engine answers no page request while a rebuild that failed is its latest
    (a reload hangs until the records are fixed), and tells only the terminal why.
    Here a failed rebuild counts as done: the pages keep the last good site, the
    browsers reload, and livereload.js shows the build's Dutch problems over the
    page. The next good build clears them and reloads again.
    """

    def run() -> None:
        try:
            rebuild()
        except Exception as error:  # every failure is told, in the browser and the terminal
            problems = _problems(error)
            log.error("De site is niet bijgewerkt; de pagina in je browser toont waarom:\n" + "\n".join(problems))
            _write_status(site_dir, problems or ["De site kon niet worden gebouwd; kijk in de terminal."])
            return
        _write_status(site_dir, [])

    return run


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
