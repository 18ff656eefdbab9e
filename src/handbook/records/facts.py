"""The practical facts of a werkvorm as the facts box shows them: label, value, and whether the value is
a guideline of the handbook rather than something a source states."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.base.vocabulary import KINDS, PRACTICAL_FACTS

from . import text
from .model import Werkvorm


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    guideline: bool  # True: the handbook's own guideline, marked quietly on the page
    key: str = ""  # the field it comes from: soort, duur, groepsgrootte, frequentie


# With "Voor wie", what a reader decides on first (how long, with how many): beside the download on a
# phone's first screen. The other facts follow under the button.
FIRST_SCREEN = ("duur", "groepsgrootte")


def practical(werkvorm: Werkvorm) -> list[Fact]:
    """Kind, duration, group size and frequency; a duration or group size that a record leaves out
    (a standing partnership) is left out here too."""
    p = werkvorm.praktisch
    values = {
        "duur": p.duur and text.duration(p.duur.min, p.duur.max),
        "groepsgrootte": p.groepsgrootte and text.span(p.groepsgrootte.min, p.groepsgrootte.max, "persoon", "personen"),
        "frequentie": p.frequentie,
    }
    facts = [Fact("Soort", KINDS[werkvorm.soort], False, "soort")]
    facts += [
        Fact(PRACTICAL_FACTS[name], value, name not in p.uit_de_bron, name) for name, value in values.items() if value
    ]
    return facts


def first_screen(werkvorm: Werkvorm) -> list[Fact]:
    """The facts beside the download button: duration and group size, where the record has them."""
    return [fact for fact in practical(werkvorm) if fact.key in FIRST_SCREEN]


def card(werkvorm: Werkvorm) -> list[Fact]:
    """What a catalogue card shows besides the roles: duration and group size, or the kind when it has neither."""
    return first_screen(werkvorm) or [fact for fact in practical(werkvorm) if fact.key == "soort"]


def more(werkvorm: Werkvorm) -> list[Fact]:
    """The facts under the download button: kind and frequency."""
    return [fact for fact in practical(werkvorm) if fact.key not in FIRST_SCREEN]


def guidelines(werkvorm: Werkvorm) -> list[str]:
    """The labels (lower case) of the practical facts that are the handbook's guideline, for the Verantwoording."""
    p = werkvorm.praktisch
    present = [name for name in PRACTICAL_FACTS if getattr(p, name) is not None]
    return [PRACTICAL_FACTS[name].lower() for name in present if name not in p.uit_de_bron]
