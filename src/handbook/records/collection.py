"""The whole handbook: every record in werkvormen/ as one `Handbook`, loaded and checked as one set.

Which files are records: handbook.base.discovery; checks across records:
handbook.records.crosschecks; the queries pages, search and print ask: `Handbook`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol, cast

from handbook.base import discovery, patterns
from handbook.base.problems import Problem, RecordError
from handbook.records import provenance
from handbook.records import reading as records

from .crosschecks import (
    Seen,
    cross_checks,
    inline_sources,
    locate,
    named_slugs,
    new_source_checks,
    source_checks,
)
from .entry import Entry
from .model import Checklist, Record, Source, Werkvorm


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


class LinkCheck(Protocol):
    """The check of links in record text against the site the build makes (`handbook.site.linkcheck`).

    It needs the site's pages, which a layer above this one makes: so `load` is handed it, and asks it
    for the links that lead nowhere together with every other problem, and for the places (`#...`)
    once the records are loaded."""

    def broken(
        self, root: Path, entries: list[Entry], sources: list[tuple[str, Source]]
    ) -> tuple[list[Problem], list[Anchor]]: ...

    def missing(self, handbook: Handbook, anchors: list[Anchor]) -> list[Problem]: ...


def load(root: Path, new: frozenset[str] = frozenset(), links: LinkCheck | None = None) -> Handbook:
    """Load and check every record; raise RecordError with all problems at once.

    `new` holds the files (as shown, werkvormen/x.yml) that a change adds: a title or
    name that two files share is reported on the new one, not on the record that was
    there first. Records with problems of their own still take part in the checks
    across records, with what could be read of them. `links` checks the links in record text
    against the site (`handbook.site.linkcheck.load` hands it in); without it they are not checked.
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
    broken, anchors = links.broken(root, entries, sources) if links else ([], [])
    problems += broken
    if problems:
        raise RecordError(problems)
    handbook = Handbook(
        tuple(sorted(entries, key=lambda e: (e.record.titel.casefold(), e.slug))),
        tuple(sorted(sources, key=lambda pair: (pair[1].titel.casefold(), pair[0]))),
    )
    if links and anchors:  # rare: only then are the pages made, to know their ids
        missing = links.missing(handbook, anchors)
        if missing:
            raise RecordError(missing)
    return handbook
