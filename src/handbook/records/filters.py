"""The catalogue's filters: which choices there are, and which werkvormen each choice keeps.

The choices are computed here, once, and written into the page as data
attributes; the browser script only compares words, so the page works the
same with any number of werkvormen and without a server.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from handbook.base.vocabulary import GOALS, ROLES, THEMES

from .model import Werkvorm


@dataclass(frozen=True)
class Band:
    """A named range (minutes or people), from just above `low` up to and including `high`.

    A werkvorm fits a band when at least half of its own range lies in the band, so
    "Tot twee uur" holds werkvormen that mostly take less than two hours, not every
    werkvorm that could be squeezed into two hours. A range that no band holds half
    of fits the band that holds most of it; a single value fits the band it lies in.
    """

    key: str
    label: str
    low: float
    high: float

    def share(self, low: int, high: int) -> float:
        """How much of the range low..high lies in this band, from 0 to 1."""
        if low == high:
            return 1.0 if self.low < low <= self.high else 0.0
        return max(0.0, min(high, self.high) - max(low, self.low)) / (high - low)


def fitting(bands: Sequence[Band], low: int, high: int) -> list[str]:
    """The keys of the bands a range fits (see Band)."""
    shares = [band.share(low, high) for band in bands]
    half = [band.key for band, share in zip(bands, shares, strict=True) if share >= 0.5]
    return half or [band.key for band, share in zip(bands, shares, strict=True) if share == max(shares) > 0]


INFINITY = float("inf")
DURATIONS = (
    Band("kort", "Tot twee uur", 0, 120),
    Band("dagdeel", "Twee tot vier uur", 120, 240),
    Band("dag", "Langer dan vier uur", 240, INFINITY),
)
GROUPS = (
    Band("klein", "Tot 8 personen", 0, 8),
    Band("middel", "9 tot 20 personen", 8, 20),
    Band("groot", "Meer dan 20 personen", 20, INFINITY),
)


@dataclass(frozen=True)
class Filter:
    """One filter of the catalogue: a URL parameter, a label, its choices (key -> label).

    `answers` gives the choices a werkvorm answers to.
    """

    name: str
    label: str
    choices: dict[str, str]
    answers: Callable[[Werkvorm], list[str]]


def _band_answers(bands: tuple[Band, ...], fact: str) -> Callable[[Werkvorm], list[str]]:
    """The bands a werkvorm's range fits; a standing partnership without that fact fits none."""

    def answers(werkvorm: Werkvorm) -> list[str]:
        value = getattr(werkvorm.praktisch, fact, None)
        return fitting(bands, value.min, value.max) if value else []

    return answers


FILTERS = (
    Filter("rol", "Voor wie", ROLES, lambda w: list(w.voor_wie)),
    Filter("doel", "Doel", GOALS, lambda w: list(w.doelen)),
    Filter("thema", "Thema", THEMES, lambda w: list(w.themas)),
    Filter("duur", "Duur", {band.key: band.label for band in DURATIONS}, _band_answers(DURATIONS, "duur")),
    Filter("groep", "Groepsgrootte", {band.key: band.label for band in GROUPS}, _band_answers(GROUPS, "groepsgrootte")),
)


def keys(werkvorm: Werkvorm) -> dict[str, list[str]]:
    """For each filter (by its URL parameter), the choices this werkvorm answers to."""
    return {f.name: f.answers(werkvorm) for f in FILTERS}


def offered_for(answers: Sequence[dict[str, list[str]]]) -> tuple[Filter, ...]:
    """The filters as the catalogue offers them, from each werkvorm's `keys`: only choices that narrow the list.

    A choice that keeps every werkvorm (every werkvorm is for jeugdprofessionals)
    or none changes nothing on screen, so it is left out; a filter left without
    choices is left out as a whole.
    """
    result = []
    for f in FILTERS:
        choices = {
            key: label for key, label in f.choices.items() if 0 < sum(key in a[f.name] for a in answers) < len(answers)
        }
        if choices:
            result.append(replace(f, choices=choices))
    return tuple(result)
