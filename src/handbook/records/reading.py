"""Read one record file: bytes to text to YAML to a validated model."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from handbook.base import messages
from handbook.base.problems import Problem
from handbook.base.yamlfile import Document, YamlProblem, parse

from .model import Checklist, Source, Werkvorm

M = TypeVar("M", bound=BaseModel)

PLACEHOLDER = "VUL IN"
BLANK_TITLE = "Naam van de werkvorm"  # the title of the downloadable blank record

MAX_BYTES = 256 * 1024  # a record is a page of text; anything far larger is a mistake


def read(path: Path, kind: type[M], shown_as: str) -> tuple[M | None, list[Problem]]:
    """The record in `path`, or the problems that stop it from being one."""
    record, problems, _ = read_with_positions(path, kind, shown_as)
    return record, problems


def read_with_positions(path: Path, kind: type[M], shown_as: str) -> tuple[M | None, list[Problem], Document | None]:
    """As `read`, and the parsed document, which knows the line and column of every value.

    The collection keeps it with the record, so that checks across records
    can point at a line without reading the file again. The result is kept
    per text for the life of the process (`serve` reads every record again on
    each rebuild), and callers share it: records are frozen models and no step
    of the pipeline changes what they hold (a deep copy per record would cost
    time on every rebuild, for nothing).
    """
    try:
        text = _text(path)
    except YamlProblem as p:
        return None, [Problem(shown_as, p.line, p.column, p.field, p.message)], None
    record, problems, doc = _from_text(text, kind, shown_as)
    return record, list(problems), doc


@lru_cache(maxsize=4096)
def _from_text(text: str, kind: type[M], shown_as: str) -> tuple[M | None, tuple[Problem, ...], Document | None]:
    record, problems, doc = _validated(text, kind, shown_as)
    return record, tuple(problems), doc


def _validated(text: str, kind: type[M], shown_as: str) -> tuple[M | None, list[Problem], Document | None]:
    try:
        doc = parse(text)
    except YamlProblem as p:
        return (
            None,
            [Problem(shown_as, p.line, p.column, p.field, p.message), *_behind_tabs(text, kind, shown_as, p)],
            None,
        )
    if not isinstance(doc.data, dict):
        return (
            None,
            [
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    "een record moet beginnen met velden (naam: waarde), niet met een lijst of losse tekst",
                )
            ],
            doc,
        )
    unfilled = list(_placeholders(doc.data, ()))
    problems = [
        Problem(shown_as, *doc.where(path), messages.field_path(path), _unfilled(doc.data, path)) for path in unfilled
    ]
    try:
        record = kind.model_validate(doc.data)
    except ValidationError as error:
        # an unfilled placeholder is the one thing to say about its field
        errors = [e for e in error.errors(include_url=False) if not _under(_clean(e["loc"]), unfilled)]
        errors = _meant_elsewhere(errors, kind)
        return None, problems + [_problem(shown_as, doc, e, kind) for e in errors], doc
    return (None, problems, doc) if problems else (record, [], doc)


TAB = "er staat een tab"


def _behind_tabs(text: str, kind: type[M], shown_as: str, problem: YamlProblem) -> list[Problem]:
    """A tab stops YAML at its line; the editor should not need a round per tab, nor one to see the rest.

    Every other line indented with a tab is told too, and the file is read once more
    with its tabs as spaces (two, or else four), to tell what else is wrong in it.
    """
    if TAB not in problem.message:
        return []
    lines = text.split("\n")
    found = [
        Problem(shown_as, number, line.index("\t") + 1, "", problem.message)
        for number, line in enumerate(lines, 1)
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))] and number != problem.line
    ]
    for width in (2, 4):
        spaced = "\n".join(_expand_indent(line, width) for line in lines)
        if "\t" in spaced:
            break  # a tab inside text: the first message says where; no second reading
        _, more, doc = _validated(spaced, kind, shown_as)
        if doc is not None:
            return found + [p for p in more if TAB not in p.message]
    return found


def _expand_indent(line: str, width: int) -> str:
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].replace("\t", " " * width) + body


def _placeholders(value: object, path: tuple) -> Iterator[tuple]:
    """Paths of the strings (and keys) that `new` or the blank record left for the editor to fill in."""
    if isinstance(value, str) and (PLACEHOLDER in value or value.strip() == BLANK_TITLE):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            if PLACEHOLDER in str(key):
                yield path + (key,)
            else:
                yield from _placeholders(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _placeholders(item, path + (i,))


def _unfilled(data: dict, path: tuple) -> str:
    if path == ("titel",) and str(data.get("titel", "")).strip() == BLANK_TITLE:
        return f"is nog niet ingevuld: vervang '{BLANK_TITLE}' door de naam van je werkvorm"
    return f"is nog niet ingevuld: vervang de tekst met '{PLACEHOLDER}' door je eigen tekst"


def _meant_elsewhere(errors: list[ErrorDetails], kind: type[BaseModel]) -> list[ErrorDetails]:
    """`doelgroep:` where `voor_wie:` belongs (or `resultatenn:`): the unknown field's hint names the missing
    one, so the missing field is not told again on line 1 (the editor acts on the line of her own word)."""
    meant = set()
    for e in errors:
        if e["type"] == "extra_forbidden":
            allowed = _fields_at(kind, tuple(e["loc"]))
            by_meaning = messages.meaning(e["loc"][-1], allowed)
            hint = by_meaning[0] if by_meaning else messages.suggest(e["loc"][-1], allowed)
            if hint:
                meant.add(tuple(e["loc"][:-1]) + (hint,))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _clean(loc: tuple) -> tuple:
    return tuple(p for p in loc if p != "[key]")


def _under(loc: tuple, paths: list[tuple]) -> bool:
    return any(loc[: len(p)] == p for p in paths)


def kind_for(path: Path, root: Path) -> type[BaseModel]:
    """Checklists live in werkvormen/checklists/, sources in werkvormen/bronnen/; every other record is a werkvorm."""
    if path.parent.parent == root and path.parent.name in ("checklists", "bronnen"):
        return Checklist if path.parent.name == "checklists" else Source
    return Werkvorm


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


def _problem(shown_as: str, doc: Document, error: ErrorDetails, kind: type[BaseModel]) -> Problem:
    loc = tuple(error["loc"]) + tuple(getattr((error.get("ctx") or {}).get("error"), "loc", ()))
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
