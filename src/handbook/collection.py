"""The whole handbook: every record in werkvormen/, checked as one set."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import messages, paths, records, textrules
from .model import SLUG_PATTERN, Checklist, Record
from .problems import Problem, RecordError
from .yamlfile import parse


@dataclass(frozen=True)
class Entry:
    """A validated record with its slug and the file it came from."""

    slug: str
    source: str  # path as shown to editors, e.g. werkvormen/leerhuis.yml
    record: Record

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

    @cached_property
    def werkvormen(self) -> list[Entry]:
        return [e for e in self.entries if not e.is_checklist]

    @cached_property
    def checklists(self) -> list[Entry]:
        return [e for e in self.entries if e.is_checklist]

    @cached_property
    def reviewed(self) -> dt.date:
        """The newest review date: what the site, the PDFs and the blank record are dated by, not the clock."""
        return max(e.record.laatst_herzien for e in self.entries)

    def get(self, slug: str) -> Entry:
        return self._by_slug[slug]

    @cached_property
    def _by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.entries}


def record_files(root: Path) -> list[Path]:
    """Every record file under `root` (werkvormen/), in a stable order."""
    files = list(root.glob("*.yml")) + list(root.glob("*.yaml"))
    files += list((root / "checklists").glob("*.yml")) + list((root / "checklists").glob("*.yaml"))
    return sorted(files)


def load(root: Path) -> Handbook:
    """Load and check every record; raise RecordError with all problems at once."""
    root = Path(root)
    entries, problems, files = [], [], record_files(root)
    for path in files:
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        outside = _not_a_plain_file(path, root)
        if outside:
            problems.append(Problem(shown_as, 1, 1, "", outside))
            continue
        record, found = records.read(path, records.kind_for(path, root), shown_as)
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
            entries.append(Entry(path.stem, shown_as, record))
    if not files:
        problems.append(Problem(f"{root.name}/", 1, 1, "", "er staan geen records in deze map"))
    problems += _cross_checks(entries, {path.stem for path in files}, root)
    if problems:
        raise RecordError(problems)
    return Handbook(tuple(sorted(entries, key=lambda e: (e.record.titel.casefold(), e.slug))))


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
    problems, slugs, titles = [], {}, {}
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
        for i, slug in enumerate(entry.record.verwant):
            if slug == entry.slug:
                problems.append(locate(entry, root, ("verwant", i), "een record kan niet naar zichzelf verwijzen"))
            elif slug not in names:
                hint = messages.suggest(slug, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(locate(entry, root, ("verwant", i), f"er is geen werkvorm of checklist '{slug}'{tip}"))
    return problems


def locate(entry: Entry, root: Path, path: tuple, message: str, warning: bool = False) -> Problem:
    """A problem placed at the line of `path` in the entry's file."""
    file = root.parent / entry.source
    line, column = parse(file.read_text(encoding="utf-8-sig")).where(path)
    return Problem(entry.source, line, column, messages.field_path(path), message, warning)
