"""`make serve` reloads the reader's page after an edit, under the site's Content-Security-Policy.

The engine injects its reload script inline, which the policy refuses;
hooks/livereload.js does the same from a file. This drives the real server,
started as the Makefile starts it, and a real browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_serve


@pytest.fixture
def preview(project: Path):
    with make_serve(project, HANDBOOK_PDF="0") as url:
        yield url


def test_an_edited_record_appears_without_reloading_by_hand(preview: str, project: Path, context):
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if message.type == "error" else None)
    page.goto(preview + "werkvormen/leerhuis/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # the reload script has asked the server its question
    record = project / "werkvormen" / "leerhuis.yml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\nsamenvatting: ", "\nsamenvatting: Zeven zingende zwanen. ", 1), encoding="utf-8")
    page.get_by_text("Zeven zingende zwanen").first.wait_for(timeout=60_000)  # no eval: the policy refuses it
    # the only refusal is the engine's inline script, which the file above stands in for
    assert all("inline script" in message for message in refused), refused


def test_the_published_site_has_no_reload_script(site: Path):
    assert not (site / "assets" / "javascripts" / "livereload.js").exists()
    assert "livereload" not in (site / "werkvormen" / "leerhuis" / "index.html").read_text(encoding="utf-8")


def test_a_broken_save_shows_its_problems_in_the_open_page_and_the_server_keeps_answering(
    preview: str, project: Path, context
):
    """The editor looks at the browser, not the terminal: a failed rebuild shows check's Dutch problems over
    the last good page, a reload answers at once (the engine used to hang it), and a fix clears them."""
    import time
    import urllib.request

    page = context.new_page()
    page.goto(preview + "werkvormen/leerhuis/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    record = project / "werkvormen" / "leerhuis.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("\nsoort: ", "\nsoortt: ", 1), encoding="utf-8")
    overlay = page.get_by_role("alert").filter(has_text="De site is niet bijgewerkt")
    overlay.wait_for(timeout=60_000)
    assert "werkvormen/leerhuis.yml:" in overlay.inner_text()
    assert "onbekend veld 'soortt'; bedoel je 'soort'?" in overlay.inner_text()
    assert "appear stuck" not in overlay.inner_text()
    started = time.monotonic()
    with urllib.request.urlopen(preview + "werkvormen/leerhuis/", timeout=10) as answer:  # the last good page
        assert answer.status == 200 and "Leerhuis" in answer.read().decode("utf-8")
    assert time.monotonic() - started < 5
    record.write_text(good, encoding="utf-8")
    overlay.wait_for(state="detached", timeout=60_000)  # a good build reloads the page, without the problems
    assert page.get_by_role("alert").filter(has_text="De site is niet bijgewerkt").count() == 0
