"""`bronnen-apart`: sources that editors described inside a record move to werkvormen/bronnen/.

GitHub's web editor makes one file per link, so the form puts a new source in
the record itself (`nieuwe_bronnen`); the build credits it from there. The
maintainer runs this before or after merging: each source gets its own file,
and the block leaves the record, the rest of which stays as the editor wrote it.

Everything is decided before anything is written: the file name is the key
as the model cleaned it (`"rapport-x\\n"` is `rapport-x`), the block is cut
out where the YAML parser says it starts and ends (a quoted text holding a
line `ook_bekend_als: [...]` stays inside its value), the result is read back
as YAML and must hold the same data without the block, and the whole new
tree passes the check in a scratch copy first. Only then are the files
written, each through a temporary file that replaces it at once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml

from handbook.base import discovery, patterns
from handbook.base.problems import Problem, RecordError
from handbook.base.yamlfile import Loader, parse
from handbook.records import collection

MODELINE = "# yaml-language-server: $schema=../../schema/bron.schema.json\n"
KEY = "nieuwe_bronnen"


def split(root: Path) -> list[Path]:
    """Move every `nieuwe_bronnen` of every record to its own file; return the files written and changed.

    Raises RecordError if the records do not pass the check, or the result would not: nothing is written then.
    """
    root = Path(root)
    handbook = collection.load(root)
    changes: dict[Path, str] = {}  # path -> new text; sources first, then the record they leave
    problems: list[Problem] = []
    for entry in handbook.entries:
        new_sources = getattr(entry.record, KEY, None)
        if not new_sources:
            continue
        path = root.parent / entry.source
        text = path.read_text(encoding="utf-8")
        raw = parse(text).data
        assert isinstance(raw, dict)
        for index, (source, data) in enumerate(zip(new_sources, raw[KEY], strict=True)):
            key = source.sleutel  # the model's: stripped of spaces, tabs, NBSP, line breaks
            where = (entry.source, *entry.where((KEY, index, "sleutel")))
            wrong = patterns.name_problem(key)
            target = root / discovery.SOURCES_FOLDER / f"{key}.yml"
            if wrong:
                problems.append(Problem(*where, f"{KEY}.{index + 1}.sleutel", wrong))
            elif target.exists() or target in changes:
                problems.append(Problem(*where, f"{KEY}.{index + 1}.sleutel", f"{target.name} bestaat al"))
            body = {name: value for name, value in data.items() if name != "sleutel"}
            changes[target] = MODELINE + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
        try:
            changes[path] = without_key(text, KEY)
        except ValueError as error:
            problems.append(Problem(entry.source, *entry.where((KEY,)), KEY, str(error)))
    if problems:
        raise RecordError(problems)
    if not changes:
        return []
    _check_in_a_copy(root, changes)
    for path, text in changes.items():
        _write_atomically(path, text)
    return list(changes)


def without_key(text: str, key: str) -> str:
    """`text` without the top-level `key` and its value, cut where the YAML parser places them.

    The rest of the file keeps every byte (comments, quoting, blank lines); the result
    must read as the same data without `key`, or ValueError says why.
    """
    root = yaml.compose(text, Loader=Loader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("het record is geen lijst van velden")
    found = [(k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == key]
    if len(found) != 1:
        raise ValueError(f"'{key}' staat niet precies één keer in het record")
    key_node, value_node = found[0]
    start = text.rfind("\n", 0, key_node.start_mark.index) + 1  # the start of the key's line
    if text[start : key_node.start_mark.index].strip():
        raise ValueError(f"'{key}' staat niet aan het begin van een regel")
    end = value_node.end_mark.index
    if end and text[end - 1] != "\n":  # a flow value ends inside its line: the rest of it, up to a comment
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        rest = text[end:line_end].strip()
        if rest and not rest.startswith("#"):
            raise ValueError(f"na '{key}' staat nog iets op dezelfde regel")
        end = line_end
    while text[start:end].endswith("\n\n"):  # keep the blank line before the next field
        end -= 1
    result = text[:start] + text[end:]
    before, after = parse(text).data, parse(result).data
    assert isinstance(before, dict)
    if after != {name: value for name, value in before.items() if name != key}:
        raise ValueError(f"zonder '{key}' leest het record anders; verplaats de bronnen met de hand")
    return result


def _check_in_a_copy(root: Path, changes: dict[Path, str]) -> None:
    """The records as they will be, checked in a scratch copy: RecordError (naming the real files) if not."""
    with tempfile.TemporaryDirectory(prefix="bronnen-apart-") as scratch:
        copy = Path(scratch) / root.name
        shutil.copytree(root, copy, symlinks=True)
        for path, text in changes.items():
            (copy / path.relative_to(root)).write_text(text, encoding="utf-8")
        collection.load(copy)


def _write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then put it in place in one step."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
