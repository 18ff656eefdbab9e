"""Every file of a pull request is untrusted: docs/, CI output and the parser's last crashes (issue #24).

One section per case of the attack review, each with the case as reported
and variants of our own. In-process where the loader, the docs check or the
report decide; a subprocess where the process itself is what could die
(a segfault) or what CI reads (stdout, stderr, the job summary); a real
build where "the build writes nothing" is the contract.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, failed_build, site_markdown

from handbook.base import anchors, problems, textrules, yamlhints
from handbook.base.problems import Problem, RecordError
from handbook.base.yamlfile import YamlProblem, parse
from handbook.printing import jobs as printing
from handbook.site import pages
from handbook.site.linkcheck import load
from handbook.trust import docsdir
from handbook.trust import review as trust


def records(tmp_path: Path) -> Path:
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    return root


def set_field(root: Path, field: str, value, record: str = "leerhuis.yml") -> Path:
    """Write `value` into `field` of a record, as a YAML serializer writes it."""
    path = root / record
    data = parse(path.read_text(encoding="utf-8")).data
    data[field] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return path


def refused(root: Path) -> list[str]:
    with pytest.raises(RecordError) as caught:
        load(root)
    return [str(p) for p in caught.value.problems]


def check(root: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """`python -m handbook check` on the records in `root`, as CI runs it (a process of its own)."""
    return subprocess.run(
        [sys.executable, "-m", "handbook", "--werkvormen", str(root), "check", *extra],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root.parent,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )


def docs_project(tmp_path: Path) -> Path:
    """mkdocs.yml and docs/ of the project, copied: what the docs check reads."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def docs_problems(project: Path) -> list[str]:
    convert = docsdir.site_markdown(project / "mkdocs.yml")
    return [str(p) for p in docsdir.check(project / "docs", project, convert)]


def test_the_projects_own_docs_pass():
    assert docs_problems(ROOT) == []


# ---------------------------------------------------------------- 1: symlinks in docs/ publish files from outside

LINKS = [  # (case, link in docs/, its target)
    ("the report: a file next to the project", "instellingen.txt", "../mkdocs.yml"),
    ("the checkout's configuration", "x.txt", "../.git/config"),
    ("an absolute path", "hosts.txt", "/etc/hosts"),
    ("a link that resolves nowhere", "weg.txt", "../bestaat-niet"),
    ("a symlinked page", "instellingen.md", "../README.md"),
    ("a symlinked folder", "assets/geheim", "../../.."),
    ("a page linking to a page inside docs/", "kopie.md", "over.md"),
]


@pytest.mark.parametrize(("case", "name", "target"), LINKS, ids=[row[0] for row in LINKS])
def test_every_symlink_in_docs_is_refused_naming_the_file(tmp_path, case, name, target):
    project = docs_project(tmp_path)
    (project / "docs" / name).symlink_to(target)
    found = docs_problems(project)
    assert found == [f"docs/{name}:1:1: " + docsdir._LINK], found


def test_docs_itself_a_symlink_is_refused(tmp_path):
    project = docs_project(tmp_path)
    shutil.move(project / "docs", tmp_path / "elders")
    (project / "docs").symlink_to(tmp_path / "elders")
    assert docs_problems(project) == ["docs/:1:1: " + docsdir._LINK]


def test_werkvormen_itself_a_symlink_is_refused(tmp_path):
    root = records(tmp_path)
    shutil.move(root, tmp_path / "elders")
    root.symlink_to(tmp_path / "elders")
    assert refused(root) == ["werkvormen/:1:1: is een snelkoppeling (symlink); zet de records zelf hier"]


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_reports_a_symlink_in_docs_with_the_records(tmp_path):
    project = docs_project(tmp_path)
    shutil.copytree(ROOT / "werkvormen", project / "werkvormen")
    (project / "docs" / "instellingen.txt").symlink_to("../mkdocs.yml")
    result = check(project / "werkvormen")
    assert result.returncode == 1
    assert "docs/instellingen.txt:1:1: is een snelkoppeling (symlink)" in result.stderr
    assert "1 probleem in de werkvormen en docs/ gevonden; er is niets gebouwd." in result.stderr


@pytest.mark.slow  # a site build
def test_the_build_refuses_a_symlink_in_docs_and_writes_nothing(project):
    (project / "docs" / "instellingen.txt").symlink_to("../mkdocs.yml")
    (project / "docs" / "pagina.md").symlink_to("../mkdocs.yml")
    out = failed_build(project)
    assert "docs/instellingen.txt:1:1: is een snelkoppeling (symlink)" in out
    assert "docs/pagina.md:1:1: is een snelkoppeling (symlink)" in out


