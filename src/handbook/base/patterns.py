"""The text patterns the model checks, each with the Dutch rule an editor reads when a value breaks it.

One place for both: the model validates with the pattern, and the loader's
messages and the schema's patternErrorMessage say the rule that belongs to it.
"""

from __future__ import annotations

import re

# For the JSON schema (ECMA-262) and pydantic. In Python's `re`, `$` also matches before a final "\n":
# never validate a name with re.match/re.search on these; use `is_slug` (fullmatch).
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LINE = r"^[^\n]*$"
# a valid ECMA-262 (unicode) regular expression too, for editors' tools: no escaped quotes or backticks
URL = "^(https?://|mailto:)[^\\s<>\"'`\\\\{}|^]+$"

RULES = {
    SLUG: "is geen geldige naam: alleen kleine letters, cijfers en streepjes",
    LINE: "moet op één regel passen",
    URL: "is geen veilig webadres; begin met https://, http:// of mailto: "
    "en gebruik geen spaties, aanhalingstekens of < >",
}


def rule(pattern: str) -> str:
    """The Dutch rule for one of the patterns above."""
    return RULES[pattern]


_SLUG_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# names Windows gives to devices: a file werkvormen/bronnen/con.yml cannot be checked out there
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in range(10)} | {f"lpt{n}" for n in range(10)}
)
RESERVED_RULE = "is een naam die Windows voor een apparaat gebruikt (zoals con, nul, aux); kies een andere naam"


def is_slug(name: str) -> bool:
    """Whether `name`, all of it, is a slug: lower case letters, digits and single hyphens, nothing else."""
    return _SLUG_NAME.fullmatch(name) is not None


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a file name in werkvormen/ (a record, checklist or source), in Dutch; None if it can."""
    if not is_slug(name):
        return RULES[SLUG]
    if name in WINDOWS_RESERVED:
        return RESERVED_RULE
    return None
