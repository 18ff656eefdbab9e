"""Caches between builds: the same site as without them, byte for byte, and no entry kept that no build uses."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from helpers import ROOT, build

from handbook import build as pipeline
from handbook import cache, pdfs, printing

sys.path.insert(0, str(ROOT / "hooks"))
import handbook_hooks


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _converted(result) -> tuple[int, int, int, int]:
    """(conversions from the cache, conversions made, pages' HTML from the cache, HTML made) of a build."""
    found = re.search(
        r"Pagina's: (\d+) uit de cache, (\d+) omgezet; HTML: (\d+) uit de cache, (\d+) gemaakt", result.stderr
    )
    assert found, result.stderr
    return tuple(int(n) for n in found.groups())


@pytest.mark.parametrize("field, every_page", [("samenvatting", False), ("titel", True)])
def test_a_warm_build_after_an_edit_equals_a_cold_build_in_every_file(project: Path, field: str, every_page: bool):
    """An edited sentence renders only the pages that show it; an edited title (navigation) every page's HTML."""
    first = build(project, project / "site-first", HANDBOOK_PDF="records")
    assert first.returncode == 0, first.stderr
    assert _converted(first)[0] == 0  # a fresh copy has no cache
    record = project / "werkvormen" / "leerhuis.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace(f"\n{field}: ", f"\n{field}: Nu bijgewerkt ", 1), encoding="utf-8"
    )

    warm = build(project, project / "site-warm", HANDBOOK_PDF="records")
    assert warm.returncode == 0, warm.stderr
    hits, converted, html_hits, html_made = _converted(warm)
    assert hits > 10 and 0 < converted < 20, warm.stderr  # only the pages that show the changed record
    if every_page:
        assert html_hits == 0 and html_made > 25, warm.stderr
    else:
        assert html_hits > 20 and 0 < html_made < 10, warm.stderr

    shutil.rmtree(project / ".cache")
    cold = build(project, project / "site-cold", HANDBOOK_PDF="records")
    assert cold.returncode == 0, cold.stderr
    assert _converted(cold)[0] == 0

    warm_files, cold_files = _files(project / "site-warm"), _files(project / "site-cold")
    assert "Nu bijgewerkt" in warm_files["werkvormen/leerhuis/index.html"].decode()
    assert warm_files.keys() == cold_files.keys()
    assert [path for path in warm_files if warm_files[path] != cold_files[path]] == []


def test_a_kept_conversion_is_not_used_once_a_file_it_links_to_is_gone(project: Path):
    (project / "docs" / "bijlage.txt").write_text("een bijlage", encoding="utf-8")
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nZie ook de [bijlage](bijlage.txt).\n", encoding="utf-8")
    first = build(project, HANDBOOK_PDF="0")
    assert first.returncode == 0, first.stderr
    (project / "docs" / "bijlage.txt").unlink()
    warm = build(project, HANDBOOK_PDF="0")
    assert warm.returncode != 0
    assert "bijlage.txt" in warm.stderr and "not found among documentation files" in warm.stderr
    assert _converted(warm)[0] > 20  # the other pages did come from the cache


def test_store_serves_only_whole_entries_and_keeps_two_builds(tmp_path: Path):
    first = cache.Store(tmp_path)
    first.put("a", {"x": 1})
    first.put("b", [1, 2])
    first.prune()
    second = cache.Store(tmp_path)
    assert second.get("a") == {"x": 1}
    second.put("c", "nieuw")
    second.prune()
    third = cache.Store(tmp_path)
    assert third.get("c") == "nieuw"
    third.prune()  # "b" was used two builds ago only, "a" by the build before
    assert sorted(p.stem for p in tmp_path.glob("*.json") if p.name != cache.MANIFEST) == ["a", "c"]

    entry = tmp_path / "c.json"
    entry.write_bytes(entry.read_bytes().replace(b"nieuw", b"vals!"))
    assert cache.Store(tmp_path).get("c") is None


def test_a_store_without_folder_or_with_an_unwritable_one_only_misses(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("geen map")
    for store in (cache.Store(None), cache.Store(blocked / "cache")):
        store.put("a", 1)
        assert store.get("a") is None
        store.prune()


def test_the_preview_address_of_serve_is_never_printed_in_a_pdf(monkeypatch):
    serving = SimpleNamespace(site_url="http://127.0.0.1:8000/", dev_addr=("127.0.0.1", 8000))
    monkeypatch.delenv("HANDBOOK_SITE_URL", raising=False)
    assert handbook_hooks._published_url(serving) == ""
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://handboek.example/")
    assert handbook_hooks._published_url(serving) == "https://handboek.example/"
    built = SimpleNamespace(site_url="https://handboek.example/", dev_addr=("127.0.0.1", 8000))
    assert handbook_hooks._published_url(built) == "https://handboek.example/"


def _small_jobs() -> list[printing.PrintJob]:
    book = pipeline.load(ROOT / "werkvormen")
    return [job for job in printing.jobs(book, printing.Site(), whole_book=False) if "checklist-" in job.path][-3:]


def test_pdfs_rendered_side_by_side_are_the_same_bytes(tmp_path: Path):
    jobs = _small_jobs()
    alone = pdfs.build_all(jobs, None, workers=1)
    together = pdfs.build_all(jobs, None, workers=2)
    assert [p.content for p in alone] == [p.content for p in together]
    assert all(p.rendered for p in together)


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
    paths = [job.path for job in printing.jobs(book, printing.Site(), whole_book=False)]
    assert printing.BOOK_PDF not in paths and len(paths) == len(book.entries)
