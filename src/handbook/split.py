"""`bronnen-apart`: sources that editors described inside a record move to werkvormen/bronnen/.

GitHub's web editor makes one file per link, so the form puts a new source in
the record itself (`nieuwe_bronnen`); the build credits it from there. The
maintainer runs this before or after merging: each source gets its own file,
and the block leaves the record, the rest of which stays as the editor wrote it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from . import collection, discovery
from .yamlfile import parse

MODELINE = "# yaml-language-server: $schema=../../schema/bron.schema.json\n"
KEY = "nieuwe_bronnen"


def split(root: Path) -> list[Path]:
    """Move every `nieuwe_bronnen` of every record to its own file; return the files written and changed.

    Raises RecordError first if the records do not pass the check: nothing is moved then.
    """
    collection.load(root)
    written: list[Path] = []
    for path in discovery.record_files(root):
        text = path.read_text(encoding="utf-8")
        doc = parse(text)
        data = doc.data if isinstance(doc.data, dict) else {}
        if not data.get(KEY):
            continue
        for source in data[KEY]:
            target = root / discovery.SOURCES_FOLDER / f"{source['sleutel']}.yml"
            body = {k: v for k, v in source.items() if k != "sleutel"}
            target.write_text(
                MODELINE + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
            )
            written.append(target)
        path.write_text(_without_block(text, doc.positions[(KEY,)][0]), encoding="utf-8")
        written.append(path)
    collection.load(root)  # the result passes the check as the input did
    return written


def _without_block(text: str, first: int) -> str:
    """`text` without the top-level key on line `first` and every line that belongs to it."""
    lines = text.split("\n")
    end = first
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "#")):
        end += 1
    while end > first and not lines[end - 1].strip():  # keep the blank line before the next key
        end -= 1
    return "\n".join(lines[: first - 1] + lines[end:])
