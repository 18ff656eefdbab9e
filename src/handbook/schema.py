"""The JSON Schema that editors' tools use, generated from the model the build validates with."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from . import messages
from .model import SLUG_PATTERN, Checklist, Record, Source, Werkvorm
from .vocabulary import GOALS, ROLES, THEMES

SCHEMAS: dict[str, type[BaseModel]] = {
    "werkvorm.schema.json": Werkvorm,
    "checklist.schema.json": Checklist,
    "bron.schema.json": Source,
}


def schema_for(model: type[BaseModel]) -> dict:
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


def render() -> dict[str, str]:
    """Every schema file's path and text, exactly as it is committed (and published) in schema/."""
    return {
        f"schema/{name}": json.dumps(schema_for(model), ensure_ascii=False, indent=2) + "\n"
        for name, model in SCHEMAS.items()
    }


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in render().items():
        target = directory / Path(path).name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
