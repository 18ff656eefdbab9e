"""The whole pipeline in one call: records and options in, everything a build needs out.

The MkDocs hooks, `python -m handbook export` and the benchmark all call
`build()` with the `Options` that `handbook.configuration.options` makes from
the loaded mkdocs.yml, so the package reads no settings from the environment
and two callers with the same configuration get the same result.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from handbook.printing import jobs as printing
from handbook.printing import pdfs
from handbook.records.collection import Handbook
from handbook.search import index as search
from handbook.site import assets, navigation, pages
from handbook.site.linkcheck import load
from handbook.site.navigation import NavItem

PdfMode = Literal["all", "records", "off"]
NAV_LIMIT = 40  # past this many werkvormen the sidebar stops listing each one (see navigation.py)


@dataclass(frozen=True)
class Options:
    """What a build is made from besides the records."""

    records: Path  # the werkvormen/ folder
    site_name: str = "Handboek werkvormen jeugd"
    site_url: str = ""  # where the site is published; printed in every PDF's footer
    edit_url: str = ""  # the repository's web editor (…/edit/main/); each record's page links to its file there
    editors: str = ""  # the editorial team's e-mail address (extra.handbook.redactie); the form offers it when set
    pdf: PdfMode = "all"
    pdf_cache: Path | None = None  # where rendered PDFs are kept between builds; None: render every time
    nav: tuple[NavItem, ...] | None = None  # the configured navigation, to be expanded; None: no nav
    nav_limit: int = NAV_LIMIT


@dataclass(frozen=True)
class Build:
    """Everything one build of the handbook consists of, keyed by path on the site (docs tree)."""

    handbook: Handbook
    pages: dict[str, str]  # generated Markdown pages
    files: dict[str, bytes]  # fonts, schema, blank record
    pdfs: list[pdfs.Pdf]
    nav: list[NavItem] | None
    source_date_epoch: int  # the newest review date as seconds since 1970: the date the engine stamps (sitemap)

    def outputs(self) -> dict[str, bytes]:
        """Every generated file with its bytes: pages, PDFs and other files."""
        result = {path: text.encode("utf-8") for path, text in self.pages.items()}
        result.update((pdf.path, pdf.content) for pdf in self.pdfs)
        result.update(self.files)
        return result


_ADDRESS = re.compile(r"[^@\s<>()\[\]\\,;:\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def editors_address(value: str | None) -> str:
    """The editorial team's e-mail address as configured ("" when none); ValueError, in Dutch, when it is not one."""
    text = (value or "").strip()
    if text and not _ADDRESS.fullmatch(text):
        raise ValueError(f"'{text}' is geen e-mailadres; schrijf het als naam@voorbeeld.nl, of laat het leeg")
    return text


def make(options: Options) -> Build:
    """Load and check the records, then make every page, file and PDF, and the navigation.

    Raises RecordError (before anything is made) when a record is wrong.
    """
    book = load(options.records)
    search.synonym_groups()  # the shared list editors keep, checked before anything is made
    made = _pdfs(book, options)
    sizes = {pdf.path: len(pdf.content) for pdf in made}
    return Build(
        handbook=book,
        pages=pages.render(book, sizes, options.edit_url or None, options.editors or None, _site(options)),
        files=assets.site_files(book, options.records, options.site_url or None),
        pdfs=made,
        nav=navigation.expand(list(options.nav), book, options.nav_limit) if options.nav else None,
        source_date_epoch=calendar.timegm(book.reviewed.timetuple()),
    )


def _pdfs(book: Handbook, options: Options) -> list[pdfs.Pdf]:
    if options.pdf == "off":
        return []
    site = _site(options)
    whole_book = options.pdf == "all"
    return pdfs.build_all(printing.jobs(book, site, whole_book=whole_book), options.pdf_cache, whole_book=whole_book)


def _site(options: Options) -> printing.Site:
    return printing.Site(name=options.site_name, url=options.site_url.rstrip("/"))
