"""Where a link inside the site may point: a file the site publishes, as the `--strict` build demands.

The engine checks every relative link of every page and fails a `--strict`
build on one that leads nowhere (`[x](x)`, `[x](../geen-pagina.md)`), after
`check` had passed. So `check` looks at the links of record text the same way:
the addresses Markdown makes of a text (`[x](<x>)` included), resolved from
the page the text lands on, must be a page or file of the site.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.base import paths
from handbook.records import text
from handbook.trust import sanitize


def hrefs(value: str) -> tuple[str, ...]:
    """The addresses of the links and images Markdown makes of a record text (entities decoded)."""
    if "[" not in value and "<" not in value:
        return ()
    return _hrefs(value)


@lru_cache(maxsize=4096)
def _hrefs(value: str) -> tuple[str, ...]:
    import markdown

    finder = _Links()
    finder.feed(markdown.markdown(value))
    finder.close()
    return tuple(finder.found)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("href", "src") and value]


def site_files(docs: Path, generated: Iterable[str]) -> frozenset[str]:
    """Every path the site publishes from docs/ and the generated pages and files (docs tree, posix)."""
    found = set(generated) | set(paths.GENERATED) | {paths.BOOK_PDF}
    if docs.is_dir():
        found |= {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file() and not p.is_symlink()}
    return frozenset(found)


def relative(value: str, page: str) -> list[tuple[str, str, str]]:
    """(address, target path, fragment) of each link inside the site in `value`, on the page `page`."""
    if "[" not in value and "<" not in value:  # no link without one of them: most texts
        return []
    found = []
    for address in hrefs(text.md(value)):
        if sanitize.scheme(address) is not None or address.startswith(("//", "\\")):
            continue  # another site: the link policy's business
        parts = urlsplit(address)
        path = unquote(parts.path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        found.append((address, target, unquote(parts.fragment)))
    return found


def broken(value: str, page: str, published: frozenset[str]) -> list[str]:
    """The addresses in `value`, on the page `page`, that lead to no file of the site."""
    return [address for address, target, _ in relative(value, page) if target not in published]


_FRONT = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# what makes ids on the site's pages: explicit ids, headings (with the reserved ones renamed), lists
_ID_EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc")


def ids(page_text: str) -> frozenset[str]:
    """The ids (and anchor names) of a Markdown page as the site's Markdown makes them."""
    import markdown

    converter = markdown.Markdown(extensions=[*_ID_EXTENSIONS, sanitize.SanitizeExtension()])
    finder = _Ids()
    finder.feed(converter.convert(_FRONT.sub("", page_text, count=1)))
    finder.close()
    return frozenset(finder.found)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.update(value for name, value in attrs if value and (name == "id" or (tag == "a" and name == "name")))


def anchor_message(address: str) -> str:
    return (
        f"de link '{address}' wijst naar een plek (na #) die er op die pagina niet is; "
        "kijk hoe de kop heet waar je naartoe wilt linken, of laat het deel na # weg"
    )


def message(address: str) -> str:
    return (
        f"de link '{address}' leidt naar geen pagina van de site; link naar een pagina van het handboek "
        "(zoals ../privacy.md) of naar een webadres dat begint met https://"
    )
