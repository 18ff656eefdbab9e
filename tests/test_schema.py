"""The JSON Schema editors see is the one the build enforces."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import ROOT

from handbook import collection, schema
from handbook.model import Checklist
from handbook.yamlfile import parse

RECORDS = collection.record_files(ROOT / "werkvormen")


def test_committed_schema_matches_the_model():
    for path, text in schema.render().items():
        committed = (ROOT / path).read_text(encoding="utf-8")
        assert committed == text, f"{path} is out of date: run `python -m handbook schema`"


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_record_passes_the_published_schema(path):
    kind = "checklist" if path.parent.name == "checklists" else "werkvorm"
    published = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    data = parse(path.read_text(encoding="utf-8")).data
    jsonschema.validate(data, json.loads(published))


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_record_points_editors_to_its_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = "checklist" if path.parent.name == "checklists" else "werkvorm"
    assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"schema/{kind}.schema.json")
    target = (path.parent / first.split("=", 1)[1]).resolve()
    assert target.is_file()


def test_schema_rejects_what_the_model_rejects():
    published = json.loads((ROOT / "schema" / "checklist.schema.json").read_text())
    record = {
        "titel": "Lijst",
        "samenvatting": "Een lijst voor de test.",
        "inleiding": "Tekst.",
        "groepen": [{"titel": "Een", "items": ["Punt een", {"tekst": "Punt twee"}]}],
        "bronnen": [{"titel": "Bron", "uitgever": "Uitgever", "licentie": "onbekend"}],
        "laatst_herzien": "2026-11-23",
    }
    jsonschema.validate(record, published)
    Checklist.model_validate(record)
    record["onbekend"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, published)
