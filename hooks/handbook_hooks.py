"""MkDocs hooks: a thin adapter over the `handbook` package.

The records are loaded and checked in on_config, before MkDocs cleans or
writes anything, so a bad record stops the build with every problem listed
and the old site untouched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import handbook
from handbook import navigation, pages

log = logging.getLogger("mkdocs.hooks.handbook")
NAV_LIMIT = 40  # past this many, the sidebar stops listing every werkvorm
_state: dict[str, object] = {}


def _records_dir(config) -> Path:
    return Path(config.config_file_path).parent / "werkvormen"


def on_config(config):
    try:
        book = handbook.load(_records_dir(config))
    except handbook.RecordError as error:
        raise PluginError(error.report()) from None
    _state["pages"] = pages.render(book)
    if config.nav:
        config.nav = navigation.expand(config.nav, book, NAV_LIMIT)
    return config


def on_files(files, config):
    for path, markdown in _state["pages"].items():
        if files.get_file_from_path(path) is not None:
            log.warning(f"docs/{path} wordt overschreven door een gegenereerde pagina")
            files.remove(files.get_file_from_path(path))
        files.append(File.generated(config, path, content=markdown))
    return files


def on_serve(server, config, builder):
    server.watch(str(_records_dir(config)))
    return server
