"""Bad records: every problem listed as FILE:LINE:COL: field: message (in-process); the build stops and writes nothing.

One kind of broken file per case lives in tests/corpus/ (test_broken_input.py); these are edits of real records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import edit, failed_build, refused

GLUREN = "werkvormen/gluren-bij-de-burens.yml"
LEERHUIS = "werkvormen/leerhuis.yml"


def line_of(project: Path, name: str, needle: str) -> int:
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_unknown_key_with_suggestion(project):
    edit(project / GLUREN, "\nresultaten:", "\nresultatne:")
    line = line_of(project, GLUREN, "resultatne:")
    out = refused(project)
    assert f"{GLUREN}:{line}:1: resultatne: onbekend veld 'resultatne'; bedoel je 'resultaten'?" in out
    # the hint on her line names the field; it is not told a second time as missing (on line 2)
    assert "resultaten: ontbreekt" not in out


def test_missing_key(project):
    edit(project / LEERHUIS, "\nwie_organiseert:", "\nnotities:")  # a field of her own, named for nothing here
    out = refused(project)
    assert f"{LEERHUIS}:2:1: wie_organiseert: ontbreekt; dit veld is verplicht" in out


def test_wrong_type_names_the_nested_field(project):
    line = line_of(project, GLUREN, "  duur:")
    edit(project / GLUREN, "  duur:", "  duur: twee uur\n  x_duur:")
    out = refused(project)
    assert f"{GLUREN}:{line}:" in out and "praktisch.duur: moet een groep velden zijn" in out, out


def test_word_outside_the_vocabulary_lists_the_allowed_words(project):
    text = (project / GLUREN).read_text(encoding="utf-8")
    role = re.search(r"voor_wie:\n  - (\S+)", text).group(1)
    edit(project / GLUREN, f"voor_wie:\n  - {role}", "voor_wie:\n  - docnet")
    line = line_of(project, GLUREN, "  - docnet")
    out = refused(project)
    assert f"{GLUREN}:{line}:5: voor_wie.1: 'docnet' staat niet in de vaste lijst; bedoel je 'docent'?" in out, out
    assert "Kies uit: jeugdprofessional, student, docent" in out


def test_related_slug_that_does_not_exist(project):
    edit(project / LEERHUIS, "verwant:\n  - ", "verwant:\n  - spiegelbijeenkomstt\n  - ")
    line = line_of(project, LEERHUIS, "spiegelbijeenkomstt")
    out = refused(project)
    assert (
        f"{LEERHUIS}:{line}:5: verwant.1: er is geen werkvorm of checklist 'spiegelbijeenkomstt'; "
        "bedoel je 'spiegelbijeenkomst'?"
    ) in out, out


def test_duplicate_key_is_an_error_not_merged(project):
    edit(project / GLUREN, "\nresultaten:", "\nwat_is_het: Nog een keer.\nresultaten:")
    line = line_of(project, GLUREN, "wat_is_het: Nog een keer.")
    first = line_of(project, GLUREN, "wat_is_het:")
    out = refused(project)
    assert f"{GLUREN}:{line}:1: wat_is_het: staat twee keer in dit record (ook op regel {first})" in out, out


@pytest.mark.slow
def test_every_problem_in_every_record_is_listed_at_once(project):
    edit(project / GLUREN, "\nresultaten:", "\nresultatne:")
    edit(project / LEERHUIS, "\ntitel:", "\ntitle:")
    spiegel = (project / "werkvormen/spiegelbijeenkomst.yml").read_text(encoding="utf-8")
    reviewed = re.search(r"^laatst_herzien: .*$", spiegel, re.M).group(0)
    edit(project / "werkvormen/spiegelbijeenkomst.yml", reviewed, "laatst_herzien: 2026-02-30")
    out = failed_build(project)
    assert f"{GLUREN}:" in out and f"{LEERHUIS}:" in out
    assert "werkvormen/spiegelbijeenkomst.yml:" in out and "laatst_herzien: is geen bestaande datum" in out
    assert re.search(r"\d+ problemen in de werkvormen gevonden; er is niets gebouwd", out)


def test_an_unknown_source_key_is_an_error_with_a_suggestion(project):
    edit(project / GLUREN, "  - bron: gluren-bij-de-burens-kaart", "  - bron: gluren-bij-de-buren-kaart")
    out = refused(project)
    assert re.search(
        rf"{GLUREN}:\d+:\d+: bronnen\.1\.bron: er is geen bron 'gluren-bij-de-buren-kaart' in "
        r"werkvormen/bronnen/; bedoel je 'gluren-bij-de-burens-kaart'\?",
        out,
    ), out


def test_a_standing_partnership_needs_no_duration_but_an_activity_does(project):
    path = project / "werkvormen" / "leerwerkplaats.yml"
    assert "  duur:" not in path.read_text(encoding="utf-8") and "soort: samenwerking" in path.read_text(
        encoding="utf-8"
    )
    edit(project / "werkvormen/leerwerkplaats.yml", "soort: samenwerking", "soort: activiteit")
    out = refused(project)
    assert re.search(
        r"werkvormen/leerwerkplaats.yml:\d+:\d+: praktisch: 'duur' ontbreekt; een eenmalige activiteit", out
    ), out
