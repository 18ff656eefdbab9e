"""Pydantic's validation errors, said in Dutch for editors, with a hint where one helps."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from . import patterns
from .yamlfile import Path_
from .yamlhints import quote

_PLAIN = {
    "missing": "ontbreekt; dit veld is verplicht",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn (regels die beginnen met '- ')",
    "dict_type": "moet een groep velden zijn (naam: waarde)",
    "model_type": "moet een groep velden zijn (naam: waarde)",
    "model_attributes_type": "moet een groep velden zijn (naam: waarde)",
    "int_type": "moet een heel getal zijn",
    "int_parsing": "moet een heel getal zijn",
    "int_from_float": "moet een heel getal zijn",
    "finite_number": "moet een heel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "date_type": "moet een datum zijn, als JJJJ-MM-DD",
    "date_parsing": "moet een datum zijn, als JJJJ-MM-DD",
    "date_from_datetime_parsing": "is geen bestaande datum; schrijf JJJJ-MM-DD",
    "date_from_datetime_inexact": "moet een datum zijn zonder tijd, als JJJJ-MM-DD",
}


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DUTCH_DAY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")  # 4-12-2026, 04/12/2026, 4.12.2026
_ISO_LOOSE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")  # 2026-12-4
_DATES = ("date_type", "date_parsing", "date_from_datetime_parsing")

# The words editors use for a field, by meaning: a spelling match would send them elsewhere
# ('doelgroep' looks like 'doelen', but she means 'voor_wie'). Value: the field, and what to add.
MEANINGS: dict[str, tuple[str, str]] = {
    "doelgroep": ("voor_wie", "de rollen voor wie de werkvorm is"),
    "doelgroepen": ("voor_wie", "de rollen voor wie de werkvorm is"),
    "rollen": ("voor_wie", "de rollen voor wie de werkvorm is"),
    "deelnemers": ("groepsgrootte", "met hoeveel mensen, als min en max"),
    "aantal_deelnemers": ("groepsgrootte", "met hoeveel mensen, als min en max"),
    "aantal": ("groepsgrootte", "met hoeveel mensen, als min en max"),
    "tijdsduur": ("duur", "in minuten, als min en max"),
    "tijd": ("duur", "in minuten, als min en max"),
    "uren": ("duur", "in minuten, als min en max: 2 uur is 120"),
    "duur_in_uren": ("duur", "in minuten, als min en max: 2 uur is 120"),
    "duur_in_minuten": ("duur", "in minuten, als min en max"),
    "minuten": ("duur", "in minuten, als min en max"),
    "beschrijving": ("wat_is_het", "wat de werkvorm is"),
    "omschrijving": ("wat_is_het", "wat de werkvorm is"),
    "uitleg": ("wat_is_het", "wat de werkvorm is"),
    "naam": ("titel", "de naam van de werkvorm"),
    "opbrengst": ("wat_brengt_het", "per rol wat het oplevert"),
    "opbrengsten": ("wat_brengt_het", "per rol wat het oplevert"),
    "resultaat": ("resultaten", "wat je met de opbrengst doet"),
    "aandachtspunten": ("let_op", "de aandachtspunten"),
    "letop": ("let_op", "de aandachtspunten"),
    "benodigdheden": ("materialen", "wat je nodig hebt"),
    "materiaal": ("materialen", "wat je nodig hebt"),
    "thema": ("themas", "thema's uit de vaste lijst"),
    "doel": ("doelen", "doelen uit de vaste lijst"),
    "tags": ("themas", "thema's uit de vaste lijst"),
    "trefwoorden": ("ook_bekend_als", "andere namen waarop lezers zoeken"),
    "synoniemen": ("ook_bekend_als", "andere namen waarop lezers zoeken"),
    "zie_ook": ("verwant", "verwante werkvormen"),
    "gerelateerd": ("verwant", "verwante werkvormen"),
    "bron": ("bronnen", "een lijst van bronnen"),
    "bronvermelding": ("bronnen", "een lijst van bronnen"),
    "literatuur": ("bronnen", "een lijst van bronnen"),
    "datum": ("laatst_herzien", "de datum als JJJJ-MM-DD"),
    "organisator": ("wie_organiseert", "wie het initiatief neemt"),
    "organisatie": ("wie_organiseert", "wie het initiatief neemt"),
    "stap": ("stappen", "een lijst van stappen"),
    "werkwijze": ("stappen", "een lijst van stappen"),
    "type": ("soort", "activiteit, reeks of samenwerking"),
    "auteur": ("auteurs", "een lijst van namen"),
    "link": ("url", "het webadres"),
    "website": ("url", "het webadres"),
    "webadres": ("url", "het webadres"),
    "licence": ("licentie", "de licentie van de bron"),
    "license": ("licentie", "de licentie van de bron"),
}


_INTEGER = ("int_type", "int_parsing", "int_from_float")


def describe(error: Mapping[str, Any], allowed: Iterable[str] = ()) -> str:
    """One Dutch sentence for one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        return _colon_in_text(*next(iter(value.items())))
    if kind in ("model_type", "dict_type", "model_attributes_type") and error["loc"][-1:] == ("duur",):
        return _duration(value)
    if kind in _INTEGER and error["loc"][-2:-1] == ("duur",) and in_minutes(value):
        return str(in_minutes(value))
    if kind in _DATES and isinstance(value, str):
        return _date(value) or _PLAIN[kind]
    if kind in _PLAIN:
        return _PLAIN[kind]
    if kind == "extra_forbidden":
        return _unknown_field(error["loc"][-1], allowed)
    if kind == "literal_error":
        options = [o.strip(" '") for o in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        return _unknown_word(value, options)
    if kind == "string_too_short":
        return "is leeg" if ctx.get("min_length") == 1 else f"is te kort (minstens {ctx['min_length']} tekens)"
    if kind == "string_too_long":
        return f"is te lang: {len(str(value))} tekens, de grens is {ctx['max_length']}"
    if kind == "too_short":
        return "mag niet leeg zijn" if ctx.get("min_length") == 1 else f"moet minstens {ctx['min_length']} items hebben"
    if kind == "string_pattern_mismatch":
        return _pattern(ctx.get("pattern", ""), value)
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        if isinstance(bound, dt.date) or _DAY.fullmatch(str(bound)):
            return f"moet {'op of na' if kind == 'greater_than_equal' else 'op of voor'} {bound} liggen"
        return f"moet {'minstens' if kind == 'greater_than_equal' else 'hoogstens'} {bound} zijn"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def field_path(loc: Path_) -> str:
    """`stappen.2.tips.1` for pydantic's ('stappen', 1, 'tips', 0): editors count from 1."""
    parts = [p for p in loc if p != "[key]"]
    return ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in parts)


