"""Untrusted records cannot hurt readers, the build or CI (issue: sanitise after parsing, fetch nothing).

In-process tests: the loader on a copy of the records in tmp_path, the
pages converted by Python-Markdown as mkdocs.yml configures it, the print
HTML and one PDF rendered directly. Every case from the attack report is a
row in one of the tables below.
"""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, site_markdown
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from handbook.base import paths, textrules
from handbook.base.problems import Problem, RecordError
from handbook.base.yamlfile import parse
from handbook.printing import jobs as printing
from handbook.printing import pdfs
from handbook.records import text
from handbook.records.collection import load
from handbook.site import pages
from handbook.trust import sanitize

URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "data", "xlink:href", "poster")


def unsafe_addresses(html: str, relative_ok: bool = True) -> list[str]:
    """Every address in `html` that the handbook does not allow, and every on... attribute."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            elif name.lower() in URL_ATTRIBUTES:
                if element.name == "img" and (re.match(r"^\s*([a-z][a-z0-9+.-]*:|//)", value, re.I)):
                    found.append(f"<img src={value[:50]}>")
                elif not sanitize.allowed(value, relative=relative_ok):
                    found.append(f"<{element.name} {name}={value[:50]}>")
    return found


# ---------------------------------------------------------------- 1, 2: links and images after parsing

ATTACKS = [
    "Zie [deze][ref].\n\n[ref]:\n    javascript:alert(document.domain)",  # address on the next line
    "Zie [deze][ref].\n\n[ref]:\n  vbscript:msgbox(1)",
    "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java\tscript:alert(1)) [d]( javascript:alert(1))",
    "[a](vbscript:x) [b](data:text/html;base64,PHNjcmlwdD4=) [c](file:///etc/passwd)",
    "[a](<javascript:alert(1)>) [b](&#106;avascript:alert(1)) [c](//evil.example/x)",
    "[a [b] c](javascript:alert(1))",
    "![volg](https://tracker.example/pixel.gif) ![volg](//tracker.example/p.gif) ![x](javascript:alert(1))",
    "![ref][img]\n\n[img]: https://tracker.example/p.gif",
    "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href='javascript:alert(3)'>x</a>",
    'tekst {: onclick="alert(1)" } *[HTML]: javascript:alert(1)',
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_record_markdown_makes_no_unsafe_address_on_the_site_or_in_print(attack):
    md = site_markdown()
    assert unsafe_addresses(md.convert(text.md(attack))) == []
    assert unsafe_addresses(sanitize.render_for_print(text.md(attack)), relative_ok=False) == []


@pytest.mark.parametrize("attack", ATTACKS)
def test_record_markdown_is_safe_without_our_extension(attack):
    """The export's engines (Zensical) cannot load handbook.trust.sanitize: the Markdown itself must be safe."""
    assert unsafe_addresses(site_markdown(ours=False).convert(text.md(attack))) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Zie [de bron](https://www.hu.nl/).", "Zie [de bron](https://www.hu.nl/)."),  # safe: not touched
        ("Zie [bron][1].\n\n[1]: https://www.hu.nl/?a=b&c=d", "Zie [bron](<https://www.hu.nl/?a=b&amp;c=d>)."),
        ("*Let op*: [x](javascript:alert(1)) en `[y]`", "Let op: x en &#91;y&#93;"),
        ("- [a](vbscript:x)\n- 2026\\. [b](../privacy.md)", "a\n\n&#50;026. [b](<../privacy.md>)"),
    ],
)
def test_unsafe_text_is_written_again_from_what_the_sanitiser_keeps(source, expected):
    assert sanitize.safe_source(text._escaped(source)) == expected


