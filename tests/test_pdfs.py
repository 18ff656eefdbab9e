"""PDFs made at build time: A4, tagged, Dutch, complete, deterministic, linked from their pages."""

from __future__ import annotations

import re
import shutil

import pytest
from helpers import PDF_CACHE, ROOT, SITE_URL, build_site, copy_project, soup
from pypdf import PdfReader

from handbook.base import paths
from handbook.base.paths import BOOK_PDF
from handbook.records import collection
from handbook.records.text import dutch_date


def pdf_path(entry) -> str:
    return paths.pdf(entry.slug)


BOOK = collection.load(ROOT / "werkvormen")
COUNT = len(BOOK.entries) + 1  # a PDF per record and the whole handbook
A4 = (595.28, 841.89)


def squash(text: str) -> str:
    """Text without any white space: lines wrap differently in a PDF than in a record."""
    return re.sub(r"\s+", "", text)


def pdf_text(reader: PdfReader) -> str:
    return squash("".join(page.extract_text() for page in reader.pages))


def all_pdfs(site):
    return sorted((site / "downloads").glob("*.pdf"))


def test_every_werkvorm_and_checklist_has_a_pdf_and_the_whole_handbook_too(site):
    names = {p.relative_to(site).as_posix() for p in all_pdfs(site)}
    assert names == {pdf_path(e) for e in BOOK.entries} | {BOOK_PDF}


@pytest.mark.parametrize("name", [pdf_path(e) for e in BOOK.entries] + [BOOK_PDF])
def test_pdf_is_a4_tagged_dutch_and_titled(site, name):
    reader = PdfReader(site / name)
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "nl"
    assert reader.metadata.title and reader.metadata.author == "Handboek werkvormen jeugd"
    assert pdf_text(reader)  # selectable, searchable text


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_werkvorm_pdf_holds_every_step_and_point_of_attention_on_at_most_two_pages(site, entry):
    reader = PdfReader(site / pdf_path(entry))
    assert len(reader.pages) <= 2
    assert reader.metadata.title == f"Checklist {entry.record.titel}"
    text = pdf_text(reader)
    for line in [entry.record.titel, entry.record.samenvatting] + [s.titel for s in entry.record.stappen]:
        assert squash(line) in text
    for point in entry.record.let_op:
        assert squash(point) in text
    assert squash(BOOK.source(entry.record.bronnen[0].bron).licentie) in text


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_werkvorm_pdf_is_a_meeting_sheet_with_each_steps_explanation(site, entry):
    """The sheet carries the practice: explanations, preparation, materials, who and when, notes."""
    text = pdf_text(PdfReader(site / pdf_path(entry)))
    for step in entry.record.stappen:
        plain = re.sub(r"[*_`]", "", re.sub(r"(?m)^\s*(?:[-*]|\d+\.)\s+", "", step.uitleg))  # Markdown marks
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)  # a link prints as its text
        assert squash(plain) in text, step.titel
    assert squash(entry.record.praktisch.voorbereiding) in text
    for thing in entry.record.praktisch.materialen:
        assert squash(thing) in text
    assert text.count("Wanneer:") == len(entry.record.stappen) and "Aantekeningen" in text


def test_footer_gives_the_handbook_address_and_the_review_date(site):
    entry = BOOK.get("gluren-bij-de-burens")
    reader = PdfReader(site / pdf_path(entry))
    footer = reader.pages[0].extract_text()
    assert "Handboek werkvormen jeugd" in footer and SITE_URL.rstrip("/") in footer
    assert dutch_date(entry.record.laatst_herzien) in footer


@pytest.mark.parametrize("entry", BOOK.checklists, ids=lambda e: e.slug)
def test_checklist_pdf_holds_every_item(site, entry):
    text = pdf_text(PdfReader(site / pdf_path(entry)))
    for group in entry.record.groepen:
        assert squash(group.titel) in text
        for item in group.items:
            assert squash(item.tekst) in text
            for example in item.voorbeelden:
                assert squash(example) in text


def test_handbook_pdf_has_every_title_a_bookmark_per_werkvorm_and_numbered_pages(site):
    reader = PdfReader(site / BOOK_PDF)
    text = pdf_text(reader)
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    for entry in BOOK.entries:
        assert squash(entry.record.titel) in text
        assert entry.record.titel in bookmarks
    last = reader.pages[-1].extract_text()
    assert f"{len(reader.pages)} / {len(reader.pages)}" in last


def test_each_page_links_to_its_pdf_and_the_downloads_page_lists_every_pdf_with_its_size(site):
    for entry in BOOK.entries:
        page_dir = site / entry.folder / entry.slug
        links = [a["href"] for a in soup(page_dir / "index.html").select("a.hb-download")]
        assert links and set(links) == {links[0]} and links[0].endswith(pdf_path(entry).split("/")[-1])
        assert (page_dir / links[0]).resolve() == (site / pdf_path(entry)).resolve()
    downloads = soup(site / "downloads" / "index.html")
    listed = {a["href"].split("/")[-1]: a.get_text() for a in downloads.select("article a[href$='.pdf']")}
    assert set(listed) == {p.name for p in all_pdfs(site)}
    assert all(re.search(r"\(PDF, \d+(,\d)? (kB|MB)\)", text) for text in listed.values())


def test_two_builds_give_byte_identical_sites_and_pdfs(site, tmp_path):
    project = copy_project(tmp_path / "again")
    result = build_site(project, HANDBOOK_CACHE=str(tmp_path / "empty-cache"))  # every PDF rendered anew
    assert result.returncode == 0, result.stderr
    assert f"{COUNT} gemaakt, 0 uit de cache" in result.stderr
    first = {p.relative_to(site): p for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(project / "site"): p for p in (project / "site").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(path) for path in first if first[path].read_bytes() != second[path].read_bytes()]
    assert different == []


def test_cache_renders_only_what_changed(site, tmp_path):
    project = copy_project(tmp_path / "project")
    cache = str(tmp_path / "cache")
    shutil.copytree(PDF_CACHE, cache)  # what the build of `site` left: every PDF of these records
    warm = build_site(project, HANDBOOK_CACHE=cache)
    assert f"PDF's: 0 gemaakt, {COUNT} uit de cache" in warm.stderr
    record = project / "werkvormen" / "leerhuis.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("\ntitel: Leerhuis", "\ntitel: Het leerhuis"), encoding="utf-8"
    )
    changed = build_site(project, HANDBOOK_CACHE=cache)
    assert f"PDF's: 2 gemaakt, {COUNT - 2} uit de cache" in changed.stderr  # the leerhuis checklist and the handbook


@pytest.mark.slow
def test_pdfs_off_builds_a_site_without_pdfs_and_without_dead_links(tmp_path):
    project = copy_project(tmp_path / "project")
    result = build_site(project, HANDBOOK_PDF="0")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    assert list((project / "site" / "downloads").glob("*.pdf")) == []
    page = soup(project / "site" / "werkvormen" / "leerhuis" / "index.html")
    assert page.select("a.hb-download") == []
