"""Read one YAML file into plain data, keeping where each value stands.

PyYAML's C loader composes the node tree; we build the Python values
ourselves so that we can keep line numbers for every field, refuse
duplicate keys (PyYAML silently keeps the last one), refuse aliases (they
can blow a small file up to gigabytes) and keep dates as text until the
model checks them (the constructor crashes on a date that does not exist).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path_ = tuple[str | int, ...]

_CONSTRUCT = SafeConstructor()
# YAML 1.1 reads 0x96, 2:30 and 1_5_0 as 150 and yes/no/on/off as booleans: an editor never means that.
# Only plain decimal numbers and true/false get a type; every other spelling stays text, and the model
# then says what it expected ("moet een heel getal zijn") instead of silently taking another value.
_PLAIN = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?[0-9]{1,4000}"),  # the model bounds the value
    "tag:yaml.org,2002:float": re.compile(r"[-+]?[0-9]{1,18}\.[0-9]{0,18}"),
    "tag:yaml.org,2002:bool": re.compile(r"true|false", re.IGNORECASE),
}
_SCALARS = {
    "tag:yaml.org,2002:int": _CONSTRUCT.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCT.construct_yaml_float,
    "tag:yaml.org,2002:bool": _CONSTRUCT.construct_yaml_bool,
    "tag:yaml.org,2002:null": _CONSTRUCT.construct_yaml_null,
}
# libyaml's C composer recurses once per nesting level of [ and {: some ten thousand levels overflow the
# C stack and kill the process. Past this many unclosed brackets the pure-Python loader reads the file
# (slower, but it raises RecursionError, which becomes a message).
_C_LOADER_DEPTH = 200


class YamlProblem(Exception):
    """The file cannot be read as a record; says where and why."""

    def __init__(self, line: int, column: int, message: str, field: str = ""):
        super().__init__(message)
        self.line, self.column, self.message, self.field = line, column, message, field


@dataclass
class Document:
    """Plain data from a YAML file, with the (line, column) of every value."""

    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_) -> tuple[int, int]:
        """The position of the deepest part of `path` that exists in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.positions:
                return self.positions[path[:end]]
        return (1, 1)


def parse(text: str) -> Document:
    """Parse YAML text into a Document; raise YamlProblem on bad input."""
    try:
        root = yaml.compose(text, Loader=Loader if _bracket_depth(text) <= _C_LOADER_DEPTH else yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, column, f"geen geldige YAML: {_dutch_reason(error, text, line)}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, 1, f"geen geldige YAML: {error}") from None
    except RecursionError:
        raise YamlProblem(1, 1, "het bestand is te diep genest") from None
    if root is None:
        raise YamlProblem(1, 1, "het bestand is leeg")
    doc = Document(data=None)
    doc.data = _build(root, (), doc, set())
    return doc


MAX_DEPTH = 20  # a record nests four levels deep; far deeper is a mistake or an attack


def _build(node: yaml.Node, path: Path_, doc: Document, seen: set[int]) -> object:
    if len(path) > MAX_DEPTH:
        raise YamlProblem(*_pos(node), f"te diep genest (meer dan {MAX_DEPTH} niveaus)", _dotted(path[:3]))
    if id(node) in seen:
        raise YamlProblem(*_pos(node), "aliassen (* en &) zijn niet toegestaan; schrijf de tekst uit", _dotted(path))
    seen.add(id(node))
    doc.positions.setdefault(path, _pos(node))
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, doc, seen)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, seen) for i, item in enumerate(node.value)]
    return _scalar(node, path)


def _build_mapping(node: yaml.MappingNode, path: Path_, doc: Document, seen: set[int]) -> dict:
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise YamlProblem(*_pos(key_node), "'<<' (samenvoegen) is niet toegestaan", _dotted(path))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(*_pos(key_node), "een veldnaam moet gewone tekst zijn", _dotted(path))
        key = str(key_node.value)
        if key in result:
            first = doc.positions[path + (key,)][0]
            raise YamlProblem(
                *_pos(key_node), f"staat twee keer in dit record (ook op regel {first})", _dotted(path + (key,))
            )
        doc.positions[path + (key,)] = _pos(key_node)
        result[key] = _build(value_node, path + (key,), doc, seen)
    return result


def _bracket_depth(text: str) -> int:
    """An upper bound of how deep [ and { nest (brackets in text count too: only ever too high)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    return deepest


def _scalar(node: yaml.ScalarNode, path: Path_) -> object:
    construct = _SCALARS.get(node.tag)
    if construct is None:  # strings, and timestamps: the model parses dates itself
        return node.value
    plain = _PLAIN.get(node.tag)
    if plain is not None and not plain.fullmatch(node.value):
        return node.value
    try:
        return construct(node)
    except (ConstructorError, ValueError):
        return node.value


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _dotted(path: Path_) -> str:
    return ".".join(str(p + 1) if isinstance(p, int) else p for p in path)


def _dutch_reason(error: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = error.problem or ""
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1] and "cannot start any token" in problem:
        return "er staat een tab; gebruik spaties om in te springen"
    if "mapping values are not allowed" in problem:
        return "een dubbele punt op een onverwachte plek; zet tekst met ': ' tussen aanhalingstekens"
    if "could not find expected ':'" in problem:
        return "een veld mist de dubbele punt na de naam, of de tekst loopt door op een nieuwe regel"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return "de inspringing klopt niet; zet velden op hetzelfde niveau precies onder elkaar"
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return problem
    return f"{error.context + ', ' if error.context else ''}{problem}"
