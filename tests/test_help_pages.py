"""The help pages for editors (issue 34, point 11): B1, nothing outside the repository, web and clone paths apart."""

from __future__ import annotations

import re

import pytest
from helpers import ROOT

from handbook.editing import advice, form
from handbook.records import collection
from handbook.records.model import MAX_SENTENCE_WORDS
from handbook.site import pages

HELP = ("schrijfwijzer.md", "toevoegen.md")


def sentences(markdown: str) -> list[str]:
    """The sentences a reader reads: without front matter, code, tables, link targets or list markers."""
    text = markdown.split("---", 2)[2] if markdown.startswith("---") else markdown
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"`[^`]*`", "code", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{:[^}]*\}", "", text)
    blocks = []
    for line in text.splitlines():
        if line.lstrip().startswith("|"):
            continue  # a table's cells are not sentences
        if re.match(r"^\s*(?:[-*]|\d+\.)\s|^#", line) or not line.strip():
            blocks.append("")  # a list item or heading starts anew
        blocks[-1:] = [(blocks[-1] if blocks else "") + " " + re.sub(r"^\s*(?:[-*]|\d+\.)\s|^#+", "", line)]
    return [s.strip() for block in blocks for s in advice._SENTENCE.findall(block) if s.strip()]


@pytest.mark.parametrize("name", HELP)
def test_no_sentence_is_longer_than_b1_allows(name):
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    long = [s for s in sentences(text) if len(s.split()) > MAX_SENTENCE_WORDS]
    assert long == [], long


@pytest.mark.parametrize("path", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_public_pages_name_no_tool_outside_the_repository(path):
    text = path.read_text(encoding="utf-8")
    for outside in ("../shared", "copycheck", "paraphrase.py"):
        assert outside not in text


def test_the_writing_guide_keeps_what_an_editor_needs_to_write_in_her_own_words():
    guide = (ROOT / "docs" / "schrijfwijzer.md").read_text(encoding="utf-8")
    assert "Lees je tekst naast de bron" in guide
    assert "eigen volgorde" in guide
    assert "tussen aanhalingstekens" in guide and "noem de bron" in guide


def test_the_writing_guide_and_the_form_agree():
    """'soort' may stay empty in the form; one related werkvorm is enough for `check`."""
    guide = (ROOT / "docs" / "schrijfwijzer.md").read_text(encoding="utf-8")
    assert "Kies de `soort`" not in guide and "Laat je de soort leeg" in guide
    assert "minstens twee" not in guide and "minstens één andere werkvorm" in guide
    book = collection.load(ROOT / "werkvormen")
    assert "soort" not in form.form_schema(book)["required"]


def test_adding_a_werkvorm_splits_the_web_path_from_the_clone_path():
    page = (ROOT / "docs" / "toevoegen.md").read_text(encoding="utf-8")
    web, clone = page.split("## Met een eigen kopie van de bestanden")
    assert "](voorstellen.md)" in web and "Stuur het naar de redactie" in web
    assert "make " not in web  # no command for who works in the browser
    assert "make new-bron" in clone and "make check" in clone
    # the issue form and CONTRIBUTING: real links, made where the repository is known (the form's page)
    assert "](voorstellen.md#repository)" in web and "](voorstellen.md#repository)" in clone


def test_the_form_page_links_the_issue_form_and_contributing_when_the_repository_is_known():
    book = collection.load(ROOT / "werkvormen")
    edit = "https://github.com/voorbeeld/handboek/edit/main/"
    page = pages.render(book, None, edit)[form.PAGE]
    assert "{: #repository }" in page
    assert "(https://github.com/voorbeeld/handboek/issues/new/choose)" in page
    assert "(https://github.com/voorbeeld/handboek/blob/main/CONTRIBUTING.md)" in page
    unknown = pages.render(book)[form.PAGE]
    assert "{: #repository }" in unknown and "github.com" not in unknown.split("#repository }")[1]
