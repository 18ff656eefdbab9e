"""The files the site serves besides its pages: fonts, the JSON Schema and the blank record."""

from __future__ import annotations

from pathlib import Path

from . import scaffold, schema
from .collection import Handbook
from .pdfs import FONTS


def site_files(handbook: Handbook, records: Path) -> dict[str, bytes]:
    """Path on the site -> content, for every file that is not a page or a PDF."""
    # upright faces only: browsers slant them for the little italic text, which saves two downloads
    result = {
        f"assets/fonts/{font.name}": font.read_bytes()
        for font in FONTS.iterdir()
        if font.name.endswith("-normal.woff2") or font.name == "OFL.txt"
    }
    result.update({path: text.encode("utf-8") for path, text in schema.render().items()})
    # the blank record to copy into GitHub's web editor
    result["downloads/nieuwe-werkvorm.yml"] = scaffold.blank(records, today=handbook.reviewed).encode("utf-8")
    return result
