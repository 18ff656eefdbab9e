"""The generated Markdown pages of the handbook, as {path in docs: text}."""

from __future__ import annotations

import json
from functools import cache

import jinja2

from handbook.base import paths, patterns, templating
from handbook.base.paths import (
    BOOK_PDF,
    CATALOGUE,
    CHECKLISTS,
    DOWNLOADS,
    MATRIX,
    PRIVACY,
    PROGRAMME,
    SOURCES,
    VOCABULARY,
)
from handbook.base.vocabulary import GOALS, ROLES, THEMES
from handbook.editing import form
from handbook.printing import jobs as printing
from handbook.records import facts, filters, text, views
from handbook.records.collection import Handbook
from handbook.records.entry import Entry
from handbook.search import index as search
from handbook.site import programme


def link(source: Entry | str, target: Entry | str) -> str:
    """A relative Markdown link from one page to another entry's page (or to a page path in docs)."""
    here = views.page_path(source) if isinstance(source, Entry) else source
    there = views.page_path(target) if isinstance(target, Entry) else target
    return paths.relative(there, here)


def render(
    handbook: Handbook,
    pdf_sizes: dict[str, int] | None = None,
    edit_url: str | None = None,
    editors: str | None = None,
    site: printing.Site | None = None,
) -> dict[str, str]:
    """Every generated page, keyed by its path in the docs tree.

    `pdf_sizes` maps each PDF that the build makes to its size in bytes; pages
    offer a download only for those, so a build without PDFs has no dead links.
    `edit_url` is the repository's web editor; each record's page links to its file there.
    `editors` is the editorial team's e-mail address: the form offers to send a proposal there.
    `site` is what the printed programme's meeting sheets say about the site (as in the PDFs).
    """
    env, sizes = _markdown_templates(), pdf_sizes or {}

    def pdf(here: Entry | str, target: Entry | str) -> views.Download | None:
        return views.download(sizes, here, target)

    def page(template: str, **context) -> str:
        entry = context.get("entry")
        edit = f"{edit_url.rstrip('/')}/{entry.source}" if edit_url and entry else None
        return env.get_template(template).render(pdf=pdf, edit=edit, **context)

    answers = {e.slug: filters.keys(e.record) for e in handbook.werkvormen}  # once per werkvorm, for cards and filters
    pages = {
        CATALOGUE: page(
            "catalogue.md.j2",
            here=CATALOGUE,
            werkvormen=handbook.werkvormen,
            answers=answers,
            filters=filters.offered_for(list(answers.values())),
            families=views.families(handbook),
        ),
        PROGRAMME: page(
            "programme.md.j2",
            data=programme.data(handbook),
            labels=programme.LABELS,
            catalogue=paths.relative(paths.url(CATALOGUE), paths.url(PROGRAMME)),
            print_css=paths.PRINT_CSS,
            sheets=printing.meeting_sheets(handbook, site or printing.Site()),
        ),
        MATRIX: page("matrix.md.j2", werkvormen=handbook.werkvormen, perspectives=views.perspectives(handbook)),
        CHECKLISTS: page("checklists.md.j2", checklists=handbook.checklists, page=CHECKLISTS),
        SOURCES: page(
            "sources-page.md.j2", sources=[(key, source, handbook.users(key)) for key, source in handbook.sources]
        ),
        DOWNLOADS: page(
            "downloads.md.j2",
            page=DOWNLOADS,
            werkvormen=handbook.werkvormen,
            checklists=handbook.checklists,
            book=BOOK_PDF,
            enabled=bool(pdf_sizes),
        ),
        form.PAGE: page(
            "proposal.md.j2",
            attributes=form.attributes(edit_url, handbook, editors),
            werkvormen=handbook.werkvormen,
            repo=form.repository(edit_url),
            editors=editors,
        ),
        VOCABULARY: page(
            "vocabulary.md.j2",
            lists=[("Rollen", "voor_wie", ROLES), ("Thema's", "themas", THEMES), ("Doelen", "doelen", GOALS)],
            synonyms=search.synonym_groups(),
            synonyms_file=search.SYNONYMS_FILE,
        ),
    }
    for entry in handbook.entries:
        template = "checklist.md.j2" if entry.is_checklist else "werkvorm.md.j2"
        credits = [(ref, handbook.source(ref.bron)) for ref in entry.record.bronnen]
        pages[views.page_path(entry)] = page(
            template,
            entry=entry,
            r=entry.record,
            related=handbook.related(entry),
            credits=credits,
            named=handbook.get,
            licence=views.licence(entry, handbook),
        )
    return pages


@cache
def anchor_id(key: str) -> str:
    """A key as an id in Markdown attribute syntax (`{: #key }`): only a slug, never markup.

    `check` refuses every file name that is not a slug; should one reach a template anyway, the
    build stops here rather than write `} <meta ...> {: #` into a page.
    """
    if not patterns.is_slug(key):
        raise ValueError(f"{key!r} is geen geldige naam voor een anker")
    return key


def _markdown_templates() -> jinja2.Environment:
    # these templates write Markdown, nothing escaped: record text goes through the `md` filter
    env = templating.environment(autoescape=False, keep_trailing_newline=True)
    env.filters.update(
        md=text.md,
        md_line=text.md_line,
        yaml_str=text.yaml_str,
        html_title=text.html_title,
        enumerate_nl=text.enumerate_nl,
        sentence=text.sentence,
        indent_md=text.indent,
        anchor_id=anchor_id,
        role=ROLES.get,
        theme=THEMES.get,
        goal=GOALS.get,
    )
    env.globals.update(views.layout_helpers())
    env.globals.update(
        roles=ROLES,
        link=link,
        link_from_root=lambda entry: link(SOURCES, entry),
        card_facts=facts.card,
        first_facts=facts.first_screen,
        more_facts=facts.more,
        guidelines=facts.guidelines,
        SOURCES=SOURCES,
        FORM=form.PAGE,
        PRIVACY=PRIVACY,
        reuse=views.reuse,
        related_heading=views.related_heading,
        alternative=views.alternative,
        search_words=search.page_words,  # for engines that run no hook (export): see search.page_words
        programme_labels=programme.LABELS,
        programme_texts=json.dumps(programme.LABELS, ensure_ascii=False),
        programme_url=programme.page_url,
        page_path=views.page_path,
    )
    return env
