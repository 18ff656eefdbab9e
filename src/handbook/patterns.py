"""The text patterns the model checks, each with the Dutch rule an editor reads when a value breaks it.

One place for both: the model validates with the pattern, and the loader's
messages and the schema's patternErrorMessage say the rule that belongs to it.
"""

from __future__ import annotations

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
