"""The PDF cache, the one cache kept between builds: the same bytes as without it, and no entry kept that no build
uses. (What `serve` keeps in memory: test_serve_cache.py; builds after a changed input: test_trust.py.)"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import ROOT

from handbook import build as pipeline
from handbook import pdfs, printing
from handbook.paths import BOOK_PDF

sys.path.insert(0, str(ROOT / "hooks"))
import handbook_hooks


def _settings(**own) -> handbook_hooks.Settings:
    return handbook_hooks.Settings.read(SimpleNamespace(extra={"handbook": own}, config_file_path=str(ROOT / "x.yml")))


def test_the_preview_address_of_serve_is_never_printed_in_a_pdf():
    serving = SimpleNamespace(site_url="http://127.0.0.1:8000/", dev_addr=("127.0.0.1", 8000))
    assert handbook_hooks._published_url(serving, _settings()) == ""
    published = _settings(published_url="https://handboek.example/")
    assert handbook_hooks._published_url(serving, published) == "https://handboek.example/"
    built = SimpleNamespace(site_url="https://handboek.example/", dev_addr=("127.0.0.1", 8000))
    assert handbook_hooks._published_url(built, _settings()) == "https://handboek.example/"


def test_the_hooks_settings_are_typed_and_an_unknown_one_is_refused():
    assert _settings() == handbook_hooks.Settings("all", ROOT / ".cache" / "pdf", "")
    assert _settings(pdf=0, pdf_cache="/tmp/pdf").pdf == "off"
    assert _settings(pdf="records", pdf_cache="/tmp/pdf").pdf_cache == Path("/tmp/pdf")
    with pytest.raises(handbook_hooks.PluginError, match="alleen pdf, pdf_cache, published_url"):
        _settings(pdfs="off")


def _small_jobs() -> list[printing.PrintJob]:
    book = pipeline.load(ROOT / "werkvormen")
    return [job for job in printing.jobs(book, printing.Site(), whole_book=False) if "checklist-" in job.path][-3:]


@pytest.mark.slow  # renders PDFs
def test_pdfs_rendered_side_by_side_are_the_same_bytes(tmp_path: Path):
    jobs = _small_jobs()
    alone = pdfs.build_all(jobs, None, workers=1)
    together = pdfs.build_all(jobs, None, workers=2)
    assert [p.content for p in alone] == [p.content for p in together]
    assert all(p.rendered for p in together)


@pytest.mark.slow  # renders PDFs
def test_the_pdf_cache_keeps_the_used_and_the_previous_entry_of_each_pdf(tmp_path: Path):
    jobs = _small_jobs()
    pdfs.build_all(jobs, tmp_path, workers=1)
    (tmp_path / "orphan.pdf").write_bytes(b"%PDF-")
    changed = [
        printing.PrintJob(j.path, j.title, j.html.replace("</body>", "<p>nieuw</p></body>"), j.date) for j in jobs
    ]
    assert all(p.rendered for p in pdfs.build_all(changed, tmp_path, workers=1))
    assert not any(p.rendered for p in pdfs.build_all(jobs, tmp_path, workers=1))  # an undone edit costs nothing
    kept = {p.stem for p in tmp_path.glob("*.pdf")}
    assert kept == {pdfs.key(j) for j in jobs + changed}
    pdfs.build_all(jobs[:1], tmp_path, workers=1)  # the others are no longer part of the handbook
    assert {p.stem for p in tmp_path.glob("*.pdf")} == {pdfs.key(jobs[0]), pdfs.key(changed[0])}


def test_a_preview_without_the_whole_book_does_not_render_its_html(monkeypatch):
    book = pipeline.load(ROOT / "werkvormen")
    made = [job.path for job in printing.jobs(book, printing.Site(), whole_book=False)]
    assert BOOK_PDF not in made and len(made) == len(book.entries)
