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
import unicodedata

from handbook.base import licences, messages, paths, patterns, textrules
from handbook.base.vocabulary import KINDS
from handbook.editing import advice, schema
from handbook.records.collection import Handbook
from handbook.records.crosschecks import duplicate_title
from handbook.records.model import (
    FIRST_DAY,
    LAST_DAY,
    MAX_SENTENCE_WORDS,
    MAX_SUMMARY_WORDS,
    MIN_PROGRAMME_PARTS,
    PROGRAMME_MISSING,
    PROGRAMME_SHORT,
    PROGRAMME_TOTAL,
    Checklist,
    Record,
    Werkvorm,
)

PAGE = "voorstellen.md"
DATA = "formulier"  # formulier/SLUG.json: a werkvorm's data, fetched only when an editor opens it in the form
MODELINE = "# yaml-language-server: $schema=../schema/werkvorm.schema.json"
CHECKLIST_MODELINE = "# yaml-language-server: $schema=../../schema/checklist.schema.json"  # werkvormen/checklists/


def texts() -> dict[str, str]:
    """The Dutch messages the form shows; the same sentences `check` prints ({n}, {name}: filled in by the form)."""
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
        "date_early": f"moet op of na {FIRST_DAY} liggen",
        "date_late": f"moet op of voor {LAST_DAY} liggen",
        "one_line": messages.pattern_rule(patterns.LINE),
        # rules of the model, said as the model says them (tests/browser/test_form_rules.py compares with check)
        "range_order": "max ({max}) is kleiner dan min ({min})",
        "twice": "'{value}' staat er twee keer in",
        "role_missing": "'{role}' staat niet bij voor_wie; voeg de rol daar toe of haal hem hier weg",
        "unsized": "'{name}' ontbreekt; een {kind} heeft een duur en een groepsgrootte "
        "(alleen een vaste samenwerking mag zonder)",
        "programme_missing": PROGRAMME_MISSING,
        "programme_short": PROGRAMME_SHORT,
        "programme_total": PROGRAMME_TOTAL,
        "summary_words": "is {n} woorden; vat het idee samen in hoogstens {max} woorden",
        "unfilled": "is nog niet ingevuld: vervang de tekst met 'VUL IN' door je eigen tekst",
        "invisible": "bevat {kind} (U+{code}{name}) op positie {pos}; verwijder het of typ de tekst opnieuw",
        "brackets": f"bevat {{n}} blokhaken '['; hoogstens {textrules.MAX_BRACKETS} in één tekst",
        "run": f"bevat {{n}} keer '{{char}}' achter elkaar; hoogstens {textrules.MAX_RUN} keer hetzelfde leesteken",
        "indent": f"een regel springt meer dan {textrules.MAX_INDENT} spaties in; zo diep kan een lijst niet",
        "lines": f"heeft {{n}} regels; hoogstens {textrules.MAX_LINES}",
        "script": "bevat de letter '{char}' uit een ander schrift ({script}), die op een gewone letter "
        "kan lijken; typ de titel met gewone letters",
        # across records (collection.py)
        "same_title": duplicate_title("{other}"),
        "same_name": "de naam '{slug}' bestaat al: {other}",
        "generated": "de naam '{slug}' is van een pagina die het handboek zelf maakt; geef het bestand een andere naam",
        "self": "een record kan niet naar zichzelf verwijzen",
        "source_exists": "er is al een bron '{key}' in bronnen/; noem die bij 'bronnen' en haal deze weg, "
        "of kies een andere sleutel",
        # a duration typed as in a sentence ('1,5 uur', '60-90') in a minutes field: what to fill in (messages.py)
        "minutes_one": messages.MINUTES_ONE,
        "minutes_range": messages.MINUTES_RANGE,
        "minutes_said_one": messages.SAID_ONE,
        "minutes_said_range": messages.SAID_RANGE,
        # advice: what `check` warns about, shown while typing; it does not stop the file (advice.py)
        "term": advice.TERM_ADVICE,
        "sentence": advice.SENTENCE_ADVICE,
    }


def rules() -> dict[str, object]:
    """What the form needs to apply the model's rules: limits, names of characters, kinds."""
    return {
        "invisibleNames": {f"{code:04X}": name for code, name in textrules._INVISIBLE.items()},
        "bidi": sorted(f"{code:04X}" for code in _bidi_controls()),
        "run": textrules.MAX_RUN,
        "brackets": textrules.MAX_BRACKETS,
        "indent": textrules.MAX_INDENT,
        "lines": textrules.MAX_LINES,
        "summaryWords": MAX_SUMMARY_WORDS,
        "programmeParts": MIN_PROGRAMME_PARTS,
        "kinds": {key: label.lower() for key, label in KINDS.items()},
        "scripts": {
            "Cyrillic": "Cyrillisch",
            "Greek": "Grieks",
            "Armenian": "Armeens",
            "Hebrew": "Hebreeuws",
            "Arabic": "Arabisch",
            "Cherokee": "Cherokee",
            "Coptic": "Koptisch",
        },
        "firstDay": FIRST_DAY.isoformat(),
        "lastDay": LAST_DAY.isoformat(),
        "placeholder": "VUL IN",
        "runPattern": textrules._RUN.pattern,
        "indentPattern": textrules._INDENT.pattern,
        "number": messages.NUMBER,
        "hours": messages.HOURS,
        "sentencePattern": advice._SENTENCE.pattern,
        "sentenceWords": MAX_SENTENCE_WORDS,
        "startWords": advice.START_WORDS,
        "terms": advice.terms(),
        "unknownLicences": list(licences.UNKNOWN),
        "unknownLicence": licences.UNKNOWN_ANSWER,
    }


