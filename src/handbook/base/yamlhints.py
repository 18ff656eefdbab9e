"""What went wrong in a YAML file, said in Dutch, on the line where the editor must act.

PyYAML reports where its scanner gave up, in English: often a line after the
mistake, or past the end of the file. Editors paste from Word, type curly
quotes and forget the space after a colon; these functions look at the text
around PyYAML's marks and name the mistake they most likely made.
"""

from __future__ import annotations

import itertools
import re

import yaml

NBSP = "\u00a0\u202f\u2007"  # non-breaking spaces, as Word and web pages paste them
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
}
CURLY = "“”„‟‘’‚‛«»"
# Linear in the line: the key runs greedily to the first ':' or '#' (a lazy key followed by optional
# spaces tried every split of a long run of spaces: 245,000 of them took minutes). The spaces between
# a key and its colon belong to the key here; `key_end` finds where the name itself ends.
_KEY_LINE = re.compile(
    r"^(?P<lead>[ \t" + NBSP + r"]*(?:-[ " + NBSP + r"]+)*)(?P<key>[^\s:#\"'\[{\-][^:#]*):(?P<after>[ " + NBSP + r"]|$)"
)
_GLUED = re.compile(r"^[ \t]*(?:- +)*(?P<key>[A-Za-z_][\w]*):(?P<value>[^\s:/])")
Where = tuple[int, int, str]  # line, column (both from 1), Dutch reason


def _name(char: str) -> str:
    if char in NBSP:
        return f"een vaste spatie (U+{ord(char):04X}, vaak meegekopieerd uit Word of een webpagina)"
    return f"een onzichtbaar teken (U+{ord(char):04X}, {INVISIBLE[char]})"


def tidy(text: str) -> tuple[str, list[Where]]:
    """Replace non-breaking spaces where they only shape the file; name invisible characters in keys.

    A non-breaking space in the indentation, between a key and its colon or right
    after the colon carries no text, so it becomes a plain space (same length:
    every column stays where it was). One inside a key, or any zero-width
    character there, would make a name that looks right but is not: reported.
    """
    lines, found = text.split("\n"), []
    for number, line in enumerate(lines, 1):
        lead = len(line) - len(line.lstrip(" " + NBSP))
        line = lines[number - 1] = " " * lead + line[lead:]
        match = _KEY_LINE.match(line)
        if not match:
            continue
        key = _name_of(match)
        for offset, char in enumerate(key):
            if char in NBSP or char in INVISIBLE:
                column = match.start("key") + offset + 1
                found.append(
                    (
                        number,
                        column,
                        f"in de veldnaam '{_visible(key.strip(NBSP))}' staat {_name(char)}; "
                        "typ de naam opnieuw met gewone letters en spaties",
                    )
                )
                break
        for offset, char in enumerate(match["lead"]):
            if char in INVISIBLE:
                found.append((number, offset + 1, f"in de inspringing staat {_name(char)}; haal het weg"))
        end = match.end()
        fixed = "".join(" " if c in NBSP else c for c in line[:end])
        rest = line[end:]
        stripped = rest.lstrip(NBSP)
        lines[number - 1] = fixed + " " * (len(rest) - len(stripped)) + stripped
    return "\n".join(lines), found


def _name_of(match: re.Match) -> str:
    """The key of a `_KEY_LINE` match without the spaces between it and its colon."""
    return match["key"].rstrip(" " + NBSP)


def _visible(text: str) -> str:
    return "".join("·" if c in NBSP or c in INVISIBLE else c for c in text)


