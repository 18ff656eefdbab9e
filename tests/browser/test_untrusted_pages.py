"""Issue #24 in Chromium: no script from docs/ or a record runs, no heading steals an id, and the
proposal form writes back exactly what an editor typed.

The site is built once from a copy of the project in which a record's text
holds headings that would take the ids of Material's configuration, the
filter form and the page's own "stappen" link, and a docs page holds every
spelling of script the docs check lets through (as text, or made harmless).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading

import pytest
import yaml
from helpers import ROOT, build_site, copy_project
from playwright.sync_api import expect
from test_proposal_form import fill_a_werkvorm

from handbook.base import textrules
from handbook.base.yamlfile import parse
from handbook.records import collection
from handbook.records.model import Werkvorm

HEADINGS = ["__config", "filters", "Hoe organiseer je het", "Volgende stap", "hb-yaml"]
DOCS_PAGE = """---
title: Proef
---
# Proef

Schrijf nooit `<script>alert('docs-1')</script>` in een pagina.

    <script>alert('docs-2')</script>

Een alinea om op te klikken. {: onclick="alert('docs-3')" }

![het logo](assets/favicon.svg)
"""


@pytest.fixture(scope="module")
def untrusted_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("untrusted") / "project")
    path = project / "werkvormen" / "leerhuis.yml"
    data = parse(path.read_text(encoding="utf-8")).data
    data["wat_is_het"] += "\n\n" + "\n\n".join(f"## {h}\n\nTekst onder {h}." for h in HEADINGS)
    data["wat_is_het"] += "\n\nHet [logo](../assets/favicon.svg) van de site."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "docs" / "proef.md").write_text(DOCS_PAGE, encoding="utf-8")
    site = project / "site"
    result = build_site(project, site, HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_record_headings_leave_materials_script_and_search_working(page, untrusted_url):
    page.goto(f"{untrusted_url}/werkvormen/leerhuis/", wait_until="networkidle")
    config = page.locator("#__config")
    assert config.count() == 1 and config.evaluate("e => e.tagName") == "SCRIPT"
    page.keyboard.press("/")
    page.keyboard.type("intervisie")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)  # the search worked (dead before)


def test_a_record_heading_named_filters_leaves_the_ticks_working(page, untrusted_url):
    page.goto(f"{untrusted_url}/werkvormen/leerhuis/", wait_until="networkidle")
    assert page.locator("#filters").count() == 0 and page.locator("#kop-filters").count() == 1
    box = page.locator(".hb-steps input[type=checkbox]").nth(1)
    box.click(force=True)
    page.reload()
    assert box.is_checked()  # kept (the script took the heading for the filter form before)


def test_no_stale_anchor_on_a_page_with_record_headings(page, untrusted_url):
    page.goto(f"{untrusted_url}/werkvormen/leerhuis/", wait_until="networkidle")
    targets = page.eval_on_selector_all("a[href^='#']", "links => links.map(a => a.getAttribute('href').slice(1))")
    assert targets
    for target in set(targets):
        assert page.locator(f"[id='{target}']").count() == 1, target  # every in-page link has one target
    page.locator("article p a[href='#hoe-organiseer-je-het']").first.click()  # "Vink de stappen af"
    assert page.url.endswith("#hoe-organiseer-je-het")
    heading = page.locator("#hoe-organiseer-je-het")
    assert heading.evaluate("h => h.firstChild.textContent") == "Hoe organiseer je het"
    # the steps checklist follows the heading the link went to, before the next section's heading
    follows = """h => { let e = h.nextElementSibling;
        while (e && e.tagName !== 'H2') { if (e.querySelector('input[type=checkbox]')) return true; e = e.nextElementSibling; }
        return false; }"""
    assert heading.evaluate(follows)
    record_copy = page.locator("#hoe-organiseer-je-het_1")
    assert record_copy.count() == 1  # the record's own heading of that name got an id of its own
    ids = page.eval_on_selector_all("h2[id]", "hs => hs.map(h => h.id)")
    assert ids.index("hoe-organiseer-je-het_1") < ids.index("hoe-organiseer-je-het")  # the record's comes first


def test_no_script_from_a_docs_page_runs(page, untrusted_url):
    page.goto(f"{untrusted_url}/proef/", wait_until="networkidle")
    assert "<script>alert('docs-1')</script>" in page.locator("article").inner_text()
    page.get_by_text("Een alinea om op te klikken").click()
    for paragraph in page.locator("article p").all():
        assert paragraph.get_attribute("onclick") is None
    # the page fixture fails the test on any dialog (alert) or script error


def test_the_svg_a_record_links_to_is_the_projects_own(page, untrusted_url):
    page.goto(f"{untrusted_url}/werkvormen/leerhuis/", wait_until="networkidle")
    href = page.get_by_role("link", name="logo").evaluate("a => a.href")
    assert href == f"{untrusted_url}/assets/favicon.svg"
    served = page.request.get(href).body()
    assert served == (ROOT / "docs" / "assets" / "favicon.svg").read_bytes() and b"<script" not in served


# ---------------------------------------------------------------- 4: the form writes back what was typed

HOSTILE = [  # what an editor may paste: every line break Unicode knows, spaces YAML reads its own way
    "Tekst\x85eigen_advies: ingevoegd door NEL",
    "Tekst\u2028eigen_advies: ingevoegd door LS",
    "Tekst\u2029eigen_advies: ingevoegd door PS",
    "Tekst\reigen_advies: ingevoegd door CR",
    "Tekst\r\n- lijst: ingevoegd",
    "Tekst\x0bverticale tab\x0cnieuwe pagina: ingevoegd",
    "Let\u00a0op: vaste spatie\u200b en\u2007meer",
    "Let\u00a0op: vaste\u202fspatie en\u2007figuurspatie",
    'Aanhalingstekens " en \\ en # en: dubbele punt',
    "- begint als lijst",
    "null ~ true: 12:30 0x96",
    "*ster &anker !tag | > % @ `",
]


def test_some_hostile_texts_are_accepted_so_their_round_trip_is_checked():
    assert [h for h in HOSTILE if textrules.invisible(h)] and [h for h in HOSTILE if not textrules.invisible(h)]


def _answer_of_the_form(page, typed: list[str]) -> str | None:
    """The YAML the form made of `typed`, or None when it refused; asserts it did what check would.

    The form (since #25) applies check's rules for invisible and control
    characters as the editor types: a text check refuses (textrules.invisible,
    of what the browser kept) must be refused in check's words with no file
    made, and any other text must become a file.
    """
    refused = [value for value in typed if textrules.invisible(value)]
    summary = page.locator(".hb-summary")
    if refused:
        expect(summary).to_be_visible()
        assert re.search(r"bevat een (stuurteken|onzichtbaar teken) \(U\+[0-9A-F]{4}", summary.inner_text())
        expect(page.locator("#hb-yaml")).to_be_hidden()
        return None
    expect(page.locator("#hb-yaml")).to_be_visible()
    return page.locator("#hb-yaml").input_value()


def _text_fields(page):
    """Every free-text field of the form: inputs and text areas that are not numbers or dates."""
    return page.locator(".hb-form textarea, .hb-form input[type=text]:not([inputmode=numeric])").all()


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))
    else:
        yield path, value


def test_a_nel_in_wat_is_het_stays_in_wat_is_het(page, untrusted_url):
    """The report: NEL + `eigen_advies: ...` in "Wat is het" became a real eigen_advies key."""
    page.goto(f"{untrusted_url}/voorstellen/")
    fill_a_werkvorm(page)
    typed = "Een avond samen koken.\x85eigen_advies: door het formulier ingevoegd"
    field = page.get_by_label("Wat is het", exact=True)
    field.fill(typed)
    kept = field.input_value()
    page.get_by_role("button", name="Maak het bestand").click()
    text = _answer_of_the_form(page, [kept])
    assert text is None, "a NEL is a control character: check refuses it, so the form must"
    # the same text with a plain line break: accepted, and still no key of its own
    field.fill(typed.replace("\x85", "\n"))
    page.get_by_role("button", name="Maak het bestand").click()
    text = _answer_of_the_form(page, [field.input_value()])
    assert text is not None
    data = parse(text).data
    assert "eigen_advies" not in data and data["wat_is_het"] == typed.replace("\x85", "\n")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_whatever_is_typed_into_any_field_comes_back_in_that_field_only(page, untrusted_url, hostile):
    page.goto(f"{untrusted_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.get_by_label("Eigen advies (mag leeg blijven)", exact=True).fill("Advies.")  # an optional text too
    expected = {}
    for number, field in enumerate(_text_fields(page)):
        if not field.input_value():
            continue  # an optional field nobody filled in stays out
        field.fill(f"{number} {hostile}")
        expected[number] = field.input_value().strip()  # what the browser keeps (an input drops line breaks)
    page.get_by_role("button", name="Maak het bestand").click()
    text = _answer_of_the_form(page, list(expected.values()))
    if text is None:
        return  # refused as check refuses it (asserted above)
    data = parse(text).data  # the project's own loader
    leaves = [value for _, value in _leaves(data)]
    for value in expected.values():
        assert leaves.count(value) == 1, (value, text)  # in its field, once
    ours = {value for value in leaves if isinstance(value, str) and re.match(r"\d+ ", value)}
    assert ours == set(expected.values())  # and nowhere else
    assert set(data) <= set(Werkvorm.model_fields)


def test_a_form_record_with_plain_text_still_passes_check(page, untrusted_url, tmp_path):
    page.goto(f"{untrusted_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.get_by_label("Wat is het", exact=True).fill("Regel één: met “aanhalingstekens” – en…\n\n- een lijst\n- twee")
    page.get_by_role("button", name="Maak het bestand").click()
    text = page.locator("#hb-yaml").input_value()
    assert "wat_is_het: |-\n  Regel één" in text  # readable in GitHub's editor: a block, not escapes
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    (root / "samen-koken-met-jongeren.yml").write_text(text, encoding="utf-8")
    record = collection.load(root).get("samen-koken-met-jongeren").record
    assert record.wat_is_het == "Regel één: met “aanhalingstekens” – en…\n\n- een lijst\n- twee"