def _bidi_controls() -> list[int]:
    """The format characters that turn reading direction (textrules names them so)."""
    kinds = {"RLO", "LRO", "RLE", "LRE", "RLI", "LRI", "FSI", "PDF", "PDI", "RLM", "LRM", "ALM"}
    return [
        code
        for code in range(0x2000, 0x2070)  # every one of them lives here
        if unicodedata.category(chr(code)) == "Cf" and unicodedata.bidirectional(chr(code)) in kinds
    ]


def site(handbook: Handbook) -> dict[str, object]:
    """What the form knows of the other records: titles (as a reader compares them), names, taken names."""
    reserved = sorted(p.split("/")[-1][:-3] for p in paths.GENERATED if p.startswith("werkvormen/"))
    return {
        "records": [
            {
                "slug": e.slug,
                "titel": e.record.titel,
                "key": textrules.title_key(e.record.titel),
                "source": e.source,
                "checklist": e.is_checklist,
            }
            for e in handbook.entries
        ],
        "reserved": reserved,
        "licences": licences.as_data(),
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
        "new_checklist": f"{repo}/new/{branch}/werkvormen/checklists",
        "edit_checklist": f"{repo}/edit/{branch}/werkvormen/checklists/",
        "issues": f"{repo}/issues/new/choose",
        "contributing": f"{repo}/blob/{branch}/CONTRIBUTING.md",
        "pulls": f"{repo}/pulls/@me",
        "signup": "https://github.com/signup",
    }


# A list's items are named in the singular: "Stap 2", not "Stappen 2".
ITEM_LABELS = {
    "stappen": "Stap",
    "tips": "Tip",
    "let_op": "Aandachtspunt",
    "materialen": "Materiaal",
    "bronnen": "Bron",
    "nieuwe_bronnen": "Nieuwe bron",
    "ook_bekend_als": "Andere naam",
    "wanneer_kiezen": "Situatie",
    "verschil_met": "Werkvorm die erop lijkt",
    "verwant": "Verwant",
    "auteurs": "Auteur",
    "betrokken": "Betrokkene",
    "programma": "Onderdeel",
    "groepen": "Groep",
    "items": "Punt",
    "voorbeelden": "Voorbeeld",
    "werkvormen": "Werkvorm",
}
UNITS = {"duur": "minuten", "groepsgrootte": "personen"}
# The form's own words where the schema speaks of files: its editors choose from lists and never see a file
# name. (definition or None for the record, field, what the form says instead); VS Code keeps the schema's words.
PLAIN_WORDS = (
    (None, "verwant", {"description": "Werkvormen en checklists die hierbij passen. Kies ze uit de lijst."}),
    (None, "bronnen", {"description": "Waar de inhoud vandaan komt. Kies de bron uit de lijst."}),
    (
        None,
        "nieuwe_bronnen",
        {
            "description": "Staat je bron niet bij Bronnen hieronder? Beschrijf hem hier. Hij staat dan meteen "
            "klaar bij Bronnen."
        },
    ),
    ("SourceRef", "bron", {"description": "Kies de bron uit de lijst."}),
    ("Difference", "werkvorm", {"description": "Kies de werkvorm uit de lijst."}),
    (
        "NewSource",
        "sleutel",
        {
            "title": "Korte naam",
            "description": "Een korte naam voor de bron: kleine letters, cijfers en streepjes, "
            "bijvoorbeeld rapport-leernetwerken-2024. Met deze naam staat de bron bij Bronnen.",
        },
    ),
    (
        "NewSource",
        "titel",
        {
            "description": "De titel zoals de bron hem noemt. Heeft de bron geen titel? Beschrijf de bron dan "
            "kort en zet hieronder een vinkje."
        },
    ),
    (
        "NewSource",
        "titel_is_omschrijving",
        {
            "title": "De bron heeft geen eigen titel",
            "description": "Zet een vinkje als de titel hierboven jouw omschrijving is.",
        },
    ),
)
ITEM_WORDS = {"verwant": "Kies uit de lijst."}  # each chosen record's own help (the schema: its file name)


