"""The JSON Schema that editors' tools use, generated from the model the build validates with."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from handbook.base import messages
from handbook.base.vocabulary import GOALS, ROLES, THEMES
from handbook.records.model import SLUG_PATTERN, Checklist, Record, Source, Werkvorm

if TYPE_CHECKING:
    from handbook.records.collection import Handbook

SCHEMAS: dict[str, type[BaseModel]] = {
    "werkvorm.schema.json": Werkvorm,
    "checklist.schema.json": Checklist,
    "bron.schema.json": Source,
}


Named = tuple[tuple[str, str], ...]  # (slug or key, title)


@dataclass(frozen=True)
class Choices:
    """The records and sources that exist: what `verwant`, `bron` and `verschil_met` may name.

    The model cannot know them (they are files); the schema that editors' tools
    and the form read lists them, so VS Code completes them and the form offers them.
    """

    records: Named = ()
    werkvormen: Named = ()
    sources: Named = ()

    @classmethod
    def of(cls, handbook: Handbook) -> Choices:
        def named(entries) -> Named:
            return tuple(sorted((e.slug, e.record.titel) for e in entries))

        return cls(
            named(handbook.entries),
            named(handbook.werkvormen),
            tuple(sorted((k, s.titel) for k, s in handbook.sources)),
        )


CHOICE_MESSAGES = {
    "records": "kies een bestaande werkvorm of checklist: de bestandsnaam zonder .yml",
    "werkvormen": "kies een bestaande werkvorm: de bestandsnaam zonder .yml",
    "sources": "kies een bron uit werkvormen/bronnen/: de bestandsnaam zonder .yml",
}


def _offer(node: dict, names: Named, kind: str) -> None:
    node["enum"] = [key for key, _ in names]
    node["enumDescriptions"] = [title for _, title in names]
    node["errorMessage"] = CHOICE_MESSAGES[kind]


def _add_choices(schema: dict, choices: Choices) -> None:
    defs, properties = schema.get("$defs", {}), schema.get("properties", {})
    if "verwant" in properties:
        _offer(properties["verwant"]["items"], choices.records, "records")
    if "bronnen" in properties:
        _offer(properties["bronnen"]["items"]["anyOf"][0], choices.sources, "sources")
    if "SourceRef" in defs:
        _offer(defs["SourceRef"]["properties"]["bron"], choices.sources, "sources")
    if "Difference" in defs:
        _offer(defs["Difference"]["properties"]["werkvorm"], choices.werkvormen, "werkvormen")
    if "Item" in defs:
        _offer(defs["Item"]["properties"]["werkvormen"]["items"], choices.werkvormen, "werkvormen")


def without_choices(node: object) -> object:
    """The schema as the model alone makes it: the lists of existing records taken out."""
    if isinstance(node, list):
        return [without_choices(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("errorMessage") in CHOICE_MESSAGES.values():
        node = {k: v for k, v in node.items() if k not in ("enum", "enumDescriptions")}
        node["errorMessage"] = messages.plain("string_type")  # what _dutch gave the plain name
    return {k: without_choices(v) for k, v in node.items()}


def schema_for(model: type[BaseModel], choices: Choices | None = None) -> dict:
    schema = model.model_json_schema()
    group = schema.get("$defs", {}).get("Group")
    if group:  # the model turns a plain string into an Item before validating; the schema says so
        items = group["properties"]["items"]
        items["items"] = {"anyOf": [{"type": "string", "minLength": 2}, items["items"]]}
    sources = schema.get("properties", {}).get("bronnen")
    if sources:  # a plain key is a SourceRef without a note
        sources["items"] = {"anyOf": [{"type": "string", "pattern": SLUG_PATTERN}, sources["items"]]}
    _describe_vocabulary(schema)
    schema["properties"] = _page_order(model, schema["properties"])
    for definition in schema.get("$defs", {}).values():
        definition.pop("title", None)  # class names (Step, Practical) are English; the field's title says it
    _dutch(schema)
    if choices is not None:
        _add_choices(schema, choices)
    schema["title"] = TOP_TITLES.get(model.__name__, model.__name__)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


TOP_TITLES = {"Source": "Bron"}  # the model's class names are English where the editors' word is not
TITLES = {"themas": "Thema's", "url": "Webadres"}  # where the key alone makes no good Dutch title


def _page_order(model: type[BaseModel], properties: dict) -> dict:
    """Title and summary, then the kind's own fields, then what every record ends with (sources, date)."""
    common = list(Record.model_fields)
    order = common[:2] + [k for k in model.model_fields if k not in common] + common[2:]
    return {key: properties[key] for key in order if key in properties}


