"""Advice for editors: things that do not stop the build but make the handbook worse.

Only `check` gives them, as warnings that do not change its exit code; the
build leaves them out, so a long sentence never fails a --strict build or
blocks a pull request (and the build stays fast).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .collection import Handbook
from .crosschecks import locate
from .model import MAX_SENTENCE_WORDS, Checklist
from .problems import Problem
from .vocabulary import TERMS

STALE_AFTER = dt.timedelta(days=2 * 365)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
_TERMS = [(re.compile(rf"\b(?:{variant})\b", re.IGNORECASE), word, why) for variant, (word, why) in TERMS.items()]


def advise(handbook: Handbook, today: dt.date) -> list[Problem]:
    """Every warning for every record."""
    found = []
    for entry in handbook.entries:
        record = entry.record
        for path, found_word, word, why in _variants(record.model_dump(exclude={"ook_bekend_als"}), ()):
            found.append(
                locate(entry, path, f"'{found_word}': schrijf '{word}' ({why}); zie de schrijfwijzer", warning=True)
            )
        for path, sentence in _long_sentences(record.model_dump(), ()):
            words = len(sentence.split())
            found.append(
                locate(
                    entry,
                    path,
                    f"een zin van {words} woorden is lastig te lezen (B1: hoogstens {MAX_SENTENCE_WORDS}): "
                    f'"{_start(sentence)}"',
                    warning=True,
                )
            )
        folder = entry.source.split("/")[0]  # werkvormen
        for i, new in enumerate(record.nieuwe_bronnen):
            found.append(
                locate(
                    entry,
                    ("nieuwe_bronnen", i, "sleutel"),
                    f"deze bron krijgt een eigen bestand: de redactie zet hem met `make bronnen-apart` in "
                    f"{folder}/bronnen/{new.sleutel}.yml",
                    warning=True,
                )
            )
        if today - record.laatst_herzien > STALE_AFTER:
            found.append(
                locate(
                    entry,
                    ("laatst_herzien",),
                    f"de tekst is sinds {record.laatst_herzien} niet "
                    "meer nagekeken; kijk of hij nog klopt en zet de datum van vandaag",
                    warning=True,
                )
            )
        if not isinstance(record, Checklist) and not any(not other.is_checklist for other in handbook.related(entry)):
            found.append(
                locate(entry, ("verwant",), "noemt geen verwante werkvorm; noem er minstens twee", warning=True)
            )
    return sorted(found)


def _long_sentences(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        for sentence in _SENTENCE.findall(value):
            if len(sentence.split()) > MAX_SENTENCE_WORDS:
                yield path, sentence.strip()
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _long_sentences(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _long_sentences(item, path + (i,))


def _variants(value: object, path: tuple) -> Iterator[tuple[tuple, str, str, str]]:
    """(path, the variant as written, the preferred word, why) for every known variant of a term."""
    if isinstance(value, str):
        for pattern, word, why in _TERMS:
            for match in pattern.finditer(value):
                yield path, match.group(0), word, why
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _variants(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _variants(item, path + (i,))


def _start(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
