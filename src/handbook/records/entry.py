"""One loaded record: the validated model with its slug, its file and where each value stands in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from handbook.base.yamlfile import Document

from .model import Checklist, Record

R = TypeVar("R", bound=Record, covariant=True)


@dataclass(frozen=True)
class Entry(Generic[R]):
    """A validated record with its slug and the file it came from; Entry[Werkvorm] holds a werkvorm."""

    slug: str
    source: str  # path as shown to editors, e.g. werkvormen/leerhuis.yml
    record: R
    positions: Document | None = field(default=None, compare=False, repr=False)  # where each value stands

    def where(self, path: tuple) -> tuple[int, int]:
        """Line and column of `path` (e.g. ("verwant", 0)) in the entry's file."""
        return self.positions.where(path) if self.positions else (1, 1)

    @property
    def is_checklist(self) -> bool:
        return isinstance(self.record, Checklist)

    @property
    def folder(self) -> str:
        """Where the entry's page lives on the site: werkvormen/ or checklists/."""
        return "checklists" if self.is_checklist else "werkvormen"
