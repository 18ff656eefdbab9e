"""What PDFs cost: render time per PDF and for the whole handbook, cold and from the cache.

Run with `make bench`. Prints a table; no assertions (targets are reported, not tested).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from handbook.base.paths import BOOK_PDF
from handbook.printing import jobs as printing
from handbook.printing import pdfs
from handbook.records import collection

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    book = collection.load(ROOT / "werkvormen")
    jobs = printing.jobs(book, printing.Site())
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp)
        # one cache folder per PDF: build_all prunes what its own call did not use
        cold = {job.path: _timed(lambda j=job: _one(j, cache)) for job in jobs}
        warm = {job.path: _timed(lambda j=job: _one(j, cache)) for job in jobs}
    singles = [t for path, (t, _) in cold.items() if path != BOOK_PDF]
    sizes = [len(pdf.content) for path, (_, pdf) in cold.items() if path != BOOK_PDF]
    book_time, book_pdf = cold[BOOK_PDF]
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(book_pdf.content)).pages)
    rows = [
        ("checklist PDFs", f"{len(singles)}"),
        ("render per checklist PDF, median", f"{statistics.median(singles):.2f} s"),
        ("render per checklist PDF, max", f"{max(singles):.2f} s"),
        ("size per checklist PDF, median", f"{statistics.median(sizes) / 1000:.0f} kB"),
        ("whole handbook PDF", f"{book_time:.2f} s, {pages} pages, {len(book_pdf.content) / 1000:.0f} kB"),
        ("all PDFs cold", f"{sum(t for t, _ in cold.values()):.2f} s"),
        ("all PDFs from cache", f"{sum(t for t, _ in warm.values()):.3f} s"),
    ]
    rows += _parallel(jobs)
    width = max(len(name) for name, _ in rows)
    print(f"PDF cost ({len(book.werkvormen)} werkvormen, {len(book.checklists)} checklists)")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    return 0


def _one(job: printing.PrintJob, cache: Path) -> pdfs.Pdf:
    return pdfs.build_all([job], cache / job.path.replace("/", "_"), workers=1)[0]


def _parallel(jobs, rounds: int = 2) -> list[tuple[str, str]]:
    """All PDFs cold through `build_all`, one process against one per core, interleaved (the machine is shared)."""
    cores = len(os.sched_getaffinity(0))
    times: dict[int, list[float]] = {1: [], cores: []}
    for _ in range(rounds):
        for workers in times:
            with tempfile.TemporaryDirectory() as tmp:
                times[workers].append(_timed(lambda w=workers, t=tmp: pdfs.build_all(jobs, Path(t), workers=w))[0])
    one, many = statistics.median(times[1]), statistics.median(times[cores])
    return [
        ("all PDFs cold, one process", f"{one:.2f} s"),
        (
            f"all PDFs cold, {cores} processes",
            f"{many:.2f} s ({one / many:.2f}x; load before: {os.getloadavg()[0]:.1f})",
        ),
    ]


def _timed(action):
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


if __name__ == "__main__":
    sys.exit(main())
