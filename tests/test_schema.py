"""The JSON Schema editors see is the one the build enforces."""

from __future__ import annotations

import json

import jsonschema
import pytest
from helpers import ROOT

from handbook.base import discovery
from handbook.base.yamlfile import parse
from handbook.editing import schema
from handbook.records import collection
from handbook.records.model import Checklist

RECORDS = discovery.record_files(ROOT / "werkvormen")


def test_committed_schema_matches_the_model():
    """The model's part must match exactly; the lists of records (kept up to date by `make check`) may lag."""
    for path, text in schema.render().items():
        committed = json.loads((ROOT / path).read_text(encoding="utf-8"))
        assert schema.without_choices(committed) == json.loads(text), f"{path} is out of date: run `make check`"


def test_verwant_and_bron_are_choices_from_the_records():
    """VS Code completes the names that exist, with their titles, from the committed and the published schema."""
    book = collection.load(ROOT / "werkvormen")
    published = json.loads(schema.render(schema.Choices.of(book))["schema/werkvorm.schema.json"])
    verwant = published["properties"]["verwant"]["items"]
    assert set(verwant["enum"]) == {e.slug for e in book.entries}
    assert verwant["enumDescriptions"][verwant["enum"].index("intervisie")] == book.get("intervisie").record.titel
    assert published["$defs"]["SourceRef"]["properties"]["bron"]["enum"] == sorted(k for k, _ in book.sources)
    assert set(published["$defs"]["Difference"]["properties"]["werkvorm"]["enum"]) == {e.slug for e in book.werkvormen}
    checklist = json.loads(schema.render(schema.Choices.of(book))["schema/checklist.schema.json"])
    assert set(checklist["$defs"]["Item"]["properties"]["werkvormen"]["items"]["enum"]) == {
        e.slug for e in book.werkvormen
    }
    with pytest.raises(jsonschema.ValidationError, match="gastles"):
        record = json.loads(json.dumps(book.get("intervisie").record.model_dump(mode="json", exclude_none=True)))
        jsonschema.validate({**record, "verwant": ["gastles"]}, published)


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
        "bronnen": ["gluren-bij-de-burens-kaart", {"bron": "tips-leernetwerken-jeugdzorg"}],
        "laatst_herzien": "2026-11-23",
    }
    jsonschema.validate(record, published)
    Checklist.model_validate(record)
    record["onbekend"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, published)


def test_the_schema_passes_a_strict_validator_with_ecma_262_regular_expressions():
    """check-jsonschema checks every pattern as an ECMA-262 (unicode) regular expression, as VS Code does."""
    import subprocess
    import sys

    files = [str(ROOT / "schema" / name) for name in schema.SCHEMAS]
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--check-metaschema", *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, path + (i,))


@pytest.mark.parametrize("name", sorted(schema.SCHEMAS))
def test_editors_see_dutch_titles_and_messages_in_vs_code(name):
    published = json.loads((ROOT / "schema" / name).read_text(encoding="utf-8"))
    english = {"Practical", "Range", "Step", "Source", "Item", "Group", "Url"}
    for path, node in walk(published):
        if "examples" in path or "enum" in path:
            continue
        assert node.get("title") not in english, path
        if "type" in node:
            assert node.get("errorMessage"), f"no Dutch errorMessage at {path}"
        if "pattern" in node:
            assert node.get("patternErrorMessage"), path
    source = published.get("$defs", {}).get("Source") or (published if name == "bron.schema.json" else None)
    url = source["properties"]["url"]["anyOf"][0] if source else None
    if url:
        assert "veilig webadres" in url["patternErrorMessage"]


def test_the_downloaded_blank_record_points_at_the_published_schema():
    from handbook.records.collection import load
    from handbook.site import assets

    files = assets.site_files(load(ROOT / "werkvormen"), ROOT / "werkvormen", "https://handboek.example/")
    first = files["downloads/nieuwe-werkvorm.yml"].decode().splitlines()[0]
    assert first == "# yaml-language-server: $schema=https://handboek.example/schema/werkvorm.schema.json"


def test_vs_code_maps_the_records_to_their_schemas():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert "werkvormen/*.yml" in settings["./schema/werkvorm.schema.json"]
    assert "werkvormen/checklists/*.yml" in settings["./schema/checklist.schema.json"]
    for target in settings:
        assert (ROOT / target).is_file()


@pytest.mark.parametrize("path", discovery.source_files(ROOT / "werkvormen"), ids=lambda p: p.name)
def test_every_source_passes_the_published_schema(path):
    published = json.loads((ROOT / "schema" / "bron.schema.json").read_text(encoding="utf-8"))
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.endswith("schema/bron.schema.json") and (path.parent / first.split("=", 1)[1]).resolve().is_file()
    jsonschema.validate(parse(path.read_text(encoding="utf-8")).data, published)
