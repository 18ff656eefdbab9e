"""`new`: a fresh record with every field present, explained, and marked to fill in."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from .pages import _env
from .vocabulary import GOALS, ROLES, THEMES


def slugify(title: str) -> str:
    """'Moreel beraad' -> 'moreel-beraad'; 'Casuïstiek' -> 'casuistiek'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def blank(root: Path, title: str = "Naam van de werkvorm", today: dt.date | None = None) -> str:
    """The text of a new record: every field, explained, with VUL IN where the editor writes."""
    examples = sorted(p.stem for p in Path(root).glob("*.yml"))[:3]
    return (
        _env()
        .get_template("new-werkvorm.yml.j2")
        .render(
            title=title,
            roles=list(ROLES),
            themes=list(THEMES),
            goals=list(GOALS),
            examples=examples or ["leerhuis"],
            today=today or dt.date.today(),
        )
    )


def new_werkvorm(title: str, root: Path, today: dt.date | None = None) -> Path:
    """Write werkvormen/SLUG.yml for `title`; refuse to overwrite an existing record."""
    title = title.strip()
    slug = slugify(title)
    if not slug:
        raise ValueError('geef een titel met letters of cijfers, bijvoorbeeld TITEL="Moreel beraad"')
    path = Path(root) / f"{slug}.yml"
    if path.exists():
        raise ValueError(f"{path} bestaat al; kies een andere titel of pas dat bestand aan")
    path.write_text(blank(root, title, today), encoding="utf-8")
    return path
