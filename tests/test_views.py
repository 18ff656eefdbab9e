"""View helpers and the rule that every field of the model reaches its page (unit tier, in-process)."""

from __future__ import annotations

import posixpath
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

from handbook.base import paths
from handbook.base.vocabulary import GOALS, KINDS, ROLES, THEMES
from handbook.base.yamlfile import parse
from handbook.printing import jobs as printing
from handbook.records import text, views
from handbook.records.collection import load
from handbook.records.entry import Entry
from handbook.records.model import Checklist, Group, Item, Source, Werkvorm
from handbook.site import pages

BOOK = load(ROOT / "werkvormen")


def entry(slug: str) -> Entry:
    return BOOK.get(slug)


@pytest.mark.parametrize(
    ("sizes", "here", "target", "expected"),
    [
        (
            {"downloads/checklist-leerhuis.pdf": 26_400},
            "werkvormen/leerhuis.md",
            "downloads/checklist-leerhuis.pdf",
            views.Download("../downloads/checklist-leerhuis.pdf", "26 kB"),
        ),
        (
            {"downloads/handboek-werkvormen-jeugd.pdf": 1_400_000},
            "downloads/index.md",
            "downloads/handboek-werkvormen-jeugd.pdf",
            views.Download("handboek-werkvormen-jeugd.pdf", "1,4 MB"),
        ),
        ({}, "werkvormen/leerhuis.md", "downloads/checklist-leerhuis.pdf", None),  # no PDFs in this build: no link
    ],
)
def test_download(sizes, here, target, expected):
    assert views.download(sizes, here, target) == expected


def test_download_of_an_entry_from_its_own_page():
    leerhuis = entry("leerhuis")
    assert views.download({"downloads/checklist-leerhuis.pdf": 900}, leerhuis, leerhuis) == views.Download(
        "../downloads/checklist-leerhuis.pdf", "1 kB"
    )


def test_related_heading_names_checklists_only_on_a_werkvorm_that_has_them():
    werkvorm, checklist = BOOK.werkvormen[0], BOOK.checklists[0]
    assert views.related_heading(werkvorm, [BOOK.werkvormen[1]]) == "Verwante werkvormen"
    assert views.related_heading(werkvorm, [BOOK.werkvormen[1], checklist]) == "Verwante werkvormen en checklists"
    assert views.related_heading(checklist, [werkvorm, BOOK.checklists[1]]) == "Verwante werkvormen"


def test_alternative_is_the_first_related_werkvorm():
    checklist, a, b = BOOK.checklists[0], BOOK.werkvormen[0], BOOK.werkvormen[1]
    assert views.alternative([checklist, a, b]) == a
    assert views.alternative([checklist]) is None


def test_numbers_run_on_across_numbered_groups_only():
    def group(numbered: bool, *texts: str) -> Group:
        return Group(titel="Groep", genummerd=numbered, items=[Item(tekst=t) for t in texts])

    result = views.numbered([group(True, "aa", "bb"), group(False, "cc"), group(True, "dd")])
    assert [[n for n, _ in items] for _, items in result] == [[1, 2], [None], [3]]
    assert [item.tekst for item in (i for _, items in result for _, i in items)] == ["aa", "bb", "cc", "dd"]


# ------------------------------------------------------------- every field of the model reaches its page

# Fields whose value is not shown as typed: what the page shows for it instead.
SHOWN_AS = {
    "verwant": lambda r, book: [book.get(slug).record.titel for slug in r.verwant],
    "werkvorm": lambda r, book: [f"Of liever [{book.get(d.werkvorm).record.titel}]" for d in r.verschil_met],
    "bronnen": lambda r, book: [book.source(ref.bron).titel for ref in r.bronnen],
    "bron": lambda r, book: [book.source(ref.bron).titel for ref in r.bronnen],
    "laatst_herzien": lambda r, book: [f"{r.laatst_herzien.day} "],
    "voor_wie": lambda r, book: [ROLES[role] for role in r.voor_wie],
    "wat_brengt_het": lambda r, book: [ROLES[role] for role in r.wat_brengt_het],
    "themas": lambda r, book: [THEMES[t][1:] for t in r.themas],
    "doelen": lambda r, book: [GOALS[g][1:] for g in r.doelen],
    "soort": lambda r, book: [KINDS[r.soort]],
    "min": lambda r, book: [text.duration(r.praktisch.duur.min, r.praktisch.duur.max)],
    "max": lambda r, book: [
        text.span(r.praktisch.groepsgrootte.min, r.praktisch.groepsgrootte.max, "persoon", "personen")
    ],
    "minuten": lambda r, book: [f"| {part.minuten} |" for part in r.programma],
    "uit_de_bron": lambda r, book: ["richtlijn"],  # facts not from a source carry the guideline mark
    "genummerd": lambda r, book: ["**1.**"],
    "werkvormen": lambda r, book: [
        book.get(slug).record.titel for g in r.groepen for i in g.items for slug in i.werkvormen
    ],
}


