"""PDFs with WeasyPrint, cached on their content so that unchanged ones are never rendered again.

The cache key covers everything a PDF is made from (its HTML, the print
CSS, the fonts and WeasyPrint's version), so a hit is always the right
bytes, and the PDF identifier is derived from the same key: two builds of
the same records give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from .printing import BOOK_PDF, PrintJob, stylesheet

FONTS = files("handbook").joinpath("fonts")
log = logging.getLogger("handbook.pdfs")  # not MkDocs': a cache that cannot be written must not fail a --strict build


def build_all(jobs: list[PrintJob], cache: Path | None, whole_book: bool = True) -> list[Pdf]:
    """Every PDF for `jobs`; the whole-handbook PDF only when `whole_book`."""
    return [build(job, cache) for job in jobs if whole_book or job.path != BOOK_PDF]


@dataclass(frozen=True)
class Pdf:
    path: str
    title: str
    content: bytes
    rendered: bool  # False when it came from the cache


def key(job: PrintJob) -> str:
    """The cache key: what every PDF shares (hashed once per process) and this job's HTML."""
    digest = _shared_digest().copy()
    digest.update(job.html.encode("utf-8"))
    return digest.hexdigest()


@cache
def _shared_digest():
    digest = hashlib.sha256()
    for part in (version("weasyprint"), stylesheet()):
        digest.update(part.encode("utf-8") + b"\0")
    for font in sorted(FONTS.iterdir(), key=lambda f: f.name):
        if font.name.endswith(".woff"):
            digest.update(font.name.encode() + font.read_bytes())
    return digest


def build(job: PrintJob, cache: Path | None) -> Pdf:
    """The PDF for `job`, from the cache when its content did not change."""
    digest = key(job)
    cached = cache / f"{digest}.pdf" if cache else None
    content = _read_verified(cached) if cached else None
    if content is not None:
        return Pdf(job.path, job.title, content, rendered=False)
    content = _render(job, digest)
    if cached:
        _store(cached, content)
    return Pdf(job.path, job.title, content, rendered=True)


def _read_verified(cached: Path) -> bytes | None:
    """A cached PDF, only when it is whole: its SHA-256 matches the one stored beside it when it was written.

    A truncated or altered file (a full disk, a crash, someone's hand) is
    rendered again instead of being published.
    """
    try:
        content = cached.read_bytes()
        stored = cached.with_suffix(".sha256").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if content.startswith(b"%PDF-") and hashlib.sha256(content).hexdigest() == stored:
        return content
    log.info(f"PDF-cache: {cached.name} klopt niet meer en wordt opnieuw gemaakt")
    return None


def _store(cached: Path, content: bytes) -> None:
    """Keep a rendered PDF for the next build; a cache that cannot be written only costs time."""
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for path, data in (
            (cached, content),
            (cached.with_suffix(".sha256"), hashlib.sha256(content).hexdigest().encode("ascii")),
        ):
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
    except OSError as error:
        log.warning(
            f"PDF-cache {cached.parent} is niet te schrijven ({error.strerror}); de PDF's worden "
            "elke keer opnieuw gemaakt"
        )


def _render(job: PrintJob, digest: str) -> bytes:
    import weasyprint  # imported here: it is slow to load and not needed when PDFs are off
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _own_files_only()
    with _source_date(job.date):  # also while @font-face loads: WeasyPrint rewrites WOFF fonts then
        fonts = FontConfiguration()  # @font-face rules only load through a shared font configuration
        css = weasyprint.CSS(string=stylesheet(), base_url=str(FONTS) + "/", font_config=fonts, url_fetcher=fetcher)
        html = weasyprint.HTML(string=job.html, base_url=str(FONTS) + "/", url_fetcher=fetcher)
        return html.write_pdf(
            stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1", pdf_identifier=digest[:32].encode()
        )


@cache
def _own_files_only():
    """A WeasyPrint URL fetcher that serves the package's fonts and refuses everything else.

    The build runs on records from outside the team: with WeasyPrint's own
    fetcher, an address in a record would make the build request any host
    (and wait for it) or read any file it can reach into a published PDF.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    fonts = Path(str(FONTS)).resolve()

    class OwnFiles(URLFetcher):
        def fetch(self, url, headers=None):
            path = _local_path(url)
            if path is None or path.parent != fonts or path.suffix not in (".woff", ".woff2"):
                raise ValueError(f"het handboek haalt niets op buiten zijn eigen lettertypen: {url[:80]}")
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": f"font/{path.suffix[1:]}"})

    return OwnFiles()


def _local_path(url: str) -> Path | None:
    if not url.startswith("file://"):
        return None
    from urllib.request import url2pathname

    return Path(url2pathname(url.removeprefix("file://").split("?")[0].split("#")[0])).resolve()


@contextmanager
def _source_date(day: dt.date):
    """fontTools stamps the clock into every font subset it saves, unless SOURCE_DATE_EPOCH is set."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
