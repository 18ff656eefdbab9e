"""MkDocs hooks: a thin adapter over the `handbook` package.

Records are loaded and checked, and PDFs made, in on_config: before MkDocs
cleans or writes anything, so a bad record stops the build with every
problem listed and the old site untouched.
"""

from __future__ import annotations

import calendar
import json
import logging
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import handbook
from handbook import assets, navigation, pages, pdfs, printing, search

log = logging.getLogger("mkdocs.hooks.handbook")
NAV_LIMIT = 40  # past this many, the sidebar stops listing every werkvorm
_state: dict[str, object] = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        book = handbook.load(root / "werkvormen")
        search.synonym_groups()  # the shared list editors keep, checked before anything is made
    except handbook.RecordError as error:
        raise PluginError(error.report()) from None
    except search.SynonymError as error:
        raise PluginError(str(error)) from None
    # dates in the site (sitemap) come from the records, not the clock: two builds give the same bytes
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(calendar.timegm(book.reviewed.timetuple())))
    made = _pdfs(book, config, root)
    _state["pdfs"] = made
    _state["pages"] = pages.render(book, {pdf.path: len(pdf.content) for pdf in made}, config.extra.get("edit_url"))
    _state["root"] = root
    _state["book"] = book
    _state["files"] = assets.site_files(book, root / "werkvormen")
    if config.nav:
        config.nav = navigation.expand(config.nav, book, NAV_LIMIT)
    return config


def _pdfs(book, config, root: Path) -> list[pdfs.Pdf]:
    mode = pdfs.mode()
    if mode == "off":
        log.info("PDF's staan uit (HANDBOOK_PDF=0)")
        return []
    site = printing.Site(name=config.site_name, url=(config.site_url or "").rstrip("/"))
    cache = Path(os.environ.get("HANDBOOK_CACHE") or root / ".cache" / "pdf")
    start = time.monotonic()
    made = pdfs.build_all(printing.jobs(book, site), cache, whole_book=mode == "all")
    rendered = sum(pdf.rendered for pdf in made)
    log.info(f"PDF's: {rendered} gemaakt, {len(made) - rendered} uit de cache ({time.monotonic() - start:.1f} s)")
    return made


def on_files(files, config):
    generated = [File.generated(config, path, content=text) for path, text in _state["pages"].items()]
    generated += [File.generated(config, pdf.path, content=pdf.content) for pdf in _state["pdfs"]]
    generated += [File.generated(config, path, content=data) for path, data in _state["files"].items()]
    for file in generated:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning(f"docs/{file.src_uri} wordt overschreven door een gegenereerd bestand")
            files.remove(existing)
        files.append(file)
    return files


def on_page_markdown(markdown, page, config, files):
    """Material's edit button opens the record's YAML file, not the generated Markdown."""
    page.edit_url = page.meta.get("bewerk")
    return markdown


def on_post_build(config):
    """Add other names, accent-free words and page weights to the index Material's search wrote."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = search.enrich(json.loads(path.read_text(encoding="utf-8")), _state["book"])
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_serve(server, config, builder):
    server.watch(str(_state["root"] / "werkvormen"))
    return server
