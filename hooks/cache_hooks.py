"""`make serve` only: a rebuild of the preview reuses, in memory, what the rebuild before it computed.

A build (`make site`, CI, the tests) keeps nothing between runs but the PDFs
(`handbook.pdfs`, keyed on everything a PDF is made from). Measured at the
handbook's size, persisted page caches saved 0.6 s of a 1.2 s build and
could serve a stale page; they are gone (README, Build speed).

`serve` rebuilds the whole site after every change. One `Preview` per
`serve` process keeps three things from one rebuild to the next:

- each page's conversion (Python-Markdown with every extension, the
  sanitiser included): under a key of the world (`world_key`: the whole
  configuration as the build uses it, the hook files, the files of the
  theme's folders that are not an installed package, every installed
  distribution's version and Python's) and of the page's own Markdown and
  place. The files its links looked up are noted and looked up again
  before a kept conversion is used. A conversion is kept only when every
  message logged during it could be heard and none was (`Listening`), so a
  warning comes back on every rebuild.
- each page's search entries (Material's search plugin parses the page's
  HTML again): under a key of the world and of the whole page as the
  engine's public API shows it (address, title, metadata, table of
  contents, HTML).
- Jinja's compiled templates (Jinja checks each against its source).

When the world key changes, everything kept is dropped. A page's HTML is
made anew by every rebuild: it shows every other page's title, address and
whatever else of them the theme's templates choose to read, and a key over
that would be a list of what Material reads, with no natural end.

Neither the engine nor the theme has a public way to hand a page its
conversion or its search entries. `ProperDocs16` and `Material9Search` are
the only places that know those internals; each is used only when the
installed version is the series it was written and tested for
(pyproject.toml bounds both; tests/test_serve_cache.py checks them).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.toc import get_toc
from mkdocs.theme import Theme

from handbook import cache

log = logging.getLogger("mkdocs.hooks.handbook")
# What the build derives from the records, not from the configuration: the navigation and the hooks' own
# result (handbook_hooks.BUILD). Nothing kept here reads either; in the key they would change it on every edit.
DERIVED = ("nav", "handbook_build")


class _Adapter:
    """Code that knows a package's internals, used only with the series of that package it was written for."""

    DISTRIBUTION = ""
    SERIES = ""

    @classmethod
    def fits(cls) -> bool:
        return version(cls.DISTRIBUTION).startswith(cls.SERIES)


class ProperDocs16(_Adapter):
    """The engine's page internals, for ProperDocs 1.6: what a conversion sets on a page, kept and put back.

    `Page.render` converts and sets `content`, `toc`, `_title_from_render`,
    `present_anchor_ids` and `links_to_anchors`; there is no public way to
    hand a page its conversion. tests/test_serve_cache.py converts pages with
    the installed engine and checks that a restored page equals a converted one.
    """

    DISTRIBUTION = "properdocs"
    SERIES = "1.6."

    @staticmethod
    def intercept(page, render) -> None:
        """The engine calls `page.render(config, files)` right after on_page_markdown: call `render` instead."""
        page.render = render

    @staticmethod
    def convert(page, config, files) -> None:
        type(page).render(page, config, files)

    @staticmethod
    def snapshot(page) -> dict[str, Any]:
        return {
            "content": page.content,
            "toc": _tokens(page.toc),
            "title": page._title_from_render,
            "anchors": frozenset(page.present_anchor_ids or ()),
            "links": {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()},
        }

    @staticmethod
    def restore(page, kept: dict[str, Any], files) -> bool:
        links = {}
        for uri, anchors in kept["links"].items():
            target = files.get_file_from_path(uri)
            if target is None:
                return False
            links[target] = dict(anchors)
        page.content = kept["content"]
        page.toc = get_toc(kept["toc"])
        page._title_from_render = kept["title"]
        page.present_anchor_ids = set(kept["anchors"])
        page.links_to_anchors = links
        return True


