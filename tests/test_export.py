"""The hook-free export: any engine builds the same handbook from it, and it is updated in place."""

from __future__ import annotations

import calendar
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import EDIT_URL, PDF_CACHE, ROOT, SITE_URL, copy_project, export_project, soup

from handbook import configuration
from handbook.export import export as export_in_process
from handbook.records import collection
from handbook.search import index as search
from handbook.site import offline

BOOK = collection.load(ROOT / "werkvormen")
ENV = {**os.environ, "HANDBOOK_CACHE": str(PDF_CACHE), "HANDBOOK_SITE_URL": SITE_URL, "HANDBOOK_EDIT_URL": EDIT_URL}


def export(project: Path, out: Path, **env_vars: str) -> subprocess.CompletedProcess:
    return export_project(project, out, **env_vars)


def test_the_export_built_without_hooks_is_the_hooks_build(site, tmp_path):
    """Every page, PDF, download and link the same; the search index differs only by the hook's enrichment."""
    out = tmp_path / "export"
    result = export(ROOT, out)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "edit_url" not in config["extra"]
    # the engine stamps the sitemap with SOURCE_DATE_EPOCH; the hooks stamp the newest review date
    epoch = str(calendar.timegm(BOOK.reviewed.timetuple()))
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "properdocs",
            "build",
            "--strict",
            "-f",
            str(out / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        env={**ENV, "SOURCE_DATE_EPOCH": epoch},
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    plain = tmp_path / "site"

    # the one thing only a build with the hooks has: the offline worker, and the pages' pointer to it
    assert (site / offline.WORKER).is_file() and not (plain / offline.WORKER).exists()
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.name != offline.WORKER)
    assert files == sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file())
    assert len([f for f in files if f.endswith(".pdf")]) == len(BOOK.entries) + 1
    unordered = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
    different = [f for f in files if f not in unordered and _no_worker(site / f) != (plain / f).read_bytes()]
    assert different == []
    index = [json.loads((s / "search/search_index.json").read_text(encoding="utf-8")) for s in (site, plain)]
    index[1] = search.enrich(index[1], BOOK)  # the one step that needs a hook: other names in the index
    assert index[0]["config"] == index[1]["config"]
    assert sorted(index[0]["docs"], key=json.dumps) == sorted(index[1]["docs"], key=json.dumps)
    urls = [sorted(re.findall(r"<url>.*?</url>", (s / "sitemap.xml").read_text(), re.S)) for s in (site, plain)]
    assert urls[0] == urls[1] and len(urls[0]) == len([f for f in files if f.endswith("index.html")])

    # the comparison means something: the pages carry their PDF and edit links
    page = soup(plain / "werkvormen" / "leerhuis" / "index.html")
    assert page.find("a", rel="edit")["href"] == f"{EDIT_URL}werkvormen/leerhuis.yml"
    assert page.find("a", href="../../downloads/checklist-leerhuis.pdf") is not None


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_export_updates_its_output_in_place(tmp_path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "export"
    assert export(project, out, HANDBOOK_PDF="0").returncode == 0
    (out / "site").mkdir()
    (out / "site" / "index.html").write_text("built by an engine")  # not the export's: left alone
    (out / "docs" / "oud.md").write_text("# no longer part of the handbook")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    record = project / "werkvormen" / "intervisie.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("samenvatting: ", "samenvatting: Nieuw. ", 1), encoding="utf-8"
    )

    result = export(project, out, HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    assert "1 verwijderd" in result.stdout
    assert not (out / "docs" / "oud.md").exists()
    assert (out / "site" / "index.html").read_text() == "built by an engine"
    page = out / "docs" / "werkvormen" / "intervisie.md"
    assert "Nieuw." in page.read_text(encoding="utf-8")
    changed = {p for p, mtime in before.items() if p.exists() and p.stat().st_mtime_ns != mtime}
    assert page in changed
    assert out / "docs" / "index.md" not in changed and out / "mkdocs.yml" not in changed
    # only the pages that show the new summary (its own, lists, related werkvormen) were written again
    assert all("Nieuw." in p.read_text(encoding="utf-8") for p in changed)
    assert len(changed) < len(before) / 4


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_export_of_a_broken_record_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "werkvormen" / "leerhuis.yml").write_text("titel: Leerhuis\n", encoding="utf-8")
    result = export(project, tmp_path / "export", HANDBOOK_PDF="0")
    assert result.returncode == 1
    assert "werkvormen/leerhuis.yml:1:1: samenvatting: ontbreekt" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "export").exists()


