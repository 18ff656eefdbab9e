"""Every file of a pull request untrusted, round 3 (issue #31): one section per class of the report.

Each section has the input as reported and variants of the same kind. In-process
where the loader, the docs check or a report decides; a subprocess where CI or
`make` is what runs; a real build where "the build refuses it and writes
nothing" or "every published file carries the policy" is the contract.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, build_site, failed_build
from test_untrusted import check, docs_problems, docs_project, records, refused

from handbook.base import patterns
from handbook.base.problems import RecordError
from handbook.base.yamlfile import parse
from handbook.editing import changes, split
from handbook.search import index as search
from handbook.site import pages
from handbook.site.linkcheck import load
from handbook.trust import docsdir

SOURCE_URL = "https://www.hsleiden.nl/transformaties-in-de-zorg-voor-jeugd/onderzoek/samen-werken-samen-leren"
FIRST_SENTENCE = "  Een leerhuis is een grotere bijeenkomst rond één thema."


def page(project: Path, text: str, name: str = "x.md", encoding: str = "utf-8") -> list[str]:
    (project / "docs" / name).write_bytes(text.encode(encoding))
    return docs_problems(project)


def in_text(root: Path, addition: str, record: str = "leerhuis.yml") -> Path:
    """`addition` appended to the first sentence of the record's `wat_is_het`."""
    path = root / record
    text = path.read_text(encoding="utf-8")
    assert FIRST_SENTENCE in text
    path.write_text(text.replace(FIRST_SENTENCE, f"{FIRST_SENTENCE} {addition}", 1), encoding="utf-8")
    return path


# ---------------------------------------------------------------- 1: metadata as the engine reads it

MULTIMARKDOWN = [  # (case, page) : metadata without a --- block, which the engine reads all the same
    ("the report", 'template: redirect.html\nlocation: "+alert(document.domain)+"\n\n# X\n'),
    ("one key, then text", "template: main.html\n# X\n"),
    ("indented and continued", "  Template: redirect.html\n    more\nlocation: x\n\nTekst.\n"),
    ("an allowed key", "title: X\n\n# X\n"),
]


@pytest.mark.parametrize(("case", "text"), MULTIMARKDOWN, ids=[c for c, _ in MULTIMARKDOWN])
def test_multimarkdown_metadata_in_a_page_is_refused(tmp_path, case, text):
    found = page(docs_project(tmp_path), text)
    assert found and found[0].startswith("docs/x.md:1:1: "), found
    assert "instelling van de pagina" in found[0]


def test_a_bom_before_the_front_matter_hides_nothing(tmp_path):
    found = page(docs_project(tmp_path), "\ufeff---\ntemplate: redirect.html\n---\n# X\n")
    assert found == [found[0]] and found[0].startswith("docs/x.md:2:1: template: kiest een sjabloon"), found


def test_a_page_that_is_not_utf8_is_a_dutch_error(tmp_path):
    found = page(docs_project(tmp_path), "# Caf\xe9\n", encoding="latin-1")
    assert found == ["docs/x.md:1:1: de pagina is geen UTF-8-tekst; sla haar op als UTF-8"]


ENGINE_CASES = [
    "title: X\n\n# X",
    "# X\ntitle: Y",
    "\ntitle: X",
    "a: 1\n    b\n\tc\nd: 2\nlast line\n\nx",
    "---\ntitle: X\n---\n# X",
    "---\ntitle: X\n...\n# X",
    "--- \ntitle: [\n---\n",
    "Tekst: met een dubbele punt\nen meer",
    "key:value\n",
    "   x: y\n",
    "    x: y\n",
    "x-y_z: 1\r\nq: 2\n\nbody",
]


@pytest.mark.parametrize("text", ENGINE_CASES)
def test_the_check_reads_metadata_exactly_as_the_engine_does(text):
    from properdocs.utils.meta import get_data

    kind, _, keys = docsdir.engine_metadata(text.replace("\r\n", "\n"))
    _, data = get_data(text.replace("\r\n", "\n"))
    if kind == "multimarkdown":
        assert [key for key, _ in keys if key] and {key for key, _ in keys} == set(data)
    elif kind == "":
        assert data == {}
    else:
        assert docsdir._FRONT.match(text.replace("\r\n", "\n"))