def _fields(model) -> tuple[set[str], set[str]]:
    """(every field name of a model and the models inside it, the names that hold a model: containers)."""
    names, containers = set(), set()
    for name, info in model.model_fields.items():
        if name == "nieuwe_bronnen":  # a source, shown where every source is (test_a_source_in_a_record_...)
            continue
        names.add(name)
        for inner in getattr(info.annotation, "__args__", ()) + (info.annotation,):
            for candidate in getattr(inner, "__args__", ()) + (inner,):
                if hasattr(candidate, "model_fields") and candidate is not model:
                    containers.add(name)
                    more, inside = _fields(candidate)
                    names |= more
                    containers |= inside
    return names, containers


NOT_TEXT = frozenset(
    {"verwant", "bron", "werkvorm", "werkvormen", "voor_wie", "themas", "doelen", "soort", "uit_de_bron"}
)


def _mark_strings(value, found, key=""):
    """A copy of record data with every free text replaced by a unique marker; `found` gets (field, marker)."""
    if isinstance(value, dict):
        return {k: (v if k in NOT_TEXT else _mark_strings(v, found, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_strings(v, found, key) for v in value]
    if isinstance(value, str) and key != "laatst_herzien":
        marker = f"Merkteken{len(found):03d}x"
        found.append((key, marker))
        return marker + (" met genoeg tekst" if key == "samenvatting" else "")
    return value


def _complete(data: dict) -> dict:
    """Every optional text of the record filled in, so that the test sees every field."""
    data.setdefault("eigen_advies", "eigen")
    data["bronnen"] = [
        {"bron": ref if isinstance(ref, str) else ref["bron"], "gebruikt_voor": "idee", "samenvatting": "het idee"}
        for ref in data["bronnen"]
    ]
    if "stappen" in data:
        data.setdefault("ook_bekend_als", ["andere naam"])
        data.setdefault("wanneer_kiezen", ["je wilt iets"])
        data.setdefault("verschil_met", [{"werkvorm": data["verwant"][0], "verschil": "een ander verschil"}])
        for step in data["stappen"]:
            step.setdefault("tips", ["tip"])
        for part in data.get("programma", []):
            part.setdefault("uitleg", "uitleg")
        practical = data["praktisch"]
        for fact in ("duur", "groepsgrootte"):
            practical.setdefault(fact, {"min": 60, "max": 90})
            practical[fact]["toelichting"] = "uitleg"
        practical.setdefault("materialen", ["stift"])
        practical["uit_de_bron"] = []
    for group in data.get("groepen", []):
        group.setdefault("inleiding", "inleiding")
        group["genummerd"] = True
        group["items"] = [item if isinstance(item, dict) else {"tekst": item} for item in group["items"]]
        for item in group["items"]:
            item.setdefault("voorbeelden", ["voorbeeld"])
    return data


@pytest.mark.parametrize(("slug", "model"), [("leerhuis", Werkvorm), ("leernetwerk-starten", Checklist)])
def test_every_field_of_the_model_reaches_the_page_and_the_pdf(tmp_path: Path, slug, model):
    """A field that no template shows fails here, with its name (and so does one this test does not know)."""
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    path = next(p for p in [root / f"{slug}.yml", root / "checklists" / f"{slug}.yml"] if p.exists())
    markers: list[tuple[str, str]] = []
    data = _mark_strings(_complete(parse(path.read_text(encoding="utf-8")).data), markers)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    book = load(root)
    record = book.get(slug)
    page = pages.render(book)[views.page_path(record)]
    assert [(f, m) for f, m in markers if m not in page] == [], "not on the page"
    for field, shown in SHOWN_AS.items():
        if field in _fields(model)[0]:
            assert all(text_ in page for text_ in shown(record.record, book)), field
    names, containers = _fields(model)
    known = {field for field, _ in markers} | set(SHOWN_AS) | containers
    assert names - known == set(), f"fields of {model.__name__} that no test shows on a page"
    printed = next(j.html for j in printing.jobs(book, printing.Site()) if j.path == f"downloads/checklist-{slug}.pdf")
    # the PDF is the meeting sheet: the page's practice, not its other names, notes on sources or own advice
    not_printed = {
        "ook_bekend_als",
        "eigen_advies",
        "gebruikt_voor",
        "samenvatting",  # of a source: in the page's Verantwoording; the record's own summary is printed
        "toelichting",
        "wanneer_kiezen",  # choosing a werkvorm happens on the site, before the meeting the sheet is for
        "verschil",
        "wat_is_het",
        "wat_brengt_het",
        "wie_organiseert",
        "resultaten",
        "docent",
        "student",
        "jeugdprofessional",
        "leidinggevende",
        "onderzoeker",
        "ervaringsdeskundige",
        "praktijkbegeleider",
    }
    assert [(f, m) for f, m in markers if m not in printed and f not in not_printed] == [], "not in the PDF"


def test_a_card_shows_duration_and_group_or_else_the_kind():
    from handbook.records import facts

    activity = next(e for e in BOOK.werkvormen if e.record.praktisch.duur)
    partnership = next(e for e in BOOK.werkvormen if e.record.soort == "samenwerking")
    assert [f.key for f in facts.card(activity.record)] == ["duur", "groepsgrootte"]
    assert [(f.key, f.value) for f in facts.card(partnership.record)] == [("soort", KINDS["samenwerking"])]


@pytest.mark.parametrize(
    "path, origin",
    [
        ("werkvormen/leerhuis.md", "werkvormen/intervisie.md"),
        ("werkvormen/leerhuis.md", "index.md"),
        ("downloads/checklist-leerhuis.pdf", "werkvormen/leerhuis.md"),
        ("index.md", "werkvormen/index.md"),
        ("checklists/a.md", "checklists/b/c.md"),
        ("werkvormen/index.md", "werkvormen/index.md"),
        ("werkvormen", "werkvormen/x.md"),
        ("bronnen.md", "./over.md"),
    ],
)
def test_relative_links_are_what_relpath_gives(path: str, origin: str):
    assert paths.relative(path, origin) == posixpath.relpath(path, posixpath.dirname(origin) or ".")


# ------------------------------------------------------------- rights: what a reader may do, and the licence line


def _source(**rights) -> Source:
    base = {"titel": "Een bron", "licentie": "CC BY", "over": "Over de bron.", "bewerken_toegestaan": False}
    return Source.model_validate(base | {"commercieel_toegestaan": False} | rights)


@pytest.mark.parametrize(
    ("rights", "says"),
    [
        ({}, "Je mag de tekst niet bewerken. Geld verdienen aan de tekst mag niet. Verwijzen mag altijd"),
        ({"bewerken_toegestaan": True, "commercieel_toegestaan": True}, "Je mag de tekst bewerken. Verwijzen mag"),
        (
            {"toestemming": {"van": "De maker", "datum": "2026-12-01", "voor": "De stappen bewerken."}},
            "De maker gaf op 1 december 2026 toestemming voor: De stappen bewerken.",
        ),
    ],
)
def test_reuse_says_what_a_source_allows(rights, says):
    assert says in views.reuse(_source(**rights))


def test_the_licence_line_puts_our_summaries_under_our_licence_and_leaves_quotes_to_their_source():
    """A summary of a source's idea is our own text in our own words: CC BY-NC-SA, with the source named.
    Only a short marked quotation stays the source's."""
    gluren = BOOK.get("gluren-bij-de-burens")
    line = views.licence(gluren, BOOK)
    assert line.own == "CC BY-NC-SA 4.0" and [s.titel for s in line.summarised] == ["Gluren bij de burens"]
    assert line.summaries == "de korte samenvatting"
    without = next(e for e in BOOK.entries if not any(ref.samenvatting for ref in e.record.bronnen))
    assert views.licence(without, BOOK).summarised == []
    page = pages.render(BOOK)[views.page_path(gluren)]
    assert "Dat geldt ook voor de korte samenvatting van Gluren bij de burens" in page
    assert "noem dan ook de bron" in page and "Korte citaten uit een bron vallen niet onder deze licentie" in page
    assert "Dat geldt niet voor" not in page


def test_families_join_werkvormen_that_say_how_they_differ_in_either_direction():
    groups = [[c.entry.slug for c in family] for family in views.families(BOOK)]
    going_along = next(g for g in groups if "gluren-bij-de-burens" in g)
    assert {"meelopen-in-de-praktijk", "crossover-meelopen", "uitwisseling-tussen-organisaties"} <= set(going_along)
    assert all(len(g) >= 2 for g in groups)
    assert sum(len(g) for g in groups) == len({slug for g in groups for slug in g})  # each werkvorm in one family
    choice = next(c for family in views.families(BOOK) for c in family if c.entry.slug == "gluren-bij-de-burens")
    record = choice.entry.record
    assert choice.when == (record.wanneer_kiezen[0] if record.wanneer_kiezen else record.samenvatting)
    assert choice.size == "1 tot 8 uur · 2 tot 3 personen"
