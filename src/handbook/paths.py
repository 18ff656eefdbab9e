"""Where the generated pages and PDFs live on the site: one place for every path the package writes."""

from __future__ import annotations

CATALOGUE = "werkvormen/index.md"
MATRIX = "werkvormen/overzicht.md"
CHECKLISTS = "checklists/index.md"
SOURCES = "bronnen.md"
PRIVACY = "privacy.md"  # hand-written in docs/: privacy, consent and anonymity, once for every werkvorm
VOCABULARY = "vaste-lijsten.md"
DOWNLOADS = "downloads/index.md"
BOOK_PDF = "downloads/handboek-werkvormen-jeugd.pdf"

GENERATED = frozenset({CATALOGUE, MATRIX, CHECKLISTS, SOURCES, VOCABULARY, DOWNLOADS})


def page(folder: str, slug: str) -> str:
    """A record's page in the docs tree: werkvormen/leerhuis.md."""
    return f"{folder}/{slug}.md"


def pdf(slug: str) -> str:
    """A record's checklist PDF on the site."""
    return f"downloads/checklist-{slug}.pdf"
