"""The PDF cache, the one cache kept between builds: the same bytes as without it, and no entry kept that no build
uses. (What `serve` keeps in memory: test_serve_cache.py; builds after a changed input: test_trust.py.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import ROOT

from handbook import build as pipeline
from handbook import configuration
from handbook.base.paths import BOOK_PDF
from handbook.printing import jobs as printing
from handbook.printing import pdfs


def _config(**own) -> dict:
    return {
        "config_file_path": str(ROOT / "x.yml"),
        "site_url": "https://handboek.example/",
        "extra": {"handbook": own},
    }


def test_the_preview_address_of_serve_is_never_printed_in_a_pdf():
    assert configuration.options(_config(), serving=True).site_url == ""
    published = _config(published_url="https://gepubliceerd.example/")
    assert configuration.options(published, serving=True).site_url == "https://gepubliceerd.example/"
    assert configuration.options(_config(), serving=False).site_url == "https://handboek.example/"


def test_the_handbook_settings_are_typed_and_an_unknown_one_is_refused():
    assert configuration.settings(_config()) == configuration.Settings("all", ROOT / ".cache" / "pdf", "")
    assert configuration.settings(_config(pdf=0, pdf_cache="/tmp/pdf")).pdf == "off"
    assert configuration.settings(_config(pdf="records", pdf_cache="/tmp/pdf")).pdf_cache == Path("/tmp/pdf")
    with pytest.raises(configuration.ConfigError, match="alleen pdf, pdf_cache, published_url"):
        configuration.settings(_config(pdfs="off"))


def test_the_pdf_key_changes_with_our_print_code_options_and_fonts(monkeypatch):
    """A change to how we render (an option, our code, the system fonts a fallback picks) is a new key."""
    job = printing.PrintJob("downloads/checklist-x.pdf", "X", "<h1>X</h1>", dt.date(2026, 1, 1))
    before = pdfs.key(job)
    monkeypatch.setitem(pdfs.RENDER, "pdf_variant", "pdf/a-3b")
    assert pdfs.key(job) != before
    monkeypatch.setitem(pdfs.RENDER, "pdf_variant", "pdf/ua-1")
    assert pdfs.key(job) == before
    monkeypatch.setattr(pdfs, "own_code", lambda: "anders")
    assert pdfs.key(job) != before
    monkeypatch.undo()
    monkeypatch.setattr(pdfs, "system_fonts", lambda: "sans-serif\0/usr/share/fonts/Anders.ttf\01")
    assert pdfs.key(job) != before


def test_our_print_code_is_in_the_pdf_key(tmp_path, monkeypatch):
    """own_code reads the files themselves: an edit to the print module is a different hash."""
    copy = tmp_path / "pdfs.py"
    copy.write_bytes(Path(pdfs.__file__).read_bytes() + b"\n# anders\n")
    before = pdfs.own_code()
    monkeypatch.setattr(pdfs, "__file__", str(copy))
    assert pdfs.own_code() != before


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


def test_ci_restores_no_pdf_cache_made_by_other_print_code():
    """CI's fallback (restore-keys) restores only a cache made by the same print code and pins."""
    workflow = (ROOT / ".github" / "workflows" / "handboek.yml").read_text(encoding="utf-8")
    fallbacks = [line.split(":", 1)[1].strip() for line in workflow.splitlines() if "restore-keys:" in line]
    assert fallbacks, "no PDF cache in the workflow"
    for fallback in fallbacks:
        assert fallback.startswith("pdf-${{ hashFiles(") and "pdfs.py" in fallback and "requirements.lock" in fallback
