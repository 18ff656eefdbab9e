"""What one record cannot know alone: checks across all records and sources, each placed on its line.

The checks read a `Seen` of every record: of a valid record, or of what could be read of one with
problems of its own, so that an editor sees every problem in one round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from handbook.base import messages, paths, patterns, textrules
from handbook.base.discovery import SOURCES_FOLDER
from handbook.base.problems import Problem
from handbook.base.yamlfile import Document

from .entry import Entry
from .model import Checklist, Record, Source, Werkvorm

Path_ = tuple[tuple[str | int, ...], str]  # (field path, a name the record gives)


@dataclass(frozen=True)
class Seen:
    """What the checks across records need of one record: read from a valid record, or from the
    data of one with problems of its own (its title and the names it gives, where they are text)."""

    slug: str
    source: str
    title: str | None
    named: tuple[Path_, ...]  # records named: verwant, verschil_met, a checklist item's werkvormen
    sources: tuple[Path_, ...]  # source keys
    folder: str
    new_sources: tuple[Path_, ...] = ()  # keys of nieuwe_bronnen
    positions: Document | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, entry: Entry) -> Seen:
        refs = tuple((("bronnen", i, "bron"), ref.bron) for i, ref in enumerate(entry.record.bronnen))
        named = tuple(named_slugs(entry.record))
        new = tuple((("nieuwe_bronnen", i, "sleutel"), n.sleutel) for i, n in enumerate(entry.record.nieuwe_bronnen))
        return cls(entry.slug, entry.source, entry.record.titel, named, refs, entry.folder, new, entry.positions)

    @classmethod
    def read(cls, slug: str, source: str, doc: Document) -> Seen:
        data = cast(dict, doc.data)
        title = data.get("titel") if isinstance(data.get("titel"), str) else None
        named: list[Path_] = [
            (("verwant", i), v) for i, v in enumerate(_list(data.get("verwant"))) if isinstance(v, str)
        ]
        named += [
            (("verschil_met", i, "werkvorm"), d["werkvorm"])
            for i, d in enumerate(_list(data.get("verschil_met")))
            if isinstance(d, dict) and isinstance(d.get("werkvorm"), str)
        ]
        refs: list[Path_] = []
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
        named = [(p, v.strip()) for p, v in named if patterns.is_slug(v.strip())]
        refs = [(p, v.strip()) for p, v in refs if patterns.is_slug(v.strip())]
        keys = tuple((p, v.strip()) for p, v in new)
        return cls(slug, source, title.strip() if title else None, tuple(named), tuple(refs), folder, keys, doc)

    def at(self, path: tuple, message: str) -> Problem:
        line, column = self.positions.where(path) if self.positions else (1, 1)
        return Problem(self.source, line, column, messages.field_path(path), message)


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def inline_sources(entries: list[Entry]) -> list[tuple[str, Source]]:
    """Sources described in a record (`nieuwe_bronnen`), until they get a file of their own."""
    return [
        (new.sleutel, Source.model_validate(new.model_dump(exclude={"sleutel"})))
        for entry in entries
        for new in entry.record.nieuwe_bronnen
    ]


def new_source_checks(seen: list[Seen], names: set[str]) -> list[Problem]:
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


def source_checks(seen: list[Seen], names: set[str], root: Path) -> list[Problem]:
    """Every source a record names is a file in werkvormen/bronnen/ (or described in a record)."""
    problems = []
    for record in seen:
        for path, key in record.sources:
            if key not in names:
                hint = messages.suggest(key, names)
                tip = f"; bedoel je '{hint}'?" if hint else ""
                problems.append(record.at(path, f"er is geen bron '{key}' in {root.name}/{SOURCES_FOLDER}/{tip}"))
    return problems


def cross_checks(seen: list[Seen], names: set[str]) -> list[Problem]:
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


def named_slugs(record: Record) -> list[Path_]:
    """(field path, slug) for every other record that `record` names: `verwant`, a werkvorm's `verschil_met`,
    and for a checklist the werkvormen its items name."""
    named: list[Path_] = [(("verwant", i), slug) for i, slug in enumerate(record.verwant)]
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