class Material9Search(_Adapter):
    """Material's search plugin internals, for Material 9: a page's entries made by the plugin, or put back.

    The plugin indexes a page in its on_page_context by calling its index's
    `add_entry_from_context(page)`, which appends to the index's `entries`.
    """

    DISTRIBUTION = "mkdocs-material"
    SERIES = "9."
    PLUGIN = "material/search"

    @classmethod
    def intercept(cls, config, entries_of) -> None:
        """Route each page's indexing through `entries_of(page, make)`, which returns the page's entries."""
        plugin = config.plugins.get(cls.PLUGIN)
        index = getattr(plugin, "search_index", None)
        if index is None or not hasattr(index, "add_entry_from_context"):
            return
        add = index.add_entry_from_context

        def make(page) -> list[dict]:
            before = len(index.entries)
            add(page)
            made = index.entries[before:]
            del index.entries[before:]
            return made

        index.add_entry_from_context = lambda page: index.entries.extend(entries_of(page, make))


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

    engine: type[ProperDocs16] | None
    search: type[Material9Search] | None = None
    versions: str = field(default_factory=lambda: cache.installed_versions())  # code does not change while it runs
    world: str = ""
    conversions: dict[str, dict] = field(default_factory=dict)
    entries: dict[str, list[dict]] = field(default_factory=dict)  # search entries; callers must not change them
    templates: MemoryBytecode = field(default_factory=MemoryBytecode)
    used: set[str] = field(default_factory=set)
    hits: int = 0
    misses: int = 0

    def begin(self, world: str) -> None:
        if world != self.world:
            self.world = world
            self.conversions.clear()
            self.entries.clear()
            self.templates = MemoryBytecode()
        self.used.clear()
        self.hits = self.misses = 0

    def finish(self) -> None:
        """Keep what this rebuild used (an undone edit converts again; memory stays the size of one site)."""
        for kept in (self.conversions, self.entries):
            for key in kept.keys() - self.used:
                del kept[key]

    def convert(self, page, config, files) -> None:
        engine = self.engine
        assert engine is not None
        own = page.file
        key = cache.digest(self.world, own.src_uri, own.dest_uri, own.url, str(own.inclusion), page.markdown)
        self.used.add(key)
        kept = self.conversions.get(key)
        if kept is not None and _same_lookups(kept["lookups"], files) and engine.restore(page, kept, files):
            self.hits += 1
            return
        self.misses += 1
        lookups = _Lookups(files)
        with Listening() as heard:
            engine.convert(page, config, lookups)
        if heard.complete and not heard.records and not lookups.untracked:
            self.conversions[key] = {**engine.snapshot(page), "lookups": lookups.seen}

    def search_entries(self, page, make) -> list[dict]:
        key = cache.digest(
            self.world,
            "search",
            page.file.src_uri,
            page.url,
            str(page.title),
            cache.canonical(page.meta),
            cache.canonical(_tokens(page.toc)),
            page.content or "",
        )
        self.used.add(key)
        kept = self.entries.get(key)
        if kept is None:
            kept = self.entries[key] = make(page)
        return kept


_preview: Preview | None = None  # `serve` only: set by on_startup, which the engine calls once per process


def on_startup(command, dirty):
    global _preview
    _preview = None
    if command != "serve":
        return
    engine = ProperDocs16 if ProperDocs16.fits() else None
    search = Material9Search if Material9Search.fits() else None
    if engine is None or search is None:
        log.info(
            f"Voorbeeld: ProperDocs {version('properdocs')} en Material {version('mkdocs-material')} zijn niet "
            "allebei getest; wat niet getest is, wordt bij elke wijziging opnieuw gemaakt"
        )
    _preview = Preview(engine, search)


@event_priority(-100)  # after every other on_config: the configuration as this build uses it
def on_config(config):
    if _preview is not None:
        _preview.begin(world_key(config, _preview.versions))
    return config


def on_files(files, config):
    """Material's search plugin made its index in its on_config: its entries per page go through memory."""
    preview = _preview
    if preview is not None and preview.search is not None:
        preview.search.intercept(config, preview.search_entries)
    return files


def on_page_markdown(markdown, page, config, files):
    preview = _preview
    if preview is not None and preview.engine is not None:
        preview.engine.intercept(page, lambda config, files: preview.convert(page, config, files))
    return markdown


def on_env(env, config, files):
    """Jinja's own, public setting: where compiled templates are kept."""
    if _preview is not None:
        env.bytecode_cache = _preview.templates
    return env


def on_post_build(config):
    if _preview is not None:
        _preview.finish()
        log.info(f"Voorbeeld: {_preview.hits} pagina's uit het geheugen, {_preview.misses} omgezet")


def world_key(config, versions: str) -> str:
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
        cache.canonical(_plain(settings)),
        *(cache.folder_digest(Path(d)) for d in own_dirs),
    )


def _plain(value) -> object:
    """The configuration as plain data. Objects are described by what they hold; a module by its file's
    bytes. Whatever is left is written as its repr: at worst a repr that differs per build makes a miss."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Theme):
        settings = {name: value[name] for name in value}
        return {"name": value.name, "dirs": [os.path.abspath(d) for d in value.dirs], "settings": _plain(settings)}
    if isinstance(value, BasePlugin):  # its class and its settings
        return [f"{type(value).__module__}.{type(value).__qualname__}", _plain(value.config)]
    if isinstance(value, ModuleType):  # a hook
        source = getattr(value, "__file__", None)
        return cache.digest(Path(source).read_bytes()) if source else value.__name__
    if isinstance(value, dict) or callable(getattr(value, "items", None)):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if hasattr(value, "__dict__") and not callable(value):
        return [type(value).__qualname__, _plain(vars(value))]
    return repr(value)


def _same_lookups(seen: dict[str, list[str] | None], files) -> bool:
    return all(_described(files.get_file_from_path(path)) == described for path, described in seen.items())


class _Lookups:
    """The site's files as a conversion sees them, noting every file it looked up (links it checked).

    A kept conversion is only used while each of those lookups still gives
    the same answer, so a page is converted again when a file it links to
    appears, goes or moves, and not when any other file does.
    """

    def __init__(self, files):
        self.files = files
        self.seen: dict[str, list[str] | None] = {}
        self.untracked = False

    def get_file_from_path(self, path: str):
        found = self.files.get_file_from_path(path)
        self.seen[path] = _described(found)
        return found

    def __getattr__(self, name):
        self.untracked = True  # the engine asked something else of the files: not kept
        return getattr(self.files, name)


def _described(file) -> list[str] | None:
    return None if file is None else [file.src_uri, file.dest_uri, file.url, str(file.inclusion)]


def _tokens(toc) -> list[dict]:
    """A table of contents as the tokens `get_toc` makes it from."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)} for item in toc
    ]


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
