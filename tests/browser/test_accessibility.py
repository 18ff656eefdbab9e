"""WCAG 2.2 A and AA, as Dutch public organisations must meet, plus axe's best practices, on a phone and a desk."""

from __future__ import annotations

from importlib.resources import files

import pytest

AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Material's search dialog has no accessible name (aria-dialog-name); the search work (#12) gives it one.
SKIP: dict = {}  # rules to switch off: none (the search dialog has its name, see overrides/partials/search.html)
WIDTHS = {"telefoon": {"width": 360, "height": 800}, "bureau": {"width": 1366, "height": 900}}


def violations(page):
    page.evaluate(AXE)  # through the debugging protocol: the page's Content-Security-Policy forbids a <script> tag
    result = page.evaluate(
        "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules})", [TAGS, SKIP]
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in result["violations"]
    ]


@pytest.fixture(params=WIDTHS, ids=list(WIDTHS))
def sized(request, page):
    page.set_viewport_size(WIDTHS[request.param])
    return page


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/werkvormen/",
        "/werkvormen/?rol=docent&duur=dagdeel",
        "/werkvormen/overzicht/",
        "/werkvormen/moreel-beraad/",
        "/checklists/leernetwerk-starten/",
        "/checklists/",
        "/downloads/",
        "/programma/",
        "/programma/#t=Terugkomdag&s=09:00&o=leerhuis:&o=*Lunch:30&o=leernetwerk-starten:",  # three parts
    ],
)
def test_page_has_no_violations(sized, base_url, path):
    sized.goto(f"{base_url}{path}")
    if path.startswith("/programma/"):
        sized.wait_for_selector("[data-hb-klaar]")
    assert violations(sized) == []


def test_search_results_have_no_violations(sized, base_url):
    sized.goto(f"{base_url}/")
    if sized.viewport_size["width"] < 600:  # a phone shows a magnifier that opens the search
        sized.locator("label.md-header__button[for=__search]").click()
    sized.get_by_role("textbox", name="Zoeken").first.click()
    sized.keyboard.type("leernetwerk")
    sized.wait_for_selector(".md-search-result__item")
    assert violations(sized) == []