@pytest.mark.parametrize(
    ("source", "site", "printed"),
    [
        (
            "[bron](https://www.hu.nl/)",
            '<a href="https://www.hu.nl/">bron</a>',
            '<a href="https://www.hu.nl/">bron</a>',
        ),
        ("[mail](mailto:a@b.nl)", '<a href="mailto:a@b.nl">mail</a>', '<a href="mailto:a@b.nl">mail</a>'),
        ("[leerhuis](../leerhuis/)", '<a href="../leerhuis/">leerhuis</a>', "<a>leerhuis</a>"),  # no local disk in PDFs
        ("[x](javascript:alert(1))", "<p>x</p>", "<p>x</p>"),  # the text stays, the link goes (safe_source)
        ("voor ![pixel](https://t.example/p.gif) na", "voor pixel na", "voor pixel na"),
        ("![eigen](../assets/logo.png)", '<img alt="eigen" src="../assets/logo.png"', "eigen"),
    ],
)
def test_what_survives_sanitising(source, site, printed):
    md = site_markdown()
    assert site in md.convert(text.md(source))
    assert printed in sanitize.render_for_print(text.md(source))


def werkvorm_with(tmp_path: Path, changes) -> Path:
    """A copy of the records in which leerhuis.yml's data is changed by `changes(data)`."""
    import yaml

    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    path = root / "leerhuis.yml"
    data = parse(path.read_text(encoding="utf-8")).data
    changes(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_every_markdown_field_of_both_kinds_is_sanitised_on_pages_and_in_print(tmp_path):
    """The next-line reference in every prose field and an unsafe link in every one-line field."""
    prose = "Tekst [hier][r].\n\n[r]:\n    javascript:alert(1)\n\n![p](https://tracker.example/p.gif)"
    line = "[klik](vbscript:x) ![p](https://tracker.example/q.gif)"

    def poison(value, key=None):
        if isinstance(value, dict):
            return {k: poison(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v, key) for v in value]
        if isinstance(value, str) and key in ("wat_is_het", "wie_organiseert", "resultaten", "uitleg", "inleiding"):
            return prose
        if isinstance(value, str) and key in (
            "tips",
            "let_op",
            "materialen",
            "voorbeelden",
            "tekst",
            "docent",
            "jeugdprofessional",
            "student",
            "onderzoeker",
            "leidinggevende",
            "ervaringsdeskundige",
            "voorbereiding",
            "frequentie",
        ):
            return line
        return value

    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    import yaml

    for name in ("leerhuis.yml", "checklists/leernetwerk-starten.yml"):
        path = root / name
        data = poison(parse(path.read_text(encoding="utf-8")).data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    # `check` refuses an address no source gives (provenance); here a source gives them, so that what is
    # tested is the second line of defence: the sanitiser still keeps the images of another host off the page
    given = root / "bronnen" / "tips-leernetwerken-jeugdzorg.yml"
    given.write_text(
        given.read_text(encoding="utf-8") + "  <https://tracker.example/p.gif> <https://tracker.example/q.gif>\n",
        encoding="utf-8",
    )
    book = load(root)
    md = site_markdown()
    for path in ("werkvormen/leerhuis.md", "checklists/leernetwerk-starten.md"):
        md.reset()
        html = md.convert(pages.render(book)[path].split("---", 2)[2])
        assert "hier" in html and unsafe_addresses(html) == [], path
    for job in printing.jobs(book, printing.Site()):
        if job.path in ("downloads/checklist-leerhuis.pdf", "downloads/checklist-leernetwerk-starten.pdf"):
            assert unsafe_addresses(job.html, relative_ok=False) == [], job.path


# ---------------------------------------------------------------- 3, 5, 6, 7, 8: what the loader refuses


def problems_for(root: Path) -> list[str]:
    with pytest.raises(RecordError) as caught:
        load(root)
    return [str(p) for p in caught.value.problems]


def replace_in_leerhuis(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    path = root / "leerhuis.yml"
    source = path.read_text(encoding="utf-8")
    assert re.search(old, source, re.M), old
    path.write_text(re.sub(old, lambda _: new, source, count=1, flags=re.M), encoding="utf-8")
    return root


DEEP_BRACKETS = ("[" * 5_000 + "\n  ") * 6  # 30,000 levels, no line longer than the limit

REFUSED = [  # (what the attack report found, pattern in leerhuis.yml, replacement, expected message)
    ("Cyrillic letter", r"^titel: Leerhuis$", "titel: L\u0435erhuis", r"leerhuis.yml:2:1: titel: .*Cyrillisch"),
    (
        "zero-width space",
        r"^titel: Leerhuis$",
        "titel: Leer\u200bhuis",
        r"titel: bevat een onzichtbaar teken \(U\+200B",
    ),
    ("right-to-left override", r"^titel: Leerhuis$", "titel: Leer\u202ehuis", r"titel: .*leesrichting"),
    ("control character", r"^titel: Leerhuis$", 'titel: "Leer\\x07huis"', r"titel: bevat een stuurteken"),
    ("401 digits", r"^    min: \d+$", "    min: " + "9" * 401, r"praktisch\.duur\.min: moet hoogstens 10000 zijn"),
    (".inf", r"^    min: \d+$", "    min: .inf", r"praktisch\.duur\.min: moet een heel getal zijn"),
    (".nan", r"^    min: \d+$", "    min: .nan", r"praktisch\.duur\.min: moet een heel getal zijn"),
    ("hexadecimal", r"^    min: \d+$", "    min: 0x96", r"praktisch\.duur\.min: moet een heel getal zijn"),
    ("sexagesimal", r"^    min: \d+$", "    min: 2:30", r"praktisch\.duur\.min: moet een heel getal zijn"),
    ("underscores", r"^    min: \d+$", "    min: 1_5_0", r"praktisch\.duur\.min: moet een heel getal zijn"),
    ("year 2107", r"^laatst_herzien: .*$", "laatst_herzien: 2107-01-01", r"laatst_herzien: moet op of voor 2100-12-31"),
    ("year 1", r"^laatst_herzien: .*$", "laatst_herzien: 0001-01-01", r"laatst_herzien: moet op of na 2000-01-01"),
    ("10,000 [", r"^wat_is_het: \|$", "wat_is_het: |\n  " + "[" * 10_000, r"wat_is_het: deze regel is 10002 tekens"),
    ("8,000 [", r"^wat_is_het: \|$", "wat_is_het: |\n  " + "[" * 8_000, r"wat_is_het: is te lang"),
    (
        "1,000 [ within the length",
        r"^wat_is_het: \|$",
        "wat_is_het: |\n  " + "[a " * 1_000,
        r"wat_is_het: bevat 1000 blokhaken",
    ),
    ("a run of [", r"^wat_is_het: \|$", "wat_is_het: |\n  " + "[" * 30 + " tekst", r"wat_is_het: bevat 30 keer '\['"),
    (
        "deep list",
        r"^wat_is_het: \|$",
        "wat_is_het: |\n  - a\n" + "".join(" " * (2 + 2 * i) + "- a\n" for i in range(1, 40)),
        r"wat_is_het: een regel springt meer dan 16 spaties in",
    ),
    (
        "1,000 definitions",
        r"^wat_is_het: \|$",
        "wat_is_het: |\n" + "".join(f"  term{i}\n  : uitleg\n\n" for i in range(1000)),
        r"wat_is_het: is te lang",
    ),
    ("30,000 [ on one line", r"^verwant:$", "verwant: " + "[" * 30_000, r"verwant: deze regel is 30009 tekens lang"),
    (
        "30,000 nested [",
        r"^verwant:$",
        "verwant: " + DEEP_BRACKETS,
        r"leerhuis.yml:\d+:1: het bestand is te diep genest",
    ),
]


@pytest.mark.parametrize(("case", "old", "new", "expected"), REFUSED, ids=[row[0] for row in REFUSED])
def test_the_loader_refuses_with_a_dutch_message_on_the_right_line(tmp_path, case, old, new, expected):
    found = problems_for(replace_in_leerhuis(tmp_path, old, new))
    assert any(re.search(expected, problem) for problem in found), found
    assert all("Traceback" not in p and "Input should" not in p for p in found)


def test_yes_no_on_off_stay_text(tmp_path):
    root = replace_in_leerhuis(tmp_path, r"^let_op:$", "let_op:\n  - no\n  - yes\n  - 'on'")
    record = load(root).get("leerhuis").record
    assert record.let_op[:2] == ["no", "yes"]


@pytest.mark.parametrize("name", ["index.yml", "overzicht.yml", "checklists/index.yml"])
def test_a_record_cannot_replace_a_generated_page(tmp_path, name):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    source = "checklists/leernetwerk-starten.yml" if name.startswith("checklists") else "leerhuis.yml"
    shutil.copy(root / source, root / name)
    found = problems_for(root)
    assert any(p.startswith(f"werkvormen/{name}:") and "pagina die het handboek zelf maakt" in p for p in found), found


@pytest.mark.parametrize("target", ["/dev/zero", "outside"])
def test_symlinks_are_refused_and_never_followed(tmp_path, target):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    if target == "outside":
        secret = tmp_path / "geheim.yml"
        secret.write_text("GEHEIME_SLEUTEL: abc\n")
        target = str(secret)
    (root / "link.yml").symlink_to(target)
    found = problems_for(root)
    assert found == [
        "werkvormen/link.yml:1:1: is een snelkoppeling (symlink) naar een ander bestand; "
        "zet het record zelf in deze map"
    ]


def test_a_symlinked_checklists_folder_is_refused(tmp_path):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root, ignore=shutil.ignore_patterns("checklists"))
    shutil.copytree(ROOT / "werkvormen" / "checklists", tmp_path / "elders")
    (root / "checklists").symlink_to(tmp_path / "elders")
    assert any("symlink" in p for p in problems_for(root))


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
def test_thirty_thousand_nested_brackets_do_not_crash_the_process(tmp_path):
    """libyaml's C composer overflows the C stack on deep flow nesting; the loader must not use it then."""
    root = replace_in_leerhuis(tmp_path, r"^verwant:$", "verwant: " + DEEP_BRACKETS)
    result = subprocess.run(
        [sys.executable, "-m", "handbook", "--werkvormen", str(root), "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr[-500:]
    assert "te diep genest" in result.stderr and "Traceback" not in result.stderr


def test_a_pipe_in_a_title_does_not_break_the_overview_table(tmp_path):
    root = replace_in_leerhuis(tmp_path, r"^titel: Leerhuis$", "titel: Leerhuis | extra | kolommen")
    book = load(root)
    html = site_markdown().convert(pages.render(book)[pages.MATRIX].split("---", 2)[-1])
    rows = [row for row in BeautifulSoup(html, "html.parser").select("tbody tr") if "Leerhuis" in row.get_text()]
    assert rows, "Leerhuis is not in the overview"
    widths = {len(row.find_all("td")) for row in BeautifulSoup(html, "html.parser").select("tbody tr")}
    assert len(widths) == 1, widths


@pytest.mark.parametrize(
    ("a", "b"), [("Casuïstiek", "casuistiek"), ("Moreel beraad", "moreel-beraad"), ("Leerhuis", "LEERHUIS!")]
)
def test_titles_that_look_the_same_share_a_key(a, b):
    assert textrules.title_key(a) == textrules.title_key(b)


def test_a_title_that_only_differs_in_accents_is_a_duplicate(tmp_path):
    root = tmp_path / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    source = (root / "leerhuis.yml").read_text(encoding="utf-8")
    (root / "leerhuis-2.yml").write_text(source.replace("titel: Leerhuis\n", "titel: Leerhuïs\n", 1), encoding="utf-8")
    assert any("dezelfde titel als" in p for p in problems_for(root))


def test_check_and_build_refuse_the_same_records(tmp_path):
    """One validation: `check` (collection.load) and the build's pipeline (build.make) give the same problems."""
    from handbook import build

    root = replace_in_leerhuis(tmp_path, r"^titel: Leerhuis$", "titel: L\u0435erhuis")
    with pytest.raises(RecordError) as checked:
        load(root)
    with pytest.raises(RecordError) as built:
        build.make(build.Options(records=root, pdf="off"))
    assert checked.value.problems == built.value.problems


# ---------------------------------------------------------------- 4, 9: PDFs fetch nothing, the cache verifies


class Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):
        Recorder.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/svg+xml")
        self.end_headers()
        self.wfile.write(b"<svg xmlns='http://www.w3.org/2000/svg'><text>GELEKT</text></svg>")

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    Recorder.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.slow  # renders PDFs
def test_rendering_a_pdf_requests_nothing_and_reads_no_local_file(tmp_path, http_server):
    secret = tmp_path / "geheim.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg'><text>GEHEIM</text></svg>")
    attack = (
        f"![a]({http_server}/a.svg) [b]({http_server}/b) ![c](file://{secret}) ![d](../../geheim.svg) [e](index.md)"
    )

    def change(data):
        data["wat_is_het"] = attack
        data["stappen"][0]["uitleg"] = attack

    root = werkvorm_with(tmp_path, change)
    given = root / "bronnen" / "tips-leernetwerken-jeugdzorg.yml"  # a source gives them: past `check`, to the PDF
    given.write_text(given.read_text(encoding="utf-8") + f"  <{http_server}/a.svg> <{http_server}/b>\n", "utf-8")
    book = load(root)
    job = next(j for j in printing.jobs(book, printing.Site()) if j.path == "downloads/checklist-leerhuis.pdf")
    job = printing.PrintJob(
        job.path,
        job.title,
        job.html + f'<img src="{http_server}/c.svg"><img src="file://{secret}">'
        f'<link rel="stylesheet" href="{http_server}/s.css">',
        job.date,
    )
    pdf = pdfs.build_all([job], None, workers=1)[0]
    assert Recorder.seen == []
    assert b"GEHEIM" not in pdf.content and b"GELEKT" not in pdf.content
    assert b"file:" not in pdf.content  # no link to the build machine's disk


def test_the_fetcher_serves_only_the_package_fonts(http_server):
    fetcher = pdfs._own_files_only()
    font = next(p for p in Path(str(paths.FONTS)).iterdir() if p.suffix == ".woff")
    assert fetcher.fetch(font.resolve().as_uri()).read()[:4] == b"wOFF"
    for url in (
        f"{http_server}/x.woff",
        "file:///etc/passwd",
        (font.parent / "OFL.txt").resolve().as_uri(),
        "data:text/plain,x",
        "ftp://example.org/x.woff",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert Recorder.seen == []


@pytest.fixture
def small_job():
    book = load(ROOT / "werkvormen")
    return next(j for j in printing.jobs(book, printing.Site()) if j.path == "downloads/checklist-leerhuis.pdf")


@pytest.mark.slow  # renders PDFs
@pytest.mark.parametrize("damage", ["truncate", "garbage", "no digest"])
def test_a_damaged_cache_entry_is_rendered_again(tmp_path, small_job, damage):
    first = pdfs.build_all([small_job], tmp_path, workers=1)[0]
    cached = tmp_path / f"{pdfs.key(small_job)}.pdf"
    if damage == "truncate":
        cached.write_bytes(first.content[:1000])
    elif damage == "garbage":
        cached.write_bytes(b"%PDF-1.7 not really")
    else:
        cached.with_suffix(".sha256").unlink()
    again = pdfs.build_all([small_job], tmp_path, workers=1)[0]
    assert again.rendered and again.content == first.content
    assert pdfs.build_all([small_job], tmp_path, workers=1)[0].rendered is False  # and the entry is whole again


@pytest.mark.slow  # renders PDFs
def test_an_unwritable_cache_only_costs_time(tmp_path, small_job):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    pdf = pdfs.build_all([small_job], blocked, workers=1)[0]
    assert pdf.rendered and pdf.content.startswith(b"%PDF-")


# ---------------------------------------------------------------- 10: annotations cannot inject workflow commands


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("tekst\n::stop-commands::x", "tekst%0A::stop-commands::x"),
        ("a\r\n::warning file=x::y", "a%0D%0A::warning file=x::y"),
        ("100%", "100%25"),
    ],
)
def test_annotations_are_encoded(message, expected):
    line = Problem("werkvormen/a,b:c.yml", 3, 1, "titel", message).github()
    assert line == f"::error file=werkvormen/a%2Cb%3Ac.yml,line=3,col=1::titel: {expected}"
    assert "\n" not in line and "\r" not in line


# ---------------------------------------------------------------- what `check` accepts, the build renders

MARKDOWN_BITS = st.sampled_from(
    [
        "[",
        "]",
        "(",
        ")",
        "![",
        "*",
        "_",
        "`",
        "<",
        ">",
        "&",
        "#",
        "|",
        ":",
        "\n",
        "\n\n",
        "    ",
        "- ",
        "1. ",
        "!!! ",
        "??? ",
        "[x]: ",
        "javascript:",
        "https://a.nl",
        "{: #x }",
        "*[A]: b",
        "\\",
        "~~~",
        "ï",
        "é",
        "😀",
    ]
)
# what an editor may type: any visible character (check refuses control and invisible ones, tested
# elsewhere), mixed with Markdown; most of it is accepted, so the properties below are checked
VISIBLE = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
PROSE = st.lists(st.one_of(MARKDOWN_BITS, st.text(alphabet=VISIBLE, max_size=8)), max_size=40).map("".join)
TEXT_FIELDS = ["wat_is_het", "wie_organiseert", "resultaten", "titel", "samenvatting"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    """One copy of the records for the property tests; each example rewrites leerhuis.yml."""
    root = tmp_path_factory.mktemp("accepted") / "werkvormen"
    shutil.copytree(ROOT / "werkvormen", root)
    return root


def _accepted_book(root: Path, field: str, value: str):
    import yaml

    data = parse((ROOT / "werkvormen" / "leerhuis.yml").read_text(encoding="utf-8")).data
    data[field] = value
    data["stappen"][0]["uitleg"] = value
    data["let_op"][0] = value.replace("\n", " ") or "x"
    (root / "leerhuis.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        return load(root)
    except RecordError:
        return None


@pytest.mark.slow  # starts a process, or renders the whole site per example: the end-to-end tier
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(TEXT_FIELDS), value=PROSE)
def test_every_accepted_record_renders_its_page_and_print_html(scratch, field, value):
    book = _accepted_book(scratch, field, value)
    assume(book is not None)  # a refused record is another test's concern; too many refused fails here
    assert book is not None
    md = site_markdown()
    rendered = pages.render(book)
    for path in ("werkvormen/leerhuis.md", pages.CATALOGUE, pages.MATRIX):
        md.reset()
        assert unsafe_addresses(md.convert(rendered[path].split("---", 2)[-1])) == [], path
    job = next(j for j in printing.jobs(book, printing.Site()) if j.path == "downloads/checklist-leerhuis.pdf")
    assert unsafe_addresses(job.html, relative_ok=False) == []


@pytest.mark.slow  # renders PDFs
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=PROSE)
def test_an_accepted_record_renders_its_pdf(scratch, value):
    book = _accepted_book(scratch, "wat_is_het", value)
    assume(book is not None)
    assert book is not None
    job = next(j for j in printing.jobs(book, printing.Site()) if j.path == "downloads/checklist-leerhuis.pdf")
    assert pdfs.build_all([job], None, workers=1)[0].content.startswith(b"%PDF-")
