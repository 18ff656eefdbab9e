"""View helpers: what a page shows, decided in Python so that the templates only lay it out.

Each helper is a small pure function of the records (unit-tested in
tests/test_views.py); the Jinja environments of the pages and the print
HTML register them as globals.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.base import paths
from handbook.base.vocabulary import ROLES
from handbook.records import facts, text

from .collection import Handbook
from .entry import Entry
from .model import Group, Item, Part, Source, Werkvorm


@dataclass(frozen=True)
class Download:
    """A PDF to offer on a page: the link from that page, and its size for the reader ("26 kB")."""

    href: str
    size: str


def page_path(entry: Entry) -> str:
    """Where an entry's page lives in the docs tree."""
    return paths.page(entry.folder, entry.slug)


def download(sizes: dict[str, int], here: Entry | str, target: Entry | str) -> Download | None:
    """The download of `target`'s PDF (an entry, or a PDF path) from the page `here`; None when there is none."""
    path = target if isinstance(target, str) else paths.pdf(target.slug)
    if path not in sizes:
        return None
    origin = page_path(here) if isinstance(here, Entry) else here
    return Download(paths.relative(path, origin), text.kilobytes(sizes[path]))


def related_heading(entry: Entry, related: list[Entry]) -> str:
    """'Verwante werkvormen en checklists' when a werkvorm's list holds a checklist too, else 'Verwante werkvormen'."""
    if not entry.is_checklist and any(other.is_checklist for other in related):
        return "Verwante werkvormen en checklists"
    return "Verwante werkvormen"


def alternative(related: list[Entry]) -> Entry | None:
    """The werkvorm that "Volgende stap" suggests to a reader for whom this one does not fit: the first related one."""
    return next((other for other in related if not other.is_checklist), None)


def numbered(groups: list[Group]) -> list[tuple[Group, list[tuple[int | None, Item]]]]:
    """Each group with its items and their numbers: numbers run on across all numbered groups, others get None."""
    result, count = [], 0
    for group in groups:
        items: list[tuple[int | None, Item]] = []
        for item in group.items:
            if group.genummerd:
                count += 1
            items.append((count if group.genummerd else None, item))
        result.append((group, items))
    return result


@dataclass(frozen=True)
class Slot:
    """One part of a sample programme as the page shows it: from and to on a clock that starts at 0:00."""

    start: str
    end: str
    part: Part


@dataclass(frozen=True)
class Programme:
    """A werkvorm's sample programme with clock times, and its total ("1 uur en 30 minuten")."""

    slots: list[Slot]
    minutes: int


def clock(minutes: int) -> str:
    """Minutes since the start as a clock reading: 90 -> '1:30'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def programme(werkvorm: Werkvorm) -> Programme | None:
    """The sample programme with running times, or None when the werkvorm has none.

    Times count from 0:00 rather than a made-up hour: the reader's meeting starts when it starts."""
    if not werkvorm.programma:
        return None
    slots, elapsed = [], 0
    for part in werkvorm.programma:
        slots.append(Slot(clock(elapsed), clock(elapsed + part.minuten), part))
        elapsed += part.minuten
    return Programme(slots, elapsed)


HANDBOOK_LICENCE = "CC BY-NC-SA 4.0"
HANDBOOK_LICENCE_URL = "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.nl"


@dataclass(frozen=True)
class Licence:
    """What a page's text is under: all our own text, our short summaries of sources included. Only the short
    quotations, marked and named, keep their source's rights."""

    own: str
    url: str
    summarised: list[Source]  # sources whose idea the page sums up in our own words: our text, credited

    @property
    def summaries(self) -> str:
        return "de korte samenvatting" if len(self.summarised) == 1 else "de korte samenvattingen"


def licence(entry: Entry, handbook: Handbook) -> Licence:
    """The licence line of one page. Our own text, including a summary of a source's idea in our own words
    (`bronnen[].samenvatting`), is CC BY-NC-SA; whoever reuses such a summary names the source too."""
    summarised = [handbook.source(ref.bron) for ref in entry.record.bronnen if ref.samenvatting]
    return Licence(HANDBOOK_LICENCE, HANDBOOK_LICENCE_URL, list({id(s): s for s in summarised}.values()))


def reuse(source: Source) -> str:
    """What a reader may do with a source's text, in one sentence."""
    edit = "Je mag de tekst bewerken." if source.bewerken_toegestaan else "Je mag de tekst niet bewerken."
    paid = "" if source.commercieel_toegestaan else " Geld verdienen aan de tekst mag niet."
    line = f"{edit}{paid} Verwijzen mag altijd, met naamsvermelding."
    if source.toestemming:
        t = source.toestemming
        line += f" {t.van} gaf op {text.dutch_date(t.datum)} toestemming voor: {t.voor.rstrip('.')}."
    return line


def perspectives(handbook: Handbook) -> list[tuple[str, list[Entry]]]:
    """Each role (its label) with the werkvormen meant for it, for the overview on a phone."""
    return [(label, [e for e in handbook.werkvormen if key in e.record.voor_wie]) for key, label in ROLES.items()]


@dataclass(frozen=True)
class Choice:
    """One werkvorm in a comparison: when to choose it, and how long it takes (or its kind)."""

    entry: Entry
    when: str
    size: str


def families(handbook: Handbook) -> list[list[Choice]]:
    """Groups of werkvormen that look alike: those joined by `verschil_met`, in either direction.
    Each group (of two or more) sorted by title, for the comparison on the catalogue page; the groups in the
    order of their first title."""
    links: dict[str, set[str]] = {e.slug: set() for e in handbook.werkvormen}
    for entry in handbook.werkvormen:
        for d in entry.record.verschil_met:
            if d.werkvorm in links:
                links[entry.slug].add(d.werkvorm)
                links[d.werkvorm].add(entry.slug)
    seen: set[str] = set()
    groups = []
    for entry in handbook.werkvormen:  # sorted by title
        if entry.slug in seen or not links[entry.slug]:
            continue
        group, todo = set(), [entry.slug]
        while todo:
            slug = todo.pop()
            if slug not in group:
                group.add(slug)
                todo.extend(links[slug] - group)
        seen |= group
        groups.append([_choice(e) for e in handbook.werkvormen if e.slug in group])
    return groups


def _choice(entry: Entry) -> Choice:
    record = entry.record
    when = record.wanneer_kiezen[0] if record.wanneer_kiezen else record.samenvatting
    return Choice(entry, when, " · ".join(fact.value for fact in facts.card(record)))


def layout_helpers() -> dict[str, object]:
    """The helpers the page templates and the print templates both lay out with: registered once for both."""
    return {
        "facts": facts.practical,
        "numbered": numbered,
        "programme": programme,
        "duration": text.duration,
        "span": text.span,
        "dutch_date": text.dutch_date,
    }
