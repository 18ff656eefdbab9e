"""Advice for editors: things that do not stop the build but make the handbook worse.

Only `check` gives them, as warnings that do not change its exit code; the
build leaves them out, so a long sentence never fails a --strict build or
blocks a pull request (and the build stays fast).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from handbook.base.problems import Problem
from handbook.base.vocabulary import TERMS
from handbook.records import text
from handbook.records.collection import Handbook
from handbook.records.crosschecks import locate
from handbook.records.model import MAX_SENTENCE_WORDS, Checklist

STALE_AFTER = dt.timedelta(days=2 * 365)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# A variant as a whole word (\b: no letter, digit or _ on either side); the form reads `terms()` the same way
_TERMS = [(re.compile(rf"\b(?:{variant})\b", re.IGNORECASE), word, why) for variant, (word, why) in TERMS.items()]
# The advice as `check` and the form say it ({…}: filled in by each)
TERM_ADVICE = "'{found}': schrijf '{word}' ({why}); zie de schrijfwijzer"
SENTENCE_ADVICE = 'een zin van {n} woorden is lastig te lezen (B1: hoogstens {max}): "{start}"'
START_WORDS = 8  # a long sentence is named by its first words


def advise(handbook: Handbook, today: dt.date) -> list[Problem]:
    """Every warning for every record."""
    found = []
    for entry in handbook.entries:
        record = entry.record
        for path, found_word, word, why in _variants(record.model_dump(exclude={"ook_bekend_als"}), ()):
            message = TERM_ADVICE.format(found=found_word, word=word, why=why)
            found.append(locate(entry, path, message, warning=True))
        for path, sentence in _long_sentences(record.model_dump(), ()):
            message = SENTENCE_ADVICE.format(n=len(sentence.split()), max=MAX_SENTENCE_WORDS, start=_start(sentence))
            found.append(locate(entry, path, message, warning=True))
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
                locate(entry, ("verwant",), "noemt geen verwante werkvorm; noem er minstens één", warning=True)
            )
    return sorted(found)


def terms() -> list[list[str]]:
    """[variant pattern, preferred word, why] for every term, as the form applies them (with \\b, ignoring case)."""
    return [[variant, word, why] for variant, (word, why) in TERMS.items()]


def _long_sentences(value: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    for where, found in text.strings(value, path):
        for sentence in _SENTENCE.findall(found):
            if len(sentence.split()) > MAX_SENTENCE_WORDS:
                yield where, sentence.strip()


def _variants(value: object, path: tuple) -> Iterator[tuple[tuple, str, str, str]]:
    """(path, the variant as written, the preferred word, why) for every known variant of a term."""
    for where, found in text.strings(value, path):
        for pattern, word, why in _TERMS:
            for match in pattern.finditer(found):
                yield where, match.group(0), word, why


def _start(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:START_WORDS]) + (" ..." if len(words) > START_WORDS else "")
