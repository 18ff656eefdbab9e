"""Shared fixtures: a copy of the project in a temporary directory, and the real handbook built once."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory) -> Path:
    """The handbook built after an attacker put script into every text field of a werkvorm and a checklist."""
    project = copy_project(tmp_path_factory.mktemp("payload") / "project")
    for record in ("werkvormen/leerhuis.yml", "werkvormen/checklists/leernetwerk-gaande-houden.yml",
                   "werkvormen/bronnen/artikel-samen-werken-samen-leren.yml"):
        inject_payloads(project / record)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"
