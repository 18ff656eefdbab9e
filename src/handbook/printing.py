"""The print HTML behind every PDF: our own templates and CSS, not Material's page HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import jinja2
from markupsafe import Markup

from . import paths, sanitize, text
from .collection import Entry, Handbook
from .paths import HANDBOOK_PDF
from .vocabulary import ROLES


@dataclass(frozen=True)
class Site:
    """What a PDF says about the site it belongs to."""

    name: str = "Handboek werkvormen jeugd"
    url: str = ""  # site_url, without trailing slash; empty when not configured


@dataclass(frozen=True)
class PrintJob:
    """One PDF to make: where it goes on the site, its title, and its HTML."""

    path: str
    title: str
    html: str
    date: dt.date  # the newest review date of what it holds; stamped into the PDF instead of the clock


def pdf_path(entry: Entry) -> str:
    """Where an entry's checklist PDF lives on the site."""
    return paths.pdf(entry.slug)


def jobs(handbook: Handbook, site: Site, whole_book: bool = True) -> list[PrintJob]:
    """Every PDF of the handbook: a checklist per werkvorm, per tip checklist, and (when `whole_book`) the whole book.

    The whole book's HTML is as big as all the others together: a build that
    does not make that PDF (`HANDBOOK_PDF=records`) does not render it either.
    """
    result = []
    for entry in handbook.werkvormen:
        title = checklist_title(entry)
        html = _render(
            "print/werkvorm.html.j2",
            site,
            entry.record.laatst_herzien,
            title=title,
            description=entry.record.samenvatting,
            keywords=entry.record.themas,
            entry=entry,
            r=entry.record,
            body_class="single",
        )
        result.append(PrintJob(pdf_path(entry), title, html, entry.record.laatst_herzien))
    for entry in handbook.checklists:
        html = _render(
            "print/checklist.html.j2",
            site,
            entry.record.laatst_herzien,
            title=entry.record.titel,
            description=entry.record.samenvatting,
            keywords=[],
            entry=entry,
            r=entry.record,
            body_class="single",
        )
        result.append(PrintJob(pdf_path(entry), entry.record.titel, html, entry.record.laatst_herzien))
    if not whole_book:
        return result
    html = _render(
        "print/handbook.html.j2",
        site,
        handbook.reviewed,
        title=site.name,
        description="Alle werkvormen en checklists van het handboek.",
        keywords=[],
        werkvormen=handbook.werkvormen,
        checklists=handbook.checklists,
        body_class="handbook",
    )
    result.append(PrintJob(HANDBOOK_PDF, site.name, html, handbook.reviewed))
    return result


def checklist_title(entry: Entry) -> str:
    """The title of a werkvorm's checklist PDF: its steps and points of attention to tick off."""
    return f"Checklist {entry.record.titel}"


def stylesheet() -> str:
    return files("handbook").joinpath("templates/print/print.css").read_text(encoding="utf-8")


def _render(template: str, site: Site, date: dt.date, **context) -> str:
    return _env().get_template(template).render(site=site, date=date, **context)


@lru_cache(maxsize=1 << 16)
def _markdown(value: str) -> Markup:
    """Record text as sanitised HTML for print: raw HTML made inert, addresses checked after parsing.

    Kept per text for the life of the process: the whole book prints every
    record's text again, and `serve` prints every unchanged record again on
    each rebuild; the same text always gives the same HTML.
    """
    return Markup(sanitize.render_for_print(text.md(value)))


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(markdown=_markdown, sentence=text.sentence, role=ROLES.get)
    env.globals.update(
        duration=text.duration,
        span=text.span,
        dutch_date=text.dutch_date,
        page_url=lambda entry: f"/{entry.folder}/{entry.slug}/",
    )
    return env
