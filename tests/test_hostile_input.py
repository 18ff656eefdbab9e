"""Records from outside the team cannot run script: every attack comes out as inert text."""

from __future__ import annotations

import json
import re

from helpers import soup
from pypdf import PdfReader

UNSAFE_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)


def live_markup(html_path):
    page = soup(html_path)
    found = []
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}=...>")
            if name.lower() in ("href", "src", "action", "formaction", "data", "xlink:href") and UNSAFE_URL.match(
                value
            ):
                found.append(f"<{element.name} {name}={value[:40]}>")
        if element.name in ("iframe", "object", "embed", "svg") and "xss" in str(element):
            found.append(f"<{element.name}> from a record")
        if element.name == "script" and element.get("type") == "application/json":
            # a data block (the programme page's parts): never run; a title in it must not be able to close it
            json.loads(element.get_text())
            if "<" in element.get_text():
                found.append("<script type=application/json> that a record's text could close")
            continue
        if element.name == "script" and (
            "xss" in element.get_text() or (element.get("src") and re.match(r"^(https?:)?//", element["src"]))
        ):
            found.append("<script> from a record")
    return found


def test_no_attack_comes_out_as_live_markup_on_any_page(payload_site):
    pages = sorted(payload_site.rglob("*.html"))
    assert pages
    found = {str(p.relative_to(payload_site)): live_markup(p) for p in pages}
    assert {page: marks for page, marks in found.items() if marks} == {}


def test_attacks_are_shown_as_text(payload_site):
    article = soup(payload_site / "werkvormen" / "leerhuis" / "index.html").select_one("article")
    assert "<script>alert('xss-1')</script>" in article.get_text()
    # a link to javascript: keeps its text and is no link (sanitize.safe_source writes the text again)
    assert "klik" in article.get_text() and not [a for a in article.find_all("a") if a.get_text() == "klik"]


def test_the_build_requests_nothing_a_record_names(payload_site, recorder):
    """Images and links to a local server in every prose field: the build (pages and PDFs) asks it nothing."""
    assert recorder[1] == []
    page = soup(payload_site / "werkvormen" / "leerhuis" / "index.html")
    assert not [img for img in page.find_all("img") if recorder[0] in img.get("src", "")]


def test_pdfs_carry_no_script_and_no_unsafe_links(payload_site):
    for pdf in sorted((payload_site / "downloads").glob("*.pdf")):
        data = pdf.read_bytes()
        assert b"/JavaScript" not in data and b"/JS " not in data and b"/JS(" not in data, pdf.name
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots") or []:
                uri = annotation.get_object().get("/A", {}).get("/URI", "")
                assert not UNSAFE_URL.match(str(uri)), (pdf.name, uri)
