"""`make serve` only: a rebuild of the preview reuses, in memory, what the rebuild before it computed.

A build (`make site`, CI, the tests) keeps nothing between runs but the PDFs
(`handbook.printing.pdfs`, keyed on everything a PDF is made from). `serve` rebuilds
the whole site after every change; one `Preview` per `serve` process keeps
two things from one rebuild to the next (what each earns: `make bench`,
bench/cache_worth.py; why: ARCHITECTURE.md):

- each page's conversion (Python-Markdown with every extension, the
  sanitiser included): under a key of the world (`world_key`: the whole
  configuration as the build uses it, the hook files, the files of the
  theme's folders that are not an installed package, every installed
  distribution's version and Python's) and of the page's own Markdown and
  place. The files its links looked up are noted and looked up again
  before a kept conversion is used. A conversion is kept only when every
  message logged during it could be heard and none was (`Listening`), so a
  warning comes back on every rebuild. The engine has no public way to hand
  a page its conversion: hooks/properdocs16.py does it, for that series only.
- Jinja's compiled templates (Jinja's own, public setting; Jinja checks each against its source).

When the world key changes, everything kept is dropped. A page's HTML and
its search entries are made anew by every rebuild.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import ModuleType

import jinja2
import properdocs16 as engine
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme

from handbook.base import cache

log = logging.getLogger("mkdocs.hooks.handbook")
# What the build derives from the records, not from the configuration: the navigation (handbook_hooks.on_config).
# Nothing kept here reads it; in the key it would change the key on every edit.
DERIVED = ("nav",)


class MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates in memory; Jinja compares each with its template's source before using it."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.kept.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Preview:
    """What one `serve` process keeps between its rebuilds."""

    convert_kept: bool  # whether the installed engine is the one hooks/properdocs16.py knows
    versions: str = field(default_factory=lambda: cache.installed_versions())  # code does not change while it runs
    world: str = ""
    conversions: dict[str, dict] = field(default_factory=dict)
    templates: MemoryBytecode = field(default_factory=MemoryBytecode)
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def begin(self, world: str) -> None:
        if world != self.world:
            self.world = world
            self.conversions.clear()
            self.templates = MemoryBytecode()
        self.used.clear()
        self.hits = self.misses = 0

    def finish(self) -> None:
        """Keep what this rebuild used (an undone edit converts again; memory stays the size of one site)."""
        for key in self.conversions.keys() - self.used:
            del self.conversions[key]

    def convert(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        own = page.file
        key = cache.digest(self.world, own.src_uri, own.dest_uri, own.url, str(own.inclusion), page.markdown or "")
        self.used.add(key)
        kept = self.conversions.get(key)
        if kept is not None and _same_lookups(kept["lookups"], files) and engine.restore(page, kept, files):
            self.hits += 1
            return
        self.misses += 1
        lookups = engine.Lookups(files)
        with Listening() as heard:
            try:
                engine.convert(page, config, lookups)
            except AttributeError:  # the engine asked the files something else: convert as usual, keep nothing
                engine.convert(page, config, files)
                return
        if heard.complete and not heard.records:
            self.conversions[key] = {**engine.snapshot(page), "lookups": lookups.seen}


_preview: Preview | None = None  # `serve` only: set by on_startup, which the engine calls once per process


def on_startup(command: str, dirty: bool) -> None:
    global _preview
    _preview = None
    if command != "serve":
        return
    fits = engine.fits()
    if not fits:
        log.info(
            f"Voorbeeld: ProperDocs {version(engine.DISTRIBUTION)} is niet getest; "
            "elke pagina wordt bij elke wijziging opnieuw omgezet"
        )
    _preview = Preview(fits)


@event_priority(-100)  # after every other on_config: the configuration as this build uses it
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _preview is not None:
        _preview.begin(world_key(config, _preview.versions))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    preview = _preview
    if preview is not None and preview.convert_kept:
        engine.intercept(page, lambda config, files: preview.convert(page, config, files))
    return markdown


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Jinja's own, public setting: where compiled templates are kept."""
    if _preview is not None:
        env.bytecode_cache = _preview.templates
    return env


def on_post_build(config: MkDocsConfig) -> None:
    if _preview is not None:
        _preview.finish()
        log.info(f"Voorbeeld: {_preview.hits} pagina's uit het geheugen, {_preview.misses} omgezet")


def world_key(config: MkDocsConfig, versions: str) -> str:
    """What everything kept depends on besides a page's own input: the configuration as loaded and as
    the plugins changed it (less what the records make, DERIVED), the hook files, the files of the theme's
    folders that are not part of an installed package (overrides/), and every installed version."""
    settings = {name: value for name, value in config.items() if name not in DERIVED}
    settings["config_file_path"] = os.path.abspath(config.config_file_path)  # relative in `serve`'s first build
    theme = config.theme
    own_dirs = [d for d in theme.dirs if not cache.installed(d)]
    return cache.digest(
        versions,
        Path(config.config_file_path).read_bytes(),
        cache.canonical(_described_config(settings)),
        *(cache.folder_digest(Path(d)) for d in own_dirs),
    )


def _described_config(value) -> object:
    """The configuration as plain data: a theme, a plugin, a mapping or list by what it holds; a module (a hook)
    by its file's bytes; anything else by its repr."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Theme):
        settings = {name: value[name] for name in value}
        return {
            "name": value.name,
            "dirs": [os.path.abspath(d) for d in value.dirs],
            "settings": _described_config(settings),
        }
    if isinstance(value, BasePlugin):  # its class and its settings
        return [f"{type(value).__module__}.{type(value).__qualname__}", _described_config(value.config)]
    if isinstance(value, ModuleType):  # a hook
        source = getattr(value, "__file__", None)
        return cache.digest(Path(source).read_bytes()) if source else value.__name__
    if isinstance(value, dict) or callable(getattr(value, "items", None)):
        return {str(k): _described_config(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_described_config(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return repr(value)  # a repr that differs per build (an address in memory) makes a miss, never a stale page


def _same_lookups(seen: dict[str, list[str] | None], files: Files) -> bool:
    return all(engine.described(files.get_file_from_path(path)) == described for path, described in seen.items())


class Listening(logging.Handler):
    """Notes every message logged while a page is converted; such a conversion is not kept.

    It hears what reaches the engine's logger (where `--strict` counts
    warnings) and the root logger. `complete` says whether every message
    could be heard: under `serve -q` the engine's logger drops information
    and warnings before any handler sees them, and nothing is kept.
    """

    LOGGERS = ("", "properdocs")

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.complete = logging.root.manager.disable < logging.INFO and all(
            logging.getLogger(name).getEffectiveLevel() <= logging.INFO for name in self.LOGGERS[1:]
        )

    def emit(self, record):
        self.records.append(record)

    def __enter__(self):
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc):
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
