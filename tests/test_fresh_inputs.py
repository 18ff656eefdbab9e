"""Inputs read again for every build, so that a process that runs for hours (`serve`) never uses an old one.

The PDF cache's key covers everything a PDF is made from (issue #23, case 4);
the shared synonym list is read again too.
"""

from __future__ import annotations

import datetime as dt

from handbook.printing import jobs as printing
from handbook.printing import pdfs
from handbook.search import index as search

JOB = printing.PrintJob("downloads/x.pdf", "X", "<html><body><h1>X</h1></body></html>", dt.date(2025, 1, 1))


def test_an_edited_print_css_changes_the_key_in_the_same_process(monkeypatch):
    """`serve` runs for hours: print.css edited meanwhile must not store new bytes under the old key."""
    css = printing.stylesheet()
    before = pdfs.key(JOB)
    monkeypatch.setattr(printing, "stylesheet", lambda: css + "\nh1 { color: red }\n")
    assert pdfs.key(JOB) != before
    monkeypatch.setattr(printing, "stylesheet", lambda: css)
    assert pdfs.key(JOB) == before


def test_the_key_changes_with_any_renderer_version(monkeypatch):
    before = pdfs.key(JOB)
    versions = pdfs.renderer_versions()
    for index, (name, number) in enumerate(versions):
        changed = (*versions[:index], (name, number + ".1"), *versions[index + 1 :])
        monkeypatch.setattr(pdfs, "renderer_versions", lambda changed=changed: changed)
        assert pdfs.key(JOB) != before, name


def test_the_renderer_is_weasyprint_with_everything_it_runs_on():
    names = dict(pdfs.renderer_versions())
    # found from WeasyPrint's metadata, not from a list: its direct and indirect dependencies
    assert {"weasyprint", "pydyf", "tinycss2", "cssselect2", "fonttools", "pyphen", "cffi", "webencodings"} <= set(
        names
    )
    assert names["pango"].isdigit() and names["python"]
    assert names["libharfbuzz"].startswith("libharfbuzz.so.") and names["libfontconfig"].startswith("libfontconfig.so.")


def test_the_same_input_gives_the_same_key():
    assert pdfs.key(JOB) == pdfs.key(JOB)
    other = printing.PrintJob(JOB.path, JOB.title, JOB.html.replace("X", "Y"), JOB.date)
    assert pdfs.key(other) != pdfs.key(JOB)


def test_an_edited_synonym_list_counts_in_the_same_process(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "files", lambda package: tmp_path)
    (tmp_path / search.SYNONYMS_FILE).write_text("- [intervisie, collegiaal consult]\n", encoding="utf-8")
    assert search.synonym_groups() == (("intervisie", "collegiaal consult"),)
    (tmp_path / search.SYNONYMS_FILE).write_text("- [leerhuis, leerkring]\n", encoding="utf-8")
    assert search.synonym_groups() == (("leerhuis", "leerkring"),)
