"""The whole handbook: every record in werkvormen/ as one `Handbook`, loaded and checked as one set.

Which files are records: handbook.discovery; checks across records:
handbook.crosschecks; the queries pages, search and print ask: `Handbook`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import cast

from . import discovery, messages, paths, patterns, provenance, records
from .crosschecks import (
    Seen,
    cross_checks,
    inline_sources,
    locate,
    named_slugs,
    new_source_checks,
    source_checks,
)
from .discovery import SOURCES_FOLDER
from .entry import Entry
from .model import Checklist, Record, Source, Werkvorm
from .problems import Problem, RecordError
from .yamlfile import parse


@dataclass(frozen=True)
class Handbook:
    """All records, sorted by title, ready to render."""

    entries: tuple[Entry, ...]
    sources: tuple[tuple[str, Source], ...] = ()  # (key, source), sorted by title

    @cached_property
    def werkvormen(self) -> list[Entry[Werkvorm]]:
        return [cast("Entry[Werkvorm]", e) for e in self.entries if not e.is_checklist]

    @cached_property
    def checklists(self) -> list[Entry[Checklist]]:
        return [cast("Entry[Checklist]", e) for e in self.entries if e.is_checklist]

    @cached_property
    def reviewed(self) -> dt.date:
        """The newest review date: what the site, the PDFs and the blank record are dated by, not the clock."""
        return max(e.record.laatst_herzien for e in self.entries)

    def get(self, slug: str) -> Entry:
        return self._by_slug[slug]

    def source(self, key: str) -> Source:
        return self._by_source[key]

    @cached_property
    def _by_source(self) -> dict[str, Source]:
        return dict(self.sources)

    def related(self, entry: Entry) -> list[Entry]:
        """Every entry this one is related to, in either direction: its own `verwant` first, then the
        werkvormen its checklist items name, then the entries that point at it. A relation written
        on one page therefore shows on both."""
        return [self.get(slug) for slug in self._relations.get(entry.slug, [])]

    def users(self, key: str) -> list[Entry]:
        """The entries that credit a source."""
        return [e for e in self.entries if any(ref.bron == key for ref in e.record.bronnen)]

    @cached_property
    def _relations(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}

        def add(a: str, b: str) -> None:
            if a != b and b in self._by_slug and b not in found.setdefault(a, []):
                found[a].append(b)

        for entry in self.entries:
            for _, slug in named_slugs(entry.record):
                add(entry.slug, slug)
        for entry in self.entries:
            for _, slug in named_slugs(entry.record):
                add(slug, entry.slug)
        return found

    @cached_property
    def _by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.entries}


def _file_name(path: Path, shown_as: str) -> Problem | None:
    """A file in werkvormen/ whose name is not a slug (or a name Windows reserves): a Dutch error on it.

    Its name becomes a page's address, an id on the sources page and a key in Markdown attribute lists.
    """
    wrong = patterns.name_problem(path.stem)
    if wrong is None:
        return None
    if wrong == patterns.RESERVED_RULE:
        return Problem(shown_as, 1, 1, "", f"de bestandsnaam '{path.stem}' {wrong}")
    return Problem(
        shown_as,
        1,
        1,
        "",
        f"de bestandsnaam '{path.name}' mag alleen kleine letters, cijfers en streepjes hebben, "
        "bijvoorbeeld moreel-beraad.yml",
    )


# a link to a place on a page: (the problem without its message, address, target page, fragment)
Anchor = tuple[Problem, str, str, str]


def _broken_links(root: Path, entries: list[Entry], sources: list) -> tuple[list[Problem], list[Anchor]]:
    """Links in record text that lead to no page or file of the site (the `--strict` build fails on them),
    and the links to a place on a page (`#...`), to check once the pages exist (`_missing_anchors`)."""
    from . import form, links, text

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
    from . import links, pages

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


def load(root: Path, new: frozenset[str] = frozenset()) -> Handbook:
    """Load and check every record; raise RecordError with all problems at once.

    `new` holds the files (as shown, werkvormen/x.yml) that a change adds: a title or
    name that two files share is reported on the new one, not on the record that was
    there first. Records with problems of their own still take part in the checks
    across records, with what could be read of them.
    """
    root = Path(root)
    if root.is_symlink():  # the whole folder a link: every record would come from elsewhere
        raise RecordError(
            [Problem(f"{root.name}/", 1, 1, "", "is een snelkoppeling (symlink); zet de records zelf hier")]
        )
    entries, problems, files = [], [], discovery.record_files(root)
    partial: list[Seen] = []
    for path in files:
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = discovery.not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        record, found, positions = records.read_with_positions(path, records.kind_for(path, root), shown_as)
        problems += found
        if record is None and positions is not None and isinstance(positions.data, dict):
            partial.append(Seen.read(path.stem, shown_as, positions))
        wrong_name = _file_name(path, shown_as)
        if wrong_name:
            problems.append(wrong_name)
        elif record is not None:
            entries.append(Entry(path.stem, shown_as, cast(Record, record), positions))
    problems += discovery.unpublished(root, files)
    if not files:
        problems.append(Problem(f"{root.name}/", 1, 1, "", "er staan geen records in deze map"))
    sources, source_names = [], set()
    for path in discovery.source_files(root):
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = discovery.not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        source, found = records.read(path, Source, shown_as)
        problems += found
        source_names.add(path.stem)
        wrong_name = _file_name(path, shown_as)
        if wrong_name:  # its name is its key: an id on the sources page and a link target
            problems.append(wrong_name)
        elif source is not None:
            sources.append((path.stem, source))
    inline = inline_sources(entries)
    seen = sorted([Seen.of(e) for e in entries] + partial, key=lambda x: (x.source in new, x.source))
    problems += new_source_checks(seen, source_names)
    problems += cross_checks(seen, {path.stem for path in files})
    problems += source_checks(seen, source_names | {key for r in seen for _, key in r.new_sources}, root)
    sources += inline
    records_data = [(e, e.record.model_dump(mode="json")) for e in entries]
    problems += [
        locate(entry, path, message)
        for entry, path, message in provenance.unsourced(records_data, [source for _, source in sources])
    ]
    broken, anchors = _broken_links(root, entries, sources)
    problems += broken
    if problems:
        raise RecordError(problems)
    handbook = Handbook(
        tuple(sorted(entries, key=lambda e: (e.record.titel.casefold(), e.slug))),
        tuple(sorted(sources, key=lambda pair: (pair[1].titel.casefold(), pair[0]))),
    )
    if anchors:  # rare: only then are the pages made, to know their ids
        missing = _missing_anchors(handbook, root.parent / "docs", anchors)
        if missing:
            raise RecordError(missing)
    return handbook
