"""PDFs with WeasyPrint, cached on their content so that unchanged ones are never rendered again.

The cache key covers everything a PDF is made from: its HTML, the print
CSS and the fonts (read again for every build, so an edit during `serve`
counts); our own print code (this module, with its fetcher, font
configuration and `RENDER` options, and handbook.printing.jobs: `own_code`); the
system fonts a `sans-serif` fallback may pick (`system_fonts`); and the
renderer: the versions of WeasyPrint and of every package it depends on,
found from its metadata rather than listed by hand, and of the pango and
fontconfig it loaded (`renderer_versions`). A hit is always
the right bytes, and the PDF identifier is derived from the same key: two
builds of the same records give byte-identical files.

PDFs that must be rendered are rendered side by side, one process per
core, the biggest first; each job sets its own SOURCE_DATE_EPOCH in its own
process, so the bytes are the same as one after another. After a build the
cache keeps, per PDF, the entry this build used and the one before it (an
undone edit costs nothing); every other entry is removed (`prune`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import platform
import re
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from handbook.base.paths import BOOK_PDF, FONTS
from handbook.printing import jobs as printing
from handbook.printing.jobs import PrintJob

log = logging.getLogger(
    "handbook.printing.pdfs"
)  # not MkDocs': a cache that cannot be written must not fail a --strict build


# WeasyPrint's options for every PDF (the identifier comes from the key); in the key, like all our print code
RENDER = {"pdf_variant": "pdf/ua-1"}
# the families the print CSS may fall back to when a character is missing from the handbook's own font
FALLBACKS = ("sans-serif",)
MANIFEST = "index.json"  # in the cache folder: per PDF path, the keys of its last two entries


def build_all(
    jobs: list[PrintJob], cache: Path | None, whole_book: bool = True, workers: int | None = None
) -> list[Pdf]:
    """Every PDF for `jobs` (the whole-handbook PDF only when `whole_book`), in the order of `jobs`.

    What the cache does not hold is rendered on up to `workers` processes
    (default: the cores this process may use); then the cache is pruned.
    """
    jobs = [job for job in jobs if whole_book or job.path != BOOK_PDF]
    shared = Shared.read()
    digests = {job.path: key(job, shared) for job in jobs}
    found = {job.path: _read_verified(cache / f"{digests[job.path]}.pdf") if cache else None for job in jobs}
    missing = [job for job in jobs if found[job.path] is None]
    rendered = dict(zip((job.path for job in missing), _render_all(missing, digests, shared, workers), strict=True))
    for path, content in rendered.items():
        if cache:
            _store(cache / f"{digests[path]}.pdf", content)
    if cache:
        prune(cache, digests, also=() if whole_book else (BOOK_PDF,))
    return [
        Pdf(job.path, job.title, found[job.path] or rendered[job.path], rendered=job.path in rendered) for job in jobs
    ]


def _render_all(jobs: list[PrintJob], digests: dict[str, str], shared: Shared, workers: int | None) -> list[bytes]:
    """Render `jobs` (results in their order): in this process when there is one, else in a pool."""
    workers = min(len(jobs), workers or len(os.sched_getaffinity(0)))
    if workers < 2:
        return [_render(job, digests[job.path], shared.css) for job in jobs]
    # biggest first, so that the whole book (seconds) is not the one left running alone at the end
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].html))
    # fork: the workers start with WeasyPrint and the fonts as far as this process has them, and no
    # script is imported again (spawn and forkserver re-run the caller's main module)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {i: pool.submit(_render, jobs[i], digests[jobs[i].path], shared.css) for i in order}
            return [futures[i].result() for i in range(len(jobs))]
    except BrokenProcessPool:  # a worker died (out of memory?): the slow way still gives the same bytes
        log.warning("PDF's: een werkproces stopte; de PDF's worden een voor een gemaakt")
        return [_render(job, digests[job.path], shared.css) for job in jobs]


def prune(cache: Path, used: dict[str, str], also: tuple[str, ...] = ()) -> None:
    """Remove every cache entry except, per PDF path, the one just `used` ({path: key}) and the one before it.

    The paths in `also`, PDFs that exist but that this build did not make
    (the whole book while previewing), keep what they had; the entries of
    PDFs that are gone (a record removed or renamed) go. A cache that cannot
    be read or written is left be.
    """
    try:
        manifest = json.loads((cache / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict):
            manifest = {}
    except (OSError, ValueError):
        manifest = {}
    kept: dict[str, list[str]] = {}
    for path, keys in manifest.items():
        if path in used or path not in also or not isinstance(keys, list):
            continue
        kept[path] = [k for k in keys if isinstance(k, str)][:2]
    for path, digest in used.items():
        before = [k for k in manifest.get(path, []) if isinstance(k, str) and k != digest]
        kept[path] = [digest, *before[:1]]
    keep = {digest for keys in kept.values() for digest in keys}
    try:
        with os.scandir(cache) as entries:  # names only: Path objects for thousands of entries cost a tenth of a second
            for entry in entries:
                stem, _, suffix = entry.name.rpartition(".")
                if suffix in ("pdf", "sha256") and stem not in keep:
                    os.unlink(entry.path)
        _write(cache / MANIFEST, json.dumps(kept, indent=1, sort_keys=True).encode("utf-8"))
    except OSError as error:
        log.info(f"PDF-cache {cache} is niet op te ruimen ({error.strerror})")


@dataclass(frozen=True)
class Pdf:
    path: str
    title: str
    content: bytes
    rendered: bool  # False when it came from the cache


@dataclass(frozen=True)
class Shared:
    """What every PDF of one build is made from besides its own HTML, read afresh for each build."""

    css: str
    digest: str

    @classmethod
    def read(cls) -> Shared:
        css = printing.stylesheet()
        hashed = hashlib.sha256()
        for name, number in renderer_versions():
            hashed.update(f"{name}=={number}\0".encode())
        hashed.update(own_code().encode("ascii") + b"\0" + system_fonts().encode("utf-8") + b"\0")
        hashed.update(json.dumps(RENDER, sort_keys=True).encode("utf-8") + b"\0")
        hashed.update(css.encode("utf-8") + b"\0")
        for font in sorted(FONTS.iterdir(), key=lambda f: f.name):
            if font.name.endswith(".woff"):
                hashed.update(font.name.encode() + b"\0" + font.read_bytes())
        return cls(css, hashed.hexdigest())


def key(job: PrintJob, shared: Shared | None = None) -> str:
    """The cache key: what every PDF shares (`Shared`, read now when not given) and this job's HTML."""
    shared = shared or Shared.read()
    return hashlib.sha256(shared.digest.encode("ascii") + b"\0" + job.html.encode("utf-8")).hexdigest()


