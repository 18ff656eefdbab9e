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

from . import yamlhints as hints

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


MAX_LINE = 10_000  # characters on one line: a long text fits (6,000), and no pattern ever sees more
# Line breaks to YAML 1.1, but not to GitHub's editor or a reader: pasted after a text, a NEL followed
# by `eigen_advies: ...` would start a field that nobody sees in the file.
_HIDDEN_BREAKS = {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR"}
_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")


def parse(text: str) -> Document:
    """Parse YAML text into a Document; raise YamlProblem on bad input.

    Lines are bounded and hidden line breaks refused before any pattern or
    parser sees the text.
    """
    _check_lines(text)
    text, pasted = hints.tidy(text)
    if pasted:
        raise YamlProblem(*pasted[0])
    depth, deepest_line = _depth(text)
    try:
        root = yaml.compose(text, Loader=Loader if depth <= _C_LOADER_DEPTH else yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(*_dutch_reason(error, text)) from None
    except yaml.YAMLError:
        raise YamlProblem(1, 1, "geen geldige YAML: het bestand heeft tekens die YAML niet toestaat") from None
    except RecursionError:
        deep = f"het bestand is te diep genest (lijsten of groepen in elkaar, meer dan {MAX_DEPTH} niveaus)"
        raise YamlProblem(deepest_line, 1, deep) from None
    if root is None:
        raise YamlProblem(1, 1, "het bestand is leeg")
    cut = hints.cut_short(root, text.split("\n"))
    if cut:
        raise YamlProblem(*cut[0])
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
    assert isinstance(node, yaml.ScalarNode)  # the composer makes no other kind of node
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


def _check_lines(text: str) -> None:
    """Refuse a line longer than MAX_LINE and a line break that only YAML sees (NEL, LS, PS, a lone CR)."""
    field = ""
    for number, line in enumerate(text.split("\n"), 1):
        top = _TOP_KEY.match(line[:200])
        field = top.group(1) if top else field
        if len(line) > MAX_LINE:
            raise YamlProblem(
                number,
                MAX_LINE + 1,
                f"deze regel is {len(line)} tekens lang; een regel mag hoogstens {MAX_LINE} tekens hebben. "
                "Zet lange tekst in een blok (veld: |) en begin geregeld een nieuwe regel",
                field,
            )
    found = _BREAK.search(text)
    if found:
        before = text[: found.start()]
        char = found.group()
        name = _HIDDEN_BREAKS.get(char, "CARRIAGE RETURN")
        raise YamlProblem(
            before.count("\n") + 1,
            found.start() - before.rfind("\n"),
            f"hier staat een onzichtbaar regeleinde (U+{ord(char):04X}, {name}), vaak meegekopieerd uit een "
            "ander programma; YAML begint daar een nieuwe regel. Haal het weg of begin een gewone nieuwe regel",
        )


_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: |$)")  # a field of the record itself, to name in a message
_INDICATORS = re.compile(r"[ ]*((?:[-?:][ ]+)*)")


def _depth(text: str) -> tuple[int, int]:
    """An upper bound of how deep the file nests, and the line where that bound is highest.

    libyaml's C composer recurses once per level and kills the process (no
    message) at some ten thousand levels: `[[[[...` or `- - - - ...` on one
    line, or block mappings indented deeper on every line. Counted here:
    every unclosed [ and { (brackets in text count too: only ever too high),
    and for block structure twice the indentation (a mapping and its list
    may share a column) plus the indicators (- ? :) that open a line.
    """
    brackets = deepest = 0
    deepest_line = 1
    for number, line in enumerate(text.split("\n"), 1):
        indicators = _INDICATORS.match(line)
        assert indicators is not None  # matches every line, if only the empty start
        opened = indicators.group(1)
        block = 2 * (len(line) - len(line.lstrip(" ")) + 1) + sum(map(opened.count, "-?:"))
        highest = brackets
        if "[" in line or "{" in line or "]" in line or "}" in line:
            for char in line:
                if char in "[{":
                    brackets += 1
                    highest = max(highest, brackets)
                elif char in "]}" and brackets:
                    brackets -= 1
        if highest + block > deepest:
            deepest, deepest_line = highest + block, number
    return deepest, deepest_line


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


def _dutch_reason(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and Dutch reason, placed where the editor must act (see yamlhints)."""
    line, column, reason = hints.explain(error, text)
    return line, column, f"geen geldige YAML: {reason}"
