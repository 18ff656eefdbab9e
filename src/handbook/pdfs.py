"""PDFs with WeasyPrint, cached on their content so that unchanged ones are never rendered again.

The cache key covers everything a PDF is made from (its HTML, the print
CSS, the fonts and WeasyPrint's version), so a hit is always the right
bytes, and the PDF identifier is derived from the same key: two builds of
the same records give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from .printing import HANDBOOK_PDF, PrintJob, stylesheet

FONTS = files("handbook").joinpath("fonts")


def build_all(jobs: list[PrintJob], cache: Path | None, whole_book: bool = True) -> list[Pdf]:
    """Every PDF for `jobs`; the whole-handbook PDF only when `whole_book`."""
    return [build(job, cache) for job in jobs if whole_book or job.path != HANDBOOK_PDF]


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
    if cached and cached.is_file():
        return Pdf(job.path, job.title, cached.read_bytes(), rendered=False)
    content = _render(job, digest)
    if cached:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(content)
        tmp.replace(cached)
    return Pdf(job.path, job.title, content, rendered=True)


def _render(job: PrintJob, digest: str) -> bytes:
    import weasyprint  # imported here: it is slow to load and not needed when PDFs are off
    from weasyprint.text.fonts import FontConfiguration

    with _source_date(job.date):  # also while @font-face loads: WeasyPrint rewrites WOFF fonts then
        fonts = FontConfiguration()  # @font-face rules only load through a shared font configuration
        css = weasyprint.CSS(string=stylesheet(), base_url=str(FONTS) + "/", font_config=fonts)
        html = weasyprint.HTML(string=job.html, base_url=str(FONTS) + "/")
        return html.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1",
                              pdf_identifier=digest[:32].encode())


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