# ---------------------------------------------------------------- 2: active files in docs/ run script on the site

SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'
ACTIVE_FILES = [  # (case, file in docs/, content, expected message)
    ("the report: an HTML file", "x.html", "<script>alert(1)</script>", "een .html-bestand kan script bevatten"),
    ("the report: an SVG a record may link to", "assets/plaatje.svg", SCRIPT_SVG, "een .svg-bestand kan script"),
    ("the project's favicon changed", "assets/favicon.svg", SCRIPT_SVG, "verschilt van wat het project uitgeeft"),
    ("upper-case suffix", "x.HTM", "<script>alert(1)</script>", "een .htm-bestand"),
    ("XHTML", "x.xhtml", "<html xmlns='http://www.w3.org/1999/xhtml'><script>1</script></html>", "een .xhtml-bestand"),
    ("XML with a stylesheet", "x.xml", "<?xml-stylesheet href='x.xsl'?><a/>", "een .xml-bestand"),
    ("a module script", "assets/javascripts/x.mjs", "alert(1)", "een .mjs-bestand"),
    ("a script outside the scripts folder", "x.js", "alert(1)", "een script hoort in docs/assets/javascripts/"),
    ("a file type the site does not need", "x.pdf", "%PDF-1.4", "dit soort bestand hoort niet op de site"),
    ("no suffix", "LEESMIJ", "tekst", "dit soort bestand hoort niet op de site"),
]


@pytest.mark.parametrize(("case", "name", "content", "expected"), ACTIVE_FILES, ids=[r[0] for r in ACTIVE_FILES])
def test_files_that_can_carry_script_are_refused(tmp_path, case, name, content, expected):
    project = docs_project(tmp_path)
    (project / "docs" / name).write_text(content, encoding="utf-8")
    found = docs_problems(project)
    assert len(found) == 1 and found[0].startswith(f"docs/{name}:1:1: ") and expected in found[0], found


ACTIVE_PAGES = [  # (case, page text, expected message); every one in a page docs/x.md
    ("the report: a script from elsewhere", '<script src="https://x.example/a.js"></script>', "HTML <script>"),
    ("inline script", "Tekst.\n\n<script>alert(1)</script>", "HTML <script>"),
    ("script inside a Markdown block", '<div markdown="1">\n\n<script>alert(1)</script>\n\n</div>', "<script>"),
    ("script in a paragraph", "Tekst <script>alert(1)</script> tekst.", "HTML <script>"),
    ("upper case", "<SCRIPT>alert(1)</SCRIPT>", "HTML <script>"),
    ("an event handler", "<img src=x.png onerror=alert(1)>", "het HTML-attribuut 'onerror'"),
    ("an iframe", '<iframe src="/"></iframe>', "HTML <iframe>"),
    ("an inline SVG", "<svg onload=alert(1)></svg>", "HTML <svg>"),
    ("a javascript: link in HTML", '<a href="javascript:alert(1)">x</a>', "naar een adres dat niet mag"),
    ("an image from another host", '<img src="https://x.example/p.gif">', "iets laden van buiten de site"),
    ("a form", '<form action="https://x.example/"><input name=a></form>', "HTML <form>"),
    ("a base address", '<base href="https://x.example/">', "HTML <base>"),
    ("a meta refresh", '<meta http-equiv="refresh" content="0;url=https://x.example/">', "HTML <meta>"),
    ("a style element", "<style>body{background:url(https://x.example/)}</style>", "HTML <style>"),
]


@pytest.mark.parametrize(("case", "text", "expected"), ACTIVE_PAGES, ids=[r[0] for r in ACTIVE_PAGES])
def test_active_html_in_a_docs_page_is_refused(tmp_path, case, text, expected):
    project = docs_project(tmp_path)
    (project / "docs" / "x.md").write_text(f"---\ntitle: X\n---\n# X\n\n{text}\n", encoding="utf-8")
    found = docs_problems(project)
    assert found and all(f.startswith("docs/x.md:") for f in found) and expected in " ".join(found), found


PASSIVE_PAGES = [  # what a page may hold and the site shows as text or makes harmless
    "Schrijf nooit `<script>` in een pagina.",
    "Zo niet:\n\n    <script>alert(1)</script>",  # a code block shows it as text
    "Een afbeelding: ![logo](assets/favicon.svg)",
    "Tekst met een lijst.\n{: .hb-lead }",
    "Een [link](https://example.org/) en [een pagina](over.md).",
    'Een alinea {: onclick="alert(1)" }',  # attribute lists: the sanitiser drops on... after parsing
]


