"""Issue 34 without a browser: the editorial address, the page-to-form link, the licence answer, one source of advice."""

from __future__ import annotations

import html
import json
import re

import pytest
from helpers import ROOT

from handbook import build, configuration
from handbook.base import licences, messages
from handbook.editing import advice, form
from handbook.records import collection, views
from handbook.records.model import NewSource
from handbook.site import pages

BOOK = collection.load(ROOT / "werkvormen")


def data_mail(page: str) -> str:
    found = re.search(r'data-mail="([^"]*)"', page)
    assert found, "the form has no data-mail attribute"
    return html.unescape(found.group(1))


def test_without_an_editorial_address_the_form_offers_no_mail():
    page = pages.render(BOOK, None, "https://github.com/voorbeeld/handboek/edit/main/")[form.PAGE]
    assert data_mail(page) == ""
    assert "Stuur het naar de redactie" not in page


def test_with_an_editorial_address_the_form_offers_it_and_says_what_happens_next():
    page = pages.render(BOOK, None, None, "redactie@handboek.example")[form.PAGE]
    mail = json.loads(data_mail(page))
    assert mail["address"] == "redactie@handboek.example"
    assert "{name}" in mail["subject"] and "bijlage" in mail["body"]
    assert "Stuur het naar de redactie" in page and "binnen twee weken" in page  # what CONTRIBUTING promises
    assert "De website verstuurt zelf niets" in page


@pytest.mark.parametrize("value", ["redactie", "a@b", "iemand@voorbeeld.nl?subject=x", "<a@b.nl>", "a b@c.nl"])
def test_an_editorial_address_that_is_not_one_is_refused_in_dutch(value):
    with pytest.raises(ValueError, match="is geen e-mailadres"):
        build.editors_address(value)


def test_the_configuration_refuses_an_editorial_address_that_is_not_one():
    """The one configuration path (hooks, export, bench) reads extra.handbook.redactie and refuses a wrong one."""
    config = {"extra": {"handbook": {"redactie": "redactie"}}, "config_file_path": str(ROOT / "mkdocs.yml")}
    with pytest.raises(
        configuration.ConfigError, match=re.escape("extra.handbook.redactie: 'redactie' is geen e-mailadres")
    ):
        configuration.options(config)
    config["extra"]["handbook"]["redactie"] = "redactie@handboek.example"
    assert configuration.options(config).editors == "redactie@handboek.example"


def test_an_empty_editorial_address_offers_nothing():
    assert build.editors_address(None) == "" and build.editors_address("  ") == ""
    assert build.editors_address("redactie@handboek.example") == "redactie@handboek.example"


def test_the_repository_config_invents_no_address():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "redactie: !ENV [HANDBOOK_REDACTIE, null]" in config


def test_every_werkvorm_page_opens_it_in_the_form_beside_the_github_link():
    rendered = pages.render(BOOK, None, "https://github.com/voorbeeld/handboek/edit/main/")
    for entry in BOOK.werkvormen:
        page = rendered[views.page_path(entry)]
        assert f"../voorstellen.md?werkvorm={entry.slug})" in page
        assert "Bewerk deze pagina" in page


def test_a_licence_that_is_not_known_is_answered_with_the_one_to_choose():
    with pytest.raises(ValueError, match="Kies 'Alle rechten voorbehouden'"):
        NewSource(
            sleutel="kookboek",
            titel="Kookboek",
            licentie="Onbekend",
            bewerken_toegestaan=False,
            commercieel_toegestaan=False,
            over="Een boek met recepten.",
        )
    assert licences.unknown("CC BY 4.0") is None


def test_the_form_says_durations_advice_and_licences_with_checks_own_words():
    """One source: the form's sentences and patterns are the ones `check` uses."""
    texts, rules = form.texts(), form.rules()
    assert texts["minutes_one"] == messages.MINUTES_ONE and texts["minutes_range"] == messages.MINUTES_RANGE
    assert rules["number"] == messages.NUMBER and rules["hours"] == messages.HOURS
    assert texts["term"] == advice.TERM_ADVICE and texts["sentence"] == advice.SENTENCE_ADVICE
    assert rules["sentencePattern"] == advice._SENTENCE.pattern
    assert rules["terms"] == advice.terms()
    assert rules["unknownLicence"] == licences.UNKNOWN_ANSWER


def test_the_form_speaks_of_choices_not_of_files():
    schema = form.form_schema(BOOK)
    schema.pop("description")  # the record's own, for VS Code: the form does not show it
    shown = json.dumps(schema, ensure_ascii=False)
    descriptions = re.findall(r'"(?:title|description)": "([^"]*)"', shown)
    for words in descriptions:
        for jargon in ("bestandsnaam", ".yml", "werkvormen/", "op true", "Sleutel"):
            assert jargon not in words, words
