"""Problems found in records, and how they are reported to editors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one record, located by file, line and column."""

    path: str
    line: int
    column: int
    field: str
    message: str
    warning: bool = False  # advice that does not stop the build

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        kind = "waarschuwing: " if self.warning else ""
        return f"{self.path}:{self.line}:{self.column}: {field}{kind}{self.message}"

    def github(self) -> str:
        """The same, as a GitHub Actions annotation on the pull request's diff."""
        kind = "warning" if self.warning else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"::{kind} file={self.path},line={self.line},col={self.column}::{text}"


class RecordError(Exception):
    """Raised when one or more records are invalid; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [str(p) for p in self.problems]
        return "\n".join(lines + [f"{count} {noun} in de werkvormen gevonden; er is niets gebouwd."])
