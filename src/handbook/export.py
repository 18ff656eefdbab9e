"""Write the handbook as plain Markdown, so any engine can build it without our hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

from .collection import Handbook
from .pages import render


def export(handbook: Handbook, docs: Path, out: Path) -> int:
    """Copy the hand-written `docs` and write every generated page into `out`; return the file count."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(docs, out)
    pages = render(handbook)
    for path, markdown in pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return sum(1 for p in out.rglob("*") if p.is_file())
