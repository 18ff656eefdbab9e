"""Write a complete site source that any engine builds without our hooks.

`export(project, out, env)` writes into `out`:

- `mkdocs.yml`: the project's config without `hooks:`, with the navigation
  expanded and the addresses from the environment filled in;
- `docs/`: the hand-written pages and every generated page (with its PDF and
  edit links), the PDFs, fonts, schema and blank record;
- `overrides/`: the theme overrides (the edit button reads page metadata).

MkDocs, ProperDocs and Zensical build the full handbook from it. The folder
is updated in place: a file is written only when its bytes change and files
that are no longer part of the export are removed, so a server watching the
folder keeps working.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import build, docsdir
from .problems import RecordError

MANAGED = ("docs", "overrides")  # the folders export owns in `out`; anything else there is left alone
HEADER = (
    "# Written by `python -m handbook export`; do not edit, export again.\n"
    "# Build with `properdocs build`, `mkdocs build` or `zensical build`: no hooks needed.\n"
)


@dataclass(frozen=True)
class Summary:
    written: int  # files created or changed
    unchanged: int
    removed: int  # files no longer part of the export
    pdfs: int


def export(project: Path, out: Path, env: Mapping[str, str]) -> Summary:
    """Export the project whose config is `project/mkdocs.yml` into `out`.

    `env` supplies what the config reads from the environment (HANDBOOK_SITE_URL,
    HANDBOOK_EDIT_URL) and what the hooks read (HANDBOOK_PDF, HANDBOOK_CACHE).
    Raises RecordError when a record is wrong, before anything is written.
    """
    project, out = Path(project), Path(out)
    config = read_config(project / "mkdocs.yml", env)
    docs = project / config.get("docs_dir", "docs")
    overrides = config.get("theme", {}).get("custom_dir")
    extra = dict(config.get("extra") or {})
    refused = docsdir.check(docs, project, docsdir.config_markdown(config))  # as the hooks check it
    if refused:
        raise RecordError(refused)
    result = build.build(
        build.Options(
            records=project / "werkvormen",
            site_name=config["site_name"],
            site_url=config.get("site_url") or "",
            edit_url=extra.pop("edit_url", None) or "",
            pdf=build.pdf_mode(env.get("HANDBOOK_PDF")),
            pdf_cache=build.pdf_cache(env.get("HANDBOOK_CACHE"), project),
            nav=tuple(config["nav"]) if config.get("nav") else None,
        )
    )
    files = {f"docs/{path}": data for path, data in _tree(docs).items()}
    files.update({f"docs/{path}": data for path, data in result.outputs().items()})
    if overrides:
        files.update({f"overrides/{path}": data for path, data in _tree(project / overrides).items()})
    files["mkdocs.yml"] = HEADER.encode() + _exported_config(config, extra, result.nav, bool(overrides))
    written, unchanged, removed = sync(out, files)
    return Summary(written, unchanged, removed, len(result.pdfs))


def read_config(path: Path, env: Mapping[str, str]) -> dict:
    """mkdocs.yml as plain data, with `!ENV [NAME, ..., default]` resolved from `env` as MkDocs does."""

    class Loader(yaml.SafeLoader):
        pass

    def from_env(loader: yaml.SafeLoader, node: yaml.Node):
        values: list = (
            [loader.construct_scalar(node)]
            if isinstance(node, yaml.ScalarNode)
            else [loader.construct_object(child) for child in node.value]
        )
        *variables, default = values if len(values) > 1 else [*values, None]  # the default keeps its type: null
        return next((env[str(name)] for name in variables if name and env.get(str(name))), default)

    Loader.add_constructor("!ENV", from_env)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _exported_config(config: dict, extra: dict, nav: list | None, overrides: bool) -> bytes:
    exported = {key: value for key, value in config.items() if key not in ("hooks", "docs_dir", "site_dir")}
    if not exported.get("site_url"):
        exported.pop("site_url", None)
    exported["extra"] = extra  # without edit_url: each generated page carries its own edit link
    if overrides:
        exported["theme"] = {**exported["theme"], "custom_dir": "overrides"}
    if nav is not None:
        exported["nav"] = nav
    return yaml.safe_dump(exported, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


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
