"""Command line: `python -m handbook check|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import collection
from .problems import RecordError, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description="Werkvormen-handboek: controleren en exporteren.")
    parser.add_argument("--werkvormen", type=Path, default=Path("werkvormen"), help="map met de records")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle records en meld elk probleem")
    check.add_argument("--github", action="store_true", help="meld ook als GitHub-annotaties (voor de workflow)")
    check.add_argument(
        "--summary", type=Path, help="zet het verslag ook als Markdown achter dit bestand (de samenvatting van de job)"
    )
    export = sub.add_parser("export", help="schrijf de hele site-bron, zonder hooks te bouwen, naar een map")
    export.add_argument("out", type=Path, help="doelmap, bijvoorbeeld export/")
    export.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="de configuratie van het project")
    new = sub.add_parser("new", help="maak een nieuw record met alle velden, klaar om in te vullen")
    new.add_argument("titel", help='de titel van de werkvorm, bijvoorbeeld "Moreel beraad"')
    schema = sub.add_parser("schema", help="schrijf het JSON-schema voor editors naar schema/")
    schema.add_argument("out", type=Path, nargs="?", default=Path("schema"), help="doelmap (standaard: schema/)")
    trust = sub.add_parser("trust", help="noem de gewijzigde bestanden die code zijn (een onderhouder kijkt mee)")
    trust.add_argument("--summary", type=Path, help="zet het overzicht achter dit bestand (de samenvatting van de job)")
    args = parser.parse_args(argv)
    if args.command == "trust":
        return _trust(args)
    if args.command == "schema":
        from .schema import write

        for path in write(args.out):
            print(f"geschreven: {path}")
        return 0
    if args.command == "new":
        from .scaffold import new_werkvorm

        try:
            path = new_werkvorm(args.titel, args.werkvormen)
        except ValueError as error:
            print(f"fout: {error}", file=sys.stderr)
            return 2
        print(f"geschreven: {path}\nVul de velden met 'VUL IN' in en controleer met: make check")
        return 0
    if args.command == "export":
        return _export(args)
    refused = _docs(args.werkvormen)  # check: docs/ beside the records, as the build checks it
    try:
        handbook = collection.load(args.werkvormen)
    except RecordError as error:
        return _report_problems(RecordError(error.problems + refused), args)
    if refused:
        return _report_problems(RecordError(refused), args)
    return _report_check(handbook, args)


def _report_problems(error: RecordError, args) -> int:
    """Every problem: the plain report on stderr, annotations when asked, and the job summary."""
    print(error.report(), file=sys.stderr)
    if _github(args):
        print("\n".join(p.github() for p in error.problems))
    _summary(args, error.report().split("\n"), ok=False)
    return 1


def _docs(werkvormen: Path) -> list:
    """The problems of docs/ beside werkvormen/ (the project's hand-written pages), as the build finds them."""
    from . import docsdir

    root = werkvormen.resolve().parent
    config = root / "mkdocs.yml"
    if not (root / "docs").exists() and not (root / "docs").is_symlink():
        return []
    convert = docsdir.site_markdown(config) if config.is_file() else None
    return docsdir.check(root / "docs", root, convert)


def _summary(args, lines: list[str], ok: bool) -> None:
    """Append the report to the job summary, as a block no record text can close (see problems.summary)."""
    if getattr(args, "summary", None):
        with args.summary.open("a", encoding="utf-8") as file:
            file.write(summary(lines, ok))


def _trust(args) -> int:
    """Read changed paths (one a line, as `git diff --name-only` gives them) and name the code among them."""
    from . import trust

    paths = sys.stdin.read().splitlines()
    text = trust.summary(paths)
    print(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as file:
            file.write(text)
    return 0


def _export(args) -> int:
    """The project next to --config, exported to args.out; the records are that project's werkvormen/."""
    import os

    from .export import export

    try:
        done = export(args.config.parent, args.out, os.environ)
    except RecordError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"{args.out}/: {done.written} bestanden geschreven, {done.unchanged} ongewijzigd, "
        f"{done.removed} verwijderd ({done.pdfs} PDF's)"
    )
    return 0


def _report_check(handbook, args) -> int:
    """No errors: say so, with any advice as warnings (they do not fail the check)."""
    import datetime as dt

    from .advice import advise

    warnings = advise(handbook, args.werkvormen, dt.date.today())
    for warning in warnings:
        print(warning, file=sys.stderr)
    if _github(args):
        print("\n".join(w.github() for w in warnings))
    total = f"{len(handbook.werkvormen)} werkvormen en {len(handbook.checklists)} checklists: geen fouten"
    total += f", {len(warnings)} waarschuwingen." if warnings else ", alles in orde."
    print(total)
    _summary(args, [str(w) for w in warnings] + [total], ok=True)
    return 0


def _github(args) -> bool:
    """Annotations on the pull request when asked, or when running in GitHub Actions."""
    import os

    return args.github or os.environ.get("GITHUB_ACTIONS") == "true"
