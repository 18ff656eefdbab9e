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
- in a page, only the front-matter keys in `FRONT_MATTER`, and no raw HTML
  that can run script, load something or send a form (`ACTIVE_TAGS`, `on*`
  attributes, addresses `sanitize.allowed` refuses): judged on the HTML the
  site's own Markdown makes of the page, so no spelling gets past it.

The lists below are the one place where these rules live.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from . import sanitize
from .discovery import every_file
from .problems import Problem
from .yamlfile import YamlProblem, parse

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
                    "onderhouder controleert het en zet de nieuwe SHA-256 in src/handbook/docsdir.py (KNOWN)",
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
        return page(path.read_text(encoding="utf-8", errors="replace"), where, convert)
    return []


_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page(text: str, where: str, convert: Convert | None = None) -> list[Problem]:
    """The problems of one hand-written page: its front matter, and active HTML in what it becomes."""
    problems: list[Problem] = []
    front = _FRONT.match(text)
    if front:
        problems += _front_matter(front.group(1), where)
    if convert is not None:
        body = text[front.end() :] if front else text
        start = text[: front.end()].count("\n") if front else 0
        lowered = body.lower()
        for needle, reason in active_html(convert(body)):
            at = lowered.find(needle)
            line = start + (lowered.count("\n", 0, at) + 1 if at >= 0 else 1)
            problems.append(Problem(where, line, 1, "", reason))
    return problems


def _front_matter(text: str, where: str) -> list[Problem]:
    try:
        doc = parse(text)
    except YamlProblem as problem:
        return [Problem(where, problem.line + 1, problem.column, "", problem.message)]
    if not isinstance(doc.data, dict):
        return [Problem(where, 2, 1, "", "de kop van de pagina (tussen ---) moet velden hebben (naam: waarde)")]
    problems = []
    for key in doc.data:
        if key in FRONT_MATTER:
            continue
        line, column = doc.where((key,))
        if key == "template":
            reason = "kiest een sjabloon van de site; welk sjabloon een pagina krijgt, bepaalt de site zelf"
        else:
            reason = "is geen veld dat een pagina in haar kop (tussen ---) mag zetten"
        problems.append(
            Problem(where, line + 1, column, str(key), f"{reason}; toegestaan: {', '.join(sorted(FRONT_MATTER))}")
        )
    return problems


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
            if name.startswith("on") or name in ("srcdoc", "formaction", "style"):
                self.found.append((name, f"de pagina bevat het HTML-attribuut '{name}' (bij <{tag}>); haal het weg"))
            elif name in sanitize.URL_ATTRIBUTES and value is not None:
                safe = sanitize.own_image(value) if tag == "img" and name == "src" else sanitize.allowed(value)
                if not safe:
                    self.found.append(
                        (
                            value.lower()[:40],
                            f"de pagina linkt met <{tag} {name}=...> naar een adres dat niet mag "
                            "(alleen http, https, mailto of de site zelf; afbeeldingen alleen van de site zelf)",
                        )
                    )

    handle_startendtag = handle_starttag


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
