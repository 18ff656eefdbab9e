"""Issue 34, "Editors round 3": the form without a GitHub account, edits from a page, drafts between devices.

Each test drives the built site's form in Chromium, as a docent without git skills would.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import yaml
from helpers import EDIT_URL, EDITORS, ROOT
from playwright.sync_api import expect
from test_form_rules import draft
from test_proposal_form import fill_a_werkvorm, group

from handbook.editing.advice import advise
from handbook.records import collection

NO_LEAVING = """document.addEventListener("click", function (event) {
  var link = event.target.closest("a[href^='mailto:'], a[href^='https://github.com']");
  if (link) { event.preventDefault(); }  // the test stays on the page: no mail program, no other host
});"""


def make_the_file(page):
    page.get_by_role("button", name="Maak het bestand").click()
    assert page.locator(".hb-summary").is_hidden(), page.locator(".hb-summary").inner_text()


# ---- 1. without a GitHub account: the file goes to the editorial team by the editor's own mail


def test_the_form_offers_to_send_the_file_to_the_editorial_team(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    assert "Stuur het naar de redactie" in page.locator("article").inner_text()  # the page says what happens next
    assert "binnen twee weken" in page.locator("article").inner_text()
    page.evaluate(NO_LEAVING)
    fill_a_werkvorm(page)
    make_the_file(page)
    mail = page.get_by_role("link", name="Stuur het naar de redactie", exact=True)
    href = urlparse(mail.get_attribute("href"))
    assert href.scheme == "mailto" and href.path == EDITORS
    asked = parse_qs(href.query)
    assert asked["subject"] == ["Voorstel voor het handboek: samen-koken-met-jongeren.yml"]
    assert "bijlage" in asked["body"][0] and "samen-koken-met-jongeren.yml" in asked["body"][0]
    with page.expect_download() as info:
        mail.click()
    assert info.value.suggested_filename == "samen-koken-met-jongeren.yml"
    assert Path(info.value.path()).read_text(encoding="utf-8") == page.locator("#hb-yaml").input_value()
    expect(page.locator(".hb-result [role=status]")).to_contain_text("Voeg het als bijlage toe")


# ---- 2. a new werkvorm's text goes to the clipboard too


def test_open_in_github_copies_a_new_werkvorm_and_says_how_to_paste(context, page, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base_url}/voorstellen/")
    page.evaluate(NO_LEAVING)
    fill_a_werkvorm(page)
    make_the_file(page)
    assert "Is het bestand leeg? Plak je tekst met Ctrl+V (Cmd+V)" in page.locator("#hb-github-note").inner_text()
    assert "value=" in page.locator("#hb-github").get_attribute("href")  # short: in the link as well
    page.locator("#hb-github").click()
    expect(page.locator(".hb-result [role=status]")).to_contain_text("Is het bestand leeg? Plak je tekst")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#hb-yaml").input_value()


# ---- 3. "Begin opnieuw" asks first, can be undone, and looks like what it is


def test_starting_again_asks_first_and_can_be_undone(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    title = page.get_by_label("Titel", exact=True).first
    title.fill("Samen koken met jongeren")
    restart = page.get_by_role("button", name="Begin opnieuw")
    download = page.get_by_role("button", name="Download concept")
    colour = "el => getComputedStyle(el).color"
    assert restart.evaluate(colour) != download.evaluate(colour)  # red, not like "Download concept"
    assert not restart.evaluate("el => el.parentElement.contains(document.getElementById('hb-draft-download'))")
    expect(page.get_by_role("button", name="Zet het terug")).to_be_hidden()  # nothing to undo yet
    restart.click()
    expect(title).to_have_value("Samen koken met jongeren")  # nothing is wiped yet
    page.get_by_role("button", name="Nee, ga terug").click()
    expect(title).to_have_value("Samen koken met jongeren")
    restart.click()
    page.get_by_role("button", name="Ja, wis alles").click()
    expect(title).to_have_value("")
    page.get_by_role("button", name="Zet het terug").click()
    expect(title).to_have_value("Samen koken met jongeren")


# ---- 4. from a werkvorm's page into the form; a draft from another device


def test_a_werkvorm_page_opens_that_werkvorm_in_the_form(page, base_url):
    page.goto(f"{base_url}/werkvormen/intervisie/")
    link = page.get_by_role("link", name="Open deze werkvorm in het formulier")
    assert link.get_attribute("href").endswith("voorstellen/?werkvorm=intervisie")
    link.click()
    expect(page.get_by_label("Titel", exact=True).first).to_have_value("Intervisie")


def test_a_downloaded_draft_is_read_back_on_another_device(browser, page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    tricky = 'Zeg "hallo": dan #1, en \'t\u00a0Gooi\n\n- geen lijst\n  ingesprongen'
    page.get_by_label("Wat is het", exact=True).fill(tricky)
    page.get_by_label("Resultaten", exact=True).fill("Nog niet af: VUL IN")  # a draft may have problems
    with page.expect_download() as info:
        page.get_by_role("button", name="Download concept").click()
    saved = Path(tempfile.mkdtemp()) / info.value.suggested_filename
    info.value.save_as(saved)
    other = browser.new_context(locale="nl-NL")  # another computer: no draft in its browser
    try:
        there = other.new_page()
        there.goto(f"{base_url}/voorstellen/")
        expect(there.get_by_label("Titel", exact=True).first).to_have_value("")
        there.set_input_files("#hb-draft-file", str(saved))
        expect(there.get_by_label("Titel", exact=True).first).to_have_value("Samen koken met jongeren")
        expect(there.get_by_label("Wat is het", exact=True)).to_have_value(tricky)
        expect(there.locator("input[name=voor_wie][value=docent]")).to_be_checked()
        expect(group(there, "Stap 2").get_by_label("Titel", exact=True)).to_have_value("Kook en eet samen")
        expect(there.locator("#hb-draft-status")).to_contain_text(saved.name)
        with there.expect_download() as again:
            there.get_by_role("button", name="Download concept").click()
        assert Path(again.value.path()).read_text(encoding="utf-8") == saved.read_text(encoding="utf-8")
    finally:
        other.close()


def test_the_form_reads_every_record_of_the_handbook_as_yaml_does(page, base_url):
    """The draft reader knows the block style the records are written in, not only the form's own."""
    page.goto(f"{base_url}/voorstellen/")
    for path in sorted((ROOT / "werkvormen").glob("*.yml"))[:40]:
        page.set_input_files("#hb-draft-file", str(path))
        expect(page.locator("#hb-draft-status")).to_contain_text(path.name)
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert page.get_by_label("Titel", exact=True).first.input_value() == expected["titel"]
        assert page.get_by_label("Samenvatting", exact=True).input_value() == expected["samenvatting"]
        expect(page).to_have_url(f"{base_url}/voorstellen/?werkvorm={path.stem}")  # its name: an edit of it


