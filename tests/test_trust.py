"""Builds you can trust: whatever an earlier build left behind, a build makes what a clean one makes.

Each test changes one input that the output depends on (the configuration,
an override template, a hook file, a page with a broken link) after a build
has run, then builds again and compares every file with a build from a
fresh copy of the project that never saw the first input. Issue #23 found
four ways the old persisted page caches served a stale page or let a broken
link through; each has a test here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import build_site, copy_project, edit

pytestmark = pytest.mark.slow


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _toc_title(project: Path) -> None:
    edit(
        project / "mkdocs.yml",
        "permalink_title: Link naar dit deel",
        "permalink_title: Link naar dit deel\n      title: Op deze pagina",
    )


def _search_off(project: Path) -> None:
    edit(project / "mkdocs.yml", "  - search:\n      lang: nl", "  - search:\n      enabled: false\n      lang: nl")


def _override(project: Path) -> None:
    edit(project / "overrides" / "main.html", "{% extends", "{# Aangepast sjabloon #}\n{% extends")
    (project / "overrides" / "partials" / "copyright.html").write_text(
        '<div class="md-copyright">Aangepast in overrides</div>\n', encoding="utf-8"
    )


def _hook(project: Path) -> None:
    with (project / "hooks" / "handbook_hooks.py").open("a", encoding="utf-8") as hooks:
        hooks.write(
            '\n\ndef on_page_markdown(markdown, page, config, files):\n    return markdown + "\\n\\nDoor de hook.\\n"\n'
        )


def _extra(project: Path) -> None:
    edit(project / "mkdocs.yml", "site_author: Het team", "site_author: Een ander team")


MUTATIONS = {
    "toc-title": (_toc_title, "Op deze pagina", "over/index.html"),  # issue #23, case 1
    "search-off": (_search_off, None, "over/index.html"),  # case 2: the search box must go
    "override": (_override, "Aangepast in overrides", "over/index.html"),
    "hook": (_hook, "Door de hook.", "over/index.html"),
    "site-author": (_extra, "Een ander team", "index.html"),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_a_build_after_a_changed_input_equals_a_build_that_never_saw_the_old_one(tmp_path: Path, name: str):
    mutate, marker, page = MUTATIONS[name]
    project = copy_project(tmp_path / "project")
    first = build_site(project, project / "site-first", HANDBOOK_PDF="records")
    assert first.returncode == 0, first.stderr
    mutate(project)
    warm = build_site(project, project / "site-warm", HANDBOOK_PDF="records")
    assert warm.returncode == 0, warm.stderr

    fresh = copy_project(tmp_path / "fresh")
    mutate(fresh)
    shutil.rmtree(fresh / ".cache", ignore_errors=True)
    cold = build_site(fresh, fresh / "site-cold", HANDBOOK_PDF="records")
    assert cold.returncode == 0, cold.stderr

    warm_files, cold_files = _files(project / "site-warm"), _files(fresh / "site-cold")
    shown = warm_files[page].decode()
    if marker is None:
        assert 'data-md-component="search"' in _files(project / "site-first")[page].decode()
        assert 'data-md-component="search"' not in shown
    else:
        assert marker in shown
    assert sorted(warm_files) == sorted(cold_files)
    assert [path for path in cold_files if warm_files[path] != cold_files[path]] == []


def test_a_reverted_toc_title_is_gone_again(project: Path):
    """Case 1 the other way round: both configurations once shared one key, so the old title came back."""
    mkdocs = project / "mkdocs.yml"
    original = mkdocs.read_text(encoding="utf-8")
    _toc_title(project)
    assert build_site(project, HANDBOOK_PDF="0").returncode == 0
    mkdocs.write_text(original, encoding="utf-8")
    again = build_site(project, HANDBOOK_PDF="0")
    assert again.returncode == 0, again.stderr
    assert "Op deze pagina" not in (project / "site" / "over" / "index.html").read_text(encoding="utf-8")


def _properdocs(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", *arguments],
        cwd=project,
        env={**__import__("os").environ, "HANDBOOK_PDF": "0"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("first", [("-q",), (), ("--strict",)])
def test_strict_fails_on_a_broken_link_whatever_an_earlier_build_left(project: Path, first: tuple[str, ...]):
    """Case 3: a quiet build once kept the conversion without its warning, and `--strict` then passed."""
    page = project / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [de bijlage](bestaat-niet.md).\n", encoding="utf-8")
    _properdocs(project, *first)
    strict = _properdocs(project, "--strict")
    assert strict.returncode != 0, strict.stderr
    assert "bestaat-niet.md" in strict.stderr
