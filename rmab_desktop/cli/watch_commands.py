"""``rmab watch author|series ASIN``, ``rmab watch list|remove|check``, ``rmab missing`` and
``rmab ignore add|list|remove``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.watching import CheckResult, SeriesBook, Watch, WatchFormat, WatchKind, WatchMode

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore


def register_watch(watch: argparse.ArgumentParser) -> None:
    commands = watch.add_subparsers(dest="watch_command", required=True)
    for kind in WatchKind:
        add = commands.add_parser(
            kind.value, help=f"watch a{'n' if kind == WatchKind.AUTHOR else ''} {kind.value}"
        )
        add.add_argument("asin", help=f"the {kind.value}'s Audible ASIN")
        add.add_argument(
            "--mode",
            choices=[m.value for m in WatchMode],
            default=WatchMode.NEW.value,
            help="new: books released from now on (default); all: the back catalogue too; "
            "next: only the next book of a series",
        )
        add.add_argument(
            "--format", choices=[f.value for f in WatchFormat], default=WatchFormat.AUDIOBOOK.value
        )
        add.add_argument("--region", help="the Audible marketplace (default: the app's)")
        add.add_argument("--json", action="store_true")
        add.set_defaults(handler=add_watch, kind=kind.value)
    list_cmd = commands.add_parser("list", help="your watched authors and series")
    list_cmd.set_defaults(handler=list_watches)
    remove = commands.add_parser("remove", help="stop watching (the requests it made stay)")
    remove.add_argument("watch_id", type=int)
    remove.set_defaults(handler=remove_watch)
    check = commands.add_parser("check", help="check now (default: every watch that is not paused)")
    check.add_argument("watch_id", type=int, nargs="?")
    check.set_defaults(handler=check_watches)
    for parser in (list_cmd, remove, check):
        parser.add_argument("--json", action="store_true")


def register_missing(missing: argparse.ArgumentParser) -> None:
    missing.add_argument("--json", action="store_true")
    missing.set_defaults(handler=list_missing)


def register_ignore(ignore: argparse.ArgumentParser) -> None:
    commands = ignore.add_subparsers(dest="ignore_command", required=True)
    add = commands.add_parser("add", help="never let automation request this book")
    add.add_argument("asin")
    add.add_argument("--region", help="the Audible marketplace (default: the app's)")
    add.add_argument("--whole-work", action="store_true", help="every edition of the book, not only this one")
    add.set_defaults(handler=add_ignore)
    list_cmd = commands.add_parser("list", help="your ignore list")
    list_cmd.set_defaults(handler=list_ignored)
    remove = commands.add_parser("remove", help="take a book off the ignore list (by its ASIN or list id)")
    remove.add_argument("key", metavar="ASIN|ID")
    remove.set_defaults(handler=remove_ignore)
    for parser in (add, list_cmd, remove):
        parser.add_argument("--json", action="store_true")


def _run(args: argparse.Namespace, run: Callable[[AppCore], int | None]) -> int:
    core = core_from_args(args)
    try:
        return int(run(core) or 0)
    finally:
        core.close()


def _watch(watch: Watch) -> dict[str, Any]:
    return {
        "id": watch.id,
        "kind": watch.kind.value,
        "asin": watch.asin,
        "region": watch.region,
        "name": watch.name,
        "mode": watch.mode.value,
        "format": watch.format.value,
        "paused": watch.paused,
        "created_at": watch.created_at,
        "last_checked_at": watch.last_checked_at,
        "last_error": watch.last_error,
        "requested": watch.requested_count,
        "last_found": list(watch.last_found),
    }


def _line(watch: Watch) -> str:
    checked = watch.last_checked_at.strftime("%Y-%m-%d %H:%M") if watch.last_checked_at else "never"
    state = " (paused)" if watch.paused else ""
    error = f" — {watch.last_error}" if watch.last_error else ""
    return (
        f"{watch.id:>4}  {watch.kind.value:<6}  {watch.name} [{watch.asin}, {watch.region}]{state}  "
        f"mode {watch.mode.value}, {watch.format.value}; checked {checked}; "
        f"{watch.requested_count} requested{error}"
    )


def add_watch(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        watch = core.watching.add(
            WatchKind(args.kind),
            args.asin,
            mode=WatchMode(args.mode),
            format=WatchFormat(args.format),
            region=args.region,
        )
        print_json(_watch(watch)) if args.json else print(f"Watching {watch.name} (watch {watch.id})")

    return _run(args, run)


def list_watches(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        watches = core.watching.list(core.users.current().id)
        if args.json:
            print_json({"watches": [_watch(w) for w in watches]})
            return
        if not watches:
            print("No watches yet: 'rmab watch author ASIN' or 'rmab watch series ASIN' adds one.")
        for watch in watches:
            print(_line(watch))

    return _run(args, run)


def remove_watch(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        watch = core.watching.remove(args.watch_id)
        print_json(_watch(watch)) if args.json else print(f"No longer watching {watch.name}")

    return _run(args, run)


def _result(result: CheckResult) -> dict[str, Any]:
    return {
        "watch_id": result.watch_id,
        "name": result.name,
        "error": result.error,
        "found": [
            {
                "asin": b.asin,
                "title": b.title,
                "outcome": b.outcome.value,
                "request_id": b.request_id,
                "release_date": b.release_date,
                "note": b.note,
            }
            for b in result.found
        ],
    }


def check_watches(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        results = (
            [core.watching.check(args.watch_id)] if args.watch_id is not None else core.watching.check_all()
        )
        if args.json:
            print_json({"results": [_result(r) for r in results]})
        else:
            for result in results:
                if result.error:
                    print(f"{result.name}: not checked: {result.error}")
                    continue
                titles = ", ".join(b.title for b in result.requested) or "nothing new"
                print(f"{result.name}: {titles}")
        return 1 if results and all(r.error for r in results) else 0

    return _run(args, run)


def _book(item: SeriesBook) -> dict[str, Any]:
    return {
        "asin": item.book.asin,
        "title": item.book.title,
        "position": item.position,
        "state": item.state.value,
        "release_date": item.book.release_date,
    }


def list_missing(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        gaps = core.watching.missing_in_series()
        if args.json:
            print_json(
                {
                    "series": [
                        {
                            "asin": g.series_asin,
                            "title": g.title,
                            "region": g.region,
                            "owned": g.owned,
                            "missing": [_book(b) for b in g.missing],
                        }
                        for g in gaps
                    ]
                }
            )
            return
        if not gaps:
            print("No gaps: every series you own part of is complete (as far as the catalog cache knows).")
        for gap in gaps:
            print(f"{gap.title} [{gap.series_asin}]: you have {gap.owned}, missing {len(gap.missing)}")
            for item in gap.missing:
                print(f"  #{item.position or '?'}  {item.book.title} ({item.book.asin}, {item.state.value})")

    return _run(args, run)


def add_ignore(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        book = core.catalog.book(args.asin, args.region)
        entry = core.requests.ignores.add(core.users.current().id, book, whole_work=args.whole_work)
        if args.json:
            print_json(entry)
        else:
            print(f"Ignoring {entry.title}{' (every edition)' if entry.whole_work else ''}")

    return _run(args, run)


def list_ignored(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        entries = core.requests.ignores.entries(core.users.current().id)
        if args.json:
            print_json({"ignored": entries})
            return
        if not entries:
            print("Your ignore list is empty.")
        for entry in entries:
            print(
                f"{entry.id:>4}  {entry.asin}  {entry.title}{'  (every edition)' if entry.whole_work else ''}"
            )

    return _run(args, run)


def remove_ignore(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> None:
        entry = core.requests.ignores.remove(core.users.current().id, args.key)
        print_json(entry) if args.json else print(f"No longer ignoring {entry.title}")

    return _run(args, run)
