"""Small Dutch text helpers for the pages: dates, durations, lists, escaping."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterator

from handbook.trust import sanitize

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: dt.date) -> str:
    """23 november 2026: the same on every machine, whatever its locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def minutes(value: int) -> str:
    """90 -> '1,5 uur', 45 -> '45 minuten', 480 -> '8 uur'."""
    if value < 60:
        return f"{value} minuten"
    hours = value / 60
    text = f"{hours:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{text} uur"


def span(low: int, high: int, unit_one: str, unit_many: str) -> str:
    """'2 tot 4 mensen', or '1 persoon' when both ends are the same."""
    if low == high:
        return f"{low} {unit_one if low == 1 else unit_many}"
    return f"{low} tot {high} {unit_many}"


def duration(low: int, high: int) -> str:
    """'2 tot 4 uur', '45 minuten tot 1,5 uur'."""
    if low == high:
        return minutes(low)
    a, b = minutes(low), minutes(high)
    if a.endswith(" uur") and b.endswith(" uur"):
        return f"{a[:-4]} tot {b}"
    if a.endswith(" minuten") and b.endswith(" minuten"):
        return f"{a[:-8]} tot {b}"
    return f"{a} tot {b}"


def kilobytes(size: int) -> str:
    """'22 kB', '1,4 MB': Dutch decimal comma."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def enumerate_nl(items: list[str]) -> str:
    """'a, b en c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def sentence(labels: list[str]) -> str:
    """Vocabulary labels as one Dutch phrase: 'Docent, jeugdprofessional en leidinggevende'."""
    text = enumerate_nl([label[:1].lower() + label[1:] for label in labels])
    return text[:1].upper() + text[1:]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md(value: str) -> str:
    """Record text as Markdown that cannot carry markup into a page.

    Raw HTML is shown as text (< and & escaped) and attribute lists
    ({: onclick=...}) are shown as text ({ escaped), so record text can only
    make the elements Markdown's own syntax makes. Where links and images
    may point is decided after parsing, by `sanitize` (a regular expression
    over the source cannot see every way Markdown spells an address), and
    the text that comes out is already safe without it (`safe_source`): the
    export's pages need no extension of ours in any engine.
    """
    return sanitize.safe_source(_escaped(value))


def _escaped(value: str) -> str:
    value = _DESTINATION.sub(_bare_destination, _CONTROL.sub("", value))
    value = _AUTOLINK.sub(r"[\1](\1)", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")


def _bare_destination(found: re.Match[str]) -> str:
    """`](<address>)` as `](address)`: the < would be escaped below, and `&lt;x>` is no address."""
    inner = "".join(f"%{ord(char):02X}" if char in " ()" else char for char in found.group(1))
    return f"]({inner}"


# a link's address written between < and > (CommonMark's way to allow spaces): `[de bron](<https://...>)`
_DESTINATION = re.compile(r"\]\([ \t]*<([^<>\n\\]{1,500})>")


# <https://...> as an editor writes an address: made a Markdown link before < is escaped, so that it shows as a
# link; `sanitize` still decides where it may point. No brackets, parentheses, quotes or spaces inside.
_AUTOLINK = re.compile(r"<(https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]{1,400})>")


def md_line(value: str) -> str:
    """One line of record text, safe inside a heading, a table cell or the text of a link: no links of its own."""
    return _escaped(" ".join(value.split())).replace("[", "&#91;").replace("]", "&#93;").replace("|", "&#124;")


def indent(value: str, spaces: int = 4) -> str:
    """Indent every line but the first, to keep text inside a Markdown list item."""
    pad = " " * spaces
    return "\n".join((pad + line) if (i and line.strip()) else line for i, line in enumerate(value.splitlines()))


def html_title(value: str) -> str:
    """A record's title where the engine's theme prints it as HTML: a page's `title` and the navigation.

    One helper per output format: this one for the engine's title fields,
    `md_line` inside Markdown, Jinja's autoescape in the print HTML.
    """
    return html.escape(" ".join(value.split()), quote=True)


def yaml_str(value: str) -> str:
    """A string for Markdown front matter: JSON strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def strings(value: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(field path, text) for every text in a record's data, e.g. (("stappen", 0, "uitleg"), "...")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))
