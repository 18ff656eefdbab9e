"""The JSON Schema that editors' tools use, generated from the model the build validates with."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .model import Checklist, Werkvorm

SCHEMAS: dict[str, type[BaseModel]] = {"werkvorm.schema.json": Werkvorm, "checklist.schema.json": Checklist}


def schema_for(model: type[BaseModel]) -> dict:
    schema = model.model_json_schema()
    group = schema.get("$defs", {}).get("Group")
    if group:  # the model turns a plain string into an Item before validating; the schema says so
        items = group["properties"]["items"]
        items["items"] = {"anyOf": [{"type": "string", "minLength": 2}, items["items"]]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render() -> dict[str, str]:
    """Every schema file's name and text, exactly as it is committed in schema/."""
    return {name: json.dumps(schema_for(model), ensure_ascii=False, indent=2) + "\n"
            for name, model in SCHEMAS.items()}


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render().items():
        (directory / name).write_text(text, encoding="utf-8")
        written.append(directory / name)
    return written
