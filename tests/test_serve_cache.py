"""`make serve` keeps conversions and compiled templates in memory between rebuilds (hooks/cache_hooks.py).

The slow tests run one preview process that rebuilds after every change, as
`serve` does, and compare its site folder, file by file, with a build of the
same project in a fresh process. The fast ones check the key and the
engine adapter in-process, without a build.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import cache_hooks
import properdocs16
import pytest
from helpers import PDF_CACHE, ROOT, copy_project, edit, make_serve, serve_command, shows

from handbook.base import paths
from handbook.records.collection import load

DRIVER = Path(__file__).with_name("serve_driver.py")


class Preview:
    """A process that builds `project` into `site` each time it is asked, as `serve` does after a change."""

    def __init__(self, project: Path, site: Path, serving: bool = True):
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), str(site), "serve" if serving else "build"],
            cwd=project,
            env={**os.environ, "HANDBOOK_PDF": "records", "HANDBOOK_CACHE": str(PDF_CACHE)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def build(self) -> tuple[bool, str]:
        """(whether it went through, what it logged)."""
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        log = []
        for line in self.process.stdout:
            if line.startswith(("KLAAR", "MISLUKT")):  # the driver's own lines
                return line.startswith("KLAAR"), "".join(log)
            log.append(line)
        raise AssertionError("the preview process stopped:\n" + "".join(log))

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait(60)


@pytest.fixture
def preview_of():
    started = []

    def start(project: Path, site: Path, serving: bool = True) -> Preview:
        started.append(Preview(project, site, serving))
        return started[-1]

    yield start
    for process in started:
        process.close()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _from_memory(log: str) -> tuple[int, int]:
    found = re.search(r"Voorbeeld: (\d+) pagina's uit het geheugen, (\d+) omgezet", log)
    assert found, log
    return int(found.group(1)), int(found.group(2))


def _same_as_a_fresh_process(project: Path, site: Path, preview_of, name: str) -> None:
    # a fresh `serve` process: its first build has nothing in memory (and, as any preview, the live reload)
    clean = preview_of(project, project / f"site-clean-{name}")
    ok, log = clean.build()
    assert ok, log
    kept, fresh = _files(site), _files(project / f"site-clean-{name}")
    assert sorted(kept) == sorted(fresh)
    assert [path for path in fresh if kept[path] != fresh[path]] == []


CHANGES = {
    "record": (
        lambda p: edit(p / "werkvormen" / "leerhuis.yml", "\nsamenvatting: ", "\nsamenvatting: Nu bijgewerkt. "),
        "werkvormen/leerhuis/index.html",
        "Nu bijgewerkt",
    ),
    "toc-title": (
        lambda p: edit(
            p / "mkdocs.yml",
            "permalink_title: Link naar dit deel",
            "permalink_title: Ander\n      title: Op deze pagina",
        ),
        "over/index.html",
        "Op deze pagina",
    ),
    "override": (
        lambda p: (p / "overrides" / "partials" / "copyright.html").write_text(
            '<div class="md-copyright">Aangepast in overrides</div>\n', encoding="utf-8"
        ),
        "over/index.html",
        "Aangepast in overrides",
    ),
    "page": (
        lambda p: edit(
            p / "docs" / "over.md", "\n# Over dit handboek\n", "\n# Over dit handboek\n\nEen nieuwe alinea.\n"
        ),
        "over/index.html",
        "Een nieuwe alinea",
    ),
}


def _pages_showing_a_record() -> int:
    """At most the pages that can show leerhuis's summary: its own, those of the records it relates to, the
    pages generated from every record (catalogue, programme, downloads...) and the proposal form."""
    book = load(ROOT / "werkvormen")
    return 1 + len(book.related(book.get("leerhuis"))) + len(paths.GENERATED) + 1


@pytest.mark.slow
def test_every_rebuild_of_a_preview_equals_a_build_in_a_fresh_process(project: Path, preview_of):
    """One serve process through a changed record, configuration, override and page, in turn."""
    site = project / "site-preview"
    serve = preview_of(project, site)
    ok, log = serve.build()
    assert ok, log
    assert _from_memory(log)[0] == 0
    ok, log = serve.build()  # nothing changed: every conversion from memory
    assert ok, log
    kept, converted = _from_memory(log)
    assert kept > 30 and converted == 0, log
    for name, (change, page, marker) in CHANGES.items():
        change(project)
        ok, log = serve.build()
        assert ok, log
        assert marker in (site / page).read_text(encoding="utf-8"), name
        if name in ("record", "page"):  # only the pages that show it are converted again
            kept, converted = _from_memory(log)
            assert kept > 20 and 0 < converted <= _pages_showing_a_record(), (name, log)
        _same_as_a_fresh_process(project, site, preview_of, name)


@pytest.mark.slow
def test_a_warning_comes_back_on_every_rebuild_and_a_removed_link_target_is_noticed(project: Path, preview_of):
    (project / "docs" / "bijlage.txt").write_text("een bijlage", encoding="utf-8")
    page = project / "docs" / "over.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\nZie de [bijlage](bijlage.txt) en [dit](bestaat-niet.md).\n",
        encoding="utf-8",
    )
    serve = preview_of(project, project / "site-preview")
    for _ in range(2):
        ok, log = serve.build()
        assert ok, log
        assert "bestaat-niet.md" in log  # not kept: the warning is heard again
    edit(page, "[dit](bestaat-niet.md)", "dit")
    ok, log = serve.build()
    assert ok and "bestaat-niet.md" not in log, log
    (project / "docs" / "bijlage.txt").unlink()
    ok, log = serve.build()
    assert "bijlage.txt" in log  # the kept conversion looked that file up: converted again, and warned


@pytest.mark.slow
def test_make_serve_shows_an_edit_on_the_page_and_in_search(project: Path):
    """The real server as `make serve` starts it: an edit reaches the page and the search index."""
    with make_serve(project, HANDBOOK_PDF="records") as url:
        edit(project / "werkvormen" / "leerhuis.yml", "\nsamenvatting: ", "\nsamenvatting: Verdwaalde zebra's. ")
        assert shows(url + "werkvormen/leerhuis/", "Verdwaalde zebra")
        assert shows(url + "search/search_index.json", "Verdwaalde zebra")
        with urllib.request.urlopen(url + "search/search_index.json") as response:
            index = json.loads(response.read())
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "werkvormen/intervisie/" in pages and "over/" in pages


@pytest.mark.slow
def test_make_serve_watches_the_theme_overrides_and_the_records_alike(project: Path):
    """`--watch-theme` (make serve): the engine's watch of overrides/ stays, beside the hooks' werkvormen/."""
    assert "--watch-theme" in serve_command(8000)
    with make_serve(project, HANDBOOK_PDF="0") as url:
        edit(
            project / "overrides" / "main.html",
            '<meta name="referrer"',
            '<meta name="thema" content="Gewijzigd thema">\n  <meta name="referrer"',
        )
        assert shows(url + "over/", "Gewijzigd thema"), "an edit to overrides/ was not rebuilt"
        edit(project / "werkvormen" / "leerhuis.yml", "\nsamenvatting: ", "\nsamenvatting: Bekeken map. ")
        assert shows(url + "werkvormen/leerhuis/", "Bekeken map"), "an edit to werkvormen/ was not rebuilt"


def test_make_serve_rebuilds_the_whole_site():
    """The engine's dirty mode writes only files whose source is newer: generated pages would go stale."""
    assert "--dirty" not in serve_command(8000)


