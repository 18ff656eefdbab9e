"""The one model of a record: a werkvorm or a tip checklist.

Validation, the JSON Schema for editors and the pages all come from these
classes. Keys are Dutch because they are the editors' vocabulary; the
descriptions are what an editor sees as help in the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from . import textrules
from .vocabulary import GOALS, ROLES, THEMES

Role = Literal[tuple(ROLES)]  # type: ignore[valid-type]
Theme = Literal[tuple(THEMES)]  # type: ignore[valid-type]
Goal = Literal[tuple(GOALS)]  # type: ignore[valid-type]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN, description="De bestandsnaam van een ander record, zonder .yml.", examples=["leerhuis"]
    ),
]
# Every text field passes textrules: no invisible characters, Markdown that converts in reasonable time.
Text = Annotated[str, Field(max_length=1000), AfterValidator(textrules.text)]
Title = Annotated[str, Field(max_length=100), AfterValidator(textrules.title)]
Line = Annotated[
    str,
    Field(min_length=1, max_length=500, pattern=r"^[^\n]*$", description="Eén regel tekst."),
    AfterValidator(textrules.text),
]
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # dates outside are typing errors


def _config(help_nl: str) -> ConfigDict:
    """Strict records (unknown keys are errors), with the Dutch help that editors see in the schema."""
    return ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, json_schema_extra={"description": help_nl}
    )


Prose = Annotated[
    str,
    Field(min_length=1, max_length=6000, description="Tekst in Markdown. Een lege regel begint een nieuwe alinea."),
    AfterValidator(textrules.text),
]


class Record(BaseModel):
    """What every record has in common."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    titel: Title = Field(
        min_length=2, max_length=80, description="De naam, zoals lezers hem zoeken.", examples=["Gluren bij de burens"]
    )
    samenvatting: Text = Field(
        min_length=10,
        max_length=200,
        description="Eén zin die zegt wat het is en wat het oplevert.",
        examples=["Docenten en jeugdprofessionals lopen een dag mee in elkaars werk."],
    )
    verwant: list[Slug] = Field(
        default_factory=list,
        description="Verwante werkvormen of checklists, met hun bestandsnaam.",
        examples=[["leerhuis", "spiegelbijeenkomst"]],
    )
    bronnen: list[Source] = Field(
        min_length=1,
        description="Waar de inhoud vandaan komt.",
        examples=[
            [
                {
                    "titel": "Gluren bij de burens (werkvormkaart)",
                    "uitgever": "Regionaal Leernetwerk Jeugd Utrecht / Hogeschool Utrecht",
                    "jaar": 2021,
                    "licentie": "CC BY-NC-ND",
                }
            ]
        ],
    )
    laatst_herzien: dt.date = Field(
        ge=FIRST_DAY,
        le=LAST_DAY,
        description="Wanneer iemand de tekst voor het laatst heeft nagekeken (JJJJ-MM-DD).",
        examples=["2026-11-23"],
    )

    @field_validator("titel", "samenvatting")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value:
            raise ValueError("moet op één regel passen")
        return value

    @field_validator("verwant")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        seen = [slug for i, slug in enumerate(value) if slug in value[:i]]
        if seen:
            raise ValueError(f"'{seen[0]}' staat er twee keer in")
        return value


class Source(BaseModel):
    """A source the record is based on, credited on the page."""

    model_config = _config("Een bron waarop de tekst is gebaseerd. Noem altijd de licentie.")

    titel: Text = Field(
        min_length=2,
        max_length=300,
        description="Titel van de bron.",
        examples=["Gluren bij de burens (werkvormkaart)"],
    )
    uitgever: Text = Field(
        min_length=2,
        max_length=300,
        description="Wie de bron maakte of uitgaf.",
        examples=["Regionaal Leernetwerk Jeugd Utrecht / Hogeschool Utrecht"],
    )
    jaar: int | None = Field(
        default=None, ge=1900, le=2100, strict=True, description="Jaar van uitgave.", examples=[2021]
    )
    licentie: Text = Field(
        min_length=2,
        max_length=200,
        description="De licentie van de bron, of 'Alle rechten voorbehouden'.",
        examples=["CC BY-NC-ND 4.0"],
    )
    url: str | None = Field(
        default=None,
        max_length=500,
        pattern=r"^(https?://|mailto:)[^\s<>\"'`\\{}|^]+$",
        description="Webadres van de bron (https://...).",
        examples=["https://www.hu.nl/"],
    )


