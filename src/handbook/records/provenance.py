"""Where reader text may point: only to addresses that a source gives.

A record may not publish a web address of its own making: every address in a
werkvorm or checklist must be one that a source record in werkvormen/bronnen/
holds (its `url`, or an address its `over` quotes from the source). The source
records are where an address from a source is written down, and checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from ada_url import URL

from . import links, text
from .model import Source

T = TypeVar("T")

# An address as written in text: a scheme with any slashes (browsers read `https:\\x`, `https:/\x` and
# `https:x` as https://x/), or www. Tabs and line breaks inside one never stand in a Markdown link.
ADDRESS = re.compile(r"(?:https?:[/\\]*|www\.)[^\s<>()\[\]\"'`]{1,500}", re.IGNORECASE)
_LINKISH = ("[", "<", "&")  # a text that may hold a link whose address the pattern cannot see


def addresses(value: str) -> list[str]:
    """Every web address in a text, without trailing punctuation: as written, and as links point after parsing.

    A link's address is taken from the HTML Markdown makes of the text (entities decoded, as a
    browser reads them), so `[x](https&#58;//elders.example)` is an address too.
    """
    found = [match.rstrip(".,;:!?*_") for match in ADDRESS.findall(value)]
    if any(mark in value for mark in _LINKISH):
        seen = {_comparable(address) for address in found}
        found += [href for href in links.hrefs(value) if _web(href) and _comparable(href) not in seen]
    return found


def normalised(address: str) -> str | None:
    """The address as a browser resolves it (WHATWG URL parsing: backslashes, case, missing slashes,
    tabs and line breaks, IDN), when it is a web address; None otherwise."""
    candidate = address.strip()
    if candidate[:4].lower() == "www.":
        candidate = "https://" + candidate
    try:
        url = URL(candidate)
    except ValueError:
        return None
    return url.href if url.protocol in ("http:", "https:") else None


def _web(address: str) -> bool:
    return normalised(address) is not None


def given(sources: Iterable[Source]) -> set[str]:
    """The addresses the sources give: their own `url`, and those their `over` quotes."""
    known = set()
    for source in sources:
        if source.url:
            known.add(_comparable(source.url))
        known.update(_comparable(found) for found in addresses(source.over))
    return known


def unsourced(records: Iterable[tuple[T, dict]], sources: Iterable[Source]) -> list[tuple[T, tuple, str]]:
    """(owner, field path, message) for every address in a record's data that no source gives."""
    known = given(sources)
    return [
        (
            owner,
            path,
            f"het webadres '{address}' staat bij geen enkele bron; noem alleen adressen die een bron "
            "geeft, en zet het adres dan bij die bron in werkvormen/bronnen/",
        )
        for owner, data in records
        for path, address in _addresses_in(data, ())
        if _comparable(address) not in known
    ]


def _comparable(address: str) -> str:
    """An address compared as a browser reads it, without scheme, 'www.' or a closing slash."""
    address = normalised(address) or address.strip()
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address, flags=re.IGNORECASE)
    return address.rstrip("/").casefold()


def _addresses_in(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    for where, found in text.strings(value, path):
        for address in addresses(found):
            yield where, address
