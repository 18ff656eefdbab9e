"""Search as a Dutch reader uses it: without accents, with typos, in plural, by synonym, pasted,
as a whole sentence about a need, in English, with Dutch compounds, and with an answer when nothing fits."""

from __future__ import annotations

import time
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


@pytest.mark.parametrize(
    "query, wanted",
    [
        # a need in a whole sentence: the one distinctive word decides, not "werk" or "collega's"
        ("reflecteren op je eigen werk met collega's", "Intervisie"),
        ("ik zit met een ethisch dilemma in mijn werk", "Moreel beraad"),
        # a reason from the record (wanneer_kiezen) in the reader's words
        ("medewerkers en leiding elkaars werk beter laten snappen", "Crossover meelopen"),
        # Dutch compounds, both ways, and a separable verb joined
        ("les", "Gastles uit de praktijk"),  # part of "gastles"
        ("jeugdzorgorganisatie bezoeken", "Gluren bij de burens"),  # a compound the site does not use: visiting one
        ("meewerken bij een andere organisatie", "Uitwisseling tussen organisaties"),  # "werken ... mee"
        # English and everyday words, mapped to the handbook's own term
        ("peer supervision", "Intervisie"),
        ("guest lecture", "Gastles uit de praktijk"),
        ("lived experience", "Ervaringskennis inbrengen"),
        ("managers", "Crossover meelopen"),  # the handbook says leidinggevenden
    ],
)
def test_search_understands_a_need_not_only_a_name(page, base_url, query, wanted):
    titles = search(page, base_url, query)
    assert wanted in titles[:3], titles


def test_experienced_is_not_searched_as_experience(page, base_url):
    """The stemmer makes "ervaren" and "ervaring" one word; the index keeps "ervaren" apart."""
    titles = search(page, base_url, "ervaren")
    assert titles[0] != "Ervaringskennis inbrengen", titles
    assert "Leergang voor ervaren jeugdprofessionals" in titles[:3], titles


