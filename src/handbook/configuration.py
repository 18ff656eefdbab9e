"""From the project's configuration (mkdocs.yml) to the `Options` of a build: one way, for every caller.

The hooks, `python -m handbook export`, the benchmark and the tests all make
their `Options` with `options(config, serving)`. `config` is the loaded
configuration: the engine's `MkDocsConfig` in the hooks, or the plain data
`read(path)` gives (the engine's own YAML loader, so `!ENV` and `INHERIT`
mean what they mean to the engine). The handbook's own settings live in
`extra.handbook` (`Settings`); nothing here reads the environment itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .build import Options, PdfMode, editors_address

SETTINGS = ("pdf", "pdf_cache", "published_url", "redactie")  # the keys of extra.handbook


class ConfigError(ValueError):
    """A configuration the handbook cannot use; the message is for editors (Dutch)."""


@dataclass(frozen=True)
class Settings:
    """The handbook's own settings: mkdocs.yml, `extra.handbook` (each may come from the environment by `!ENV`)."""

    pdf: PdfMode  # all, records (not the whole book) or off
    pdf_cache: Path  # where rendered PDFs are kept between builds
    published_url: str  # the address PDFs print, also in a preview (whose site_url is its local address)
    redactie: str = ""  # the editorial team's e-mail address, offered by the form; "" offers none


def read(path: Path) -> dict[str, Any]:
    """The configuration file `path` as plain data, read by the engine's own YAML loader.

    `!ENV` comes from the environment and `INHERIT` from the file it names,
    exactly as when the engine builds. This is the package's one use of the
    engine, imported here only (tests/test_layers.py holds it to that).
    """
    from mkdocs.utils.yaml import yaml_load

    with Path(path).open("rb") as stream:
        loaded = yaml_load(stream)
    config = dict(loaded or {})
    config["config_file_path"] = str(Path(path).resolve())
    return config


def settings(config: Mapping[str, Any]) -> Settings:
    """`extra.handbook` of a loaded configuration, checked."""
    own = (config.get("extra") or {}).get("handbook") or {}
    if not isinstance(own, Mapping) or set(own) - set(SETTINGS):
        allowed = ", ".join(SETTINGS)
        raise ConfigError(f"mkdocs.yml, extra.handbook: alleen {allowed} zijn instellingen van het handboek")
    return Settings(
        pdf=pdf_mode(_text(own.get("pdf"))),
        pdf_cache=pdf_cache(_text(own.get("pdf_cache")), root(config)),
        published_url=_text(own.get("published_url")) or "",
        redactie=_address(own.get("redactie")),
    )


def _address(value: object) -> str:
    try:
        return editors_address(_text(value))
    except ValueError as error:
        raise ConfigError(f"mkdocs.yml, extra.handbook.redactie: {error}") from None


def options(config: Mapping[str, Any], serving: bool = False) -> Options:
    """The `Options` of a build of the loaded configuration `config`; `serving`: a preview of `serve`.

    `serve` replaces site_url with its own local address; printed in the PDFs
    that address would change every cache key and show 127.0.0.1 to whoever
    opens the PDF. A preview prints what a build prints: `published_url`, or no address.
    """
    own = settings(config)
    nav = config.get("nav")
    return Options(
        records=root(config) / "werkvormen",
        site_name=config.get("site_name") or Options.site_name,
        site_url=own.published_url if serving else config.get("site_url") or "",
        edit_url=(config.get("extra") or {}).get("edit_url") or "",
        editors=own.redactie,
        pdf=own.pdf,
        pdf_cache=own.pdf_cache,
        nav=tuple(nav) if nav else None,
    )


def root(config: Mapping[str, Any]) -> Path:
    """The project's folder: the one that holds the configuration file."""
    return Path(config["config_file_path"]).parent


def pdf_mode(value: str | None) -> PdfMode:
    """extra.handbook.pdf (HANDBOOK_PDF) as a mode: 'all' (default), 'records' (not the whole book) or 'off'.

    HANDBOOK_PDF=0 is a quick preview without PDFs; `make serve` uses
    'records', because the whole handbook takes seconds to render and would
    make every edit wait.
    """
    value = (value or "all").strip().lower()
    if value in ("0", "off", "false", "no", "nee", "uit"):
        return "off"
    return "records" if value in ("records", "checklists") else "all"


def pdf_cache(value: str | None, project: Path) -> Path:
    """Where PDFs are kept: `value` (HANDBOOK_CACHE), relative to the project's folder, or project/.cache/pdf/."""
    return project / value if value else project / ".cache" / "pdf"


def _text(value: object) -> str | None:
    return None if value is None else str(value)
