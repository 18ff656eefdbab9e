"""The handbook's content: every werkvorm and checklist the sources describe, complete and credited."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT
from pydantic import ValidationError

import handbook
from handbook.advice import advise
from handbook.model import Werkvorm
from handbook.vocabulary import TERMS
from handbook.yamlfile import parse

BOOK = handbook.load(ROOT / "werkvormen")
COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"
PARAPHRASE = ROOT.parent / "shared" / "tools" / "paraphrase.py"

WERKVORMEN = {
    "gluren-bij-de-burens",
    "leerhuis",
    "spiegelbijeenkomst",
    "leernetwerkbijeenkomst",
    "ontwikkelgroep",
    "leerwerkplaats",
    "kennismaking-met-de-keten",
    "praktijkdag-met-masterclass",
    "onderwijs-op-de-stagelocatie",
    "gastles-uit-de-praktijk",
    "meelopen-in-de-praktijk",
    "crossover-meelopen",
    "uitwisseling-tussen-organisaties",
    "intervisie",
    "moreel-beraad",
    "casuistiekbespreking",
    "nascholing-door-docenten",
    "samen-onderwijs-ontwikkelen",
    "ervaringskennis-inbrengen",
    "post-hbo-leergang",
}
CHECKLISTS = {"leernetwerk-starten", "leernetwerk-gaande-houden"}


def test_every_werkvorm_and_checklist_the_sources_describe_is_there():
    assert {e.slug for e in BOOK.werkvormen} >= WERKVORMEN
    assert {e.slug for e in BOOK.checklists} >= CHECKLISTS


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_every_werkvorm_is_complete_and_related_to_two_others(entry):
    """The handbook's own standard, beyond what the model requires: three steps or more, two relations or more."""
    assert len(entry.record.stappen) >= 3
    assert len(BOOK.related(entry)) >= 2


def test_the_18_tips_keep_their_groups_and_the_conditions_and_success_factors_stand_beside_them():
    tips = BOOK.get("leernetwerk-starten").record
    groups = {g.titel: g for g in tips.groepen}
    assert len(groups["De organisatie"].items) == 10 and len(groups["De uitvoering"].items) == 8
    assert len(groups["Randvoorwaarden"].items) == 3 and len(groups["Succesfactoren"].items) == 5


def test_gluren_credits_its_licence_authors_and_partners():
    card = BOOK.source(BOOK.get("gluren-bij-de-burens").record.bronnen[0].bron)
    assert card.jaar == 2021 and card.licentie == "CC BY-NC-ND" and not card.bewerken_toegestaan
    assert len(card.auteurs) == 5
    assert all(any(name in b for b in card.betrokken) for name in ("Youké", "KJUS", "AWR", "Hogeschool Utrecht"))


def test_each_source_is_written_once_and_used():
    keys = [key for key, _ in BOOK.sources]
    assert len(keys) == len(set(keys)) == 5
    for key in keys:
        assert BOOK.users(key)


def test_a_standing_partnership_has_no_duration_and_still_loads():
    data = parse((ROOT / "werkvormen" / "leerwerkplaats.yml").read_text(encoding="utf-8")).data
    assert data["soort"] == "samenwerking" and "duur" not in data["praktisch"]
    Werkvorm.model_validate(data)
    data["soort"] = "reeks"
    with pytest.raises(ValidationError) as error:
        Werkvorm.model_validate(data)
    assert [e["loc"] for e in error.value.errors()] == [("praktisch",)]


def _published(folder: Path) -> Path:
    """The files the repository holds, copied into `folder`: what the checks judge.

    A local `make serve` or `make site` leaves `.cache/` behind (gitignored),
    and its kept pages hold the Gluren card's list of authors, the credit
    its licence asks for, which copycheck would count as copied.
    """
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: judge the folder as it is
        return ROOT
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    return folder


@pytest.mark.skipif(not PARAPHRASE.exists(), reason="../shared/tools/paraphrase.py is not beside this checkout")
def test_no_file_follows_a_no_adaptations_source(tmp_path):
    result = subprocess.run(
        [sys.executable, str(PARAPHRASE), str(_published(tmp_path))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_writing_guide_lists_every_term_that_check_advises_on():
    guide = (ROOT / "docs" / "schrijfwijzer.md").read_text(encoding="utf-8")
    for word, _ in TERMS.values():
        assert f"| {word} |" in guide


def test_content_gets_no_advice_about_long_sentences_or_missing_relations():
    """B1: short sentences. `check` warns from 26 words on; the real content gets no such warning."""
    advice = advise(BOOK, today=BOOK.reviewed)
    assert [str(p) for p in advice] == []


@pytest.mark.skipif(not COPYCHECK.exists(), reason="../shared/tools/copycheck.py is not beside this checkout")
def test_no_sentence_is_copied_from_the_sources(tmp_path):
    result = subprocess.run([sys.executable, str(COPYCHECK), str(_published(tmp_path))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
