"""WCAG 2.1 AA, as Dutch public organisations must meet: axe-core finds no violations."""

from __future__ import annotations

from importlib.resources import files

import pytest

AXE = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page):
    page.evaluate(AXE)  # through the debugging protocol: the page's Content-Security-Policy forbids a <script> tag
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in result["violations"]
    ]


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
    ],
)
def test_page_has_no_violations(page, base_url, path):
    page.goto(f"{base_url}{path}")
    assert violations(page) == []


def test_search_results_have_no_violations(page, base_url):
    page.goto(f"{base_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type("leernetwerk")
    page.wait_for_selector(".md-search-result__item")
    assert violations(page) == []
