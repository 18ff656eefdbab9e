"""MkDocs/ProperDocs hooks that keep what the engine computes per page between builds (handbook.cache).

What a rebuild spends its time on, and what it comes from:

- a page's conversion (Python-Markdown with every extension, the sanitiser
  included): from its Markdown, its place on the site, the extension
  configuration, the installed versions and the files its links point at
  (each lookup is noted and checked again before a kept conversion is used);
- its search entries (Material parses the page's HTML again): from its HTML,
  table of contents, title, address and metadata;
- the page's HTML from Material's templates: from all of the above, the
  navigation (every page's title, address and metadata), the configuration
  the templates read and the templates themselves;
- Material's templates, compiled anew for every build, and the walk over
  Material's folder (thousands of icons) to find its static files.

The first three are kept in `.cache/pages/`, `.cache/search/` and
`.cache/html/` under a key over all of that, so a hit is what the engine
would have made, byte for byte (tests/test_caching.py builds with and
without the cache and compares every file). A change to any title or to
the navigation renders every page's HTML again; an edited sentence renders
only the pages that show it. A conversion that logs anything (a broken link, an unknown
anchor) is never kept, so every warning comes again on the next build.
Compiled templates go to `.cache/jinja/` (Jinja checks them against their
source). Nothing changes what is converted or how: the sanitiser still runs
on every page that is converted.

In the engine's dirty mode (`make serve` runs `serve --dirty`) the same
keys decide what is written at all (handbook.preview): a page whose HTML key
is the one it was last written with, and a generated file with the same
bytes, are not written again, and the search index keeps their entries. A
change to what every page shares empties the folder and writes everything,
so a preview shows what a clean build shows (tests/test_preview.py).
"""

from __future__ import annotations

import logging
import os
import platform
from dataclasses import dataclass, field
from importlib.metadata import version
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils import clean_directory, get_relative_url

from handbook import cache, preview

log = logging.getLogger("mkdocs.hooks.handbook")
STATE = "handbook_cache"  # this build's stores ride on its config, like handbook_hooks' result
NAV_META = ("icon", "status", "subtitle")  # what Material's navigation reads of other pages' metadata
VERSIONS = ("markdown", "pymdown-extensions", "properdocs", "mkdocs-material", "jinja2")


@dataclass
class _Dirty:
    """The one thing kept between the builds of one process, in dirty mode: what the site folder holds."""

    ledger: preview.Ledger
    serving: bool  # `serve` writes draft pages too
    conversions: dict = field(default_factory=dict)  # the last build's kept conversions and search entries, as read
    entries: dict = field(default_factory=dict)

    def pages(self, files) -> list:
        inclusion = InclusionLevel.is_in_serve if self.serving else InclusionLevel.is_included
        return [file.page for file in files.documentation_pages(inclusion=inclusion) if file.page is not None]


@dataclass
class _Plan:
    """Dirty mode, one build: the key of every file it may write, and what it wrote."""

    ledger: preview.Ledger
    site_key: str  # html_shared and the list of files: when it changes, every page is written
    keys: dict[str, str]  # file on the site -> key of its content
    order: list[str]  # the pages' sources in the order the engine writes them
    fresh: dict[str, list] = field(default_factory=dict)  # page source -> the search entries this build made
    written: int = 0


_dirty: _Dirty | None = None  # set by on_startup; the engine loads this module once per process


@dataclass
class _State:
    pages: cache.Store
    search: cache.Store
    html: cache.Store
    dirty: _Dirty | None = None
    shared: str | None = None  # the part of every page key that the whole build shares
    search_shared: str = ""
    html_shared: str | None = None
    nav: object = None
    index: Any = None  # Material's search index and plugin, when search is on
    search_plugin: Any = None
    plan: _Plan | None = None  # dirty mode, once every page is read