def suggest(word: object, options: Iterable[str]) -> str | None:
    """The nearest allowed word, when one is near enough to be a typo."""
    match = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return match[0] if match else None


def _colon_in_text(key: object, rest: object) -> str:
    """`- Let op: stille studenten` in a list is a field 'Let op' to YAML, not a text."""
    text = f"{key}: {rest}" if rest is not None else f"{key}:"
    return (
        f"moet tekst zijn, maar door de dubbele punt na '{key}' leest YAML dit als 'naam: waarde'; "
        f"zet de hele tekst tussen aanhalingstekens: {quote(text)}"
    )


def _date(value: str) -> str | None:
    """A date written the Dutch way (4-12-2026) exists; only its order is wrong: say it, with the fix."""
    dutch, loose = _DUTCH_DAY.fullmatch(value.strip()), _ISO_LOOSE.fullmatch(value.strip())
    found = dutch or loose
    if found is None:
        return None
    day, month, year = found.groups() if dutch else found.groups()[::-1]
    try:
        iso = dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return "is geen bestaande datum; kijk de dag en de maand na en schrijf JJJJ-MM-DD"
    how = "staat als dag-maand-jaar" if dutch else "mist een 0 voor de maand of de dag"
    return f"'{value}' {how}; schrijf de datum als JJJJ-MM-DD: {iso}"