# --- the key and the adapter, in-process -----------------------------------------------------------


def _world(project: Path, versions: str = "v1") -> str:
    from properdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"))
    return cache_hooks.world_key(config, versions)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("world") / "project")
    return project, _world(project)


INPUTS = {
    "toc title (an extension's config)": ("mkdocs.yml", "permalink_title: Link naar dit deel", "permalink_title: Link"),
    "search off (a plugin's config)": ("mkdocs.yml", "  - search:\n", "  - search:\n      enabled: false\n"),
    "theme feature": ("mkdocs.yml", "    - toc.follow\n", ""),
    "extra": ("mkdocs.yml", "generator: false", "generator: true"),
    "a comment in mkdocs.yml": ("mkdocs.yml", "site_name:", "# opmerking\nsite_name:"),
    "override template": ("overrides/main.html", "{% extends", "{# ander #}{% extends"),
    "hook file": ("hooks/handbook_hooks.py", '"""', '"""Anders. '),
}


@pytest.mark.parametrize("name", INPUTS)
def test_the_world_key_changes_with_every_input(tmp_path: Path, pristine, name: str):
    path, old, new = INPUTS[name]
    project = copy_project(tmp_path / "project")
    assert _world(project) == _world(project)  # stable: the same configuration loaded twice
    before = _world(project)
    edit(project / path, old, new)
    assert _world(project) != before


