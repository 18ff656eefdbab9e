"""Search as a Dutch reader uses it: without accents, with typos, in plural, by synonym, pasted."""

from __future__ import annotations

from importlib.resources import files

import pytest

HELP_PAGES = {
    "Start",
    "Handboek werkvormen jeugd",
    "Over dit handboek",
    "Bronnen",
    "Een werkvorm toevoegen",
    "Schrijfwijzer",
    "Vaste lijsten",
    "Downloads",
    "Checklists",
}


def search(page, base_url, query):
    page.goto(f"{base_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)  # Material searches on every key; let the last one land
    return [t.strip() for t in page.locator(".md-search-result__item > a article h1").all_inner_texts()]


@pytest.mark.parametrize(
    "query, first",
    [
        ("casuistiek", "Casuïstiekbespreking"),  # no accent, part of a word
        ("clientparticipatie", "Ervaringskennis inbrengen"),  # no accent, other name from the record
        ("intervissie", "Intervisie"),  # typo
        ("spiegelbijenkomst", "Spiegelbijeenkomst"),  # typo in a long word
        ("ontwikkelgroepen", "Ontwikkelgroep"),  # plural that is not in the text
        ("leerwerkplaatsen", "Leerwerkplaats"),
        ("reflectiegroep", "Intervisie"),  # shared synonym list
        ("ethisch beraad", "Moreel beraad"),  # the record's ook_bekend_als
        ("kijkje in de keuken", "Gluren bij de burens"),  # short words no longer swamp the ranking
    ],
)
def test_search_finds_the_right_werkvorm_first(page, base_url, query, first):
    titles = search(page, base_url, query)
    assert titles and titles[0] == first, titles


def test_help_pages_rank_below_the_werkvorm_but_stay_findable(page, base_url):
    titles = search(page, base_url, "moreel beraad")
    assert titles[0] == "Moreel beraad", titles
    assert not HELP_PAGES & set(titles[:3]), titles
    assert search(page, base_url, "werkvorm toevoegen")[0] == "Een werkvorm toevoegen"


def test_no_query_finds_nothing_for_a_mistyped_word(page, base_url):
    page.goto(f"{base_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type("leernetwerkbijeenkmost")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert "Geen overeenkomende" not in page.locator(".md-search-result__meta").inner_text()


@pytest.mark.parametrize("when", ["at once", "after the index loaded"])
def test_a_pasted_query_is_not_lost(page, base_url, when):
    """A paste (no key pressed) right after the page loads, or once the index is there, is searched."""
    page.goto(f"{base_url}/werkvormen/leerhuis/")
    box = page.get_by_role("textbox", name="Zoeken").first
    if when == "at once":
        box.focus()
    else:
        with page.expect_response(lambda response: response.url.endswith("search_index.json")):
            box.focus()
        page.wait_for_timeout(500)
    box.fill("spiegelbijeenkomst")  # sets the value with an input event and no key events, as a paste does
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item > a article h1").first.inner_text().strip() == "Spiegelbijeenkomst"


def test_search_dialog_has_an_accessible_name(page, base_url):
    page.goto(f"{base_url}/")
    page.evaluate(
        files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
    )  # CSP: no <script> tag
    result = page.evaluate("axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}})")
    assert result["violations"] == [], result["violations"]
    assert page.get_by_role("dialog", name="Zoeken").count() == 1
