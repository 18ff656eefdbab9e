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
        """The same, as a GitHub Actions annotation on the pull request's diff.

        Values from a record end up in the message: they are encoded as GitHub
        documents, so a newline in a record cannot start a workflow command of
        its own (::stop-commands::, ::warning ...) in the Actions log.
        """
        kind = "warning" if self.warning else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"::{kind} file={_property(self.path)},line={self.line},col={self.column}::{_data(text)}"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


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