def answer_for(page, base_url, query):
    page.goto(f"{base_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type(query)
    page.wait_for_selector(".hb-search-none", timeout=10_000)
    return page.locator(".hb-search-none")


def test_nothing_found_gets_a_dutch_answer_with_the_closest_werkvormen(page, base_url):
    answer = answer_for(page, base_url, "spiegelbijeenkomstqqq")
    assert "Niets gevonden voor" in answer.inner_text()
    assert answer.get_by_role("link", name="Spiegelbijeenkomst").count() == 1
    catalogue = answer.get_by_role("link", name="alle werkvormen")
    assert catalogue.get_attribute("href") == f"{base_url}/werkvormen/"
    answer.get_by_role("link", name="Spiegelbijeenkomst").click()
    page.wait_for_url(f"{base_url}/werkvormen/spiegelbijeenkomst/")


def test_nothing_found_for_nonsense_still_points_to_the_catalogue(page, base_url):
    answer = answer_for(page, base_url, "xqzwv")
    assert answer.get_by_role("listitem").count() == 0
    assert answer.get_by_role("link", name="alle werkvormen").count() == 1
    # a query that finds something again takes the answer away
    box = page.get_by_role("textbox", name="Zoeken").first
    box.fill("intervisie")
    page.wait_for_selector(".hb-search-none", state="detached", timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 0


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


def fill(page, base_url, query):
    """Put the whole query in the box at once, as a paste does, and wait for Material's answer."""
    page.goto(f"{base_url}/")
    box = page.get_by_role("textbox", name="Zoeken").first
    with page.expect_response(lambda response: response.url.endswith("search_index.json")):
        box.focus()
    page.wait_for_timeout(500)
    box.fill(query)
    page.wait_for_selector(".md-search-result__item, .hb-search-none", timeout=10_000)
    page.wait_for_timeout(300)
    return [t.strip() for t in page.locator(".md-search-result__item > a article h1").all_inner_texts()]


@pytest.mark.parametrize(
    "query, first",
    [
        # issue 32: question words and filler weigh nothing; a page whose summary or reasons hold
        # several of the words comes before one that repeats one of them
        ("Hoe bepalen we als team wat het juiste is om te doen als we het oneens zijn?", "Moreel beraad"),
        ("Wat moeten we doen als we in het team botsen over waarden?", "Moreel beraad"),
    ],
)
def test_a_question_is_read_for_the_words_that_carry_its_need(page, base_url, query, first):
    titles = fill(page, base_url, query)
    assert titles and titles[0] == first, titles


def test_a_word_inside_a_longer_word_counts_less_than_the_word_itself(page, base_url):
    # "wisselen" is only a part of "uitwisseling": the question is about a network that must go on
    titles = fill(page, base_url, "Hoe houden we het leernetwerk gaande als mensen van baan wisselen?")
    assert titles[0] == "Een leernetwerk gaande houden", titles


def test_a_long_word_of_known_parts_does_not_freeze_the_search_box(page, base_url):
    """Issue 31: "q" + "a" x 60 with a, aa, ... a x 60 on the site froze the tab for 28 s."""
    words = {"a" * size: 1 for size in range(2, 61)}

    def with_bomb(route):
        index = route.fetch().json()
        index["config"]["handbook"]["woorden"].update(words)
        route.fulfill(json=index)

    page.route("**/search/search_index.json", with_bomb)
    started = time.monotonic()
    fill(page, base_url, "q" + "a" * 60)
    fill(page, base_url, "q" + "a" * 38)  # short enough to be split: each start of the word is tried once
    assert time.monotonic() - started < 8  # two page loads and two answers; was minutes (or never)


def test_a_compound_is_split_in_the_browser_with_few_tries(page, base_url):
    page.goto(f"{base_url}/")
    tries = page.evaluate(
        """() => {
          let tries = 0;
          const known = (word) => { tries++; return /^a+$/.test(word) || word === "zorg"; };
          const parts = window.hbZoekregels.splitCompound("q" + "a".repeat(38), known);
          const zorg = window.hbZoekregels.splitCompound("zorg".repeat(1400), known);
          const three = window.hbZoekregels.splitCompound("zorgzorgzorg", known);
          return {tries, parts, zorg, three};
        }"""
    )
    assert tries["parts"] == [] and tries["zorg"] == [] and tries["three"] == ["zorg", "zorg", "zorg"]
    assert tries["tries"] < 5_000, tries


RANK = """([index, query, locations]) => {
  const rules = window.hbZoekregels;
  return rules.rank(rules.model(index), query, locations, []);
}"""


def page_doc(location, title, summary="", reasons="", body=""):
    docs = [{"location": location, "title": title, "text": f"<p>{summary}</p>", "wanneer": reasons}]
    if body:
        docs.append({"location": f"{location}#wat-is-het", "title": "Wat is het", "text": f"<p>{body}</p>"})
    return docs


def ranked(page, base_url, docs, query, filler="Een pagina over iets anders."):
    """zoekregels.rank on an index of our own: the order does not hang on the records' sentences."""
    page.goto(f"{base_url}/")
    locations = list(dict.fromkeys(doc["location"].split("#")[0] for doc in docs))
    locations += [f"vul{n}/" for n in range(6)]
    filler = [page_doc(f"vul{n}/", f"Vulling {n}", filler) for n in range(6)]
    index = {"docs": [doc for some in filler for doc in some] + docs}
    return page.evaluate(RANK, [index, query, locations])


def test_a_page_holding_several_words_of_a_question_ranks_above_one_repeating_one(page, base_url):
    docs = [
        *page_doc("herhaalt/", "Gesprekken", "Over gesprekken.", body="gesprek " * 40),
        *page_doc("dekt/", "Terugblik", "Met collega's terugkijken op een lastig gesprek."),
    ]
    order = ranked(page, base_url, docs, "Hoe kan ik met collega's terugkijken op een gesprek?")
    assert order[0] == "dekt/", order


def test_a_word_that_is_only_part_of_a_longer_word_counts_less(page, base_url):
    docs = [
        *page_doc("deel/", "Uitwisseling", "Een uitwisseling tussen organisaties in het netwerk."),
        *page_doc("heel/", "Netwerk gaande houden", "Wat doe je als mensen van baan wisselen in het netwerk?"),
    ]
    order = ranked(page, base_url, docs, "wat als collega's van baan wisselen in ons netwerk")
    assert order[0] == "heel/", order


def test_a_split_verb_in_the_question_finds_the_joined_word(page, base_url):
    docs = [
        *page_doc("los/", "Laten weten", "Jongeren uit de regio laten weten hoe het gaat."),
        *page_doc("samen/", "Bijeenkomst", "Jongeren uit de regio samenkomen in een groep."),
    ]
    order = ranked(page, base_url, docs, "hoe laat ik jongeren uit de regio samen komen")  # samen ... komen
    assert order[0] == "samen/", order


def test_a_word_in_a_long_body_counts_less_than_in_a_short_one(page, base_url):
    # the same four words, as far apart, in the body of both pages; the long page comes first from lunr
    words = ["rooster", "budget", "vervoer", "locatie"]
    spread = " ".join(f"{word} {'tekst ' * 8}" for word in words)
    docs = [
        *page_doc("lang/", "Lange pagina", "Over iets anders.", body=spread + "woord " * 400),
        *page_doc("kort/", "Korte pagina", "Over iets anders.", body=spread),
    ]
    order = ranked(page, base_url, docs, "Wat doe ik met rooster, budget, vervoer en locatie?")
    assert order[0] == "kort/", order


def test_a_short_query_keeps_lunrs_order(page, base_url):
    docs = [*page_doc("a/", "Intervisie", "Een groep."), *page_doc("b/", "Groep", "Een groep intervisie intervisie.")]
    assert ranked(page, base_url, docs, "hoe kan ik intervisie") == ["a/", "b/", *[f"vul{n}/" for n in range(6)]]


def test_a_word_in_one_name_weighs_more_than_the_same_word_in_many_texts(page, base_url):
    # every word of the question stands in every page's text, but "begin" in one name only: that
    # page answers "hoe begin je", though lunr put the other first
    docs = [
        *page_doc("gaande/", "Netwerk gaande houden", "Een netwerk met school en praktijk. Begin op tijd."),
        *page_doc("starten/", "Netwerk beginnen", "Een netwerk met school en praktijk."),
    ]
    filler = "Begin hier: een netwerk met school en praktijk, iets anders."
    order = ranked(page, base_url, docs, "Hoe begin je een netwerk met school en praktijk?", filler=filler)
    assert order[0] == "starten/", order


TERMS = """([index, query]) => {
  const rules = window.hbZoekregels;
  return rules.terms(query, rules.model(index), []).map((t) => [t.word, t.weight, t.stems.map((c) => c.stem)]);
}"""


def test_a_past_participle_counts_for_its_verb(page, base_url):
    page.goto(f"{base_url}/")
    index = {"docs": page_doc("a/", "Werken", "Wij werken samen.") + page_doc("b/", "Leren", "Over iets anders.")}
    terms = {word: stems for word, _, stems in page.evaluate(TERMS, [index, "daar heb ik gewerkt"])}
    assert terms["gewerkt"] == ["werk"], terms  # gewerkt -> werk, the stem of "werken"


ARTICLES = (
    "() => [...document.querySelectorAll('.md-search-result__item')].map((i) => i.querySelectorAll('article').length)"
)


def test_a_question_draws_a_few_sections_per_page_and_no_list_of_missing_words(page, base_url):
    # drawing every matching section and a hidden "Ontbreekt" word list made a long question slow on a phone
    fill(
        page, base_url, "met praktijk school en gezinnen om de paar weken bij elkaar komen om iets nieuws op te bouwen"
    )
    per_page = page.evaluate(ARTICLES)
    assert per_page and max(per_page) <= 4, per_page  # the page itself and its three best sections
    assert page.locator(".md-search-result__terms").count() == 0
    fill(page, base_url, "praktijk")  # a word, not a question: every matching section, as Material shows them
    assert max(page.evaluate(ARTICLES)) > 4
