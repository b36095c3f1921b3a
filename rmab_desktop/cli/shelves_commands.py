"""``rmab shelves add goodreads URL | hardcover LIST | csv FILE``, ``list|sync|remove``, ``choices``, ``choose``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.shelves import ShelfSummary
from rmab_desktop.services.shelves import ShelfService, SyncResult


def register(shelves: argparse.ArgumentParser) -> None:
    commands = shelves.add_subparsers(dest="shelves_command", required=True)
    add = commands.add_parser("add", help="add a reading shelf and sync it")
    sources = add.add_subparsers(dest="source", required=True)
    goodreads = sources.add_parser("goodreads", help="a Goodreads shelf by its RSS link")
    goodreads.add_argument("url")
    hardcover = sources.add_parser(
        "hardcover",
        help="a Hardcover list (its slug) or status (want-to-read, currently-reading, read, …); "
        "the token is read from standard input when piped in, else the saved one is used",
    )
    hardcover.add_argument("list")
    csv = sources.add_parser("csv", help="a one-off import of a Goodreads or StoryGraph export")
    csv.add_argument("file", type=Path)
    csv.add_argument("--shelf", default="to-read", help="which shelf of the export ('all' for every book)")
    for parser in (goodreads, hardcover, csv):
        parser.add_argument("--json", action="store_true")
        parser.set_defaults(handler=add_shelf)

    list_cmd = commands.add_parser("list", help="your shelves with their counts")
    sync = commands.add_parser("sync", help="sync one shelf now (default: every shelf not paused)")
    sync.add_argument("shelf_id", type=int, nargs="?")
    remove = commands.add_parser("remove", help="remove a shelf (its requests and books stay)")
    remove.add_argument("shelf_id", type=int)
    choices = commands.add_parser("choices", help='books waiting in "Choose the right book"')
    choose = commands.add_parser("choose", help="pick the audiobook for a waiting book")
    choose.add_argument("book_id", type=int)
    choose.add_argument("asin")
    toggles = []
    for name in ("pause", "resume"):
        toggle = commands.add_parser(name, help=f"{name} syncing a shelf into requests")
        toggle.add_argument("shelf_id", type=int)
        toggle.set_defaults(handler=pause_shelf, paused=name == "pause")
        toggles.append(toggle)
    list_cmd.set_defaults(handler=list_shelves)
    sync.set_defaults(handler=sync_shelves)
    remove.set_defaults(handler=remove_shelf)
    choices.set_defaults(handler=list_choices)
    choose.set_defaults(handler=choose_book)
    for parser in (list_cmd, sync, remove, choices, choose, *toggles):
        parser.add_argument("--json", action="store_true")


def _run(args: argparse.Namespace, run) -> int:  # type: ignore[no-untyped-def]
    core = core_from_args(args)
    try:
        return int(run(core.shelves) or 0)
    finally:
        core.close()


def _summary(shelf: ShelfSummary) -> dict[str, Any]:
    return {
        "id": shelf.id,
        "source": shelf.source.value,
        "name": shelf.name,
        "target": shelf.target,
        "paused": shelf.paused,
        "last_synced_at": shelf.last_synced_at,
        "last_error": shelf.last_error,
        "counts": shelf.counts,
    }


def _print(shelf: ShelfSummary) -> None:
    counts = (
        ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(shelf.counts.items())) or "no books yet"
    )
    state = " (paused)" if shelf.paused else ""
    print(f"{shelf.id:>4}  {shelf.source.value:<9} {shelf.name}{state}: {counts}")
    if shelf.last_error:
        print(f"      last sync failed: {shelf.last_error}")


def _print_sync(result: SyncResult) -> None:
    if result.error:
        print(f"shelf {result.shelf_id}: did not sync: {result.error}")
        return
    what = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in sorted(result.counts.items())) or "nothing new"
    print(f"shelf {result.shelf_id}: {result.books} books, {result.added} new; {what}")


def _token() -> str | None:
    """A Hardcover token piped in on standard input (none typed at a terminal)."""
    if sys.stdin is None or sys.stdin.isatty():
        return None
    return sys.stdin.readline().strip() or None


def add_shelf(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        if args.source == "goodreads":
            shelf = service.add_goodreads(args.url)
        elif args.source == "hardcover":
            shelf = service.add_hardcover(args.list, _token())
        else:
            shelf = service.add_csv(args.file, args.shelf)
        result = service.sync(shelf.id)
        shelf = service.summary(shelf.id)
        if args.json:
            print_json({"shelf": _summary(shelf), "sync": result})
        else:
            print(f"added shelf {shelf.id}: {shelf.name}")
            _print_sync(result)
        return 0 if result.error is None else 1

    return _run(args, run)


def list_shelves(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        shelves = service.list(service.users.current().id)
        if args.json:
            print_json([_summary(s) for s in shelves])
        elif not shelves:
            print("No shelves yet. Add one: rmab shelves add goodreads URL")
        for shelf in shelves if not args.json else ():
            _print(shelf)
        return 0

    return _run(args, run)


def sync_shelves(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        results = [service.sync(args.shelf_id)] if args.shelf_id is not None else service.sync_all()
        if args.json:
            print_json(results)
        for result in results if not args.json else ():
            _print_sync(result)
        return 1 if any(r.error for r in results) else 0

    return _run(args, run)


def remove_shelf(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        service.remove(args.shelf_id)
        if args.json:
            print_json({"removed": args.shelf_id})
        else:
            print(f"removed shelf {args.shelf_id}; its requests and books stay")
        return 0

    return _run(args, run)


def pause_shelf(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        shelf = service.set_paused(args.shelf_id, args.paused)
        if args.json:
            print_json(_summary(shelf))
        else:
            _print(shelf)
        return 0

    return _run(args, run)


def list_choices(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        choices = service.choices(service.users.current().id)
        if args.json:
            print_json(
                [
                    {
                        "id": c.mapping_id,
                        "shelf": c.shelf_name,
                        "title": c.title,
                        "authors": list(c.authors),
                        "reason": c.reason,
                        "candidates": [candidate.to_json() for candidate in c.candidates],
                    }
                    for c in choices
                ]
            )
            return 0
        if not choices:
            print("No books are waiting for a choice.")
        for choice in choices:
            print(
                f"{choice.mapping_id:>4}  {choice.title} — {', '.join(choice.authors)} ({choice.shelf_name})"
            )
            for candidate in choice.candidates:
                print(f"      {candidate.asin}  {candidate.title} — {', '.join(candidate.authors)}")
        if choices:
            print("Pick one: rmab shelves choose ID ASIN")
        return 0

    return _run(args, run)


def choose_book(args: argparse.Namespace) -> int:
    def run(service: ShelfService) -> int:
        status = service.choose(args.book_id, args.asin.strip().upper())
        if args.json:
            print_json({"id": args.book_id, "asin": args.asin, "status": status.value})
        else:
            print(f"book {args.book_id}: {status.value.replace('_', ' ')}")
        return 0

    return _run(args, run)
