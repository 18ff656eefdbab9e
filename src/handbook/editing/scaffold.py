"""`new`: a fresh record with every field present, explained, and marked to fill in."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from pathlib import Path

import jinja2
from pydantic import BaseModel

from handbook.base import licences, templating
from handbook.base.vocabulary import GOALS, ROLES, THEMES
from handbook.records import text
from handbook.records.model import MAX_SENTENCE_WORDS, MAX_SUMMARY_WORDS, Record, Source
from handbook.records.reading import BLANK_TITLE


def slugify(title: str) -> str:
    """'Moreel beraad' -> 'moreel-beraad'; 'Casuïstiek' -> 'casuistiek'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


SCHEMA_IN_REPO = "../schema/werkvorm.schema.json"  # from werkvormen/, where `new` writes the record
SOURCE_SCHEMA_IN_REPO = "../../schema/bron.schema.json"  # from werkvormen/bronnen/


def limits() -> dict[str, int]:
    """The limits the guidance names, read from the model (never a number of its own)."""
    return {
        "titel": _max_length(Record, "titel"),
        "samenvatting": _max_length(Record, "samenvatting"),
        "bron_titel": _max_length(Source, "titel"),
        "zin": MAX_SENTENCE_WORDS,
        "bron_samenvatting": MAX_SUMMARY_WORDS,
    }


def _max_length(model: type[BaseModel], name: str) -> int:
    """The limit pydantic enforces: of two max_length on a field, the last one counts."""
    found = [m.max_length for m in model.model_fields[name].metadata if hasattr(m, "max_length")]
    return int(found[-1])


def blank(root: Path, title: str = BLANK_TITLE, today: dt.date | None = None, schema: str = SCHEMA_IN_REPO) -> str:
    """The text of a new record: every field, explained, with VUL IN where the editor writes.

    `schema` is where VS Code finds the schema: relative inside the repository, the
    published address for the copy that editors download from the site.
    """
    examples = sorted(p.stem for p in Path(root).glob("*.yml"))[:3]
    return (
        _record_templates()
        .get_template("new-werkvorm.yml.j2")
        .render(
            title=title,
            roles=list(ROLES),
            themes=list(THEMES),
            goals=list(GOALS),
            examples=examples or ["leerhuis"],
            today=today or dt.date.today(),
            schema=schema,
            limits=limits(),
            sources=sorted(p.stem for p in (Path(root) / "bronnen").glob("*.yml")) or ["..."],
        )
    )


def _title(title: str, longest: int) -> str:
    """The title as the record will hold it: one line, no longer than the model allows."""
    title = title.strip()
    if "\n" in title or "\r" in title:
        raise ValueError("de titel moet op één regel passen")
    if len(title) > longest:
        raise ValueError(f"de titel is {len(title)} tekens lang; hoogstens {longest}. Kies een kortere titel")
    return title


def new_werkvorm(title: str, root: Path, today: dt.date | None = None) -> Path:
    """Write werkvormen/SLUG.yml for `title`; refuse to overwrite an existing record."""
    title = _title(title, limits()["titel"])
    slug = slugify(title)
    if not slug:
        raise ValueError('geef een titel met letters of cijfers, bijvoorbeeld TITEL="Moreel beraad"')
    path = Path(root) / f"{slug}.yml"
    if path.exists():
        raise ValueError(f"{path} bestaat al; kies een andere titel of pas dat bestand aan")
    path.write_text(blank(root, title, today), encoding="utf-8")
    return path


def blank_source(title: str, key: str, today: dt.date | None = None) -> str:
    """The text of a new source: every field, with the licences explained."""
    return (
        _record_templates()
        .get_template("new-bron.yml.j2")
        .render(
            title=title,
            key=key,
            year=(today or dt.date.today()).year,
            schema=SOURCE_SCHEMA_IN_REPO,
            limits=limits(),
            licences=licences.LICENCES,
            reserved=licences.RESERVED,
        )
    )


def new_source(title: str, root: Path, today: dt.date | None = None) -> Path:
    """Write werkvormen/bronnen/SLUG.yml for `title`; refuse to overwrite an existing source."""
    title = _title(title, limits()["bron_titel"])
    key = slugify(title)[:60].strip("-")
    if not key:
        raise ValueError('geef een titel met letters of cijfers, bijvoorbeeld TITEL="Rapport leernetwerken 2024"')
    path = Path(root) / "bronnen" / f"{key}.yml"
    if path.exists():
        raise ValueError(f"{path} bestaat al; noem die bron in je werkvorm, of kies een andere titel")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(blank_source(title, key, today), encoding="utf-8")
    return path


@cache
def _record_templates() -> jinja2.Environment:
    """The templates of new records (YAML, not HTML: nothing escaped; values go through `yaml_str`)."""
    env = templating.environment(autoescape=False, keep_trailing_newline=True)
    env.filters["yaml_str"] = text.yaml_str
    return env
