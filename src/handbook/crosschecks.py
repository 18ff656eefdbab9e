"""What one record cannot know alone: checks across all records and sources, each placed on its line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import messages, paths, textrules
from .discovery import SOURCES_FOLDER
from .model import Checklist, Record, Werkvorm
from .problems import Problem

if TYPE_CHECKING:
    from .collection import Entry


def source_checks(entries: list[Entry], names: set[str], root: Path) -> list[Problem]:
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
                        ("bronnen", i, "bron"),
                        f"er is geen bron '{ref.bron}' in {root.name}/{SOURCES_FOLDER}/{tip}",
                    )
                )
    return problems


def cross_checks(entries: list[Entry], names: set[str], root: Path) -> list[Problem]:
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
                    (),
                    f"de naam '{entry.slug}' is van een pagina die het handboek zelf "
                    "maakt; geef het bestand een andere naam",
                )
            )
        if entry.slug in slugs:
            problems.append(locate(entry, (), f"de naam '{entry.slug}' bestaat al: {slugs[entry.slug].source}"))
        slugs.setdefault(entry.slug, entry)
        title = textrules.title_key(entry.record.titel)  # "Casuïstiek" and "casuistiek" look the same to a reader
        if title in titles:
            problems.append(
                locate(
                    entry,
                    ("titel",),
                    f"dezelfde titel als {titles[title].source} (hoofdletters, accenten en leestekens tellen niet mee)",
                )
            )
        titles.setdefault(title, entry)
    for entry in entries:
        for path, slug in named_slugs(entry.record):
            if slug == entry.slug:
                problems.append(locate(entry, path, "een record kan niet naar zichzelf verwijzen"))
            elif slug not in names:
                hint = messages.suggest(slug, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(locate(entry, path, f"er is geen werkvorm of checklist '{slug}'{tip}"))
    return problems


def named_slugs(record: Record) -> list[tuple[tuple[str | int, ...], str]]:
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


def locate(entry: Entry, path: tuple, message: str, warning: bool = False) -> Problem:
    """A problem placed at the line of `path` in the entry's file (positions kept since loading)."""
    line, column = entry.where(path)
    return Problem(entry.source, line, column, messages.field_path(path), message, warning)