def on_startup(command, dirty):
    """`serve --dirty` (`make serve`) and `build --dirty`: from now on write only what changed (see above)."""
    global _dirty
    if not dirty:
        _dirty = None
        return
    _dirty = _Dirty(preview.Ledger(), serving=command == "serve")
    for name in ("mkdocs.commands.build", "properdocs.commands.build"):
        engine = logging.getLogger(name)
        if not any(isinstance(f, _KnownDirtyWarning) for f in engine.filters):
            engine.addFilter(_KnownDirtyWarning())


class _KnownDirtyWarning(logging.Filter):
    """The engine warns on every dirty build that navigation may be off; here a change to it writes every page."""

    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


@event_priority(100)  # before Material's search plugin, which loads templates in its on_config
def on_config(config):
    folder = Path(config.config_file_path).parent / ".cache"
    config[STATE] = _State(
        cache.Store(folder / "pages", _dirty.conversions if _dirty else None),
        cache.Store(folder / "search", _dirty.entries if _dirty else None),
        cache.Store(folder / "html"),  # in dirty mode only changed pages are rendered: nothing to keep in memory
        dirty=_dirty,
    )
    theme_env = config.theme.get_env

    def get_env():
        env = theme_env()
        env.bytecode_cache = cache.templates(folder / "jinja")
        loader = env.loader
        loader.list_templates = lambda: cache.list_templates(loader.searchpath)
        return env

    config.theme.get_env = get_env
    return config


def on_files(files, config):
    """Material's search index was made in its on_config; its entries per page go through the cache.

    In dirty mode every page and generated file asks `_modified` whether to be written.
    """
    state = config[STATE]
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and hasattr(index, "add_entry_from_context"):
            state.search_shared = cache.digest(version("mkdocs-material"), cache.canonical(dict(plugin.config)))
            index.add_entry_from_context = _cached_entries(index, index.add_entry_from_context, state)
            state.index, state.search_plugin = index, plugin
    if state.dirty is not None:
        for file in files:
            if file.is_documentation_page() or file.generated_by is not None:
                file.is_modified = _modified(file, state)
    return files


def on_page_markdown(markdown, page, config, files):
    """The engine converts right after this event: it converts through the cache instead."""
    page.render = lambda config, files: _render(page, config, files)
    return markdown


def on_nav(nav, config, files):
    config[STATE].nav = nav
    return nav


def on_env(env, config, files):
    """Every page's HTML goes through the cache: a wrapper around each template's render.

    In dirty mode, every page has been read by now: the keys of what each file would be written
    from are known before anything is written.
    """
    state = config[STATE]
    if state.dirty is not None:
        state.plan = _plan(state.dirty, state, config, files)
    get_template = env.get_template

    def cached_get_template(name, *args, **kwargs):
        template = get_template(name, *args, **kwargs)
        if not getattr(template, "_handbook_cached", False):
            template.render = _cached_html(template, template.render, config)
            template._handbook_cached = True
        return template

    env.get_template = cached_get_template
    return env


@event_priority(50)  # before Material's search plugin writes its index
def on_post_build(config):
    state = config[STATE]
    log.info(
        f"Pagina's: {state.pages.hits} uit de cache, {state.pages.misses} omgezet; "
        f"HTML: {state.html.hits} uit de cache, {state.html.misses} gemaakt"
    )
    if state.plan is not None:
        _finish(state.plan, state, config)
    for store in (state.pages, state.search, state.html):
        store.prune()


def on_build_error(error):
    """A build that failed halfway leaves the folder in a state no ledger describes."""
    if _dirty is not None:
        _dirty.ledger.forget()


def _plan(dirty: _Dirty, state: _State, config, files) -> _Plan:
    """Dirty mode: the key of every page and generated file, and an empty folder if what pages share changed."""
    ledger = dirty.ledger
    pages = dirty.pages(files)
    state.html_shared = _html_shared_key(config, [page.file for page in pages])
    listing = sorted((file.src_uri, file.dest_uri, str(file.inclusion)) for file in files)
    site_key = cache.digest(state.html_shared, cache.canonical(listing))
    if not ledger.fits(config.site_dir, site_key):
        ledger.forget()
        clean_directory(config.site_dir)
    keys = {}
    for page in pages:
        keys[page.file.dest_uri] = _html_key(state, page.meta.get("template", "main.html"), page)
        if ledger.unchanged(page.file.dest_uri, keys[page.file.dest_uri]):
            state.html.used.add(keys[page.file.dest_uri])  # not rendered, still in use: kept in the cache
            state.search.used.add(_search_key(state, page))
    for file in files:
        if file.generated_by is not None and not file.is_documentation_page():
            keys[file.dest_uri] = cache.digest(file.content_bytes)
    return _Plan(ledger, site_key, keys, [page.file.src_uri for page in pages])