def explain(error: yaml.MarkedYAMLError, text: str) -> Where:
    """The line, column and Dutch reason for a PyYAML error in `text`."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = error.context_mark.line + 1 if error.context_mark else line
    problem, context_text = error.problem or "", error.context or ""

    def at(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    bullet = _word_bullet(lines, line)
    if bullet:
        return bullet
    glued = _glued_colon(lines, min(context, line), line)
    if glued:
        return glued
    opened = _open_quote(lines, line)
    if opened:
        return opened
    if "unknown escape" in problem or "expected escape" in problem:
        return (
            line,
            column,
            "tussen dubbele aanhalingstekens heeft \\ een eigen betekenis; schrijf \\\\ "
            "of zet de tekst tussen enkele aanhalingstekens",
        )
    if "quoted scalar" in context_text:
        return _unclosed_quote(at(context), context, error.context_mark.column + 1 if error.context_mark else 1)
    if "block scalar" in context_text:
        sign = at(context)[error.context_mark.column] if error.context_mark else "|"
        return (
            context,
            column,
            f"na '{sign}' mag niets anders op de regel staan: begin de tekst op de "
            "volgende regel, ingesprongen onder de naam van het veld",
        )
    if "\t" in at(line) and ("cannot start any token" in problem or "found a tab" in problem):
        return line, at(line).index("\t") + 1, "er staat een tab; gebruik spaties om in te springen"
    quoted = _text_after_quote(at(line), line)
    if quoted:
        return quoted
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(lines, line, column)
    if "could not find expected ':'" in problem:
        item = _item_without_dash(lines, context)
        if item:
            return item
        return (
            context,
            1,
            "deze regel heeft geen 'naam: waarde' en hoort niet bij het veld erboven; spring hem "
            "in als hij bij de tekst erboven hoort, of zet die tekst tussen aanhalingstekens",
        )
    if (
        "expected '-' indicator" in problem
        or "did not find expected key" in problem
        or "expected <block end>" in problem
    ):
        return _indentation(lines, line)
    if "cannot start any token" in problem or "found undefined alias" in problem or "expected alphabetic" in problem:
        value = re.match(r"^[ \t]*(?:- +)*(?:[\w]+: +)?", at(line))
        assert value is not None  # the pattern matches every line, if only the empty start
        column = value.end() + 1 if "alias" in problem + context_text else column
        char = at(line)[column - 1 : column] or "?"
        return (
            line,
            column,
            f"een tekst mag niet beginnen met '{char}'; zet de hele tekst tussen "
            'aanhalingstekens, bijvoorbeeld "' + char + '..."',
        )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem or "flow" in context_text:
        return (
            context,
            1,
            "een lijst of groep tussen [ ] of { } is niet goed gesloten; zet de tekst tussen "
            "aanhalingstekens als hij met [ of { begint",
        )
    if "end of stream" in problem:
        return context, 1, "het bestand houdt op midden in een waarde; kijk of alles gesloten is"
    return line, column, "de opbouw klopt hier niet; kijk of de inspringing en de dubbele punten kloppen"


BULLETS = "•◦▪▫●○■□‣⁃·➢➤►✓✔"  # what Word puts before a list item (a plain '-' is YAML's own)


def _word_bullet(lines: list[str], line: int) -> Where | None:
    """A list pasted from Word starts its items with '•': YAML fails at it, or on the line after."""
    for number in range(max(1, line - 2), min(line, len(lines)) + 1):
        text = lines[number - 1]
        stripped = text.lstrip(" ")
        if stripped[:1] in BULLETS and stripped[:1]:
            return (
                number,
                len(text) - len(stripped) + 1,
                f"deze regel begint met een opsommingsteken uit Word ({stripped[0]}); begin een punt van een "
                "lijst met een streepje en een spatie ('- '), precies onder de streepjes erboven",
            )
    return None


def _glued_colon(lines: list[str], first: int, last: int) -> Where | None:
    """`titel:"X"`: no space after the colon, so YAML reads one long text and fails a line later."""
    for number in range(last, max(1, min(first, last - 2)) - 1, -1):
        match = _GLUED.match(lines[number - 1]) if number <= len(lines) else None
        if match and not match["value"].isdigit():  # 12:30 is a time, not a key
            key = match["key"]
            return (
                number,
                match.end("key") + 2,
                f"na de dubbele punt van '{key}' moet een spatie staan: schrijf '{key}: ...'",
            )
    return None


_OPENS = re.compile(r"^[ \t]*(?:- +)*(?:[\w]+: +)?([\"'])(.*)$")


def _open_quote(lines: list[str], last: int) -> Where | None:
    """The first line above the error whose quoted text does not close on that line.

    Quoted text may run over lines, so PyYAML fails far below, where some other
    quote closes it; editors almost always meant the quote to close on its line.
    """
    for number, text in enumerate(lines[:last], 1):
        match = _OPENS.match(text)
        if not match or text.lstrip().startswith("#"):
            continue
        quote, rest = match[1], re.sub(r"\\.", "", match[2]) if match[1] == '"' else match[2].replace("''", "")
        if quote not in rest:
            return _unclosed_quote(text, number, match.start(1) + 1)
    return None


def _unclosed_quote(line_text: str, line: int, column: int) -> Where:
    opening = line_text[column - 1 : column] or '"'
    rest = line_text[column:]
    curly = next((c for c in rest if c in CURLY), None)
    if curly:
        return (
            line,
            column + rest.index(curly) + 1,
            f"het aanhalingsteken {opening} wordt gesloten met een gekruld aanhalingsteken ({curly}); "
            f"YAML telt alleen rechte aanhalingstekens: sluit af met {opening}",
        )
    if opening == "'" and "'" in rest:
        return (
            line,
            column,
            "een apostrof binnen tekst tussen enkele aanhalingstekens sluit de tekst af; "
            "schrijf de apostrof dubbel ('') of zet de tekst tussen dubbele aanhalingstekens",
        )
    return (
        line,
        column,
        f"het aanhalingsteken {opening} aan het begin van de tekst wordt niet gesloten; "
        f"zet aan het eind van de tekst ook een {opening}",
    )


def _text_after_quote(line_text: str, line: int) -> Where | None:
    """`titel: "Gluren" bij de buren`: the quotes close before the text ends."""
    match = re.match(r"^[ \t]*(?:- +)*(?:[\w]+: +)?([\"'])(.*?)\1(?!\1)[ \t]*([^\s#].*)$", line_text)
    if not match:
        return None
    if match[1] == "'" and match.start(3) == match.end(2) + 1:  # 'Het team's dag'
        return (
            line,
            match.end(2),
            "een apostrof binnen tekst tussen enkele aanhalingstekens sluit de tekst af; "
            "schrijf de apostrof dubbel ('') of zet de tekst tussen dubbele aanhalingstekens",
        )
    return (
        line,
        match.start(3) + 1,
        "na het sluitende aanhalingsteken staat nog tekst; zet de aanhalingstekens "
        'om de hele tekst, en schrijf een " binnen de tekst als \\"',
    )


def _unexpected_colon(lines: list[str], line: int, column: int) -> Where:
    text = lines[line - 1] if line <= len(lines) else ""
    key = _KEY_LINE.match(text)
    before = text[: column - 1]
    if key and key.start("key") + len(_name_of(key)) + 1 < column - 1 and ": " in before:
        value = text[key.end() :].strip()
        curly = (
            " (gekrulde aanhalingstekens tellen in YAML niet; gebruik rechte)" if any(c in CURLY for c in value) else ""
        )
        return (
            line,
            key.end() + 1,
            "de tekst bevat een dubbele punt met een spatie erna; zet de hele tekst tussen "
            f"aanhalingstekens: {_name_of(key).strip()}: {quote(value)}" + curly,
        )
    if key:
        return _indentation(lines, line)
    return (line, column, "een dubbele punt op een onverwachte plek; zet tekst met ': ' tussen aanhalingstekens")


_STRAIGHT = str.maketrans({c: '"' for c in "“”„‟«»"} | {c: "'" for c in "‘’‚‛"})


def quote(value: str) -> str:
    """A text as YAML reads it back, between straight quotes only: Word's curly ones around it go,
    those inside become straight (copied as suggested, no curly quote is published)."""
    text = value.strip()
    if len(text) > 1 and text[0] in CURLY and text[-1] in CURLY:
        text = text[1:-1].strip()
    text = text.translate(_STRAIGHT)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_ITEM = re.compile(r"^( *)- ")


def _item_without_dash(lines: list[str], line: int) -> Where | None:
    """`  - Eerste tip` / `  Tweede tip`: a line at the column of the dashes above, in a list, without its own.

    YAML reads it as a key that lacks its colon; the editor meant another item of the list."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = _indent(text)
    if not text.strip() or text.lstrip().startswith(("-", "#")) or ": " in text or text.rstrip().endswith(":"):
        return None
    for _, above in _meaningful(lines, line):
        dash = _ITEM.match(above)
        if dash and len(dash[1]) == indent:
            return (
                line,
                indent + 1,
                "deze regel staat in een lijst, maar mist het streepje; begin het punt met '- ', "
                "precies onder de streepjes erboven",
            )
        if _indent(above) <= indent:  # a key or text at this column or left of it: not in that list
            return None
    return None


