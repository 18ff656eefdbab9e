"""A reader on a 360 px phone and at a 1366 px desk: what the first screen holds, filters that answer,
a catalogue that does not jump, an overview without broken words, tick boxes that can be seen, and focus
that never lands on something hidden."""

from __future__ import annotations

import pytest
from helpers import ROOT

import handbook
from handbook.records import collection

BOOK = collection.load(ROOT / "werkvormen")
PHONE = {"width": 360, "height": 800}
DESK = {"width": 1366, "height": 900}
WIDTHS = {"telefoon": PHONE, "bureau": DESK}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.fixture(params=WIDTHS, ids=list(WIDTHS))
def sized(request, browser):
    small = request.param == "telefoon"
    context = browser.new_context(viewport=WIDTHS[request.param], is_mobile=small, has_touch=small, locale="nl-NL")
    yield context.new_page()
    context.close()


def luminance(rgb: str) -> float:
    r, g, b = (int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_the_checklist_download_lies_within_the_first_1600_px_on_a_phone(phone, base_url, entry):
    phone.goto(f"{base_url}/werkvormen/{entry.slug}/")
    link = phone.locator(".hb-facts-strip a.hb-download")
    assert link.get_attribute("href").endswith(f"checklist-{entry.slug}.pdf")
    bottom = phone.evaluate("a => a.getBoundingClientRect().bottom + scrollY", link.element_handle())
    assert bottom <= 1600


def test_voor_wie_is_said_once_on_a_werkvorm_page(phone, base_url):
    phone.goto(f"{base_url}/werkvormen/moreel-beraad/")
    assert phone.locator("article h2", has_text="Voor wie").count() == 0
    assert phone.locator(".hb-facts dt", has_text="Voor wie").count() == 1


def test_after_choosing_a_filter_the_count_is_on_screen(sized, base_url):
    sized.goto(f"{base_url}/werkvormen/")
    toggle = sized.locator(".hb-filtertoggle")
    if toggle.is_visible():  # a phone folds the choices away behind "Filters (0)"
        assert toggle.inner_text() == "Filters (0)"
        assert not sized.locator("#filter-groep").is_visible()
        toggle.click()
    choice = sized.locator("#filter-groep")
    choice.scroll_into_view_if_needed()
    choice.select_option(index=1)
    count = sized.locator(".hb-count")
    assert " van de " in count.inner_text()
    box = count.bounding_box()
    height = sized.viewport_size["height"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    if toggle.is_visible():
        assert toggle.inner_text() == "Filters (1)"
    # scrolling down to the last card the filter left (the comparison tables below the list are no longer
    # the list), the count stays in view
    sized.locator(".hb-card:visible").last.scroll_into_view_if_needed()
    sized.wait_for_timeout(200)
    box = count.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= height


CLS = """window.hbShift = 0;
new PerformanceObserver(list => { for (const e of list.getEntries()) { if (!e.hadRecentInput) { window.hbShift += e.value; } } })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("query", ["", "?rol=docent&duur=dagdeel"])
def test_the_catalogue_does_not_shift_while_it_loads_on_a_slow_phone(sized, base_url, query):
    def late(route):  # the scripts arrive late, as on a slow connection
        sized.wait_for_timeout(400)
        route.continue_()

    sized.route("**/*.js", late)
    sized.add_init_script(CLS)
    sized.goto(f"{base_url}/werkvormen/{query}", wait_until="load")
    sized.wait_for_timeout(500)
    assert sized.evaluate("window.hbShift") < 0.1


BROKEN = """root => {
  const broken = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.checkVisibility()) { continue; }
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0)
        .map(r => Math.round(getComputedStyle(node.parentElement).writingMode.startsWith("vertical") ? r.left : r.top)));
      if (lines.size > 1) { broken.push(match[0]); }
    }
  }
  return broken;
}"""


def test_no_word_of_the_overview_is_broken_in_two(sized, base_url):
    sized.goto(f"{base_url}/werkvormen/overzicht/")
    assert sized.evaluate(BROKEN, sized.locator("article").element_handle()) == []
    shown = sized.locator(".hb-matrix table:visible, .hb-perspective:visible").count()
    assert shown >= 1
    shown = sized.locator("article th:visible, article .hb-perspective h2:visible").all_inner_texts()
    assert set(handbook.base.vocabulary.ROLES.values()) <= {t.strip().rstrip("¶") for t in shown}  # full names


def test_overview_on_a_phone_lists_the_werkvormen_per_role(phone, base_url):
    phone.goto(f"{base_url}/werkvormen/overzicht/")
    assert not phone.locator(".hb-matrix").is_visible()
    cards = phone.locator(".hb-perspective")
    assert cards.count() == len(handbook.base.vocabulary.ROLES)
    for card, key in zip(cards.all(), handbook.base.vocabulary.ROLES, strict=True):
        titles = [t.strip() for t in card.locator("li a").all_inner_texts()]
        assert titles == [e.record.titel for e in BOOK.werkvormen if key in e.record.voor_wie]


INDICATOR = """box => {
  const before = getComputedStyle(box.nextElementSibling, "::before");
  return {border: before.borderTopColor, fill: before.backgroundColor, outline: before.outlineStyle,
          ring: before.outlineColor, page: getComputedStyle(document.body).backgroundColor};
}"""


def test_tick_boxes_have_3_to_1_contrast_and_a_visible_focus_ring(sized, base_url):
    sized.goto(f"{base_url}/werkvormen/moreel-beraad/")
    box = sized.locator(".hb-steps input[type=checkbox]").first
    idle = box.evaluate(INDICATOR)
    assert contrast(idle["border"], idle["page"]) >= 3
    assert idle["outline"] == "none"
    box.focus()
    sized.keyboard.press("Space")  # ticked with the keyboard: focus is visible now
    ticked = box.evaluate(INDICATOR)
    assert box.is_checked()
    assert contrast(ticked["fill"], ticked["page"]) >= 3
    assert ticked["outline"] != "none" and contrast(ticked["ring"], ticked["page"]) >= 3


def test_the_whole_step_title_ticks_the_box_and_is_44_px_high(phone, base_url):
    phone.goto(f"{base_url}/werkvormen/moreel-beraad/")
    title = phone.locator(".hb-steps .task-list-item > p:first-child").nth(2)
    box = title.bounding_box()
    assert box["height"] >= 44
    title.scroll_into_view_if_needed()
    box = title.bounding_box()
    phone.mouse.click(box["x"] + box["width"] - 10, box["y"] + box["height"] / 2)  # the far end of the line
    assert phone.locator(".hb-steps input[type=checkbox]").nth(2).is_checked()
    phone.goto(f"{base_url}/checklists/leernetwerk-starten/")
    item = phone.locator(".hb-checklist .task-list-item").nth(1)
    item.scroll_into_view_if_needed()
    box = item.bounding_box()
    phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + 10)
    assert phone.locator(".hb-checklist input[type=checkbox]").nth(1).is_checked()


@pytest.mark.parametrize("path", ["/", "/werkvormen/moreel-beraad/", "/werkvormen/"])
def test_tab_never_lands_on_something_hidden_at_phone_width(phone, base_url, path):
    phone.goto(f"{base_url}{path}")
    hidden = []
    for _ in range(40):
        phone.keyboard.press("Tab")
        phone.wait_for_timeout(200)  # Material's skip link fades in when focused
        # a tick box is drawn beside its item (the native box is transparent on purpose): the item must show
        where = phone.evaluate("""() => { const a = document.activeElement;
            const e = a.matches(".task-list-control input") ? a.closest("li") : a;
            const r = e.getBoundingClientRect();
            return {name: a.outerHTML.slice(0, 80),
                    shown: e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                           && r.width > 0 && r.right > 0 && r.left < innerWidth}; }""")
        if not where["shown"]:
            hidden.append(where["name"])
    assert hidden == [], "\n".join(hidden)


def test_the_sample_programme_has_its_minutes_right_aligned_and_room_for_the_parts(sized, base_url):
    # Material's table rules are more specific than a plain `.hb-programma td`: ours must still win
    sized.goto(f"{base_url}/werkvormen/intervisie/")
    cells = sized.evaluate(
        """() => [...document.querySelectorAll('.hb-programma table tr')].map((row) =>
             [...row.children].map((cell) => [getComputedStyle(cell).textAlign, cell.getBoundingClientRect().width]))"""
    )
    assert cells and all(row[-1][0] == "right" for row in cells), cells
    table = sized.locator(".hb-programma table").first.bounding_box()
    assert all(row[1][1] > 0.45 * table["width"] for row in cells[1:]), cells  # the parts column holds the text
