"""How record text becomes pages: raw HTML made inert, Dutch facts, the navigation, the check command."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from helpers import ROOT, build, soup

import handbook
from handbook import navigation, pages, text


def test_raw_html_in_a_record_comes_out_as_text(project):
    path = project / "werkvormen" / "leerhuis.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "\nwat_is_het: |\n", "\nwat_is_het: |\n  <script>alert(1)</script><img src=x onerror=alert(2)>\n", 1
        ),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = soup(project / "site" / "werkvormen" / "leerhuis" / "index.html")
    assert page.find("img", src="x") is None
    assert all("alert" not in s.get_text() for s in page.find_all("script"))
    assert "<script>alert(1)</script>" in page.select_one("article").get_text()


def test_dutch_durations_group_sizes_and_dates():
    assert text.duration(90, 240) == "1,5 tot 4 uur"
    assert text.duration(30, 45) == "30 tot 45 minuten"
    assert text.duration(45, 120) == "45 minuten tot 2 uur"
    assert text.duration(60, 60) == "1 uur"
    assert text.span(1, 1, "persoon", "personen") == "1 persoon"
    assert text.span(8, 15, "persoon", "personen") == "8 tot 15 personen"
    assert text.dutch_date(date(2026, 3, 1)) == "1 maart 2026"
    assert text.enumerate_nl(["a", "b", "c"]) == "a, b en c"


def test_navigation_lists_entries_only_while_the_list_is_short():
    book = handbook.load(ROOT / "werkvormen")
    nav = [{"Start": "index.md"}, {"Werkvormen": pages.CATALOGUE}]
    short = navigation.expand(nav, book, limit=100)
    assert short[1]["Werkvormen"][0] == pages.CATALOGUE
    assert len(short[1]["Werkvormen"]) == 1 + len(book.werkvormen)
    assert navigation.expand(nav, book, limit=1) == nav


def test_check_command_reports_ok_and_fails_on_problems(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0 and "alles in orde" in ok.stdout
    (tmp_path / "werkvormen").mkdir()
    (tmp_path / "werkvormen" / "x.yml").write_text("titel: X\n")
    bad = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1 and "werkvormen/x.yml:1:1: samenvatting: ontbreekt" in bad.stderr
