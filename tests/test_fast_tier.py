"""The fast tier's guard (conftest.py) stops a site build however it is started: as a process or in this one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from properdocs.commands.build import build as imported_before_the_guard


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Een\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Klein\ntheme:\n  name: material\n", encoding="utf-8")
    return tmp_path


def test_a_build_started_as_a_process_fails_the_fast_tier(tiny: Path):
    with pytest.raises(AssertionError, match="slow tier started a site build"):
        subprocess.run([sys.executable, "-m", "properdocs", "build"], cwd=tiny, check=False)


def test_a_build_in_this_process_fails_the_fast_tier(tiny: Path):
    from properdocs.commands import build
    from properdocs.config import load_config

    with pytest.raises(AssertionError, match="slow tier started a site build"):
        build.build(load_config(config_file=str(tiny / "mkdocs.yml")))


def test_a_build_imported_before_the_guard_fails_too(tiny: Path):
    """`from properdocs.commands.build import build` at import time: each page it builds is stopped."""
    from properdocs.config import load_config

    with pytest.raises(AssertionError, match="slow tier started a site build"):
        imported_before_the_guard(load_config(config_file=str(tiny / "mkdocs.yml")))