def _modified(file, state: _State):
    """`file.is_modified` in dirty mode: every page is read; a file is written when its content changed."""

    def is_modified() -> bool:
        plan = state.plan
        if plan is None:  # the engine is reading pages: all of them, the cache makes it cheap
            return True
        key = plan.keys.get(file.dest_uri)
        changed = (
            key is None
            or not plan.ledger.unchanged(file.dest_uri, key)
            or not os.path.exists(file.abs_dest_path)
            or (file.is_documentation_page() and file.src_uri not in plan.ledger.entries)
        )
        plan.written += changed
        return changed

    return is_modified


def _finish(plan: _Plan, state: _State, config) -> None:
    """Dirty mode: the search index as a clean build makes it, and the ledger of this build."""
    ledger = plan.ledger
    entries = preview.entries_by_page(plan.order, plan.fresh, ledger.entries)
    if state.index is not None:
        state.index.entries = preview.search_entries(entries)
        state.search_plugin.search_index_prev = None  # Material's own merge assumes one page per rebuild
    ledger.commit(config.site_dir, plan.site_key, plan.keys, entries)
    log.info(f"Voorbeeld: {plan.written} bestanden geschreven, {len(plan.keys) - plan.written} ongewijzigd")


def _render(page, config, files) -> None:
    state = config[STATE]
    if state.shared is None:
        state.shared = _shared_key(config)
    own = page.file
    key = cache.digest(state.shared, own.src_uri, own.dest_uri, own.url, str(own.inclusion), page.markdown)
    found = state.pages.get(key)
    if found is not None and _restore(page, found, files):
        return
    lookups = _Lookups(files)
    with _Listening() as heard:
        type(page).render(page, config, lookups)
    if not heard.records and not lookups.untracked:
        state.pages.put(
            key,
            {
                "content": page.content,
                "toc": _tokens(page.toc),
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": {file.src_uri: links for file, links in (page.links_to_anchors or {}).items()},
                "lookups": lookups.seen,
            },
        )


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


def _restore(page, found: dict, files) -> bool:
    for path, described in found["lookups"].items():
        if _described(files.get_file_from_path(path)) != described:
            return False
    links = {}
    for uri, anchors in found["links"].items():
        target = files.get_file_from_path(uri)
        if target is None:
            return False
        links[target] = anchors
    page.content = found["content"]
    page.toc = get_toc(found["toc"])
    page._title_from_render = found["title"]
    page.present_anchor_ids = set(found["anchors"])
    page.links_to_anchors = links
    return True


def _shared_key(config) -> str:
    """What every page's conversion depends on besides its own Markdown and place (and the files it
    looks up, see _Lookups)."""
    package = package_files("handbook")
    sanitizer = b"".join(package.joinpath(name).read_bytes() for name in ("sanitize.py", "anchors.py"))
    return cache.digest(
        platform.python_version(),
        *(version(name) for name in VERSIONS),
        sanitizer,
        Path(__file__).read_bytes(),
        cache.canonical(
            [config["markdown_extensions"], config["mdx_configs"], config["use_directory_urls"], config["validation"]]
        ),
    )


def _search_key(state: _State, page) -> str:
    return cache.digest(
        state.search_shared,
        page.url,
        str(page.title),
        cache.canonical(page.meta),
        cache.canonical(_tokens(page.toc)),
        page.content,
    )