def own_code() -> str:
    """The SHA-256 of our print code: this module (rendering, fetcher, font configuration) and the print HTML's."""
    hashed = hashlib.sha256()
    for module in (__file__, printing.__file__):
        hashed.update(Path(module).read_bytes() + b"\0")
    return hashed.hexdigest()


@cache  # fonts are not installed while a build runs
def system_fonts() -> str:
    """The fonts fontconfig resolves each fallback family to, in order (`fc-match -s`), each with its size;
    without fc-match, every font file fontconfig knows of (`fc-list`); without either, nothing."""
    if shutil.which("fc-match"):
        commands = [(family, ["fc-match", "-s", family]) for family in FALLBACKS]
    else:
        commands = [("*", ["fc-list"])] if shutil.which("fc-list") else []
    lines = []
    for family, command in commands:
        try:
            listed = subprocess.run(
                [*command, "--format", "%{file}\n"], capture_output=True, text=True, timeout=30, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            listed = "(fontconfig gaf geen antwoord)"
        for path in listed.splitlines():
            size = os.path.getsize(path) if os.path.isfile(path) else -1
            lines.append(f"{family}\0{path}\0{size}")
    return "\n".join(lines)


@cache  # the libraries this process loaded do not change while it runs
def renderer_versions() -> tuple[tuple[str, str], ...]:
    """Every package the renderer runs on, with its version: WeasyPrint, what it requires (found from the
    packages' own metadata, all the way down), Python, and the pango and fontconfig libraries it loaded."""
    found: dict[str, str] = {}
    waiting = ["weasyprint"]
    while waiting:
        name = waiting.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        canonical = dist.metadata["Name"].lower().replace("_", "-")
        if canonical in found:
            continue
        found[canonical] = dist.version
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                waiting.append(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
    found["python"] = platform.python_version()
    found.update(_libraries())
    return tuple(sorted(found.items()))


NATIVE = ("libpango", "libharfbuzz", "libfontconfig", "libfreetype", "libfribidi", "libgobject")


def _libraries() -> dict[str, str]:
    """The C libraries WeasyPrint lays text out with (the ones its `text.ffi` opens, and what they load),
    by the files loaded into this process: `libharfbuzz.so.0.60830.0` names its version."""
    from weasyprint.text.ffi import pango

    found = {"pango": str(pango.pango_version())}
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            loaded = {line.split()[-1] for line in maps if ".so" in line}
    except OSError:  # not Linux: pango's own number only
        return found
    for path in loaded:
        real = os.path.basename(os.path.realpath(path))
        if real.startswith(NATIVE):
            found[real.partition(".so")[0]] = real
    return found


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
            _write(path, data)
    except OSError as error:
        log.warning(
            f"PDF-cache {cached.parent} is niet te schrijven ({error.strerror}); de PDF's worden "
            "elke keer opnieuw gemaakt"
        )


def _write(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def _render(job: PrintJob, digest: str, css: str) -> bytes:
    import weasyprint  # imported here: it is slow to load and not needed when PDFs are off
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _own_files_only()
    with _source_date(job.date):  # also while @font-face loads: WeasyPrint rewrites WOFF fonts then
        fonts = FontConfiguration()  # @font-face rules only load through a shared font configuration
        sheet = weasyprint.CSS(string=css, base_url=str(FONTS) + "/", font_config=fonts, url_fetcher=fetcher)
        html = weasyprint.HTML(string=job.html, base_url=str(FONTS) + "/", url_fetcher=fetcher)
        return html.write_pdf(stylesheets=[sheet], font_config=fonts, pdf_identifier=digest[:32].encode(), **RENDER)


def warm_up() -> None:
    """Import WeasyPrint ahead of need (half a second): `serve` calls it while it waits for the first edit."""
    import weasyprint  # noqa: F401

    _own_files_only()


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
