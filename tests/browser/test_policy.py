"""The Content-Security-Policy on every page: nothing the handbook does breaks it, nothing inline runs."""

from __future__ import annotations

import pytest
from helpers import soup

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


def test_every_page_carries_the_policy_and_no_inline_script(site):
    for path in sorted(site.rglob("*.html")):
        page = soup(path)
        policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None, path
        content = " ".join(policy["content"].split())
        assert "script-src 'self';" in content and "default-src 'self';" in content
        assert "unsafe-inline" not in content and "unsafe-eval" not in content
        first_script = page.find("script")
        assert policy.sourceline < first_script.sourceline, "the policy must come before every script"
        inline = [s for s in page.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert inline == [], (path, str(inline[0])[:120])
        styled = [str(e)[:80] for e in page.select("article [style], article style")]
        assert styled == [], (path, styled[:3])  # style-src 'self': inline styles would be blocked


@pytest.mark.parametrize("width", [360, 1280])
def test_search_filters_and_ticks_work_under_the_policy(context, base_url, width):
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{base_url}/werkvormen/?rol=docent", wait_until="networkidle")
    assert page.locator("[data-hb-werkvorm]:visible, .hb-card:visible, article li:visible").count() > 0
    page.goto(f"{base_url}/werkvormen/leerhuis/", wait_until="networkidle")
    box = page.locator(".hb-steps input[type=checkbox]").nth(1)
    box.click(force=True)
    page.reload()
    assert box.is_checked()  # remembered in localStorage, under the policy
    page.keyboard.press("/")  # Material's shortcut to the search box, at any width
    page.keyboard.type("intervisie")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("window.__violations") == []
