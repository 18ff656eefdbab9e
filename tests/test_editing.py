"""The editor's path: scaffold a record, check it, see advice, find help in the schema and the repository."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import EDIT_URL, ROOT, build_site, soup

import handbook
from handbook.editing import schema
from handbook.records import collection

BOOK = collection.load(ROOT / "werkvormen")

# What an editor types over each placeholder of a new record, by the line it sits on.
FILLED = {
    "samenvatting: ": 'samenvatting: "Studenten en jeugdprofessionals lunchen samen en praten over hun werk."',
    '  - "VUL IN: een rol uit de lijst': "  - student\n  - jeugdprofessional",
    "  VUL IN: beschrijf": "  Eén keer per maand lunchen studenten en professionals samen.",
    '  "VUL IN: een rol uit voor_wie":': "  student:",
    '    - "VUL IN: wat levert': "    - Je hoort hoe het werk echt gaat.",
    "  VUL IN: wie organiseert": "  Een stagebegeleider nodigt uit.",
    '  - titel: "VUL IN: eerste stap': "  - titel: Kies een datum",
    "      VUL IN: hoe zet je": "      Prik samen een datum.",
    '      - "VUL IN: een tip': "      - Kies een vaste dag.",
    '  - titel: "VUL IN: tweede stap': "  - titel: Nodig iedereen uit",
    "  VUL IN: met wie deel": "  Deel wat je hoorde in het teamoverleg.",
    '  - "VUL IN: een aandachtspunt': "  - Praat niet over jongeren met naam en toenaam (AVG).",
    '    min: "VUL IN: minuten': "    min: 45",
    '    max: "VUL IN: minuten': "    max: 60",
    '    toelichting: "VUL IN': "    toelichting: Richtlijn.",
    '    min: "VUL IN: aantal': "    min: 4",
    '    max: "VUL IN: aantal': "    max: 10",
    '  - "VUL IN: bijvoorbeeld': "  - Je wilt studenten en professionals ongedwongen laten praten.",
    "  frequentie: ": "  frequentie: Eén keer per maand",
    "  voorbereiding: ": "  voorbereiding: Een ruimte reserveren.",
    '    - "VUL IN: iets wat': "    - Broodjes",
    '  - "VUL IN: een thema': "  - stage",
    '  - "VUL IN: een doel': "  - kennismaken",
    '  - "VUL IN: bestandsnaam': "  - gluren-bij-de-burens\n  - meelopen-in-de-praktijk",
    '  - werkvorm: "VUL IN': "  - werkvorm: gluren-bij-de-burens",
    '    verschil: "VUL IN': "    verschil: Bij Gluren ga je op bezoek. Hier lunch je samen.",
    '  - bron: "VUL IN': "  - bron: gluren-bij-de-burens-kaart",
    "    gebruikt_voor: ": "    gebruikt_voor: Het idee van samen tijd doorbrengen.",
    "eigen_advies: ": "eigen_advies: De stappen zijn eigen advies.",
    # the sample programme: 15 + 25 + 15 minutes, within the 45 to 60 above
    '  - minuten: "VUL IN: minuten, bijvoorbeeld 15"': "  - minuten: 15",
    '  - minuten: "VUL IN: minuten, bijvoorbeeld 60"': "  - minuten: 25",
    '    onderdeel: "VUL IN: wat er gebeurt': "    onderdeel: Aan tafel",
    '    onderdeel: "VUL IN: het hoofddeel': "    onderdeel: Samen eten en praten",
    '    uitleg: "VUL IN': "    uitleg: Iedereen vertelt wat hem deze week opviel.",
    '    onderdeel: "VUL IN: afsluiten': "    onderdeel: Een datum voor de volgende keer",
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, capture_output=True, text=True)


def fill(path: Path) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        start = next((k for k in FILLED if line.startswith(k) and "VUL IN" in line), None)
        lines.append(FILLED[start] if start else line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_new_record_fails_until_filled_in_then_builds_into_a_page(project):
    made = run("new", "Samen lunchen", cwd=project)
    assert made.returncode == 0, made.stderr
    record = project / "werkvormen" / "samen-lunchen.yml"
    assert record.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/werkvorm.schema.json"
    )
    before = run("check", cwd=project)
    assert before.returncode == 1
    assert re.search(r"werkvormen/samen-lunchen.yml:\d+:1: samenvatting: is nog niet ingevuld", before.stderr)
    assert set(yaml.safe_load(record.read_text(encoding="utf-8"))) == set(handbook.records.model.Werkvorm.model_fields)
    fill(record)
    after = run("check", cwd=project)
    assert after.returncode == 0, after.stderr
    result = build_site(project, HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    page = soup(project / "site" / "werkvormen" / "samen-lunchen" / "index.html")
    assert page.select_one("article h1").get_text(strip=True).startswith("Samen lunchen")


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_new_refuses_to_overwrite_a_record(project):
    result = run("new", "Leerhuis", cwd=project)
    assert result.returncode == 2 and "bestaat al" in result.stderr


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_warns_about_long_sentences_old_reviews_and_missing_relations_but_passes(project):
    path = project / "werkvormen" / "leerhuis.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"laatst_herzien: .*", "laatst_herzien: 2020-01-01", text)
    text = re.sub(r"verwant:\n(  - .*\n)+", "verwant:\n  - leernetwerk-starten\n", text)
    long = "Dit is een zin " + "die maar doorgaat en " * 8 + "nooit stopt."
    text = text.replace("\nresultaten: |\n", f"\nresultaten: |\n  {long}\n", 1)
    path.write_text(text, encoding="utf-8")
    for other in (project / "werkvormen").rglob("*.yml"):  # relations show both ways: no one may point at it
        other_text = path.read_text(encoding="utf-8") if other == path else other.read_text(encoding="utf-8")
        other_text = re.sub(r"\nverschil_met:\n(  .*\n)+", "\n", other_text)  # a difference is a relation too
        if other != path:
            other_text = re.sub(r"\n  - leerhuis(?=\n)|(?<=\[)leerhuis, |, leerhuis(?=\])", "", other_text)
        other.write_text(other_text, encoding="utf-8")
    result = run("check", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stderr
    assert re.search(r"werkvormen/leerhuis.yml:\d+:1: resultaten: waarschuwing: een zin van 38 woorden", out), out
    assert re.search(r"werkvormen/leerhuis.yml:\d+:1: laatst_herzien: waarschuwing: de tekst is sinds 2020-01-01", out)
    assert re.search(r"werkvormen/leerhuis.yml:\d+:1: verwant: waarschuwing: noemt geen verwante werkvorm", out)
    # the record's own long sentences (now over model.MAX_SENTENCE_WORDS) are the content's to shorten: test_content
    ours = [line for line in out.splitlines() if line.startswith("werkvormen/leerhuis.yml")]
    assert len([line for line in ours if "een zin van" not in line or "resultaten:" in line]) == 3, out


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_writes_github_annotations_for_pull_requests(project):
    path = project / "werkvormen" / "leerhuis.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("\ntitel:", "\ntitle:"), encoding="utf-8")
    result = run("check", "--github", cwd=project)
    assert result.returncode == 1
    assert re.search(
        r"^::error file=werkvormen/leerhuis.yml,line=\d+,col=1::title: onbekend veld 'title'; "
        r"bedoel je 'titel'\?$",
        result.stdout,
        re.M,
    ), result.stdout


def _fields(node: dict, where: str = ""):
    for name, field in node.get("properties", {}).items():
        yield f"{where}{name}", field


def test_every_field_of_the_schema_has_dutch_help_and_an_example():
    for path, text in schema.render().items():
        published = json.loads(text)
        nodes = [("", published)] + [(f"{k}.", v) for k, v in published.get("$defs", {}).items()]
        for where, node in nodes:
            for name, field in _fields(node, where):
                assert field.get("description"), f"{path}: {name} has no description"
                assert field.get("examples") is not None, f"{path}: {name} has no example"
    roles = json.loads(schema.render()["schema/werkvorm.schema.json"])["properties"]["voor_wie"]["items"]
    assert roles["enumDescriptions"][roles["enum"].index("ervaringsdeskundige")] == "Ervaringsdeskundige of gezin"


def test_every_record_page_links_to_its_file_in_the_repository_editor(site):
    for entry in BOOK.entries:
        page = soup(site / entry.folder / entry.slug / "index.html")
        link = page.find("a", string="Bewerk deze pagina")
        assert link is not None and link["href"] == f"{EDIT_URL}{entry.source}"
        assert page.find("a", rel="edit")["href"] == link["href"]


def test_the_site_publishes_the_schema_the_blank_record_and_a_page_on_adding_a_werkvorm(site):
    assert json.loads((site / "schema" / "werkvorm.schema.json").read_text())["title"] == "Werkvorm"
    blank = (site / "downloads" / "nieuwe-werkvorm.yml").read_text(encoding="utf-8")
    assert "VUL IN" in blank and blank.startswith("# yaml-language-server:")
    page = soup(site / "toevoegen" / "index.html")
    assert page.find("a", href=re.compile(r"nieuwe-werkvorm\.yml$"))


def test_repository_has_the_pull_request_template_issue_form_workflow_and_pre_commit_hook():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "handboek.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    first = [s.get("run", "") for s in jobs["check"]["steps"]]
    assert any("make check" in s for s in first) and not any("make test" in s for s in first)
    assert any("GITHUB_STEP_SUMMARY" in s for s in first)  # every problem, not only 10 annotations
    steps = [s.get("run", s.get("uses", "")) for s in jobs["build"]["steps"]]
    assert jobs["build"]["needs"] == "check" and "make test" in steps and "make site" in steps
    # the preview comes right after the check, beside the tests: a failing test does not hold it back
    preview = [s.get("run", s.get("uses", "")) for s in jobs["preview"]["steps"]]
    assert jobs["preview"]["needs"] == "check" and not any("make test" in s for s in preview)
    assert any(s.startswith("actions/upload-artifact") for s in preview)
    assert any("mkdocs-voorbeeld.yml" in s for s in preview)  # the preview opens from disk
    assert any("handbook changes" in s and "GITHUB_STEP_SUMMARY" in s for s in preview)  # the changed pages
    assert not any("mkdocs-voorbeeld.yml" in s for s in steps)
    assert all(job.get("timeout-minutes") for job in jobs.values())
    assert workflow["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] is False
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuwe-werkvorm.yml").read_text())
    assert form["name"] == "Nieuwe werkvorm voorstellen" and form["body"]
    template = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert template.count("- [ ]") >= 8
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert any(h["entry"] == "make check" for h in hooks)
    assert "make new TITEL=" in (ROOT / "CONTRIBUTING.md").read_text()