@pytest.mark.parametrize("text", PASSIVE_PAGES)
def test_text_about_html_and_attribute_lists_pass(tmp_path, text):
    project = docs_project(tmp_path)
    (project / "docs" / "x.md").write_text(f"# X\n\n{text}\n", encoding="utf-8")
    assert docs_problems(project) == []


FRONT_MATTER = [  # (case, front matter, expected)
    ("the report: a template outside the theme", "template: ../../../../etc/passwd", "docs/x.md:2:1: template: kiest"),
    ("a template of the theme", "template: main.html", "docs/x.md:2:1: template: kiest een sjabloon"),
    ("an unknown key", "title: X\nplugin_setting: 1", "docs/x.md:3:1: plugin_setting: is geen veld"),
    ("not YAML", "title: [", "docs/x.md:"),
]


@pytest.mark.parametrize(("case", "front", "expected"), FRONT_MATTER, ids=[r[0] for r in FRONT_MATTER])
def test_front_matter_keys_come_from_an_allowlist(tmp_path, case, front, expected):
    project = docs_project(tmp_path)
    (project / "docs" / "x.md").write_text(f"---\n{front}\n---\n# X\n", encoding="utf-8")
    found = docs_problems(project)
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.slow  # a site build
def test_a_template_in_front_matter_gives_a_dutch_error_not_a_traceback(project):
    (project / "docs" / "x.md").write_text("---\ntemplate: ../../../../etc/passwd\n---\n# X\n", encoding="utf-8")
    (project / "docs" / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (project / "docs" / "assets" / "p.svg").write_text(SCRIPT_SVG, encoding="utf-8")
    out = failed_build(project)  # no traceback, nothing written
    assert "docs/x.md:2:1: template: kiest een sjabloon van de site" in out
    assert "docs/x.html:1:1: een .html-bestand kan script bevatten" in out
    assert "docs/assets/p.svg:1:1: een .svg-bestand kan script bevatten" in out
    assert "TemplateNotFound" not in out


def test_dot_files_are_not_published_and_not_judged(tmp_path):
    project = docs_project(tmp_path)
    (project / "docs" / ".DS_Store").write_bytes(b"\0\1")
    assert docs_problems(project) == []
    (project / "docs" / ".verborgen").symlink_to("../mkdocs.yml")
    assert docs_problems(project) == ["docs/.verborgen:1:1: " + docsdir._LINK]


# ---------------------------------------------------------------- 3: no CI log or summary injection through `check`

INJECTIONS = [
    "\n::stop-commands::pause",
    "\n::warning file=x.yml::Alles in orde",
    "\r\n::error::x",
    "\x85::x",
    "\x1b[2J",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_a_plain_report_line_carries_no_raw_line_break_or_control(payload):
    line = str(Problem(f"werkvormen/a{payload}.yml", 1, 1, f"veld{payload}", f"'{payload}' klopt niet"))
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\x85" not in line
    assert "::" not in line.split(":", 1)[0]


def test_a_file_name_that_begins_with_two_colons_does_not_begin_the_line():
    assert str(Problem("::warning ::x.yml", 1, 1, "", "m")).startswith("./::warning ::x.yml:1:1: m")


def _injected_records(tmp_path: Path) -> Path:
    root = records(tmp_path)
    data = parse((root / "leerhuis.yml").read_text(encoding="utf-8")).data
    data["verwant"] = ["leerhuis\n::stop-commands::x"]
    data["bestaat_niet\n::warning file=werkvormen/leerhuis.yml::Alles in orde"] = "x"
    data["wat_brengt_het"]["docent\n## Alles in orde\n```\n![x](https://x.example/p.gif)"] = ["x"]
    (root / "leerhuis.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "x\n::error::geen fouten.yml").write_text("titel: x\n", encoding="utf-8")
    return root


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_prints_every_value_on_its_own_line_and_no_workflow_command(tmp_path):
    root = _injected_records(tmp_path)
    summary = tmp_path / "summary.md"
    result = check(root, "--summary", str(summary))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert all(line.startswith(("werkvormen/", "./", "1", "2", "3", "4", "5")) for line in lines), lines
    assert not any(line.lstrip().startswith("::") for line in result.stderr.splitlines() + result.stdout.splitlines())
    assert "verwant.1: 'leerhuis\\n::stop-commands::x'" in result.stderr
    assert "werkvormen/x\\n::error::geen fouten.yml:1:1:" in result.stderr


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_the_job_summary_is_one_code_block_that_no_record_text_closes(tmp_path):
    root = _injected_records(tmp_path)
    data = parse((root / "intervisie.yml").read_text(encoding="utf-8")).data
    data["onbekend ````` ``` ```````"] = "x"  # a longer run of backticks than the usual fence
    (root / "intervisie.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    summary = tmp_path / "summary.md"
    check(root, "--summary", str(summary))
    text = summary.read_text(encoding="utf-8")
    fence = re.search(r"^(`{3,})text$", text, re.M)
    assert fence and len(fence.group(1)) == 8  # longer than the longest run in any line (7)
    body = text[fence.end() :]
    closing = [m.start() for m in re.finditer(rf"^ {{0,3}}`{{{len(fence.group(1))},}}\s*$", body, re.M)]
    assert len(closing) == 1 and body[closing[0] :].strip() == fence.group(1)  # only the real end closes it
    assert "\n## Alles in orde" not in text and "\n![x]" not in text
    assert text.startswith("## Wat er nog niet klopt\n")


@pytest.mark.parametrize("runs", [0, 3, 4, 10])
def test_the_summary_fence_is_longer_than_any_backtick_run(runs):
    text = problems.summary([f"a {'`' * runs} b"], ok=False)
    fence = text.split("\n")[5]
    assert fence.endswith("text") and len(fence) - 4 == max(3, runs + 1)


def test_the_workflow_never_pastes_raw_output_into_the_summary():
    workflow = (ROOT / ".github" / "workflows" / "handboek.yml").read_text(encoding="utf-8")
    assert "```" not in workflow and "--summary $GITHUB_STEP_SUMMARY" in workflow
    appended = [line for line in workflow.splitlines() if '>> "$GITHUB_STEP_SUMMARY"' in line]
    assert all("python -m handbook" in line for line in appended)  # only our own, encoded output
    assert not re.search(r"\btee\b", workflow)
    jobs = yaml.safe_load(workflow)["jobs"]
    for name in ("check", "build"):  # no token in .git/config while a pull request's files are read
        checkout = next(s for s in jobs[name]["steps"] if s.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"]["persist-credentials"] is False


# ---------------------------------------------------------------- 4: line breaks only YAML sees
# (the form's own round trip is tested in the browser: tests/browser/test_untrusted_pages.py)

HIDDEN_BREAKS = ["\x85", "\u2028", "\u2029", "\r"]


@pytest.mark.parametrize("char", HIDDEN_BREAKS, ids=["NEL", "LS", "PS", "CR"])
def test_a_hidden_line_break_in_a_record_is_refused_where_it_stands(tmp_path, char):
    """The form's old output: a block text with NEL + a key became that key; `check` passed."""
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    source = path.read_text(encoding="utf-8")
    path.write_text(
        source.replace("wat_is_het: |\n  Een", f"wat_is_het: |\n  Een{char}eigen_advies: x\n  Een"), "utf-8"
    )
    found = refused(root)
    line = source[: source.index("wat_is_het: |")].count("\n") + 2
    assert found == [
        f"werkvormen/leerhuis.yml:{line}:6: hier staat een onzichtbaar regeleinde (U+{ord(char):04X}, "
        + {"\x85": "NEL", "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR", "\r": "CARRIAGE RETURN"}[char]
        + "), vaak meegekopieerd uit een ander programma; YAML begint daar een nieuwe regel. "
        "Haal het weg of begin een gewone nieuwe regel"
    ]


def test_windows_line_ends_are_still_read(tmp_path):
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert load(root).get("leerhuis").record.titel == "Leerhuis"


@pytest.mark.parametrize("char", HIDDEN_BREAKS, ids=["NEL", "LS", "PS", "CR"])
def test_an_escaped_hidden_break_stays_in_its_field(tmp_path, char):
    """What the form writes now: the character escaped inside quotes; the field keeps it, and says so."""
    root = records(tmp_path)
    escaped = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P", "\r": "\\r"}[char]
    path = root / "leerhuis.yml"
    source = path.read_text(encoding="utf-8")
    line = f'samenvatting: "Een tekst{escaped}eigen_advies: x"'
    path.write_text(re.sub(r"^samenvatting: .*$", lambda _: line, source, flags=re.M), encoding="utf-8")
    assert parse(path.read_text(encoding="utf-8")).data["samenvatting"] == f"Een tekst{char}eigen_advies: x"
    (found,) = refused(root)
    assert re.match(r"werkvormen/leerhuis.yml:3:1: samenvatting: bevat een (stuurteken|onzichtbaar teken)", found)


# ---------------------------------------------------------------- 5: nested block lists no longer kill the process

DEEP = [  # (case, text put in place of `verwant:`, expected)
    ("the report: 25,000 '- ' on one line", "verwant:\n" + "- " * 25_000, "deze regel is 50000 tekens lang"),
    ("4,999 '- ' within the line limit", "verwant:\n" + "- " * 4_999 + "x", "te diep genest"),
    (
        "a list deeper on every line",
        "verwant:\n" + "".join(" " * i + "-\n" for i in range(0, 900, 2)),
        "te diep genest",
    ),
    ("mappings deeper on every line", "verwant:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 700)), "te diep"),
    ("complex keys", "verwant:\n" + "? " * 4_999 + "x", "te diep genest"),
    ("lists in brackets over lines", "verwant: " + ("[" * 4_000 + "\n  ") * 8, "te diep genest"),
]


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
@pytest.mark.parametrize(("case", "new", "expected"), DEEP, ids=[r[0] for r in DEEP])
def test_deep_nesting_is_a_dutch_message_not_a_crash(tmp_path, case, new, expected):
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    text = path.read_text(encoding="utf-8")  # `verwant:` and its items replaced, so the rest stays valid
    path.write_text(re.sub(r"^verwant:\n(?:  - .*\n)*", lambda _: new + "\n", text, count=1, flags=re.M))
    result = check(root)
    assert result.returncode == 1, (result.returncode, result.stderr[-300:])  # -11 was a segfault
    assert expected in result.stderr and "Traceback" not in result.stderr, result.stderr[-500:]


@pytest.mark.slow  # a site build
def test_the_build_survives_deep_nesting_and_writes_nothing(project):
    path = project / "werkvormen" / "leerhuis.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^verwant:$", "verwant:\n" + "- " * 25_000 + "x", text, count=1, flags=re.M))
    assert "verwant: deze regel is 50001 tekens lang" in failed_build(project)  # a segfault before


# ---------------------------------------------------------------- 6: every pattern linear; lines bounded first

KB250 = 250_000
# (case, function, 250 kB input): each the worst input we know for that pattern
LINEAR = [
    ("the report: key-line hint, spaces", lambda s: yamlhints.tidy(s), "wat_is_het: |\n  a" + " " * KB250 + "b\n"),
    ("key-line hint, no colon", lambda s: yamlhints.tidy(s), "a" + " " * KB250),
    ("key-line hint, dashes", lambda s: yamlhints.tidy(s), "- " * (KB250 // 2) + "a" + " " * 10 + "b"),
    ("key-line hint, NBSP", lambda s: yamlhints.tidy(s), "a" + "\u00a0" * KB250 + "b"),
    ("key-line hint, many lines", lambda s: yamlhints.tidy(s), "a b\n" * (KB250 // 4)),
    ("glued colon", lambda s: yamlhints._glued_colon(s.split("\n"), 1, 1), "a" * KB250 + ":"),
    ("open quote", lambda s: yamlhints._open_quote(s.split("\n"), 1), '"' + "a\\" * (KB250 // 2)),
    ("text after quote", lambda s: yamlhints._text_after_quote(s, 1), "'" + "' " * (KB250 // 2)),
    ("text after quote, spaces", lambda s: yamlhints._text_after_quote(s, 1), '"a"' + " " * KB250),
    ("indentation hint", lambda s: yamlhints._indentation(s.split("\n"), len(s.split("\n"))), "  a\n" * 62_500),
    ("the loader's line check", lambda s: _parse_or_problem(s), "a: " + "x" * KB250),
    ("the loader, comment after text", lambda s: _parse_or_problem(s), ("- a #\n" * (KB250 // 6))),
    ("record text rules", lambda s: textrules.invisible(s) or _text_rule(s), "- " * (KB250 // 2)),
    ("record text rules, markers", lambda s: _text_rule(s), ("1. " * 3 + "a\n") * (KB250 // 10)),
    ("record text rules, indentation", lambda s: _text_rule(s), (" " * 16 + "a\n") * (KB250 // 18 + 1)),
    ("an address's scheme", lambda s: docsdir.sanitize.scheme(s), "a" * KB250),
    ("an allowed address", lambda s: docsdir.sanitize.allowed(s), "\t" * KB250 + "javascript:"),
    ("the plain report", lambda s: str(Problem("a.yml", 1, 1, "f", s)), "\n::x" * (KB250 // 4)),
    ("the job summary", lambda s: problems.summary([s], ok=False), "` " * (KB250 // 2)),
]


def _parse_or_problem(text: str) -> None:
    with contextlib.suppress(YamlProblem):
        parse(text)


def _text_rule(text: str) -> None:
    with contextlib.suppress(ValueError):
        textrules.text(text)


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
@pytest.mark.parametrize(("case", "function", "value"), LINEAR, ids=[r[0] for r in LINEAR])
def test_every_pattern_takes_seconds_at_most_on_250_kb(case, function, value):
    """Linear patterns take milliseconds to a second here on a busy machine; the quadratic key-line
    pattern took minutes (219 s at 245,000 spaces), so the bound leaves room without hiding one."""
    assert len(value) >= KB250 - 10
    start = time.perf_counter()
    function(value)
    took = time.perf_counter() - start
    print(f"{case}: {took * 1000:.1f} ms")
    assert took < 3.0, f"{case}: {took:.2f} s"


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_answers_within_seconds_on_the_reported_line(tmp_path):
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    path.write_text(path.read_text(encoding="utf-8") + " " * 245_000 + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = check(root, timeout=60)
    assert result.returncode == 1 and "deze regel is 245000 tekens lang" in result.stderr
    assert time.perf_counter() - start < 30  # 219 s before


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("titel\u00a0: x", ("titel", " ")),  # NBSP between key and colon: not part of the name
        ("ti\u00a0tel: x", None),  # NBSP inside the name: still reported
        ("  - titel : x", ("titel", " ")),
    ],
)
def test_the_linear_key_pattern_still_tells_the_name_from_the_gap(line, expected):
    text, found = yamlhints.tidy(line)
    if expected is None:
        assert found and "in de veldnaam 'ti·tel'" in found[0][2]
    else:
        assert found == [] and text.lstrip(" -").startswith(expected[0] + expected[1] + ":")


# ---------------------------------------------------------------- 7: what `check` accepts, the build renders

MARKERS = [  # (case, value for wat_is_het)
    ("the report: 500 list markers", "- " * 500 + "a"),
    ("ordered markers", "1. " * 500 + "a"),
    ("quote markers", "> " * 500 + "a"),
    ("mixed markers", "- 1) > * + " * 100 + "a"),
    ("on a later line", "Eerst tekst.\n\n" + "* " * 300 + "a"),
]


@pytest.mark.parametrize(("case", "value"), MARKERS, ids=[r[0] for r in MARKERS])
def test_deep_markdown_lists_are_refused_by_check(tmp_path, case, value):
    root = records(tmp_path)
    set_field(root, "wat_is_het", value)
    (found,) = refused(root)
    assert re.match(r"werkvormen/leerhuis.yml:\d+:\d+: wat_is_het: een regel begint met \d+ lijst- of citaat", found)


EDGE_TEXTS = [  # accepted by check: each must render on the page and in print
    "- " * textrules.MAX_MARKERS + "a",
    " " * textrules.MAX_INDENT + "- " * textrules.MAX_MARKERS + "a",
    "> " * textrules.MAX_MARKERS + "a",
    "1. " * textrules.MAX_MARKERS + "a",
    "\n".join(" " * (2 * i) + "- a" for i in range(textrules.MAX_INDENT // 2 + 1)),
    "\n".join(">" * textrules.MAX_MARKERS + " a" for _ in range(100)),
]


@pytest.mark.parametrize("value", EDGE_TEXTS)
def test_what_check_accepts_at_its_limits_the_build_renders(tmp_path, value):
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    data = parse(path.read_text(encoding="utf-8")).data
    data["wat_is_het"] = value
    data["stappen"][0]["uitleg"] = value  # inside a list item of the page: two levels deeper
    data["stappen"][0]["tips"] = [value.split("\n")[-1]]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    book = load(root)
    md = site_markdown()
    html = md.convert(pages.render(book)["werkvormen/leerhuis.md"].split("---", 2)[-1])
    assert "<li>" in html or "<blockquote>" in html
    job = next(j for j in printing.jobs(book, printing.Site()) if j.path == "downloads/checklist-leerhuis.pdf")
    assert "<li>" in job.html


# ---------------------------------------------------------------- 8: record headings cannot take reserved ids

THEME_IDS = ["__config", "__search", "__drawer", "__toc", "__palette_0", "__consent", "__settings", "__codelineno"]
SCRIPT_IDS = ["filters", "filter-choices", "filter-voor_wie", "hb-yaml", "hb-github", "hb-download", "hb-f1"]
FIXED_IDS = [  # the fixed headings of a werkvorm's page: our own links and styles point at them
    ("Hoe organiseer je het", "hoe-organiseer-je-het"),
    ("Wat is het", "wat-is-het"),
    ("Volgende stap", "volgende-stap"),
    ("Let op", "let-op"),
    ("Verantwoording", "verantwoording"),
]


def _page_ids(tmp_path: Path, heading: str) -> tuple[list[str], str]:
    """The ids on leerhuis's page with `## heading` in its wat_is_het, and the page's HTML."""
    root = records(tmp_path)
    path = root / "leerhuis.yml"
    data = parse(path.read_text(encoding="utf-8")).data
    data["wat_is_het"] = f"Eerst tekst.\n\n## {heading}\n\nMeer tekst.\n\n## {heading}\n\nEn nog meer."
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    html = site_markdown().convert(pages.render(load(root))["werkvormen/leerhuis.md"].split("---", 2)[-1])
    return re.findall(r'\sid="([^"]+)"', html), html


@pytest.mark.parametrize("reserved", THEME_IDS + SCRIPT_IDS)
def test_a_record_heading_never_takes_a_reserved_id(tmp_path, reserved):
    assert anchors.reserved(reserved)
    ids, html = _page_ids(tmp_path, reserved)
    assert reserved not in ids
    assert [i for i in ids if i.startswith(anchors.NAMESPACE)] == [f"kop-{reserved}", f"kop-{reserved}_1"]
    assert f'href="#kop-{reserved}"' in html  # the permalink follows the id: no stale anchor


@pytest.mark.parametrize(("heading", "anchor"), FIXED_IDS)
def test_a_record_heading_never_takes_the_id_of_a_fixed_heading(tmp_path, heading, anchor):
    ids, html = _page_ids(tmp_path, heading)
    assert ids.count(anchor) == 1
    fixed = re.search(rf'<h2[^>]*\bid="{anchor}"[^>]*>(.*?)<.*?</h2>\s*<p[^>]*>(.*?)</p>', html, re.S)
    assert fixed and fixed.group(1).strip() == heading
    assert fixed.group(2) not in ("Meer tekst.", "En nog meer.")  # the page's own heading, not the record's
    assert f"{anchor}_1" in ids and f"{anchor}_2" in ids  # the record's two headings: numbered ids


def test_every_id_our_scripts_and_templates_use_is_reserved_or_fixed():
    """The list in anchors.py is complete: every id a script looks up or a template sets."""
    sources = [
        *sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js")),
        *sorted((ROOT / "overrides").rglob("*.html")),
        *sorted((ROOT / "src" / "handbook" / "templates").glob("*.md.j2")),
    ]
    found = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        found |= set(re.findall(r'getElementById\("([^"]+)"\)', text))
        found |= set(re.findall(r'\bid="([A-Za-z_][\w-]*)', text))
        found |= set(re.findall(r'\bid: "([A-Za-z_][\w-]*)"', text))
        found |= set(re.findall(r'"#([A-Za-z_][\w-]*)"', text))
    fixed = {anchor for _, anchor in FIXED_IDS} | {"wat-brengt-het-jou", "wie-organiseert-het"}
    fixed |= {"wat-doe-je-met-de-resultaten"}
    loose = sorted(i for i in found if not anchors.reserved(i) and i not in fixed)
    assert loose == [], "ids a record heading could take: add them to anchors.py or give the heading an explicit id"


# ---------------------------------------------------------------- the trust line: content or code


def test_codeowners_says_what_trust_py_says():
    lines = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    assert rules[0][0] == "*" and len(rules[0]) == 2  # every file is code, with a maintainer as owner ...
    assert tuple(rule[0] for rule in rules[1:]) == trust.CONTENT  # ... except the content, in the same order
    assert all(len(rule) == 1 for rule in rules[1:])  # content has no code owner


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("werkvormen/leerhuis.yml", True),
        ("werkvormen/checklists/leernetwerk-starten.yml", True),
        ("werkvormen/bronnen/gluren-bij-de-burens-kaart.yml", True),
        ("docs/over.md", True),
        ("docs/assets/images/foto.jpg", True),
        ("src/handbook/synoniemen.yml", True),
        ("schema/werkvorm.schema.json", True),  # issue 34: `make check` rewrites its lists; an editor commits them
        ("schema/sub/x.json", False),
        ("docs/assets/favicon.svg", False),
        ("docs/assets/javascripts/handboek.js", False),
        ("docs/assets/stylesheets/handboek.css", False),
        ("docs/werkvormen/pagina.md", False),
        ("hooks/handbook_hooks.py", False),
        ("overrides/main.html", False),
        (".github/workflows/handboek.yml", False),
        (".github/CODEOWNERS", False),
        ("mkdocs.yml", False),
        ("Makefile", False),
        ("requirements.lock", False),
        ("src/handbook/trust/sanitize.py", False),
        ("tests/test_untrusted.py", False),
        ("werkvormen.yml", False),
    ],
)
def test_the_trust_line(path, content):
    assert trust.is_content(path) is content


def test_every_file_of_the_project_is_either_content_or_code():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    content = [f for f in files if trust.is_content(f)]
    assert all(f.startswith(("werkvormen/", "docs/", "src/handbook/synoniemen.yml", "schema/")) for f in content)
    assert not any(f.startswith(("hooks/", "overrides/", ".github/", "docs/assets/")) for f in content)


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_the_check_job_names_the_code_a_pull_request_changes(tmp_path):
    summary = tmp_path / "summary.md"
    changed = "werkvormen/leerhuis.yml\nhooks/handbook_hooks.py\ndocs/x`\\n## kop.js\n"
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "trust", "--summary", str(summary)],
        input=changed,
        capture_output=True,
        text=True,
        check=True,
    )
    text = summary.read_text(encoding="utf-8")
    assert text == result.stdout.rstrip("\n") + "\n" or text in result.stdout
    assert text.startswith("## Een onderhouder moet meekijken") and "- `hooks/handbook_hooks.py`" in text
    assert "werkvormen/leerhuis.yml" not in text and "\n## kop" not in text
    only_content = subprocess.run(
        [sys.executable, "-m", "handbook", "trust"], input="werkvormen/a.yml\n", capture_output=True, text=True
    )
    assert only_content.stdout.startswith("## Alleen inhoud")


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_check_in_ci_refuses_a_schema_file_edited_beyond_its_lists(tmp_path):
    """schema/*.json is content (issue 34); CI refuses one whose rules are not the model's."""
    shutil.copytree(ROOT / "werkvormen", tmp_path / "werkvormen")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    run = [sys.executable, "-m", "handbook", "--werkvormen", str(tmp_path / "werkvormen"), "check", "--github"]
    env = {**os.environ, "HANDBOOK_NEW_FILES": ""}
    assert subprocess.run(run, capture_output=True, text=True, env=env).returncode == 0
    path = tmp_path / "schema" / "werkvorm.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"minLength": 2', '"minLength": 1', 1), encoding="utf-8")
    result = subprocess.run(run, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "schema/werkvorm.schema.json:1:1: is niet wat `make check` maakt" in result.stderr


@pytest.mark.slow  # a site build
def test_export_refuses_a_symlink_in_docs_and_writes_nothing(tmp_path, monkeypatch):
    from helpers import copy_project

    from handbook.export import export

    project = copy_project(tmp_path / "project")
    (project / "docs" / "instellingen.txt").symlink_to("../mkdocs.yml")
    with pytest.raises(RecordError) as caught:
        monkeypatch.setenv("HANDBOOK_PDF", "0")
        export(project / "mkdocs.yml", tmp_path / "export")
    assert [str(p) for p in caught.value.problems] == ["docs/instellingen.txt:1:1: " + docsdir._LINK]
    assert not (tmp_path / "export").exists()


def test_a_reserved_heading_in_a_text_with_a_link_stays_a_heading(tmp_path):
    """safe_source compares the text with and without the sanitiser: the namespacing must not count."""
    from handbook.records import text

    source = "## filters\n\nZie [de privacyregels](../privacy.md).\n\n## __config\n\nTekst."
    assert text.md(source) == source
    ids, html = _page_ids(tmp_path, "filters\n\nZie [de privacyregels](../privacy.md).")
    assert "kop-filters" in ids and "filters" not in ids and "<h2" in html


def test_the_preview_summary_shows_a_records_title_as_text():
    """#25's summary of changed pages puts record titles in a Markdown table: no image, link or column."""
    from handbook.editing import changes

    page = changes.Changed(
        title="Kijk ![x](https://x.example/p.gif) | <img src=x> [a](b)", status="nieuw", page="a.html"
    )
    table = changes.markdown([page], "voorbeeld-site")
    row = next(line for line in table.splitlines() if "nieuw" in line)
    assert row.count(" | ") == 2  # three cells: the escaped | adds none
    assert not re.search(r"(?<!\\)(<img|\]\(|!\[)", row)  # every mark-up character escaped