def form_schema(handbook: Handbook, model: type[Record] = Werkvorm) -> dict:
    """A record's schema (a werkvorm's, or a checklist's), with the records and sources that exist as the
    choices (as the published schema), and what only the form uses: singular names for a list's items,
    units, which fields are titles."""
    result = schema.schema_for(model, schema.Choices.of(handbook))
    _label_items(result)
    result["properties"]["titel"]["x-hb-title"] = True
    for titled in ("Step", "Group"):
        if titled in result["$defs"]:
            result["$defs"][titled]["properties"]["titel"]["x-hb-title"] = True
    for name, unit in UNITS.items():
        if "Practical" in result["$defs"]:
            result["$defs"]["Practical"]["properties"][name]["x-hb-unit"] = unit
    if "Part" in result["$defs"]:
        result["$defs"]["Part"]["properties"]["onderdeel"]["x-hb-title"] = True
    result["$defs"]["SourceRef"]["properties"]["samenvatting"]["x-hb-words"] = MAX_SUMMARY_WORDS
    result["$defs"]["SourceRef"]["properties"]["bron"]["x-hb-sources"] = True
    result["$defs"]["NewSource"]["properties"]["licentie"]["x-hb-licence"] = True
    new = result["$defs"]["NewSource"]
    new["properties"]["sleutel"]["x-hb-key"] = True
    new["properties"] = {"sleutel": new["properties"]["sleutel"], **new["properties"]}  # its name first
    new["description"] = "Een bron die nog niet in de lijst staat. Schrijf alleen op wat de bron zelf zegt."
    result["$defs"]["SourceRef"]["description"] = "Een bron, met wat deze tekst eruit haalt."
    for definition, name, words in PLAIN_WORDS:
        if definition is None or definition in result["$defs"]:
            (result["$defs"][definition] if definition else result)["properties"][name].update(words)
    for name, help_text in ITEM_WORDS.items():
        result["properties"][name]["items"]["description"] = help_text
    # a new source is described before it is chosen: the form shows "Nieuwe bronnen" above "Bronnen"
    result["properties"]["nieuwe_bronnen"]["x-hb-before"] = "bronnen"
    return result


def _label_items(node: object) -> None:
    """Singular names for items; the lists of records (long, and growing) become choices in a list."""
    if isinstance(node, list):
        for item in node:
            _label_items(item)
    elif isinstance(node, dict):
        if node.get("errorMessage") in schema.CHOICE_MESSAGES.values():
            node["x-hb-records"] = True
        for key, sub in node.get("properties", {}).items():
            if isinstance(sub, dict) and key in ITEM_LABELS:
                sub["x-hb-item"] = ITEM_LABELS[key]
        for value in node.values():
            _label_items(value)


def mail(address: str) -> dict[str, str]:
    """The mail to the editorial team: its address, subject and body (the form adds the file's name)."""
    return {
        "address": address,
        "subject": "Voorstel voor het handboek: {name}",
        "body": "Beste redactie,\n\nIn de bijlage staat mijn voorstel: {name}. Het formulier op de website "
        "heeft dit bestand gemaakt.\n\nVoeg het bestand toe als bijlage. Je vindt het in de map Downloads.\n\n"
        "Met vriendelijke groet,\n",
    }


def attributes(edit_url: str | None, handbook: Handbook, editors: str | None = None) -> str:
    """The form's data- attributes, HTML-escaped: the page holds them, no request is needed to build the form."""
    links = repository(edit_url) or {}
    values = {
        "schema": json.dumps(form_schema(handbook), ensure_ascii=False),
        "texts": json.dumps(texts(), ensure_ascii=False),
        "rules": json.dumps(rules(), ensure_ascii=False),
        "site": json.dumps(site(handbook), ensure_ascii=False),
        "modeline": MODELINE,
        "data": DATA,
        "new": links.get("new", ""),
        "edit": links.get("edit", ""),
        # a checklist opened from its page (?checklist=SLUG): its own schema, folder and first line
        "checklist-schema": json.dumps(form_schema(handbook, Checklist), ensure_ascii=False),
        "checklist-modeline": CHECKLIST_MODELINE,
        "checklist-new": links.get("new_checklist", ""),
        "checklist-edit": links.get("edit_checklist", ""),
        "mail": json.dumps(mail(editors), ensure_ascii=False) if editors else "",
    }
    return " ".join(f'data-{key}="{html.escape(value, quote=True)}"' for key, value in values.items())


def data_files(handbook: Handbook) -> dict[str, bytes]:
    """formulier/SLUG.json for each werkvorm, formulier/checklists/SLUG.json for each checklist: what the
    form fills in when an editor opens that record."""
    return {
        f"{DATA}/{'checklists/' if entry.is_checklist else ''}{entry.slug}.json": json.dumps(
            entry.record.model_dump(mode="json", exclude_none=True), ensure_ascii=False
        ).encode("utf-8")
        for entry in handbook.entries
    }
