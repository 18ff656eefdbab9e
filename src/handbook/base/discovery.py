"""Finding the records: which files in werkvormen/ are records and sources, and which would silently not be.

Nothing here reads a record's content (handbook.records.reading does); `unpublished`
names every file the build would otherwise skip without a word.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .problems import Problem

SOURCES_FOLDER = "bronnen"


def source_files(root: Path) -> list[Path]:
    """Every source file under `root` (werkvormen/bronnen/), in a stable order."""
    folder = root / SOURCES_FOLDER
    return sorted(list(folder.glob("*.yml")) + list(folder.glob("*.yaml")))


def record_files(root: Path) -> list[Path]:
    """Every record file under `root` (werkvormen/), in a stable order."""
    files = list(root.glob("*.yml")) + list(root.glob("*.yaml"))
    files += list((root / "checklists").glob("*.yml")) + list((root / "checklists").glob("*.yaml"))
    return sorted(files)


def unpublished(root: Path, records: list[Path]) -> list[Problem]:
    """Files in werkvormen/ that the build would skip without a word: each is an error naming it.

    A record saved as `leerhuis`, `leerhuis.yml.txt` or in a folder of its own
    would otherwise pass the check and never reach the site.
    """
    known, problems = set(records) | set(source_files(root)), []
    for path in every_file(root):
        shown_as = f"{root.name}/{path.relative_to(root).as_posix()}"
        if path in known:
            continue
        if path.is_symlink():
            problems.append(
                Problem(shown_as, 1, 1, "", "is een snelkoppeling (symlink); zet het bestand zelf in deze map")
            )
        elif path.parent not in (root, root / "checklists", root / SOURCES_FOLDER):
            inside = path.relative_to(root).parts[0] == "checklists"
            where = f"{root.name}/checklists/" if inside else f"{root.name}/"
            problems.append(
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    f"dit bestand staat in een eigen map en komt niet op de site; zet het direct in {where}",
                )
            )
        else:
            problems.append(
                Problem(
                    shown_as,
                    1,
                    1,
                    "",
                    f"'{path.name}' is geen record en komt niet op de site: een "
                    f"record heet naam.yml; noem het bestand {_suggest_name(path)}",
                )
            )
    return problems + _outside(root)


def every_file(root: Path) -> list[Path]:
    """Every file under `root`, and every link (to a file or a folder), without following links."""
    found = []
    for folder, folders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        found += [here / name for name in names]
        found += [here / name for name in folders if (here / name).is_symlink()]
    return sorted(found)


def _outside(root: Path) -> list[Problem]:
    """A record saved next to werkvormen/ instead of in it (the project's top folder)."""
    problems = []
    for path in sorted(root.parent.glob("*.y*ml*")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            with path.open("rb") as file:
                text = file.read(65536).decode("utf-8", errors="replace")
        except OSError:
            continue
        if re.search(r"^titel:", text, re.M) and re.search(r"^(stappen|groepen):", text, re.M):
            problems.append(
                Problem(
                    path.name,
                    1,
                    1,
                    "",
                    f"dit lijkt een record, maar het staat niet in {root.name}/ "
                    f"en komt dus niet op de site; verplaats het naar {root.name}/",
                )
            )
    return problems


def _suggest_name(path: Path) -> str:
    stem = path.name.split(".")[0] or "naam"
    return f"{stem}.yml"


def not_a_plain_file(path: Path, root: Path) -> str | None:
    """Why `path` may not be read as a record: a link (to a file outside the repository, or to /dev/zero)."""
    if path.is_symlink() or not path.resolve().is_relative_to(root.resolve()):
        return "is een snelkoppeling (symlink) naar een ander bestand; zet het record zelf in deze map"
    if not path.is_file():
        return "is geen gewoon bestand; een record is een tekstbestand"
    return None
