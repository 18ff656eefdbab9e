"""Command line: `python -m handbook check|export`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from handbook.base.problems import RecordError, summary
from handbook.records import collection
from handbook.site import linkcheck


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
    new.add_argument("titel", nargs="?", help='de titel van de werkvorm, bijvoorbeeld "Moreel beraad"')
    source = sub.add_parser("new-bron", help="maak een nieuwe bron in werkvormen/bronnen/, klaar om in te vullen")
    source.add_argument("titel", nargs="?", help='de titel van de bron, bijvoorbeeld "Rapport leernetwerken 2024"')
    changes = sub.add_parser("changes", help="de pagina's die een wijziging raakt, als tabel voor de workflow")
    changes.add_argument("base", help="waarmee vergelijken, bijvoorbeeld origin/main")
    changes.add_argument("--artifact", default="voorbeeld-site", help="de naam van het voorbeeld in de workflow")
    sub.add_parser("bronnen-apart", help="zet bronnen die in een record beschreven staan in werkvormen/bronnen/")
    schema = sub.add_parser("schema", help="schrijf het JSON-schema voor editors naar schema/")
    schema.add_argument("out", type=Path, nargs="?", default=Path("schema"), help="doelmap (standaard: schema/)")
    trust = sub.add_parser("trust", help="noem de gewijzigde bestanden die code zijn (een onderhouder kijkt mee)")
    trust.add_argument("--summary", type=Path, help="zet het overzicht achter dit bestand (de samenvatting van de job)")
    args = parser.parse_args(argv)
    if args.command == "trust":
        return _trust(args)
    if args.command == "schema":
        from handbook.editing.schema import Choices, write

        try:
            choices = Choices.of(collection.load(args.werkvormen))
        except RecordError as error:
            print(error.report(), file=sys.stderr)
            print("Los eerst deze problemen op: het schema noemt de werkvormen die er zijn.", file=sys.stderr)
            return 1
        for path in write(args.out, choices):
            print(f"geschreven: {path}")
        return 0
    if args.command in ("new", "new-bron"):
        from handbook.editing.scaffold import new_source, new_werkvorm

        make = new_werkvorm if args.command == "new" else new_source
        # `make new` passes the title in the environment (HANDBOOK_TITEL), never through the shell
        title = args.titel if args.titel is not None else os.environ.get("HANDBOOK_TITEL", "")
        if not title.strip():
            example = "Naam van de werkvorm" if args.command == "new" else "Titel van de bron"
            print(f'Gebruik: make {args.command} TITEL="{example}"', file=sys.stderr)
            return 2
        try:
            path = make(title, args.werkvormen)
        except ValueError as error:
            print(f"fout: {error}", file=sys.stderr)
            return 2
        except OSError as error:
            print(f"fout: het bestand kon niet worden geschreven ({error.strerror})", file=sys.stderr)
            return 2
        cite = "" if args.command == "new" else f", noem de bron in je werkvorm (bronnen: - bron: {path.stem})"
        print(f"geschreven: {path}\nVul de velden met 'VUL IN' in{cite} en controleer met: make check")
        return 0
    if args.command == "export":
        return _export(args)
    if args.command == "bronnen-apart":
        return _split(args)
    if args.command == "changes":
        from handbook.editing.changes import changed_pages, from_git, markdown

        print(markdown(changed_pages(from_git(args.base), collection.load(args.werkvormen)), args.artifact))
        return 0
    refused = _docs(args.werkvormen)  # check: docs/ beside the records, as the build checks it
    try:
        handbook = linkcheck.load(args.werkvormen, _new_files(args.werkvormen))
    except RecordError as error:
        return _report_problems(RecordError(error.problems + refused), args)
    if refused:
        return _report_problems(RecordError(refused), args)
    if _github(args):  # CI: schema/ is content (its lists), but its rules are the model's (README, Security)
        edited = _edited_schema(args.werkvormen)
        if edited:
            return _report_problems(RecordError(edited), args)
    _refresh_schema(handbook, args.werkvormen)
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
    from handbook.trust import docsdir

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
    from handbook.trust import review as trust

    paths = sys.stdin.read().splitlines()
    text = trust.summary(paths)
    print(text)
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as file:
            file.write(text)
    return 0


def _refresh_schema(handbook, root: Path) -> None:
    """Keep schema/ (what VS Code completes from) in step with the records that exist, next to werkvormen/."""
    from handbook.editing.schema import Choices, write

    folder = root.parent / "schema"
    if folder.is_dir():
        for path in write(folder, Choices.of(handbook), only_changed=True):
            print(f"bijgewerkt: {path} (de lijst van werkvormen en bronnen)", file=sys.stderr)


def _edited_schema(root: Path) -> list:
    """A committed schema file whose rules differ from the model's: its lists of names may differ, nothing else."""
    import json

    from handbook.base.problems import Problem
    from handbook.editing.schema import render, without_choices

    found = []
    for path, text in render().items():
        target = root.parent / path
        try:
            committed = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            committed = None
        if committed is None or without_choices(committed) != without_choices(json.loads(text)):
            message = "is niet wat `make check` maakt; zet het bestand terug of draai `make check` en commit het"
            found.append(Problem(path, 1, 1, "", message))
    return found


def _split(args) -> int:
    from handbook.editing.split import split

    try:
        changed = split(args.werkvormen)
    except RecordError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for path in changed:
        print(f"geschreven: {path}")
    print("Geen bronnen in records gevonden." if not changed else "Controleer en commit de bestanden.")
    return 0


def _new_files(root: Path) -> frozenset[str]:
    """The record files a change adds (as shown: werkvormen/x.yml), so a duplicate is reported on them.

    HANDBOOK_NEW_FILES (the workflow sets it from the pull request), or else what git
    calls new in this working copy (untracked or added). Without git: none.
    """
    import os
    import subprocess

    listed = os.environ.get("HANDBOOK_NEW_FILES")
    if listed is not None:
        return frozenset(listed.split())
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain=v1", "--untracked-files=all", "--", root.name],
            cwd=root.parent,
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line[3:] for line in status.splitlines() if line[:2] in ("??", "A ", "AM"))


def _export(args) -> int:
    """The project next to --config, exported to args.out; the records are that project's werkvormen/."""
    from .configuration import ConfigError
    from .export import export

    try:
        done = export(args.config, args.out)
    except RecordError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"{args.out}/: {done.written} bestanden geschreven, {done.unchanged} ongewijzigd, "
        f"{done.removed} verwijderd ({done.pdfs} PDF's)"
    )
    return 0


def _report_check(handbook, args) -> int:
    """No errors: say so, with any advice as warnings (they do not fail the check)."""
    import datetime as dt

    from handbook.editing.advice import advise

    warnings = advise(handbook, dt.date.today())
    for warning in warnings:
        print(warning, file=sys.stderr)
    if _github(args):
        print("\n".join(w.github() for w in warnings))
    total = f"{len(handbook.werkvormen)} werkvormen en {len(handbook.checklists)} checklists: geen fouten"
    noun = "waarschuwing" if len(warnings) == 1 else "waarschuwingen"
    total += f", {len(warnings)} {noun}." if warnings else ", alles in orde."
    print(total)
    _summary(args, [str(w) for w in warnings] + [total], ok=True)
    return 0


def _github(args) -> bool:
    """Annotations on the pull request when asked, or when running in GitHub Actions."""
    import os

    return args.github or os.environ.get("GITHUB_ACTIONS") == "true"
