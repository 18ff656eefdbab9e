"""The sample programme (`programma`): a werkvorm with a duration shows one whose minutes fit that duration.

Fast, in-process: the model, the view helper and the JSON Schema; the built page and PDF are in the slow tier.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, soup
from pypdf import PdfReader

from handbook.base import paths
from handbook.editing import schema
from handbook.records import collection, views
from handbook.records import reading as records
from handbook.records.model import MIN_PROGRAMME_PARTS, Werkvorm

BOOK = collection.load(ROOT / "werkvormen")
INTERVISIE = (ROOT / "werkvormen" / "intervisie.yml").read_text(encoding="utf-8")
INTERVISIE_ENTRY = next(e for e in BOOK.werkvormen if e.slug == "intervisie")
PROGRAMME = re.compile(r"^programma:\n(?:  .*\n)+", re.M)


def problems_in(tmp_path: Path, text: str) -> list:
    path = tmp_path / "werkvormen" / "intervisie.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    record, problems = records.read(path, Werkvorm, "werkvormen/intervisie.yml")
    assert record is None and problems, "the mistake was not reported"
    return problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def with_programme(parts: list[tuple[int, str]]) -> str:
    block = "programma:\n" + "".join(f"  - minuten: {m}\n    onderdeel: {name}\n" for m, name in parts)
    return PROGRAMME.sub(block, INTERVISIE, count=1)


def test_every_werkvorm_with_a_duration_has_a_programme_that_fits_it():
    for entry in BOOK.werkvormen:
        record = entry.record
        if record.praktisch.duur is None:
            continue
        total = sum(part.minuten for part in record.programma)
        assert len(record.programma) >= MIN_PROGRAMME_PARTS, entry.slug
        assert record.praktisch.duur.min <= total <= record.praktisch.duur.max, entry.slug


def test_the_programme_runs_on_a_clock_from_zero():
    record = Werkvorm.model_validate(
        {
            **INTERVISIE_ENTRY.record.model_dump(),
            "programma": [
                {"minuten": 15, "onderdeel": "Welkom"},
                {"minuten": 60, "onderdeel": "Gesprek", "uitleg": "Eén vraag."},
                {"minuten": 45, "onderdeel": "Afsluiten"},
            ],
        }
    )
    plan = views.programme(record)
    assert [(s.start, s.end) for s in plan.slots] == [("0:00", "0:15"), ("0:15", "1:15"), ("1:15", "2:00")]
    assert plan.minutes == 120
    assert views.clock(605) == "10:05"


def test_a_missing_programme_is_told_at_the_duration(tmp_path):
    text = PROGRAMME.sub("", INTERVISIE, count=1)
    [problem] = problems_in(tmp_path, text)
    assert problem.line == line_of(text, "  duur:")
    assert "'programma' ontbreekt" in problem.message and "minstens 3 onderdelen" in problem.message


def test_a_programme_that_does_not_fit_the_duration_is_told_at_its_line_with_both_figures(tmp_path):
    duur = INTERVISIE_ENTRY.record.praktisch.duur
    text = with_programme([(60, "Welkom"), (60, "Gesprek"), (duur.max, "Afsluiten")])
    [problem] = problems_in(tmp_path, text)
    assert problem.line == line_of(text, "programma:")
    assert problem.field == "programma"
    assert f"samen {120 + duur.max} minuten" in problem.message
    assert f"({duur.min} tot {duur.max} minuten)" in problem.message


def test_a_programme_of_two_parts_is_too_short(tmp_path):
    text = with_programme([(60, "Welkom"), (60, "Gesprek")])
    [problem] = problems_in(tmp_path, text)
    assert problem.line == line_of(text, "programma:")
    assert "heeft 2 onderdelen" in problem.message


def test_minutes_must_be_a_whole_number(tmp_path):
    text = with_programme([(15, "Welkom"), (60, "Gesprek"), (15, "Afsluiten")]).replace(
        "minuten: 60", "minuten: 1,5 uur"
    )
    problems = problems_in(tmp_path, text)
    assert [p.line for p in problems] == [line_of(text, "1,5 uur")]
    assert problems[0].field.startswith("programma.2.minuten")


def test_a_partnership_without_duration_needs_no_programme():
    partnerships = [e for e in BOOK.werkvormen if e.record.praktisch.duur is None]
    assert partnerships, "no werkvorm without a duration to test with"
    for entry in partnerships:
        assert views.programme(entry.record) is None or entry.record.programma


def test_the_schema_offers_the_programme_with_whole_minutes():
    werkvorm = schema.schema_for(Werkvorm)
    part = werkvorm["properties"]["programma"]["items"]
    if "$ref" in part:
        part = werkvorm["$defs"][part["$ref"].rsplit("/", 1)[-1]]
    assert part["properties"]["minuten"]["type"] == "integer"
    assert set(part["required"]) == {"minuten", "onderdeel"}


@pytest.mark.slow
@pytest.mark.parametrize("entry", [e for e in BOOK.werkvormen if e.record.programma], ids=lambda e: e.slug)
def test_page_and_meeting_sheet_show_the_programme_as_our_advice(site, entry):
    page = soup(site / "werkvormen" / entry.slug / "index.html")
    heading = page.select_one("#voorbeeldprogramma")
    assert heading is not None
    table = page.select_one(".hb-programma table")
    rows = [[c.get_text(" ", strip=True) for c in tr.select("td")] for tr in table.select("tbody tr")]
    plan = views.programme(entry.record)
    assert [r[0] for r in rows[:-1]] == [f"{s.start}–{s.end}" for s in plan.slots]
    assert rows[-1][-1] == str(plan.minutes)
    assert "advies van het handboek" in page.select_one(".hb-programma-intro").get_text()
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(site / paths.pdf(entry.slug)).pages))
    assert "Voorbeeldprogramma" in text
    for slot in plan.slots:
        assert re.sub(r"\s+", "", slot.part.onderdeel) in text
