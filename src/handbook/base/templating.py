"""The Jinja environment every template of the package starts from: the package's `templates/` folder,
an unknown name an error (never an empty string), and block tags that leave no blank lines behind.

Each caller adds its own filters and globals; what differs is only whether values are escaped (HTML)
or written as they are (Markdown and YAML, whose values go through their own filters).
"""

from __future__ import annotations

import jinja2


def environment(*, autoescape: bool, keep_trailing_newline: bool) -> jinja2.Environment:
    """A fresh environment on the package's templates; the caller owns (and may cache) it."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("handbook", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        autoescape=autoescape,
    )
