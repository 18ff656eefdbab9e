"""Helpers the tests share: copy the project, build it as an editor would, read the HTML."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "werkvormen")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in the file `path` (`count` times); `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def beside(path: Path) -> Path:
    """`path` in ../shared (the source texts and content tools beside the checkout), which a test needs.

    Missing on a machine without it, the test is skipped; missing in CI (the
    environment variable CI is set; CI always has ../shared), it fails.
    """
    import pytest

    if not path.exists():
        message = f"{path} is not beside this checkout"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI always has ../shared)")
        pytest.skip(message)
    return path


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
EDITORS = "redactie@handboek.example"  # likewise, the editorial team's address (extra.handbook.redactie)
PDF_CACHE = Path(tempfile.mkdtemp(prefix="handbook-pdf-cache-"))  # shared, so unchanged PDFs render once per run


def build_site(project: Path, site: Path | None = None, **env_vars: str) -> subprocess.CompletedProcess:
    """`properdocs build --strict` as `make site` runs it; output captured.

    Extra keyword arguments become environment variables (HANDBOOK_PDF="0", HANDBOOK_CACHE=...).
    """
    site = site or project / "site"
    env = {
        **os.environ,
        "HANDBOOK_CACHE": str(PDF_CACHE),
        "HANDBOOK_SITE_URL": SITE_URL,
        "HANDBOOK_EDIT_URL": EDIT_URL,
        "HANDBOOK_REDACTIE": EDITORS,
        **env_vars,
    }
    return subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"  # `make test` installs it from requirements-zensical.lock


def export_project(project: Path, out: Path, **env_vars: str) -> subprocess.CompletedProcess:
    """`python -m handbook export OUT` of `project`, with the addresses the deploy workflow sets."""
    env = {
        **os.environ,
        "HANDBOOK_CACHE": str(PDF_CACHE),
        "HANDBOOK_SITE_URL": SITE_URL,
        "HANDBOOK_EDIT_URL": EDIT_URL,
        "HANDBOOK_REDACTIE": EDITORS,
        **env_vars,
    }
    return subprocess.run(
        [sys.executable, "-m", "handbook", "export", str(out), "--config", str(project / "mkdocs.yml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def zensical_build(export: Path) -> subprocess.CompletedProcess:
    """`zensical build --strict` of an export's zensical.yml, as `make zensical` runs it."""
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict", "-f", "zensical.yml"],
        cwd=export,
        capture_output=True,
        text=True,
        timeout=300,
    )


def failed_build(project: Path) -> str:
    """Build into an existing site dir; assert it failed cleanly and left that site as it was."""
    site = project / "site"
    site.mkdir()
    (site / "keep.html").write_text("old site")
    result = build_site(project, site, HANDBOOK_PDF="0")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert [p.name for p in site.iterdir()] == ["keep.html"], "the failed build wrote to the site"
    return result.stderr


def refused(project: Path) -> str:
    """What the loader says of the project's records, in-process: the report `check` and the build both print.

    Fails when the records are accepted. Messages are tested this way; a few
    end-to-end tests (`failed_build`) keep the adapter's contract: the build
    stops with the same report and writes nothing.
    """
    from handbook.base.problems import RecordError
    from handbook.site.linkcheck import load

    try:
        load(project / "werkvormen")
    except RecordError as error:
        report = error.report()
        assert "Traceback" not in report
        return report
    raise AssertionError("the records were accepted")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


PAYLOADS = [
    "<script>alert('xss-1')</script>",
    "<img src=x onerror=alert('xss-2')>",
    "<iframe src=\"javascript:alert('xss-3')\"></iframe>",
    "[klik](javascript:alert('xss-4'))",
    "[klik](JaVaScRiPt:alert('xss-5'))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgneHNzLTYnKTwvc2NyaXB0Pg==)",
    "![plaatje](javascript:alert('xss-7'))",
    "tekst {: onclick=\"alert('xss-8')\" }",
    "<a href=\"javascript:alert('xss-9')\">x</a>",
    "\"><svg onload=alert('xss-10')>",
    "[a [b] c](javascript:alert('xss-11'))",
]
FIXED = {
    "verwant",
    "werkvorm",  # verschil_met: a name, not text
    "voor_wie",
    "themas",
    "doelen",
    "url",
    "laatst_herzien",
    "jaar",
    "min",
    "max",
    "genummerd",
    "bron",
    "soort",
    "uit_de_bron",
    "werkvormen",
}  # keys, words from a fixed list, numbers


def inject_payloads(path: Path, server: str = "http://127.0.0.1:9") -> None:
    """Put an attack into every free-text field of a record, keeping it a valid record.

    `server` is a local address that records every request: images and links
    to it must never be fetched, by the build or by a reader's browser.
    """
    import yaml

    from handbook.base.yamlfile import parse

    data = parse(path.read_text(encoding="utf-8")).data
    counter = iter(range(10_000))

    def poison(value, key):
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key not in FIXED:
            payload = PAYLOADS[next(counter) % len(PAYLOADS)]
            if key == "titel":  # breaks out of a quoted attribute or <title> if it is not escaped
                return (value[:30] + " \"></title><svg onload=alert('xss-t')>")[:80]
            if key == "samenvatting":  # likewise, for <meta name="description" content="...">
                return ("\"><img src=x onerror=alert('xss-s')> " + value)[:200]
            return payload + " " + value
        return value

    data = poison(data, None)
    tail = (
        f"\n\n![volg]({server}/pixel.gif) [bron]({server}/link) ![lokaal](file:///etc/hostname)"
        "\n\nZie [deze][ref] en [die][ref2].\n\n[ref]: javascript:alert('xss-12')"
        "\n\n[ref2]:\n    javascript:alert('xss-13')"
    )
    for key in ("wat_is_het", "inleiding"):  # a link reference definition needs a line of its own
        if key in data:
            data[key] += tail
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(first + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def site_markdown(ours: bool = True):
    """Python-Markdown set up as mkdocs.yml sets it up for the site: pages converted in-process, no build.

    `ours=False`: without the handbook.* extensions, as the export configures every engine.
    """
    import markdown
    from mkdocs.utils.yaml import yaml_load

    names, configs = [], {}
    for item in yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if not ours and name.startswith("handbook."):
            continue
        names.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command(port: int) -> list[str]:
    """The engine command `make serve` runs (read from the Makefile), on `port`."""
    import re

    line = re.search(r"\$\(BIN\)/properdocs (serve .*)", (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert line, "no `properdocs serve` in the Makefile"
    arguments = line.group(1).split()
    arguments[arguments.index("--dev-addr") + 1] = f"127.0.0.1:{port}"
    return [sys.executable, "-m", "properdocs", *arguments]


def shows(url: str, text: str, timeout: float = 120) -> bool:
    """Whether `url` answers with `text` in it within `timeout` seconds (asked every 0.1 s)."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


@contextlib.contextmanager
def make_serve(project: Path, **env_vars: str):
    """`make serve`'s server on `project` (on a free port), started and answering; yields its address."""
    port = free_port()
    server = subprocess.Popen(
        serve_command(port),
        cwd=project,
        env={**os.environ, "HANDBOOK_CACHE": str(PDF_CACHE), **env_vars},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        assert shows(url, "</html>"), "make serve did not answer"
        yield url
    finally:
        server.terminate()
        server.wait(30)