def test_a_draft_naming_an_unknown_werkvorm_edits_nothing(context, base_url):
    """Issue 31, point 10: `editing` from localStorage must name a werkvorm that exists."""
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # leaving with unsaved work asks first
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.wait_for_timeout(600)  # the draft is saved 250 ms after the last change
    expect(page.locator("#hb-draft-status")).to_contain_text("bewaard")
    record = page.evaluate("JSON.parse(localStorage.getItem('handboek-voorstel-concept:nieuw'))")
    record["editing"] = "../../../andere/repository/edit/main/x"
    page.evaluate(f"localStorage.setItem('handboek-voorstel-concept:nieuw', {json.dumps(json.dumps(record))})")
    page.goto(f"{base_url}/voorstellen/?werkvorm=..%2F..%2Fandere")
    expect(page.locator("#hb-draft-status")).to_contain_text("teruggezet")
    make_the_file(page)
    href = page.locator("#hb-github").get_attribute("href")
    assert href.startswith(EDIT_URL.replace("/edit/", "/new/") + "werkvormen?filename=samen-koken-met-jongeren.yml")
    assert "andere" not in href


# ---- 5, 9, 10: durations, sources, roles and advice while typing


def test_hours_in_a_minutes_field_are_converted_in_words(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    duur = group(page, "Duur (mag leeg blijven)")
    duur.get_by_label("Min (minuten)", exact=True).fill("1,5 uur")
    duur.get_by_label("Min (minuten)", exact=True).blur()
    assert "1,5 uur is 90 minuten" in duur.locator(".hb-error").first.inner_text()


def test_sources_new_before_chosen_and_chosen_by_themselves(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    legends = page.locator(".hb-root > fieldset > legend").all_inner_texts()
    assert legends.index("Nieuwe bronnen (mag leeg blijven)") < legends.index("Bronnen")
    page.get_by_role("button", name="+ Nieuwe bron toevoegen").click()
    new = group(page, "Nieuwe bron 1")
    new.get_by_label("Korte naam", exact=True).fill("kookboek")
    new.get_by_label("Titel", exact=True).fill("Kookboek")
    expect(group(page, "Bron 1").get_by_label("Bron", exact=True)).to_have_value("kookboek")
    new.get_by_label("Korte naam", exact=True).fill("kookboek-2024")  # renamed: the choice follows
    new.get_by_label("Titel", exact=True).click()
    expect(group(page, "Bron 1").get_by_label("Bron", exact=True)).to_have_value("kookboek-2024")
    shown = page.locator(".hb-root").inner_text()
    for jargon in ("bestandsnaam", ".yml", "Sleutel", "titel_is_omschrijving", "op true"):
        assert jargon not in shown, jargon


def test_only_the_chosen_roles_are_asked_what_it_brings(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    roles = page.locator("fieldset.hb-group", has=page.locator("legend", has_text="Wat brengt het"))
    expect(roles.locator(".hb-list:visible")).to_have_count(0)
    page.check("input[name=voor_wie][value=docent]")
    page.check("input[name=voor_wie][value=student]")
    expect(roles.locator(".hb-list:visible")).to_have_count(2)
    expect(page.get_by_label("Docent (docent) 1", exact=True)).to_be_visible()
    expect(page.get_by_label("Onderzoeker (onderzoeker) 1", exact=True)).to_be_hidden()


def test_the_form_advises_what_check_warns_about_with_the_same_words(page, base_url, tmp_path):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    long = (
        "De hulpverlener en de docent koken samen met een groep jongeren in het buurthuis "
        "en praten ondertussen over school, werk en thuis."
    )
    page.get_by_label("Wie organiseert", exact=True).fill(long)
    advice = page.locator(".hb-field", has=page.get_by_label("Wie organiseert", exact=True)).locator(".hb-advice")
    expect(advice).to_contain_text("lastig te lezen")
    shown = [t.strip().removesuffix(".") for t in advice.inner_text().split("Tip: ") if t.strip()]
    assert len(shown) == 2  # the word and the sentence; advice, so the file can still be made
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    (root / "zz-voorstel.yml").write_text(draft(page), encoding="utf-8")
    book = collection.load(root)
    warned = [p.message for p in advise(book, dt.date(2026, 12, 6)) if p.path.endswith("zz-voorstel.yml")]
    for said in shown:
        assert said in warned, (said, warned)
    make_the_file(page)


def test_a_checklist_page_opens_it_in_the_form_and_saving_changes_nothing(page, base_url, tmp_path):
    for path in sorted((ROOT / "werkvormen" / "checklists").glob("*.yml")):
        slug = path.stem
        page.goto(f"{base_url}/checklists/{slug}/")
        link = page.get_by_role("link", name="Open deze checklist in het formulier")
        assert link.get_attribute("href").endswith(f"voorstellen/?checklist={slug}")
        link.click()
        expect(page.get_by_label("Titel", exact=True).first).not_to_have_value("")
        assert "checklist" in page.locator("#hb-kind").inner_text()
        make_the_file(page)
        assert page.locator("#hb-github").get_attribute("href") == f"{EDIT_URL}werkvormen/checklists/{slug}.yml"
        text = page.locator("#hb-yaml").input_value()
        assert text.startswith("# yaml-language-server: $schema=../../schema/checklist.schema.json\n")
        root = Path(tempfile.mkdtemp(dir=tmp_path)) / "werkvormen"
        shutil.copytree(ROOT / "werkvormen", root)
        (root / "checklists" / path.name).write_text(text, encoding="utf-8")
        before = collection.load(ROOT / "werkvormen").get(slug).record
        assert collection.load(root).get(slug).record == before  # check accepts it, and it says the same
        # the file itself, written by hand ("- Begin klein." as items), is read back into the same fields
        page.set_input_files("#hb-draft-file", str(path))
        expect(page.locator("#hb-draft-status")).to_contain_text(path.name)
        make_the_file(page)
        assert yaml.safe_load(page.locator("#hb-yaml").input_value()) == yaml.safe_load(text)
