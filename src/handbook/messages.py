"""Pydantic's validation errors, said in Dutch for editors, with a hint where one helps."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from typing import Any

from .yamlfile import Path_

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


def describe(error: dict[str, Any], allowed: Iterable[str] = ()) -> str:
    """One Dutch sentence for one pydantic error."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
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
        return f"is te lang: {len(value)} tekens, de grens is {ctx['max_length']}"
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


def _unknown_field(name: object, allowed: Iterable[str]) -> str:
    hint = suggest(name, allowed)
    return f"onbekend veld '{name}'" + (f"; bedoel je '{hint}'?" if hint else f"; toegestaan: {', '.join(allowed)}")


def _unknown_word(value: object, options: list[str]) -> str:
    hint = suggest(value, options)
    text = f"'{value}' staat niet in de vaste lijst"
    return text + (f"; bedoel je '{hint}'?" if hint else "") + f" Kies uit: {', '.join(options)}"


def _pattern(pattern: str, value: object) -> str:
    if pattern.startswith("^(https?"):
        return (
            f"'{value}' is geen veilig webadres; begin met https://, http:// of mailto: "
            "en gebruik geen spaties, aanhalingstekens of < >"
        )
    if pattern == r"^[^\n]*$":
        return "moet op één regel passen"
    return f"'{value}' is geen geldige naam: alleen kleine letters, cijfers en streepjes"