def _indentation(lines: list[str], line: int) -> Where:
    """Name how far the line is indented and where it should start, after the lines above it."""
    first = _first_of_block(lines, line)
    if first:
        return first
    text = lines[line - 1] if line <= len(lines) else ""
    dash = re.match(r"^( *)(- +)?", text)
    assert dash is not None  # matches every line
    indent, is_item = len(dash.group(1)), bool(dash.group(2))
    starts = []  # (column of '-' or of the key) of the lines above
    for above in reversed(lines[: line - 1]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        m = re.match(r"^( *)(- +)?", above)
        assert m is not None  # matches every line
        if not is_item:
            starts.append(len(m.group(0)))
        elif m.group(2):  # an item lines up with the dashes of the items above it
            starts.append(len(m.group(1)))
        if len(starts) > 6:
            break
    options = sorted(dict.fromkeys(s for s in starts if s != indent), key=lambda s: abs(s - indent))
    what = "het streepje" if is_item else "de naam van het veld"
    hint = (
        f"; zet {what} precies onder dat van de regel erboven ({options[0]} spaties)"
        if options
        else "; zet velden op hetzelfde niveau precies onder elkaar"
    )
    return line, indent + 1, f"de inspringing klopt niet: deze regel springt {indent} spaties in{hint}"


_COMMENT = re.compile(r"[ \t]+#")  # matched at a position, never on a copy of the rest of the line


def _indent(text: str) -> int:
    """The column (from 0) of a line's key or dash."""
    return len(text) - len(text.lstrip(" "))


def _meaningful(lines: list[str], line: int) -> list[tuple[int, str]]:
    """(number, text) of the lines above `line` that hold YAML, nearest first."""
    return [
        (n, lines[n - 1])
        for n in range(min(line, len(lines) + 1) - 1, 0, -1)
        if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")
    ]


def _first_of_block(lines: list[str], line: int) -> Where | None:
    """`praktisch:` / `    frequentie: x` / `  voorbereiding: y`: YAML stops at the third line, which is
    right (one step under its parent); the wrong one is the first line under `praktisch:`."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    indent, block = _indent(text), []
    for number, above in _meaningful(lines, line):
        if _indent(above) > indent:
            block.append((number, above))
            continue
        if _indent(above) < indent and above.rstrip().endswith(":") and block:
            step = _usual_step(lines)
            first_number, first = block[-1]
            if indent == _indent(above) + step and _indent(first) != indent:
                return (
                    first_number,
                    _indent(first) + 1,
                    f"de inspringing klopt niet: deze regel springt {_indent(first)} spaties in; laat hem "
                    f"{indent} spaties inspringen ({step} meer dan '{above.strip()}'), zoals regel {line}",
                )
        return None
    return None


def _usual_step(lines: list[str]) -> int:
    """How far this file indents a field under its parent (usually 2)."""
    steps: dict[int, int] = {}
    held = [t for t in lines if t.strip() and not t.lstrip().startswith("#")]
    for parent, child in itertools.pairwise(held):
        if parent.rstrip().endswith(":") and _indent(child) > _indent(parent):
            step = _indent(child) - _indent(parent)
            steps[step] = steps.get(step, 0) + 1
    usual = max(steps, key=lambda s: (steps[s], s == 2)) if steps else 2
    return 2 if steps.get(2, 0) >= steps.get(usual, 0) - 1 else usual  # one odd block does not set the step


def cut_short(root: yaml.Node, lines: list[str]) -> list[Where]:
    """Plain texts followed by ` #...` on their line: YAML dropped the rest as a comment."""
    found, todo = [], [root]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            todo += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            todo += node.value
        elif (
            isinstance(node, yaml.ScalarNode) and not node.style and node.tag == "tag:yaml.org,2002:str" and node.value
        ):
            end = node.end_mark
            comment = _COMMENT.match(lines[end.line], end.column) if end.line < len(lines) else None
            if comment:
                found.append(
                    (
                        end.line + 1,
                        comment.end(),
                        f"de tekst stopt bij ' #' ('{node.value}'): YAML leest alles na ' #' als commentaar; "
                        "zet de hele tekst tussen aanhalingstekens",
                    )
                )
    return sorted(found)
