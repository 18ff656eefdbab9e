"""An editor without YAML skills in a real browser.

Fill in "Werkvorm voorstellen", take the file, and `check` accepts it.
"""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlparse

from helpers import EDIT_URL, ROOT
from playwright.sync_api import expect

from handbook.records import collection
from handbook.records import reading as records
from handbook.records.model import Werkvorm


def group(page, legend):
    return page.get_by_role("group", name=legend, exact=True)


def fill_a_programme(page, parts):
    """The sample programme, one part per (minutes, what happens)."""
    for number, (minutes, name) in enumerate(parts, 1):
        if number > 1:
            page.get_by_role("button", name="+ Onderdeel toevoegen").click()
        part = group(page, f"Onderdeel {number}")
        part.get_by_label("Minuten", exact=True).fill(str(minutes))
        part.get_by_label("Onderdeel", exact=True).fill(name)


def fill_a_werkvorm(page):
    page.get_by_label("Titel", exact=True).first.fill("Samen koken met jongeren")
    page.get_by_label("Samenvatting", exact=True).fill("Studenten en jongeren koken samen en leren elkaar zo kennen.")
    for role in ("docent", "student"):
        page.check(f"input[name=voor_wie][value={role}]")
    page.get_by_label("Situatie 1", exact=True).fill("Je wilt jongeren buiten de les leren kennen.")
    page.get_by_label("Wat is het", exact=True).fill("Een avond samen koken.\n\nJe praat terwijl je snijdt en roert.")
    page.get_by_label("Docent (docent) 1", exact=True).fill("Je hoort wat jongeren bezighoudt.")
    page.get_by_label("Wie organiseert", exact=True).fill("Een docent met een jongerenwerker.")
    step = group(page, "Stap 1")
    step.get_by_label("Titel", exact=True).fill("Kies een keuken")
    step.get_by_label("Uitleg", exact=True).fill('Zoek een buurthuis met een keuken: "groot genoeg" voor tien mensen.')
    page.get_by_role("button", name="+ Stap toevoegen").click()
    second = group(page, "Stap 2")
    second.get_by_label("Titel", exact=True).fill("Kook en eet samen")
    second.get_by_label("Uitleg", exact=True).fill("Verdeel de taken: #1 snijden, #2 koken.")
    page.get_by_label("Resultaten", exact=True).fill("Bespreek een week later wat je hebt gehoord.")
    page.get_by_label("Aandachtspunt 1", exact=True).fill("Let op: allergieën en dieetwensen vraag je vooraf.")
    duur, size = group(page, "Duur (mag leeg blijven)"), group(page, "Groepsgrootte (mag leeg blijven)")
    duur.get_by_label("Min (minuten)", exact=True).fill("90")  # what the number counts, in the label
    duur.get_by_label("Max (minuten)", exact=True).fill("180")
    size.get_by_label("Min (personen)", exact=True).fill("6")
    size.get_by_label("Max (personen)", exact=True).fill("12")
    fill_a_programme(page, [(15, "Welkom"), (90, "Samen koken en eten"), (15, "Afwassen en napraten")])
    page.get_by_label("Frequentie", exact=True).fill("Twee keer per jaar")
    page.get_by_label("Voorbereiding", exact=True).fill("Een uur: boodschappen en een ruimte.")
    page.check("input[name=themas][value=ervaringskennis]")
    page.check("input[name=doelen][value=kennismaken]")
    source = group(page, "Bron 1")  # the sources in werkvormen/bronnen/ are the choices
    source.get_by_label("Bron", exact=True).select_option("gluren-bij-de-burens-kaart")
    source.get_by_label("Gebruikt voor (mag leeg blijven)", exact=True).fill("Het idee om bij elkaar te gaan kijken.")
    page.get_by_label("Laatst herzien", exact=True).fill("2026-11-23")


def test_a_filled_in_form_gives_a_record_that_check_accepts(page, base_url, tmp_path):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.get_by_role("button", name="Maak het bestand").click()
    yaml_text = page.locator("#hb-yaml").input_value()
    href = page.locator("#hb-github").get_attribute("href")
    new_file = urlparse(href)
    assert href.startswith(EDIT_URL.replace("/edit/", "/new/") + "werkvormen?")
    query = parse_qs(new_file.query)
    assert query["filename"] == ["samen-koken-met-jongeren.yml"] and query["value"] == [yaml_text]
    assert page.locator("#hb-download").get_attribute("download") == "samen-koken-met-jongeren.yml"

    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    (root / "samen-koken-met-jongeren.yml").write_text(yaml_text, encoding="utf-8")
    book = collection.load(root)  # raises RecordError, in Dutch, if the form made something check refuses
    record = book.get("samen-koken-met-jongeren").record
    assert record.titel == "Samen koken met jongeren"
    assert [s.titel for s in record.stappen] == ["Kook en eet samen", "Kies een keuken"][::-1]
    assert record.stappen[1].uitleg == "Verdeel de taken: #1 snijden, #2 koken."
    assert record.let_op == ["Let op: allergieën en dieetwensen vraag je vooraf."]
    assert record.wanneer_kiezen == ["Je wilt jongeren buiten de les leren kennen."]
    assert record.wat_is_het == "Een avond samen koken.\n\nJe praat terwijl je snijdt en roert."
    assert record.bronnen[0].bron == "gluren-bij-de-burens-kaart"
    assert yaml_text.startswith("# yaml-language-server: $schema=../schema/werkvorm.schema.json\n")


def test_an_empty_required_field_is_told_in_dutch(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    page.get_by_role("button", name="Maak het bestand").click()
    summary = page.locator(".hb-summary")
    assert summary.is_visible()
    assert "Titel: ontbreekt; dit veld is verplicht" in summary.inner_text()
    title = page.get_by_label("Titel", exact=True).first
    assert title.get_attribute("aria-invalid") == "true"
    assert page.locator("#hb-yaml").is_hidden()
    # checked as the editor types, with the build's words
    page.get_by_label("Samenvatting", exact=True).fill("Kort")
    field = page.locator(".hb-field", has=page.get_by_label("Samenvatting", exact=True))
    assert field.locator(".hb-error").inner_text() == "is te kort (minstens 10 tekens)"
    assert "Bronnen: mag niet leeg zijn" in page.locator(".hb-summary").inner_text()


def test_an_existing_werkvorm_opens_in_the_form_and_comes_back_unchanged(page, base_url, tmp_path):
    page.goto(f"{base_url}/voorstellen/?werkvorm=leerhuis")
    expect(page.locator(".hb-form input").first).to_have_value("Leerhuis")  # polls without eval (CSP)
    page.get_by_role("button", name="Maak het bestand").click()
    yaml_text = page.locator("#hb-yaml").input_value()
    assert page.locator("#hb-github").get_attribute("href") == EDIT_URL + "werkvormen/leerhuis.yml"
    path = tmp_path / "leerhuis.yml"
    path.write_text(yaml_text, encoding="utf-8")
    again, problems = records.read(path, Werkvorm, "werkvormen/leerhuis.yml")
    original, _ = records.read(ROOT / "werkvormen" / "leerhuis.yml", Werkvorm, "werkvormen/leerhuis.yml")
    assert problems == [] and again == original


def test_the_form_at_phone_width_does_not_scroll_sideways(page, base_url):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{base_url}/voorstellen/")
    page.wait_for_selector(".hb-form")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
