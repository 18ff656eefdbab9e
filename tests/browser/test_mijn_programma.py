"""Mijn programma in Chromium: add, time, reorder, keep, share, print, and the site without a network."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import time

import pytest
from helpers import ROOT, build_site, copy_project
from pypdf import PdfReader

from handbook.records.collection import load
from handbook.site import offline, programme

BOOK = load(ROOT / "werkvormen")
THREE = ["leerhuis", "intervisie", "moreel-beraad"]


def minutes(slug: str) -> int:
    return programme.default_minutes(BOOK.get(slug))


def clock(start: int, offset: int) -> str:
    total = start + offset
    return f"{total // 60:02d}:{total % 60:02d}"


def names(page) -> list[str]:
    return page.locator("[data-hb-onderdelen] [data-naam]").all_inner_texts()


def times(page) -> list[str]:
    return page.locator("[data-hb-onderdelen] [data-tijd]").all_inner_texts()


def said(page, selector: str, words: str) -> None:
    """Wait until the live region `selector` tells `words` (it fills a moment after being emptied)."""
    page.wait_for_function("([s, w]) => document.querySelector(s).textContent.includes(w)", arg=[selector, words])


def add_three(page, base_url):
    for slug in THREE:
        page.goto(f"{base_url}/werkvormen/{slug}/")
        button = page.locator(f'[data-hb-zet="{slug}"]')
        assert button.inner_text() == "Zet in mijn programma"
        button.click()
        assert button.inner_text() == programme.LABELS["is_in"]
        said(page, ".hb-zet-status", f"{BOOK.get(slug).record.titel} toegevoegd")
    assert page.locator("[data-hb-teller] [data-hb-aantal]").inner_text() == "3"


def test_add_three_then_order_total_time_reorder_and_reload(page, base_url, context):
    add_three(page, base_url)
    page.locator("[data-hb-teller]").click()  # the count in the header leads to the programme
    page.wait_for_selector("[data-hb-klaar]")
    assert page.url.endswith("/programma/")
    titles = [BOOK.get(slug).record.titel for slug in THREE]
    assert names(page) == titles  # in the order added
    a, b, c = (minutes(slug) for slug in THREE)
    assert times(page) == ["09:00", clock(540, a), clock(540, a + b)]
    hours, rest = divmod(a + b + c, 60)
    assert page.locator("[data-hb-totaal]").inner_text().startswith(f"Totaal: {hours} uur en {rest} minuten.")

    # a different start and a different time for the second part move the clock
    page.fill("#hb-start", "13:30")
    page.get_by_label(f"Minuten voor {titles[1]}").fill("45")
    assert times(page) == ["13:30", clock(810, a), clock(810, a + 45)]
    assert f"Klaar om {clock(810, a + 45 + c)}" in page.locator("[data-hb-totaal]").inner_text()

    # by keyboard: the first part one place down, with the focus staying on its button
    page.get_by_role("button", name=f"Omlaag: {titles[0]}").focus()
    page.keyboard.press("Enter")
    assert names(page) == [titles[1], titles[0], titles[2]]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Omlaag: {titles[0]}"
    page.keyboard.press("Enter")
    assert names(page) == [titles[1], titles[2], titles[0]]
    # at the bottom, "Omlaag" is off and the focus moves to "Omhoog"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == f"Omhoog: {titles[0]}"
    said(page, "[data-hb-melding]", "staat nu op plek 3")

    # a free part
    page.fill("#hb-vrij-naam", "Lunch")
    page.fill("#hb-vrij-minuten", "30")
    page.get_by_role("button", name="Voeg toe").click()
    assert names(page)[-1] == "Lunch"

    page.reload()
    page.wait_for_selector("[data-hb-klaar]")
    assert names(page) == [titles[1], titles[2], titles[0], "Lunch"]
    assert page.get_by_label(f"Minuten voor {titles[1]}").input_value() == "45"
    assert page.locator("#hb-start").input_value() == "13:30"

    other = context.new_page()  # a new tab
    other.goto(f"{base_url}/programma/")
    other.wait_for_selector("[data-hb-klaar]")
    assert names(other) == [titles[1], titles[2], titles[0], "Lunch"]
    other.close()

    # taking one out, from its page
    page.goto(f"{base_url}/werkvormen/intervisie/")
    page.get_by_role("button", name=programme.LABELS["is_in"]).click()
    assert page.locator("[data-hb-teller] [data-hb-aantal]").inner_text() == "3"


def test_the_empty_programme_leads_to_the_catalogue(page, base_url):
    page.goto(f"{base_url}/programma/")
    page.wait_for_selector("[data-hb-klaar]")
    empty = page.locator("[data-hb-leeg]")
    assert empty.is_visible() and "nog leeg" in empty.inner_text()
    assert page.get_by_text("Het handboek stuurt niets naar een server").is_visible()
    empty.get_by_role("link").click()
    assert page.url.endswith("/werkvormen/")
    page.locator(".hb-card .hb-zet").first.wait_for()
    assert page.locator(".hb-card .hb-zet:visible").count() == len(BOOK.werkvormen)
    page.locator('.hb-card [data-hb-zet="intervisie"]').click()
    said(page, ".hb-zet-status", "Intervisie toegevoegd")
    assert page.locator("[data-hb-teller] [data-hb-aantal]").inner_text() == "1"


def test_a_shared_link_opens_the_programme_elsewhere_and_asks_before_replacing(page, base_url, browser):
    add_three(page, base_url)
    page.goto(f"{base_url}/programma/")
    page.wait_for_selector("[data-hb-klaar]")
    page.fill("#hb-titel", "Terugkomdag")
    page.get_by_label("Minuten voor Intervisie").fill("50")
    page.get_by_role("button", name="Deel dit programma").click()
    link = page.locator("#hb-link").input_value()
    assert link.startswith(f"{base_url}/programma/#") and "leerhuis" in link and "Terugkomdag" in link

    fresh = browser.new_context(locale="nl-NL")  # another browser: nothing stored
    try:
        other = fresh.new_page()
        other.goto(link)
        other.wait_for_selector("[data-hb-klaar]")
        assert names(other) == names(page)
        assert other.locator("#hb-titel").input_value() == "Terugkomdag"
        assert other.get_by_label("Minuten voor Intervisie").input_value() == "50"
        assert "#" not in other.url  # the link's programme is now this browser's own

        # that browser's own programme changes; the link again: it asks, and "Nee" keeps its own
        other.get_by_role("button", name="Weghalen: Leerhuis").click()
        other.goto(f"{base_url}/werkvormen/")
        other.goto(link)
        other.wait_for_selector("[data-hb-klaar]")
        question = other.locator("[data-hb-vraag]")
        assert question.is_visible()
        other.get_by_role("button", name="Nee, houd mijn programma").click()
        assert names(other) == ["Intervisie", "Moreel beraad"]
        other.goto(link)  # pasted over the programme page's own address: only the hash changes
        other.get_by_role("button", name="Ja, open het gedeelde programma").click()
        assert names(other) == ["Leerhuis", "Intervisie", "Moreel beraad"]
    finally:
        fresh.close()


def test_print_shows_the_timed_table_and_each_sheet_without_the_header(page, base_url, tmp_path):
    add_three(page, base_url)
    page.goto(f"{base_url}/programma/")
    page.wait_for_selector("[data-hb-klaar]")
    page.fill("#hb-titel", "Terugkomdag")
    page.emulate_media(media="print")
    for hidden in ("header.md-header", ".md-sidebar--primary", "[data-hb-kop]", "[data-hb-onderdelen]", ".hb-acties"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("[data-hb-druk-titel]").inner_text() == "Terugkomdag"
    table = page.locator("[data-hb-tabel]")
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 3
    total = sum(minutes(slug) for slug in THREE)
    assert page.locator("[data-hb-tabel-totaal]").inner_text().startswith(str(total))
    shown = page.locator(".hb-blad:visible")
    assert [s.get_attribute("data-blad") for s in shown.all()] == THREE
    for slug in THREE:
        sheet = page.locator(f'.hb-blad[data-blad="{slug}"]')
        assert sheet.get_by_role("heading", name="Stappen").is_visible()
        first_step = BOOK.get(slug).record.stappen[0].titel
        assert sheet.get_by_text(first_step, exact=True).is_visible()
    assert page.locator(".hb-blad:not([hidden])").count() == 3

    pdf = tmp_path / "programma.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(pdf)
    texts = [p.extract_text() for p in reader.pages]
    assert "Terugkomdag" in texts[0] and "Leerhuis" in texts[0] and "Zoeken" not in texts[0]
    starts = [i for i, t in enumerate(texts) if "checklist voor je bijeenkomst" in t[:120].lower()]
    assert len(starts) == 3 and starts[0] == 1  # each sheet on a page of its own, after the first page
    assert re.search(rf"\b1 / {len(reader.pages)}\b", texts[0])  # page numbers


def _active_worker(page) -> list[str]:
    """The caches once the worker is active and the page says the handbook works offline."""
    page.wait_for_selector("[data-hb-offline]:not([hidden])", timeout=20_000)
    return page.evaluate("caches.keys()")


def _caches_until(page, condition, seconds: float = 20) -> list[str]:
    end = time.monotonic() + seconds
    while True:
        names = page.evaluate("caches.keys()")
        if condition(names) or time.monotonic() > end:
            return names
        time.sleep(0.2)


def test_after_one_visit_the_programme_a_werkvorm_and_search_work_offline(page, base_url, context):
    add_three(page, base_url)
    caches = _active_worker(page)
    assert len(caches) == 1 and caches[0].startswith(offline.CACHE_PREFIX)
    page.goto(f"{base_url}/programma/")
    page.wait_for_selector("[data-hb-klaar]")
    context.set_offline(True)
    try:
        page.reload()
        page.wait_for_selector("[data-hb-klaar]")
        assert names(page) == [BOOK.get(slug).record.titel for slug in THREE]
        page.goto(f"{base_url}/werkvormen/spiegelbijeenkomst/")  # never visited: kept by the worker
        assert page.get_by_role("heading", level=1).inner_text().startswith(BOOK.get("spiegelbijeenkomst").record.titel)
        page.get_by_role("textbox", name="Zoeken").first.click()
        page.keyboard.type("intervisie")
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
    finally:
        context.set_offline(False)


@pytest.fixture
def own_site(tmp_path):
    """The handbook built without PDFs into a folder this test may build again."""
    project = copy_project(tmp_path / "project")
    result = build_site(project, HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    return project


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_a_new_build_replaces_the_cache(own_site, browser):
    handler = functools.partial(_Quiet, directory=str(own_site / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a worker needs http://127.0.0.1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(f"{url}/over/")
        first = _active_worker(page)
        assert first == [offline.snapshot(own_site / "site").cache_name]
        over = own_site / "docs" / "over.md"
        over.write_text(over.read_text(encoding="utf-8") + "\nDeze zin kwam er bij de tweede bouw bij.\n")
        site = own_site / "site"
        shutil.rmtree(site)  # as a fresh checkout builds it
        result = build_site(own_site, HANDBOOK_PDF="0")
        assert result.returncode == 0, result.stderr
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        second = _caches_until(page, lambda names: len(names) == 1 and names != first)
        assert len(second) == 1 and second != first
        assert second == [offline.snapshot(site).cache_name]  # the new build's files, hashed
        context.set_offline(True)
        page.reload()
        assert page.get_by_text("Deze zin kwam er bij de tweede bouw bij.").is_visible()
    finally:
        context.close()
        server.shutdown()


def test_without_javascript_no_button_shows_that_does_nothing(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/werkvormen/leerhuis/")
        assert page.locator("[data-hb-zet]").count() == 1 and not page.locator("[data-hb-zet]").is_visible()
        assert not page.locator("[data-hb-teller]").is_visible()
        page.goto(f"{base_url}/programma/")
        assert page.get_by_text("Voor je programma is JavaScript nodig").is_visible()
    finally:
        context.close()
