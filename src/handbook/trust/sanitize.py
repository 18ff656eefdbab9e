"""What record text may become once Markdown has parsed it: the one allowlist for pages and PDFs.

Record text comes from people outside the team. `text.md` already shows raw
HTML and attribute lists as text, so the only elements record text can make
are the ones Markdown's own syntax makes. What is left to police is where
they point, and that can only be judged after parsing: Python-Markdown
accepts link references whose address stands on the next line, angle
brackets, entities and other spellings that no regular expression over the
source sees. So this tree processor runs after every other one and looks at
the addresses the elements really carry:

- a link keeps its address only when that is http, https or mailto, or a
  link inside the site (no scheme); otherwise the text stays, without link;
- an image is kept only when the site itself serves it (a relative address);
  any other becomes its alt text, so no reader's browser is sent elsewhere;
- in print, only absolute http(s) and mailto links survive and no image at
  all: a relative address in a PDF would point at the build machine's disk.

The site loads it through `markdown_extensions` in mkdocs.yml (any engine
that runs Python-Markdown can); the print path builds its own Markdown with
it (`render`).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree  # noqa: N813 (Python-Markdown's own name for it)
from functools import cache, lru_cache
from html.parser import HTMLParser

import markdown
from markdown.extensions import Extension
from markdown.extensions import toc as toc_extension
from markdown.treeprocessors import Treeprocessor

from handbook.base import anchors

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "xlink:href")
# browsers drop these before they read an address: "java\tscript:" is "javascript:"
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def scheme(url: str) -> str | None:
    """The scheme of `url` as a browser would read it, lower case; None for an address inside the site."""
    found = _SCHEME.match(_IGNORED.sub("", url))
    return found.group(1).lower() if found else None


def allowed(url: str, *, relative: bool = True) -> bool:
    """Whether a link may point at `url`: http, https, mailto, and (when `relative`) an address inside the site."""
    cleaned = _IGNORED.sub("", url)
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):  # another host, without a scheme
        return False
    found = scheme(url)
    return found in SAFE_SCHEMES if found else relative


def own_image(url: str) -> bool:
    """An image the site serves itself: a relative address, not another host."""
    cleaned = _IGNORED.sub("", url)
    return bool(cleaned) and scheme(url) is None and not cleaned.startswith(("//", "\\", "/\\"))


class SafeAddresses(Treeprocessor):
    """Drops every address the allowlist does not allow (see the module docstring)."""

    def __init__(self, md: markdown.Markdown, for_print: bool):
        super().__init__(md)
        self.for_print = for_print

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, element in reversed(list(enumerate(parent))):
                if element.tag == "img" and (self.for_print or not own_image(element.get("src", ""))):
                    _replace_with_text(parent, index, element.get("alt", ""))
                    continue
                for name in list(element.attrib):
                    if name.lower().startswith("on") or (
                        name.lower() in URL_ATTRIBUTES
                        and not allowed(element.attrib[name], relative=not self.for_print)
                    ):
                        del element.attrib[name]


class ReservedIds(Treeprocessor):
    """Gives a heading whose text would make a reserved id (see `anchors`) a namespaced id of its own.

    Runs before the table of contents (which keeps an id a heading already
    has), with the same slugify and separator, so that the contents, the
    permalink and the heading agree. Without a table of contents (PDFs,
    `safe_source`'s comparison) headings get no ids, and neither do these:
    the comparison would otherwise see a difference and flatten the text.
    """

    HEADING = re.compile(r"[Hh][1-6]")

    def run(self, root: etree.Element) -> None:
        if "toc" not in self.md.treeprocessors:
            return
        toc = self.md.treeprocessors["toc"]
        slugify = getattr(toc, "slugify", toc_extension.slugify)
        separator = getattr(toc, "sep", "-")
        taken = {str(element.get("id")) for element in root.iter() if element.get("id")}
        for element in root.iter():
            if not isinstance(element.tag, str) or not self.HEADING.fullmatch(element.tag) or "id" in element.attrib:
                continue
            inner = toc_extension.render_inner_html(toc_extension.remove_fnrefs(element), self.md)
            anchor = slugify(html.unescape(toc_extension.strip_tags(inner)), separator)
            if anchors.reserved(anchor):
                anchor = anchors.namespaced(anchor, taken)
                element.set("id", anchor)
                taken.add(anchor)


def _replace_with_text(parent: etree.Element, index: int, text: str) -> None:
    """Put `text` where the child at `index` stood, keeping the text that followed it."""
    child = parent[index]
    joined = text + (child.tail or "")
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(child)


class SanitizeExtension(Extension):
    """`markdown_extensions: [handbook.trust.sanitize]`; `for_print: true` for PDFs."""

    def __init__(self, **kwargs):
        self.config = {"for_print": [False, "only absolute http(s) and mailto links, no images"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # after every other tree processor (inline patterns 20, attr_list 8, toc 5 ... unescape 0)
        md.treeprocessors.register(SafeAddresses(md, self.getConfig("for_print")), "handbook_sanitize", -100)
        # after attribute lists (8), before the table of contents (5), which keeps an id a heading has
        md.treeprocessors.register(ReservedIds(md), "handbook_reserved_ids", 6)


def makeExtension(**kwargs) -> SanitizeExtension:  # noqa: N802 (Python-Markdown looks for this name)
    return SanitizeExtension(**kwargs)


@cache
def _print_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists", SanitizeExtension(for_print=True)], output_format="html")


def render_for_print(source: str) -> str:
    """Safe Markdown text (see `text.md`) as sanitised HTML for a PDF; one Markdown object for every call."""
    converter = _print_markdown()
    converter.reset()
    return converter.convert(source)


# ------------------------------------------------------------ safe before any engine parses it

_CHECK_EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables")
_TEXT_ESCAPES = {char: f"&#{ord(char)};" for char in "\\`*_{}[]|<>"}
_LINE_START = re.compile(r"^(?:[#>+=:!?~-]|\d+[.)])")
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "dt", "dd", "tr", "div"})


def safe_source(source: str) -> str:
    """Record Markdown (after `text.md`) that is safe before any engine parses it, with or without this extension.

    The export hands pages to engines that cannot load `handbook.trust.sanitize`
    (Zensical, or a CommonMark engine later), so the Markdown itself must
    make no address the allowlist refuses. A text is parsed on its own, as
    the site parses it; when the sanitiser would change nothing and the text
    defines no link reference (which another text on the same page could
    use), it is returned unchanged: every real record. Otherwise the text
    is written out again from the sanitised result: links it may keep as
    inline links, refused ones as their text, every other mark-up as text.
    """
    if "[" not in source:  # no link, image or reference can be made without a bracket
        return source
    return _safe_source(source)


@lru_cache(maxsize=1 << 12)
def _safe_source(source: str) -> str:
    if _is_safe(source):
        return source
    rewritten = _rewrite(_convert(source, sanitized=True), links=True)
    return rewritten if _is_safe(rewritten) else _rewrite(_convert(source, sanitized=True), links=False)


@cache
def _checking_markdown(sanitized: bool) -> markdown.Markdown:
    extensions: list = [*_CHECK_EXTENSIONS, SanitizeExtension()] if sanitized else list(_CHECK_EXTENSIONS)
    return markdown.Markdown(extensions=extensions, output_format="html")


def _convert(source: str, *, sanitized: bool) -> str:
    converter = _checking_markdown(sanitized)
    converter.reset()
    return converter.convert(source)


def _is_safe(source: str) -> bool:
    plain = _convert(source, sanitized=False)
    if _checking_markdown(False).references:
        return False
    return plain == _convert(source, sanitized=True)


def _rewrite(html: str, *, links: bool) -> str:
    writer = _MarkdownWriter(links)
    writer.feed(html)
    writer.close()
    return "\n\n".join(writer.blocks)


def _escape_text(text: str) -> str:
    return "".join(_TEXT_ESCAPES.get(char, char) for char in text.replace("&", "&amp;"))


class _MarkdownWriter(HTMLParser):
    """Sanitised HTML back to Markdown: one paragraph per block, allowed links and own images, all else text."""

    def __init__(self, links: bool):
        super().__init__(convert_charrefs=True)
        self.links = links
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.link_stack: list[tuple[list[str], str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self.link_stack.append((self.line, values.get("href")))
            self.line = []
        elif tag == "img":
            alt, src = _escape_text(values.get("alt") or ""), values.get("src")
            self.line.append(f"![{alt}](<{_address(src)}>)" if self.links and src and own_image(src) else alt)
        elif tag == "br":
            self.line.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.link_stack:
            text = "".join(self.line)
            self.line, href = self.link_stack.pop()
            self.line.append(f"[{text}](<{_address(href)}>)" if self.links and href and allowed(href) else text)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self.line.append(_escape_text(data))

    def close(self) -> None:
        super().close()
        while self.link_stack:
            self.handle_endtag("a")
        self._flush()

    def _flush(self) -> None:
        line = " ".join("".join(self.line).split())
        self.line = []
        if line:
            start = _LINE_START.match(line)
            self.blocks.append(f"&#{ord(line[0])};{line[1:]}" if start else line)


def _address(url: str) -> str:
    """An address inside `<...>` of an inline link: no space, angle bracket or line break; & stays escaped."""
    encoded = "".join(f"%{ord(char):02X}" if char in " <>\n\r\t" else char for char in url)
    return encoded.replace("&", "&amp;")
