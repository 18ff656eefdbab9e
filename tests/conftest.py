"""Shared fixtures: a copy of the project in a temporary directory, and the real handbook built once."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import build, copy_project, inject_payloads


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once from the real records."""
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


class Recorder(http.server.BaseHTTPRequestHandler):
    """A local host that notes every request made to it."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
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
    for record in ("werkvormen/leerhuis.yml", "werkvormen/checklists/leernetwerk-gaande-houden.yml"):
        inject_payloads(project / record, recorder[0])
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert recorder[1] == [], "the build fetched an address from a record"
    return project / "site"
