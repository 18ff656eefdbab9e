"""Helpers the tests share: copy the project, build it as an editor would, read the HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "werkvormen")


def copy_project(target: Path) -> Path:
    """The parts of the project a build reads, copied so a test may change them."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


SITE_URL = "https://handboek.example/"  # stands in for the address the deploy workflow sets
EDIT_URL = "https://github.com/voorbeeld/handboek/edit/main/"  # likewise, the repository's web editor
PDF_CACHE = Path(tempfile.mkdtemp(prefix="handbook-pdf-cache-"))  # shared, so unchanged PDFs render once per run


def build(project: Path, site: Path | None = None, **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as an editor would run it; output captured.

    Extra keyword arguments become environment variables (HANDBOOK_PDF="0", HANDBOOK_CACHE=...).
    """
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_CACHE": str(PDF_CACHE),
           "HANDBOOK_SITE_URL": SITE_URL, "HANDBOOK_EDIT_URL": EDIT_URL, **env_vars}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
