"""``rmab audible import|library|wishlist|status`` (and ``login|logout|sync``): the Audible library."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.audible_library import (
    AudibleEntry,
    ImportSummary,
    ListeningState,
    Shelf,
    SyncRecord,
    WishlistPlanItem,
)
from rmab_desktop.domain.catalog import REGIONS

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore

SORT_CHOICES = ("title", "author", "added", "purchased", "progress", "rating")


def register(audible: argparse.ArgumentParser) -> None:
    commands = audible.add_subparsers(dest="audible_command", required=True)

    imp = commands.add_parser("import", help="import an audible-cli or Libation export (JSON, CSV, TSV)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--wishlist", action="store_true", help="the file is a wishlist export")
    imp.add_argument(
        "--region", choices=sorted(REGIONS), help="marketplace of the export (default: settings)"
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_cmd)

    library = commands.add_parser("library", help="the titles you own on Audible")
    _listing_options(library)
    library.set_defaults(handler=list_cmd, shelf=Shelf.LIBRARY)

    wishlist = commands.add_parser("wishlist", help="your Audible wishlist")
    _listing_options(wishlist)
    wishlist.set_defaults(handler=list_cmd, shelf=Shelf.WISHLIST)
    wishlist_commands = wishlist.add_subparsers(dest="wishlist_command")
    missing = wishlist_commands.add_parser(
        "request-missing", help="request every wishlist title not owned, in the library, requested or ignored"
    )
    missing.add_argument(
        "--dry-run", action="store_true", help="only show what would be requested and skipped"
    )
    missing.add_argument("--json", action="store_true")
    missing.set_defaults(handler=request_missing_cmd)
    ignore = wishlist_commands.add_parser("ignore", help="never request this wishlist title (--undo: again)")
    ignore.add_argument("asin")
    ignore.add_argument("--undo", action="store_true")
    ignore.set_defaults(handler=ignore_cmd)

    login = commands.add_parser("login", help="sign in to Audible in your browser and register this device")
    login.add_argument("--region", choices=sorted(REGIONS), help="marketplace (default: settings)")
    login.add_argument("--landed-url", help="the address the browser showed after login (else asked for)")
    login.set_defaults(handler=login_cmd)
    logout = commands.add_parser("logout", help="deregister this device and forget the sign-in")
    logout.add_argument("--region", choices=sorted(REGIONS))
    logout.add_argument("--forget", action="store_true", help="only remove the sign-in from this computer")
    logout.set_defaults(handler=logout_cmd)
    sync = commands.add_parser("sync", help="sync your Audible library and wishlist")
    sync.add_argument("--region", choices=sorted(REGIONS))
    sync.add_argument("--full", action="store_true", help="read the whole library, not only new purchases")
    sync.add_argument("--json", action="store_true")
    sync.set_defaults(handler=sync_cmd)

    status = commands.add_parser("status", help="sign-in state, counts and the recent syncs and imports")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=status_cmd)


def _listing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", help="words in title, author, narrator or series")
    parser.add_argument("--state", choices=[s.value for s in ListeningState])
    local = parser.add_mutually_exclusive_group()
    local.add_argument("--in-library", dest="in_library", action="store_const", const=True)
    local.add_argument("--not-in-library", dest="in_library", action="store_const", const=False)
    parser.add_argument("--sort", choices=SORT_CHOICES, default="title")
    parser.add_argument("--desc", action="store_true", help="sort descending")
    parser.add_argument("--json", action="store_true")


def _with_core(args: argparse.Namespace, run: Callable[[AppCore], int]) -> int:
    core = core_from_args(args)
    try:
        return run(core)
    finally:
        core.close()


def _summary_json(summary: ImportSummary) -> dict[str, Any]:
    return {
        "shelf": summary.shelf.value,
        "source": summary.source,
        "added": summary.added,
        "updated": summary.updated,
        "unchanged": summary.unchanged,
        "removed": summary.removed,
        "errors": list(summary.errors),
        "duration_ms": summary.duration_ms,
        "history_id": summary.history_id,
    }


def print_summary(summary: ImportSummary, as_json: bool) -> None:
    if as_json:
        print_json(_summary_json(summary))
        return
    print(
        f"{summary.shelf.value}: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {summary.removed} removed, {len(summary.errors)} error(s)"
    )
    for error in summary.errors:
        print(f"  {error}")


def import_cmd(args: argparse.Namespace) -> int:
    from rmab_desktop.services.audible_library import import_export

    def run(core: AppCore) -> int:
        shelf = Shelf.WISHLIST if args.wishlist else Shelf.LIBRARY
        region = args.region or core.prefs.catalog.region
        summary = import_export(core.audible_library, args.file, shelf, region)
        print_summary(summary, args.json)
        return 0

    return _with_core(args, run)


def entry_json(entry: AudibleEntry) -> dict[str, Any]:
    return {
        "asin": entry.asin,
        "title": entry.title,
        "authors": list(entry.authors),
        "narrators": list(entry.narrators),
        "series": entry.series_title or None,
        "series_position": entry.series_position or None,
        "runtime_min": entry.runtime_min,
        "region": entry.region,
        "progress_percent": entry.progress_percent,
        "finished": entry.finished,
        "state": entry.state.value,
        "rating": entry.rating,
        "average_rating": entry.average_rating,
        "purchase_date": entry.purchase_date,
        "date_added": entry.date_added,
        "in_local_library": entry.in_local_library,
        "ignored": entry.ignored,
        "cover_url": entry.cover_url or None,
    }


def list_cmd(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        entries = core.audible_library.entries(
            args.shelf,
            search=args.search,
            state=ListeningState(args.state) if args.state else None,
            in_local_library=args.in_library,
            sort=args.sort,
            descending=args.desc,
        )
        if args.json:
            print_json({args.shelf.value: [entry_json(e) for e in entries]})
            return 0
        for entry in entries:
            progress = "finished" if entry.finished else f"{entry.progress_percent or 0:.0f}%"
            rating = f"{entry.rating:.0f}/5" if entry.rating is not None else "-"
            local = "  [in library]" if entry.in_local_library else ""
            print(f"{entry.asin}  {progress:>8}  {rating:>4}  {entry.title}{local}")
        if not entries:
            print(f"No titles on your Audible {args.shelf.value}. Import an export or sign in and sync.")
        return 0

    return _with_core(args, run)


def _plan_json(item: WishlistPlanItem) -> dict[str, Any]:
    return {"asin": item.asin, "title": item.title, "region": item.region, "reason": item.reason}


def request_missing_cmd(args: argparse.Namespace) -> int:
    from rmab_desktop.services.audible_library import plan_missing, request_missing

    def run(core: AppCore) -> int:
        failed: tuple[tuple[WishlistPlanItem, str], ...] = ()
        if args.dry_run:
            plan = plan_missing(core.audible_library)
            to_request, skipped = plan.to_request, plan.skipped
        else:
            outcome = request_missing(core.audible_library, core.requests)
            to_request, skipped, failed = outcome.requested, outcome.skipped, outcome.failed
        if args.json:
            print_json(
                {
                    "dry_run": args.dry_run,
                    "requested" if not args.dry_run else "to_request": [_plan_json(i) for i in to_request],
                    "skipped": [_plan_json(i) for i in skipped],
                    "failed": [{**_plan_json(i), "error": message} for i, message in failed],
                }
            )
        else:
            verb = "would request" if args.dry_run else "requested"
            for item in to_request:
                print(f"{verb:>13}  {item.asin}  {item.title}")
            for item in skipped:
                print(f"{'skipped':>13}  {item.asin}  {item.title}  ({item.reason})")
            for item, message in failed:
                print(f"{'failed':>13}  {item.asin}  {item.title}  ({message})")
        return 1 if failed else 0

    return _with_core(args, run)


def ignore_cmd(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        entry = core.audible_library.set_ignored(args.asin, not args.undo)
        print(f"{entry.asin}  {'ignored' if entry.ignored else 'no longer ignored'}  {entry.title}")
        return 0

    return _with_core(args, run)


def _history_json(record: SyncRecord) -> dict[str, Any]:
    return {
        "kind": record.kind,
        "shelf": record.shelf.value,
        "source": record.source,
        "added": record.added,
        "updated": record.updated,
        "removed": record.removed,
        "errors": record.errors,
        "duration_ms": record.duration_ms,
        "synced_at": record.synced_at,
    }


def status_cmd(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        store = core.audible_library
        counts = {shelf.value: len(store.entries(shelf)) for shelf in Shelf}
        history = store.history(10)
        region = _region(args, core)
        account = core.audible_account.status(region)
        signed_in = {
            "region": region,
            "signed_in": account is not None,
            "name": account.name if account else None,
        }
        if args.json:
            print_json(
                {"account": signed_in, "counts": counts, "history": [_history_json(r) for r in history]}
            )
            return 0
        print(
            f"Audible ({region}): "
            + (f"signed in as {account.name or 'you'}" if account else "not signed in")
        )
        print(f"library: {counts['library']} title(s), wishlist: {counts['wishlist']} title(s)")
        for record in history:
            print(
                f"  {record.synced_at:%Y-%m-%d %H:%M}  {record.kind:<6} {record.shelf.value:<8} "
                f"+{record.added} ~{record.updated} -{record.removed} errors {record.errors} "
                f"({record.duration_ms} ms)  {record.source}"
            )
        return 0

    return _with_core(args, run)


def _region(args: argparse.Namespace, core: AppCore) -> str:
    return str(getattr(args, "region", None) or core.prefs.catalog.region)


def login_cmd(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        attempt = core.audible_account.begin(_region(args, core))
        landed = args.landed_url
        if not landed:
            print("Open this address in your browser and log in to Amazon/Audible:", file=sys.stderr)
            print(attempt.url)
            print(
                "Then paste the address of the page you land on (it may say 'page not found'):",
                file=sys.stderr,
            )
            landed = sys.stdin.readline()
        info = core.audible_account.finish(attempt, landed)
        print(f"signed in to Audible ({info.region}) as {info.name or 'you'}; device: {info.device_name}")
        return 0

    return _with_core(args, run)


def logout_cmd(args: argparse.Namespace) -> int:
    def run(core: AppCore) -> int:
        region = _region(args, core)
        core.audible_account.sign_out(region, forget_only=args.forget)
        print(f"signed out of Audible ({region})" + ("" if args.forget else "; this device is deregistered"))
        return 0

    return _with_core(args, run)


def sync_cmd(args: argparse.Namespace) -> int:
    from rmab_desktop.services.audible_library import sync_both

    def run(core: AppCore) -> int:
        summaries = sync_both(core.audible_library, core.audible_account, _region(args, core), full=args.full)
        if args.json:
            print_json({"syncs": [_summary_json(s) for s in summaries]})
        else:
            for summary in summaries:
                print_summary(summary, False)
        return 0

    return _with_core(args, run)