class Step(BaseModel):
    """One step in organising a werkvorm."""

    model_config = _config("Eén stap om de werkvorm te organiseren.")

    titel: Title = Field(
        min_length=2,
        max_length=100,
        description="Wat je doet, kort en actief.",
        examples=["Kies waar je op bezoek wilt"],
    )
    uitleg: Prose = Field(
        description="Hoe je deze stap zet.", examples=["Maak een lijstje van plekken waar je graag eens wilt kijken."]
    )
    tips: list[Line] = Field(
        default_factory=list,
        description="Tips bij deze stap (mag leeg blijven).",
        examples=[["Vraag het praktijkbureau van de opleiding om contacten."]],
    )


class Range(BaseModel):
    """A range of whole numbers, with an optional explanation."""

    model_config = _config("Een bereik van hele getallen: min en max, met eventueel een toelichting.")

    min: int = Field(ge=1, le=10_000, strict=True, description="Ondergrens.", examples=[60])
    max: int = Field(ge=1, le=10_000, strict=True, description="Bovengrens.", examples=[120])
    toelichting: Text | None = Field(
        default=None, description="Uitleg bij de getallen (mag weg).", examples=["Richtlijn; de bron noemt geen duur."]
    )

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is kleiner dan min ({self.min})")
        return self


class Practical(BaseModel):
    """The practical facts that help a reader plan."""

    model_config = _config("Praktische gegevens: duur, groepsgrootte, frequentie, voorbereiding en materialen.")

    duur: Range = Field(description="Hoe lang het duurt, in minuten (min en max).", examples=[{"min": 120, "max": 240}])
    groepsgrootte: Range = Field(description="Met hoeveel mensen (min en max).", examples=[{"min": 2, "max": 4}])
    frequentie: Text = Field(min_length=2, description="Hoe vaak je het doet.", examples=["Eén of twee keer per jaar"])
    voorbereiding: Text = Field(
        min_length=2,
        description="Wat je vooraf regelt en hoeveel tijd dat kost.",
        examples=["Een uur: een ruimte regelen en de deelnemers uitnodigen."],
    )
    materialen: list[Line] = Field(
        default_factory=list, description="Wat je nodig hebt.", examples=[["Een flip-over", "Koffie en thee"]]
    )


