"""Keys for what may be reused: the SHA-256 of everything a value is computed from.

Nothing here knows MkDocs: the hooks (hooks/cache_hooks.py) decide what
goes into a key, and `handbook.printing.pdfs` keys its PDFs the same way.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sysconfig
from importlib.metadata import distributions
from pathlib import Path

_INSTALLED = Path(sysconfig.get_paths()["purelib"]).resolve()


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of `parts`, each one delimited so that no two lists of parts give the same bytes."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def canonical(value) -> str:
    """`value` (configuration, metadata) as one stable string for a key."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_json_default)


def _json_default(value) -> object:
    """What JSON cannot hold: sets sorted (their order changes from one process to the next), the rest as repr."""
    return sorted(map(str, value)) if isinstance(value, (set, frozenset)) else repr(value)


def installed(folder: str) -> bool:
    """Whether `folder` is part of an installed package (a theme), which `installed_versions` covers."""
    return Path(folder).resolve().is_relative_to(_INSTALLED)


def installed_versions() -> str:
    """Python's version and every installed distribution with its version, as one string for a key."""
    found = sorted({f"{dist.metadata['Name']}=={dist.version}" for dist in distributions()})
    return "\n".join([f"python=={platform.python_version()}", *found])


def folder_digest(folder: Path) -> str:
    """Every file under `folder`, by its path in it and its bytes."""
    return digest(
        *(
            f"{path.relative_to(folder).as_posix()}\0{digest(path.read_bytes())}"
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        )
    )