def test_policy_enforce_gives_every_html_file_the_policy_first(tmp_path):
    from handbook.trust import policy

    meta = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
    (tmp_path / "a").mkdir()
    redirect = '<!doctype html><html><head><meta charset="utf-8"><title>R</title><script>alert(1)</script>'
    (tmp_path / "a" / "index.html").write_text(redirect, encoding="utf-8")
    (tmp_path / "bare.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    late = f"<html><head><title>x</title>{meta}</head></html>"
    (tmp_path / "late.html").write_text(late, encoding="utf-8")
    good = f"<html><head>{meta}<title>x</title></head></html>"
    (tmp_path / "good.html").write_text(good, encoding="utf-8")
    assert policy.enforce(tmp_path, meta) == ["a/index.html", "bare.html", "late.html"]
    for path in tmp_path.rglob("*.html"):
        assert policy.carries(path.read_text(encoding="utf-8")), path
    assert (tmp_path / "good.html").read_text(encoding="utf-8") == good
    assert (tmp_path / "bare.html").read_text(encoding="utf-8").startswith(meta)


@pytest.mark.slow  # a site build
def test_every_html_file_the_site_publishes_carries_the_policy(site):
    published = sorted(site.rglob("*.htm*"))
    assert len(published) > 30
    policies = set()
    for path in published:
        html = " ".join(path.read_text(encoding="utf-8").split())
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert found, path
        policies.add(found.group(1))
        governed = [html.find(tag) for tag in ("<title", "<script", "<link", "<style", "<body")]
        assert all(found.start() < where for where in governed if where >= 0), path
    assert len(policies) == 1, policies  # one policy, from one place
    (policy,) = policies
    assert "form-action 'self'" in policy and "worker-src 'self'" in policy and "object-src 'none'" in policy


@pytest.mark.slow  # a site build
def test_the_redirect_page_of_the_report_is_refused_by_the_build(project):
    (project / "docs" / "x.md").write_text(
        'template: redirect.html\nlocation: "+alert(document.domain)+"\n\n# X\n', encoding="utf-8"
    )
    out = failed_build(project)
    assert "docs/x.md:1:1: template: de site leest deze regel" in out


# ---------------------------------------------------------------- 2: front-matter values printed raw

FRONT_VALUES = [  # (case, front matter, expected)
    (
        "the report: a title closing <title>",
        'title: "</title><form action=https://x.example><input type=password></form><meta http-equiv=refresh>"',
        "docs/x.md:2:1: title: mag geen <",
    ),
    ("a description closing its attribute", "description: 'Een \" onfocus=alert(1) x=\"'", 'description: mag geen "'),
    ("a subtitle with a tag", "subtitle: <img src=x>", "subtitle: mag geen <"),
    ("a status that is not a word", 'status: new" onmouseover="alert(1)', "status: moet één woord zijn"),
    ("hide with an unknown word", "hide:\n  - navigation\n  - <script>", "docs/x.md:4:5: hide: moet een lijst zijn"),
    ("search with another key", "search:\n  exclude: true\n  html: <b>", "search: mag alleen exclude"),
    ("a title that is not text", "title: [a, b]", "title: moet gewone tekst zijn"),
    ("a title with an invisible character", "title: A\u202eB", "title: bevat een teken"),
]


@pytest.mark.parametrize(("case", "front", "expected"), FRONT_VALUES, ids=[c for c, _, _ in FRONT_VALUES])
def test_front_matter_values_are_plain_text_or_known_words(tmp_path, case, front, expected):
    found = page(docs_project(tmp_path), f"---\n{front}\n---\n# X\n")
    assert len(found) == 1 and expected in found[0], found


def test_ordinary_front_matter_passes(tmp_path):
    front = "title: Over ons & de bronnen\ndescription: Wie wij zijn.\nstatus: new\nhide:\n  - toc\nsearch:\n  boost: 2"
    assert page(docs_project(tmp_path), f"---\n{front}\n---\n# X\n") == []


def test_the_policy_sends_forms_nowhere_else_in_both_engines():
    partial = (ROOT / "overrides" / "partials" / "policy.html").read_text(encoding="utf-8")
    ours = re.search(r'content="([^"]+)"', partial).group(1)
    zensical = (ROOT / "overrides-zensical" / "main.html").read_text(encoding="utf-8")
    theirs = " ".join(re.search(r'Content-Security-Policy" content="([^"]+)"', zensical).group(1).split())
    assert "form-action 'self'" in ours
    assert re.sub(r" 'sha256-[^']+'", "", theirs) == ours  # the same policy, plus Zensical's one style hash
    assert (
        "Content-Security-Policy" not in (ROOT / "overrides" / "main.html").read_text(encoding="utf-8").split("{#-")[0]
    )


# ---------------------------------------------------------------- 3: file names become markup

BAD_NAMES = [  # (case, folder, name, expected)
    (
        "the report: markup in a source's name",
        "bronnen",
        "x } <meta http-equiv=refresh content=0;url=https:x.example> <form> {: #y.yml",
        "mag alleen kleine letters",
    ),
    ("a source with a capital", "bronnen", "Rapport.yml", "mag alleen kleine letters"),
    ("a record ending in a line break", "", "nieuw\n.yml", "mag alleen kleine letters"),
    ("a checklist with a space", "checklists", "een lijst.yml", "mag alleen kleine letters"),
    ("a source named like a Windows device", "bronnen", "con.yml", "Windows"),
    ("a record named like a Windows device", "", "lpt1.yml", "Windows"),
]


@pytest.mark.parametrize(("case", "folder", "name", "expected"), BAD_NAMES, ids=[c[0] for c in BAD_NAMES])
def test_every_file_name_in_werkvormen_is_a_slug(tmp_path, case, folder, name, expected):
    root = records(tmp_path)
    original = root / ("bronnen/tips-leernetwerken-jeugdzorg.yml" if folder == "bronnen" else "leerhuis.yml")
    if folder == "checklists":
        original = next((root / "checklists").glob("*.yml"))
    shutil.copy(original, root / folder / name)
    shown = f"werkvormen/{folder + '/' if folder else ''}{name}".replace("\n", "\\n")
    found = [line for line in refused(root) if line.startswith(shown + ":1:1:")]
    assert found and expected in found[0], refused(root)


def test_a_key_never_reaches_attribute_syntax_unless_it_is_a_slug():
    assert pages.anchor_id("rapport-2024") == "rapport-2024"
    for key in ["x } <meta> {: #y", "a\n", "a b", "A"]:
        with pytest.raises(ValueError):
            pages.anchor_id(key)
    assert not patterns.is_slug("nieuw\n") and re.match(patterns.SLUG, "nieuw\n")  # why fullmatch


# ---------------------------------------------------------------- 4: bombs (the synonym list, pages)


def test_the_synonym_list_refuses_aliases_at_their_line():
    group = "- &a [" + ", ".join(f"w{i}" for i in range(30)) + "]\n"
    start = time.monotonic()
    with pytest.raises(search.SynonymError, match=r"^src/handbook/synoniemen.yml:\d+:\d+: aliassen"):
        search.parse_groups(group + "- *a\n" * 1000)
    assert time.monotonic() - start < 5


def test_the_synonym_list_is_bounded_in_size_and_groups():
    with pytest.raises(search.SynonymError, match="hoogstens 64,000"):
        search.parse_groups("- [a, b]\n" * 10_000)
    with pytest.raises(search.SynonymError, match=r"synoniemen.yml:2:3: .*hoogstens 40"):
        search.parse_groups("- [a, b]\n- [" + ", ".join(f"w{i}" for i in range(41)) + "]\n")
    assert search.synonym_groups()  # the real list passes


PAGE_BOMBS = [  # (case, page text, expected)
    ("brackets spread over the page (the report: 30,000 took 143 s)", "[a " * 3000, "hoogstens 500"),
    ("the report: 2,000 list markers, then text", "- " * 2000 + "tekst", "lijst- of citaattekens"),
    ("a run of one mark", "*" * 5000, "achter elkaar"),
    ("a line past the records' limit", "a" * 10_001, "hoogstens 10000"),
    ("deep indentation", " " * 40 + "x", "springt meer dan"),
]


@pytest.mark.parametrize(("case", "text", "expected"), PAGE_BOMBS, ids=[c for c, _, _ in PAGE_BOMBS])
def test_a_page_has_the_records_limits(tmp_path, case, text, expected):
    start = time.monotonic()
    found = page(docs_project(tmp_path), f"# X\n\n{text}\n")
    assert found and all(f.startswith("docs/x.md:3:") for f in found) and expected in " ".join(found), found
    assert time.monotonic() - start < 10  # a generous bound: before, 30,000 '[' took 143 s


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_survives_the_page_bombs_as_a_process(tmp_path):
    project = docs_project(tmp_path)
    shutil.copytree(ROOT / "werkvormen", project / "werkvormen")
    (project / "docs" / "x.md").write_text("# X\n\n" + "- " * 2000 + "tekst\n\n" + "[" * 30_000, encoding="utf-8")
    result = check(project / "werkvormen", timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert "docs/x.md:3:1:" in result.stderr


# ---------------------------------------------------------------- 5: CI

WORKFLOW = ROOT / ".github" / "workflows" / "handboek.yml"


def test_no_checkout_keeps_the_token():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    for name, job in jobs.items():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") is False, name


def test_the_trust_summary_runs_the_base_branchs_code_before_any_of_the_pull_requests():
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    names = [step.get("name", step.get("uses", "")) for step in steps]
    trust_step = steps[names.index("Code in deze pull request")]
    run = trust_step["run"]
    assert (
        'git show "$BASE:src/handbook/trust/review.py"' in run
        and 'git show "$BASE:src/handbook/base/problems.py"' in run
    )
    assert "make" not in run.split() and ".venv" not in run and "-m handbook" not in run
    first_make = next(i for i, step in enumerate(steps) if "make" in step.get("run", "").split())
    assert names.index("Code in deze pull request") < first_make


def test_the_base_trust_py_alone_names_a_widened_content_list_as_code(tmp_path):
    """The step as CI runs it, on a copy of trust.py and problems.py in a folder of their own."""
    step = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    run = next(s["run"] for s in step if s.get("name") == "Code in deze pull request")
    program = re.search(r"python3 -E -s -c '([^']+)'", run).group(1)
    basis = tmp_path / "basis"
    (basis / "handbook" / "base").mkdir(parents=True)
    (basis / "handbook" / "__init__.py").write_text("")
    (basis / "handbook" / "base" / "__init__.py").write_text("")
    shutil.copy(ROOT / "src" / "handbook" / "trust" / "review.py", basis / "handbook" / "trust.py")
    shutil.copy(ROOT / "src" / "handbook" / "base" / "problems.py", basis / "handbook" / "base" / "problems.py")
    (basis / "changed.txt").write_text("src/handbook/trust/review.py\nwerkvormen/a.yml\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    subprocess.run(["python3", "-E", "-s", "-c", program, str(summary)], cwd=basis, check=True, env=env)
    assert summary.read_text(encoding="utf-8").startswith("## Een onderhouder moet meekijken")


@pytest.mark.parametrize(
    "name", ["docs/a`![x](https://x.example/p.gif)`b.md", "docs/a``` ``![x](https://x.example/p.gif)`.md"]
)
def test_the_changed_pages_table_escapes_every_column(name):
    entry = changes.Changed(title="x", page=name.replace("docs/", "").replace(".md", ".html"), status="nieuw")
    row = next(line for line in changes.markdown([entry], "voorbeeld-site").splitlines() if "nieuw" in line)
    cell = row.split(" | ")[2].rstrip(" |")
    fence = re.match(r"`+", cell).group()
    inner = cell[len(fence) : -len(fence)]
    assert cell.endswith(fence) and fence not in inner  # one code span, from the first backtick to the last


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_a_file_name_that_is_not_utf8_does_not_crash_the_summary(tmp_path):
    root = records(tmp_path)
    shutil.copy(root / "leerhuis.yml", os.fsdecode(bytes(root) + b"/x\xff.yml"))
    summary = tmp_path / "summary.md"
    result = check(root, "--github", "--summary", str(summary))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "werkvormen/x\\udcff.yml:1:1: de bestandsnaam" in text


# ---------------------------------------------------------------- 6: addresses as a browser reads them

SPELLINGS = [
    "[B](https:\\\\example.org\\b)",
    "[C](https:\\/example.org/c)",
    "[E](https:/\\example.org/e)",
    "[F](HTTPS:example.org/f)",
    "[G](https&#58;//example.org/g)",
    "[H][h]\n\n  [h]: https:\\\\example.org\\h",
]


@pytest.mark.parametrize("link", SPELLINGS)
def test_every_spelling_of_an_address_meets_the_source_rule(tmp_path, link):
    root = records(tmp_path)
    in_text(root, link)
    found = [line for line in refused(root) if "staat bij geen enkele bron" in line]
    assert found and found[0].startswith("werkvormen/leerhuis.yml:"), refused(root)


def test_a_source_address_in_another_spelling_still_counts_as_given(tmp_path):
    root = records(tmp_path)
    in_text(root, "[de bron](" + SOURCE_URL.replace("https://www.", "HTTPS:\\\\WWW.") + ")")
    load(root)


# ---------------------------------------------------------------- 7: make bronnen-apart

NEW_SOURCE = (
    "\nnieuwe_bronnen:\n  - sleutel: {key}\n    titel: Eigen rapport\n    licentie: CC BY 4.0\n"
    "    bewerken_toegestaan: true\n    commercieel_toegestaan: true\n    over: {over}\n"
    "bronnen:\n"  # not yet named by the record: as reported, the check passed
)


def with_new_source(tmp_path: Path, key: str, over: str = "Een rapport van ons team.") -> Path:
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nbronnen:\n", NEW_SOURCE.format(key=key, over=over), 1), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "key", ['"rapport-x\\n"', '" rapport-x"', '"\\_rapport-x"', '"\\trapport-x"', '"rapport-x\\L"']
)
def test_split_writes_the_models_key(tmp_path, key):
    root = with_new_source(tmp_path, key)
    load(root)  # passes the check, as reported
    written = split.split(root)
    assert written == [root / "bronnen" / "rapport-x.yml", root / "leerhuis.yml"]
    assert sorted(p.name for p in (root / "bronnen").iterdir() if "rapport" in p.name) == ["rapport-x.yml"]
    load(root)


def test_split_cuts_the_block_by_the_yaml_tree_not_by_lines(tmp_path):
    over = '"Een rapport.\n\nook_bekend_als: [Kaping]\n\nMeer tekst."'  # the quoted text runs on at column 1
    root = with_new_source(tmp_path, "rapport-x", over)
    before = parse((root / "leerhuis.yml").read_text(encoding="utf-8")).data
    split.split(root)
    after = parse((root / "leerhuis.yml").read_text(encoding="utf-8")).data
    assert after == {k: v for k, v in before.items() if k != "nieuwe_bronnen"}
    assert "ook_bekend_als: [Kaping]" in (root / "bronnen" / "rapport-x.yml").read_text(encoding="utf-8") or (
        "ook_bekend_als" in parse((root / "bronnen" / "rapport-x.yml").read_text(encoding="utf-8")).data["over"]
    )


@pytest.mark.parametrize("key", ["con", "nul", "aux", "com1", "lpt9"])
def test_a_windows_device_name_is_refused_as_a_key(tmp_path, key):
    root = with_new_source(tmp_path, key)
    found = refused(root)
    assert any("nieuwe_bronnen.1.sleutel: is een naam die Windows" in line for line in found), found
    with pytest.raises(RecordError):
        split.split(root)
    assert not (root / "bronnen" / f"{key}.yml").exists()


def test_split_writes_nothing_when_the_result_would_not_pass(tmp_path, monkeypatch):
    root = with_new_source(tmp_path, "rapport-x")
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    monkeypatch.setattr(split, "MODELINE", "titel: [\n")  # a source file that would not read
    with pytest.raises(RecordError):
        split.split(root)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


# ---------------------------------------------------------------- 8: make new runs no shell text


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "werkvormen", project / "werkvormen")
    (project / ".venv").symlink_to(ROOT / ".venv")
    return project


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_make_new_passes_the_title_through_the_environment(tmp_path):
    project = make_project(tmp_path)
    spot = Path(tempfile.mkdtemp(prefix="r", dir="/tmp"))  # a short path: the title fits the model's 80
    try:
        titles = [
            ("new", f"Test `touch {spot}/1` twee"),
            ("new-bron", f'Bron"; touch {spot}/2; echo "'),
            ("new", f"$$(touch {spot}/3)"),
            ("new", f"$(shell touch {spot}/4)"),
            ("new", f"Bron'; touch {spot}/5; echo '"),
        ]
        for target, title in titles:
            result = subprocess.run(
                ["make", "-s", target, f"TITEL={title}"], cwd=project, capture_output=True, text=True
            )
            assert result.returncode == 0, result.stderr
            written = re.search(r"geschreven: (\S+)", result.stdout).group(1)
            assert parse((project / written).read_text(encoding="utf-8")).data["titel"] == title
        assert list(spot.iterdir()) == []  # no touch ran
    finally:
        shutil.rmtree(spot)


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_a_title_too_long_is_a_dutch_error(tmp_path):
    project = make_project(tmp_path)
    for target in ("new", "new-bron"):
        result = subprocess.run(
            ["make", "-s", target, "TITEL=" + "a" * 400], cwd=project, capture_output=True, text=True
        )
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert "fout: de titel is 400 tekens lang; hoogstens" in result.stderr
    result = subprocess.run(["make", "-s", "new"], cwd=project, capture_output=True, text=True)
    assert 'Gebruik: make new TITEL="Naam van de werkvorm"' in result.stderr


# ---------------------------------------------------------------- 9: what check accepts, --strict builds


BROKEN_LINKS = [  # (link, expected): each passed check and failed the --strict build
    ("[x](<x>)", "de link 'x' leidt naar geen pagina"),
    ("[x](geen.md)", "de link 'geen.md' leidt naar geen pagina"),
    ("[x](#nope)", "de link '#nope' wijst naar een plek (na #) die er op die pagina niet is"),
    ("[p](../privacy.md#nope)", "de link '../privacy.md#nope' wijst naar een plek"),
    ("[b](../bronnen.md#geen-bron)", "de link '../bronnen.md#geen-bron' wijst naar een plek"),
]


@pytest.mark.parametrize(("link", "expected"), BROKEN_LINKS)
def test_a_relative_link_that_leads_nowhere_is_refused_by_check(tmp_path, link, expected):
    project = docs_project(tmp_path)
    shutil.copytree(ROOT / "werkvormen", project / "werkvormen")
    in_text(project / "werkvormen", link)
    found = refused(project / "werkvormen")
    assert any(line.startswith("werkvormen/leerhuis.yml:") and expected in line for line in found), found


@pytest.mark.slow  # a site build
def test_links_in_angle_brackets_that_check_accepts_the_strict_build_builds(project):
    in_text(
        project / "werkvormen",
        f"Zie [de bron](<{SOURCE_URL}>), [privacy](<../privacy.md>), [de kop](#wat-is-het), "
        "[de tips](../bronnen.md#tips-leernetwerken-jeugdzorg) en [let op](intervisie.md#let-op).",
    )
    load(project / "werkvormen")
    result = build_site(project, HANDBOOK_PDF="0")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    html = (project / "site" / "werkvormen" / "leerhuis" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SOURCE_URL}"' in html


# ---------------------------------------------------------------- 10: smaller


@pytest.mark.parametrize("anchor", ["__config", "__search", "filters", "hb-yaml", "filter-rol"])
def test_a_page_may_not_take_a_reserved_id(tmp_path, anchor):
    found = page(docs_project(tmp_path), f'# X\n\n## Kop {{: #{anchor} }}\n\n<p id="{anchor}">x</p>\n')
    assert found and all(f.startswith("docs/x.md:3:1:") for f in found[:1]), found
    assert f"de naam '{anchor}'" in found[0]


LOADING = [
    '<img src="assets/p.png" srcset="https://x.example/p.png 2x">',
    '<video poster="https://x.example/p.png" src="assets/v.mp4"></video>',
    '<video src="https://x.example/v.mp4"></video>',
    '<audio src="https://x.example/a.mp3"></audio>',
    '<input type="image" src="https://x.example/p.png">',
    '<a href="https://example.org/" ping="https://x.example/">x</a>',
    '<picture><source srcset="https://x.example/p.webp"><img src="assets/p.png"></picture>',
    '<img src="assets/p.png" srcset="data:image/png;base64,AAAA 2x">',
]


@pytest.mark.parametrize("html", LOADING)
def test_a_page_loads_nothing_from_outside_the_site(tmp_path, html):
    found = page(docs_project(tmp_path), f"# X\n\n{html}\n")
    assert found and found[0].startswith("docs/x.md:3:1:"), found


def test_a_page_may_show_its_own_pictures_in_every_size(tmp_path):
    html = (
        '<img src="assets/a.png" srcset="assets/a.png 1x, assets/b.png 2x" alt="a">\n\n<a href="https://e.org/">e</a>'
    )
    assert page(docs_project(tmp_path), f"# X\n\n{html}\n") == []


@pytest.mark.parametrize("definition", ["*[Spiegelbijeenkomst]: Een kaping", "   *[HTML]:x", "*[a b]:  y"])
def test_an_abbreviation_definition_in_record_text_is_refused(tmp_path, definition):
    root = records(tmp_path)
    in_text(root, f"\n\n  {definition}")
    found = refused(root)
    assert any(line.startswith("werkvormen/leerhuis.yml:") and "afkorting" in line for line in found), found


def test_asterisks_and_brackets_in_ordinary_text_pass(tmp_path):
    root = records(tmp_path)
    in_text(root, "Een *[belangrijk]* punt: zie hieronder.")
    load(root)


def test_the_fast_checks_stay_fast_on_the_real_records():
    start = time.monotonic()
    load(ROOT / "werkvormen")
    assert time.monotonic() - start < 20
    assert sys.version_info >= (3, 11)
