"""The one place that knows ProperDocs 1.6's internals; used only while ProperDocs 1.6 is installed.

The engine has no public way to do two things the preview (`make serve`) does:

- hand a page a conversion kept from the rebuild before (`Page.render`
  converts and sets `content`, `toc`, `_title_from_render`,
  `present_anchor_ids` and `links_to_anchors`): see `intercept`, `snapshot`, `restore`;
- count a failed rebuild as done, so the server keeps answering and the open
  pages can show the build's problems (`LiveReloadServer.builder`): see `report_rebuilds`.

Every hook asks `fits()` first and does without when it says no (a newer
engine: every page converted on every rebuild, a failed rebuild leaves the
pages waiting, as the engine itself does). tests/test_serve_cache.py
checks each of these against the installed engine, so a change of the pin
that changes what is relied on here fails a test.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

DISTRIBUTION = "properdocs"
SERIES = "1.6."  # pyproject.toml bounds the pin to this series


def fits() -> bool:
    """Whether the installed engine is the series this module was written and tested for."""
    return version(DISTRIBUTION).startswith(SERIES)


def intercept(page: Page, render: Callable[[MkDocsConfig, Files], None]) -> None:
    """The engine calls `page.render(config, files)` right after on_page_markdown: make it call `render`."""
    page.render = render  # type: ignore[method-assign, assignment]


def convert(page: Page, config: MkDocsConfig, files: Files | Lookups) -> None:
    """The engine's own conversion of `page` (what `page.render` did before `intercept`)."""
    Page.render(page, config, files)  # type: ignore[arg-type]


def snapshot(page: Page) -> dict[str, Any]:
    """What a conversion set on `page`, as data to keep."""
    return {
        "content": page.content,
        "toc": _tokens(page.toc),
        "title": page._title_from_render,
        "anchors": frozenset(page.present_anchor_ids or ()),
        "links": {file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()},
    }


def restore(page: Page, kept: dict[str, Any], files: Files) -> bool:
    """Set on `page` what `snapshot` kept of its conversion; False when a file it linked to is gone."""
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


class Lookups:
    """The site's files as a conversion sees them: the one question it asks (`get_file_from_path`), noted.

    A kept conversion is only used while each lookup still gives the same
    answer. A conversion that asks anything else raises AttributeError;
    the caller then converts with the real files and keeps nothing.
    """

    def __init__(self, files: Files):
        self._files = files
        self.seen: dict[str, list[str] | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        found = self._files.get_file_from_path(path)
        self.seen[path] = described(found)
        return found


def described(file: File | None) -> list[str] | None:
    return None if file is None else [file.src_uri, file.dest_uri, file.url, str(file.inclusion)]


def report_rebuilds(server: LiveReloadServer, done: Callable[[BaseException | None], None]) -> None:
    """Tell `done` how each rebuild went, and count a failed one as done.

    The engine answers no page request while a rebuild that failed is its
    latest (a reload hangs until the records are fixed) and tells only the
    terminal why. Here the pages keep the last good site and the browsers
    reload, so that the page can show the problems (hooks/livereload.js).
    """
    rebuild = server.builder

    def run() -> None:
        try:
            rebuild()
        except Exception as error:  # every failure is told, in the browser and the terminal
            done(error)
            return
        done(None)

    server.builder = run


def _tokens(toc) -> list[dict]:
    """A table of contents as the tokens `get_toc` makes it from."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)} for item in toc
    ]
