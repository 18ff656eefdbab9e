"""The whole handbook: every record in werkvormen/, checked as one set."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar, cast

from . import messages, paths, provenance, records, textrules
from .model import SLUG_PATTERN, Checklist, Record, Source, Werkvorm
from .problems import Problem, RecordError
from .yamlfile import Document

R = TypeVar("R", bound=Record, covariant=True)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A validated record with its slug and the file it came from; Entry[Werkvorm] holds a werkvorm."""

    slug: str
    source: str  # path as shown to editors, e.g. werkvormen/leerhuis.yml
    record: R
    positions: Document | None = field(default=None, compare=False, repr=False)  # where each value stands

    def where(self, path: tuple) -> tuple[int, int]:
        """Line and column of `path` (e.g. ("verwant", 0)) in the entry's file."""
        return self.positions.where(path) if self.positions else (1, 1)

    @property
    def is_checklist(self) -> bool:
        return isinstance(self.record, Checklist)

    @property
    def folder(self) -> str:
        """Where the entry's page lives on the site: werkvormen/ or checklists/."""
        return "checklists" if self.is_checklist else "werkvormen"


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
            for _, slug in _named_slugs(entry.record):
                add(entry.slug, slug)
        for entry in self.entries:
            for _, slug in _named_slugs(entry.record):
                add(slug, entry.slug)
        return found

    @cached_property
    def _by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.entries}


SOURCES_FOLDER = "bronnen"


def source_files(root: Path) -> list[Path]:
    """Every source file under `root` (werkvormen/bronnen/), in a stable order."""
    folder = root / SOURCES_FOLDER
    return sorted(list(folder.glob("*.yml")) + list(folder.glob("*.yaml")))


def record_files(root: Path) -> list[Path]:
    """Every record file under `root` (werkvormen/), in a stable order."""
    files = list(root.glob("*.yml")) + list(root.glob("*.yaml"))
    files += list((root / "checklists").glob("*.yml")) + list((root / "checklists").glob("*.yaml"))
    return sorted(files)


def unpublished(root: Path, records: list[Path]) -> list[Problem]:
    """Files in werkvormen/ that the build would skip without a word: each is an error naming it.

    A record saved as `leerhuis`, `leerhuis.yml.txt` or in a folder of its own
    would otherwise pass the check and never reach the site.
    """
    known, problems = set(records) | set(source_files(root)), []
    for path in every_file(root):
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        if path in known:
            continue
        if path.is_symlink():
            problems.append(
                Problem(shown_as, 1, 1, "", "is een snelkoppeling (symlink); zet het bestand zelf in deze map")
            )
        elif path.parent not in (root, root / "checklists", root / SOURCES_FOLDER):
            inside = path.relative_to(root).parts[0] == "checklists"
            where = f"{root.name}/checklists/" if inside else f"{root.name}/"
            problems.append(
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    f"dit bestand staat in een eigen map en komt niet op de site; zet het direct in {where}",
                )
            )
        else:
            problems.append(
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    f"'{path.name}' is geen record en komt niet op de site: een "
                    f"record heet naam.yml; noem het bestand {_suggest_name(path)}",
                )
            )
    return problems + _outside(root)


def every_file(root: Path) -> list[Path]:
    """Every file under `root`, and every link (to a file or a folder), without following links."""
    found = []
    for folder, folders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        found += [here / name for name in names]
        found += [here / name for name in folders if (here / name).is_symlink()]
    return sorted(found)


def _outside(root: Path) -> list[Problem]:
    """A record saved next to werkvormen/ instead of in it (the project's top folder)."""
    problems = []
    for path in sorted(root.parent.glob("*.y*ml*")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open("rb") as file:
                text = file.read(65536).decode("utf-8", errors="replace")
        except OSError:
            continue
        if re.search(r"^titel:", text, re.M) and re.search(r"^(stappen|groepen):", text, re.M):
            problems.append(
                Problem(
                    path.name,
                    1,
                    1,
                    "",
                    f"dit lijkt een record, maar het staat niet in {root.name}/ "
                    f"en komt dus niet op de site; verplaats het naar {root.name}/",
                )
            )
    return problems


def _suggest_name(path: Path) -> str:
    stem = path.name.split(".")[0] or "naam"
    return f"{stem}.yml"


def load(root: Path) -> Handbook:
    """Load and check every record; raise RecordError with all problems at once."""
    root = Path(root)
    if root.is_symlink():  # the whole folder a link: every record would come from elsewhere
        raise RecordError(
            [Problem(f"{root.name}/", 1, 1, "", "is een snelkoppeling (symlink); zet de records zelf hier")]
        )
    entries, problems, files = [], [], record_files(root)
    for path in files:
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = _not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        record, found, positions = records.read_with_positions(path, records.kind_for(path, root), shown_as)
        problems += found
        if not re.match(SLUG_PATTERN, path.stem):
            problems.append(
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    f"de bestandsnaam '{path.name}' mag alleen kleine letters, "
                    "cijfers en streepjes hebben, bijvoorbeeld moreel-beraad.yml",
                )
            )
        elif record is not None:
            entries.append(Entry(path.stem, shown_as, cast(Record, record), positions))
    problems += unpublished(root, files)
    if not files:
        problems.append(Problem(f"{root.name}/", 1, 1, "", "er staan geen records in deze map"))
    sources, source_names = [], set()
    for path in source_files(root):
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = _not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        source, found = records.read(path, Source, shown_as)
        problems += found
        source_names.add(path.stem)
        if source is not None:
            sources.append((path.stem, source))
    problems += _cross_checks(entries, {path.stem for path in files}, root)
    problems += _source_checks(entries, source_names, root)
    records_data = [(e, e.record.model_dump(mode="json")) for e in entries]
    problems += [
        locate(entry, root, path, message)
        for entry, path, message in provenance.unsourced(records_data, [source for _, source in sources])
    ]
    if problems:
        raise RecordError(problems)
    return Handbook(
        tuple(sorted(entries, key=lambda e: (e.record.titel.casefold(), e.slug))),
        tuple(sorted(sources, key=lambda pair: (pair[1].titel.casefold(), pair[0]))),
    )


