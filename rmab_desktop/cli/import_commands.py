"""``rmab import readmeabook URL [--key K] [--dry-run] [--json]`` and
``rmab import audiobookrequest FILE [--dry-run] [--json]``: moving over from another app.

The other app's database is only read. A second import brings over only what is new there.
``--key -`` reads ReadMeABook's key from standard input (a key on the command line is visible
to other users of the computer).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from rmab_desktop.cli.output import core_from_args, print_json

if TYPE_CHECKING:
    from rmab_desktop.services.migration_import import ImportReport, Preview, Source


def register(group: argparse.ArgumentParser) -> None:
    commands = group.add_subparsers(dest="import_command", required=True)
    rmab = commands.add_parser(
        "readmeabook", help="users, requests, books, history, shelves... of ReadMeABook"
    )
    rmab.add_argument(
        "url", help="ReadMeABook's DATABASE_URL, e.g. postgresql://USER:PASSWORD@HOST:5432/readmeabook"
    )
    rmab.add_argument(
        "--key", help="ReadMeABook's CONFIG_ENCRYPTION_KEY, to bring its secrets over ('-': read it)"
    )
    rmab.add_argument("--dry-run", action="store_true", help="show what would come over; change nothing")
    rmab.add_argument("--json", action="store_true")
    rmab.set_defaults(handler=_readmeabook)
    abr = commands.add_parser("audiobookrequest", help="users and requests of AudioBookRequest")
    abr.add_argument("file", help="AudioBookRequest's database file (db.sqlite)")
    abr.add_argument("--dry-run", action="store_true", help="show what would come over; change nothing")
    abr.add_argument("--json", action="store_true")
    abr.set_defaults(handler=_audiobookrequest)


def _readmeabook(args: argparse.Namespace) -> int:
    from rmab_desktop.services.migration_import import Source

    key = sys.stdin.readline().strip() if args.key == "-" else args.key
    return _run(args, Source.READMEABOOK, args.url, key)


def _audiobookrequest(args: argparse.Namespace) -> int:
    from rmab_desktop.services.migration_import import Source

    return _run(args, Source.AUDIOBOOKREQUEST, args.file, None)


def _run(args: argparse.Namespace, source: Source, location: str, key: str | None) -> int:
    from rmab_desktop.logging_setup import REDACTOR
    from rmab_desktop.services.migration_import import MigrationImport

    if key:
        REDACTOR.register(key)
    snapshot = MigrationImport.read(source, location)
    MigrationImport.check_key(snapshot, key)
    preview = MigrationImport.preview(snapshot)
    core = core_from_args(args)
    try:
        report = core.migration_import.run(snapshot, key=key, dry_run=args.dry_run)
    finally:
        core.close()
    if args.json:
        print_json({"preview": preview.to_json(), "report": report.to_json()})
    else:
        _print(preview, report)
    return 0


def _print(preview: Preview, report: ImportReport) -> None:
    from rmab_desktop.services.migration_import import Kind, kind_label

    print(f"{'Would bring over' if report.dry_run else 'Brought over'} from {preview.address}:")
    for kind in Kind:
        count = report.counts[kind]
        if not count.found:
            continue
        examples = ", ".join(preview.samples[kind])
        print(
            f"  {kind_label(kind)}: {count.found} found ({examples}): {count.added} "
            f"{'to add' if report.dry_run else 'added'}, {count.already} already here, "
            f"{count.skipped} not brought over"
        )
    missing = [note for note in report.notes if not note.mapped]
    changed = [note for note in report.notes if note.mapped]
    for title, notes in (("Not brought over:", missing), ("Brought over with changes:", changed)):
        if notes:
            print(title)
            for note in notes:
                print(f"  {kind_label(note.kind)} '{note.label}': {note.reason}")
    if report.secrets:
        print("To enter again:")
        for secret in report.secrets:
            print(f"  {secret.what} ({secret.where})")
    if not report.dry_run and not report.changed_anything:
        print("Nothing new: everything was brought over before.")
