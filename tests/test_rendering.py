"""How record text becomes pages: raw HTML made inert, Dutch facts, the navigation, the check command."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from helpers import ROOT

from handbook.records import collection, text
from handbook.site import navigation, pages


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
    book = collection.load(ROOT / "werkvormen")
    nav = [{"Start": "index.md"}, {"Werkvormen": pages.CATALOGUE}]
    short = navigation.expand(nav, book, limit=100)
    assert short[1]["Werkvormen"][0] == pages.CATALOGUE
    assert len(short[1]["Werkvormen"]) == 1 + len(book.werkvormen)
    assert navigation.expand(nav, book, limit=1) == nav


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_command_reports_ok_and_fails_on_problems(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0 and "geen fouten" in ok.stdout  # advice (warnings) does not fail the check
    (tmp_path / "werkvormen").mkdir()
    (tmp_path / "werkvormen" / "x.yml").write_text("titel: X\n")
    bad = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 1 and "werkvormen/x.yml:1:1: samenvatting: ontbreekt" in bad.stderr
