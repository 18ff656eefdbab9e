"""Dutch word structure for the index: compounds split into known parts, separable verbs joined."""

from __future__ import annotations

import pytest

from handbook.search import index as search
from handbook.search import wordforms

KNOWN = {
    "jeugdzorg", "organisatie", "organisaties", "ervaring", "kennis", "les", "lessen", "docent", "college",
    "spreker", "leernetwerk", "netwerk", "bijeenkomst", "blok", "ken", "anderen", "werken", "plek", "team",
    "scholing", "keten", "dilemma", "bespreking", "verband", "samenwerking",
}  # fmt: skip


@pytest.mark.parametrize(
    "word, parts",
    [
        ("jeugdzorgorganisatie", ("jeugdzorg", "organisatie")),
        ("ketenorganisaties", ("keten", "organisaties")),
        ("ervaringskennis", ("ervaring", "kennis")),  # the linking s dropped
        ("dilemmabespreking", ("dilemma", "bespreking")),
        ("leernetwerkbijeenkomst", ("leernetwerk", "bijeenkomst")),  # the outer split first
        ("samenwerkingsverband", ("samenwerking", "verband")),
        ("gastles", ("gast", "les")),  # gast: a start that several known compounds share
        ("organisatie", ()),  # a known word that is no compound
        ("blokken", ()),  # "ken" is a plural ending here, not a word
        ("veranderen", ()),  # ver- is a verb prefix, not a word
        ("xyzorganisatie", ()),  # an unknown first part
    ],
)
def test_a_compound_splits_into_known_parts(word, parts):
    assert wordforms.split_compound(word, KNOWN, productive=frozenset({"gast"})) == parts


def test_productive_starts_are_shared_by_several_compounds_and_never_a_verb_prefix():
    known = {"les", "docent", "college", "gastles", "gastdocent", "gastcollege", "leiding", "begeleiding",
             "beleiding", "bemiddeling"}  # fmt: skip
    starts = wordforms.productive_starts(known)
    assert "gast" in starts
    assert not {start for start in starts if start.startswith("be")}


@pytest.mark.parametrize(
    "form, infinitives",
    [
        ("werken", ["werken"]),
        ("werkt", ["werken", "werkten"]),
        ("loopt", ["lopen", "loopten"]),
        ("geeft", ["geven", "geeften"]),
        ("leest", ["lezen", "leesten"]),
        ("doe", ["doen"]),
        ("gaat", ["gaan", "gaten"]),  # gaat -> gaan, praat -> praten: both readings are given
        ("zit", ["zitten", "ziten"]),
        ("kijk", ["kijken"]),
    ],
)
def test_a_verb_form_gives_its_regular_infinitives(form, infinitives):
    assert wordforms.infinitives(form)[: len(infinitives)] == infinitives


@pytest.mark.parametrize(
    "text, joined, not_joined",
    [
        ("Jeugdprofessionals werken een tijdje mee bij een andere organisatie.", "meewerken", None),
        ("Ze draaien een dagdeel mee in elkaars werk.", "meedraaien", None),
        ("Je kijkt mee, en soms doe je mee.", "meekijken", None),
        ("Je kijkt mee, en soms doe je mee.", "meedoen", None),
        ("Een docent loopt mee met een professional.", "meelopen", None),
        ("Ze werken in een team.", None, "inwerken"),  # in is a preposition here, not a particle
        ("Je werkt samen.", "samenwerken", None),
    ],
)
def test_separable_verbs_are_joined_as_readers_type_them(text, joined, not_joined):
    found = wordforms.separable_verbs(text.lower())
    if joined:
        assert joined in found, found
    if not_joined:
        assert not_joined not in found, found


def test_words_the_stemmer_would_merge_are_kept_apart():
    assert wordforms.kept_apart(["ervaren", "collega", "ervaren"]) == ["ervarenx"]
    assert wordforms.kept_apart(["ervaring"]) == []


def docs():
    return [
        {
            "location": "werkvormen/gastles/",
            "title": "Gastles uit de praktijk",
            "text": "<p>Een les van een docent of spreker.</p>",
        },
        {"location": "werkvormen/gastles/#wat", "title": "Wat", "text": "<p>Een gastdocent en een gastspreker.</p>"},
        {
            "location": "werkvormen/uitwisseling/",
            "title": "Uitwisseling",
            "text": "<p>Professionals werken een tijdje mee bij een andere organisatie.</p>",
            "wanneer": "Je wilt ervaren collega's ontmoeten.",
        },
        {
            "location": "over/",
            "title": "Over dit handboek",
            "text": "<p>Een jeugdzorgorganisatie: jeugdzorg in een organisatie.</p>",
        },
    ]


def test_each_entry_gets_its_word_parts_and_joined_verbs():
    entries = docs()
    search.add_word_parts(entries)
    assert "les" in entries[0]["delen"].split()
    assert "meewerken" in entries[2]["delen"].split()
    assert "ervarenx" in entries[2]["wanneer"].split()  # kept apart with the weight of its field
    assert {"jeugdzorg", "organisatie"} <= set(entries[3]["delen"].split())


def test_the_search_box_learns_pages_per_word_and_the_handbooks_terms():
    help_ = search.query_help(docs())
    assert help_["paginas"] == 3
    assert help_["woorden"]["organisatie"] == 2  # pages, not entries: over/ and uitwisseling/
    assert help_["woorden"]["gastspreker"] == 1
    assert help_["termen"]["peer supervision"] == "intervisie"
    assert help_["termen"]["manager"] == "leidinggevende"
    assert help_["apart"] == {"ervaren": "ervarenx"}


def test_every_other_word_of_the_shared_list_maps_to_its_groups_first_word():
    terms = search.handbook_terms()
    for group in search.synonym_groups():
        for word in group[1:]:
            assert terms[search.fold(word)] in {search.fold(g[0]) for g in search.synonym_groups()}


def _counting_heads(monkeypatch, limit):
    """Count the heads split_compound tries; stop the test once it tries more than `limit`."""
    tried = [0]
    real = wordforms._is_head

    def counting(part, known):
        tried[0] += 1
        if tried[0] > limit:
            raise AssertionError(f"split_compound tried more than {limit} heads")
        return real(part, known)

    monkeypatch.setattr(wordforms, "_is_head", counting)
    return tried


@pytest.mark.parametrize("n", [30, 38, 60])
def test_splitting_a_word_of_many_known_starts_costs_little(monkeypatch, n):
    # issue 31: words a, aa, ... a x n and "q" + "a" x n in one field; before, the splits doubled per letter
    tried = _counting_heads(monkeypatch, limit=5_000)
    known = {"a" * size for size in range(1, n + 1)}
    assert wordforms.split_compound("q" + "a" * n, known) == ()
    assert tried[0] <= 5_000


def test_a_very_long_word_is_no_compound_and_no_recursion_error():
    assert wordforms.split_compound("zorg" * 1400, {"zorg"}) == ()  # was a RecursionError
    assert wordforms.split_compound("zorg" * 3, {"zorg"}) == ("zorg", "zorg", "zorg")  # still split when short


def test_the_index_of_a_field_full_of_word_bombs_is_made_at_once(monkeypatch):
    tried = _counting_heads(monkeypatch, limit=200_000)
    bomb = " ".join("a" * size for size in range(1, 61)) + " q" + "a" * 60
    docs = [
        {"location": "werkvormen/a/", "title": "A", "text": bomb},
        {"location": "werkvormen/b/", "title": "B", "text": "zorg" * 1400},
    ]
    search.add_word_parts(docs)
    search.query_help(docs)
    assert tried[0] <= 200_000
