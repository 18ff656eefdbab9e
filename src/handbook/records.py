"""Read one record file: bytes to text to YAML to a validated model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import messages
from .model import Checklist, Werkvorm
from .problems import Problem
from .yamlfile import Document, YamlProblem, parse

PLACEHOLDER = "VUL IN"

MAX_BYTES = 256 * 1024  # a record is a page of text; anything far larger is a mistake


def read(path: Path, kind: type[BaseModel], shown_as: str) -> tuple[BaseModel | None, list[Problem]]:
    """The record in `path`, or the problems that stop it from being one.

    The result is kept per text for the life of the process (`serve` reads
    every record again on each rebuild); each caller gets its own copy.
    """
    try:
        text = _text(path)
    except YamlProblem as p:
        return None, [Problem(shown_as, p.line, p.column, p.field, p.message)]
    record, problems = _from_text(text, kind, shown_as)
    return (record.model_copy(deep=True) if record is not None else None), list(problems)


@lru_cache(maxsize=4096)
def _from_text(text: str, kind: type[BaseModel], shown_as: str) -> tuple[BaseModel | None, tuple[Problem, ...]]:
    record, problems = _validated(text, kind, shown_as)
    return record, tuple(problems)


def _validated(text: str, kind: type[BaseModel], shown_as: str) -> tuple[BaseModel | None, list[Problem]]:
    try:
        doc = parse(text)
    except YamlProblem as p:
        return None, [Problem(shown_as, p.line, p.column, p.field, p.message)]
    if not isinstance(doc.data, dict):
        return None, [
            Problem(
                shown_as,
                1,
                1,
                "",
                "een record moet beginnen met velden (naam: waarde), niet met een lijst of losse tekst",
            )
        ]
    unfilled = list(_placeholders(doc.data, ()))
    problems = [
        Problem(
            shown_as,
            *doc.where(path),
            messages.field_path(path),
            f"is nog niet ingevuld: vervang de tekst die met '{PLACEHOLDER}' begint",
        )
        for path in unfilled
    ]
    try:
        record = kind.model_validate(doc.data)
    except ValidationError as error:
        # an unfilled placeholder is the one thing to say about its field
        errors = [e for e in error.errors(include_url=False) if not _under(_clean(e["loc"]), unfilled)]
        return None, problems + [_problem(shown_as, doc, e, kind) for e in errors]
    return (None, problems) if problems else (record, [])


def _placeholders(value: object, path: tuple) -> Iterator[tuple]:
    """Paths of the strings (and keys) that `new` left for the editor to fill in."""
    if isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if key.startswith(PLACEHOLDER):
                yield path + (key,)
            else:
                yield from _placeholders(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _placeholders(item, path + (i,))


def _clean(loc: tuple) -> tuple:
    return tuple(p for p in loc if p != "[key]")


def _under(loc: tuple, paths: list[tuple]) -> bool:
    return any(loc[: len(p)] == p for p in paths)


def kind_for(path: Path, root: Path) -> type[BaseModel]:
    """Checklists live in werkvormen/checklists/; every other record is a werkvorm."""
    return Checklist if path.parent.name == "checklists" and path.parent.parent == root else Werkvorm


def _text(path: Path) -> str:
    with path.open("rb") as file:  # never more than the limit: a record could be a link to /dev/zero
        data = file.read(MAX_BYTES + 1)
        size = max(len(data), os.fstat(file.fileno()).st_size)
    if len(data) > MAX_BYTES:
        raise YamlProblem(
            1, 1, f"het bestand is {size // 1024} kB; een record mag hoogstens {MAX_BYTES // 1024} kB zijn"
        )
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(1, 1, "het bestand begint met een byte-order mark (BOM); sla het op als UTF-8 zonder BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise YamlProblem(line, 1, "het bestand is geen UTF-8-tekst; sla het op als UTF-8") from None


def _problem(shown_as: str, doc: Document, error: dict, kind: type[BaseModel]) -> Problem:
    loc = tuple(error["loc"])
    line, column = doc.where(_clean(loc))
    allowed = _fields_at(kind, loc)
    return Problem(shown_as, line, column, messages.field_path(loc), messages.describe(error, allowed))


def _fields_at(kind: type[BaseModel], loc: tuple) -> list[str]:
    """The fields allowed where an unknown one was found, for a 'did you mean'."""
    model: object = kind
    for part in loc[:-1]:
        model = _child_model(model, part)
    fields = getattr(model, "model_fields", {})
    return list(fields)


def _child_model(model: object, part: object) -> object:
    fields = getattr(model, "model_fields", None)
    if fields is None or not isinstance(part, str) or part not in fields:
        return model  # list indexes keep the item model
    annotation = fields[part].annotation
    for candidate in getattr(annotation, "__args__", ()) + (annotation,):
        if hasattr(candidate, "model_fields"):
            return candidate
    return None
