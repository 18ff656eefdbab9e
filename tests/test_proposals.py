"""Issue 25 in the unit tier: every problem in one round, new sources, choices, limits from the model.

Fast, in-process: the loader reads copies of the records in a temporary folder; no site is built.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, edit

from handbook.base.problems import RecordError
from handbook.editing import changes, scaffold, split
from handbook.records import collection
from handbook.records.model import MAX_SENTENCE_WORDS, MAX_SUMMARY_WORDS, Record, Werkvorm


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    return root


def problems(root: Path, new: frozenset[str] = frozenset()) -> list:
    with pytest.raises(RecordError) as error:
        collection.load(root, new)
    return error.value.problems


def test_a_missing_verwant_target_is_told_together_with_the_records_other_problems(tmp_path):
    """Before: 'gastles' showed only once every other error in the file was fixed."""
    root = copy(tmp_path)
    edit(root / "leerhuis.yml", "\nverwant:\n", "\nverwant:\n  - gastles\n")
    edit(root / "leerhuis.yml", "\nresultaten:", "\nresultatenn:")
    found = [str(p) for p in problems(root) if p.path == "werkvormen/leerhuis.yml"]
    assert any("onbekend veld 'resultatenn'" in p for p in found), found
    assert any("verwant.1: er is geen werkvorm of checklist 'gastles'" in p for p in found), found


def test_a_syntax_error_in_one_file_hides_nothing_in_the_others(tmp_path):
    root = copy(tmp_path)
    edit(root / "intervisie.yml", "\ntitel: ", '\ntitel: "')
    edit(root / "leerhuis.yml", "\nverwant:\n", "\nverwant:\n  - gastles\n")
    edit(root / "moreel-beraad.yml", "\nsoort: ", "\nsoortt: ")
    found = {p.path for p in problems(root)}
    assert {"werkvormen/intervisie.yml", "werkvormen/leerhuis.yml", "werkvormen/moreel-beraad.yml"} <= found


def test_a_duplicate_title_is_reported_on_the_file_the_change_adds(tmp_path):
    """aaa-intervisie.yml sorts before intervisie.yml: without knowing what is new, the existing one was blamed."""
    root = copy(tmp_path)
    shutil.copy(root / "intervisie.yml", root / "aaa-intervisie.yml")
    blamed = [p.path for p in problems(root) if "dezelfde titel" in p.message]
    assert blamed == ["werkvormen/intervisie.yml"]
    blamed = [
        p.path for p in problems(root, frozenset({"werkvormen/aaa-intervisie.yml"})) if "dezelfde titel" in p.message
    ]
    assert blamed == ["werkvormen/aaa-intervisie.yml"]


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_asks_git_which_files_are_new(tmp_path):
    project = tmp_path / "p"
    root = copy(project)
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "."], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "x"], cwd=project, check=True)
    shutil.copy(root / "intervisie.yml", root / "aaa-intervisie.yml")
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "check"], cwd=project, capture_output=True, text=True, env=_env()
    )
    assert re.search(
        r"werkvormen/aaa-intervisie.yml:\d+:\d+: titel: dezelfde titel als werkvormen/intervisie.yml", result.stderr
    )


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "HANDBOOK_NEW_FILES"}


def test_a_new_source_in_a_record_is_credited_checked_and_split_into_its_own_file(tmp_path):
    root = copy(tmp_path)
    edit(
        root / "leerhuis.yml",
        "\nbronnen:\n",
        "\nnieuwe_bronnen:\n  - sleutel: eigen-rapport\n    titel: Eigen rapport\n    licentie: CC BY 4.0\n"
        "    bewerken_toegestaan: true\n    commercieel_toegestaan: true\n    over: Een rapport van ons team.\n"
        "bronnen:\n  - eigen-rapport\n",
    )
    book = collection.load(root)
    assert dict(book.sources)["eigen-rapport"].titel == "Eigen rapport"
    assert book.get("leerhuis") in book.users("eigen-rapport")
    written = split.split(root)
    assert written == [root / "bronnen" / "eigen-rapport.yml", root / "leerhuis.yml"]
    assert "nieuwe_bronnen" not in (root / "leerhuis.yml").read_text(encoding="utf-8")
    assert (root / "bronnen" / "eigen-rapport.yml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert dict(collection.load(root).sources)["eigen-rapport"] == dict(book.sources)["eigen-rapport"]


def test_a_new_source_may_not_take_the_name_of_one_that_exists(tmp_path):
    root = copy(tmp_path)
    edit(
        root / "leerhuis.yml",
        "\nbronnen:\n",
        "\nnieuwe_bronnen:\n  - sleutel: gluren-bij-de-burens-kaart\n    titel: X\n",
    )
    found = [str(p) for p in problems(root)]
    assert any("nieuwe_bronnen.1.sleutel: er is al een bron 'gluren-bij-de-burens-kaart'" in p for p in found), found


def test_make_new_bron_writes_a_source_with_licence_help_that_check_accepts_once_filled_in(tmp_path):
    root = copy(tmp_path)
    path = scaffold.new_source("Rapport leernetwerken 2024", root)
    text = path.read_text(encoding="utf-8")
    assert path == root / "bronnen" / "rapport-leernetwerken-2024.yml"
    assert "CC BY-NC-ND 4.0" in text and "Alle rechten voorbehouden" in text and f"{MAX_SUMMARY_WORDS} woorden" in text
    assert any("VUL IN" in p.message for p in problems(root))
    for old, new in [
        ('soort: "VUL IN: wat voor bron het is"', "soort: Rapport"),
        ('  - "VUL IN: naam van een auteur"', "  - A. de Vries"),
        ('url: "VUL IN: https://..."\n', ""),
        ("  VUL IN: waar de bron over gaat.", "  Een rapport over leernetwerken."),
    ]:
        edit(path, old, new)
    collection.load(root)
    with pytest.raises(ValueError, match="bestaat al"):
        scaffold.new_source("Rapport leernetwerken 2024", root)


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_keeps_the_choices_in_the_schema_in_step_with_the_records(tmp_path):
    project = tmp_path / "p"
    root = copy(project)
    shutil.copytree(ROOT / "schema", project / "schema")
    shutil.copy(root / "intervisie.yml", root / "intervisie-online.yml")
    edit(root / "intervisie-online.yml", "\ntitel: Intervisie", "\ntitel: Intervisie online")
    result = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "bijgewerkt: schema/werkvorm.schema.json" in result.stderr
    published = json.loads((project / "schema" / "werkvorm.schema.json").read_text(encoding="utf-8"))
    assert "intervisie-online" in published["properties"]["verwant"]["items"]["enum"]
    again = subprocess.run([sys.executable, "-m", "handbook", "check"], cwd=project, capture_output=True, text=True)
    assert "bijgewerkt" not in again.stderr  # nothing to do the second time


def test_the_changed_pages_of_a_pull_request_with_their_place_in_the_preview():
    book = collection.load(ROOT / "werkvormen")
    pages = changes.changed_pages(
        [
            ("A", "werkvormen/leerhuis.yml"),
            ("M", "werkvormen/checklists/leernetwerk-starten.yml"),
            ("M", "werkvormen/bronnen/gluren-bij-de-burens-kaart.yml"),
            ("D", "werkvormen/weg.yml"),
            ("M", "docs/schrijfwijzer.md"),
            ("M", "src/handbook/records/model.py"),
        ],
        book,
    )
    assert [(c.page, c.status) for c in pages] == [
        ("bronnen.html", "gewijzigd"),
        ("checklists/leernetwerk-starten.html", "gewijzigd"),
        ("schrijfwijzer.html", "gewijzigd"),
        ("werkvormen/leerhuis.html", "nieuw"),
        ("", "verwijderd"),
    ]
    table = changes.markdown(pages, "voorbeeld-site")
    assert "| Leerhuis | nieuw | `werkvormen/leerhuis.html` |" in table and "voorbeeld-site" in table


def test_guidance_takes_its_limits_from_the_model():
    """One number each: the template, CONTRIBUTING, the writing guide and check say what the model enforces."""
    limits = scaffold.limits()
    assert (limits["titel"], limits["samenvatting"], limits["zin"]) == (80, 200, MAX_SENTENCE_WORDS)
    blank = scaffold.blank(ROOT / "werkvormen")
    assert f"(hoogstens {limits['titel']} tekens)" in blank and f"(hoogstens {limits['samenvatting']} tekens)" in blank
    assert f"hoogstens {MAX_SENTENCE_WORDS} woorden" in blank
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"een zin van meer dan {MAX_SENTENCE_WORDS} woorden" in contributing
    assert f"hoogstens {MAX_SENTENCE_WORDS} woorden" in (ROOT / "docs" / "schrijfwijzer.md").read_text(encoding="utf-8")
    data = json.loads(json.dumps(collection.load(ROOT / "werkvormen").get("leerhuis").record.model_dump(mode="json")))
    with pytest.raises(ValueError, match="80"):
        Werkvorm.model_validate({**data, "titel": "x" * 81})
    with pytest.raises(ValueError, match="200"):
        Werkvorm.model_validate({**data, "samenvatting": "x" * 201})
    assert Record.model_fields["titel"].metadata  # the limit lives on the field, not in a second annotation


def test_one_warning_is_one_waarschuwing(monkeypatch, capsys):
    from argparse import Namespace

    from handbook import cli
    from handbook.base.problems import Problem
    from handbook.editing import advice

    one = [Problem("werkvormen/leerhuis.yml", 3, 1, "samenvatting", "een zin is lang", warning=True)]
    monkeypatch.setattr(advice, "advise", lambda *args: one)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    book = collection.load(ROOT / "werkvormen")
    cli._report_check(book, Namespace(werkvormen=ROOT / "werkvormen", github=False))
    assert capsys.readouterr().out.rstrip().endswith("geen fouten, 1 waarschuwing.")


def test_the_issue_form_offers_the_licences_the_form_explains():
    """For editors without a GitHub file: the issue form asks the licence with the same names."""
    import yaml

    from handbook.base.licences import LICENCES

    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuwe-werkvorm.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "licentie")
    assert [lic.name for lic in LICENCES] == dropdown["attributes"]["options"][: len(LICENCES)]
