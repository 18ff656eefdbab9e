"""The whole handbook: every record in werkvormen/, checked as one set."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Generic, TypeVar, cast

from . import messages, paths, records, textrules
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
    for path in _every_file(root):
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


def _every_file(root: Path) -> list[Path]:
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


def load(root: Path, new: frozenset[str] = frozenset()) -> Handbook:
    """Load and check every record; raise RecordError with all problems at once.

    `new` holds the files (as shown, werkvormen/x.yml) that a change adds: a title or
    name that two files share is reported on the new one, not on the record that was
    there first. Records with problems of their own still take part in the checks
    across records, with what could be read of them.
    """
    root = Path(root)
    entries, problems, files = [], [], record_files(root)
    partial: list[Seen] = []
    for path in files:
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = _not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        record, found, positions = records.read_with_positions(path, records.kind_for(path, root), shown_as)
        problems += found
        if record is None and positions is not None and isinstance(positions.data, dict):
            partial.append(Seen.read(path.stem, shown_as, positions))
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
    inline = _inline_sources(entries)
    seen = sorted([Seen.of(e) for e in entries] + partial, key=lambda x: (x.source in new, x.source))
    problems += _new_source_checks(seen, source_names)
    problems += _cross_checks(seen, {path.stem for path in files})
    problems += _source_checks(seen, source_names | {key for r in seen for _, key in r.new_sources}, root)
    sources += inline
    if problems:
        raise RecordError(problems)
    return Handbook(
        tuple(sorted(entries, key=lambda e: (e.record.titel.casefold(), e.slug))),
        tuple(sorted(sources, key=lambda pair: (pair[1].titel.casefold(), pair[0]))),
    )


@dataclass(frozen=True)
class Seen:
    """What the checks across records need of one record: read from a valid record, or from the
    data of one with problems of its own (its title and the names it gives, where they are text)."""

    slug: str
    source: str
    title: str | None
    named: tuple[tuple[tuple[str | int, ...], str], ...]  # (field path, record named): verwant, verschil_met, ...
    sources: tuple[tuple[tuple[str | int, ...], str], ...]  # (field path, source key)
    folder: str
    new_sources: tuple[tuple[tuple[str | int, ...], str], ...] = ()  # (field path, key) of nieuwe_bronnen
    positions: Document | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, entry: Entry) -> Seen:
        refs = tuple((("bronnen", i, "bron"), ref.bron) for i, ref in enumerate(entry.record.bronnen))
        named = tuple(_named_slugs(entry.record))
        new = tuple((("nieuwe_bronnen", i, "sleutel"), n.sleutel) for i, n in enumerate(entry.record.nieuwe_bronnen))
        return cls(entry.slug, entry.source, entry.record.titel, named, refs, entry.folder, new, entry.positions)

    @classmethod
    def read(cls, slug: str, source: str, doc: Document) -> Seen:
        data = cast(dict, doc.data)
        title = data.get("titel") if isinstance(data.get("titel"), str) else None
        named: list[tuple[tuple[str | int, ...], str]] = [
            (("verwant", i), v) for i, v in enumerate(_list(data.get("verwant"))) if isinstance(v, str)
        ]
        named += [
            (("verschil_met", i, "werkvorm"), d["werkvorm"])
            for i, d in enumerate(_list(data.get("verschil_met")))
            if isinstance(d, dict) and isinstance(d.get("werkvorm"), str)
        ]
        refs: list[tuple[tuple[str | int, ...], str]] = []
        for i, ref in enumerate(_list(data.get("bronnen"))):
            if isinstance(ref, str):
                refs.append((("bronnen", i), ref))
            elif isinstance(ref, dict) and isinstance(ref.get("bron"), str):
                refs.append((("bronnen", i, "bron"), ref["bron"]))
        new = [
            (("nieuwe_bronnen", i, "sleutel"), n["sleutel"])
            for i, n in enumerate(_list(data.get("nieuwe_bronnen")))
            if isinstance(n, dict) and isinstance(n.get("sleutel"), str)
        ]
        folder = "checklists" if "/checklists/" in source else "werkvormen"
        named = [(p, v.strip()) for p, v in named if re.fullmatch(SLUG_PATTERN, v.strip())]
        refs = [(p, v.strip()) for p, v in refs if re.fullmatch(SLUG_PATTERN, v.strip())]
        keys = tuple((p, v.strip()) for p, v in new)
        return cls(slug, source, title.strip() if title else None, tuple(named), tuple(refs), folder, keys, doc)

    def at(self, path: tuple, message: str) -> Problem:
        line, column = self.positions.where(path) if self.positions else (1, 1)
        return Problem(self.source, line, column, messages.field_path(path), message)


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _inline_sources(entries: list[Entry]) -> list[tuple[str, Source]]:
    """Sources described in a record (`nieuwe_bronnen`), until they get a file of their own."""
    return [
        (new.sleutel, Source.model_validate(new.model_dump(exclude={"sleutel"})))
        for entry in entries
        for new in entry.record.nieuwe_bronnen
    ]


def _new_source_checks(seen: list[Seen], names: set[str]) -> list[Problem]:
    """A source described in a record has a key no file and no other record has."""
    problems: list[Problem] = []
    keys: dict[str, Seen] = {}
    for record in seen:
        for path, key in record.new_sources:
            if key in names:
                problems.append(
                    record.at(
                        path,
                        f"er is al een bron '{key}' in {SOURCES_FOLDER}/; noem die bij 'bronnen' "
                        "en haal deze weg, of kies een andere sleutel",
                    )
                )
            elif key in keys:
                problems.append(record.at(path, f"'{key}' staat ook in {keys[key].source}"))
            keys.setdefault(key, record)
    return problems


def _source_checks(seen: list[Seen], names: set[str], root: Path) -> list[Problem]:
    """Every source a record names is a file in werkvormen/bronnen/ (or described in a record)."""
    problems = []
    for record in seen:
        for path, key in record.sources:
            if key not in names:
                hint = messages.suggest(key, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(record.at(path, f"er is geen bron '{key}' in {root.name}/{SOURCES_FOLDER}/{tip}"))
    return problems


def _not_a_plain_file(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a record: a link (to a file outside the repository, or to /dev/zero)."""
    if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
        return "is een snelkoppeling (symlink) naar een ander bestand; zet het record zelf in deze map"
    if not path.is_file():
        return "is geen gewoon bestand; een record is een tekstbestand"
    return None


