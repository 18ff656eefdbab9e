"""The handbook's content: every werkvorm and checklist the sources describe, complete and credited."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, beside
from pydantic import ValidationError

from handbook.base.problems import RecordError
from handbook.base.vocabulary import TERMS
from handbook.base.yamlfile import parse
from handbook.editing.advice import advise
from handbook.records import collection, provenance
from handbook.records.model import Werkvorm

BOOK = collection.load(ROOT / "werkvormen")
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


def test_the_starting_checklist_has_its_own_outline_and_credits_the_tips_as_ideas():
    """The tips page allows no adaptation: its two groups of tips are not retold in their order; the page's
    idea stands in a short summary with the credit, and the research conditions return as questions of our own."""
    checklist = BOOK.get("leernetwerk-starten").record
    titles = [g.titel for g in checklist.groepen]
    assert not {"De organisatie", "De uitvoering", "Randvoorwaarden", "Succesfactoren"} & set(titles)
    (ref,) = checklist.bronnen
    assert ref.bron == "tips-leernetwerken-jeugdzorg" and ref.samenvatting
    assert all("?" in item.tekst for item in checklist.groepen[-1].items)


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


def test_no_file_follows_a_no_adaptations_source(tmp_path):
    result = subprocess.run(
        [sys.executable, str(beside(PARAPHRASE)), str(_published(tmp_path))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_writing_guide_lists_every_term_that_check_advises_on():
    guide = (ROOT / "docs" / "schrijfwijzer.md").read_text(encoding="utf-8")
    for word, _ in TERMS.values():
        assert f"| {word} |" in guide


def test_content_gets_no_advice_about_long_sentences_or_missing_relations():
    """B1: short sentences. `check` warns above model.MAX_SENTENCE_WORDS (20); the real content gets no such warning."""
    advice = advise(BOOK, today=BOOK.reviewed)
    assert [str(p) for p in advice] == []


def test_no_sentence_is_copied_from_the_sources(tmp_path):
    result = subprocess.run(
        [sys.executable, str(beside(COPYCHECK)), str(_published(tmp_path))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


SEEDS = ROOT.parent / "shared" / "seeds"
HANDBOOK_OWN = {"creativecommons.org/licenses/by-nc-sa/4.0/deed.nl"}  # the handbook's own licence, not a source's


def test_every_address_a_source_record_gives_stands_in_the_source_text():
    """Addresses enter the handbook only through the source records; each must be in a source text itself."""
    seeds = " ".join(p.read_text(encoding="utf-8") for p in beside(SEEDS).glob("*.txt"))
    known = {provenance._comparable(a) for a in provenance.addresses(seeds)}
    given = provenance.given(source for _, source in BOOK.sources)
    assert given <= known, given - known


def test_hand_written_pages_give_no_address_that_no_source_gives():
    allowed = provenance.given(source for _, source in BOOK.sources) | HANDBOOK_OWN
    for page in (ROOT / "docs").glob("*.md"):
        found = {provenance._comparable(a) for a in provenance.addresses(page.read_text(encoding="utf-8"))}
        assert found <= allowed, (page.name, found - allowed)


def test_a_record_may_not_publish_an_address_that_no_source_gives(tmp_path):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    path = root / "intervisie.yml"
    text = path.read_text(encoding="utf-8")
    given = next(iter(provenance.given(source for _, source in BOOK.sources)))
    path.write_text(
        text.replace("wat_is_het: |\n", f"wat_is_het: |\n  Zie https://www.{given}/ en https://example.org/uitleg.\n"),
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as error:
        collection.load(root)
    (problem,) = error.value.problems
    assert problem.path == "werkvormen/intervisie.yml" and problem.field == "wat_is_het"
    assert "'https://example.org/uitleg'" in problem.message and "bij geen enkele bron" in problem.message


def test_the_privacy_page_names_who_consents_at_which_age_and_the_law_behind_it():
    text = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    for basis in ("AVG", "UAVG", "WGBO", "artikel 5 UAVG", "artikel 7:459", "artikel 7:450", "artikel 7:465"):
        assert basis in text, basis
    for age in ("Jonger dan 12", "12 tot 16", "16 of ouder"):
        assert f"| {age} |" in text
    for purpose in ("**Meedoen:**", "**Vastleggen:**", "**Gebruiken in onderwijs:**"):
        assert purpose in text
