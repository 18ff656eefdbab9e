"""Broken records from outside the team: a clear message with file and line, no traceback, nothing written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import ROOT, failed_build, refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.base.problems import RecordError
from handbook.records import collection
from handbook.records import reading as records
from handbook.records.model import Checklist, Werkvorm

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = {
    "ongeldige-yaml.yml": r":\d+:\d+: geen geldige YAML",
    "tabs.yml": r":\d+:\d+: geen geldige YAML: er staat een tab",
    "dubbele-sleutel.yml": r":\d+:1: themas: staat twee keer in dit record \(ook op regel \d+\)",
    "lijst-bovenaan.yml": r":1:1: een record moet beginnen met velden",
    "leeg.yml": r":1:1: het bestand is leeg",
    "alleen-commentaar.yml": r":1:1: het bestand is leeg",
    "alias-bom.yml": r":\d+:\d+: b\.1: aliassen \(\* en &\) zijn niet toegestaan",
    "datum-bestaat-niet.yml": r":\d+:1: laatst_herzien: is geen bestaande datum",
    "Naam Met Hoofdletters.yml": r":1:1: de bestandsnaam 'Naam Met Hoofdletters.yml' mag alleen kleine letters",
    "zelfde-titel.yml": r":\d+:1: titel: dezelfde titel als werkvormen/leerhuis.yml",
    "te-diep.yml": r":1:\d+: titel(\.1)*: te diep genest",
    "niet-utf8.yml": r":\d+:1: het bestand is geen UTF-8-tekst",
    "bom.yml": r":1:1: het bestand begint met een byte-order mark",
}


def test_the_corpus_and_the_expectations_match():
    assert {p.name for p in CORPUS.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_record_is_refused_with_file_and_line(project, name):
    shutil.copy(CORPUS / name, project / "werkvormen" / name)
    out = refused(project)
    assert re.search(re.escape(f"werkvormen/{name}") + EXPECTED[name], out), out


@pytest.mark.slow
def test_a_broken_record_stops_the_build_and_the_old_site_stays(project):
    """The adapter's contract, end to end: the engine fails with the loader's report and writes nothing."""
    shutil.copy(CORPUS / "tabs.yml", project / "werkvormen" / "tabs.yml")
    out = failed_build(project)
    assert refused(project) in out


def test_a_record_of_several_megabytes_is_refused(project):
    text = (ROOT / "werkvormen" / "leerhuis.yml").read_text(encoding="utf-8")
    (project / "werkvormen" / "groot.yml").write_text(text + "# " + "x" * 3_000_000 + "\n", encoding="utf-8")
    out = refused(project)
    assert "werkvormen/groot.yml:1:1: het bestand is 2" in out and "hoogstens 256 kB" in out


# --- property-based: the loader accepts a record or raises our own error, nothing else -------

REAL = sorted((ROOT / "werkvormen").glob("*.yml"))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30), st.dates().map(str)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
FIELDS = st.sampled_from(sorted(set(Werkvorm.model_fields) | set(Checklist.model_fields)) + ["onbekend"])


def read(tmp_path: Path, data: bytes):
    path = tmp_path / "werkvormen" / "probeersel.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    record, problems = records.read(path, Werkvorm, "werkvormen/probeersel.yml")
    assert (record is None) == bool(problems)
    for problem in problems:
        assert problem.path == "werkvormen/probeersel.yml" and problem.line >= 1 and problem.message
    return record, problems


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(FIELDS, VALUES, max_size=8))
def test_generated_records_are_accepted_or_refused_with_our_own_messages(tmp_path, data):
    import yaml

    read(tmp_path, yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    source=st.sampled_from(REAL),
    cuts=st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 40), st.binary(max_size=8)), min_size=1, max_size=4),
)
def test_mutated_real_records_are_accepted_or_refused_with_our_own_messages(tmp_path, source, cuts):
    data = bytearray(source.read_bytes())
    for at, length, insert in cuts:
        at %= len(data)
        data[at : at + length] = insert
    read(tmp_path, bytes(data))


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(sorted(Werkvorm.model_fields)), value=VALUES)
def test_a_real_record_with_one_field_replaced_loads_or_raises_record_error(tmp_path, field, value):
    import yaml

    root = tmp_path / "werkvormen"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(ROOT / "werkvormen", root)
    data = yaml.safe_load((root / "leerhuis.yml").read_text(encoding="utf-8"))
    data[field] = value
    (root / "leerhuis.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        collection.load(root)
    except RecordError as error:
        assert all(p.path.startswith("werkvormen/") for p in error.problems)