@pytest.mark.parametrize(
    "text, env, expected",
    [
        ("site_url: !ENV [HANDBOOK_SITE_URL, null]", {}, None),  # unset: null, not the text "None"
        ("site_url: !ENV [HANDBOOK_SITE_URL, null]", {"HANDBOOK_SITE_URL": "https://a.example/"}, "https://a.example/"),
        ("site_url: !ENV [HANDBOOK_SITE_URL, null]", {"HANDBOOK_SITE_URL": ""}, None),
        ("site_url: !ENV HANDBOOK_SITE_URL", {}, None),
        ("site_url: !ENV [A, B, 'https://c.example/']", {"B": "https://b.example/"}, "https://b.example/"),
        ("site_url: !ENV [A, B, 'https://c.example/']", {}, "https://c.example/"),
        ("strict: !ENV [STRICT, false]", {}, False),
    ],
)
def test_the_config_reads_the_environment_as_mkdocs_does(tmp_path, monkeypatch, text, env, expected):
    for name in ("HANDBOOK_SITE_URL", "A", "B", "STRICT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = tmp_path / "mkdocs.yml"
    config.write_text(text + "\n", encoding="utf-8")
    key = text.split(":")[0]
    assert configuration.read(config)[key] == expected


def test_a_setting_in_extra_handbook_is_obeyed_by_build_and_export_alike(tmp_path, monkeypatch):
    """One path from mkdocs.yml to Options: the hooks and export read extra.handbook the same way."""
    monkeypatch.delenv("HANDBOOK_PDF", raising=False)
    monkeypatch.delenv("HANDBOOK_CACHE", raising=False)
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("pdf: !ENV [HANDBOOK_PDF, all]", "pdf: off"), encoding="utf-8")
    options = configuration.options(configuration.read(config))
    assert options.pdf == "off" and options.pdf_cache == project / ".cache" / "pdf"
    monkeypatch.setattr(configuration, "options", _spy(configuration.options, seen := []))
    summary = export_in_process(config, tmp_path / "export")
    assert summary.pdfs == 0 and seen == [options]
    assert not list((tmp_path / "export" / "docs").rglob("*.pdf"))


