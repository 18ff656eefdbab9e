"""Links in record text checked against the site the build makes: a relative link must lead to a page or
file of the site, and a link to a place (`#...`) to an id that page has; the `--strict` build fails otherwise.

`records.collection.load` runs these checks with all others when it is handed `SiteLinks` (it cannot make
pages itself: that is this layer's work); `load` here does that, for `check` and the build.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from handbook.base import messages, paths
from handbook.base.discovery import SOURCES_FOLDER
from handbook.base.problems import Problem
from handbook.base.yamlfile import parse
from handbook.editing import form
from handbook.records import collection, links, text
from handbook.records.collection import Anchor, Handbook
from handbook.records.crosschecks import locate
from handbook.records.entry import Entry
from handbook.records.model import Source
from handbook.site import pages


def load(root: Path, new: frozenset[str] = frozenset()) -> Handbook:
    """Every record loaded and checked, its links too; RecordError with every problem at once."""
    return collection.load(root, new, SiteLinks(Path(root).parent / "docs"))


class SiteLinks:
    """Links in record text judged against the pages and files of the site the build makes (`docs`: its docs/)."""

    def __init__(self, docs: Path):
        self.docs = docs

    def broken(
        self, root: Path, entries: list[Entry], sources: list[tuple[str, Source]]
    ) -> tuple[list[Problem], list[Anchor]]:
        return _broken_links(root, entries, sources)

    def missing(self, handbook: Handbook, anchors: list[Anchor]) -> list[Problem]:
        return _missing_anchors(handbook, self.docs, anchors)


def _broken_links(
    root: Path, entries: list[Entry], sources: list[tuple[str, Source]]
) -> tuple[list[Problem], list[Anchor]]:
    """Links in record text that lead to no page or file of the site (the `--strict` build fails on them),
    and the links to a place on a page (`#...`), to check once the pages exist (`_missing_anchors`)."""
    if not (root.parent / "docs").is_dir():  # records on their own (no site beside them): nothing to link to known
        return [], []
    published = links.site_files(
        root.parent / "docs",
        [form.PAGE] + [paths.page(e.folder, e.slug) for e in entries] + [paths.pdf(e.slug) for e in entries],
    )
    found: list[Problem] = []
    anchors: list[Anchor] = []

    def judge(at: Problem, value: str, page: str) -> None:
        for address, target, fragment in links.relative(value, page):
            if target not in published:
                found.append(replace(at, message=links.message(address)))
            elif fragment and target.endswith(".md"):
                anchors.append((at, address, target, fragment))

    for entry in entries:
        for where, value in text.strings(entry.record.model_dump(mode="json")):
            # a new source's text lands on the sources page, the rest on the record's own page
            page = paths.SOURCES if where[:1] == ("nieuwe_bronnen",) else paths.page(entry.folder, entry.slug)
            judge(locate(entry, where, ""), value, page)
    for key, source in sources:
        path = root / SOURCES_FOLDER / f"{key}.yml"
        if not path.is_file():
            continue  # a new source inside a record: checked with the record
        for where, value in text.strings(source.model_dump(mode="json")):
            if "[" in value or "<" in value:
                line, column = parse(path.read_text(encoding="utf-8")).where(where)
                at = Problem(f"{root.name}/{SOURCES_FOLDER}/{key}.yml", line, column, messages.field_path(where), "")
                judge(at, value, paths.SOURCES)
    return found, anchors


def _missing_anchors(handbook: Handbook, docs: Path, anchors: list[Anchor]) -> list[Problem]:
    """The links to a place that is not on its page: judged on the pages as the build makes them."""
    rendered = pages.render(handbook)
    known: dict[str, frozenset[str]] = {}
    found = []
    for at, address, target, fragment in anchors:
        if target not in known:
            page = rendered.get(target)
            if page is None and (docs / target).is_file():
                page = (docs / target).read_text(encoding="utf-8-sig")
            known[target] = links.ids(page or "")
        if fragment not in known[target]:
            found.append(replace(at, message=links.anchor_message(address)))
    return found
