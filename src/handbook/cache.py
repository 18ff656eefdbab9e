"""Content-keyed caches between builds: what the engine would compute again from the same input.

A `Store` keeps JSON values in files named by a key, the SHA-256 of
everything the value is computed from (see `digest`), so an entry is either
the right value or not found. Each file starts with the SHA-256 of its
value; a file that does not match (a crash, a full disk, a hand) is a miss,
never a wrong page. After a build, `prune` keeps the entries of this build
and of the build before it (a preview and `make site` differ in a few pages
and take turns) and removes every other.

A cache that cannot be read or written only costs time. Nothing here knows
MkDocs: the hooks decide what goes into a key and what a value holds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sysconfig
from collections.abc import Iterable
from pathlib import Path

import jinja2

log = logging.getLogger("handbook.cache")  # not MkDocs': a cache that cannot be written must not fail a --strict build
MANIFEST = "index.json"  # the keys of the last two builds
_INSTALLED = Path(sysconfig.get_paths()["purelib"]).resolve()
_LISTINGS: dict[str, list[str]] = {}  # per installed theme folder, its templates: read once per process


def digest(*parts: str | bytes) -> str:
    """The SHA-256 of `parts`, each one delimited so that no two lists of parts give the same bytes."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "big") + data)
    return hashed.hexdigest()


def canonical(value) -> str:
    """`value` (configuration, metadata) as one stable string for a key."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value) -> object:
    """What JSON cannot hold: sets sorted (their order changes from one process to the next), the rest as repr."""
    return sorted(map(str, value)) if isinstance(value, (set, frozenset)) else repr(value)


class Store:
    """JSON values by key in `folder` (None: a store that holds nothing).

    `memory`, a dict that outlives the store (`serve` keeps one per store
    between rebuilds), holds the values of the last build as read, so a
    rebuild does not read and check a file per page again. Values are shared:
    callers must not change them.
    """

    def __init__(self, folder: Path | None, memory: dict | None = None):
        self.folder = folder
        self.memory = memory
        self.used: set[str] = set()
        self.hits = self.misses = 0

    def get(self, key: str):
        """The value stored under `key`, or None when there is none or it is damaged."""
        self.used.add(key)
        if self.memory is not None and key in self.memory:
            self.hits += 1
            return self.memory[key]
        if self.folder is None:
            self.misses += 1
            return None
        try:
            checksum, _, payload = (self.folder / f"{key}.json").read_bytes().partition(b"\n")
            if hashlib.sha256(payload).hexdigest().encode("ascii") == checksum:
                self.hits += 1
                value = json.loads(payload)
                if self.memory is not None:
                    self.memory[key] = value
                return value
        except (OSError, ValueError):
            pass
        self.misses += 1
        return None

    def put(self, key: str, value) -> None:
        self.used.add(key)
        if self.memory is not None:
            self.memory[key] = value
        if self.folder is None:
            return
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write(self.folder / f"{key}.json", hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload)
        except OSError as error:
            log.info(f"cache {self.folder} is niet te schrijven ({error.strerror})")

    def prune(self) -> None:
        """Keep the entries of this build and the one before; remove the rest (from memory: all but this build's)."""
        if self.memory is not None:
            for key in self.memory.keys() - self.used:
                del self.memory[key]
        if self.folder is None or not self.folder.is_dir():
            return
        try:
            previous = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            previous = set(previous) if isinstance(previous, list) else set()
        except (OSError, ValueError):
            previous = set()
        keep = self.used | previous
        try:
            for entry in self.folder.iterdir():
                if entry.suffix == ".json" and entry.name != MANIFEST and entry.stem not in keep:
                    entry.unlink()
            _write(self.folder / MANIFEST, json.dumps(sorted(self.used)).encode("ascii"))
        except OSError as error:
            log.info(f"cache {self.folder} is niet op te ruimen ({error.strerror})")


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def templates(folder: Path) -> jinja2.BytecodeCache:
    """Compiled templates kept between builds (Jinja checks each against its source)."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def installed(folder: str) -> bool:
    """Whether `folder` is part of an installed package (a theme), which does not change while we run."""
    return Path(folder).resolve().is_relative_to(_INSTALLED)


def list_templates(dirs: Iterable[str]) -> list[str]:
    """What `jinja2.FileSystemLoader(dirs).list_templates()` returns, with installed themes read once.

    Material's folder holds thousands of icons; walking it (and MkDocs
    matching every name against its patterns) took a tenth of a rebuild of
    `serve`. An installed package does not change while the process runs,
    and MkDocs leaves its hidden folders out of the site, so they are not
    listed; the project's own overrides are read every time.
    """
    found: set[str] = set()
    for folder in dirs:
        listing = _LISTINGS.get(folder) if installed(folder) else None
        if listing is None:
            listing = jinja2.FileSystemLoader([folder]).list_templates()
            if installed(folder):  # MkDocs leaves out hidden folders (Material's .icons) anyway
                listing = _LISTINGS[folder] = [name for name in listing if "/." not in f"/{name}"]
        found.update(listing)
    return sorted(found)
