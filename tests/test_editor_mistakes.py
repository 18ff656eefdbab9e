"""The mistakes editors without YAML skills make most, each told in Dutch on the line where they must act.

Fast, in-process: the loader reads files in a temporary folder; no site is built.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from handbook.base import discovery
from handbook.base.problems import RecordError
from handbook.records import collection
from handbook.records import reading as records
from handbook.records.model import Werkvorm

LEERHUIS = (ROOT / "werkvormen" / "leerhuis.yml").read_text(encoding="utf-8")
REVIEWED = re.search(r"^laatst_herzien: .*$", LEERHUIS, re.M).group(0)  # the record's own date line
ENGLISH = re.compile(
    r"\b(while|scanning|found|expected|could not|mapping|allowed|indicator|stream|"
    r"the|Input|should|valid|string|Field required)\b"
)


def problems_in(tmp_path: Path, text: str) -> list:
    path = tmp_path / "werkvormen" / "leerhuis.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    record, problems = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    assert record is None and problems, "the mistake was not reported"
    for problem in problems:
        assert not ENGLISH.search(problem.message), f"English in: {problem.message}"
    return problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def change(old: str, new: str, count: int = 1) -> str:
    assert old in LEERHUIS, old
    return LEERHUIS.replace(old, new, count)


# (what the editor did, the broken text, the line to act on (found by a needle), words the message must have)
MISTAKES = [
    # issue 25: hints by meaning, the date's format, Word's bullets, the line that is indented wrongly
    (
        "a word of her own for a field (doelgroep)",
        change("voor_wie:", "doelgroep:"),
        "doelgroep:",
        ["onbekend veld 'doelgroep'", "bedoel je 'voor_wie'"],
    ),
    (
        "duration in hours as a field",
        change("  duur:", "  duur_in_uren:"),
        "duur_in_uren:",
        ["bedoel je 'duur'", "in minuten", "2 uur is 120"],
    ),
    (
        "duration written as hours",
        change(
            "  duur:\n    min: 150\n    max: 240\n    toelichting: Een ochtend of middag (ongeveer 3 uur).",
            "  duur: 2,5 uur",
        ),
        "duur: 2,5 uur",
        ["in minuten", "min: 150", "2,5 uur is 150 minuten"],
    ),
    # issue 34: a range of hours keeps both ends; a minutes field given hours or a range; a missing dash
    (
        "duration as a range of hours",
        change(
            "  duur:\n    min: 150\n    max: 240\n    toelichting: Een ochtend of middag (ongeveer 3 uur).",
            "  duur: 2 tot 4 uur",
        ),
        "duur: 2 tot 4 uur",
        ["duur: {min: 120, max: 240}", "2 tot 4 uur is 120 tot 240 minuten"],
    ),
    (
        "duration as a range of minutes",
        change(
            "  duur:\n    min: 150\n    max: 240\n    toelichting: Een ochtend of middag (ongeveer 3 uur).",
            "  duur: 60-90 min",
        ),
        "duur: 60-90 min",
        ["duur: {min: 60, max: 90}"],
    ),
    (
        "hours in the minutes field",
        change("    min: 150", "    min: 1,5 uur"),
        "min: 1,5 uur",
        ["1,5 uur is 90 minuten", "vul 90 in"],
    ),
    (
        "a range in the minutes field",
        change("    min: 150", "    min: 60-90"),
        "min: 60-90",
        ["vul bij min 60 in en bij max 90"],
    ),
    (
        "a list item without its dash",
        change("  - Je wilt verder kijken", "  Je wilt verder kijken"),
        "  Je wilt verder kijken",
        ["begin het punt met '- '"],
    ),
    (
        "a list item without its dash, last in its list",
        change("  - Je zoekt naast de kleine", "  Je zoekt naast de kleine"),
        "  Je zoekt naast de kleine",
        ["begin het punt met '- '"],
    ),
    (
        "date written day-month-year",
        change(REVIEWED, "laatst_herzien: 4-12-2026"),
        "laatst_herzien:",
        ["'4-12-2026' staat als dag-maand-jaar", "JJJJ-MM-DD: 2026-12-04"],
    ),
    (
        "Word bullet in a list",
        change("  - In een grote groep", "  • In een grote groep"),
        "• In een grote",
        ["opsommingsteken uit Word (•)", "'- '"],
    ),
    (
        "first field under a key indented too far",
        change("praktisch:\n  duur:", "praktisch:\n    duur:"),
        "    duur:",
        ["springt 4 spaties in", "2 spaties", "'praktisch:'"],
    ),
    (
        "first item under a key indented too far",
        change("let_op:\n  - Regel", "let_op:\n    - Regel"),
        "    - Regel de uren",
        ["springt 4 spaties in", "2 spaties"],
    ),
    (
        "unclosed quote",
        change("titel: Leerhuis", 'titel: "Leerhuis'),
        'titel: "Leerhuis',
        ["aanhalingsteken", "niet gesloten"],
    ),
    (
        "curly closing quote",
        change("titel: Leerhuis", 'titel: "Leerhuis”'),
        'titel: "Leerhuis',
        ["gekruld", "”", "recht"],
    ),
    (
        "apostrophe in single quotes",
        change("titel: Leerhuis", "titel: 'Het leerhuis van 't Gooi'"),
        "titel: 'Het",
        ["apostrof", "dubbel"],
    ),
    (
        "text on the line of |",
        change("wat_is_het: |\n", "wat_is_het: | Een leerhuis is groot.\n"),
        "wat_is_het: |",
        ["'|'", "volgende regel"],
    ),
    (
        "no space after the colon",
        change("titel: Leerhuis", 'titel:"Leerhuis"'),
        'titel:"Leerhuis"',
        ["spatie", "titel: ..."],
    ),
    (
        "no space after the colon, unquoted",
        change("titel: Leerhuis", "titel:Leerhuis"),
        "titel:Leerhuis",
        ["spatie", "'titel"],
    ),
    (
        "step one space too deep",
        change("    uitleg: |", "     uitleg: |"),
        "     uitleg: |",
        ["inspringing", "5 spaties", "4 spaties"],
    ),
    (
        "step one space too shallow",
        change("    uitleg: |", "   uitleg: |"),
        "   uitleg: |",
        ["inspringing", "3 spaties", "4 spaties"],
    ),
    (
        "step dash one space off",
        change("  - titel:", "   - titel:", 2).replace("   - titel:", "  - titel:", 1),
        None,
        ["inspringing", "streepje"],
    ),
    (
        "non-breaking space inside a key",
        change("wie_organiseert:", "wie\u00a0organiseert:"),
        "wie\u00a0organiseert",
        ["veldnaam", "vaste spatie", "U+00A0", "Word"],
    ),
    (
        "zero-width space after a key",
        change("resultaten:", "resultaten\u200b:"),
        "resultaten\u200b",
        ["veldnaam", "onzichtbaar teken", "U+200B"],
    ),
    (
        "colon in a list item",
        change(
            "  - Regel de uren voor deelnemers ruim vooraf met de bestuurders.",
            "  - Let op: stille studenten",
        ),
        "Let op: stille studenten",
        ["dubbele punt", "'Let op'", "aanhalingstekens", '"Let op: stille studenten"'],
    ),
    (
        "colon in a text",
        change("titel: Leerhuis", "titel: Leerhuis: samen leren"),
        "titel: Leerhuis:",
        ["dubbele punt", "aanhalingstekens"],
    ),
    (
        "value cut short by #",
        change("titel: Leerhuis", "titel: Leerhuis #2 over geld"),
        "titel: Leerhuis #2",
        ["' #'", "commentaar", "aanhalingstekens"],
    ),
    (
        "role only in wat_brengt_het",
        change("  - ervaringsdeskundige\n\n", "\n"),
        "  ervaringsdeskundige:",
        ["'ervaringsdeskundige'", "voor_wie"],
    ),
    ("tab", change("  - themabijeenkomst", "\t- themabijeenkomst"), "\t- themabijeenkomst", ["tab", "spaties"]),
    (
        "backslash in double quotes",
        change("titel: Leerhuis", 'titel: "Leerhuis C:\\map"'),
        'titel: "Leerhuis',
        ["\\", "betekenis"],
    ),
    ("text starting with *", change("titel: Leerhuis", "titel: *Leerhuis* groot"), "titel: *Leerhuis", ["'*'"]),
    ("text starting with @", change("titel: Leerhuis", "titel: @leerhuis"), "titel: @leerhuis", ["'@'"]),
    (
        "text after a closing quote",
        change("titel: Leerhuis", 'titel: "Leerhuis" in Utrecht'),
        'titel: "Leerhuis" in',
        ["na het sluitende aanhalingsteken"],
    ),
    ("unclosed [", change("titel: Leerhuis", "titel: [Leerhuis"), "titel: [Leerhuis", ["[ ]", "aanhalingstekens"]),
    (
        "text placeholder left",
        change("titel: Leerhuis", 'titel: "VUL IN: de naam"'),
        'titel: "VUL IN',
        ["nog niet ingevuld", "VUL IN"],
    ),
    (
        "blank title left",
        change("titel: Leerhuis", "titel: Naam van de werkvorm"),
        "titel: Naam van de werkvorm",
        ["nog niet ingevuld", "Naam van de werkvorm"],
    ),
    (
        "placeholder inside a text",
        change("  - themabijeenkomst", "  - themabijeenkomst VUL IN"),
        "bijeenkomst VUL IN",
        ["nog niet ingevuld"],
    ),
]


@pytest.mark.parametrize("what, text, needle, words", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_told_in_dutch_on_its_line(tmp_path, what, text, needle, words):
    problems = problems_in(tmp_path, text)
    first = problems[0]
    if needle is None:  # the second step's dash: find the line that differs from the record
        pairs = zip(text.splitlines(), LEERHUIS.splitlines(), strict=False)  # the edit may add lines
        needle_line = next(i for i, (a, b) in enumerate(pairs, 1) if a != b)
    else:
        needle_line = line_of(text, needle)
    assert first.line == needle_line, f"{what}: line {first.line}, expected {needle_line}: {first}"
    for word in words:
        assert word in first.message, f"{what}: {word!r} not in {first.message!r}"


@pytest.mark.parametrize("pasted", ["titel\u00a0: Leerhuis", "titel:\u00a0Leerhuis", "titel: \u00a0Leerhuis"])
def test_a_non_breaking_space_around_the_colon_is_read_as_a_space(tmp_path, pasted):
    path = tmp_path / "leerhuis.yml"
    path.write_text(change("titel: Leerhuis", pasted), encoding="utf-8")
    record, problems = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    assert problems == [] and record.titel == "Leerhuis"


def test_non_breaking_spaces_in_the_indentation_are_read_as_spaces(tmp_path):
    path = tmp_path / "leerhuis.yml"
    path.write_text(change("  - themabijeenkomst", "\u00a0\u00a0- themabijeenkomst"), encoding="utf-8")
    record, problems = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    assert problems == [] and record.ook_bekend_als[0] == "themabijeenkomst"


def test_a_non_breaking_space_inside_text_is_kept(tmp_path):
    path = tmp_path / "leerhuis.yml"
    path.write_text(change("titel: Leerhuis", "titel: Leer\u00a0huis"), encoding="utf-8")
    record, problems = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    assert problems == [] and record.titel == "Leer\u00a0huis"


def test_a_comment_after_a_number_is_still_allowed(tmp_path):
    path = tmp_path / "leerhuis.yml"
    path.write_text(change("    min: 150\n", "    min: 150  # pas aan\n"), encoding="utf-8")
    assert records.read(path, Werkvorm, "werkvormen/leerhuis.yml")[1] == []


def test_the_blank_record_reports_every_placeholder_and_the_title(tmp_path):
    from handbook.editing import scaffold

    text = scaffold.blank(ROOT / "werkvormen")
    problems = problems_in(tmp_path, text)
    fields = {p.field for p in problems}
    assert {"titel", "samenvatting", "voor_wie.1", "praktisch.duur.min", "bronnen.1.bron"} <= fields
    assert next(p for p in problems if p.field == "titel").line == line_of(text, "titel: ")


# --- files that would never be published -------------------------------------------------


def handbook_copy(tmp_path: Path) -> Path:
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    return root


@pytest.mark.parametrize(
    "name, words",
    [
        ("moreel-beraad", ["'moreel-beraad' is geen record", "moreel-beraad.yml"]),
        ("moreel-beraad.yml.txt", ["'moreel-beraad.yml.txt' is geen record", "moreel-beraad.yml"]),
        ("moreel-beraad.txt", ["is geen record"]),
        ("nieuw/moreel-beraad.yml", ["eigen map", "werkvormen/"]),
        ("checklists/extra/lijst.yml", ["eigen map", "werkvormen/checklists/"]),
        ("checklists/lijst.yml.txt", ["is geen record"]),
    ],
)
def test_a_file_that_would_not_be_published_is_an_error_naming_it(tmp_path, name, words):
    root = handbook_copy(tmp_path)
    target = root / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(LEERHUIS.replace("Leerhuis", "Moreel beraad nieuw"), encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        collection.load(root)
    [problem] = [p for p in caught.value.problems if p.path == f"werkvormen/{name}"]
    for word in words:
        assert word in problem.message, problem.message


def test_a_record_saved_next_to_werkvormen_is_an_error(tmp_path):
    root = handbook_copy(tmp_path)
    (tmp_path / "moreel-beraad.yml").write_text(LEERHUIS, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        collection.load(root)
    [problem] = caught.value.problems
    assert problem.path == "moreel-beraad.yml" and "niet in werkvormen/" in problem.message


def test_the_real_handbook_has_no_unpublished_files():
    assert discovery.unpublished(ROOT / "werkvormen", discovery.record_files(ROOT / "werkvormen")) == []


def test_a_tab_hides_nothing_else_in_the_file(tmp_path):
    """Every line indented with a tab, and what else is wrong, in one round (the file is read with spaces)."""
    text = change("  - themabijeenkomst", "\t- themabijeenkomst").replace("\nresultaten:", "\nresultatenn:")
    text = text.replace("  - jeugdprofessional\n", "\t- jeugdprofessional\n", 1)
    found = problems_in(tmp_path, text)
    tabs = {p.line for p in found if "er staat een tab" in p.message}
    assert tabs == {line_of(text, "\t- themabijeenkomst"), line_of(text, "\t- jeugdprofessional")}
    assert any(p.line == line_of(text, "resultatenn:") and "bedoel je 'resultaten'" in p.message for p in found)
    assert not any("resultaten: ontbreekt" in str(p) for p in found)  # the hint on her line says it


@pytest.mark.parametrize(
    "value", ["“Leerhuis: een grote bijeenkomst”", "Leerhuis: “een grote” bijeenkomst", "„Leerhuis: ’t Gooi”"]
)
def test_the_fix_for_a_word_value_uses_straight_quotes_only(tmp_path, value):
    """Copied as suggested, the fix passes and publishes no curly quote (issue 34)."""
    problems = problems_in(tmp_path, change("titel: Leerhuis", f"titel: {value}"))
    suggested = problems[0].message.split("aanhalingstekens: ", 1)[1].split(" (gekrulde")[0]
    assert suggested.startswith("titel: ")
    assert not any(c in suggested for c in "“”„‟‘’‚‛«»"), suggested
    fixed = change("titel: Leerhuis", suggested)
    path = tmp_path / "werkvormen" / "leerhuis.yml"
    path.write_text(fixed, encoding="utf-8")
    record, found = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    assert found == [] and record is not None and "Leerhuis" in record.titel


def test_a_list_item_without_its_dash_is_not_told_to_indent_or_quote(tmp_path):
    problems = problems_in(tmp_path, change("  - Je wilt verder kijken", "  Je wilt verder kijken"))
    assert "spring hem" not in problems[0].message and "aanhalingstekens" not in problems[0].message
