"""`make serve` rebuilds in the engine's dirty mode and writes only what changed (handbook.preview).

Each test runs one preview process that rebuilds after every change, as
`serve --dirty` does, and compares its site folder, file by file, with a
clean build of the same records in another process.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from helpers import PDF_CACHE, make_serve, serve_command, shows

from handbook import preview

pytestmark = pytest.mark.slow

URL = "http://127.0.0.1:8000/"
DRIVER = """
import json, logging, sys, traceback
import properdocs.__main__  # noqa: F401  (the engine's names, as its command line sets them up)
from properdocs.commands.build import build
from properdocs.config import load_config

site, dirty = sys.argv[1], sys.argv[2] == "dirty"
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s")
started = False
for line in sys.stdin:
    config = load_config(config_file="mkdocs.yml", site_dir=site)
    config.site_url = "URL"
    if not started:
        config.plugins.on_startup(command="serve", dirty=dirty)
        started = True
    try:
        build(config, serve_url="URL", dirty=dirty)
        print("KLAAR", flush=True)
    except BaseException:
        traceback.print_exc(file=sys.stdout)
        print("MISLUKT", flush=True)
""".replace("URL", URL)


class Preview:
    """A process that builds `project` into `site` each time it is asked, as `serve` does after a change."""

    def __init__(self, project: Path, site: Path, dirty: bool = True):
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(site), "dirty" if dirty else "clean"],
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
        self.process.stdin.close()
        self.process.wait(60)


@pytest.fixture
def preview_of(project: Path):
    started = []

    def start(site: Path, dirty: bool = True) -> Preview:
        started.append(Preview(project, site, dirty))
        return started[-1]

    yield start
    for process in started:
        process.close()


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _written(log: str) -> int:
    found = re.search(r"Voorbeeld: (\d+) bestanden geschreven", log)
    assert found, log
    return int(found.group(1))


def _same_as_a_clean_build(project: Path, site: Path, preview_of, name: str) -> None:
    clean = preview_of(project / f"site-clean-{name}", dirty=False)
    ok, log = clean.build()
    assert ok, log
    dirty, fresh = _files(site), _files(project / f"site-clean-{name}")
    assert sorted(dirty) == sorted(fresh)
    assert [path for path in fresh if dirty[path] != fresh[path]] == []


def _copy_with_title(source: Path, target: Path, title: str) -> None:
    text = source.read_text(encoding="utf-8")
    target.write_text(re.sub(r"(?m)^titel: .*$", f"titel: {title}", text, count=1), encoding="utf-8")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_sentence_writes_its_pages_only_and_the_site_equals_a_clean_build(project: Path, preview_of):
    site = project / "site-preview"
    serve = preview_of(site)
    ok, log = serve.build()
    assert ok, log
    everything = _written(log)
    assert everything > 60  # the first build writes every page, PDF and generated file
    assert "dirty" not in log  # the engine's warning about dirty builds is not shown: it does not apply here
    before = _files(site)

    ok, log = serve.build()  # nothing changed
    assert ok, log
    assert f"Voorbeeld: 0 bestanden geschreven, {everything} ongewijzigd" in log
    assert _files(site) == before

    _edit(project / "werkvormen" / "leerhuis.yml", "\nsamenvatting: ", "\nsamenvatting: Nu bijgewerkt. ")
    ok, log = serve.build()
    assert ok, log
    written = _written(log)
    assert 1 <= written < 15, log  # its page, the pages that list it, its PDF and form data
    after = _files(site)
    assert "Nu bijgewerkt" in after["werkvormen/leerhuis/index.html"].decode()
    assert "Nu bijgewerkt" in after["search/search_index.json"].decode()
    changed = {path for path in after if before.get(path) != after[path]}
    assert "over/index.html" not in changed
    _same_as_a_clean_build(project, site, preview_of, "sentence")


def test_a_changed_title_a_removed_record_and_a_failed_build_leave_what_a_clean_build_leaves(project: Path, preview_of):
    extra = project / "werkvormen" / "intervisie-in-tweetallen.yml"
    _copy_with_title(project / "werkvormen" / "intervisie.yml", extra, "Intervisie in tweetallen")
    site = project / "site-preview"
    serve = preview_of(site)
    ok, log = serve.build()
    assert ok, log
    everything = _written(log)
    assert "werkvormen/intervisie-in-tweetallen/index.html" in _files(site)

    # a title is in every page's navigation: every page is written again
    _edit(project / "werkvormen" / "leerhuis.yml", "\ntitel: ", "\ntitel: Open ")
    ok, log = serve.build()
    assert ok, log
    assert _written(log) >= everything - 5
    _same_as_a_clean_build(project, site, preview_of, "title")

    # a broken record stops the build; the next good one writes everything, as after a clean
    record = project / "werkvormen" / "intervisie.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\ntitel: ", "\ntitel: [", 1), encoding="utf-8")
    ok, log = serve.build()
    assert not ok
    record.write_text(text, encoding="utf-8")

    # a removed record: its page, PDF and search entries are gone
    extra.unlink()
    ok, log = serve.build()
    assert ok, log
    files = _files(site)
    assert not any("intervisie-in-tweetallen" in path for path in files)
    assert "intervisie-in-tweetallen" not in files["search/search_index.json"].decode()
    _same_as_a_clean_build(project, site, preview_of, "removed")


def test_an_edited_hand_written_page_is_written_again(project: Path, preview_of):
    site = project / "site-preview"
    serve = preview_of(site)
    assert serve.build()[0]
    _edit(
        project / "docs" / "over.md",
        "Dit handboek verzamelt",
        "Een nieuwe alinea over dit handboek.\n\nDit handboek verzamelt",
    )
    ok, log = serve.build()
    assert ok, log
    assert 1 <= _written(log) <= 3
    assert "Een nieuwe alinea" in (site / "over" / "index.html").read_text(encoding="utf-8")
    _same_as_a_clean_build(project, site, preview_of, "docs")


@pytest.mark.parametrize(
    "order, fresh, kept, expected",
    [
        (["a", "b", "c"], {}, {"a": [1], "b": [2], "c": [3]}, [1, 2, 3]),
        (["a", "b", "c"], {"b": [20, 21]}, {"a": [1], "b": [2], "c": [3]}, [1, 20, 21, 3]),
        (["a", "b"], {"b": []}, {"a": [1], "b": [2]}, [1]),  # a page that no longer has entries
        (["b", "a"], {}, {"a": [1], "b": [2], "gone": [9]}, [2, 1]),  # a removed page's entries are left out
    ],
)
def test_search_entries_follow_the_sites_order(order, fresh, kept, expected):
    assert preview.search_entries(preview.entries_by_page(order, fresh, kept)) == expected


def test_a_ledger_fits_only_its_folder_and_key_and_forgets_after_a_failure():
    ledger = preview.Ledger()
    assert not ledger.fits("/site", "k")
    ledger.commit("/site", "k", {"a/index.html": "1"}, {"a.md": [json.dumps("x")]})
    assert ledger.fits("/site", "k")
    assert not ledger.fits("/other", "k") and not ledger.fits("/site", "k2")
    assert ledger.unchanged("a/index.html", "1") and not ledger.unchanged("a/index.html", "2")
    ledger.forget()
    assert not ledger.fits("/site", "k") and not ledger.unchanged("a/index.html", "1")


def test_make_serve_shows_an_edit_on_the_page_and_in_search(project: Path):
    """The real server as `make serve` starts it: an edit reaches the page and the search index."""
    assert "--dirty" in serve_command(8000)
    with make_serve(project, HANDBOOK_PDF="records") as url:
        _edit(project / "werkvormen" / "leerhuis.yml", "\nsamenvatting: ", "\nsamenvatting: Verdwaalde zebra's. ")
        assert shows(url + "werkvormen/leerhuis/", "Verdwaalde zebra")
        assert shows(url + "search/search_index.json", "Verdwaalde zebra")
        with urllib.request.urlopen(url + "search/search_index.json") as response:
            index = json.loads(response.read())
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "werkvormen/intervisie/" in pages and "over/" in pages  # pages not written again are still found