class Werkvorm(Record):
    """A werkvorm: a way for education and practice to learn together."""

    model_config = _config(
        "Een werkvorm: een manier waarop onderwijs en jeugdpraktijk van en met elkaar leren. "
        "Eén bestand per werkvorm in werkvormen/; de bestandsnaam is de naam in de link."
    )

    ook_bekend_als: list[Line] = Field(
        default_factory=list,
        description="Andere namen die lezers gebruiken; de zoekfunctie vindt de werkvorm ook op deze woorden.",
        examples=[["collegiale consultatie"]],
    )
    voor_wie: list[Role] = Field(
        min_length=1,
        description="Voor welke rollen de werkvorm is bedoeld.",
        examples=[["docent", "jeugdprofessional"]],
    )
    wat_is_het: Prose = Field(
        description="Wat de werkvorm is, in een paar zinnen.",
        examples=["Een docent loopt een dag mee met een jeugdprofessional."],
    )
    wat_brengt_het: dict[Role, list[Line]] = Field(
        min_length=1,
        description="Per rol: wat het die rol oplevert.",
        examples=[{"docent": ["Je ziet wat er nu speelt in de praktijk."]}],
    )
    wie_organiseert: Prose = Field(
        description="Wie het initiatief neemt en wanneer je het inzet.",
        examples=["Een docent of een jeugdprofessional die nieuwsgierig is."],
    )
    stappen: list[Step] = Field(
        min_length=1,
        description="De stappen om het te organiseren, op volgorde.",
        examples=[[{"titel": "Kies een datum", "uitleg": "Prik samen een datum.", "tips": ["Plan ruim vooruit."]}]],
    )
    resultaten: Prose = Field(
        description="Wat je met de opbrengst doet.",
        examples=["Vertel je team in het volgende overleg wat je hebt gezien."],
    )
    let_op: list[Line] = Field(
        min_length=1,
        description="Aandachtspunten, zoals privacy (AVG) en toestemming.",
        examples=[["Vraag vooraf toestemming aan de jongere en de ouders (AVG)."]],
    )
    praktisch: Practical = Field(
        description="Duur, groepsgrootte, frequentie, voorbereiding en materialen.",
        examples=[
            {
                "duur": {"min": 60, "max": 120},
                "groepsgrootte": {"min": 4, "max": 12},
                "frequentie": "Vier keer per jaar",
                "voorbereiding": "Een uur",
                "materialen": ["Een flip-over"],
            }
        ],
    )
    themas: list[Theme] = Field(
        min_length=1, description="Thema's uit de vaste lijst.", examples=[["aansluiting-onderwijs-praktijk"]]
    )
    doelen: list[Goal] = Field(min_length=1, description="Doelen uit de vaste lijst.", examples=[["kennismaken"]])

    @model_validator(mode="after")
    def _benefits_match_roles(self) -> Werkvorm:
        extra = [role for role in self.wat_brengt_het if role not in self.voor_wie]
        if extra:
            raise ValueError(f"wat_brengt_het noemt '{extra[0]}', maar die rol staat niet bij voor_wie")
        return self


class Item(BaseModel):
    """One item of a tip checklist."""

    model_config = _config("Eén punt op de checklist.")

    tekst: Text = Field(
        min_length=2,
        description="De tip of het punt om af te vinken.",
        examples=["Zorg voor een trekker die de groep enthousiast houdt."],
    )
    voorbeelden: list[Line] = Field(
        default_factory=list,
        description="Voorbeelden of uitwerkingen (mag weg).",
        examples=[["Een docent en een coördinator trekken samen."]],
    )


class Group(BaseModel):
    """A named group of checklist items."""

    model_config = _config("Een groep punten op de checklist, met een eigen kopje.")

    titel: Title = Field(min_length=2, description="Naam van de groep.", examples=["De organisatie"])
    inleiding: Text | None = Field(
        default=None,
        description="Korte uitleg boven de groep (mag weg).",
        examples=["Deze punten gaan over de organisatie."],
    )
    genummerd: bool = Field(
        default=False,
        strict=True,
        description="Nummer de punten; de nummers lopen door over alle genummerde groepen (1, 2, 3 ...).",
        examples=[True],
    )
    items: list[Item] = Field(
        min_length=1,
        description="De punten: gewone tekst, of een groep met tekst en voorbeelden.",
        examples=[["Begin klein.", {"tekst": "Zorg voor een trekker.", "voorbeelden": ["Een docent"]}]],
    )

    @field_validator("items", mode="before")
    @classmethod
    def _plain_items(cls, value: object) -> object:
        """Let an editor write a plain string where no examples are needed."""
        if isinstance(value, list):
            return [{"tekst": item} if isinstance(item, str) else item for item in value]
        return value


class Checklist(Record):
    """A tip checklist: groups of items to tick off."""

    model_config = _config(
        "Een checklist met tips om af te vinken, in groepen. Eén bestand per checklist in werkvormen/checklists/."
    )

    inleiding: Prose = Field(
        description="Waar de checklist voor is en hoe je hem gebruikt.",
        examples=["Gebruik deze lijst als je een leernetwerk opzet."],
    )
    groepen: list[Group] = Field(
        min_length=1,
        description="De groepen met punten.",
        examples=[[{"titel": "De organisatie", "items": ["Begin klein."]}]],
    )


Record.model_rebuild()
Werkvorm.model_rebuild()
Checklist.model_rebuild()
