"""The search index: other names and synonyms on record pages, accent-free words, help pages weigh less."""

from __future__ import annotations

import json

import pytest
from helpers import soup

from handbook.search import index as search


@pytest.fixture(scope="module")
def index(site):
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def doc(index, location):
    return next(d for d in index["docs"] if d["location"] == location)


def test_record_pages_carry_other_names_and_synonym_groups(index):
    names = doc(index, "werkvormen/intervisie/")["namen"]
    assert "crossover-intervisie" in names  # the record's ook_bekend_als
    assert "collegiale consultatie" not in names  # the page itself calls that a different thing
    assert "reflectiegroep" in names  # the shared list: a group that holds "intervisie"
    assert "reflectiegroep" not in doc(index, "werkvormen/leerhuis/").get("namen", "")
    assert index["config"]["fields"]["namen"]["boost"] > index["config"]["fields"]["text"]["boost"]


def test_accented_words_are_also_indexed_without_accents(index):
    assert "casuistiekbespreking" in doc(index, "werkvormen/casuistiekbespreking/")["zonder_accenten"].split()
    assert "zonder_accenten" in index["config"]["fields"]


def test_help_pages_weigh_less_than_werkvormen(index):
    assert doc(index, "toevoegen/")["boost"] < 1
    assert doc(index, "vaste-lijsten/")["boost"] < 1
    assert "boost" not in doc(index, "werkvormen/moreel-beraad/")


def test_the_stemmer_runs_for_query_and_index(index):
    assert "stemmer" in index["config"]["pipeline"]


def test_vocabulary_page_shows_the_shared_synonym_list(site):
    text = soup(site / "vaste-lijsten" / "index.html").get_text(" ")
    assert "Zoekwoorden" in text
    assert "intervisie, reflectiegroep, reflectiebijeenkomst" in text


@pytest.mark.parametrize(
    "text", ["- [alleen]", "- [intervisie, '<script>']", "intervisie: reflectiegroep", "- [intervisie, 'a | b']"]
)
def test_a_wrong_synonym_list_is_refused_in_dutch(text):
    with pytest.raises(search.SynonymError, match="twee of meer woorden"):
        search.parse_groups(text)


def test_fold_drops_accents_and_case():
    assert search.fold("Casuïstiek cliënt Één") == "casuistiek client een"


def test_record_pages_carry_their_search_words_for_engines_without_hooks(site, index):
    """Zensical indexes page text only: the hidden line holds what the hook adds to Material's index."""
    line = soup(site / "werkvormen" / "intervisie" / "index.html").select_one("p.hb-zoekwoorden[hidden]")
    words = line.get_text()
    assert words.startswith(search.WORDS_LABEL)
    assert "crossover-intervisie" in words and "reflectiegroep" in words  # ook_bekend_als, shared list
    case = soup(site / "werkvormen" / "casuistiekbespreking" / "index.html").select_one("p.hb-zoekwoorden")
    assert "casuistiekbespreking" in case.get_text().split()  # accent-free
    # Material weighs them in `namen`; the loose line stays out of its result text
    assert search.WORDS_LABEL not in json.dumps(index["docs"], ensure_ascii=False)


def test_a_synonym_group_counts_for_the_head_of_a_compound_name(index):
    # Leernetwerkbijeenkomst ends in "netwerkbijeenkomst", a word of the leernetwerk group
    assert "community of practice" in doc(index, "werkvormen/leernetwerkbijeenkomst/")["namen"]
    # Docentstage (an other name of meelopen) starts with "docent": a stage, not a docent
    assert "leraar" not in doc(index, "werkvormen/meelopen-in-de-praktijk/")["namen"]
