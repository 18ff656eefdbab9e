"""`changes`: the pages a pull request changes, with their place in the preview the workflow attaches.

The preview (mkdocs-voorbeeld.yml) has plain .html addresses, so that it opens
from disk; a reviewer who unpacks it finds each changed page at the path this
lists. The workflow writes the list into the job's summary.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from handbook.base.discovery import SOURCES_FOLDER
from handbook.base.problems import plain
from handbook.records.collection import Handbook

STATUS = {"A": "nieuw", "M": "gewijzigd", "D": "verwijderd", "R": "hernoemd"}


@dataclass(frozen=True)
class Changed:
    title: str
    page: str  # inside the preview, e.g. werkvormen/leerhuis.html ("" when the page is gone)
    status: str  # nieuw, gewijzigd, verwijderd, hernoemd


def changed_pages(changes: Iterable[tuple[str, str]], handbook: Handbook) -> list[Changed]:
    """(git status letter, path) of each changed file -> the pages of the preview they change."""
    found: dict[str, Changed] = {}
    by_source = {f"werkvormen/{SOURCES_FOLDER}/{key}.yml": source for key, source in handbook.sources}
    for letter, name in changes:
        status = STATUS.get(letter[:1], "gewijzigd")
        path = PurePosixPath(name)
        if name in by_source:
            found[name] = Changed(f"Bronnen: {by_source[name].titel}", "bronnen.html", status)
        elif path.parts[:2] == ("werkvormen", SOURCES_FOLDER):
            found[name] = Changed(f"Bronnen: {path.stem}", "bronnen.html", status)
        elif path.parts[:1] == ("werkvormen",) and path.suffix in (".yml", ".yaml"):
            entry = next((e for e in handbook.entries if e.source == name), None)
            if entry is None:
                found[name] = Changed(path.stem, "", "verwijderd")
            else:
                found[name] = Changed(entry.record.titel, f"{entry.folder}/{entry.slug}.html", status)
        elif path.parts[:1] == ("docs",) and path.suffix == ".md":
            found[name] = Changed(path.stem, str(path.relative_to("docs").with_suffix(".html")), status)
    return sorted(found.values(), key=lambda c: (c.page == "", c.page))


def markdown(pages: list[Changed], artifact: str) -> str:
    """The job summary's section: a table of the changed pages and where they are in the zip."""
    if not pages:
        return f"## Voorbeeld van de site\n\nGeen pagina's gewijzigd. Download **{artifact}** en open index.html.\n"
    # every column escaped: a file name is as untrusted as a title (a backtick closed the old code span)
    rows = [f"| {_cell(c.title)} | {_cell(c.status)} | {_code(c.page) or '(geen pagina meer)'} |" for c in pages]
    return "\n".join(
        [
            "## Voorbeeld van de site",
            "",
            f"Download **{artifact}** onder *Artifacts*, pak het uit en open het bestand uit de lijst "
            "(dubbelklik; zoeken en links werken ook zonder internet).",
            "",
            "| Pagina | Wat | Bestand in de zip |",
            "| --- | --- | --- |",
            *rows,
            "",
        ]
    )


def _cell(text: str) -> str:
    """Record text in a table cell of the job summary: one line, its Markdown shown as text (#24).

    A title may hold `![x](https://...)` or `<img ...>`: in the summary that would be an image or
    a link on GitHub's own page. Every mark-up character is escaped; `|` cannot add a column.
    """
    return re.sub(r"([\\`*_{}\[\]()#+!<>|~-])", r"\\\1", plain(text))


def _code(text: str) -> str:
    """A file name as a code span in a table cell that nothing in it can close: its fence is longer than
    any run of backticks in it, and `|` is escaped (in a table it would end the cell even in code)."""
    if not text:
        return ""
    text = plain(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def from_git(base: str) -> list[tuple[str, str]]:
    """(status letter, path) of every file that differs between `base` and the working copy's HEAD."""
    out = subprocess.run(
        ["git", "diff", "--name-status", "--no-renames", base, "HEAD"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [(line.split("\t")[0], line.split("\t")[-1]) for line in out.splitlines() if "\t" in line]
