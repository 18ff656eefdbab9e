"""The print HTML behind every PDF: our own templates and CSS, not Material's page HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import jinja2
from markupsafe import Markup

from handbook.base import paths, templating
from handbook.base.paths import BOOK_PDF
from handbook.base.vocabulary import ROLES
from handbook.records import text, views
from handbook.records.collection import Handbook
from handbook.records.entry import Entry
from handbook.trust import sanitize


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


def jobs(handbook: Handbook, site: Site, whole_book: bool = True) -> list[PrintJob]:
    """Every PDF of the handbook: a checklist per werkvorm, per tip checklist, and (when `whole_book`) the whole book.

    Without the whole book its print HTML is not even made: `serve` previews without that PDF.
    """
    result = []

    def credits(entry: Entry) -> list:
        return [handbook.source(ref.bron) for ref in entry.record.bronnen]

    def licence(entry: Entry) -> views.Licence:
        return views.licence(entry, handbook)

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
            credits=credits,
            licence=licence,
        )
        result.append(PrintJob(paths.pdf(entry.slug), title, html, entry.record.laatst_herzien))
    for checklist in handbook.checklists:
        html = _render(
            "print/checklist.html.j2",
            site,
            checklist.record.laatst_herzien,
            title=checklist.record.titel,
            description=checklist.record.samenvatting,
            keywords=[],
            entry=checklist,
            r=checklist.record,
            body_class="single",
            credits=credits,
            licence=licence,
        )
        result.append(
            PrintJob(paths.pdf(checklist.slug), checklist.record.titel, html, checklist.record.laatst_herzien)
        )
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
        credits=credits,
        licence=licence,
    )
    result.append(PrintJob(BOOK_PDF, site.name, html, handbook.reviewed))
    return result


def meeting_sheets(handbook: Handbook, site: Site) -> str:
    """Every record's meeting sheet as one HTML block, for the printed programme ("Mijn programma").

    The programme page holds them hidden; its script shows the chosen ones, in the programme's order,
    when the reader prints. The same templates as the PDFs: a werkvorm's checklist sheet with what it
    is, for whom and its sample programme; a checklist as in the handbook.
    """
    return (
        _html_templates()
        .get_template("print/meeting-sheets.html.j2")
        .render(
            site=site,
            date=handbook.reviewed,
            entries=handbook.entries,
            credits=lambda entry: [handbook.source(ref.bron) for ref in entry.record.bronnen],
            licence=lambda entry: views.licence(entry, handbook),
        )
    )


def browser_stylesheet() -> str:
    """The PDFs' print rules for a browser's print: without their font files (the site serves its own font).

    The rules a browser does not know (WeasyPrint's running footer, bookmarks) it skips; the page
    numbers in @page's margin boxes it prints.
    """
    kept = [line for line in stylesheet().splitlines() if not line.startswith("@font-face")]
    return "\n".join(kept).replace('"Atkinson"', '"Atkinson Hyperlegible"') + "\n"


def checklist_title(entry: Entry) -> str:
    """The title of a werkvorm's checklist PDF: its steps and points of attention to tick off."""
    return f"Checklist {entry.record.titel}"


def stylesheet() -> str:
    return files("handbook").joinpath("templates/print/print.css").read_text(encoding="utf-8")


def _render(template: str, site: Site, date: dt.date, **context) -> str:
    return _html_templates().get_template(template).render(site=site, date=date, **context)


@lru_cache(maxsize=1 << 16)
def _markdown(value: str) -> Markup:
    """Record text as sanitised HTML for print: raw HTML made inert, addresses checked after parsing.

    Kept per text for the life of the process: the whole book prints every
    record's text again, and `serve` prints every unchanged record again on
    each rebuild; the same text always gives the same HTML.
    """
    return Markup(sanitize.render_for_print(text.md(value)))


def _inline(value: str) -> Markup:
    """One line of record text (a tip, a point, an item) as the site shows it: Markdown, without a paragraph."""
    html = str(_markdown(value))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


@cache
def _html_templates() -> jinja2.Environment:
    env = templating.environment(autoescape=True, keep_trailing_newline=False)
    env.filters.update(markdown=_markdown, inline=_inline, sentence=text.sentence, role=ROLES.get)
    env.globals.update(views.layout_helpers(), page_url=lambda entry: f"/{entry.folder}/{entry.slug}/")
    return env
