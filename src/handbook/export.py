"""Write a complete site source that any engine builds without our hooks.

`export(config_file, out)` writes into `out`:

- `mkdocs.yml`: the project's config (read as the engine reads it: `!ENV`
  from the environment, `INHERIT` merged) without `hooks:` and without the
  handbook's own settings, with the navigation expanded;
- `docs/`: the hand-written pages and every generated page (with its PDF and
  edit links), the PDFs, fonts, schema and blank record;
- `overrides/`: the theme overrides (the edit button reads page metadata);
- `zensical.yml` and `overrides-zensical/`: the same site for Zensical, with
  its own search box and Content-Security-Policy (`overrides-zensical/` in
  the project holds only what differs from `overrides/`).

MkDocs, ProperDocs and Zensical build the full handbook from it. The folder
is updated in place: a file is written only when its bytes change and files
that are no longer part of the export are removed, so a server watching the
folder keeps working.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook import build, configuration
from handbook.base.problems import RecordError
from handbook.trust import docsdir

ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_OVERRIDES = "overrides-zensical"  # in the project: only the files that differ for Zensical
# Material 9.8's own markup, replaced for Material only; Zensical keeps its own (its search box differs)
MATERIAL_ONLY = frozenset({"partials/search.html"})
MANAGED = ("docs", "overrides", ZENSICAL_OVERRIDES)  # the folders export owns in `out`; the rest is left alone
HEADER = (
    "# Written by `python -m handbook export`; do not edit, export again.\n"
    "# Build with `properdocs build` or `mkdocs build` (Material for MkDocs): no hooks needed.\n"
    f"# Zensical builds {ZENSICAL_CONFIG}, the same site with its own overrides.\n"
)
ZENSICAL_HEADER = (
    "# Written by `python -m handbook export`; do not edit, export again.\n"
    f"# Build with `zensical build -f {ZENSICAL_CONFIG}`: mkdocs.yml's site, with {ZENSICAL_OVERRIDES}/\n"
    "# and no palette.\n"
)


@dataclass(frozen=True)
class Summary:
    written: int  # files created or changed
    unchanged: int
    removed: int  # files no longer part of the export
    pdfs: int


def export(config_file: Path, out: Path) -> Summary:
    """Export the project whose configuration is `config_file` (its mkdocs.yml) into `out`.

    The build is made with the same `Options` as the hooks make (handbook.configuration).
    Raises RecordError when a record is wrong, before anything is written.
    """
    config = configuration.read(config_file)
    project, out = configuration.root(config), Path(out)
    docs = project / config.get("docs_dir", "docs")
    overrides = config.get("theme", {}).get("custom_dir")
    extra = dict(config.get("extra") or {})
    extra.pop("handbook", None)  # the hooks' own settings, read by configuration.options
    extra.pop("edit_url", None)  # each generated page carries its own edit link
    refused = docsdir.check(docs, project, docsdir.config_markdown(config))  # as the hooks check it
    if refused:
        raise RecordError(refused)
    result = build.make(configuration.options(config))
    files = {f"docs/{path}": data for path, data in _tree(docs).items()}
    files.update({f"docs/{path}": data for path, data in result.outputs().items()})
    if overrides:
        files.update({f"overrides/{path}": data for path, data in _tree(project / overrides).items()})
        files.update(_zensical_overrides(project, overrides))
    exported = _exported_config(config, extra, result.nav, bool(overrides))
    files["mkdocs.yml"] = HEADER.encode() + _dump(exported)
    reviewed = dt.datetime.fromtimestamp(result.source_date_epoch, dt.UTC).strftime("%Y-%m-%d")
    files[ZENSICAL_CONFIG] = ZENSICAL_HEADER.encode() + _dump(_zensical_config(exported, reviewed))
    written, unchanged, removed = sync(out, files)
    return Summary(written, unchanged, removed, len(result.pdfs))


def _exported_config(config: dict, extra: dict, nav: list | None, overrides: bool) -> dict:
    exported = {
        key: value for key, value in config.items() if key not in ("hooks", "docs_dir", "site_dir", "config_file_path")
    }
    if not exported.get("site_url"):
        exported.pop("site_url", None)
    exported["extra"] = extra  # without edit_url: each generated page carries its own edit link
    # our own extensions (handbook.trust.sanitize) need our package; the exported pages are already safe without them
    exported["markdown_extensions"] = [
        item for item in exported.get("markdown_extensions", []) if not _extension_name(item).startswith("handbook.")
    ]
    if overrides:
        exported["theme"] = {**exported["theme"], "custom_dir": "overrides"}
    if nav is not None:
        exported["nav"] = nav
    return exported


def _zensical_config(exported: dict, reviewed: str) -> dict:
    """The same site for Zensical: its own overrides (no Material partials) and no palette.

    Zensical writes an inline colour-scheme script for any `palette`, which the
    Content-Security-Policy refuses; our stylesheet sets the colours itself.
    `reviewed` (the newest review date) is the sitemap's date, which the hooks
    give Material's sitemap (overrides-zensical/sitemap.xml reads it).
    """
    theme = {key: value for key, value in exported["theme"].items() if key != "palette"}
    if "custom_dir" in theme:
        theme["custom_dir"] = ZENSICAL_OVERRIDES
    return {**exported, "theme": theme, "extra": {**exported["extra"], "laatst_herzien": reviewed}}


def _zensical_overrides(project: Path, overrides: str) -> dict[str, bytes]:
    """The shared overrides without Material's own markup, with Zensical's files (overrides-zensical/) laid over."""
    shared = {path: data for path, data in _tree(project / overrides).items() if path not in MATERIAL_ONLY}
    shared.update(_tree(project / ZENSICAL_OVERRIDES) if (project / ZENSICAL_OVERRIDES).is_dir() else {})
    return {f"{ZENSICAL_OVERRIDES}/{path}": data for path, data in shared.items()}


def _dump(config: dict) -> bytes:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def _extension_name(item: str | dict) -> str:
    return item if isinstance(item, str) else next(iter(item))


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by its path relative to it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


def sync(out: Path, files: dict[str, bytes]) -> tuple[int, int, int]:
    """Make `out` hold `files`: write what changed, remove what is gone from the managed folders.

    Never removes the folder itself, so a server watching it keeps its watch.
    """
    written = unchanged = removed = 0
    for path, data in files.items():
        target = out / path
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    for folder in MANAGED:
        root = out / folder
        if not root.is_dir():
            continue
        for existing in sorted(root.rglob("*"), reverse=True):  # children before their folders
            if existing.is_file() and existing.relative_to(out).as_posix() not in files:
                existing.unlink()
                removed += 1
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    return written, unchanged, removed
