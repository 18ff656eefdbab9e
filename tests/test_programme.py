"""Mijn programma and the offline worker, decided in Python (unit tier): default times, the page's data, the cache."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from handbook.base import paths
from handbook.printing import jobs as printing
from handbook.records.collection import load
from handbook.site import offline, pages, programme

BOOK = load(ROOT / "werkvormen")


def test_a_part_takes_its_sample_programme_else_its_shortest_duration_else_a_default():
    leerhuis = BOOK.get("leerhuis")
    assert programme.default_minutes(leerhuis) == sum(part.minuten for part in leerhuis.record.programma)
    without = next(e for e in BOOK.werkvormen if e.record.praktisch.duur is None)
    assert programme.default_minutes(without) == programme.WITHOUT_DURATION
    assert programme.default_minutes(BOOK.checklists[0]) == programme.CHECKLIST_MINUTES
    for entry in BOOK.werkvormen:  # the sample programme fits the duration, so the default does too
        duur = entry.record.praktisch.duur
        if duur:
            assert duur.min <= programme.default_minutes(entry) <= duur.max, entry.slug


def test_the_page_data_names_every_record_with_its_page_from_the_programme_page():
    data = json.loads(programme.data(BOOK))
    assert set(data["onderdelen"]) == {e.slug for e in BOOK.entries}
    assert data["onderdelen"]["leerhuis"]["url"] == "../werkvormen/leerhuis/"
    assert data["onderdelen"]["leernetwerk-starten"]["url"] == "../checklists/leernetwerk-starten/"
    assert data["onderdelen"]["leerhuis"]["titel"] == "Leerhuis"
    assert data["teksten"]["add"] == "Zet in mijn programma"


def test_no_title_can_close_the_data_block(tmp_path: Path):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    record = root / "leerhuis.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("titel: Leerhuis", "titel: Leerhuis </script>"))
    book = load(root)
    text = programme.data(book)
    assert "<" not in text and json.loads(text)["onderdelen"]["leerhuis"]["titel"] == "Leerhuis </script>"


@pytest.mark.parametrize(
    ("page", "url"),
    [("index.md", ""), ("programma.md", "programma/"), ("werkvormen/index.md", "werkvormen/"), ("a/b.md", "a/b/")],
)
def test_site_addresses(page, url):
    assert paths.url(page) == url


def test_pages_link_to_the_programme_and_carry_the_button():
    rendered = pages.render(BOOK)
    assert programme.page_url("werkvormen/leerhuis.md") == "../../programma/"
    leerhuis = rendered["werkvormen/leerhuis.md"]
    assert 'data-hb-zet="leerhuis"' in leerhuis and 'data-programma="../../programma/"' in leerhuis
    assert rendered["werkvormen/index.md"].count("data-hb-zet=") == len(BOOK.werkvormen)
    assert 'data-hb-zet="leernetwerk-starten"' in rendered["checklists/leernetwerk-starten.md"]
    page = rendered[paths.PROGRAMME]
    assert page.count('class="hb-blad"') == len(BOOK.entries)
    assert 'href="../assets/stylesheets/druk.css"' in page


def test_a_meeting_sheet_holds_what_it_is_its_roles_its_sample_programme_and_its_steps():
    sheets = printing.meeting_sheets(BOOK, printing.Site())
    leerhuis = sheets.split('data-blad="leerhuis"')[1].split('class="hb-blad"')[0]
    for heading in ("Wat is het", "Wat brengt het jou", "Voorbeeldprogramma", "Stappen", "Let op"):
        assert f"<h2>{heading}</h2>" in leerhuis
    total = programme.default_minutes(BOOK.get("leerhuis"))
    assert f'<th scope="row">Totaal</th><td class="num">{total}</td>' in leerhuis
    assert leerhuis.count("<h2>Voorbeeldprogramma</h2>") == 1  # once, from the checklist sheet
    # the PDF's own sheet has the sample programme too, but not what only the programme's print adds
    job = next(j for j in printing.jobs(BOOK, printing.Site(), whole_book=False) if "leerhuis" in j.path)
    assert "<h2>Voorbeeldprogramma</h2>" in job.html
    assert "<h2>Wat brengt het jou</h2>" not in job.html


def test_the_browser_print_rules_are_the_pdfs_rules_without_their_font_files():
    css = printing.browser_stylesheet()
    assert "@font-face" not in css and ".woff" not in css
    assert "counter(page)" in css and ".sheet .explain" in css
    assert '"Atkinson Hyperlegible"' in css


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name, data in {
        "index.html": "home",
        "werkvormen/leerhuis/index.html": "leerhuis",
        "assets/app.js": "js",
        "assets/app.js.map": "map",
        "downloads/boek.pdf": "pdf",
    }.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(data)
    return site


def test_the_worker_keeps_pages_and_assets_but_not_pdfs(tmp_path: Path):
    site = _site(tmp_path)
    shot = offline.write(site)
    assert sorted(shot.urls) == ["./", "assets/app.js", "werkvormen/leerhuis/"]
    worker = (site / offline.WORKER).read_text()
    assert json.dumps(shot.cache_name) in worker and '"werkvormen/leerhuis/"' in worker
    assert offline.snapshot(site) == shot  # its own file does not count


def test_a_changed_file_gives_a_new_cache_and_a_pdf_does_not(tmp_path: Path):
    site = _site(tmp_path)
    first = offline.snapshot(site)
    (site / "downloads" / "boek.pdf").write_text("other pdf")
    assert offline.snapshot(site).version == first.version
    (site / "werkvormen" / "leerhuis" / "index.html").write_text("leerhuis, herzien")
    assert offline.snapshot(site).version != first.version


def test_the_header_count_leads_to_the_programme_page():
    """main.html cannot ask the package where the page is; this keeps its one literal in step with paths.PROGRAMME."""
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert f"href=\"{{{{ '{paths.url(paths.PROGRAMME)}' | url }}}}\" data-hb-teller" in main


def test_a_preview_retires_the_worker_a_build_left(tmp_path: Path):
    offline.retire(tmp_path)
    worker = (tmp_path / offline.WORKER).read_text()
    assert "unregister()" in worker and f'"{offline.CACHE_PREFIX}"' in worker and "addAll" not in worker