def _source_checks(entries: list[Entry], names: set[str], root: Path) -> list[Problem]:
    """Every source a record names is a file in werkvormen/bronnen/."""
    problems = []
    for entry in entries:
        for i, ref in enumerate(entry.record.bronnen):
            if ref.bron not in names:
                hint = messages.suggest(ref.bron, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(
                    locate(
                        entry,
                        root,
                        ("bronnen", i, "bron"),
                        f"er is geen bron '{ref.bron}' in {root.name}/{SOURCES_FOLDER}/{tip}",
                    )
                )
    return problems


def _not_a_plain_file(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a record: a link (to a file outside the repository, or to /dev/zero)."""
    if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
        return "is een snelkoppeling (symlink) naar een ander bestand; zet het record zelf in deze map"
    if not path.is_file():
        return "is geen gewoon bestand; een record is een tekstbestand"
    return None


def _cross_checks(entries: list[Entry], names: set[str], root: Path) -> list[Problem]:
    """What one record cannot know alone: related slugs exist, slugs and titles are unique.

    `names` holds every record file's name, also of files with problems of their
    own, so that one broken record does not make every link to it an error too.
    """
    problems: list[Problem] = []
    slugs: dict[str, Entry] = {}
    titles: dict[str, Entry] = {}
    for entry in entries:
        if paths.page(entry.folder, entry.slug) in paths.GENERATED:
            problems.append(
                locate(
                    entry,
                    root,
                    (),
                    f"de naam '{entry.slug}' is van een pagina die het handboek zelf "
                    "maakt; geef het bestand een andere naam",
                )
            )
        if entry.slug in slugs:
            problems.append(locate(entry, root, (), f"de naam '{entry.slug}' bestaat al: {slugs[entry.slug].source}"))
        slugs.setdefault(entry.slug, entry)
        title = textrules.title_key(entry.record.titel)  # "Casuïstiek" and "casuistiek" look the same to a reader
        if title in titles:
            problems.append(
                locate(
                    entry,
                    root,
                    ("titel",),
                    f"dezelfde titel als {titles[title].source} (hoofdletters, accenten en leestekens tellen niet mee)",
                )
            )
        titles.setdefault(title, entry)
    for entry in entries:
        for path, slug in _named_slugs(entry.record):
            if slug == entry.slug:
                problems.append(locate(entry, root, path, "een record kan niet naar zichzelf verwijzen"))
            elif slug not in names:
                hint = messages.suggest(slug, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(locate(entry, root, path, f"er is geen werkvorm of checklist '{slug}'{tip}"))
    return problems


def _named_slugs(record: Record) -> list[tuple[tuple[str | int, ...], str]]:
    """(field path, slug) for every other record that `record` names: `verwant`, a werkvorm's `verschil_met`,
    and for a checklist the werkvormen its items name."""
    named: list[tuple[tuple[str | int, ...], str]] = [(("verwant", i), slug) for i, slug in enumerate(record.verwant)]
    if isinstance(record, Werkvorm):
        named += [(("verschil_met", i, "werkvorm"), d.werkvorm) for i, d in enumerate(record.verschil_met)]
    if isinstance(record, Checklist):
        named += [
            (("groepen", g, "items", i, "werkvormen", k), slug)
            for g, group in enumerate(record.groepen)
            for i, item in enumerate(group.items)
            for k, slug in enumerate(item.werkvormen)
        ]
    return named


def locate(entry: Entry, root: Path, path: tuple, message: str, warning: bool = False) -> Problem:
    """A problem placed at the line of `path` in the entry's file (positions kept since loading; `root` is unused)."""
    line, column = entry.where(path)
    return Problem(entry.source, line, column, messages.field_path(path), message, warning)
