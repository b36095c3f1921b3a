"""``rmab rss poll [--feed KEY] [--json]``: check the indexers' feeds for releases waiting requests need."""

from __future__ import annotations

import argparse

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.errors import ServiceError
from rmab_desktop.services.rss import FeedReport


def register(rss: argparse.ArgumentParser) -> None:
    commands = rss.add_subparsers(dest="rss_command", required=True)
    poll = commands.add_parser(
        "poll", help="poll every indexer feed now; matches are queued for grabbing like a search's"
    )
    poll.add_argument("--feed", help="only this feed (an indexer id, or PROWLARR_ID:INDEXER_ID)")
    poll.add_argument("--json", action="store_true")
    poll.set_defaults(handler=poll_feeds)


def _line(report: FeedReport) -> str:
    if report.error:
        return f"{report.name}: failed: {report.error}"
    if report.skipped:
        return f"{report.name}: not polled: {report.skipped}"
    grabbed = "; ".join(f"request {rid} <- {title}" for rid, title in report.grabbed)
    return f"{report.name}: {report.items} items, {report.new} new" + (
        f"; grabbing {grabbed}" if grabbed else ""
    )


def poll_feeds(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        reports = core.rss.poll(args.feed)
    finally:
        core.close()
    if args.json:
        print_json([r.to_json() for r in reports])
    elif not reports:
        print("No feed to poll. Add a Torznab, Newznab or Prowlarr indexer: rmab indexers add")
    for report in reports if not args.json else ():
        print(_line(report))
    if reports and all(r.error for r in reports):
        raise ServiceError(
            f"No indexer feed could be read ({reports[0].name}: {reports[0].error}).",
            hint="Test the indexers in Settings > Indexers; the next poll tries again.",
        )
    return 0