def test_the_world_key_changes_with_any_installed_version(pristine):
    project, before = pristine
    assert _world(project, "v2") != before
    versions = cache_hooks.Preview(True).versions
    assert "mkdocs-material==" in versions and "properdocs==" in versions and "python==" in versions


def test_the_world_key_of_serves_first_build_is_that_of_the_next(tmp_path: Path, monkeypatch):
    """`serve`'s first build has the configuration file's path as given (relative), later ones absolute."""
    from properdocs.config import load_config

    project = copy_project(tmp_path / "project")
    monkeypatch.chdir(project)
    first = cache_hooks.world_key(load_config(config_file="mkdocs.yml"), "v1")
    assert first == _world(project)


def test_a_new_override_file_changes_the_world_key(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    before = _world(project)
    (project / "overrides" / "partials" / "copyright.html").write_text("<div>anders</div>", encoding="utf-8")
    assert _world(project) != before


def test_the_engine_and_theme_adapters_fit_the_pinned_versions():
    """Pinned in requirements.lock, bounded in pyproject.toml: the adapter is written for this engine."""
    assert properdocs16.fits()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"properdocs>=1.6,<1.7"' in pyproject


def test_a_restored_conversion_equals_a_conversion(tmp_path: Path):
    """The adapter against the installed engine: every attribute a conversion sets, kept and put back."""
    from properdocs.config import load_config
    from properdocs.structure.files import get_files
    from properdocs.structure.pages import Page

    project = copy_project(tmp_path / "project")
    (project / "docs" / "doel.md").write_text("# Doel\n\n## Een kop {#kop}\n", encoding="utf-8")
    (project / "docs" / "bron.md").write_text(
        "# Bron\n\n## Eerste\n\nZie [doel](doel.md#kop).\n<a id='los'></a>\n", encoding="utf-8"
    )
    config = load_config(config_file=str(project / "mkdocs.yml"))
    files = get_files(config)
    engine = properdocs16

    def converted() -> Page:
        page = Page(None, files.get_file_from_path("bron.md"), config)
        page.read_source(config)
        engine.convert(page, config, files)
        return page

    original, restored = converted(), Page(None, files.get_file_from_path("bron.md"), config)
    restored.read_source(config)
    assert engine.restore(restored, engine.snapshot(original), files)
    for name in ("content", "title", "present_anchor_ids", "links_to_anchors"):
        assert getattr(restored, name) == getattr(original, name), name
    assert restored.title == "Bron" and "los" in restored.present_anchor_ids
    assert [(i.id, i.title, i.level) for i in restored.toc] == [(i.id, i.title, i.level) for i in original.toc]
    assert restored.links_to_anchors[files.get_file_from_path("doel.md")] == {"kop": "doel.md#kop"}


def test_a_conversion_is_kept_only_when_every_message_could_be_heard():
    engine = logging.getLogger("properdocs")
    level = engine.level
    try:
        engine.setLevel(logging.INFO)
        with cache_hooks.Listening() as heard:
            logging.getLogger("properdocs.structure.pages").warning("kapotte link")
        assert heard.complete and heard.records
        engine.setLevel(logging.ERROR)  # `-q`: warnings are dropped before any handler
        with cache_hooks.Listening() as heard:
            logging.getLogger("properdocs.structure.pages").warning("kapotte link")
        assert not heard.complete
    finally:
        engine.setLevel(level)


def test_only_serve_keeps_anything():
    cache_hooks.on_startup("build", dirty=False)
    assert cache_hooks._preview is None
    cache_hooks.on_startup("serve", dirty=False)
    assert cache_hooks._preview is not None
    cache_hooks.on_startup("build", dirty=False)