def _cached_entries(index, add, state: _State):
    def add_entry_from_context(page) -> None:
        key = _search_key(state, page)
        found = state.search.get(key)
        if found is None:
            before = len(index.entries)
            add(page)
            found = index.entries[before:]
            state.search.put(key, found)
        else:
            index.entries.extend(found)
        if state.plan is not None:
            state.plan.fresh[page.file.src_uri] = found

    return add_entry_from_context


def _cached_html(template, render, config):
    """`template.render`, from the cache for a page whose every input is unchanged."""

    def cached_render(*args, **kwargs):
        context = args[0] if args and not kwargs else None
        page = context.get("page") if isinstance(context, dict) else None
        if page is None or not isinstance(context, dict):
            return render(*args, **kwargs)
        state = config[STATE]
        if state.html_shared is None:
            state.html_shared = _html_shared_key(config, context.get("pages") or ())
        key = _html_key(state, template.name or "", page)
        found = state.html.get(key)
        if isinstance(found, str):
            return found
        with _Listening() as heard:
            output = render(*args, **kwargs)
        if not heard.records:
            state.html.put(key, output)
        return output

    return cached_render


def _html_key(state: _State, template: str, page) -> str:
    """The key of a page's HTML: what all pages share, the template, and what the page itself brings."""
    return cache.digest(state.html_shared or "", template, get_relative_url(".", page.url), *_page_parts(page))


def _page_parts(page) -> list[str]:
    return [
        page.file.src_uri,
        page.url,
        str(page.canonical_url),
        str(page.abs_url),
        str(page.edit_url),
        str(page.title),
        str(page.is_homepage),
        cache.canonical(page.meta),
        page.content or "",
        cache.canonical(_tokens(page.toc)),
        str(getattr(page, "update_date", "")),
    ]


def _html_shared_key(config, files) -> str:
    """What every page's HTML shares: versions, what the templates read of the configuration, the
    templates, and the whole navigation (each page's title and address, and the metadata that
    Material shows of other pages: NAV_META). A page's own metadata is in its own key."""
    settings = {
        name: config.get(name)
        for name in (
            "site_name",
            "site_url",
            "site_description",
            "site_author",
            "copyright",
            "extra",
            "extra_css",
            "extra_javascript",
            "extra_templates",
            "repo_url",
            "repo_name",
            "edit_uri",
            "use_directory_urls",
            "dev_addr",
        )
    }
    settings["theme"] = {name: config.theme[name] for name in config.theme}
    settings["theme_dirs"] = [os.path.abspath(d) for d in config.theme.dirs]  # relative in `serve`s first build
    settings["plugins"] = list(config.plugins)
    templates = [
        cache.digest(
            *(
                p.relative_to(d).as_posix() + "\0" + cache.digest(p.read_bytes())
                for p in sorted(Path(d).rglob("*"))
                if p.is_file()
            )
        )
        for d in config.theme.dirs
        if not cache.installed(d)
    ]
    pages = [
        (p.file.src_uri, p.url, str(p.title), cache.canonical({k: p.meta.get(k) for k in NAV_META}))
        for p in (f.page for f in files if f.page is not None)
    ]
    return cache.digest(
        platform.python_version(),
        *(version(name) for name in VERSIONS),
        Path(__file__).read_bytes(),
        cache.canonical(settings),
        *templates,
        cache.canonical(pages),
        cache.canonical(_nav(config[STATE].nav.items if config[STATE].nav else [])),
    )


def _nav(items) -> list:
    return [
        [type(item).__name__, str(item.title), str(getattr(item, "url", "")), _nav(item.children or [])]
        for item in items
    ]


def _tokens(toc) -> list[dict]:
    """A table of contents as the tokens `get_toc` makes it from."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)} for item in toc
    ]


class _Listening(logging.Handler):
    """Notes every message logged while a page is converted (those pages are not kept)."""

    LOGGERS = ("", "properdocs", "mkdocs", "MARKDOWN")

    def __init__(self):
        super().__init__(logging.INFO)
        self.records = []

    def emit(self, record):
        self.records.append(record)

    def __enter__(self):
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc):
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
