"""Rules for the characters and the shape of record text, checked by the model before anything is rendered.

Each rule raises ValueError with a Dutch sentence, which the loader reports
on the line of the field. They keep out what a reader cannot see (control,
bidi and zero-width characters), titles that only look like another one
(a Cyrillic 'е' in "Lеerhuis"), and text whose Markdown would take minutes
to convert (Python-Markdown is quadratic in unmatched '[' and deep lists).
"""

from __future__ import annotations

import re
import unicodedata

MAX_BRACKETS = 40  # '[' in one value; a link takes one, Python-Markdown slows down quadratically in them
MAX_RUN = 20  # the same Markdown punctuation mark this many times in a row is never prose
MAX_INDENT = 16  # spaces before a line: four levels of nested list
MAX_LINES = 120
MAX_MARKERS = 10  # list and quote markers opening one line ('- - 1. > x'); Python-Markdown recurses once per level
_RUN = re.compile(r"([\[\]()!*_`<>{}#|\\~=+^-])\1{" + str(MAX_RUN) + ",}")
_INDENT = re.compile(r"^ {" + str(MAX_INDENT + 1) + r",}\S", re.MULTILINE)
_WHITESPACE_OK = {"\n", "\t"}
# the markers that open a line: a list item (- * + 1. 1)) or a quote (>); linear, one marker per step
_MARKERS = re.compile(r"^[ \t]*((?:>[ \t]*|(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)+)", re.MULTILINE)
_MARKER = re.compile(r">|[-*+](?=[ \t])|[0-9]{1,9}[.)]")


_SCRIPTS = {
    "CYRILLIC": "Cyrillisch",
    "GREEK": "Grieks",
    "ARMENIAN": "Armeens",
    "HEBREW": "Hebreeuws",
    "ARABIC": "Arabisch",
    "CHEROKEE": "Cherokee",
    "COPTIC": "Koptisch",
}
_INVISIBLE = {
    0x200B: "spatie zonder breedte",
    0x200C: "scheiding zonder breedte",
    0x200D: "verbinding zonder breedte",
    0x2060: "woordverbinder",
    0xFEFF: "byte-order mark",
    0x00AD: "zacht afbreekstreepje",
    0x202E: "leesrichting rechts-naar-links",
    0x202D: "leesrichting links-naar-rechts",
    0x200E: "links-naar-rechtsmarkering",
    0x200F: "rechts-naar-linksmarkering",
}


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}")


def invisible(value: str) -> str | None:
    """A Dutch description of the first character a reader cannot see or that reorders text, if any."""
    for position, char in enumerate(value, start=1):
        category = unicodedata.category(char)
        if char in _WHITESPACE_OK:
            continue
        if category in ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"):
            kind = "een stuurteken" if category == "Cc" else "een onzichtbaar teken"
            if category == "Cf" and unicodedata.bidirectional(char) in (
                "RLO",
                "LRO",
                "RLE",
                "LRE",
                "RLI",
                "LRI",
                "FSI",
                "PDF",
                "PDI",
                "RLM",
                "LRM",
                "ALM",
            ):
                kind = "een teken dat de leesrichting omdraait"
            name = f", {_INVISIBLE[ord(char)]}" if ord(char) in _INVISIBLE else ""
            return (
                f"bevat {kind} (U+{ord(char):04X}{name}) op positie {position}; verwijder het of typ de tekst opnieuw"
            )
    return None


# An abbreviation definition (`*[HTML]: ...`, the abbr extension) applies to the whole page it lands on.
_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[[^\]\n]*\][ \t]*:", re.MULTILINE)


def markdown_problems(value: str) -> list[str]:
    """What makes Markdown slow or deep (the same rules for record text and for pages), in Dutch."""
    found = []
    run = _RUN.search(value)
    if run:
        found.append(
            f"bevat {len(run.group(0))} keer '{run.group(1)}' achter elkaar; "
            f"hoogstens {MAX_RUN} keer hetzelfde leesteken"
        )
    if _INDENT.search(value):
        found.append(f"een regel springt meer dan {MAX_INDENT} spaties in; zo diep kan een lijst niet")
    deepest = max((len(_MARKER.findall(m.group(1))) for m in _MARKERS.finditer(value)), default=0)
    if deepest > MAX_MARKERS:
        found.append(
            f"een regel begint met {deepest} lijst- of citaattekens (zoals '- - -' of '> >'); "
            f"hoogstens {MAX_MARKERS}: zo diep kan een lijst niet"
        )
    return found


def text(value: str) -> str:
    """Every text value: no invisible characters, and Markdown that converts in reasonable time."""
    problem = invisible(value)
    if problem:
        raise ValueError(problem)
    if value.count("[") > MAX_BRACKETS:
        raise ValueError(f"bevat {value.count('[')} blokhaken '['; hoogstens {MAX_BRACKETS} in één tekst")
    slow = markdown_problems(value)
    if slow:
        raise ValueError(slow[0])
    if _ABBREVIATION.search(value):
        raise ValueError(
            "bevat een afkorting met uitleg (*[WOORD]: ...); die zou op de hele pagina gelden. "
            "Schrijf de afkorting voluit in de tekst"
        )
    if value.count("\n") >= MAX_LINES:
        raise ValueError(f"heeft {value.count(chr(10)) + 1} regels; hoogstens {MAX_LINES}")
    return unicodedata.normalize("NFC", value)


def title(value: str) -> str:
    """A title: plain text rules, and only Latin letters, so that no title can pass for another."""
    value = text(value)
    for char in value:
        if char.isalpha() and not _name(char).startswith("LATIN"):
            script = _SCRIPTS.get(_name(char).split(" ")[0], "niet-Latijns")
            raise ValueError(
                f"bevat de letter '{char}' uit een ander schrift ({script}), die op een gewone letter "
                "kan lijken; typ de titel met gewone letters"
            )
    return value


def title_key(value: str) -> str:
    """What a reader sees of a title: no accents, case, spaces or punctuation ('Casuïstiek' == 'casuistiek')."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed.casefold() if char.isalnum())
