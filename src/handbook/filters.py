"""The catalogue's filters: which choices there are, and which werkvormen each choice keeps.

The choices are computed here, once, and written into the page as data
attributes; the browser script only compares words, so the page works the
same with any number of werkvormen and without a server.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Werkvorm
from .vocabulary import GOALS, ROLES, THEMES


@dataclass(frozen=True)
class Band:
    """A named range (minutes or people); a werkvorm fits when its own range overlaps it."""

    key: str
    label: str
    low: int
    high: int

    def fits(self, low: int, high: int) -> bool:
        return low <= self.high and high >= self.low


DURATIONS = (
    Band("kort", "Tot een uur", 1, 60),
    Band("dagdeel", "Een tot vier uur", 61, 240),
    Band("dag", "Langer dan vier uur", 241, 100_000),
)
GROUPS = (
    Band("klein", "Tot 5 personen", 1, 5),
    Band("middel", "6 tot 15 personen", 6, 15),
    Band("groot", "Meer dan 15 personen", 16, 100_000),
)


@dataclass(frozen=True)
class Filter:
    """One filter of the catalogue: a URL parameter, a label and its choices (key -> label)."""

    name: str
    label: str
    choices: dict[str, str]


FILTERS = (
    Filter("rol", "Voor wie", ROLES),
    Filter("doel", "Doel", GOALS),
    Filter("thema", "Thema", THEMES),
    Filter("duur", "Duur", {band.key: band.label for band in DURATIONS}),
    Filter("groep", "Groepsgrootte", {band.key: band.label for band in GROUPS}),
)


def keys(werkvorm: Werkvorm) -> dict[str, list[str]]:
    """For each filter, the choices this werkvorm answers to; a standing partnership without a duration
    or group size answers to no band of that filter."""
    duur, groep = werkvorm.praktisch.duur, werkvorm.praktisch.groepsgrootte
    return {
        "rol": list(werkvorm.voor_wie),
        "doel": list(werkvorm.doelen),
        "thema": list(werkvorm.themas),
        "duur": [band.key for band in DURATIONS if duur and band.fits(duur.min, duur.max)],
        "groep": [band.key for band in GROUPS if groep and band.fits(groep.min, groep.max)],
    }
