"""The site navigation: index pages grow a list of their entries while the list is short.

With a few dozen werkvormen a reader likes to see them all in the sidebar.
With hundreds, every page would carry the whole list (the site grows with
the square of the number of pages), so past `limit` only the catalogue and
its filters lead to them.
"""

from __future__ import annotations

from collections.abc import Sequence

from handbook.base.paths import CATALOGUE, CHECKLISTS
from handbook.records.collection import Handbook
from handbook.records.entry import Entry
from handbook.records.text import html_title
from handbook.records.views import page_path

NavItem = str | dict


def expand(nav: list[NavItem], handbook: Handbook, limit: int) -> list[NavItem]:
    """A copy of `nav` where the catalogue and checklist index become sections."""
    children: dict[str, Sequence[Entry]] = {CATALOGUE: handbook.werkvormen, CHECKLISTS: handbook.checklists}
    result: list[NavItem] = []
    for item in nav:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        entries = children.get(target) if isinstance(target, str) else None
        if entries is None or len(entries) > limit:
            result.append(item)
            continue
        pages = [{html_title(e.record.titel): page_path(e)} for e in entries]
        result.append({title or target: [target, *pages]})
    return result
