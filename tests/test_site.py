"""The real handbook, built from the real records: pages, sections, catalogue, search, privacy."""

from __future__ import annotations

import json
import re

import pytest
from helpers import ROOT, soup

import handbook

BOOK = handbook.load(ROOT / "werkvormen")
SECTIONS = [
    "Voor wie",
    "Wat is het",
    "Wat brengt het jou",
    "Wie organiseert het",
    "Hoe organiseer je het",
    "Wat doe je met de resultaten",
    "Let op",
    "Bronnen",
]


def headings(page, level="h2"):
    return [h.get_text(strip=True).rstrip("¶") for h in page.select(f"article {level}")]


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_every_werkvorm_has_its_page_with_every_section_in_order(site, entry):
    page = soup(site / "werkvormen" / entry.slug / "index.html")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == entry.record.titel
    found = [h for h in headings(page) if h in SECTIONS]
    assert found == SECTIONS
    text = page.select_one("article").get_text(" ", strip=True)
    for step in entry.record.stappen:
        assert step.titel in text
    for point in entry.record.let_op:
        assert point[:40] in text
    facts = page.select_one("dl.hb-facts").get_text(" ", strip=True)
    assert "Duur" in facts and "Groep" in facts and "Voor wie" in facts


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_related_werkvormen_link_to_their_pages(site, entry):
    page_dir = site / "werkvormen" / entry.slug
    page = soup(page_dir / "index.html")
    section = page.find(id=re.compile("^verwante"))
    assert section is not None and entry.record.verwant
    links = section.find_next("ul").select("a")
    assert [a.get_text() for a in links] == [BOOK.get(s).record.titel for s in entry.record.verwant]
    for a in links:
        assert (page_dir / a["href"] / "index.html").resolve().is_file(), a["href"]


def test_catalogue_lists_every_werkvorm_with_summary_roles_duration_and_group(site):
    page = soup(site / "werkvormen" / "index.html")
    cards = page.select(".hb-card")
    assert len(cards) == len(BOOK.werkvormen)
    for card, entry in zip(cards, BOOK.werkvormen):
        text = card.get_text(" ", strip=True)
        assert card.select_one("h2 a").get_text() == entry.record.titel
        assert entry.record.samenvatting in text
        assert "Voor wie" in text and "Duur" in text and "Groep" in text
        assert set(card["data-rol"].split()) == set(entry.record.voor_wie)


@pytest.mark.parametrize("entry", BOOK.checklists, ids=lambda e: e.slug)
def test_every_checklist_item_is_a_task_on_its_page(site, entry):
    page = soup(site / "checklists" / entry.slug / "index.html")
    tasks = page.select("li.task-list-item")
    items = [item for group in entry.record.groepen for item in group.items]
    assert len(tasks) == len(items)
    for task, item in zip(tasks, items):
        assert task.select_one("input[type=checkbox]") is not None
        assert item.tekst in task.get_text(" ", strip=True)
    assert [g.titel for g in entry.record.groepen] == [
        h for h in headings(page) if h in [g.titel for g in entry.record.groepen]
    ]


def test_tips_for_starting_a_leernetwerk_keep_their_numbers_1_to_18(site):
    page = soup(site / "checklists" / "leernetwerk-starten" / "index.html")
    numbers = [t.find("strong").get_text() for t in page.select("li.task-list-item") if t.find("strong")]
    assert numbers == [f"{n}." for n in range(1, 19)]


def test_home_leads_to_the_catalogue_and_over_page_credits_sources(site):
    home = soup(site / "index.html")
    assert home.find("a", href=re.compile(r"^werkvormen/?$|werkvormen/index.html"), class_="md-button")
    over = soup(site / "over" / "index.html").get_text(" ")
    assert "Licentie" in over and "CC BY-NC-ND" in over
    sources = soup(site / "bronnen" / "index.html").get_text(" ")
    for entry in BOOK.entries:
        for source in entry.record.bronnen:
            assert source.titel in sources and source.licentie in sources


def test_pages_are_dutch_and_search_uses_dutch_stemming(site):
    assert soup(site / "index.html").html["lang"] == "nl"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    titles = {d["title"] for d in index["docs"]}
    assert {e.record.titel for e in BOOK.entries} <= titles
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js").exists()


LOADS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "link": "href",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
}


def test_no_page_or_stylesheet_loads_anything_from_another_host(site):
    offenders = []
    for html in site.rglob("*.html"):
        page = soup(html)
        for tag, attribute in LOADS.items():
            for element in page.find_all(tag):
                value = element.get(attribute, "")
                if (
                    tag == "link"
                    and "stylesheet" not in element.get("rel", [])
                    and "preconnect" not in element.get("rel", [])
                    and "icon" not in element.get("rel", [])
                ):
                    continue
                if re.match(r"^(https?:)?//", value):
                    offenders.append(f"{html.relative_to(site)}: <{tag} {attribute}={value}>")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css.relative_to(site)}: url({url})")
        for url in re.findall(r"@import\s+(?:url\()?['\"]?((?:https?:)?//[^)'\";]+)", css.read_text()):
            offenders.append(f"{css.relative_to(site)}: @import {url}")
    assert offenders == []


def test_no_repo_url_and_no_web_fonts_in_the_config():
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text())
    assert "repo_url" not in config
    assert config["theme"]["font"] is False


@pytest.mark.parametrize("entry", BOOK.werkvormen, ids=lambda e: e.slug)
def test_every_step_of_a_werkvorm_can_be_ticked_on_its_page(site, entry):
    page = soup(site / "werkvormen" / entry.slug / "index.html")
    tasks = page.select(".hb-steps li.task-list-item")
    assert len(tasks) == len(entry.record.stappen)
    for n, (task, step) in enumerate(zip(tasks, entry.record.stappen), 1):
        assert task.select_one("input[type=checkbox]") is not None
        assert task.find("strong").get_text() == f"{n}. {step.titel}"


def test_vocabulary_page_lists_every_allowed_word(site):
    from handbook.vocabulary import GOALS, ROLES, THEMES

    text = soup(site / "vaste-lijsten" / "index.html").get_text(" ")
    for words in (ROLES, THEMES, GOALS):
        for word, label in words.items():
            assert word in text and label in text