# A duration as editors write it ("2 tot 4 uur", "60-90 min", "1,5 uur"): its numbers, and whether they
# count hours. The form reads the same two patterns (form.rules), so it says what `check` says.
NUMBER = r"\d+(?:[.,]\d+)?"
HOURS = r"(?:^|[^a-z])(?:uur|uren|u)(?![a-z])"


def minutes(value: object) -> tuple[int, int] | None:
    """The lowest and highest number of minutes in a duration as typed: '2 tot 4 uur' is (120, 240)."""
    text = str(value).casefold()
    numbers = re.findall(NUMBER, text)[:2]
    if not numbers or isinstance(value, bool):
        return None
    factor = 60 if re.search(HOURS, text) else 1
    found = [round(float(n.replace(",", ".")) * factor) for n in numbers]
    return min(found), max(found)


# How a duration typed in words is said in minutes; the form fills in the same sentences (form.texts)
SAID_ONE = "{text} is {low} minuten"
SAID_RANGE = "{text} is {low} tot {high} minuten"
MINUTES_ONE = "moet een heel getal zijn: {said}; vul {low} in"
MINUTES_RANGE = "moet een heel getal zijn: vul bij min {low} in en bij max {high}"


def _said(value: object) -> str:
    """'2 tot 4 uur is 120 tot 240 minuten', or '' when the value was already minutes."""
    found = minutes(value)
    if found is None or isinstance(value, int) or not re.search(HOURS, str(value).casefold()):
        return ""
    low, high = found
    return (SAID_ONE if low == high else SAID_RANGE).format(text=str(value).strip(), low=low, high=high)


def _duration(value: object) -> str:
    """`duur: 2 tot 4 uur` or `duur: 90`: the duration is a min and a max, in minutes."""
    low, high = minutes(value) or (60, 120)
    said = _said(value)
    return f"moet een groep velden zijn: min en max, in minuten; bijvoorbeeld duur: {{min: {low}, max: {high}}}" + (
        f" ({said})" if said else ""
    )


def in_minutes(value: object) -> str | None:
    """`min: 1,5 uur` or `min: 60-90`: what to type instead of the text, in whole minutes."""
    found = minutes(value)
    if found is None or not isinstance(value, str):
        return None
    low, high = found
    said = _said(value)
    if low != high:
        return MINUTES_RANGE.format(low=low, high=high) + (f" ({said})" if said else "")
    return MINUTES_ONE.format(said=said, low=low) if said else None  # '1,5' alone: no unit, nothing to convert


def meaning(name: object, allowed: Iterable[str]) -> tuple[str, str] | None:
    """The field an editor means by a word of her own ('doelgroep' -> voor_wie), if it is allowed here."""
    key = str(name).strip().casefold().replace(" ", "_").replace("-", "_")
    found = MEANINGS.get(key)
    return found if found and found[0] in list(allowed) and found[0] != key else None


def _unknown_field(name: object, allowed: Iterable[str]) -> str:
    allowed = list(allowed)
    meant = meaning(name, allowed)
    if meant:
        return f"onbekend veld '{name}'; bedoel je '{meant[0]}' ({meant[1]})?"
    hint = suggest(name, allowed)
    return f"onbekend veld '{name}'" + (f"; bedoel je '{hint}'?" if hint else f"; toegestaan: {', '.join(allowed)}")


def _unknown_word(value: object, options: list[str]) -> str:
    hint = suggest(value, options)
    text = f"'{value}' staat niet in de vaste lijst"
    return text + (f"; bedoel je '{hint}'?" if hint else "") + f" Kies uit: {', '.join(options)}"


def _pattern(pattern: str, value: object) -> str:
    rule = pattern_rule(pattern)
    return rule if pattern == patterns.LINE else f"'{value}' {rule}"


def pattern_rule(pattern: str) -> str:
    """What a pattern asks, in Dutch: for the build's messages and the schema's patternErrorMessage."""
    return patterns.rule(pattern)


def plain(kind: str) -> str:
    """The Dutch sentence for a pydantic error kind that needs no details (also used by the schema and form)."""
    return _PLAIN[kind]
