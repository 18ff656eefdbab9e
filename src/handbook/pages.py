"""The generated Markdown pages of the handbook, as {path in docs: text}."""

from __future__ import annotations

import posixpath
from functools import cache

import jinja2

from . import filters, paths, text
from .collection import Entry, Handbook
from .model import Source
from .paths import CATALOGUE, CHECKLISTS, DOWNLOADS, HANDBOOK_PDF, MATRIX, SOURCES, VOCABULARY
from .printing import pdf_path
from .vocabulary import GOALS, ROLES, THEMES

SHORT_ROLES = {
    "jeugdprofessional": "Prof",
    "student": "Stud",
    "docent": "Doc",
    "onderzoeker": "Onderz",
    "ervaringsdeskundige": "Ervar",
    "leidinggevende": "Leid",
}


def page_path(entry: Entry) -> str:
    """Where an entry's page lives in the docs tree."""
    return paths.page(entry.folder, entry.slug)


def link(source: Entry | str, target: Entry) -> str:
    """A relative Markdown link from one page to another entry's page."""
    here = page_path(source) if isinstance(source, Entry) else source
    return posixpath.relpath(page_path(target), posixpath.dirname(here) or ".")


def render(handbook: Handbook, pdf_sizes: dict[str, int] | None = None, edit_url: str | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path in the docs tree.

    `pdf_sizes` maps each PDF that the build makes to its size in bytes; pages
    offer a download only for those, so a build without PDFs has no dead links.
    `edit_url` is the repository's web editor; each record's page links to its file there.
    """
    env, pdf = _env(), _pdf_link(pdf_sizes or {})

    def page(template: str, **context) -> str:
        entry = context.get("entry")
        edit = f"{edit_url.rstrip('/')}/{entry.source}" if edit_url and entry else None
        return env.get_template(template).render(pdf=pdf, edit=edit, **context)

    pages = {
        CATALOGUE: page("catalogue.md.j2", werkvormen=handbook.werkvormen, filters=filters.FILTERS),
        MATRIX: page("matrix.md.j2", werkvormen=handbook.werkvormen, short=SHORT_ROLES),
        CHECKLISTS: page("checklists.md.j2", checklists=handbook.checklists, page=CHECKLISTS),
        SOURCES: page("sources-page.md.j2", sources=_sources(handbook)),
        DOWNLOADS: page(
            "downloads.md.j2",
            page=DOWNLOADS,
            werkvormen=handbook.werkvormen,
            checklists=handbook.checklists,
            book=HANDBOOK_PDF,
            enabled=bool(pdf_sizes),
        ),
        VOCABULARY: page(
            "vocabulary.md.j2",
            lists=[("Rollen", "voor_wie", ROLES), ("Thema's", "themas", THEMES), ("Doelen", "doelen", GOALS)],
        ),
    }
    for entry in handbook.entries:
        related = [handbook.get(slug) for slug in entry.record.verwant]
        template = "checklist.md.j2" if entry.is_checklist else "werkvorm.md.j2"
        pages[page_path(entry)] = page(template, entry=entry, r=entry.record, related=related)
    return pages


def _pdf_link(sizes: dict[str, int]):
    """A template helper: (link from `here`, size text) for an entry's PDF, or None when there is none."""

    def pdf(here: str | Entry, target: Entry | str) -> tuple[str, str] | None:
        path = target if isinstance(target, str) else pdf_path(target)
        if path not in sizes:
            return None
        origin = page_path(here) if isinstance(here, Entry) else here
        return posixpath.relpath(path, posixpath.dirname(origin) or "."), text.kilobytes(sizes[path])

    return pdf


def _sources(handbook: Handbook) -> list[tuple[Source, list[Entry]]]:
    """Each distinct source once, with the entries that credit it."""
    users: dict[tuple, tuple[Source, list[Entry]]] = {}
    for entry in handbook.entries:
        for source in entry.record.bronnen:
            key = (source.titel.casefold(), source.uitgever.casefold())
            users.setdefault(key, (source, []))[1].append(entry)
    return sorted(users.values(), key=lambda pair: pair[0].titel.casefold())


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # these templates write Markdown; record text goes through the `md` filter
    )
    env.filters.update(
        md=text.md,
        md_line=text.md_line,
        yaml_str=text.yaml_str,
        enumerate_nl=text.enumerate_nl,
        sentence=text.sentence,
        indent_md=text.indent,
        role=ROLES.get,
        theme=THEMES.get,
        goal=GOALS.get,
    )
    env.globals.update(
        roles=ROLES,
        duration=text.duration,
        span=text.span,
        dutch_date=text.dutch_date,
        link=link,
        link_from_root=lambda entry: link(SOURCES, entry),
        filter_keys=filters.keys,
    )
    return env
