"""A reader in a real browser: search, filters, the overview, ticking checklists, phone width, keyboard."""

from __future__ import annotations

import pytest
from helpers import ROOT
from playwright.sync_api import expect

import handbook
from handbook.records import collection, filters

BOOK = collection.load(ROOT / "werkvormen")
WIDE = {e.slug: filters.keys(e.record) for e in BOOK.werkvormen}
OFFERED = filters.offered_for([filters.keys(e.record) for e in BOOK.werkvormen])


def search(page, base_url, query):
    page.goto(f"{base_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return [t.strip() for t in page.locator(".md-search-result__item > a article h1").all_inner_texts()]


def test_search_index_loads_only_when_the_reader_starts_to_search(page, base_url):
    # the page's own requests: the offline worker (README, Offline) keeps the index too, once per build,
    # in the background, so that search works without a network; the page does not wait for it
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{base_url}/werkvormen/leerhuis/", wait_until="networkidle")
    assert not any(url.endswith("search_index.json") for url in asked)
    titles = search(page, base_url, "leerhuis")
    assert titles[0] == "Leerhuis"
    assert any(url.endswith("search_index.json") for url in asked)


@pytest.mark.parametrize(
    "query, first",
    [
        ("spiegelbijeenkomsten", "Spiegelbijeenkomst"),  # Dutch stemming: plural finds singular
        ("intervisie", "Intervisie"),  # the title ranks above pages that mention it
        ("collegiale consultatie", "Intervisie"),  # a synonym professionals use
    ],
)
def test_search_finds_by_inflected_word_title_and_synonym(page, base_url, query, first):
    titles = search(page, base_url, query)
    assert titles and titles[0] == first, titles


def test_search_for_a_meeloopdag_finds_the_werkvormen_where_you_walk_along(page, base_url):
    """'meeloopdag' is a synonym of meelopen; 'werkbezoek' (Gluren's own name) no longer sits in that group."""
    titles = search(page, base_url, "meeloopdag")
    assert set(titles[:2]) == {"Meelopen in de praktijk", "Crossover meelopen"}, titles


def test_search_for_werkbezoek_finds_gluren_whose_other_name_it_is(page, base_url):
    """'werkbezoek' is Gluren's own other name (its ook_bekend_als), no longer a synonym of meelopen."""
    titles = search(page, base_url, "werkbezoek")
    assert titles and titles[0] == "Gluren bij de burens", titles


def test_search_for_ervaringsdeskundige_finds_werkvormen_with_clients_and_families(page, base_url):
    titles = search(page, base_url, "ervaringsdeskundige")
    with_clients = {e.record.titel for e in BOOK.werkvormen if "ervaringsdeskundige" in e.record.voor_wie}
    assert len(with_clients & set(titles)) >= 3, titles


def visible_cards(page):
    return [t.strip().rstrip("¶") for t in page.locator(".hb-card:visible h2").all_inner_texts()]


@pytest.mark.parametrize("name", [f.name for f in OFFERED])
def test_each_filter_narrows_the_catalogue_and_the_url_restores_it(page, base_url, name):
    page.goto(f"{base_url}/werkvormen/")
    assert len(visible_cards(page)) == len(BOOK.werkvormen)
    choice = next(iter(next(f for f in OFFERED if f.name == name).choices))
    expected = sorted(e.record.titel for e in BOOK.werkvormen if choice in WIDE[e.slug][name])
    page.select_option(f"#filter-{name}", choice)
    assert sorted(visible_cards(page)) == expected
    assert f"{len(expected)} van de {len(BOOK.werkvormen)}" in page.locator(".hb-count").inner_text()
    assert f"{name}={choice}" in page.url
    page.goto(page.url)  # a shared link restores the same view
    assert page.locator(f"#filter-{name}").input_value() == choice
    assert sorted(visible_cards(page)) == expected


def test_filters_combine_and_reset(page, base_url):
    page.goto(f"{base_url}/werkvormen/?rol=ervaringsdeskundige&duur=kort")
    expected = [
        e.record.titel
        for e in BOOK.werkvormen
        if "ervaringsdeskundige" in WIDE[e.slug]["rol"] and "kort" in WIDE[e.slug]["duur"]
    ]
    assert sorted(visible_cards(page)) == sorted(expected)
    page.get_by_role("button", name="Wis filters").click()
    # the form's reset event fires before the fields are cleared: the list follows a moment later
    expect(page.locator(".hb-card:visible")).to_have_count(len(BOOK.werkvormen))
    assert "?" not in page.url


def test_without_javascript_the_full_list_is_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/werkvormen/?rol=docent")
    assert len(page.locator(".hb-card:visible").all()) == len(BOOK.werkvormen)
    assert not page.locator("#filters").is_visible() and not page.locator(".hb-count").is_visible()
    context.close()


def test_only_choices_that_narrow_the_list_are_offered(page, base_url):
    page.goto(f"{base_url}/werkvormen/")
    for f in OFFERED:
        values = page.locator(f"#filter-{f.name} option").evaluate_all("options => options.map(o => o.value)")
        assert values == [""] + list(f.choices)
        for value in values[1:]:
            page.select_option(f"#filter-{f.name}", value)
            assert 0 < len(visible_cards(page)) < len(BOOK.werkvormen), (f.name, value)
        page.select_option(f"#filter-{f.name}", "")
    assert "jeugdprofessional" not in page.locator("#filter-rol").inner_html()  # every werkvorm is for them


def test_overview_shows_which_werkvormen_suit_which_perspective(page, base_url):
    page.goto(f"{base_url}/werkvormen/overzicht/")
    rows = page.locator(".hb-matrix tbody tr")
    assert rows.count() == len(BOOK.werkvormen)
    for i, entry in enumerate(BOOK.werkvormen):
        row = rows.nth(i)
        assert row.locator("a").inner_text() == entry.record.titel
        cells = row.locator("td").all_inner_texts()[1:]
        assert ["ja" in c and "nee" not in c for c in cells] == [
            role in entry.record.voor_wie for role in handbook.base.vocabulary.ROLES
        ]
    row.locator("a").click()
    assert page.url.endswith(f"/werkvormen/{BOOK.werkvormen[-1].slug}/")


def test_every_werkvorm_page_ends_with_related_werkvormen_and_a_next_step(page, base_url):
    entry = BOOK.get("intervisie")
    page.goto(f"{base_url}/werkvormen/intervisie/")
    headings = page.locator("article h2").all_inner_texts()
    assert headings[-1].startswith("Volgende stap") and headings[-2].startswith("Verwante")
    next_step = page.locator(".hb-next")
    assert entry.record.stappen[0].titel in next_step.inner_text()
    assert (
        next_step.get_by_role("link", name="print de checklist")
        .get_attribute("href")
        .endswith("checklist-intervisie.pdf")
    )
    next_step.get_by_role("link", name="stappen").click()
    assert page.url.endswith("/werkvormen/intervisie/#hoe-organiseer-je-het")


def test_steps_of_a_werkvorm_are_ticked_and_remembered_per_page(page, base_url):
    page.goto(f"{base_url}/werkvormen/moreel-beraad/")
    boxes = page.locator(".hb-steps input[type=checkbox]")
    assert boxes.nth(0).get_attribute("aria-label").startswith("1. ")
    boxes.nth(1).click(force=True)
    page.reload()
    assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked()
    page.goto(f"{base_url}/werkvormen/intervisie/")
    assert not any(box.is_checked() for box in page.locator(".hb-steps input[type=checkbox]").all())


def test_ticks_are_remembered_can_be_reset_and_print(page, base_url):
    page.goto(f"{base_url}/checklists/leernetwerk-starten/")
    boxes = page.locator(".hb-checklist input[type=checkbox]")
    # a reader clicks the drawn box, which lies over the checkbox inside its label: click at that spot
    boxes.nth(0).click(force=True)
    boxes.nth(4).click(force=True)
    assert "2 van de" in page.locator(".hb-tickbar [role=status]").inner_text()
    page.reload()
    assert [boxes.nth(i).is_checked() for i in (0, 1, 4)] == [True, False, True]
    page.emulate_media(media="print")
    tick = page.evaluate("""() => getComputedStyle(document.querySelector(
        '.hb-checklist input[type=checkbox]:checked + .task-list-indicator'), '::before').content""")
    empty = page.evaluate("""() => getComputedStyle(document.querySelector(
        '.hb-checklist input[type=checkbox]:not(:checked) + .task-list-indicator'), '::before').borderTopStyle""")
    assert tick == '"✓"' and empty == "solid"
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Alle vinkjes weghalen").click()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))
    page.get_by_role("button", name="Vinkjes terugzetten").click()  # a slip of the thumb can be undone
    assert [boxes.nth(i).is_checked() for i in (0, 1, 4)] == [True, False, True]
    page.get_by_role("button", name="Alle vinkjes weghalen").click()
    page.reload()
    assert not any(boxes.nth(i).is_checked() for i in range(boxes.count()))


PAGES = [
    "/",
    "/werkvormen/",
    "/werkvormen/overzicht/",
    "/werkvormen/gluren-bij-de-burens/",
    "/checklists/leernetwerk-starten/",
    "/checklists/",
    "/downloads/",
    "/toevoegen/",
    "/over/",
    "/bronnen/",
]


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_has_no_horizontal_scrolling(browser, base_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}{path}")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    context.close()
    assert width <= 360


def test_filters_and_checklists_work_with_the_keyboard_alone(page, base_url):
    page.goto(f"{base_url}/werkvormen/")
    page.focus("#filter-rol")  # reached with Tab in the browser; here we start on it
    roles = list(next(f for f in OFFERED if f.name == "rol").choices)
    for _ in range(3):  # Alle -> student -> docent -> onderzoeker
        page.keyboard.press("ArrowDown")
    assert page.locator("#filter-rol").input_value() == roles[2]
    assert len(visible_cards(page)) < len(BOOK.werkvormen)
    page.goto(f"{base_url}/checklists/leernetwerk-starten/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.type === 'checkbox'"):
            break
    else:
        pytest.fail("no checkbox reached with Tab")
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") is True
    outline = page.evaluate("""() => getComputedStyle(document.activeElement.nextElementSibling, '::before')
        .outlineStyle""")
    assert outline != "none"
