"""The page "Werkvorm voorstellen": a form built in the browser from the record's JSON Schema.

Python gives the page what only it knows: the schema (from the model), the
Dutch messages (from `messages`), where GitHub's editor is (from
HANDBOOK_EDIT_URL) and each werkvorm's data, to open it in the form. The
browser script (docs/assets/javascripts/voorstellen.js) builds the fields from
the schema, so the form follows every change to the model.
"""

from __future__ import annotations

import html
import json

from . import messages, patterns, schema
from .collection import Handbook
from .model import Werkvorm

PAGE = "voorstellen.md"
DATA = "formulier"  # formulier/SLUG.json: a werkvorm's data, fetched only when an editor opens it in the form
MODELINE = "# yaml-language-server: $schema=../schema/werkvorm.schema.json"


def texts() -> dict[str, str]:
    """The Dutch messages the form shows; the same sentences `check` prints ({n}: a number)."""
    return {
        "missing": messages.plain("missing"),
        "empty": "is leeg",
        "too_short": "is te kort (minstens {n} tekens)",
        "too_long": "is te lang: {len} tekens, de grens is {n}",
        "few_items": "moet minstens {n} items hebben",
        "no_items": "mag niet leeg zijn",
        "int": messages.plain("int_type"),
        "minimum": "moet minstens {n} zijn",
        "maximum": "moet hoogstens {n} zijn",
        "date": messages.plain("date_type"),
        "one_line": messages.pattern_rule(patterns.LINE),
    }


def repository(edit_url: str | None) -> dict[str, str] | None:
    """GitHub's addresses, from the web editor's (https://github.com/OWNER/REPO/edit/BRANCH/)."""
    if not edit_url or "/edit/" not in edit_url:
        return None
    repo, branch = edit_url.rstrip("/").split("/edit/", 1)
    return {
        "repo": repo,
        "branch": branch,
        "new": f"{repo}/new/{branch}/werkvormen",
        "edit": f"{repo}/edit/{branch}/werkvormen/",
        "issues": f"{repo}/issues/new/choose",
        "pulls": f"{repo}/pulls/@me",
        "signup": "https://github.com/signup",
    }


def form_schema(handbook: Handbook) -> dict:
    """The werkvorm schema, with the records and sources that exist as the choices (as the published schema)."""
    return schema.schema_for(Werkvorm, schema.Choices.of(handbook))


def attributes(edit_url: str | None, handbook: Handbook) -> str:
    """The form's data- attributes, HTML-escaped: the page holds them, no request is needed to build the form."""
    links = repository(edit_url) or {}
    values = {
        "schema": json.dumps(form_schema(handbook), ensure_ascii=False),
        "texts": json.dumps(texts(), ensure_ascii=False),
        "modeline": MODELINE,
        "data": DATA,
        "new": links.get("new", ""),
        "edit": links.get("edit", ""),
    }
    return " ".join(f'data-{key}="{html.escape(value, quote=True)}"' for key, value in values.items())


def data_files(handbook: Handbook) -> dict[str, bytes]:
    """formulier/SLUG.json for each werkvorm: what the form fills in when an editor opens that werkvorm."""
    return {
        f"{DATA}/{entry.slug}.json": json.dumps(
            entry.record.model_dump(mode="json", exclude_none=True), ensure_ascii=False
        ).encode("utf-8")
        for entry in handbook.werkvormen
    }
