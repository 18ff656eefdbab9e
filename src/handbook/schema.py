"""The JSON Schema that editors' tools use, generated from the model the build validates with."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import Checklist, Werkvorm
from .vocabulary import GOALS, ROLES, THEMES

SCHEMAS: dict[str, type[BaseModel]] = {"werkvorm.schema.json": Werkvorm, "checklist.schema.json": Checklist}


def schema_for(model: type[BaseModel]) -> dict:
    schema = model.model_json_schema()
    group = schema.get("$defs", {}).get("Group")
    if group:  # the model turns a plain string into an Item before validating; the schema says so
        items = group["properties"]["items"]
        items["items"] = {"anyOf": [{"type": "string", "minLength": 2}, items["items"]]}
    _describe_vocabulary(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


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
