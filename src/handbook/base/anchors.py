"""The ids a heading from record text may not take: the theme's, our scripts', and our own link targets.

Record text may hold Markdown headings, and the engine gives each heading an
id from its text. `## __config` would then take the id of the element from
which Material's script reads its configuration (search dead on that page),
`## filters` the id the catalogue script looks for, and a heading "Hoe
organiseer je het" above the steps the id the page's own "stappen" link
points to. So:

- the fixed headings of a record's page carry explicit ids in the templates
  (the engine never gives an explicit id to another heading: a record
  heading with the same text gets `_1`);
- a heading whose id would be reserved here gets the namespace `kop-`
  (`kop-__config`), decided before the engine makes the table of contents,
  so the permalink and the contents link agree (`sanitize.ReservedIds`).
"""

from __future__ import annotations

NAMESPACE = "kop-"
# Material's own elements (__config, __search, __drawer, __toc, __palette_0, __consent, __codelineno...)
THEME_PREFIX = "__"
# ids our templates and scripts give elements and look up (catalogue filters, the proposal form)
SCRIPT_PREFIXES = ("hb-", "filter-")
SCRIPT_IDS = frozenset({"filters"})


def reserved(anchor: str) -> bool:
    """Whether a heading made from text may not take this id."""
    return anchor.startswith((THEME_PREFIX, *SCRIPT_PREFIXES)) or anchor in SCRIPT_IDS


def namespaced(anchor: str, taken: set[str]) -> str:
    """`kop-` + the id, numbered like the engine numbers repeats (`kop-filters_1`) when already taken."""
    candidate, number = NAMESPACE + anchor, 0
    while candidate in taken:
        number += 1
        candidate = f"{NAMESPACE}{anchor}_{number}"
    return candidate
