"""A proposal survives a reload or a closed tab: the draft stays in this browser, on this device."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect
from test_proposal_form import group


def test_what_is_typed_comes_back_after_a_reload(context, base_url):
    page = context.new_page()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    page.goto(f"{base_url}/voorstellen/")
    assert "alleen op dit apparaat" in page.locator("article").inner_text()  # the page says where it is kept
    page.get_by_label("Titel", exact=True).first.fill("Samen koken met jongeren")
    page.check("input[name=voor_wie][value=student]")
    page.get_by_label("Wat is het", exact=True).fill("Een avond samen koken.\n\nJe praat terwijl je snijdt.")
    group(page, "Stap 1").get_by_label("Titel", exact=True).fill("Kies een keuken")
    page.get_by_role("button", name="+ Stap toevoegen").click()
    group(page, "Stap 2").get_by_label("Titel", exact=True).fill("Kook en eet samen")
    group(page, "Duur (mag leeg blijven)").get_by_label("Min (minuten)", exact=True).fill("90")
    expect(page.locator("#hb-draft-status")).to_contain_text("bewaard")
    page.reload()
    assert asked == ["beforeunload"]  # unsaved work: the browser asks before leaving
    expect(page.get_by_label("Titel", exact=True).first).to_have_value("Samen koken met jongeren")
    expect(page.locator("input[name=voor_wie][value=student]")).to_be_checked()
    expect(page.get_by_label("Wat is het", exact=True)).to_have_value(
        "Een avond samen koken.\n\nJe praat terwijl je snijdt."
    )
    expect(group(page, "Stap 2").get_by_label("Titel", exact=True)).to_have_value("Kook en eet samen")
    expect(group(page, "Duur (mag leeg blijven)").get_by_label("Min (minuten)", exact=True)).to_have_value("90")
    expect(page.locator("#hb-draft-status")).to_contain_text("teruggezet")
    # a closed tab too: a new page in the same browser finds it
    other = context.new_page()
    other.goto(f"{base_url}/voorstellen/")
    expect(other.get_by_label("Titel", exact=True).first).to_have_value("Samen koken met jongeren")
    other.close()
    # starting again forgets it
    page.get_by_role("button", name="Begin opnieuw").click()
    page.get_by_role("button", name="Ja, wis alles").click()  # it asks first (issue 34)
    expect(page.get_by_label("Titel", exact=True).first).to_have_value("")
    page.reload()
    expect(page.get_by_label("Titel", exact=True).first).to_have_value("")
    page.close()


def test_a_draft_with_problems_can_be_downloaded(page, base_url):
    page.goto(f"{base_url}/voorstellen/")
    page.get_by_label("Titel", exact=True).first.fill("Samen koken met jongeren")
    page.get_by_label("Samenvatting", exact=True).fill("Kort")  # too short: still a draft to keep
    with page.expect_download() as info:
        page.get_by_role("button", name="Download concept").click()
    assert info.value.suggested_filename == "concept-samen-koken-met-jongeren.yml"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert 'titel: "Samen koken met jongeren"' in text and 'samenvatting: "Kort"' in text
    page.get_by_role("button", name="Maak het bestand").click()
    assert page.locator("#hb-yaml").is_hidden()  # the file to propose waits until every problem is solved


def test_opening_an_existing_werkvorm_keeps_the_draft_of_a_new_one(context, base_url):
    """One draft per werkvorm: 'Bewerk die werkvorm' does not overwrite what she typed for her new one."""
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())  # leaving with unsaved work asks first
    page.goto(f"{base_url}/voorstellen/")
    page.get_by_label("Titel", exact=True).first.fill("Intervisie")
    page.get_by_label("Samenvatting", exact=True).fill("Mijn eigen samenvatting van een nieuwe werkvorm.")
    page.get_by_role("button", name="Bewerk die werkvorm").click()
    expect(page).to_have_url(f"{base_url}/voorstellen/?werkvorm=intervisie")
    expect(page.get_by_label("Samenvatting", exact=True)).not_to_have_value(
        "Mijn eigen samenvatting van een nieuwe werkvorm."
    )
    page.get_by_label("Resultaten", exact=True).fill("Een eigen wijziging in Intervisie.")
    expect(page.locator("#hb-draft-status")).to_contain_text("bewaard")
    page.goto(f"{base_url}/voorstellen/")  # her new werkvorm is still there
    expect(page.get_by_label("Samenvatting", exact=True)).to_have_value(
        "Mijn eigen samenvatting van een nieuwe werkvorm."
    )
    page.goto(f"{base_url}/voorstellen/?werkvorm=intervisie")  # and so is her change to Intervisie
    expect(page.get_by_label("Resultaten", exact=True)).to_have_value("Een eigen wijziging in Intervisie.")
