"""Pages built from records full of attacks, opened in Chromium: no script from a record runs."""

from __future__ import annotations

import pytest

PAGES = [
    "/werkvormen/leerhuis/",
    "/checklists/leernetwerk-gaande-houden/",
    "/werkvormen/",
    "/werkvormen/overzicht/",
    "/checklists/",
    "/bronnen/",
    "/downloads/",
    "/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_from_a_record_runs(page, payload_url, path):
    page.goto(f"{payload_url}{path}", wait_until="networkidle")
    for link in page.locator("article a").all()[:60]:
        href = link.get_attribute("href") or ""
        assert not href.strip().lower().startswith(("javascript:", "data:")), href
    page.mouse.click(10, 400)  # an onclick= would fire on a click in the page


def test_search_results_show_attacks_as_text(page, payload_url):
    page.goto(f"{payload_url}/")
    page.get_by_role("textbox", name="Zoeken").first.click()
    page.keyboard.type("onerror")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result img, .md-search-result svg[onload], .md-search-result iframe").count() == 0
