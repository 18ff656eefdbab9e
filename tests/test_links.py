"""Every internal link, anchor and download in the built site resolves."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from helpers import SITE_URL, soup

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}


def targets(html: Path):
    page = soup(html)
    for tag, attribute in ATTRIBUTES.items():
        for element in page.find_all(tag):
            value = element.get(attribute)
            if value:
                yield value


@cache
def ids(html: Path) -> frozenset[str]:
    return frozenset(element["id"] for element in soup(html).find_all(id=True))


def resolve(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    """The file a link points to (None: another host), and its #fragment."""
    if link.startswith(SITE_URL):
        link = "/" + link[len(SITE_URL) :]
    parsed = urlparse(link)
    if parsed.scheme or parsed.netloc:
        return None, ""
    path = unquote(parsed.path)
    if not path:
        return page, parsed.fragment
    target = (site / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
    target = target.resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, parsed.fragment


def test_every_internal_link_anchor_and_download_resolves(site):
    dangling = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        for link in targets(page):
            if link.startswith(("mailto:", "#__")):
                continue
            target, fragment = resolve(site, page, link)
            if target is None:
                continue
            where = f"{page.relative_to(site)} -> {link}"
            if not target.is_file():
                dangling.append(where)
            elif fragment and target.suffix == ".html" and fragment not in ids(target):
                dangling.append(where + " (no such anchor)")
    assert len(pages) > 20
    assert dangling == []
