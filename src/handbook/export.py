"""Write the handbook as plain Markdown, so any engine can build it without our hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

from .assets import site_files
from .collection import Handbook
from .pages import render


def export(handbook: Handbook, docs: Path, out: Path, records: Path) -> int:
    """Copy the hand-written `docs` and write every generated page and file into `out`; return the file count.

    PDFs are not part of the export; the pages then offer no downloads.
    """
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(docs, out)
    for path, markdown in render(handbook).items():
        _write(out / path, markdown.encode("utf-8"))
    for path, data in site_files(handbook, records).items():
        _write(out / path, data)
    return sum(1 for p in out.rglob("*") if p.is_file())


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
