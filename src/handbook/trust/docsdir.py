"""What docs/ may hold: the hand-written pages and the site's own assets, under the rules records have.

A pull request can change any file, and the engine publishes whatever docs/
holds: it follows symbolic links (a link to ../.git/config would put the
checkout's configuration on the site), copies HTML and SVG files as they are
(served without the page template's Content-Security-Policy, so script in
them runs on the site's origin), passes raw HTML in a page through
unchanged, and lets a page's front matter choose a template. So before
anything is built, every file under docs/ is checked here, and each problem
is reported like a record's, in Dutch, naming the file:

- no symbolic link anywhere, and no file that resolves outside the project;
- only the file types the site needs (`ALLOWED`), scripts only in
  assets/javascripts/ (a new script is a code change: see the README's
  "Security" section), SVG and HTML only where the project itself ships
  them, with the content it ships (`KNOWN`, by SHA-256);
- a page is read as the engine reads it (UTF-8 with or without a BOM,
  metadata between `---` or as MultiMarkdown `key: value` lines at the top,
  `engine_metadata`): MultiMarkdown metadata is refused (it chose
  `template: redirect.html`, a page without the policy), and so is any key
  outside `FRONT_MATTER` and any value that is not plain text or one of
  the known words (the engine's templates print values raw);
- a page has the records' limits (`MAX_PAGE_BYTES`, line length, `[`,
  list depth, indentation), checked before Markdown sees it;
- no raw HTML that can run script, load something or send a form
  (`ACTIVE_TAGS`, `on*` and `ping` attributes, addresses `sanitize.allowed`
  refuses, anything loaded (`LOADS`) from outside the site), and no id or
  name the theme or our scripts need (`anchors.reserved`): judged on the
  HTML the site's own Markdown makes of the page, so no spelling gets past it.

The lists below are the one place where these rules live.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from handbook.base import anchors, textrules
from handbook.base.discovery import every_file
from handbook.base.problems import Problem
from handbook.base.yamlfile import MAX_LINE, YamlProblem, parse
from handbook.trust import sanitize

# file types a page, its style and its pictures need; by suffix, lower case
ALLOWED = {
    ".md": "pagina",
    ".css": "opmaak",
    ".js": "script",
    ".png": "afbeelding",
    ".jpg": "afbeelding",
    ".jpeg": "afbeelding",
    ".gif": "afbeelding",
    ".webp": "afbeelding",
    ".txt": "tekst",
}
SCRIPTS_FOLDER = "assets/javascripts/"
# files that can carry script (SVG, HTML) and that the project itself ships: path in docs/ -> SHA-256
KNOWN = {
    "assets/favicon.svg": "f6f8e848f07966dfcd92f8f39d615bd45516bc2e284e76309d25dcfe46575d81",
}
ACTIVE_SUFFIXES = (".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".xml", ".xsl", ".mjs")
# front-matter keys a hand-written page may set: what Material reads for a page's text and layout
FRONT_MATTER = frozenset({"title", "description", "hide", "search", "status", "subtitle"})
TEXT_KEYS = frozenset({"title", "description", "subtitle"})  # printed raw by the theme: plain text, one line
MAX_TEXT = 300
# in a text value: what could end the <title> or an attribute the theme prints it in
MARKUP = re.compile(r"[<>\"`]")
STATUS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # Material prints it in a class name
HIDE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
SEARCH: dict[str, type | tuple[type, ...]] = {"exclude": bool, "boost": (int, float)}
# the records' limits (yamlfile, textrules), per page: a page is longer than one text, so more '[' and lines
MAX_PAGE_BYTES = 256_000
MAX_PAGE_BRACKETS = 500  # Python-Markdown is quadratic in '[': 30,000 took 143 s; 500 take milliseconds
# attributes that make the browser load something (not a link the reader follows): only the site's own files
LOADS = frozenset(
    {"src", "srcset", "imagesrcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase", "archive"}
)
# attributes that send a request by themselves whatever they point at
SENDS = frozenset({"ping", "srcdoc", "formaction", "action", "style", "manifest"})
# raw HTML in a page that runs script, loads another document or sends what a reader types
ACTIVE_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "link",
        "style",
        "svg",
        "math",
        "form",
        "template",
        "noscript",
        "portal",
    }
)

Convert = Callable[[str], str]  # a page's Markdown to HTML, as the site makes it


def check(docs: Path, root: Path, convert: Convert | None = None) -> list[Problem]:
    """Every problem with the files under `docs`; `root` is the project (nothing may resolve outside it)."""
    docs, root = Path(docs), Path(root)
    shown = docs.name + "/"
    if docs.is_symlink() or not docs.resolve().is_relative_to(root.resolve()):
        return [Problem(shown, 1, 1, "", _LINK)]
    if not docs.is_dir():
        return []
    problems: list[Problem] = []
    for path in every_file(docs):
        relative = path.relative_to(docs).as_posix()
        where = shown + relative
        if path.is_symlink():
            problems.append(Problem(where, 1, 1, "", _LINK))
        elif not path.is_file():
            problems.append(
                Problem(where, 1, 1, "", "is geen gewoon bestand; zet hier alleen pagina's en afbeeldingen")
            )
        elif not path.resolve().is_relative_to(root.resolve()):
            problems.append(Problem(where, 1, 1, "", _LINK))
        elif not any(part.startswith(".") for part in path.relative_to(docs).parts):  # the engine skips these
            problems += _file(path, relative, where, convert)
    return problems


_LINK = (
    "is een snelkoppeling (symlink) of wijst naar een bestand buiten het project; "
    "de site publiceert alleen echte bestanden: zet het bestand zelf hier"
)


def _file(path: Path, relative: str, where: str, convert: Convert | None) -> list[Problem]:
    suffix = path.suffix.lower()
    if relative in KNOWN:
        if hashlib.sha256(path.read_bytes()).hexdigest() != KNOWN[relative]:
            return [
                Problem(
                    where,
                    1,
                    1,
                    "",
                    "dit bestand kan script bevatten en verschilt van wat het project uitgeeft; een "
                    "onderhouder controleert het en zet de nieuwe SHA-256 in src/handbook/trust/docsdir.py (KNOWN)",
                )
            ]
        return []
    if suffix in ACTIVE_SUFFIXES:
        return [
            Problem(
                where,
                1,
                1,
                "",
                f"een {suffix}-bestand kan script bevatten dat op de site draait; alleen de eigen bestanden van "
                "het project mogen (README, Security). Gebruik een PNG- of JPG-afbeelding of een pagina in Markdown",
            )
        ]
    if suffix not in ALLOWED:
        kinds = ", ".join(sorted(ALLOWED))
        return [Problem(where, 1, 1, "", f"dit soort bestand hoort niet op de site; toegestaan zijn alleen {kinds}")]
    if suffix == ".js" and not relative.startswith(SCRIPTS_FOLDER):
        return [
            Problem(
                where,
                1,
                1,
                "",
                f"een script hoort in docs/{SCRIPTS_FOLDER}; een nieuw script is een wijziging van de code "
                "die een onderhouder nakijkt",
            )
        ]
    if suffix == ".md":
        raw = path.read_bytes()
        if len(raw) > MAX_PAGE_BYTES:
            return [
                Problem(
                    where, 1, 1, "", f"de pagina is {len(raw):,} bytes; hoogstens {MAX_PAGE_BYTES:,}. Maak haar korter"
                )
            ]
        try:
            text = raw.decode("utf-8-sig")  # as the engine reads a page: one BOM at the start is dropped
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            return [Problem(where, line, 1, "", "de pagina is geen UTF-8-tekst; sla haar op als UTF-8")]
        return page(text.replace("\r\n", "\n").replace("\r", "\n"), where, convert)
    return []


# The engine's own reading of a page's metadata (properdocs.utils.meta.get_data), kept exactly:
# what it takes as metadata is what is checked (a test compares the two on every case).
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


def engine_metadata(text: str) -> tuple[str, int, list[tuple[str, int]]]:
    """How the engine splits a page: (kind, lines of metadata, [(key, line)]).

    kind is "yaml" (a `---` block; its keys are read by `_front_matter`),
    "multimarkdown" (`key: value` lines at the very top, no `---`) or "" (none).
    """
    front = _FRONT.match(text)
    if front:
        return "yaml", text[: front.end()].count("\n"), []
    keys: list[tuple[str, int]] = []
    key = None
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() == "":
            break
        found = _META.match(line)
        if found:
            key = found.group("key").lower().strip()
            keys.append((key, number))
        elif not (_META_MORE.match(line) and key):
            break
    return ("multimarkdown", len(keys), keys) if keys else ("", 0, [])


def page(text: str, where: str, convert: Convert | None = None) -> list[Problem]:
    """The problems of one hand-written page: its limits, its metadata, and active HTML in what it becomes."""
    text = text.removeprefix("\ufeff")  # read as utf-8-sig: the engine never sees this BOM
    problems = limits(text, where)
    too_big = bool(problems)  # Markdown never sees a page past the limits; its metadata is still checked
    kind, _, keys = engine_metadata(text)
    front = _FRONT.match(text) if kind == "yaml" else None
    if front:
        problems += _front_matter(front.group(1), where)
    for key, line in keys:
        problems.append(
            Problem(
                where,
                line,
                1,
                key,
                "de site leest deze regel bovenaan de pagina als een instelling van de pagina (naam: waarde), "
                "ook zonder ---. Begin de pagina met een kop (# Titel) of een lege regel; een titel of "
                "beschrijving zet je tussen --- en ---",
            )
        )
    if convert is not None and not too_big:
        body = text[front.end() :] if front else text
        start = text[: front.end()].count("\n") if front else 0
        lowered = body.lower()
        for needle, reason in active_html(convert(body)):
            at = lowered.find(needle)
            line = start + (lowered.count("\n", 0, at) + 1 if at >= 0 else 1)
            problems.append(Problem(where, line, 1, "", reason))
    return problems


def limits(text: str, where: str) -> list[Problem]:
    """The records' limits on a page: line length, '[', runs of one mark, list depth and indentation."""
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            problems.append(
                Problem(where, number, MAX_LINE + 1, "", f"deze regel is {len(line)} tekens; hoogstens {MAX_LINE}")
            )
            continue
        for reason in textrules.markdown_problems(line):
            problems.append(Problem(where, number, 1, "", reason))
    brackets = text.count("[")
    if brackets > MAX_PAGE_BRACKETS:
        at = text.find("[")
        problems.append(
            Problem(
                where,
                text.count("\n", 0, at) + 1,
                1,
                "",
                f"de pagina heeft {brackets} blokhaken '['; hoogstens {MAX_PAGE_BRACKETS}. Verdeel haar over pagina's",
            )
        )
    return problems


def _front_matter(text: str, where: str) -> list[Problem]:
    try:
        doc = parse(text)
    except YamlProblem as problem:
        return [Problem(where, problem.line + 1, problem.column, "", problem.message)]
    if not isinstance(doc.data, dict):
        return [Problem(where, 2, 1, "", "de kop van de pagina (tussen ---) moet velden hebben (naam: waarde)")]
    problems = []
    for key, value in doc.data.items():
        line, column = doc.where((key,))
        if key in FRONT_MATTER:
            wrong = _value_problem(key, value)
            if wrong:
                line, column = doc.where((key, _first_wrong(key, value)))
                problems.append(Problem(where, line + 1, column, str(key), wrong))
            continue
        if key == "template":
            reason = "kiest een sjabloon van de site; welk sjabloon een pagina krijgt, bepaalt de site zelf"
        else:
            reason = "is geen veld dat een pagina in haar kop (tussen ---) mag zetten"
        problems.append(
            Problem(where, line + 1, column, str(key), f"{reason}; toegestaan: {', '.join(sorted(FRONT_MATTER))}")
        )
    return problems


def _first_wrong(key: str, value: object) -> int | str:
    """Where in a list or mapping value the first wrong part stands (its index or key), to point at it."""
    if key == "hide" and isinstance(value, list):
        return next((i for i, item in enumerate(value) if not (isinstance(item, str) and item in HIDE)), 0)
    if key == "search" and isinstance(value, dict):
        return next((k for k, v in value.items() if not (k in SEARCH and isinstance(v, SEARCH[k]))), "")
    return ""


def _value_problem(key: str, value: object) -> str | None:
    """Why a page may not set this value (the theme prints it into the page's HTML as it is), or None."""
    if key in TEXT_KEYS:
        if not isinstance(value, str) or not value.strip():
            return "moet gewone tekst zijn"
        if "\n" in value.strip() or len(value) > MAX_TEXT:
            return f"moet op één regel passen, hoogstens {MAX_TEXT} tekens"
        found = MARKUP.search(value)
        if found:
            return f"mag geen {found.group()} bevatten: de site zet deze tekst zoals hij is in de HTML van de pagina"
        return textrules.invisible(value)
    if key == "status" and not (isinstance(value, str) and STATUS.fullmatch(value)):
        return "moet één woord zijn met kleine letters, cijfers en streepjes, zoals new"
    if key == "hide" and not (isinstance(value, list) and all(isinstance(i, str) and i in HIDE for i in value)):
        return f"moet een lijst zijn met woorden uit: {', '.join(sorted(HIDE))}"
    if key == "search":
        fine = isinstance(value, dict) and all(
            name in SEARCH and isinstance(setting, SEARCH[name]) for name, setting in value.items()
        )
        if not fine:
            return "mag alleen exclude: true of false en boost: een getal bevatten"
    return None


def active_html(html: str) -> list[tuple[str, str]]:
    """What in a page's HTML could run script, load something or send a form.

    One (text to find it by in the source, Dutch reason) for each.
    """
    finder = _Active()
    finder.feed(html)
    finder.close()
    return list(dict.fromkeys(finder.found))


class _Active(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.found.append(
                (
                    f"<{tag}",
                    f"de pagina bevat HTML <{tag}>, dat script kan laten draaien of iets van buiten laadt; "
                    "schrijf de pagina in Markdown zonder deze HTML",
                )
            )
        for name, value in attrs:
            if name.startswith("on") or name in SENDS:
                self.found.append((name, f"de pagina bevat het HTML-attribuut '{name}' (bij <{tag}>); haal het weg"))
            elif name in ("id", "name") and value is not None and anchors.reserved(value):
                self.found.append(
                    (
                        value.lower(),
                        f"de pagina geeft een element de naam '{value}' ({name}), die de site zelf gebruikt "
                        "(namen die beginnen met __, hb- of filter-, en filters); kies een andere",
                    )
                )
            elif value is not None and (name in LOADS or (name in sanitize.URL_ATTRIBUTES and tag not in _LINKS)):
                if not all(sanitize.own_image(address) for address in _addresses(name, value)):
                    self.found.append(
                        (
                            _needle(value),
                            f"de pagina laat de browser met <{tag} {name}=...> iets laden van buiten de site; "
                            "afbeeldingen, video en geluid alleen van de site zelf",
                        )
                    )
            elif name in sanitize.URL_ATTRIBUTES and value is not None and not sanitize.allowed(value):
                self.found.append(
                    (
                        _needle(value),
                        f"de pagina linkt met <{tag} {name}=...> naar een adres dat niet mag "
                        "(alleen http, https, mailto of de site zelf; afbeeldingen alleen van de site zelf)",
                    )
                )

    handle_startendtag = handle_starttag


_LINKS = ("a", "area", "blockquote", "q", "del", "ins")  # where an address is followed or cited, not loaded


def _addresses(name: str, value: str) -> list[str]:
    """The addresses in an attribute: a srcset lists several (`a.png 1x, b.png 2x`), each loaded."""
    if "srcset" not in name:
        return [value]
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()] or [value]


def _needle(value: str) -> str:
    return value.lower()[:40]


_CONVERTERS: dict[str, Convert] = {}


def markdown_converter(extensions: Iterable, configs: dict) -> Convert:
    """The site's Markdown (the extensions and settings of mkdocs.yml) as a function of a page's text.

    Kept per configuration, with the HTML of each text it converted: `make serve`
    checks docs/ on every rebuild, and then converts only a page that changed.
    """
    import markdown

    extensions, configs = list(extensions), dict(configs)
    key = repr((extensions, sorted(configs.items(), key=lambda item: str(item[0]))))
    if key not in _CONVERTERS:
        converter = markdown.Markdown(extensions=extensions, extension_configs=configs)

        @lru_cache(maxsize=512)
        def convert(text: str) -> str:
            converter.reset()
            return converter.convert(text)

        _CONVERTERS[key] = convert
    return _CONVERTERS[key]


def site_markdown(config_file: Path) -> Convert:
    """The converter for the project whose configuration is `config_file` (mkdocs.yml), for `check`."""
    import yaml

    class Tolerant(yaml.SafeLoader):
        """Reads mkdocs.yml whatever tags it uses (!ENV, !!python/name): only the Markdown settings matter."""

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    return config_markdown(yaml.load(config_file.read_text(encoding="utf-8"), Loader=Tolerant) or {})  # safe


def config_markdown(config: dict) -> Convert:
    """The converter for a configuration read as plain data (its `markdown_extensions` list)."""
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        name, settings = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        configs[name] = settings or {}
    return markdown_converter(names, configs)
