"""Dutch word structure for the search index: compounds split into known parts, separable verbs joined.

Dutch writes compounds as one word and splits many verbs in a sentence, so a reader's word is often
not the word on the page: "les" is inside "gastles", "jeugdzorgorganisatie" is "jeugdzorg" plus
"organisatie", and "meewerken" is written "werken een tijdje mee". The index (src/handbook/search/index.py)
adds the parts and the joined verbs to each entry; the search box splits a query word that the site
does not hold with the same rule (`splitCompound` in docs/assets/javascripts/zoeken.js).

| helper | in | out |
| --- | --- | --- |
| `split_compound` | "jeugdzorgorganisatie" | ("jeugdzorg", "organisatie") |
| `split_compound` | "ervaringskennis" | ("ervaring", "kennis") (the linking s dropped) |
| `split_compound` | "organisatie" | () (not made of known parts) |
| `separable_verbs` | "Ze werken een tijdje mee bij een ander." | ["meewerken"] |
| `separable_verbs` | "Je kijkt mee, en soms doe je mee." | ["meekijken", "meedoen"] |
| `infinitives` | "loopt" / "geeft" / "zit" | ["lopen"] / ["geven"] / ["zitten", "ziten"] |
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

MIN_PART = 3  # "les", "zorg": shorter parts ("op", "in") match too much
MAX_WORD = 40  # longer is no word a reader types ("deskundigheidsbevordering" has 25 letters); never split
MAX_PARTS = 4  # jeugd|zorg|organisatie|s: more parts are a list of words, not a compound
LINKS = ("s", "en", "e")  # letters between the parts of a compound: ervaring-s-kennis, boek-en-kast
# Dutch function words: never a part of a compound, never a verb
STOP = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "den",
        "der",
        "die",
        "dit",
        "door",
        "een",
        "en",
        "er",
        "hem",
        "het",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "jou",
        "jouw",
        "kan",
        "kun",
        "me",
        "meer",
        "met",
        "mijn",
        "na",
        "naar",
        "niet",
        "nog",
        "of",
        "om",
        "ook",
        "op",
        "over",
        "te",
        "tot",
        "u",
        "uit",
        "van",
        "voor",
        "wat",
        "we",
        "welke",
        "wie",
        "wij",
        "zij",
        "ze",
        "zo",
        "zonder",
        "hij",
    ]
)
# particles of separable verbs, as they stand at the end of a clause: "werken een tijdje mee"
PARTICLES = frozenset(
    [
        "aan",
        "af",
        "bij",
        "door",
        "in",
        "mee",
        "na",
        "om",
        "op",
        "over",
        "rond",
        "samen",
        "terug",
        "toe",
        "uit",
        "voor",
        "weg",
        "langs",
        "binnen",
    ]
)
# particles that are not also prepositions may stand before the rest of the sentence: "loopt mee met een docent"
ONLY_PARTICLES = frozenset(["mee", "terug", "samen", "toe", "weg", "af"])
NOT_MODIFIER = frozenset(["ver", "ont", "her", "ter"])  # verb prefixes, not words: ver|anderen, ont|vangen
VERB_PREFIXES = ("be", "ge", "ver", "ont", "her", "er")
PRONOUNS = frozenset(
    ["je", "jij", "we", "wij", "ze", "zij", "hij", "u", "men"]
)  # "doe je mee": the bare stem before a pronoun
# Words the Dutch stemmer merges with a word of another meaning: "ervaren" (experienced; to
# experience) and "ervaring" (experience, in ervaringskennis) both become "ervar", so a search for
# ervaren professionals found Ervaringskennis inbrengen first. The index keeps these words apart as
# well, with MARK added so the stemmer leaves them alone, and the search box asks for that form.
APART = frozenset({"ervaren"})
MARK = "x"
_CLAUSE = re.compile(r"[.,;:!?()\[\]\n]+|\s[-–]\s")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = "aeiou"
_DIPHTHONGS = ("ij", "ei", "ui", "ou", "au", "oe", "ie", "eu")


def split_compound(word: str, known: Collection[str], productive: Collection[str] = ()) -> tuple[str, ...]:
    """The known parts of a compound, outer split first; () when the word is not made of known parts.

    The head (the last part) must be a known word that is not a bare plural ending (blok|ken); the
    part before it must be known (after a linking letter), be a compound of known parts itself, or
    be in `productive`: a start that several known compounds share ("gast" in gastles, gastdocent).

    Bounded, because words come from contributors and from the search box: a word longer than
    MAX_WORD is no compound a reader types, at most MAX_PARTS parts are found, and each start of
    the word is tried once (without the memo, "a", "aa", ... and "q" + "a" x 60 took hours).
    """
    if len(word) > MAX_WORD:
        return ()
    return _split(word, known, productive, MAX_PARTS, {})


def _split(word: str, known: Collection[str], productive: Collection[str], most: int, memo: dict) -> tuple[str, ...]:
    if (word, most) in memo:
        return memo[(word, most)]
    memo[(word, most)] = found = _split_once(word, known, productive, most, memo) if most >= 2 else ()
    return found


def _split_once(
    word: str, known: Collection[str], productive: Collection[str], most: int, memo: dict
) -> tuple[str, ...]:
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):  # longest head first: jeugdzorg|organisatie
        head, modifier = word[cut:], word[:cut]
        if not _is_head(head, known):
            continue
        stems = [stem for stem in _without_link(modifier) if len(stem) >= MIN_PART and stem not in NOT_MODIFIER]
        for stem in stems:
            if stem in known:
                return (stem, head)
        for stem in stems:
            inner = _split(stem, known, productive, most - 1, memo)
            if inner:
                return (*inner, head)
        if modifier in productive:
            return (modifier, head)
    return ()


def _is_head(part: str, known: Collection[str]) -> bool:
    plural_ending = len(part) == 3 and part.endswith("en")  # blok|ken, wet|ten
    return part in known and part not in STOP and part not in NOT_MODIFIER and not plural_ending


def _without_link(modifier: str) -> list[str]:
    return [modifier[: -len(link)] for link in LINKS if modifier.endswith(link)] + [modifier]


def productive_starts(known: Collection[str], least: int = 3, length: int = 4) -> frozenset[str]:
    """Starts of `length` or more letters that make at least `least` compounds with a known word.

    "gast" counts (gastles, gastcollege, gastdocent); a verb prefix (be-, ge-, ver-, ont-) never does.
    """
    counts: dict[str, int] = {}
    for word in known:
        if len(word) > MAX_WORD:  # never split, so no start of a compound (and each costs its length squared)
            continue
        for end in range(length, len(word) - MIN_PART + 1):
            if _is_head(word[end:], known) and not word.startswith(VERB_PREFIXES):
                counts[word[:end]] = counts.get(word[:end], 0) + 1
    return frozenset(start for start, count in counts.items() if count >= least)


def infinitives(form: str) -> list[str]:
    """The infinitives a verb form may have, by the regular rules: loopt -> lopen, zit -> zitten.

    Without a dictionary a form can be read more than one way (praat: praten; gaat: gaan), so
    every regular reading is given; a reading that is no word is never typed and costs nothing.
    """
    if form.endswith("en") and len(form) > 3:
        return [form]
    roots = [form[:-1], form] if form.endswith("t") and len(form) > 3 else [form]
    return list(dict.fromkeys(inf for root in roots for inf in _from_root(root)))


def _from_root(root: str) -> list[str]:
    if root[-1] in _VOWELS:  # doe -> doen, gaa -> gaan
        return [root + "n"]
    long_vowel = re.search(r"(aa|ee|oo|uu)([^aeiou])$", root)
    if long_vowel:  # loop -> lopen, geef -> geven, lees -> lezen
        last = {"f": "v", "s": "z"}.get(long_vowel.group(2), long_vowel.group(2))
        return [root[: long_vowel.start()] + long_vowel.group(1)[0] + last + "en"]
    short = len(root) >= 2 and root[-2] in _VOWELS and root[-1] not in _VOWELS
    if short and root[-3:-1] not in _DIPHTHONGS and not (len(root) >= 3 and root[-3] in _VOWELS):
        return [root + root[-1] + "en", root + "en"]  # zit -> zitten, kom -> komen
    return [root + "en"]  # werk -> werken, kijk -> kijken


def separable_verbs(text: str) -> list[str]:
    """Separable verbs of the text joined as a reader types them: "werken een tijdje mee" -> meewerken.

    A particle joins the verb forms before it in its clause: words ending in -t or -en, or a bare
    stem right before a pronoun ("doe je mee"). A particle that is also a preposition (op, in, aan)
    counts only at the end of a clause, so "werken in een team" does not become "inwerken". A wrong
    guess makes a word nobody types ("meetijdjen"), which costs nothing in the index.
    """
    found: list[str] = []
    for clause in _CLAUSE.split(text.lower()):
        words = _WORD.findall(clause)
        for at, particle in enumerate(words):
            if particle not in PARTICLES or at == 0 or (at < len(words) - 1 and particle not in ONLY_PARTICLES):
                continue
            before = words[:at]
            for i, word in enumerate(before):
                if word in STOP or word in PARTICLES or len(word) < 2:
                    continue
                if word.endswith(("t", "en")) or (i + 1 < len(before) and before[i + 1] in PRONOUNS):
                    found += [particle + form for form in infinitives(word)]
    return list(dict.fromkeys(found))


def kept_apart(words: Iterable[str]) -> list[str]:
    """The words of APART among `words`, marked so the stemmer leaves them as they are: ervaren -> ervarenx."""
    return [word + MARK for word in dict.fromkeys(words) if word in APART]
