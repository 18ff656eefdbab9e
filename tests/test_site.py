"""The real handbook, built from the real records: pages, sections, catalogue, search, privacy."""

from __future__ import annotations

import json
import re

import pytest
from helpers import ROOT, soup

from handbook.records import collection
from handbook.records import facts as practical_facts

BOOK = collection.load(ROOT / "werkvormen")
SECTIONS = [
    "Wat is het",
    "Wat brengt het jou",
    "Wie organiseert het",
    "Hoe organiseer je het",
    "Wat doe je met de resultaten",
    "Let op",
    "Verantwoording",
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
    facts = page.select_one(".hb-facts-strip")  # the first-screen facts and the rest below the download
    text = facts.get_text(" ", strip=True)
    assert "Voor wie" in text and "Soort" in text
    assert ("Duur" in text and "Groep" in text) or entry.record.soort == "samenwerking"
    assert "bron" not in text.lower()  # provenance lives under Verantwoording, not in the facts box
    marks = [a.find_parent("dd").find_previous_sibling("dt").get_text() for a in facts.select("a.hb-guideline")]
    p = entry.record.praktisch
    assert marks == [f.label for f in practical_facts.practical(entry.record) if f.guideline]
    assert ("Duur" in marks) == (p.duur is not None and "duur" not in p.uit_de_bron)
    before_steps = text_before(page, "hoe-organiseer-je-het")
    assert not re.search(r"\bbronn?e?n?\b|werkvormkaart|\bhet artikel\b", before_steps, re.I), before_steps[:300]


def text_before(page, anchor: str) -> str:
    """The article's text up to the heading with id `anchor`."""
    parts = []
    for node in page.select_one("article").descendants:
        if getattr(node, "get", None) and node.get("id") == anchor:
            break
        if isinstance(node, str):
            parts.append(node)
    return " ".join(parts)


def related_titles(site, entry) -> list[str]:
    page = soup(site / entry.folder / entry.slug / "index.html")
    section = page.find(id=re.compile("^verwante"))
    return [a.get_text() for a in section.find_next("ul").select("a")] if section else []


@pytest.mark.parametrize("entry", BOOK.entries, ids=lambda e: e.slug)
def test_related_werkvormen_link_to_their_pages_and_every_relation_shows_on_both_pages(site, entry):
    page_dir = site / entry.folder / entry.slug
    page = soup(page_dir / "index.html")
    section = page.find(id=re.compile("^verwante"))
    assert section is not None
    links = section.find_next("ul").select("a")
    titles = [a.get_text() for a in links]
    assert titles[: len(entry.record.verwant)] == [BOOK.get(s).record.titel for s in entry.record.verwant]
    for a in links:
        assert (page_dir / a["href"] / "index.html").resolve().is_file(), a["href"]
    for other in BOOK.related(entry):
        assert entry.record.titel in related_titles(site, other), (entry.slug, other.slug)


def test_a_relation_written_on_one_page_only_shows_on_both(site):
    one_way = BOOK.get("post-hbo-leergang").record.verwant
    assert "uitwisseling-tussen-organisaties" in one_way
    assert "post-hbo-leergang" not in BOOK.get("uitwisseling-tussen-organisaties").record.verwant
    assert "Leergang voor ervaren jeugdprofessionals" in related_titles(
        site, BOOK.get("uitwisseling-tussen-organisaties")
    )


def test_the_18_tips_link_the_werkvormen_they_name(site):
    page_dir = site / "checklists" / "leernetwerk-starten"
    page = soup(page_dir / "index.html")
    linked = {a["href"].rstrip("/").split("/")[-1] for a in page.select(".hb-checklist a") if "werkvormen" in a["href"]}
    assert linked >= {
        "ontwikkelgroep",
        "leerhuis",
        "intervisie",
        "leernetwerkbijeenkomst",
        "onderwijs-op-de-stagelocatie",
        "ervaringskennis-inbrengen",
        "meelopen-in-de-praktijk",
        "gastles-uit-de-praktijk",
        "nascholing-door-docenten",
        "samen-onderwijs-ontwikkelen",
        "spiegelbijeenkomst",
        "moreel-beraad",
        "casuistiekbespreking",
    }
    for a in page.select(".hb-checklist a"):
        assert (page_dir / a["href"] / "index.html").resolve().is_file(), a["href"]


def test_catalogue_lists_every_werkvorm_with_summary_roles_duration_and_group(site):
    page = soup(site / "werkvormen" / "index.html")
    cards = page.select(".hb-card")
    assert len(cards) == len(BOOK.werkvormen)
    for card, entry in zip(cards, BOOK.werkvormen, strict=True):
        text = card.get_text(" ", strip=True)
        assert card.select_one("h2 a").get_text() == entry.record.titel
        assert entry.record.samenvatting in text
        assert "Voor wie" in text and (("Duur" in text and "Groep" in text) or "Vaste samenwerking" in text)
        assert set(card["data-rol"].split()) == set(entry.record.voor_wie)


@pytest.mark.parametrize("entry", BOOK.checklists, ids=lambda e: e.slug)
def test_every_checklist_item_is_a_task_on_its_page(site, entry):
    page = soup(site / "checklists" / entry.slug / "index.html")
    tasks = page.select("li.task-list-item")
    items = [item for group in entry.record.groepen for item in group.items]
    assert len(tasks) == len(items)
    for task, item in zip(tasks, items, strict=True):
        assert task.select_one("input[type=checkbox]") is not None
        assert item.tekst in task.get_text(" ", strip=True)
    assert [g.titel for g in entry.record.groepen] == [
        h for h in headings(page) if h in [g.titel for g in entry.record.groepen]
    ]


def test_a_checklists_numbers_run_on_across_its_numbered_groups(site):
    record = BOOK.get("leernetwerk-starten").record
    count = sum(len(g.items) for g in record.groepen if g.genummerd)
    assert count > len(record.groepen[0].items)  # more than one numbered group
    page = soup(site / "checklists" / "leernetwerk-starten" / "index.html")
    numbers = [t.find("strong").get_text() for t in page.select("li.task-list-item") if t.find("strong")]
    assert numbers == [f"{n}." for n in range(1, count + 1)]


def test_home_leads_to_the_catalogue_and_over_page_credits_sources(site):
    home = soup(site / "index.html")
    assert home.find("a", href=re.compile(r"^werkvormen/?$|werkvormen/index.html"), class_="md-button")
    over = soup(site / "over" / "index.html").get_text(" ")
    assert "Licentie" in over and "CC BY-NC-ND" in over
    page = soup(site / "bronnen" / "index.html")
    sources = page.get_text(" ")
    for key, source in BOOK.sources:
        assert source.titel in sources and source.licentie in sources
        section = page.find(id=key)
        assert section is not None
        users = {a.get_text() for a in section.find_next("ul").select("a")}
        assert users == {e.record.titel for e in BOOK.users(key)}


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
    for n, (task, step) in enumerate(zip(tasks, entry.record.stappen, strict=True), 1):
        assert task.select_one("input[type=checkbox]") is not None
        assert task.find("strong").get_text() == f"{n}. {step.titel}"


def test_vocabulary_page_lists_every_allowed_word(site):
    from handbook.base.vocabulary import GOALS, ROLES, THEMES

    text = soup(site / "vaste-lijsten" / "index.html").get_text(" ")
    for words in (ROLES, THEMES, GOALS):
        for word, label in words.items():
            assert word in text and label in text


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (60, 90, ["kort"]),  # wholly within two hours
        (90, 150, ["kort", "dagdeel"]),  # half in each band
        (120, 480, ["dag"]),  # two thirds beyond four hours: not "Twee tot vier uur"
        (45, 180, ["kort"]),  # 75 of 135 minutes within two hours
        (60, 400, ["dag"]),  # no band holds half: the one that holds most
        (120, 120, ["kort"]),  # a single value lies in one band
    ],
)
def test_a_werkvorm_fits_a_duration_band_when_at_least_half_its_range_lies_in_it(low, high, expected):
    from handbook.records.filters import DURATIONS, fitting

    assert fitting(DURATIONS, low, high) == expected


def test_group_bands_hold_what_they_say():
    from handbook.records.filters import GROUPS, fitting

    assert fitting(GROUPS, 5, 25) == ["middel"]  # "Tot 8 personen" does not take a group of 5 to 25
    assert fitting(GROUPS, 2, 4) == ["klein"]
    assert fitting(GROUPS, 10, 30) == ["middel", "groot"]
