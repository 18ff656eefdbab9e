"""Shared fixtures: a copy of the project in a temporary directory, and the real handbook built once."""

from __future__ import annotations

import http.server
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import properdocs.replacement  # noqa: F401  (mkdocs.* is ProperDocs here too, as in the engine; before any hook)
import pytest
from helpers import ROOT, ZENSICAL, build_site, copy_project, export_project, inject_payloads, zensical_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once from the real records."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory) -> Path:
    """The real handbook exported and built by Zensical, as `make zensical` does."""
    if not ZENSICAL.exists():
        pytest.fail("Zensical is missing: `make test` installs it in .venv-zensical (requirements-zensical.lock)")
    out = tmp_path_factory.mktemp("zensical") / "export"
    exported = export_project(ROOT, out)
    assert exported.returncode == 0, exported.stderr
    built = zensical_build(out)
    assert built.returncode == 0, built.stdout + built.stderr
    return out / "site"


class Recorder(http.server.BaseHTTPRequestHandler):
    """A local host that notes every request made to it."""

    seen: list[str] = []

    def do_GET(self):
        Recorder.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def recorder() -> Iterator[tuple[str, list[str]]]:
    """The address of a local HTTP server, and the requests it received."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Recorder.seen
    server.shutdown()


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory, recorder) -> Path:
    """The handbook built after an attacker put script into every text field of a werkvorm and a checklist."""
    project = copy_project(tmp_path_factory.mktemp("payload") / "project")
    for record in (
        "werkvormen/leerhuis.yml",
        "werkvormen/checklists/leernetwerk-gaande-houden.yml",
        "werkvormen/bronnen/artikel-samen-werken-samen-leren.yml",
    ):
        inject_payloads(project / record, recorder[0])
    # `check` refuses an address that no source gives (provenance); here a source gives the attacker's,
    # so that what is tested is the next line: nothing on a page or in a PDF fetches them
    given = project / "werkvormen" / "bronnen" / "tips-leernetwerken-jeugdzorg.yml"
    addresses = f"  <{recorder[0]}/pixel.gif> <{recorder[0]}/link>\n"
    given.write_text(given.read_text(encoding="utf-8") + addresses, encoding="utf-8")
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert recorder[1] == [], "the build fetched an address from a record"
    return project / "site"


# Tests that use a built site are slow, and those in tests/browser/ drive Chromium: marked here once,
# so that `make test-fast` (pytest -m "not slow and not browser") needs no marker in every file.
SLOW_FIXTURES = {"site", "payload_site", "zensical_site", "base_url", "payload_url"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        elif SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)


class _Refused(subprocess.Popen):
    def __init__(self, args, *rest, **kwargs):
        words = [str(arg).rsplit("/", 1)[-1] for arg in (args if isinstance(args, (list, tuple)) else [args])]
        if {"properdocs", "mkdocs", "zensical"} & set(words):
            raise AssertionError("a test outside the slow tier started a site build: mark it slow")
        super().__init__(args, *rest, **kwargs)


@pytest.fixture(autouse=True)
def _the_fast_tier_builds_nothing(request, monkeypatch):
    """`make test-fast` promises no site build and no PDF: a test that makes one without the mark fails here."""
    if request.node.get_closest_marker("slow") or request.node.get_closest_marker("browser"):
        return
    from properdocs.commands import build as engine_build

    from handbook.printing import pdfs

    def refuse(what: str):
        def refused(*args, **kwargs):
            raise AssertionError(f"a test outside the slow tier {what}: mark it slow")

        return refused

    monkeypatch.setattr(subprocess, "Popen", _Refused)  # a build started as a process
    # a build in this process: `build` itself, and each page it builds (reached however `build` was imported)
    monkeypatch.setattr(engine_build, "build", refuse("started a site build"))
    monkeypatch.setattr(engine_build, "_build_page", refuse("started a site build"))
    monkeypatch.setattr(pdfs, "_render", refuse("rendered a PDF"))
