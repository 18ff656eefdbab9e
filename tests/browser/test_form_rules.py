"""The form is as strict as `check`: each rule it enforces says what `check` says about the same file.

Each case fills in a werkvorm that `check` accepts, makes one mistake, reads the
form's message at the field, downloads the draft as it is (problems and all) and
runs the real check on it: the form's sentence must be one of check's.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from helpers import EDIT_URL, ROOT
from playwright.sync_api import expect
from test_proposal_form import fill_a_werkvorm, group

from handbook.base import discovery
from handbook.base.problems import RecordError
from handbook.editing import split
from handbook.records import collection

NEW = "werkvormen/zz-voorstel.yml"


def check_messages(yaml_text: str, tmp_path: Path) -> list[str]:
    """What `check` says about the file, placed in a copy of the repository's records as a new file."""
    root = Path(tempfile.mkdtemp(dir=tmp_path)) / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    (root / "zz-voorstel.yml").write_text(yaml_text, encoding="utf-8")
    try:
        collection.load(root, frozenset({NEW}))
    except RecordError as error:
        return [p.message for p in error.problems if p.path == NEW]
    return []


def draft(page) -> str:
    """The draft as the editor downloads it, with its problems still in it."""
    with page.expect_download() as info:
        page.get_by_role("button", name="Download concept").click()
    return Path(info.value.path()).read_text(encoding="utf-8")


def error_at(page, label: str) -> str:
    return page.locator(".hb-field", has=page.get_by_label(label, exact=True)).locator(".hb-error").first.inner_text()


def own_error(box) -> str:
    return box.locator(":scope > .hb-error").inner_text()


def set_min_above_max(page):
    duur = group(page, "Duur (mag leeg blijven)")
    duur.get_by_label("Min (minuten)", exact=True).fill("200")
    return own_error(duur)


def soft_hyphen(page):
    page.get_by_label("Wie organiseert", exact=True).fill("Een docent met een jongeren\u00adwerker.")
    return error_at(page, "Wie organiseert")


def existing_title(page):
    page.get_by_label("Titel", exact=True).first.fill("Intervisie")
    return error_at(page, "Titel").replace(" Bewerk die werkvorm", "")


def role_not_chosen(page):
    page.check("input[name=voor_wie][value=jeugdprofessional]")  # only chosen roles are shown (issue 34) ...
    page.get_by_label("Jeugdprofessional (jeugdprofessional) 1", exact=True).fill("Je leert de opleiding kennen.")
    page.uncheck("input[name=voor_wie][value=jeugdprofessional]")  # ... and one with text stays when unticked
    box = page.locator("fieldset.hb-list", has=page.get_by_label("Jeugdprofessional (jeugdprofessional) 1", exact=True))
    return own_error(box)


def no_duration(page):
    duur = group(page, "Duur (mag leeg blijven)")
    duur.get_by_label("Min (minuten)", exact=True).fill("")
    duur.get_by_label("Max (minuten)", exact=True).fill("")
    page.get_by_role("button", name="Maak het bestand").click()
    return own_error(group(page, "Praktisch"))


def programme_too_long(page):
    part = group(page, "Onderdeel 2")
    part.get_by_label("Minuten", exact=True).fill("400")
    page.get_by_role("button", name="Maak het bestand").click()
    return own_error(page.locator("fieldset.hb-list", has=page.get_by_label("Onderdeel", exact=True).first))


def programme_of_two(page):
    removes = page.get_by_role("button", name="Verwijder item uit Programma", exact=True)
    expect(removes).to_have_count(3)  # the list holds the three parts fill_a_werkvorm gave it
    removes.nth(2).click()
    page.get_by_role("button", name="Maak het bestand").click()
    return own_error(page.locator("fieldset.hb-list", has=page.get_by_label("Onderdeel", exact=True).first))


def related_twice(page):
    page.get_by_label("Verwant 1", exact=True).select_option("intervisie")
    page.get_by_role("button", name="+ Verwant toevoegen").click()
    page.get_by_label("Verwant 2", exact=True).select_option("intervisie")
    return own_error(page.locator("fieldset.hb-list", has=page.get_by_label("Verwant 1", exact=True)))


def placeholder_left(page):
    page.get_by_label("Resultaten", exact=True).fill("VUL IN: met wie deel je de opbrengst?")
    return error_at(page, "Resultaten")


def long_source_summary(page):
    source = group(page, "Bron 1")
    source.get_by_label("Samenvatting (mag leeg blijven)", exact=True).fill(" ".join(["woord"] * 61) + ".")
    return (
        source.locator(".hb-field", has=page.get_by_label("Samenvatting (mag leeg blijven)"))
        .locator(".hb-error")
        .inner_text()
    )


def cyrillic_title(page):
    page.get_by_label("Titel", exact=True).first.fill("Samen k\u043eken met jongeren")
    return error_at(page, "Titel")


