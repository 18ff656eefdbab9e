"""The handbook without a network: a service worker that keeps one build of the site in the reader's browser.

After a build, `write(site)` lists the built pages and assets and writes
`sw.js` at the site's root. Its cache is named after a hash of every listed
file's path and bytes, so each build that changes anything has its own cache
name, and so its own worker script: browsers compare that script byte for byte,
install the new worker, which fills the new cache and deletes the old one.
Nothing is fetched from another host; the worker answers only for this site.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

WORKER = "sw.js"  # at the site's root, so that it may answer for every page
CACHE_PREFIX = "handboek-"
# Not kept ahead: PDFs (megabytes a reader may never open; fetched when asked), source maps (for developers),
# the Thai word splitter of Material's search (0.7 MB; the handbook searches Dutch), the worker itself.
LEFT_OUT_SUFFIXES = (".pdf", ".gz", ".map")
LEFT_OUT = frozenset({WORKER, "handboek-bouw.json", "assets/javascripts/lunr/wordcut.js"})


@dataclass(frozen=True)
class Snapshot:
    """What one build's worker keeps: the cache's name and the addresses, relative to the site's root."""

    version: str
    urls: tuple[str, ...]

    @property
    def cache_name(self) -> str:
        return CACHE_PREFIX + self.version


def snapshot(site: Path) -> Snapshot:
    """The files of a built site that the worker keeps, and the hash of their paths and bytes."""
    digest = hashlib.sha256()
    urls = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative in LEFT_OUT or relative.endswith(LEFT_OUT_SUFFIXES):
            continue
        digest.update(relative.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
        urls.append(_address(relative))
    return Snapshot(digest.hexdigest()[:16], tuple(urls))


def _address(relative: str) -> str:
    """How a page is asked for: werkvormen/leerhuis/index.html as werkvormen/leerhuis/, the home page as ./."""
    if relative == "index.html":
        return "./"
    if relative.endswith("/index.html"):
        return relative.removesuffix("index.html")
    return relative


def worker(shot: Snapshot) -> str:
    return _template("offline/sw.js.j2").render(cache_name=shot.cache_name, prefix=CACHE_PREFIX, urls=list(shot.urls))


def retire(site: Path) -> None:
    """Write the worker of a preview (`serve`): it keeps nothing, and removes what a build's worker kept.

    A reader never meets it; an editor who opened a built site on the preview's address would
    otherwise see that build's kept pages instead of the preview's.
    """
    (site / WORKER).write_text(_template("offline/retired.js.j2").render(prefix=CACHE_PREFIX), encoding="utf-8")


def write(site: Path) -> Snapshot:
    """Write the worker for the site built in `site`; returns what it keeps."""
    shot = snapshot(site)
    (site / WORKER).write_text(worker(shot), encoding="utf-8")
    return shot


@cache
def _template(name: str) -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("handbook", "templates"), undefined=jinja2.StrictUndefined)
    return env.get_template(name)
