"""Where the generated pages and PDFs live on the site: one place for every path the package writes."""

from __future__ import annotations

from importlib.resources import files

CATALOGUE = "werkvormen/index.md"
MATRIX = "werkvormen/overzicht.md"
CHECKLISTS = "checklists/index.md"
SOURCES = "bronnen.md"
PRIVACY = "privacy.md"  # hand-written in docs/: privacy, consent and anonymity, once for every werkvorm
VOCABULARY = "vaste-lijsten.md"
DOWNLOADS = "downloads/index.md"
BOOK_PDF = "downloads/handboek-werkvormen-jeugd.pdf"
PRINT_CSS = "assets/stylesheets/druk.css"  # the PDFs' print rules, for the browser's print of the programme
PROGRAMME = "programma.md"  # "Mijn programma": the reader's own plan, kept in the browser (handbook.site.programme)

# the package's own fonts (Atkinson Hyperlegible): served by the site, embedded in every PDF
FONTS = files("handbook").joinpath("fonts")

GENERATED = frozenset({CATALOGUE, MATRIX, CHECKLISTS, SOURCES, VOCABULARY, DOWNLOADS, PROGRAMME})


def page(folder: str, slug: str) -> str:
    """A record's page in the docs tree: werkvormen/leerhuis.md."""
    return f"{folder}/{slug}.md"


def url(page: str) -> str:
    """Where a page in the docs tree is served (directory URLs): werkvormen/leerhuis.md -> werkvormen/leerhuis/."""
    stem = page.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem
    return f"{stem}/" if stem and not stem.endswith("/") else stem


def pdf(slug: str) -> str:
    """A record's checklist PDF on the site."""
    return f"downloads/checklist-{slug}.pdf"


def relative(path: str, origin: str) -> str:
    """The link from the page `origin` to `path`, both in the docs tree: what `posixpath.relpath` gives.

    relpath asks the operating system for the working folder on every call,
    and the pages make some ten links per werkvorm.
    """
    target = path.split("/")
    start = [part for part in origin.split("/")[:-1] if part not in ("", ".")]
    common = 0
    while common < min(len(target), len(start)) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