def title_too_long(page):
    page.get_by_label("Titel", exact=True).first.fill("Samen koken " + "x" * 69)
    return error_at(page, "Titel")


def date_too_early(page):
    page.get_by_label("Laatst herzien", exact=True).fill("1999-12-31")
    return error_at(page, "Laatst herzien")


def source_key_taken(page):
    page.get_by_role("button", name="+ Nieuwe bron toevoegen").click()
    new = group(page, "Nieuwe bron 1")
    new.get_by_label("Korte naam", exact=True).fill("gluren-bij-de-burens-kaart")
    return new.locator(".hb-field", has=page.get_by_label("Korte naam", exact=True)).locator(".hb-error").inner_text()


def hours_in_minutes(page):
    duur = group(page, "Duur (mag leeg blijven)")
    duur.get_by_label("Min (minuten)", exact=True).fill("1,5 uur")
    return (
        duur.locator(".hb-field", has=page.get_by_label("Min (minuten)", exact=True)).locator(".hb-error").inner_text()
    )


def range_in_minutes(page):
    duur = group(page, "Duur (mag leeg blijven)")
    duur.get_by_label("Max (minuten)", exact=True).fill("60-90")
    return (
        duur.locator(".hb-field", has=page.get_by_label("Max (minuten)", exact=True)).locator(".hb-error").inner_text()
    )


def licence_unknown(page):
    page.get_by_role("button", name="+ Nieuwe bron toevoegen").click()
    new = group(page, "Nieuwe bron 1")
    new.get_by_label("Korte naam", exact=True).fill("kookboek")
    new.get_by_label("Titel", exact=True).fill("Kookboek voor het jongerenwerk")
    new.get_by_label("Licentie", exact=True).fill("onbekend")
    new.get_by_label("Bewerken toegestaan", exact=True).select_option("false")
    new.get_by_label("Commercieel toegestaan", exact=True).select_option("false")
    new.get_by_label("Over", exact=True).fill("Een boek met recepten en gesprekstips voor kookavonden.")
    box = new.locator(".hb-field", has=page.get_by_label("Licentie", exact=True)).locator(".hb-error")
    return box.inner_text().replace(" Kies Alle rechten voorbehouden", "")


RULES = {
    "min groter dan max": set_min_above_max,
    "zacht afbreekstreepje": soft_hyphen,
    "bestaande titel": existing_title,
    "rol niet bij voor_wie": role_not_chosen,
    "activiteit zonder duur": no_duration,
    "programma langer dan de duur": programme_too_long,
    "programma van twee onderdelen": programme_of_two,
    "verwant twee keer": related_twice,
    "VUL IN": placeholder_left,
    "samenvatting van een bron te lang": long_source_summary,
    "letter uit een ander schrift": cyrillic_title,
    "titel te lang": title_too_long,
    "datum voor 2000": date_too_early,
    "sleutel van een bestaande bron": source_key_taken,
    # issue 34
    "uren in een veld met minuten": hours_in_minutes,
    "een bereik in een veld met minuten": range_in_minutes,
    "licentie onbekend": licence_unknown,
}


@pytest.mark.parametrize("rule", RULES)
def test_the_form_refuses_what_check_refuses_with_the_same_words(page, base_url, tmp_path, rule):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    assert check_messages(draft(page), tmp_path) == [], "the filled-in form is not a good record to start from"
    said = RULES[rule](page).strip()
    assert said, "the form says nothing"
    page.get_by_role("button", name="Maak het bestand").click()
    assert page.locator("#hb-yaml").is_hidden()  # no file while a rule is broken
    assert said in page.locator(".hb-summary").inner_text()
    assert said in check_messages(draft(page), tmp_path)


