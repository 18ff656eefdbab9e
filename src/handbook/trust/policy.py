"""Every HTML file the site publishes carries the Content-Security-Policy, before anything it governs.

The policy itself is written once, in `overrides/partials/policy.html`, which
every page of the theme includes first in its head. A file that reaches the
site another way (a template the theme offers, a plugin's page, a file of
docs/ that slipped through) would run its script on the site's origin without
it: after the build, `enforce` walks the site and puts the policy at the top
of the head of every HTML file that lacks it there (the hooks warn, so a
`--strict` build fails and someone looks).
"""

from __future__ import annotations

import re
from pathlib import Path

_POLICY = re.compile(r"<meta\s[^>]*http-equiv\s*=\s*[\"']?content-security-policy", re.IGNORECASE)
# what the policy must come before: anything that runs, loads, sends or redirects, and the title
_GOVERNED = re.compile(
    r"<(?:script|link|style|base|meta\s[^>]*http-equiv|title|form|iframe|img|object|embed|svg|body)\b", re.IGNORECASE
)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_DOCTYPE = re.compile(r"\A\s*<!doctype[^>]*>", re.IGNORECASE)


def carries(html: str) -> bool:
    """Whether the page's policy stands before everything it governs."""
    policy = _POLICY.search(html)
    if policy is None:
        return False
    governed = [m for m in _GOVERNED.finditer(html, 0, policy.start()) if not _POLICY.match(html, m.start())]
    return not governed


def with_policy(html: str, meta: str) -> str:
    """`html` with `meta` (the policy's tag) first in its head, or first in the file when it has no head."""
    head = _HEAD.search(html)
    if head is not None and not _GOVERNED.search(html, 0, head.start()):
        return html[: head.end()] + meta + html[head.end() :]
    doctype = _DOCTYPE.match(html)
    at = doctype.end() if doctype else 0
    return html[:at] + meta + html[at:]


def enforce(site_dir: Path, meta: str) -> list[str]:
    """Put the policy into every .html file under `site_dir` that does not carry it; the files changed."""
    fixed = []
    for path in sorted(Path(site_dir).rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".xhtml") or not path.is_file():
            continue
        html = path.read_text(encoding="utf-8", errors="surrogateescape")
        if not carries(html):
            path.write_text(with_policy(html, meta), encoding="utf-8", errors="surrogateescape")
            fixed.append(path.relative_to(site_dir).as_posix())
    return fixed
