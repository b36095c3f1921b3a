"""``rmab upcoming [--json]``: requested books not yet released, soonest first."""

from __future__ import annotations

import argparse

from rmab_desktop.cli.output import core_from_args, print_json


def register(upcoming: argparse.ArgumentParser) -> None:
    upcoming.add_argument("--json", action="store_true")
    upcoming.set_defaults(handler=list_upcoming)


def list_upcoming(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        books = core.upcoming.list()
    finally:
        core.close()
    if args.json:
        print_json([book.to_json() for book in books])
        return 0
    if not books:
        print("Nothing upcoming. Request a book before its release day and it appears here.")
    for book in books:
        by = f" by {', '.join(book.authors)}" if book.authors else ""
        print(
            f"{book.release_date.isoformat()}  {book.title}{by}  (request {book.request_id}, {book.status.value})"
        )
    return 0
