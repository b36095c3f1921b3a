"""``rmab add-url URL [--title T] [--author A] [--dry-run] [--json]``: audio from a link."""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.cli.output import core_from_args, print_json


def _progress(fraction: float) -> None:
    print(f"\r{fraction:6.1%}", end="", file=sys.stderr, flush=True)


def register(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("url")
    cmd.add_argument("--title", help="the book's title (default: the page's)")
    cmd.add_argument("--author", help="the book's author (default: the page's)")
    cmd.add_argument("--dry-run", action="store_true", help="show what the link holds and where it goes")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=add_url)


def add_url(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        imports = core.url_imports
        if args.dry_run:
            preview = imports.preview(args.url, title=args.title, author=args.author)
            if args.json:
                print_json(preview.to_json())
            else:
                source = preview.source
                print(f"{preview.book.title} by {', '.join(preview.book.authors)} ({source.site})")
                print(f"  {len(source.chapters)} chapters; would go to {preview.target_path}")
            return 0
        # Ctrl-C interrupts the download; the temporary folder is removed, nothing half-imported.
        done = imports.run(args.url, title=args.title, author=args.author, progress=_progress)
        print(file=sys.stderr)
        print_json(done) if args.json else print(
            f"Imported into {done['path']} ({done['chapters']} chapters)"
        )
        return 0
    finally:
        core.close()