def test_inherit_works_in_export(tmp_path, monkeypatch):
    """mkdocs-voorbeeld.yml INHERITs mkdocs.yml: export reads it as the engine does."""
    monkeypatch.setenv("HANDBOOK_PDF", "0")
    project = copy_project(tmp_path / "project")
    (project / "voorbeeld.yml").write_text(
        "INHERIT: mkdocs.yml\nuse_directory_urls: false\nsite_name: Voorbeeld\n", encoding="utf-8"
    )
    export_in_process(project / "voorbeeld.yml", tmp_path / "export")
    exported = yaml.safe_load((tmp_path / "export" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert exported["site_name"] == "Voorbeeld" and exported["use_directory_urls"] is False
    assert exported["theme"]["name"] == "material" and "hooks" not in exported and "INHERIT" not in exported


def _spy(function, seen: list):
    def spied(*args, **kwargs):
        seen.append(function(*args, **kwargs))
        return seen[-1]

    return spied


@pytest.mark.slow  # builds a site
def test_an_export_without_a_site_address_builds(tmp_path):
    """No HANDBOOK_SITE_URL (a local `make export`): the exported config has no site_url, and ProperDocs builds it."""
    project = copy_project(tmp_path / "project")
    env = {key: value for key, value in ENV.items() if key != "HANDBOOK_SITE_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "handbook", "export", str(tmp_path / "out"), "--config", str(project / "mkdocs.yml")],
        env={**env, "HANDBOOK_PDF": "0"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "site_url" not in yaml.safe_load((tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8"))
    built = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-q", "-f", "mkdocs.yml"],
        cwd=tmp_path / "out",
        env={**env, "HANDBOOK_PDF": "0"},
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_the_export_names_no_extension_of_ours_and_keeps_engine_overrides_apart(tmp_path):
    out = tmp_path / "export"
    result = export(ROOT, out, HANDBOOK_PDF="0")
    assert result.returncode == 0, result.stderr
    material = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    zensical = yaml.safe_load((out / "zensical.yml").read_text(encoding="utf-8"))
    for config in (material, zensical):
        names = [item if isinstance(item, str) else next(iter(item)) for item in config["markdown_extensions"]]
        assert names and not [name for name in names if name.startswith("handbook")]
    assert material["theme"]["custom_dir"] == "overrides" and "palette" in material["theme"]
    assert zensical["theme"]["custom_dir"] == "overrides-zensical" and "palette" not in zensical["theme"]
    assert {k: v for k, v in zensical.items() if k not in ("theme", "extra")} == {
        k: v for k, v in material.items() if k not in ("theme", "extra")
    }
    assert zensical["extra"] == {**material["extra"], "laatst_herzien": BOOK.reviewed.isoformat()}  # the sitemap's date
    assert (out / "overrides" / "partials" / "search.html").exists()  # Material 9.8's markup, for Material only
    assert not (out / "overrides-zensical" / "partials" / "search.html").exists()
    assert (out / "overrides-zensical" / "partials" / "actions.html").exists()  # shared: the edit button


def _no_worker(path: Path) -> bytes:
    """A file of the hooks' build without the pointer to the offline worker (main.html's meta hb-werker)."""
    return re.sub(rb'\s*<meta name="hb-werker"[^>]*>', b"", path.read_bytes())


def files_from_docs(root: Path) -> set[str]:
    """Every file of a built site that comes from the export's docs/ (not the engine's own assets, index, sitemap)."""
    engine = ("assets/javascripts/bundle", "assets/javascripts/workers/", "assets/javascripts/lunr/", "search")
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file()
        and not p.relative_to(root).as_posix().startswith(engine)
        and not p.name.startswith(("sitemap.xml", "404.html", offline.WORKER))
        and "assets/stylesheets/main." not in p.as_posix()
        and "assets/stylesheets/palette." not in p.as_posix()
        and not p.relative_to(root).as_posix().startswith(("assets/stylesheets/modern/", "assets/stylesheets/classic/"))
        and not p.relative_to(root).as_posix().startswith("assets/images/")
    }


def test_zensical_builds_the_same_pages_and_pdfs(site, zensical_site):
    """`make zensical` against `make site`: every page, and every PDF and file from docs/ byte for byte."""
    pages = [sorted(p.relative_to(s).as_posix() for p in s.rglob("index.html")) for s in (site, zensical_site)]
    assert pages[0] == pages[1] and len(pages[0]) > len(BOOK.entries)
    ours = files_from_docs(site)
    assert ours - files_from_docs(zensical_site) == set()
    different = [
        f
        for f in sorted(ours)
        if not f.endswith(".html") and (site / f).read_bytes() != (zensical_site / f).read_bytes()
    ]
    assert different == []
    pdfs = sorted(f for f in ours if f.endswith(".pdf"))
    assert len(pdfs) == len(BOOK.entries) + 1
    page = soup(zensical_site / "werkvormen" / "leerhuis" / "index.html")
    assert page.find("a", rel="edit")["href"] == f"{EDIT_URL}werkvormen/leerhuis.yml"
    assert page.select_one(".hb-zoekwoorden[hidden]") is not None  # the hooks' search words, in the page
    # the sitemap: the same addresses, with the date the hooks give Material's
    urls = [
        sorted(" ".join(url.split()) for url in re.findall(r"<url>.*?</url>", (s / "sitemap.xml").read_text(), re.S))
        for s in (site, zensical_site)
    ]
    assert urls[0] == urls[1] and "<lastmod>" in urls[1][0]


def test_zensical_pages_carry_the_policy_and_no_inline_script(zensical_site):
    for path in sorted(zensical_site.rglob("*.html")):
        page = soup(path)
        policy = " ".join(page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"].split())
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert re.search(r"style-src 'self'( 'sha256-[A-Za-z0-9+/=]{44}')*;", policy), policy  # hashes only
        inline = [s for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], (path, str(inline[0])[:120])
        assert not page.select("script[src$='/zoeken.js']"), path  # it speaks to Material's search worker only