def _dutch(node: object) -> None:
    """Dutch titles, and the errorMessage/patternErrorMessage that VS Code's YAML extension shows instead of English."""
    if isinstance(node, list):
        for item in node:
            _dutch(item)
        return
    if not isinstance(node, dict):
        return
    for key, sub in node.get("properties", {}).items():
        sub["title"] = TITLES.get(key, key.replace("_", " ").capitalize())
    message = _message(node)
    if message:
        node["errorMessage"] = message
    if "pattern" in node:
        node["patternErrorMessage"] = messages.pattern_rule(node["pattern"])
    for key, value in node.items():
        if key not in ("enum", "examples", "enumDescriptions", "required"):
            _dutch(value)


def _message(node: dict) -> str | None:
    kind = node.get("type")
    if "enum" in node:
        return "kies uit de vaste lijst: " + ", ".join(map(str, node["enum"]))
    if kind == "string" and node.get("format") == "date":
        return messages.plain("date_type")
    if kind == "string":
        low, high = node.get("minLength"), node.get("maxLength")
        size = (
            f" van {low} tot {high} tekens"
            if low and high
            else f" van hoogstens {high} tekens"
            if high
            else " (mag niet leeg zijn)"
            if low == 1
            else f" van minstens {low} tekens"
            if low
            else ""
        )
        return messages.plain("string_type") + size
    if kind == "integer":
        low, high = node.get("minimum"), node.get("maximum")
        bounds = (
            f" van {low} tot {high}"
            if low is not None and high is not None
            else (f" van minstens {low}" if low is not None else "")
        )
        return messages.plain("int_type") + bounds
    if kind == "boolean":
        return messages.plain("bool_type")
    if kind == "null":
        return "mag ook weg; laat het veld weg als je het niet weet"
    if kind == "array":
        least = node.get("minItems")
        return messages.plain("list_type") + (f", met minstens {least} item" if least else "")
    if kind == "object":
        fields = list(node.get("properties", {}))
        allowed = f"; toegestaan: {', '.join(fields)}" if fields and node.get("additionalProperties") is False else ""
        return messages.plain("dict_type") + allowed + "; kijk of elke naam goed gespeld is"
    return None


def _describe_vocabulary(node: object) -> None:
    """Give each allowed word of the vocabulary its Dutch label, shown as help in the editor."""
    if isinstance(node, dict):
        for words in (ROLES, THEMES, GOALS):
            if node.get("enum") == list(words):
                node["enumDescriptions"] = list(words.values())
                node["description"] = "Kies uit: " + "; ".join(f"{k} ({v})" for k, v in words.items())
        for value in node.values():
            _describe_vocabulary(value)
    elif isinstance(node, list):
        for value in node:
            _describe_vocabulary(value)


def render(choices: Choices | None = None) -> dict[str, str]:
    """Every schema file's path and text, as it is committed (and published) in schema/."""
    return {
        f"schema/{name}": json.dumps(schema_for(model, choices), ensure_ascii=False, indent=2) + "\n"
        for name, model in SCHEMAS.items()
    }


def write(directory: Path, choices: Choices | None = None, only_changed: bool = False) -> list[Path]:
    """Write schema/; with `only_changed`, leave files that already say the same (for `check`)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in render(choices).items():
        target = directory / Path(path).name
        if only_changed and target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
