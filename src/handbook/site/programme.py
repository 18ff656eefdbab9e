"""Mijn programma: what the programme page, the add buttons and the printed programme need, decided here.

A reader puts werkvormen and checklists together into one plan. The plan
lives in the reader's browser (localStorage) and in share links; the
scripts (docs/assets/javascripts/programma.js) only lay it out and store
it. What each part is called, how long it takes by default, where its page
and its meeting sheet are, and every text the scripts show, come from here.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from handbook.base import paths
from handbook.records.collection import Handbook
from handbook.records.entry import Entry
from handbook.records.model import Werkvorm

WITHOUT_DURATION = 60  # minutes for a werkvorm without a duration (a fixed collaboration): one meeting's worth
CHECKLIST_MINUTES = 30  # minutes for a checklist: going through it together

# Every text the scripts show, in one place (B1, "je").
LABELS = {
    "add": "Zet in mijn programma",
    "is_in": "Staat in mijn programma: haal eruit",
    "added": "toegevoegd aan je programma",
    "removed": "uit je programma gehaald",
    "up": "Omhoog",
    "down": "Omlaag",
    "delete": "Weghalen",
    "minutes": "Minuten",
    "moved": "staat nu op plek",
    "total": "Totaal",
    "ends": "Klaar om",
    "begins": "Begin om",
    "hour": "uur",
    "minutes_long": "minuten",
    "minutes_for": "Minuten voor",
    "pause": "Pauze",
    "free_added": "Vrij onderdeel toegevoegd",
    "copied": "De link staat klaar. Kopieer hem en stuur hem door.",
    "copied_clipboard": "De link is gekopieerd. Plak hem in een mail of bericht.",
    "replace_ask": "Je opent een gedeeld programma. Je hebt zelf al een programma. Wil je dat vervangen?",
    "replaced": "Het gedeelde programma staat nu in je programma.",
    "kept": "Je eigen programma is bewaard. Het gedeelde programma is niet geopend.",
    "unknown": "Een deel van het gedeelde programma bestaat niet meer in het handboek. Dat deel is weggelaten.",
}


@dataclass(frozen=True)
class Part:
    """A werkvorm or checklist as a part of a programme."""

    slug: str
    titel: str
    minuten: int  # the default time; the reader can change it
    url: str  # its page, from the programme page
    soort: str  # "werkvorm" or "checklist"


def default_minutes(entry: Entry) -> int:
    """A part's default time: its sample programme's total, else the shortest duration, else a default."""
    record = entry.record
    if not isinstance(record, Werkvorm):
        return CHECKLIST_MINUTES
    if record.programma:
        return sum(part.minuten for part in record.programma)
    if record.praktisch.duur is not None:
        return record.praktisch.duur.min
    return WITHOUT_DURATION


def part(entry: Entry) -> Part:
    here = paths.url(paths.PROGRAMME)
    return Part(
        slug=entry.slug,
        titel=entry.record.titel,
        minuten=default_minutes(entry),
        url=paths.relative(paths.url(paths.page(entry.folder, entry.slug)), here),
        soort="checklist" if entry.is_checklist else "werkvorm",
    )


def page_url(origin: str) -> str:
    """The programme page from the page `origin` (in the docs tree), as a built link: ../programma/."""
    return paths.relative(paths.url(paths.PROGRAMME), paths.url(origin))


def data(handbook: Handbook) -> str:
    """What the programme page's script needs, as JSON for a <script type="application/json"> block.

    `<`, `>` and `&` are written as \\u escapes, so no title can close the block.
    """
    content = {
        "onderdelen": {e.slug: asdict(part(e)) for e in handbook.entries},
        "teksten": LABELS,
    }
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
