"""Problems found in records, and how they are reported to editors."""

from __future__ import annotations

import re
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
        """One line of the plain report, whatever the record holds.

        The path, field and message carry values from records and file names.
        Every control character, line break and bidi control in them is
        written as an escape (\\n, \\u0085), so a value cannot start a line
        of its own: in the Actions log such a line could be a workflow command
        (::stop-commands::, ::warning ...), in a terminal an escape sequence.
        A line never begins with '::'.
        """
        field = f"{plain(self.field)}: " if self.field else ""
        kind = "waarschuwing: " if self.warning else ""
        path = plain(self.path)
        if path.lstrip().startswith(":"):
            path = "./" + path.lstrip()
        return f"{path}:{self.line}:{self.column}: {field}{kind}{plain(self.message)}"

    def github(self) -> str:
        """The same, as a GitHub Actions annotation on the pull request's diff.

        Values from a record end up in the message: they are encoded as GitHub
        documents, so a newline in a record cannot start a workflow command of
        its own (::stop-commands::, ::warning ...) in the Actions log.
        """
        kind = "warning" if self.warning else "error"
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"::{kind} file={_property(self.path)},line={self.line},col={self.column}::{_data(text)}"


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Lone surrogates too: a file name that is not UTF-8 reaches Python as \udcXX, which no file can be written in.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def plain(value: str) -> str:
    """`value` on one line with every control, line-break and bidi character written as an escape."""
    return _UNSAFE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), value)


def _data(value: str) -> str:
    value = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", value)  # printable on any stdout
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


_SURROGATE = re.compile(r"[\ud800-\udfff]")


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
        place = (
            "in de werkvormen en docs/"
            if any(p.path.startswith("docs/") for p in self.problems)
            else "in de werkvormen"
        )
        return "\n".join(lines + [f"{count} {noun} {place} gevonden; er is niets gebouwd."])


SUMMARY_HEAD = (
    "Elke regel noemt het bestand, de regel en de kolom, het veld en wat je eraan doet.\n"
    'Uitleg bij elke melding: CONTRIBUTING.md, "Wat de controle zegt".'
)


def summary(lines: list[str], ok: bool) -> str:
    """The check's report as Markdown for a job summary: the lines in a code block no line can close.

    Each line is made plain first (no raw line break from a record), and the
    fence is longer than the longest run of backticks in any line, so record
    text cannot end the block and add a heading, a link or an image.
    """
    body = [plain(line) for line in lines]
    longest = max((len(run) for line in body for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    title = "## De records kloppen" if ok else "## Wat er nog niet klopt"
    return "\n".join([title, "", SUMMARY_HEAD, "", fence + "text", *body, fence, ""])
