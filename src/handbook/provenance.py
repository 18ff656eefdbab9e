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

from . import text
from .model import Source

T = TypeVar("T")

ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'`]{1,500}", re.IGNORECASE)


def addresses(text: str) -> list[str]:
    """Every web address in a text, without trailing punctuation."""
    return [found.rstrip(".,;:!?*_") for found in ADDRESS.findall(text)]


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
    """An address compared without scheme, 'www.' or a closing slash."""
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address.strip(), flags=re.IGNORECASE)
    return address.rstrip("/").casefold()


def _addresses_in(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    for where, found in text.strings(value, path):
        for address in addresses(found):
            yield where, address