def _cross_checks(seen: list[Seen], names: set[str]) -> list[Problem]:
    """What one record cannot know alone: related slugs exist, slugs and titles are unique.

    `names` holds every record file's name, also of files with problems of their
    own, so that one broken record does not make every link to it an error too.
    `seen` is in the order the first of two equal titles is kept: new files last.
    """
    problems: list[Problem] = []
    slugs: dict[str, Seen] = {}
    titles: dict[str, Seen] = {}
    for record in seen:
        if paths.page(record.folder, record.slug) in paths.GENERATED:
            problems.append(
                record.at(
                    (),
                    f"de naam '{record.slug}' is van een pagina die het handboek zelf "
                    "maakt; geef het bestand een andere naam",
                )
            )
        if record.slug in slugs:
            problems.append(record.at((), f"de naam '{record.slug}' bestaat al: {slugs[record.slug].source}"))
        slugs.setdefault(record.slug, record)
        title = textrules.title_key(record.title or "")  # "Casuïstiek" and "casuistiek" look the same to a reader
        if title and title in titles:
            problems.append(record.at(("titel",), duplicate_title(titles[title].source)))
        if title:
            titles.setdefault(title, record)
    for record in seen:
        for path, slug in record.named:
            if slug == record.slug:
                problems.append(record.at(path, "een record kan niet naar zichzelf verwijzen"))
            elif slug not in names:
                problems.append(record.at(path, missing_record(slug, names)))
    return problems


def duplicate_title(other: str) -> str:
    """The message for a title another record has (the form says the same)."""
    return f"dezelfde titel als {other} (hoofdletters, accenten en leestekens tellen niet mee)"


def missing_record(slug: str, names: Iterable[str]) -> str:
    hint = messages.suggest(slug, names)
    tip = f"; bedoel je '{hint}'?" if hint else ""
    return f"er is geen werkvorm of checklist '{slug}'{tip}"


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
