"""The one model of a record: a werkvorm or a tip checklist.

Validation, the JSON Schema for editors and the pages all come from these
classes. Keys are Dutch because they are the editors' vocabulary; the
descriptions are what an editor sees as help in the schema.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from handbook.base import licences, patterns, textrules
from handbook.base.vocabulary import GOALS, KINDS, PRACTICAL_FACTS, ROLES, THEMES

if TYPE_CHECKING:  # the words are known only when the vocabulary is read; to a type checker they are text
    Role: TypeAlias = str
    Theme: TypeAlias = str
    Goal: TypeAlias = str
    Kind: TypeAlias = str
    Fact: TypeAlias = str
else:
    Role = Literal[tuple(ROLES)]
    Theme = Literal[tuple(THEMES)]
    Goal = Literal[tuple(GOALS)]
    Kind = Literal[tuple(KINDS)]
    Fact = Literal[tuple(PRACTICAL_FACTS)]

SLUG_PATTERN = patterns.SLUG

Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN, description="De bestandsnaam van een ander record, zonder .yml.", examples=["leerhuis"]
    ),
]
# Every text field passes textrules: no invisible characters, Markdown that converts in reasonable time.
Text = Annotated[str, Field(max_length=1000), AfterValidator(textrules.text)]
Title = Annotated[str, Field(max_length=100), AfterValidator(textrules.title)]
# For a field with a limit of its own: pydantic keeps the last of two max_length, so the Field's limit
# would lose to Text's 1,000 (a title of 100 characters passed where the template promised 80).
Checked = Annotated[str, AfterValidator(textrules.text)]
Line = Annotated[
    str,
    Field(min_length=1, max_length=500, pattern=patterns.LINE, description="Eén regel tekst."),
    AfterValidator(textrules.text),
]
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # dates outside are typing errors
# Readability (B1): one limit for the advice `check` gives, the writing guide and the tests on the content.
MAX_SENTENCE_WORDS = 20
# A record may take from a source that allows no adaptation only the idea, said short in our own words.
MAX_SUMMARY_WORDS = 60


class FieldError(ValueError):
    """A rule across fields, told at the field the editor must change (`loc`, under the model's own place)."""

    def __init__(self, message: str, loc: tuple[str | int, ...]):
        super().__init__(message)
        self.loc = loc


def _config(help_nl: str) -> ConfigDict:
    """Strict records (unknown keys are errors), with the Dutch help that editors see in the schema."""
    return ConfigDict(
        extra="forbid", str_strip_whitespace=True, frozen=True, json_schema_extra={"description": help_nl}
    )


Prose = Annotated[
    str,
    Field(
        min_length=1,
        max_length=6000,
        description="Tekst in Markdown. Een lege regel begint een nieuwe alinea.",
        json_schema_extra={"contentMediaType": "text/markdown"},
    ),  # the form gives it a text area
    AfterValidator(textrules.text),
]


class Record(BaseModel):
    """What every record has in common."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    titel: Annotated[str, AfterValidator(textrules.title)] = Field(
        min_length=2, max_length=80, description="De naam, zoals lezers hem zoeken.", examples=["Gluren bij de burens"]
    )
    samenvatting: Checked = Field(
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
    bronnen: list[SourceRef] = Field(
        min_length=1,
        description="Waar de inhoud vandaan komt: de naam van een bron in werkvormen/bronnen/, met wat je eruit haalt.",
        examples=[[{"bron": "gluren-bij-de-burens-kaart", "gebruikt_voor": "Het idee van de werkvorm."}]],
    )
    nieuwe_bronnen: list[NewSource] = Field(
        default_factory=list,
        description="Staat je bron nog niet in werkvormen/bronnen/? Beschrijf hem hier en noem hem bij 'bronnen' "
        "met zijn sleutel. De redactie zet hem later in een eigen bestand (mag leeg).",
        examples=[
            [
                {
                    "sleutel": "rapport-leernetwerken-2024",
                    "titel": "Rapport leernetwerken 2024",
                    "licentie": "Alle rechten voorbehouden",
                    "bewerken_toegestaan": False,
                    "commercieel_toegestaan": False,
                    "over": "Een rapport over leernetwerken van opleiding en praktijk.",
                }
            ]
        ],
    )
    eigen_advies: Prose | None = Field(
        default=None,
        description="Wat het handboek zelf toevoegt en niet uit een bron komt, zoals de uitwerking "
        "van de stappen of de getallen bij 'praktisch'.",
        examples=["De stappen en de getallen zijn advies van het handboek."],
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


class SourceRef(BaseModel):
    """A record's use of a source: the source's key, and what the record takes from it."""

    model_config = _config("Een bron uit werkvormen/bronnen/, met wat deze tekst eruit haalt.")

    bron: str = Field(
        pattern=SLUG_PATTERN,
        description="De bestandsnaam van de bron in werkvormen/bronnen/, zonder .yml.",
        examples=["gluren-bij-de-burens-kaart"],
    )
    gebruikt_voor: str | None = Field(
        default=None,
        min_length=2,
        description="Wat uit deze bron komt (mag weg).",
        examples=["Het idee van de werkvorm en wat het docenten oplevert."],
    )
    samenvatting: Text | None = Field(
        default=None,
        min_length=10,
        description=f"Het idee uit de bron, kort en in eigen woorden (hoogstens {MAX_SUMMARY_WORDS} woorden). "
        "Staat in de verantwoording bij de bronvermelding. Mag de bron niet bewerkt worden, dan is dit "
        "het enige wat uit de bron komt; de rest van de tekst is eigen advies in een eigen volgorde.",
        examples=["Docenten en jeugdprofessionals gaan bij elkaar op bezoek en praten daarna over wat ze zagen."],
    )

    @field_validator("samenvatting")
    @classmethod
    def _short(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) > MAX_SUMMARY_WORDS:
            raise ValueError(
                f"is {len(value.split())} woorden; vat het idee samen in hoogstens {MAX_SUMMARY_WORDS} woorden"
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _plain_key(cls, value: object) -> object:
        """Let an editor write just the key where there is nothing to note."""
        return {"bron": value} if isinstance(value, str) else value


class Source(BaseModel):
    """A source, kept once in werkvormen/bronnen/ and credited on every page that uses it."""

    model_config = _config(
        "Een bron waarop teksten in het handboek zijn gebaseerd. Eén bestand per bron in "
        "werkvormen/bronnen/; werkvormen noemen de bron bij deze bestandsnaam. Schrijf alleen "
        "op wat de bron zelf zegt."
    )

    titel: Checked = Field(
        min_length=2,
        max_length=300,
        description="De titel zoals de bron hem noemt. Heeft de bron geen titel, "
        "beschrijf hem dan en zet titel_is_omschrijving op true.",
        examples=["Gluren bij de burens"],
    )
    titel_is_omschrijving: bool = Field(
        default=False,
        description="true als de bron geen eigen titel heeft en 'titel' een omschrijving van ons is.",
        examples=[False],
    )
    soort: Text | None = Field(
        default=None, min_length=2, description="Wat voor bron het is (mag weg).", examples=["Werkvormkaart"]
    )
    auteurs: list[Line] = Field(
        default_factory=list, description="De auteurs, zoals de bron ze noemt.", examples=[["Dorine van Eijk (HU)"]]
    )
    uitgever: Checked | None = Field(
        default=None,
        min_length=2,
        max_length=300,
        description="Wie de bron uitgaf, alleen als de bron dat zelf zegt.",
        examples=["Hogeschool Utrecht"],
    )
    betrokken: list[Line] = Field(
        default_factory=list,
        description="Andere makers en partners die de bron noemt (mag leeg).",
        examples=[["Regionaal Leernetwerk Jeugd Utrecht"]],
    )
    jaar: int | None = Field(
        default=None, ge=1900, le=2100, strict=True, description="Jaar van uitgave.", examples=[2021]
    )
    licentie: Checked = Field(
        min_length=2,
        max_length=200,
        description="De licentie van de bron, of 'Alle rechten voorbehouden'.",
        examples=["CC BY-NC-ND 4.0"],
    )
    bewerken_toegestaan: bool = Field(
        description="Mag je de tekst van de bron bewerken? Bij CC ...-ND en 'Alle "
        "rechten voorbehouden' niet: vat dan kort samen in eigen woorden.",
        examples=[False],
    )
    commercieel_toegestaan: bool = Field(
        description="Mag je de tekst van de bron commercieel gebruiken? Bij CC ...-NC en 'Alle rechten "
        "voorbehouden' niet.",
        examples=[False],
    )
    toestemming: Permission | None = Field(
        default=None,
        description="Heeft de maker toestemming gegeven voor meer dan de licentie toestaat? Schrijf op wie, "
        "wanneer en waarvoor (mag weg).",
        examples=[{"van": "Hogeschool Utrecht", "datum": "2026-12-01", "voor": "De stappen bewerken."}],
    )
    url: str | None = Field(
        default=None,
        max_length=500,
        pattern=patterns.URL,
        description="Webadres van de bron (https://...).",
        examples=["https://www.hu.nl/"],
    )
    over: Prose = Field(
        description="In een paar zinnen van ons: waar de bron over gaat.",
        examples=["Een werkvormkaart over op bezoek gaan bij elkaars werk."],
    )

    @field_validator("licentie")
    @classmethod
    def _known(cls, value: str) -> str:
        answer = licences.unknown(value)
        if answer:
            raise ValueError(answer)
        return value


class NewSource(Source):
    """A source described inside a record, until the maintainer's tooling moves it to werkvormen/bronnen/.

    GitHub's web editor makes one file per link; an editor with a source of her own can
    then still propose it together with her werkvorm (`python -m handbook bronnen-apart`).
    """

    model_config = _config(
        "Een nieuwe bron, beschreven in het record zelf. De redactie zet hem in een eigen bestand in "
        "werkvormen/bronnen/. Schrijf alleen op wat de bron zelf zegt."
    )

    sleutel: str = Field(
        pattern=SLUG_PATTERN,
        max_length=60,
        description="Een korte naam voor de bron, met kleine letters en streepjes. Noem de bron bij 'bronnen' "
        "met deze naam; het wordt de bestandsnaam in werkvormen/bronnen/.",
        examples=["rapport-leernetwerken-2024"],
    )

    @field_validator("sleutel")
    @classmethod
    def _not_a_device(cls, value: str) -> str:
        """The key becomes a file name: not one Windows keeps for a device (con, nul, aux, com1 ...)."""
        if value in patterns.WINDOWS_RESERVED:
            raise ValueError(patterns.RESERVED_RULE)
        return value


class Permission(BaseModel):
    """Permission a rights holder gave beyond the licence: who, when, and for what."""

    model_config = _config("Toestemming van de rechthebbende: wie, wanneer en waarvoor.")

    van: Line = Field(
        description="Wie de toestemming gaf, met functie of organisatie.", examples=["Hogeschool Utrecht"]
    )
    datum: dt.date = Field(ge=FIRST_DAY, le=LAST_DAY, description="Wanneer (JJJJ-MM-DD).", examples=["2026-12-01"])
    voor: Text = Field(
        min_length=2,
        description="Waarvoor de toestemming geldt.",
        examples=["De stappen van de kaart bewerken voor dit handboek."],
    )


class Difference(BaseModel):
    """How a werkvorm differs from a close relative, so a reader can choose."""

    model_config = _config("Hoe deze werkvorm verschilt van een werkvorm die erop lijkt.")

    werkvorm: Slug = Field(
        description="De bestandsnaam van de werkvorm die erop lijkt, zonder .yml.", examples=["meelopen-in-de-praktijk"]
    )
    verschil: Checked = Field(
        min_length=10,
        max_length=300,
        description="In één of twee zinnen: wanneer kies je deze en wanneer de andere?",
        examples=["Bij meelopen volg je iemand een hele werkdag; hier bezoek je één activiteit."],
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

    min: int = Field(
        ge=1,
        le=10_000,
        strict=True,
        description="Het kleinste getal: minuten bij duur, personen bij groepsgrootte.",
        examples=[60],
    )
    max: int = Field(
        ge=1,
        le=10_000,
        strict=True,
        description="Het grootste getal: minuten bij duur, personen bij groepsgrootte.",
        examples=[120],
    )
    toelichting: Text | None = Field(
        default=None, description="Uitleg bij de getallen (mag weg).", examples=["Per bijeenkomst."]
    )

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is kleiner dan min ({self.min})")
        return self


class Practical(BaseModel):
    """The practical facts that help a reader plan."""

    model_config = _config("Praktische gegevens: duur, groepsgrootte, frequentie, voorbereiding en materialen.")

    duur: Range | None = Field(
        default=None,
        description="Hoe lang het duurt, in minuten (min en max); bij een "
        "reeks per bijeenkomst. Mag weg bij een vaste samenwerking.",
        examples=[{"min": 120, "max": 240}],
    )
    groepsgrootte: Range | None = Field(
        default=None,
        description="Met hoeveel mensen (min en max). Mag weg bij een vaste samenwerking.",
        examples=[{"min": 2, "max": 4}],
    )
    frequentie: Text = Field(min_length=2, description="Hoe vaak je het doet.", examples=["Eén of twee keer per jaar"])
    voorbereiding: Text = Field(
        min_length=2,
        description="Wat je vooraf regelt en hoeveel tijd dat kost.",
        examples=["Een uur: een ruimte regelen en de deelnemers uitnodigen."],
    )
    materialen: list[Line] = Field(
        default_factory=list, description="Wat je nodig hebt.", examples=[["Een flip-over", "Koffie en thee"]]
    )
    uit_de_bron: list[Fact] = Field(
        default_factory=list,
        description="Welke gegevens een bron noemt. De andere zijn een richtlijn van het "
        "handboek en krijgen op de pagina het merkje 'richtlijn'.",
        examples=[["groepsgrootte"]],
    )


class Part(BaseModel):
    """One part of a sample programme: how many minutes, what happens."""

    model_config = _config("Eén onderdeel van het voorbeeldprogramma: hoeveel minuten, en wat er gebeurt.")

    minuten: int = Field(
        ge=1, le=1440, strict=True, description="Hoeveel minuten dit onderdeel duurt (een heel getal).", examples=[15]
    )
    onderdeel: Title = Field(
        min_length=2, max_length=80, description="Wat er gebeurt, kort.", examples=["Welkom en kennismaken"]
    )
    uitleg: Text | None = Field(
        default=None,
        description="Hoe je dit onderdeel doet (mag weg).",
        examples=["Iedereen zegt zijn naam en wat hij hoopt te leren."],
    )


MIN_PROGRAMME_PARTS = 3
# The model's words for a programme that does not fit; the form says the same ({n}, {total}, ...: filled in).
PROGRAMME_MISSING = (
    "er is een duur, maar 'programma' ontbreekt; voeg een voorbeeldprogramma toe van minstens "
    f"{MIN_PROGRAMME_PARTS} onderdelen (minuten, onderdeel) die samen binnen deze duur passen"
)
PROGRAMME_SHORT = (
    f"heeft {{n}} onderdelen; een voorbeeldprogramma heeft er minstens {MIN_PROGRAMME_PARTS} (minuten, onderdeel)"
)
PROGRAMME_TOTAL = (
    "de onderdelen duren samen {total} minuten; dat moet binnen de duur bij praktisch liggen ({min} tot {max} minuten)"
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
    soort: Kind = Field(
        default="activiteit",
        description="Een eenmalige activiteit, een reeks bijeenkomsten of een vaste samenwerking.",
        examples=["reeks"],
    )
    voor_wie: list[Role] = Field(
        min_length=1,
        description="Voor welke rollen de werkvorm is bedoeld.",
        examples=[["docent", "jeugdprofessional"]],
    )
    wanneer_kiezen: list[Line] = Field(
        min_length=1,
        description="Wanneer kies je deze werkvorm? Korte regels met de situatie of vraag van de lezer, in "
        "de woorden die lezers zelf gebruiken. De zoekfunctie weegt ze zwaar.",
        examples=[["Je wilt weten hoe het er in de praktijk echt aan toegaat."]],
    )
    verschil_met: list[Difference] = Field(
        default_factory=list,
        description="Werkvormen die erop lijken, en hoe je kiest tussen deze en de andere (mag leeg).",
        examples=[
            [
                {
                    "werkvorm": "meelopen-in-de-praktijk",
                    "verschil": "Bij meelopen volg je vaker dezelfde professional. Hier ga je één keer op bezoek.",
                }
            ]
        ],
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
    programma: list[Part] = Field(
        default_factory=list,
        description="Een voorbeeldprogramma met tijden: advies van het handboek. Bij een reeks één bijeenkomst, "
        f"bij een bezoek één bezoek. Nodig als er een duur is: minstens {MIN_PROGRAMME_PARTS} onderdelen, "
        "samen binnen de duur bij 'praktisch'.",
        examples=[
            [
                {"minuten": 15, "onderdeel": "Welkom en kennismaken"},
                {"minuten": 60, "onderdeel": "Het gesprek", "uitleg": "Bespreek de vragen die je vooraf verzamelde."},
                {"minuten": 15, "onderdeel": "Afspraken maken"},
            ]
        ],
    )
    resultaten: Prose = Field(
        description="Wat je met de opbrengst doet.",
        examples=["Vertel je team in het volgende overleg wat je hebt gezien."],
    )
    let_op: list[Line] = Field(
        min_length=1,
        description="Aandachtspunten die bij deze werkvorm horen. Privacy en "
        "toestemming staan voor alle werkvormen op één pagina.",
        examples=[["Spreek vooraf af welke casus je meebrengt."]],
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

    @field_validator("praktisch")
    @classmethod
    def _sized_where_it_means_something(cls, value: Practical, info: ValidationInfo) -> Practical:
        """An activity or a series has a duration and a group size; a standing partnership need not."""
        kind = info.data.get("soort", "activiteit")
        missing = [name for name in ("duur", "groepsgrootte") if getattr(value, name) is None]
        if kind != "samenwerking" and missing:
            raise ValueError(
                f"'{missing[0]}' ontbreekt; een {KINDS[kind].lower()} heeft een duur en een "
                "groepsgrootte (alleen een vaste samenwerking mag zonder)"
            )
        return value

    @model_validator(mode="after")
    def _programme_fits_duration(self) -> Werkvorm:
        """A werkvorm with a duration shows a sample programme whose minutes fit that duration."""
        duur = self.praktisch.duur
        if duur is None:
            return self
        if not self.programma:  # told at the duration: that is what asks for it, and it has a line
            raise FieldError(PROGRAMME_MISSING, ("praktisch", "duur"))
        if len(self.programma) < MIN_PROGRAMME_PARTS:
            raise FieldError(PROGRAMME_SHORT.format(n=len(self.programma)), ("programma",))
        total = sum(part.minuten for part in self.programma)
        if not duur.min <= total <= duur.max:
            raise FieldError(PROGRAMME_TOTAL.format(total=total, min=duur.min, max=duur.max), ("programma",))
        return self

    @model_validator(mode="after")
    def _benefits_match_roles(self) -> Werkvorm:
        extra = [role for role in self.wat_brengt_het if role not in self.voor_wie]
        if extra:
            raise FieldError(
                f"'{extra[0]}' staat niet bij voor_wie; voeg de rol daar toe of haal hem hier weg",
                ("wat_brengt_het", extra[0]),
            )
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
    werkvormen: list[Slug] = Field(
        default_factory=list,
        description="Werkvormen die dit punt noemt; de pagina linkt ernaar (mag leeg).",
        examples=[["intervisie", "moreel-beraad"]],
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


SourceRef.model_rebuild()
Source.model_rebuild()
NewSource.model_rebuild()
Record.model_rebuild()
Werkvorm.model_rebuild()
Checklist.model_rebuild()
