"""The handbook's content: every werkvorm and checklist the sources describe, complete and credited."""

from __future__ import annotations

import subprocess
import sys

import pytest
from helpers import ROOT
from pydantic import ValidationError

import handbook
from handbook.advice import advise
from handbook.model import Werkvorm
from handbook.yamlfile import parse

BOOK = handbook.load(ROOT / "werkvormen")
COPYCHECK = ROOT.parent / "shared" / "tools" / "copycheck.py"

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
}
CHECKLISTS = {"leernetwerk-starten", "leernetwerk-gaande-houden"}
REQUIRED = [name for name, field in Werkvorm.model_fields.items() if field.is_required()]


def test_every_werkvorm_and_checklist_the_sources_describe_is_there():
    assert {e.slug for e in BOOK.werkvormen} >= WERKVORMEN
    assert {e.slug for e in BOOK.checklists} >= CHECKLISTS


@pytest.mark.parametrize("field", REQUIRED)
def test_a_record_that_loses_a_required_section_is_refused(field):
    data = parse((ROOT / "werkvormen" / "gluren-bij-de-burens.yml").read_text(encoding="utf-8")).data
    Werkvorm.model_validate(data)
    del data[field]
    with pytest.raises(ValidationError) as error:
        Werkvorm.model_validate(data)
    assert [e["loc"] for e in error.value.errors()] == [(field,)]


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_every_werkvorm_is_complete_and_related_to_two_others(entry):
    r = entry.record
    assert len(r.verwant) >= 2
    assert len(r.stappen) >= 3
    assert set(r.wat_brengt_het) <= set(r.voor_wie)
    assert r.praktisch.duur.min and r.praktisch.groepsgrootte.min and r.praktisch.frequentie
    assert all(source.licentie for source in r.bronnen)


def test_the_18_tips_keep_their_groups_and_the_conditions_and_success_factors_stand_beside_them():
    tips = BOOK.get("leernetwerk-starten").record
    groups = {g.titel: g for g in tips.groepen}
    assert len(groups["De organisatie"].items) == 10 and len(groups["De uitvoering"].items) == 8
    assert len(groups["Randvoorwaarden"].items) == 3 and len(groups["Succesfactoren"].items) == 5


def test_gluren_credits_its_licence():
    sources = BOOK.get("gluren-bij-de-burens").record.bronnen
    assert any("Hogeschool Utrecht" in s.uitgever and s.jaar == 2021 and s.licentie == "CC BY-NC-ND" for s in sources)


def test_content_gets_no_advice_about_long_sentences_or_missing_relations():
    """B1: short sentences. `check` warns from 26 words on; the real content gets no such warning."""
    advice = advise(BOOK, ROOT / "werkvormen", today=BOOK.reviewed)
    assert [str(p) for p in advice] == []


@pytest.mark.skipif(not COPYCHECK.exists(), reason="../shared/tools/copycheck.py is not beside this checkout")
def test_no_sentence_is_copied_from_the_sources():
    result = subprocess.run([sys.executable, str(COPYCHECK), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
