"""The built site served on localhost, and Debian's Chromium driven by Playwright.

Every request a page makes is recorded; a test fails when any of them goes to
another host (AVG: nothing leaves the reader's device).
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path):
    """Serve a built site on a free port of 127.0.0.1; yields its address."""
    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(site):
    yield from serve(site)


@pytest.fixture(scope="session")
def zensical_url(zensical_site):
    yield from serve(zensical_site)


@pytest.fixture(scope="session")
def payload_url(payload_site):
    yield from serve(payload_site)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def requests_made():
    return []


@pytest.fixture
def context(browser, requests_made):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.on("request", lambda request: requests_made.append(request.url))
    yield context
    cookies = context.cookies()
    context.close()
    assert cookies == [], "the site set cookies"
    elsewhere = [
        url
        for url in requests_made
        if urlparse(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:"))
    ]
    assert elsewhere == [], "requests to other hosts"


@pytest.fixture
def page(context):
    page = context.new_page()
    errors, dialogs = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert dialogs == [], "a script from a record ran (alert)"
    assert errors == [], "script errors on the page"