def test_an_existing_title_offers_to_edit_that_werkvorm(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    page.get_by_label("Titel", exact=True).first.fill("intervisie!")  # case and punctuation do not count
    page.get_by_role("button", name="Bewerk die werkvorm").click()
    expect(page).to_have_url(f"{base_url}/voorstellen/?werkvorm=intervisie")
    expect(page.get_by_label("Samenvatting", exact=True)).not_to_have_value("")


def test_verwant_and_bron_offer_only_what_exists(page, base_url):
    """No file names to type: a missing target ('gastles') cannot be chosen at all."""
    book = collection.load(ROOT / "werkvormen")
    page.goto(f"{base_url}/voorstellen/")
    offered = (
        page.get_by_label("Verwant 1", exact=True)
        .locator("option")
        .evaluate_all("options => options.map(o => o.value).filter(Boolean)")
    )
    assert sorted(offered) == sorted(e.slug for e in book.entries) and "gastles" not in offered
    sources = (
        group(page, "Bron 1")
        .get_by_label("Bron", exact=True)
        .locator("option")
        .evaluate_all("options => options.map(o => o.value).filter(Boolean)")
    )
    assert sorted(sources) == sorted(key for key, _ in book.sources)


def test_a_partnership_may_leave_out_duration_and_group_size(page, base_url, tmp_path):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.locator("select[name=soort]").select_option("samenwerking")
    for name in ("Duur (mag leeg blijven)", "Groepsgrootte (mag leeg blijven)"):
        for field in ("Min", "Max"):
            unit = "minuten" if name.startswith("Duur") else "personen"
            group(page, name).get_by_label(f"{field} ({unit})", exact=True).fill("")
    page.get_by_role("button", name="Maak het bestand").click()
    assert page.locator(".hb-summary").is_hidden()
    assert check_messages(page.locator("#hb-yaml").input_value(), tmp_path) == []


def test_a_new_source_made_in_the_form_passes_check_and_gets_its_own_file(page, base_url, tmp_path):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.get_by_role("button", name="+ Nieuwe bron toevoegen").click()
    new = group(page, "Nieuwe bron 1")
    new.get_by_label("Korte naam", exact=True).fill("kookboek-voor-jongerenwerk")
    new.get_by_label("Titel", exact=True).fill("Kookboek voor het jongerenwerk")
    new.get_by_label("Auteur 1", exact=True).fill("A. de Vries")
    new.get_by_label("Jaar (mag leeg blijven)", exact=True).fill("2024")
    licence = new.get_by_label("Licentie", exact=True)
    licence.fill("CC BY-NC-ND 4.0")
    licence.dispatch_event("change")
    # a known licence answers both questions, with help in Dutch
    expect(new.get_by_label("Bewerken toegestaan", exact=True)).to_have_value("false")
    expect(new.get_by_label("Commercieel toegestaan", exact=True)).to_have_value("false")
    assert "niet bewerken" in new.locator("details.hb-licences").text_content()
    new.get_by_label("Over", exact=True).fill("Een boek met recepten en gesprekstips voor kookavonden met jongeren.")
    second = group(page, "Bron 2")  # the new source, once named, is chosen under Bronnen already (issue 34)
    expect(second.get_by_label("Bron", exact=True)).to_have_value("kookboek-voor-jongerenwerk")
    second.get_by_label("Samenvatting (mag leeg blijven)", exact=True).fill(
        "Samen koken geeft een los gesprek, omdat je handen bezig zijn."
    )
    page.get_by_role("button", name="Maak het bestand").click()
    assert page.locator(".hb-summary").is_hidden(), page.locator(".hb-summary").inner_text()
    assert "nieuwe_bronnen" in page.locator("#hb-sources-note").inner_text()
    yaml_text = page.locator("#hb-yaml").input_value()
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    (root / "samen-koken-met-jongeren.yml").write_text(yaml_text, encoding="utf-8")
    book = collection.load(root)  # check accepts it, with the source credited from the record
    assert dict(book.sources)["kookboek-voor-jongerenwerk"].licentie == "CC BY-NC-ND 4.0"
    written = split.split(root)  # the maintainer's tooling gives the source its own file
    assert root / "bronnen" / "kookboek-voor-jongerenwerk.yml" in written
    assert "nieuwe_bronnen" not in (root / "samen-koken-met-jongeren.yml").read_text(encoding="utf-8")
    again = collection.load(root)
    assert dict(again.sources)["kookboek-voor-jongerenwerk"] == dict(book.sources)["kookboek-voor-jongerenwerk"]
    assert again.get("samen-koken-met-jongeren").record.titel == "Samen koken met jongeren"


def test_the_largest_werkvorm_is_edited_without_a_long_address(page, base_url):
    """GitHub's edit page for the file, and the new text to paste: works at any size."""
    largest = max(discovery.record_files(ROOT / "werkvormen"), key=lambda p: p.stat().st_size)
    slug = largest.stem
    page.goto(f"{base_url}/voorstellen/?werkvorm={slug}")
    expect(page.get_by_label("Samenvatting", exact=True)).not_to_have_value("")
    page.get_by_role("button", name="Maak het bestand").click()
    href = page.locator("#hb-github").get_attribute("href")
    assert href == f"{EDIT_URL}werkvormen/{slug}.yml" and len(href) < 200
    assert "plak" in page.locator("#hb-github-note").inner_text()
    shown = yaml.safe_load(page.locator("#hb-yaml").input_value())
    assert shown["titel"] == yaml.safe_load(largest.read_text(encoding="utf-8"))["titel"]


def test_a_long_new_werkvorm_opens_an_empty_file_and_its_text_is_pasted(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    fill_a_werkvorm(page)
    page.get_by_label("Wat is het", exact=True).fill("Een avond samen koken met veel uitleg. " * 150)
    page.get_by_role("button", name="Maak het bestand").click()
    href = page.locator("#hb-github").get_attribute("href")
    assert "value=" not in href and href.endswith("?filename=samen-koken-met-jongeren.yml")
    assert "klembord" in page.locator("#hb-github-note").inner_text()
