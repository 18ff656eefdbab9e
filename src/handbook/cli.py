"""Command line: `python -m handbook check|export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import collection
from .problems import RecordError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description="Werkvormen-handboek: controleren en exporteren.")
    parser.add_argument("--werkvormen", type=Path, default=Path("werkvormen"), help="map met de records")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="controleer alle records en meld elk probleem")
    export = sub.add_parser("export", help="schrijf de gegenereerde Markdown naar een map")
    export.add_argument("out", type=Path, help="doelmap, bijvoorbeeld export/")
    export.add_argument("--docs", type=Path, default=Path("docs"), help="map met de handgeschreven pagina's")
    schema = sub.add_parser("schema", help="schrijf het JSON-schema voor editors naar schema/")
    schema.add_argument("out", type=Path, nargs="?", default=Path("schema"), help="doelmap (standaard: schema/)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        from .schema import write

        for path in write(args.out):
            print(f"geschreven: {path}")
        return 0
    try:
        handbook = collection.load(args.werkvormen)
    except RecordError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{len(handbook.werkvormen)} werkvormen en {len(handbook.checklists)} checklists: alles in orde.")
        return 0
    from .export import export as write_export

    count = write_export(handbook, args.docs, args.out)
    print(f"{count} bestanden geschreven naar {args.out}/")
    return 0
