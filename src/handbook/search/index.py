"""What the search index knows beyond the page text: other names, accent-free words, page weight.

Material's search plugin writes `search/search_index.json`; `enrich` adds to it, in the build:

- a field `namen` on the page of every werkvorm and checklist: its title without accents, its
  `ook_bekend_als`, and every group of the shared synonym list (`synoniemen.yml`) that one of
  those names belongs to. It weighs almost as much as the title, so a synonym finds the page first;
- a field `zonder_accenten` on every entry that has words with accents ("casuïstiek"), holding
  them without ("casuistiek"): on a phone the unaccented spelling is the one people type;
- a field `wanneer` on the page of every werkvorm: its `wanneer_kiezen` lines, the situations and
  questions in the reader's own words, weighted well above the body text;
- a field `delen` on every entry: the known parts of its compound words ("gastles" -> gast, les) and
  its separable verbs joined ("werken een tijdje mee" -> meewerken), see `wordforms.py`;
- a lower weight for every page that is not a werkvorm or checklist (home, help, editors' pages),
  so those rank below the werkvormen but are still found by their own names;
- `config.handbook`, read by the search box (not by Material): how many pages hold each word (the
  query weighs rare words above common ones and splits an unknown compound into known parts), and
  the shared list's other words mapped to the handbook's own term.

The query side (stop words, stems, typos, weights) is in `docs/assets/javascripts/zoeken.js`; the order
of the pages for a whole question or situation in `docs/assets/javascripts/zoekregels.js`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

from handbook.base import yamlfile
from handbook.records.collection import Handbook
from handbook.records.entry import Entry
from handbook.records.text import strings as record_strings
from handbook.search import wordforms

SYNONYMS_FILE = "synoniemen.yml"
NAMES_BOOST = 100.0  # the title weighs 1000, the text 1 (Material's defaults); higher lets common words in names decide
FOLDED_BOOST = 1.0
REASON_BOOST = 100.0  # a reason for choosing a werkvorm is short and in the reader's words
PARTS_BOOST = 1.0
OTHER_PAGE_BOOST = 0.1
WORDS_LABEL = "Zoekwoorden:"  # the hidden line of `page_words`; Material's index has them in `namen` instead
_WORDS_LINE = re.compile(rf"\s*<p>{WORDS_LABEL} [^<]*</p>")
_TAG = re.compile(r"<[^>]+>")
_PLAIN = re.compile(r"[^\W_](?:[\w' -]*[^\W_])?")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LETTERS = re.compile(r"[^\W\d_]+")
SEARCHED_FIELDS = ("title", "text", "namen", "zonder_accenten", "wanneer", "delen")


class SynonymError(ValueError):
    """The shared synonym list is not a list of groups of plain words."""


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, without accents: "Casuïstiek" -> "casuistiek" (kept per text: words recur on every page)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The shared list of general Dutch terms that mean about the same, one tuple per group.

    Read on every call (a build calls it once): an edit while `serve` runs counts on the next rebuild.
    """
    return parse_groups(files("handbook").joinpath(SYNONYMS_FILE).read_text(encoding="utf-8"))


MAX_SYNONYMS_BYTES = 64_000  # the list is some 4 kB; a list a hundred times longer is no list of synonyms
MAX_GROUPS = 1_000
MAX_GROUP_WORDS = 40


