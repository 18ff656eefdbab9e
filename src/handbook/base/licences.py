"""The licences editors meet most, with what each allows, said in Dutch.

One table for the form (a choice of licence fills in the two rights fields and
explains them), the blank source of `make new-bron` and CONTRIBUTING. A source
with a licence outside the table is fine: the editor then answers the two
questions herself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    name: str
    adapt: bool  # bewerken_toegestaan
    commercial: bool  # commercieel_toegestaan
    help: str  # what it means for a text in the handbook, B1


RESERVED = "Alle rechten voorbehouden"

LICENCES = (
    Licence(
        RESERVED,
        False,
        False,
        "Staat er bij de bron geen licentie? Dan zijn alle rechten voorbehouden. Je mag niets overnemen of "
        "bewerken. Vertel het idee kort in eigen woorden en noem de bron.",
    ),
    Licence("CC BY 4.0", True, True, "Je mag de tekst delen en bewerken, ook commercieel, als je de maker noemt."),
    Licence(
        "CC BY-SA 4.0",
        True,
        True,
        "Je mag delen en bewerken, ook commercieel. Noem de maker en geef je bewerking dezelfde licentie.",
    ),
    Licence("CC BY-NC 4.0", True, False, "Je mag delen en bewerken, maar niet commercieel. Noem de maker."),
    Licence(
        "CC BY-NC-SA 4.0",
        True,
        False,
        "Je mag delen en bewerken, niet commercieel. Noem de maker en geef je bewerking dezelfde licentie.",
    ),
    Licence(
        "CC BY-ND 4.0",
        False,
        True,
        "Je mag de tekst delen zoals hij is, maar niet bewerken. Vertel het idee kort in eigen woorden.",
    ),
    Licence(
        "CC BY-NC-ND 4.0",
        False,
        False,
        "Je mag de tekst niet bewerken en niet commercieel gebruiken. Vertel het idee kort in eigen woorden.",
    ),
    Licence("CC0 1.0", True, True, "De maker heeft afgezien van zijn rechten: alles mag. Noem de bron toch."),
)


# What editors write when the source names no licence; the answer is RESERVED (issue 34).
UNKNOWN = (
    "onbekend",
    "niet bekend",
    "weet ik niet",
    "weet niet",
    "geen",
    "geen licentie",
    "?",
    "unknown",
    "nvt",
    "n.v.t.",
)


UNKNOWN_ANSWER = "'{value}' is geen licentie. Staat er bij de bron geen licentie? Kies '" + RESERVED + "'"


def unknown(value: str) -> str | None:
    """The Dutch answer when a licence says it is not known: the source then reserves all rights."""
    return UNKNOWN_ANSWER.format(value=value.strip()) if value.strip().casefold() in UNKNOWN else None


def as_data() -> list[dict[str, object]]:
    """The table as the form reads it."""
    return [{"name": lic.name, "adapt": lic.adapt, "commercial": lic.commercial, "help": lic.help} for lic in LICENCES]
