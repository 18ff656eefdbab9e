"""The files the site serves besides its pages: fonts, the JSON Schema, the blank record and the print rules."""

from __future__ import annotations

from pathlib import Path

from handbook.base import paths
from handbook.base.paths import FONTS
from handbook.editing import form, scaffold, schema
from handbook.printing import jobs as printing
from handbook.records.collection import Handbook


def site_files(handbook: Handbook, records: Path, site_url: str | None = None) -> dict[str, bytes]:
    """Path on the site -> content, for every file that is not a page or a PDF.

    With `site_url`, the blank record points VS Code at the published schema: a
    relative address means nothing once the file is downloaded.
    """
    # upright faces only: browsers slant them for the little italic text, which saves two downloads
    result = {
        f"assets/fonts/{font.name}": font.read_bytes()
        for font in FONTS.iterdir()
        if font.name.endswith("-normal.woff2") or font.name == "OFL.txt"
    }
    result.update({path: text.encode("utf-8") for path, text in schema.render(schema.Choices.of(handbook)).items()})
    # the blank record to copy into GitHub's web editor
    schema_url = f"{site_url.rstrip('/')}/schema/werkvorm.schema.json" if site_url else scaffold.SCHEMA_IN_REPO
    blank = scaffold.blank(records, today=handbook.reviewed, schema=schema_url)
    result["downloads/nieuwe-werkvorm.yml"] = blank.encode("utf-8")
    result.update(form.data_files(handbook))
    result[paths.PRINT_CSS] = printing.browser_stylesheet().encode("utf-8")
    return result
