"""The trust line: what a content pull request may change, and what needs a maintainer's eye.

Content is checked by `check` and the build as untrusted input (records, the
hand-written pages, pictures): an editor may change it, and a reviewer reads
it for its text. Everything else is code: it runs in CI with the checkout's
token, in every reader's browser, or decides what the build lets through
(hooks, overrides, scripts and styles, the package, workflows, the
configuration, tests). `.github/CODEOWNERS` asks a maintainer's review for
code, and the check job names every code file a pull request changes in its
summary. `CONTENT` is the one list; a test keeps CODEOWNERS in step with it.

`schema/*.json` counts as content: `make check` rewrites its lists of werkvormen
and sources whenever a record is added, and an editor commits them with the
record. Its rules are the model's: `check --github` (CI) refuses a schema file
that differs from the generated one in anything but those lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# patterns as CODEOWNERS writes them: from the repository's root, * within a folder, ** across folders
CONTENT = (
    "/werkvormen/**",
    "/docs/*.md",
    "/docs/**/*.png",
    "/docs/**/*.jpg",
    "/docs/**/*.jpeg",
    "/docs/**/*.gif",
    "/docs/**/*.webp",
    "/src/handbook/synoniemen.yml",
    "/schema/*.json",
)


@cache
def _pattern(glob: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*/|\*\*|\*)", glob.lstrip("/"))
    regex = "".join({"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*"}.get(part, re.escape(part)) for part in parts)
    return re.compile(regex)


def matches(glob: str, path: str) -> bool:
    """Whether a CODEOWNERS-style pattern matches a path in the repository (a folder pattern ends in /)."""
    if glob.endswith("/"):
        return path.startswith(glob.lstrip("/"))
    return bool(_pattern(glob).fullmatch(path))


def is_content(path: str) -> bool:
    return any(matches(glob, path) for glob in CONTENT)


def code_files(paths: Iterable[str]) -> list[str]:
    """The changed files that are code, not content: each needs a maintainer's review."""
    return sorted({path for path in (p.strip() for p in paths) if path and not is_content(path)})


def summary(paths: Iterable[str]) -> str:
    """The job summary's part on what a pull request changes beyond content (Markdown, paths quoted)."""
    from handbook.base.problems import plain

    code = code_files(paths)
    if not code:
        return "## Alleen inhoud\n\nDeze pull request verandert alleen records, pagina's en afbeeldingen.\n"
    listed = "\n".join(f"- `{plain(path).replace('`', '')}`" for path in code)
    return (
        "## Een onderhouder moet meekijken\n\n"
        "Deze pull request verandert code (hooks, sjablonen, scripts, de workflow of de instellingen). "
        "Code draait in CI en in de browser van elke lezer; een onderhouder leest elke regel na "
        "(README, Security):\n\n" + listed + "\n"
    )
