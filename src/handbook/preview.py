"""What a preview wrote last, so that a rebuild of `serve` writes only what changed.

`make serve` runs the engine's dirty mode: it does not empty the site
folder before a rebuild, and asks each file whether it was modified. The
engine's own answer (a source newer than its copy) does not fit a site
whose pages are generated in memory, and its dirty mode makes no promise
about the navigation or the search index. The hooks give the answer
instead, from a `Ledger`: for every file written into the folder, the key
of what was written (the key of the page's HTML in the cache, or the digest
of a generated file's bytes). A file is written again when its key changes
or it is gone; every page is written again when the key of what all pages
share (navigation, titles, configuration, templates, the list of files)
changes, after the folder is emptied, as in a clean build.

Pages that are not written again keep their search entries from the last
build (`search_entries`), in the site's order, so the index is the one a
clean build writes. tests/test_preview.py compares every file with a clean
build after edits, a renamed title, a removed record and a failed build.

Nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass
class Ledger:
    """What the site folder holds, after the last build that went through."""

    folder: str | None = None  # the site folder it describes
    shared: str | None = None  # the key of what every page shares, at that build
    written: dict[str, str] = field(default_factory=dict)  # file on the site -> key of its content
    entries: dict[str, list] = field(default_factory=dict)  # page source -> its search entries

    def fits(self, folder: str, shared: str) -> bool:
        """Whether this ledger describes `folder` as a build with `shared` would leave it.

        When it does not, the caller empties the folder and writes everything.
        """
        return self.folder == folder and self.shared == shared

    def unchanged(self, path: str, key: str) -> bool:
        """Whether `path` on the site was last written from `key`."""
        return self.written.get(path) == key

    def commit(self, folder: str, shared: str, written: Mapping[str, str], entries: Mapping[str, list]) -> None:
        """Record a finished build: the keys of every file it accounts for, and every page's entries."""
        self.folder, self.shared = folder, shared
        self.written = dict(written)
        self.entries = dict(entries)

    def forget(self) -> None:
        """After a failed build the folder's state is unknown: the next build writes everything."""
        self.folder = self.shared = None
        self.written.clear()
        self.entries.clear()


def entries_by_page(order: Iterable[str], fresh: Mapping[str, list], kept: Mapping[str, list]) -> dict[str, list]:
    """Every page's search entries, in the site's order: this build's where it made them, else the kept ones.

    A page missing from both has none; a kept page that is no longer in
    `order` (removed) is left out.
    """
    return {page: fresh[page] if page in fresh else kept.get(page, []) for page in order}


def search_entries(by_page: Mapping[str, list]) -> list:
    """The index's entries as a clean build adds them: page after page, in the site's order."""
    return [entry for entries in by_page.values() for entry in entries]