@lru_cache(maxsize=4)  # by the file's text: parsed once per content
def parse_groups(text: str) -> tuple[tuple[str, ...], ...]:
    """Groups of words from YAML; words hold only letters, digits, spaces, hyphens and apostrophes.

    Read with the records' own loader (no anchors or aliases: 20,000 `- *a` lines took 56 s and
    1.9 GB with yaml.safe_load), and bounded in size, groups and words per group.
    """
    where = f"src/handbook/{SYNONYMS_FILE}"
    size = len(text.encode("utf-8"))
    if size > MAX_SYNONYMS_BYTES:
        raise SynonymError(f"{where}:1:1: de lijst is {size:,} bytes; hoogstens {MAX_SYNONYMS_BYTES:,}")
    try:
        doc = yamlfile.parse(text)
    except yamlfile.YamlProblem as problem:
        raise SynonymError(f"{where}:{problem.line}:{problem.column}: {problem.message}") from None
    data = doc.data
    if isinstance(data, list) and len(data) > MAX_GROUPS:
        raise SynonymError(f"{where}:1:1: de lijst heeft {len(data)} groepen; hoogstens {MAX_GROUPS}")
    for number, group in enumerate(data if isinstance(data, list) else [None]):
        fine = (
            isinstance(group, list)
            and 1 < len(group) <= MAX_GROUP_WORDS
            and all(isinstance(word, str) and _PLAIN.fullmatch(word.strip()) for word in group)
        )
        if not fine:
            line, column = doc.where((number,))
            raise SynonymError(
                f"{where}:{line}:{column}: elke regel moet een lijst van twee of meer woorden zijn "
                f"(hoogstens {MAX_GROUP_WORDS}), met alleen letters, cijfers, spaties, streepjes en apostrofs"
            )
    assert isinstance(data, list)
    return tuple(tuple(word.strip() for word in group) for group in data)


def _phrase(text: str) -> str:
    return " " + " ".join(fold(text).replace("-", " ").split()) + " "


def _group_phrases() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Each synonym group with its words as phrases (made once per list)."""
    return _phrases_of(synonym_groups())


@lru_cache(maxsize=4)
def _phrases_of(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    return tuple((group, tuple(_phrase(word) for word in group)) for group in groups)


def names(entry: Entry) -> list[str]:
    """Every name a reader may search this entry by: title, other names and their synonym groups.

    A group counts when one of its words stands in a name, or is the head of a compound in a name:
    a Leernetwerkbijeenkomst is a netwerkbijeenkomst, so "community of practice" finds it. Only the
    head (the end) counts: a docentstage is a stage, not a docent.
    """
    own = [entry.record.titel, *getattr(entry.record, "ook_bekend_als", [])]
    found = [fold(name) for name in own]
    phrases = [_phrase(name) for name in own]
    for group, words in _group_phrases():
        if any(word in phrase or _is_head(word, phrase) for word in words for phrase in phrases):
            found += [fold(word) for word in group]
    return list(dict.fromkeys(found))


def _is_head(word: str, phrase: str) -> bool:
    """Whether one word (" netwerkbijeenkomst ") ends a longer word of `phrase` (" leernetwerkbijeenkomst ")."""
    head = word.strip()
    if " " in head:
        return False
    return any(len(other) >= len(head) + wordforms.MIN_PART and other.endswith(head) for other in phrase.split())


def location(entry: Entry) -> str:
    """The entry's page as Material's search index names it (werkvormen/leerhuis/)."""
    return f"{entry.folder}/{entry.slug}/"


def accent_free(*texts: str) -> list[str]:
    """The words with accents in these texts (HTML allowed), without their accents, each once."""
    return list(_accent_free(texts))


@lru_cache(maxsize=1 << 15)  # `serve` enriches the whole index on every rebuild; most of its texts did not change
def _accent_free(texts: tuple[str, ...]) -> tuple[str, ...]:
    words = _WORD.findall(_TAG.sub(" ", " ".join(texts)))
    # a word in plain ASCII has no accent to lose: most words, skipped without folding
    return tuple(dict.fromkeys(fold(word) for word in words if not word.isascii() and fold(word) != word.lower()))


def enrich(index: dict, handbook: Handbook) -> dict:
    """Material's search index with other names, reasons, word parts, page weights and query help added."""
    by_page = {location(entry): names(entry) for entry in handbook.entries}
    reasons = {location(entry): entry.record.wanneer_kiezen for entry in handbook.werkvormen}
    index["config"]["fields"].update(
        {
            "namen": {"boost": NAMES_BOOST},
            "zonder_accenten": {"boost": FOLDED_BOOST},
            "wanneer": {"boost": REASON_BOOST},
            "delen": {"boost": PARTS_BOOST},
        }
    )
    for doc in index["docs"]:
        page, _, section = doc["location"].partition("#")
        if not section and page in by_page:
            doc["namen"] = " ".join(by_page[page])
            doc["text"] = _WORDS_LINE.sub("", doc["text"])  # weighted in `namen`; no line of loose words in results
        if not section and reasons.get(page):
            doc["wanneer"] = " ".join(reasons[page])
        folded = accent_free(doc.get("title", ""), doc.get("text", ""))
        if folded:
            doc["zonder_accenten"] = " ".join(folded)
        if page not in by_page:
            doc["boost"] = OTHER_PAGE_BOOST
    add_word_parts(index["docs"])
    index["config"]["handbook"] = query_help(index["docs"])
    return index


