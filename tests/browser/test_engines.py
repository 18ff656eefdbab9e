"""The same reader's smoke test on both engines: ProperDocs with Material (`make site`) and Zensical (`make zensical`).

Pages open, PDFs download, search finds a werkvorm by its name and by another
name, filters and ticks work, nothing breaks the Content-Security-Policy (the
`page` fixture fails on any console error) and axe finds nothing. The deeper
tests of each feature run against the ProperDocs build (the site we publish).
"""

from __future__ import annotations

import pytest
from helpers import ROOT
from test_accessibility import violations

from handbook.records import collection, filters

BOOK = collection.load(ROOT / "werkvormen")
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture(params=["properdocs", "zensical"])
def engine(request, context):
    """(engine, address of its site); every page of the context reports policy violations."""
    context.add_init_script(WATCH)
    return request.param, request.getfixturevalue("base_url" if request.param == "properdocs" else "zensical_url")


def search(page, engine: str, query: str) -> list[str]:
    """The addresses of the results, best first, as a reader gets them with each engine's own search box."""
    if engine == "properdocs":
        page.get_by_role("textbox", name="Zoeken").first.click()
        results = ".md-search-result__item > a"
    else:  # Zensical's search dialog lives in a shadow root; Playwright's CSS selectors pierce it
        page.locator(".md-search__button").click()
        results = "a[role=option]"
    page.keyboard.type(query)
    page.wait_for_selector(results, timeout=10_000)
    page.wait_for_timeout(300)  # the list settles as the query is complete
    return [href.split("?")[0].split("#")[0] for href in page.locator(results).evaluate_all("a => a.map(e => e.href)")]


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("intervisie", "intervisie"),
        ("moreel beraad", "moreel-beraad"),
        ("reflectiegroep", "intervisie"),  # the shared synonym list (src/handbook/synoniemen.yml)
        ("collegiale consultatie", "intervisie"),  # the record's ook_bekend_als
        ("casuistiekbespreking", "casuistiekbespreking"),  # without its accent
    ],
)
def test_search_finds_a_werkvorm_by_name(page, engine, query, slug):
    name, url = engine
    page.goto(f"{url}/")
    found = search(page, name, query)
    assert f"{url}/werkvormen/{slug}/" in found[:3], found[:5]
    assert page.evaluate("window.__violations") == []


def test_pages_pdfs_filters_and_ticks(page, engine):
    url = engine[1]
    page.goto(f"{url}/")
    assert "Handboek werkvormen jeugd" in page.title()
    page.goto(f"{url}/werkvormen/?rol=docent")
    expected = sum("docent" in filters.keys(e.record)["rol"] for e in BOOK.werkvormen)
    assert 0 < expected < len(BOOK.werkvormen)
    assert page.locator(".hb-card:visible").count() == expected
    assert f"{expected} van de {len(BOOK.werkvormen)}" in page.locator(".hb-count").inner_text()

    page.goto(f"{url}/werkvormen/leerhuis/")
    pdf = page.locator("a[href$='checklist-leerhuis.pdf']").first.get_attribute("href")
    response = page.request.get(f"{url}/werkvormen/leerhuis/{pdf}")
    assert response.ok and response.body().startswith(b"%PDF-")
    box = page.locator(".hb-steps input[type=checkbox]").nth(1)
    box.click(force=True)
    page.reload()
    assert box.is_checked()  # remembered in localStorage, under the policy
    response = page.request.get(f"{url}/downloads/handboek-werkvormen-jeugd.pdf")
    assert response.ok and response.body().startswith(b"%PDF-")
    assert page.evaluate("window.__violations") == []


@pytest.mark.parametrize("path", ["/", "/werkvormen/?rol=docent", "/werkvormen/moreel-beraad/", "/checklists/"])
def test_no_accessibility_violations(page, engine, path):
    url = engine[1]
    page.goto(f"{url}{path}")
    assert violations(page) == []


def test_search_results_have_no_accessibility_violations(page, engine):
    name, url = engine
    page.goto(f"{url}/")
    search(page, name, "leernetwerk")
    assert violations(page) == []


def test_mijn_programma(engine, page):
    """The programme works on both; the header count and the offline worker are Material's only
    (overrides/main.html and the hooks; Zensical has its own main.html and runs no hooks)."""
    name, url = engine
    page.goto(f"{url}/werkvormen/leerhuis/")
    page.locator('[data-hb-zet="leerhuis"]').click()
    page.goto(f"{url}/programma/")
    page.wait_for_selector("[data-hb-klaar]")
    assert page.locator("[data-hb-onderdelen] [data-naam]").all_inner_texts() == ["Leerhuis"]
    assert page.locator("[data-hb-teller]").is_visible() == (name == "properdocs")
    assert page.locator('meta[name="hb-werker"]').count() == (1 if name == "properdocs" else 0)
    assert page.evaluate("window.__violations") == []