def page_words(entry: Entry) -> str:
    """What `enrich` adds to Material's index, as words the page itself carries for every engine.

    Other engines (Zensical) run no hook and weigh no extra field, but they
    index the page text: the entry's names and synonyms, and the accented
    words of its record without accents, ride in a hidden line of the page.
    """
    texts = [found for _, found in record_strings(entry.record.model_dump(mode="json"))]
    return f"{WORDS_LABEL} " + " ".join(dict.fromkeys([*names(entry), *accent_free(*texts)]))


def _words(doc: dict) -> list[str]:
    """The words of an index entry, lower case and without accents, HTML left out."""
    return list(_words_of(" ".join(str(doc.get(field, "")) for field in SEARCHED_FIELDS)))


@lru_cache(maxsize=1 << 15)  # `serve` enriches the whole index on every rebuild; most texts did not change
def _words_of(text: str) -> tuple[str, ...]:
    return tuple(_LETTERS.findall(fold(_TAG.sub(" ", text))))


@lru_cache(maxsize=1 << 15)
def _joined_verbs(text: str) -> tuple[str, ...]:
    return tuple(wordforms.separable_verbs(fold(_TAG.sub(" ", text))))


def add_word_parts(docs: list[dict]) -> None:
    """Give each entry a field `delen`: the parts of its compounds and its separable verbs, joined."""
    words = [_words(doc) for doc in docs]
    known = {word for some in words for word in some if len(word) >= wordforms.MIN_PART}
    productive = wordforms.productive_starts(known)
    splits: dict[str, tuple[str, ...]] = {}
    for doc, some in zip(docs, words, strict=True):
        parts = [part for word in dict.fromkeys(some) for part in _parts(word, known, productive, splits)]
        parts += [*_joined_verbs(f"{doc.get('title', '')}. {doc.get('text', '')}"), *wordforms.kept_apart(some)]
        for field in ("wanneer", "namen"):  # a word kept apart weighs what its field weighs
            marked = wordforms.kept_apart(_LETTERS.findall(fold(doc.get(field, ""))))
            if marked:
                doc[field] += " " + " ".join(marked)
        if "namen" in doc:  # the parts of a name weigh as a name: "les" finds Gastles first
            named = _LETTERS.findall(doc["namen"])
            parts_of_names = [part for word in named for part in _parts(word, known, productive, splits)]
            doc["namen"] = " ".join([doc["namen"], *dict.fromkeys(parts_of_names)])
        if parts:
            doc["delen"] = " ".join(dict.fromkeys(parts))


def _parts(word: str, known: set[str], productive: frozenset[str], splits: dict) -> tuple[str, ...]:
    if word not in splits:
        splits[word] = wordforms.split_compound(word, known, productive) if len(word) >= 2 * wordforms.MIN_PART else ()
    return splits[word]


def query_help(docs: list[dict]) -> dict:
    """What the search box needs to weigh and rewrite a query: pages per word, the handbook's terms."""
    pages: dict[str, set[str]] = {}
    for doc in docs:
        page = doc["location"].partition("#")[0]
        for word in _words(doc):
            pages.setdefault(word, set()).add(page)
    return {
        "paginas": len({doc["location"].partition("#")[0] for doc in docs}),
        "woorden": {word: len(where) for word, where in sorted(pages.items()) if len(word) > 1},
        "termen": handbook_terms(),
        "apart": {word: word + wordforms.MARK for word in sorted(wordforms.APART)},
    }


def handbook_terms() -> dict[str, str]:
    """Every other word of the shared list, mapped to its group's first word: the handbook's own term.
    Read with the list on every call, so that an edit while `serve` runs counts on the next rebuild."""
    return dict(_terms_of(synonym_groups()))


@lru_cache(maxsize=4)  # by the groups: made once per content of the list
def _terms_of(groups: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((fold(word), fold(group[0])) for group in groups for word in group[1:])
